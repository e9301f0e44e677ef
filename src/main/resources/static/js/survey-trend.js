// Survey trend: responses as bars, the satisfaction index and the would-recommend score as lines.
// One axis per unit: the index on 0-100 (left), responses (right), the recommend score on -100-100 only when there is one.
(function () {
  var el = document.getElementById('trend-data');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var p = data.points;
  var hasRecommend = p.some(function (x) { return x.recommendScore !== null && x.recommendScore !== undefined; });
  var axes = [{ type: 'value', min: 0, max: 100 },
    { type: 'value', minInterval: 1, splitLine: { show: false } }];
  if (hasRecommend) {
    axes.push({ type: 'value', min: -100, max: 100, position: 'right', offset: 48, splitLine: { show: false } });
  }
  var chart = echarts.init(document.getElementById('survey-trend'));
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: p.map(function (x) { return x.period; }) },
    yAxis: axes,
    series: [
      { name: data.responses, type: 'bar', yAxisIndex: 1, itemStyle: { color: '#9fb4c2' },
        data: p.map(function (x) { return x.responses; }) },
      { name: data.index, type: 'line', itemStyle: { color: '#0b6e6e' }, data: p.map(function (x) { return x.satisfactionIndex; }) },
      { name: data.recommend, type: 'line', yAxisIndex: hasRecommend ? 2 : 0, itemStyle: { color: '#b3261e' },
        data: p.map(function (x) { return x.recommendScore; }) }
    ].filter(function (s) { return hasRecommend || s.name !== data.recommend; })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
