// Training programme page: the evaluation's mean total per month as a line (the total runs from 20 to 100).
(function () {
  var el = document.getElementById('training-trend-data');
  var box = document.getElementById('training-trend');
  if (!el || !box || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var chart = echarts.init(box);
  chart.setOption({
    title: { text: data.title, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: data.points.map(function (p) { return p.month; }) },
    yAxis: { type: 'value', min: 20, max: 100 },
    series: [{ name: data.title, type: 'line', itemStyle: { color: '#0b6e6e' },
      data: data.points.map(function (p) { return p.meanTotal; }) }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
