// Segment insight: a tier x loyalty heatmap of customers (a click opens the customers of the cell)
// and a Pareto chart of the value by segment with its cumulative share.
(function () {
  var el = document.getElementById('segment-heatmap');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.dataset.chart);
  var labels = data.labels;
  var tiers = ['HEAVY', 'MEDIUM', 'LIGHT', 'LAPSED'];
  var loyalties = ['TRUE_LOYAL', 'SPURIOUS', 'LATENT', 'NONE'];
  var cells = data.cells;
  var max = Math.max.apply(null, cells.map(function (c) { return c.customers; }).concat([1]));
  var heat = echarts.init(el);
  heat.setOption({
    tooltip: {
      formatter: function (p) {
        var c = cells[p.data[3]];
        return labels[c.tier] + ' · ' + labels[c.loyalty] + '<br>' + labels.customers + ': ' + c.customers
          + '<br>' + labels.valueShare + ': ' + (c.valueShare === null ? '-' : c.valueShare + ' %');
      }
    },
    grid: { left: 8, right: 16, bottom: 40, top: 8, containLabel: true },
    xAxis: { type: 'category', data: loyalties.map(function (l) { return labels[l]; }) },
    yAxis: { type: 'category', data: tiers.map(function (t) { return labels[t]; }) },
    visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                 inRange: { color: ['#f3f8f8', '#0b6e6e'] } },
    series: [{
      type: 'heatmap', label: { show: true, formatter: function (p) { return p.data[2]; } },
      data: cells.map(function (c, i) {
        return [loyalties.indexOf(c.loyalty), tiers.indexOf(c.tier), c.customers, i];
      })
    }]
  });
  heat.on('click', function (p) {
    var c = cells[p.data[3]];
    window.location.href = data.drill + '&tier=' + c.tier + '&loyalty=' + c.loyalty;
  });
  var ranked = cells.filter(function (c) { return Number(c.value) > 0; })
    .sort(function (a, b) { return Number(b.value) - Number(a.value); });
  var total = ranked.reduce(function (s, c) { return s + Number(c.value); }, 0);
  var running = 0;
  var pareto = echarts.init(document.getElementById('segment-pareto'));
  pareto.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: 30 },
             data: ranked.map(function (c) { return labels[c.tier] + ' · ' + labels[c.loyalty]; }) },
    yAxis: [{ type: 'value', max: 100, axisLabel: { formatter: '{value} %' } }],
    series: [
      { name: labels.valueShare, type: 'bar', itemStyle: { color: '#4fa3a3' },
        data: ranked.map(function (c) { return Number(c.valueShare); }) },
      { name: labels.cumulative, type: 'line', itemStyle: { color: '#b5523b' },
        data: ranked.map(function (c) { running += Number(c.value); return Math.round(1000 * running / total) / 10; }) }
    ]
  });
  pareto.on('click', function (p) {
    var c = ranked[p.dataIndex];
    window.location.href = data.drill + '&tier=' + c.tier + '&loyalty=' + c.loyalty;
  });
  window.addEventListener('resize', function () { heat.resize(); pareto.resize(); });
})();
