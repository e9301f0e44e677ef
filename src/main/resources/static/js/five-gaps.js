// Five-gap model: one group of bars per dimension (and overall), one bar per gap; below zero is a gap.
(function () {
  var el = document.getElementById('five-gaps-data');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var colours = ['#6a4c93', '#1982c4', '#0b6e6e', '#ff924c', '#b3261e'];
  var chart = echarts.init(document.getElementById('five-gap-bars'));
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 48, containLabel: true },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value' },
    series: data.series.map(function (s, i) {
      return { name: s.name, type: 'bar', data: s.data, itemStyle: { color: colours[i] } };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
