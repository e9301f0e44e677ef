// Mystery visit: the location is asked for only when the shopper ticks the box, and only the numbers go with the form.
(function () {
  document.addEventListener('change', function (e) {
    var box = e.target;
    if (!box.matches || !box.matches('input[data-geo-ask]') || !box.checked || !navigator.geolocation) { return; }
    var form = box.closest('form');
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.querySelector('[data-geo=latitude]').value = pos.coords.latitude.toFixed(6);
      form.querySelector('[data-geo=longitude]').value = pos.coords.longitude.toFixed(6);
    }, function () { box.checked = false; }, {timeout: 10000});
  });
})();
