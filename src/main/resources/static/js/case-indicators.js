// Charts of the case indicators page, one unit per axis: the trend (complaints per 1,000 visits on
// the left, on-time % on the right), the SQI per month against its target, the cases per topic,
// and the comparison per outlet or region (rates per 1,000 and return shares in separate charts).
(function () {
  if (!window.echarts) { return; }
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var report = data.report;
  var labels = data.labels;
  var charts = [];
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var c = echarts.init(el);
    c.setOption(option);
    charts.push(c);
  }
  function pct(v) { return v === null ? null : Math.round(v * 1000) / 10; }
  var grid = { left: 8, right: 16, bottom: 8, top: 40, containLabel: true };
  var totals = report.series.filter(function (p) { return p.groupId === null; });
  chart('trend', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: totals.map(function (p) { return p.period; }) },
    yAxis: [{ type: 'value', name: '‰' }, { type: 'value', name: '%', min: 0, max: 100 }],
    series: [
      { name: labels.rate, type: 'line', data: totals.map(function (p) { return p.complaintRate; }), itemStyle: { color: '#b3261e' } },
      { name: labels.onTime, type: 'line', yAxisIndex: 1, itemStyle: { color: '#1e7b34' },
        data: totals.map(function (p) { return pct(p.onTimeRate); }) }
    ]
  });
  chart('sqi-trend', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: report.months.map(function (p) { return p.period; }) },
    yAxis: { type: 'value', name: '‰', min: 0 },
    series: [{
      name: labels.sqiRate, type: 'bar', itemStyle: { color: '#9fb4c2' },
      data: report.months.map(function (p) { return p.sqiPerThousand; }),
      markLine: { symbol: 'none', lineStyle: { color: '#b3261e', type: 'dashed' },
        label: { position: 'insideEndTop', formatter: labels.target + ' {c}' }, data: [{ yAxis: data.target }] }
    }]
  });
  var topics = report.topics.slice().reverse();
  chart('by-topic', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: topics.map(function (t) {
      return t.code === null ? labels.noTopic : data.zh ? t.nameZh : t.nameEn; }) },
    series: [{ name: labels.cases, type: 'bar', data: topics.map(function (t) { return t.cases; }), itemStyle: { color: '#0b6e6e' } }]
  });
  // outlets down the side, so that their names stay readable on a phone
  var groups = report.groups.slice().reverse();
  var axis = { type: 'category', data: groups.map(function (g) { return g.name; }), axisLabel: { interval: 0 } };
  var tall = Math.max(360, 80 + groups.length * 56) + 'px';
  var sideGrid = { left: 8, right: 24, bottom: 8, top: 60, containLabel: true };
  ['by-group-rate', 'by-group-return'].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) { el.style.height = tall; }
  });
  chart('by-group-rate', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: sideGrid,
    yAxis: axis,
    xAxis: { type: 'value', name: '‰', min: 0 },
    series: [
      { name: labels.rate, type: 'bar', data: groups.map(function (g) { return g.complaintRate; }), itemStyle: { color: '#b3261e' } },
      { name: labels.sqiRate, type: 'bar', data: groups.map(function (g) { return g.sqiPerThousand; }), itemStyle: { color: '#9fb4c2' } }
    ]
  });
  chart('by-group-return', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: sideGrid,
    yAxis: axis,
    xAxis: { type: 'value', name: '%', min: 0, max: 100 },
    series: [
      { name: labels.fast, type: 'bar', itemStyle: { color: '#0b6e6e' },
        data: groups.map(function (g) { return pct(g.returnAfterFast.rate); }) },
      { name: labels.slow, type: 'bar', itemStyle: { color: '#d9b8b5' },
        data: groups.map(function (g) { return pct(g.returnAfterSlow.rate); }) }
    ]
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
