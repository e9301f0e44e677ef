// Star grade: each region's outlets per star level as bars; one outlet's grade by month as a step line.
(function () {
  if (!window.echarts) { return; }
  var dist = document.getElementById('star-distribution-data');
  if (dist) {
    var d = JSON.parse(dist.textContent);
    var chart = echarts.init(document.getElementById('star-distribution'));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: d.stars },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.regions.map(function (r) {
        return { name: r.regionName, type: 'bar', data: r.outletsPerStars };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  var trend = document.getElementById('star-trend-data');
  if (trend) {
    var t = JSON.parse(trend.textContent);
    var line = echarts.init(document.getElementById('star-trend'));
    line.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
      xAxis: { type: 'category', data: t.months },
      yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
      series: [{ name: t.label, type: 'line', step: 'middle', itemStyle: { color: '#0b6e6e' }, data: t.stars }]
    });
    window.addEventListener('resize', function () { line.resize(); });
  }
})();
