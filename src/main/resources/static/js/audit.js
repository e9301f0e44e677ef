// Audit conduct: every answer a form marked data-answer-key sends carries a key made here, once per answer,
// so the server can tell a repeated post (same key: nothing changes) from a correction (new key).
// Runs in the capture phase, before htmx reads the form on the same change event.
(function () {
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var s = '';
    for (var i = 0; i < 32; i++) { s += Math.floor(Math.random() * 16).toString(16); }
    return s;
  }
  document.addEventListener('change', function (e) {
    var form = e.target.closest && e.target.closest('form[data-answer-key]');
    if (!form) { return; }
    var key = form.querySelector('input[name="key"]');
    if (key) { key.value = newKey(); }
  }, true);
})();
// Audit dashboard: monthly mean scores as a line; clicking a point lists the audits behind it.
(function () {
  var el = document.getElementById('audit-trend-data');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.textContent);
  var p = data.points;
  var chart = echarts.init(document.getElementById('audit-trend'));
  chart.setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: p.map(function (x) { return x.month; }) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ name: data.label, type: 'line', itemStyle: { color: '#0b6e6e' },
      data: p.map(function (x) { return Math.round(x.meanScore * 1000) / 10; }) }]
  });
  var list = document.getElementById('audit-point');
  chart.on('click', function (params) {
    var point = p[params.dataIndex];
    if (!point || !list) { return; }
    list.textContent = '';
    var head = document.createElement('p');
    head.textContent = point.month + ' · ' + data.audits + ': ' + point.audits;
    list.appendChild(head);
    var url = data.drill + '?month=' + encodeURIComponent(point.month) + (data.unitId ? '&unitId=' + data.unitId : '');
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (audits) {
        audits.forEach(function (x) {
          var a = document.createElement('a');
          a.href = data.base + x.id;
          a.textContent = x.outletName + ' · ' + (x.score === null ? '–' : Math.round(x.score * 1000) / 10 + ' %');
          a.className = 'chip';
          list.appendChild(a);
          list.appendChild(document.createTextNode(' '));
        });
      });
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
// Signature pad: drawn with a finger or a mouse on a canvas, saved as a PNG through the item's photo upload.
(function () {
  document.querySelectorAll('canvas.signature-pad').forEach(function (canvas) {
    var ctx = canvas.getContext('2d');
    var drawing = false;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    function at(e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    }
    canvas.addEventListener('pointerdown', function (e) {
      drawing = true;
      var p = at(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      canvas.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!drawing) { return; }
      var p = at(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      e.preventDefault();
    });
    canvas.addEventListener('pointerup', function () { drawing = false; });
    var box = canvas.parentElement;
    box.querySelector('[data-signature-clear]').addEventListener('click', function () {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    });
    box.querySelector('[data-signature-save]').addEventListener('click', function () {
      canvas.toBlob(function (blob) {
        var body = new FormData();
        body.append('file', blob, 'signature.png');
        var headers = {};
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) { headers[header.content] = token.content; }
        fetch(canvas.getAttribute('data-signature-url'), { method: 'POST', body: body, headers: headers, credentials: 'same-origin' })
          .then(function (r) { return r.text(); })
          .then(function (html) {
            var target = document.getElementById(canvas.getAttribute('data-signature-target'));
            if (target) { target.outerHTML = html; }
          });
      }, 'image/png');
    });
  });
})();
