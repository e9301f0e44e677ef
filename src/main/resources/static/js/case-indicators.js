// Charts of the case indicators page: the trend of the totals, and a comparison per outlet or region.
(function () {
  if (!window.echarts) { return; }
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var labels = JSON.parse(document.getElementById('report-labels').textContent);
  var trendEl = document.getElementById('trend');
  var totals = report.series.filter(function (p) { return p.groupId === null; });
  var trend = echarts.init(trendEl);
  trend.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: totals.map(function (p) { return p.period; }) },
    yAxis: [{ type: 'value', name: '‰' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: labels.rate, type: 'line', data: totals.map(function (p) { return p.complaintRate; }), itemStyle: { color: '#b3261e' } },
      { name: labels.onTime, type: 'line', yAxisIndex: 1, itemStyle: { color: '#1e7b34' },
        data: totals.map(function (p) { return p.onTimeRate === null ? null : Math.round(p.onTimeRate * 1000) / 10; }) },
      { name: labels.sqi, type: 'bar', data: totals.map(function (p) { return p.sqi; }), itemStyle: { color: '#9fb4c2' } }
    ]
  });
  var groups = report.groups;
  var byGroup = echarts.init(document.getElementById('by-group'));
  byGroup.setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: groups.map(function (g) { return g.name; }), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: '‰' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: labels.rate, type: 'bar', data: groups.map(function (g) { return g.complaintRate; }), itemStyle: { color: '#b3261e' } },
      { name: labels.fast, type: 'bar', yAxisIndex: 1, itemStyle: { color: '#0b6e6e' },
        data: groups.map(function (g) { return g.returnAfterFast.rate === null ? null : Math.round(g.returnAfterFast.rate * 100); }) },
      { name: labels.slow, type: 'bar', yAxisIndex: 1, itemStyle: { color: '#d9b8b5' },
        data: groups.map(function (g) { return g.returnAfterSlow.rate === null ? null : Math.round(g.returnAfterSlow.rate * 100); }) }
    ]
  });
  window.addEventListener('resize', function () { trend.resize(); byGroup.resize(); });
})();
