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
// The Content-Security-Policy runs no inline script or on* attribute, so page behaviour is declared
// with data-* attributes and wired here once for every page (and for what htmx swaps in later).
// A select marked data-autosubmit applies its choice at once (outlet and outlet-type pickers).
document.addEventListener('change', function (e) {
  var select = e.target.closest('[data-autosubmit]');
  if (select && select.form) {
    select.form.submit();
  }
});
// A button marked data-print prints the page (handbook, survey poster).
document.addEventListener('click', function (e) {
  if (e.target.closest('[data-print]')) {
    e.preventDefault();
    window.print();
  }
});
// A range marked data-split-out="ID" shows "value / 100 - value" in element ID (priorities split).
document.addEventListener('input', function (e) {
  var range = e.target.closest('[data-split-out]');
  if (!range) return;
  var out = document.getElementById(range.getAttribute('data-split-out'));
  if (out) {
    out.textContent = range.value + ' / ' + (100 - range.value);
  }
});

// A button marked data-copy="TEXT" copies TEXT (a rater's link) to the clipboard and says so for a moment.
document.addEventListener('click', function (e) {
  var button = e.target.closest('[data-copy]');
  if (!button || !navigator.clipboard) { return; }
  navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
    var label = button.textContent;
    button.textContent = '✓';
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});
