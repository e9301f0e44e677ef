// Drag-and-drop ranking within a list; the hidden inputs follow the items, so submitting the
// form sends the new order. Keyboard users can move an item with Alt+Up / Alt+Down.
(function () {
  var dragged = null;
  document.querySelectorAll('.rank-item').forEach(function (item) {
    item.tabIndex = 0;
    item.addEventListener('dragstart', function () { dragged = item; item.classList.add('dragging'); });
    item.addEventListener('dragend', function () { item.classList.remove('dragging'); dragged = null; });
    item.addEventListener('dragover', function (e) {
      if (!dragged || dragged.parentNode !== item.parentNode || dragged === item) { return; }
      e.preventDefault();
      var box = item.getBoundingClientRect();
      item.parentNode.insertBefore(dragged, e.clientY < box.top + box.height / 2 ? item : item.nextSibling);
    });
    item.addEventListener('keydown', function (e) {
      if (!e.altKey) { return; }
      if (e.key === 'ArrowUp' && item.previousElementSibling) { item.parentNode.insertBefore(item, item.previousElementSibling); item.focus(); e.preventDefault(); }
      if (e.key === 'ArrowDown' && item.nextElementSibling) { item.parentNode.insertBefore(item.nextElementSibling, item); item.focus(); e.preventDefault(); }
    });
  });
})();
