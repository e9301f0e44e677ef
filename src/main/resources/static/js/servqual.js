// SERVQUAL charts: the gap per dimension as bars, expectation and perception as a radar.
(function () {
  var el = document.getElementById('servqual-data');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var names = data.labels;
  var dims = data.score.dimensions;
  var bars = echarts.init(document.getElementById('gap-bars'));
  bars.setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: dims.map(function (d) {
      return { value: d.gap === null ? null : Math.round(d.gap * 100) / 100,
               itemStyle: { color: d.gap !== null && d.gap < 0 ? '#b3261e' : '#1e7b34' } };
    }) }]
  });
  var radar = echarts.init(document.getElementById('radar'));
  radar.setOption({
    tooltip: {},
    legend: { bottom: 0, data: [data.expectation, data.perception] },
    radar: { indicator: names.map(function (n) { return { name: n, min: 1, max: 7 }; }) },
    series: [{ type: 'radar', data: [
      { name: data.expectation, value: dims.map(function (d) { return d.expectation; }) },
      { name: data.perception, value: dims.map(function (d) { return d.perception; }) }] }]
  });
  window.addEventListener('resize', function () { bars.resize(); radar.resize(); });
})();
