// Stacked bars: customers per outlet by frequency tier, from /api/v1/outlets/tier-mix.
(function () {
  var el = document.getElementById('tier-mix');
  if (!el || !window.echarts) { return; }
  var labels = JSON.parse(el.dataset.labels);
  fetch(el.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (rows) {
      var chart = echarts.init(el);
      var tiers = ['heavy', 'medium', 'light', 'lapsed'];
      var colours = ['#0b6e6e', '#4fa3a3', '#a9d3d3', '#d9b8b5'];
      chart.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: rows.map(function (r) { return r.outletName; }) },
        series: tiers.map(function (t, i) {
          return { name: labels[t], type: 'bar', stack: 'all', itemStyle: { color: colours[i] },
                   data: rows.map(function (r) { return r[t]; }) };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
