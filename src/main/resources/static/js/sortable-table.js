// Tables with class "sortable": a click on a column's heading button sorts the rows by that column
// (numbers as numbers, text by the page's language), again for the other direction. Cells carry
// their raw value in data-sort; cells without a value go last either way.
(function () {
  var lang = document.documentElement.lang || undefined;
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    heads.forEach(function (th, col) {
      var button = th.querySelector('button.sort');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[col]);
          var y = value(b.cells[col]);
          if (x === null || y === null) { return x === y ? 0 : x === null ? 1 : -1; }
          var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  function value(cell) {
    if (!cell) { return null; }
    var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : null;
    if (raw === null || raw === '') { return null; }
    var n = Number(raw);
    return isNaN(n) ? raw : n;
  }
})();
