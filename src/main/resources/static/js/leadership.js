// Leadership map: one radar axis per principle (0-5), the leader's own scores and the others' means as two series.
(function () {
  var el = document.getElementById('leadership-data');
  var box = document.getElementById('leadership-radar');
  if (!el || !box || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var chart = echarts.init(box);
  chart.setOption({
    tooltip: {},
    legend: { bottom: 0, data: data.series.map(function (s) { return s.name; }) },
    radar: { indicator: data.indicators, radius: '62%' },
    series: [{ type: 'radar', data: data.series, areaStyle: { opacity: 0.12 } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
