// Case pages. The action bar on a phone opens the follow-up and hand-over forms as sheets over
// the page, so that nobody scrolls past the history to find them; without JavaScript its links
// jump to the same forms further down.
(function () {
  function closeSheets() {
    document.querySelectorAll('.sheet.open').forEach(function (s) { s.classList.remove('open'); });
  }
  document.addEventListener('click', function (e) {
    var opener = e.target.closest('[data-sheet]');
    if (opener) {
      var sheet = document.getElementById(opener.getAttribute('data-sheet'));
      if (!sheet) return;
      e.preventDefault();
      closeSheets();
      sheet.classList.add('open');
    } else if (e.target.closest('[data-close-sheet]')) {
      closeSheets();
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') closeSheets();
  });
  // A list that changes with a select submits on change: the CSP allows no inline handlers.
  document.addEventListener('change', function (e) {
    if (e.target.matches('[data-submit-on-change]')) e.target.form.requestSubmit();
  });
})();
