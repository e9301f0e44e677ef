// Survey trend: responses as bars, the satisfaction index and the would-recommend score as lines.
(function () {
  var el = document.getElementById('trend-data');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var p = data.points;
  var chart = echarts.init(document.getElementById('survey-trend'));
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: p.map(function (x) { return x.period; }) },
    yAxis: [{ type: 'value', min: -100, max: 100 }, { type: 'value' }],
    series: [
      { name: data.responses, type: 'bar', yAxisIndex: 1, itemStyle: { color: '#9fb4c2' },
        data: p.map(function (x) { return x.responses; }) },
      { name: data.index, type: 'line', itemStyle: { color: '#0b6e6e' }, data: p.map(function (x) { return x.satisfactionIndex; }) },
      { name: data.recommend, type: 'line', itemStyle: { color: '#b3261e' }, data: p.map(function (x) { return x.recommendScore; }) }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
