// Service climate: a bar per outlet shown and per area of the unit (0-100), and the unit quarter by quarter.
(function () {
  var el = document.getElementById('climate-data');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var charts = [];
  function bars(id, labels, values, colour) {
    var box = document.getElementById(id);
    if (!box || labels.length === 0) { return; }
    var chart = echarts.init(box);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [{ name: data.index, type: 'bar', data: values, itemStyle: { color: colour },
        label: { show: true, position: 'right' } }]
    });
    charts.push(chart);
  }
  bars('climate-outlet-bars', data.outlets, data.outletIndex, '#0b6e6e');
  bars('climate-dimension-bars', data.dimensions, data.dimensionIndex, '#1982c4');
  var line = document.getElementById('climate-trend-line');
  if (line && data.quarters.length > 1) {
    var chart = echarts.init(line);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'category', data: data.quarters },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ name: data.index, type: 'line', data: data.trendIndex, connectNulls: true, itemStyle: { color: '#6a4c93' } }]
    });
    charts.push(chart);
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
