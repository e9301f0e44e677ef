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
