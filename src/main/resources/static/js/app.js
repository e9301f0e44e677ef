// htmx requests carry the CSRF token like forms do.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    e.detail.headers[header.content] = token.content;
  }
});
// Upload progress for long imports.
document.addEventListener('htmx:xhr:progress', function (e) {
  var bar = document.querySelector('progress.upload');
  if (bar && e.detail.lengthComputable) {
    bar.hidden = false;
    bar.value = Math.round(e.detail.loaded / e.detail.total * 100);
  }
});
// Case form: picking a customer from the search hits puts it on the case.
document.addEventListener('click', function (e) {
  var pick = e.target.closest('[data-pick-customer]');
  if (!pick) return;
  document.getElementById('customerId').value = pick.getAttribute('data-pick-customer');
  document.getElementById('customer-search').value = pick.getAttribute('data-label');
  document.getElementById('customer-hits').textContent = '✓ ' + pick.getAttribute('data-label');
});
