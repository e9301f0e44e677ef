// Candidate comparison: one group of bars per standard area, one bar per candidate (mean score 1-5).
(function () {
  var el = document.getElementById('candidate-data');
  var box = document.getElementById('candidate-bars');
  if (!el || !box || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var chart = echarts.init(box);
  chart.setOption({
    title: { text: data.title, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 24 },
    grid: { left: 8, right: 16, bottom: 8, top: 64, containLabel: true },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value', min: 0, max: 5 },
    series: data.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
