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
    radar: { indicator: data.indicators, radius: box.clientWidth < 480 ? '45%' : '62%',
      // long English principle names go on two lines on a phone instead of running off the screen
      axisName: { formatter: function (name) {
        return box.clientWidth < 480 && name.length > 12 ? name.replace(/^(.{6,}?) /, '$1\n') : name;
      } } },
    series: [{ type: 'radar', data: data.series, areaStyle: { opacity: 0.12 } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
