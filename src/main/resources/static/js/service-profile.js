// Service profile charts: actual customer mix per characteristic (targeted bands darker), the
// silhouette per tier as a radar, and the customers' SERVQUAL perceptions as a radar beside it.
(function () {
  var el = document.getElementById('profile-data');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var charts = [];
  function chart(id, option) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var c = echarts.init(node);
    c.setOption(option);
    charts.push(c);
  }
  data.mix.forEach(function (part) {
    chart(part.id, {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: part.labels, inverse: true },
      series: [{ type: 'bar', name: data.shareName, data: part.shares.map(function (s, i) {
        return { value: s, itemStyle: { color: part.targeted[i] ? '#1f5f99' : '#a9bccf' } };
      }) }]
    });
  });
  if (data.tiers.length) {
    chart('silhouette-radar', {
      tooltip: {},
      legend: { bottom: 0, data: data.tiers.map(function (t) { return t.name; }) },
      radar: { indicator: data.factors.map(function (f) { return { name: f, min: 0, max: 5 }; }) },
      series: [{ type: 'radar', data: data.tiers }]
    });
  }
  if (data.perceptions) {
    chart('perception-radar', {
      tooltip: {},
      radar: { indicator: data.dimensions.map(function (d) { return { name: d, min: 1, max: 7 }; }) },
      series: [{ type: 'radar', data: [{ name: data.perceptionName, value: data.perceptions }] }]
    });
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
