// How much satisfaction is left after each step of the blueprint (the running product).
(function () {
  var el = document.getElementById('chain-chart');
  if (!el || !window.echarts) { return; }
  var steps = el.dataset.steps.split('|');
  var values = el.dataset.values.split('|').map(function (v) { return Math.round(parseFloat(v) * 1000) / 10; });
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: steps, axisLabel: { interval: 0, rotate: steps.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: function (v) { return Math.max(0, Math.floor(v.min / 10) * 10 - 10); }, max: 100,
             axisLabel: { formatter: '{value} %' } },
    series: [{ name: el.dataset.label, type: 'line', data: values, areaStyle: { opacity: 0.15 },
               itemStyle: { color: '#0b6e6e' }, label: { show: true, formatter: '{c} %' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
