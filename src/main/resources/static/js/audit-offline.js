// Offline conduct: every answer and photo of the walk-around goes into a queue on the phone (IndexedDB) first and is
// sent from there, oldest first, each with the key made for it once. A post that fails for want of network stays in
// the queue and is sent again when the network returns ('online', or the next time the page opens); the server
// answers a key it has seen with what it stored, so nothing arrives twice. Photos are made smaller here first.
(function () {
  var status = document.getElementById('sync-status');
  if (!status || !window.indexedDB || !window.fetch) { return; }
  var auditId = status.getAttribute('data-audit-id');
  var MAX_SIDE = 1600;
  var signedOut = false;
  var flushing = null;

  function text(name, n) {
    return (status.getAttribute('data-' + name) || '').replace('{0}', n);
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var s = '';
    for (var i = 0; i < 32; i++) { s += Math.floor(Math.random() * 16).toString(16); }
    return s;
  }

  // --- the queue ---
  var opened = null;
  function db() {
    if (!opened) {
      opened = new Promise(function (resolve, reject) {
        var r = indexedDB.open('serviceloop-audits', 1);
        r.onupgradeneeded = function () { r.result.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true }); };
        r.onsuccess = function () { resolve(r.result); };
        r.onerror = function () { reject(r.error); };
      });
    }
    return opened;
  }
  function store(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction('queue', mode);
        var req = work(t.objectStore('queue'));
        t.oncomplete = function () { resolve(req.result); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function waiting() {
    return store('readonly', function (s) { return s.getAll(); })
      .then(function (all) { return all.filter(function (e) { return e.auditId === auditId; }); });
  }
  function enqueue(entry) {
    entry.auditId = auditId;
    return store('readwrite', function (s) { return s.add(entry); });
  }
  function drop(seq) {
    return store('readwrite', function (s) { return s.delete(seq); });
  }

  // --- what the page shows ---
  function render() {
    return waiting().then(function (list) {
      status.classList.toggle('waiting', list.length > 0);
      status.textContent = signedOut ? text('sign-in', list.length)
        : list.length > 0 ? text('waiting', list.length) : text('synced', 0);
      return list;
    });
  }
  function markOnPhone(entry) {
    var el = document.getElementById(entry.target);
    if (!el) { return; }
    if (entry.kind === 'photo') {
      var note = document.createElement('span');
      note.className = 'saved on-phone';
      note.textContent = text('on-phone', 0);
      el.appendChild(note);
    } else {
      el.textContent = text('on-phone', 0);
      el.classList.add('on-phone');
    }
  }
  // The server's reply: the element with the target's id and any out-of-band sibling (the progress bar).
  function swap(html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    Array.prototype.slice.call(t.content.children).forEach(function (el) {
      var old = el.id && document.getElementById(el.id);
      if (old) {
        el.removeAttribute('hx-swap-oob');
        old.replaceWith(el);
      }
    });
  }
  // A page opened from the phone's copy shows the answers still waiting as given.
  function restore(entry) {
    if (entry.kind === 'answer') {
      var form = document.querySelector('#item-' + entry.itemId + ' form[data-answer-key]');
      if (form) {
        entry.fields.forEach(function (f) {
          form.querySelectorAll('[name="' + f[0] + '"]').forEach(function (input) {
            if (input.type === 'radio' || input.type === 'checkbox') {
              input.checked = input.value === f[1];
            } else if (input.type !== 'hidden') {
              input.value = f[1];
            }
          });
        });
      }
    }
    markOnPhone(entry);
  }

  // --- sending ---
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = { 'HX-Request': 'true' };
    if (token && header) { h[header.content] = token.content; }
    return h;
  }
  function send(entry) {
    var body = new FormData();
    entry.fields.forEach(function (f) { body.append(f[0], f[1]); });
    if (entry.blob) { body.append('file', entry.blob, entry.filename); }
    return fetch(entry.url, { method: 'POST', body: body, headers: csrf(), credentials: 'same-origin', redirect: 'manual' });
  }
  // Oldest first; stops at the first post the network or the session did not take, and keeps it.
  function flush() {
    if (flushing) { return flushing; }
    if (!navigator.onLine) { return render(); }
    var sent = 0;
    function next() {
      return waiting().then(function (list) {
        if (list.length === 0) { return; }
        var entry = list[0];
        return send(entry).then(function (r) {
          if (r.type === 'opaqueredirect' || r.status === 401 || r.status === 403) {
            signedOut = true;
            return;
          }
          if (r.status >= 500 || r.status === 429) { return; }
          signedOut = false;
          return r.text().then(function (html) {
            if (r.ok) { swap(html); } else { markRefused(entry); }
            sent++;
            return drop(entry.seq).then(next);
          });
        }, function () { return null; });
      });
    }
    flushing = next().then(function () {
      flushing = null;
      if (sent > 0) { keepPage(); }
      return render();
    }, function () { flushing = null; return render(); });
    return flushing;
  }
  function markRefused(entry) {
    var el = document.getElementById(entry.target);
    if (el) { el.textContent = text('refused', 0); }
  }

  // --- photos made smaller on the phone: the longest side at most 1600 px, as JPEG ---
  function decode(file) {
    if (window.createImageBitmap) { return createImageBitmap(file); }
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var img = new Image();
        img.onload = function () { resolve(img); };
        img.onerror = reject;
        img.src = reader.result;
      };
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }
  function resize(file) {
    if (!/^image\/(jpeg|png|webp|heic|heif)$/.test(file.type)) { return Promise.resolve(file); }
    return decode(file).then(function (img) {
      var w = img.width, h = img.height;
      var scale = Math.min(1, MAX_SIDE / Math.max(w, h));
      if (scale === 1 && file.type === 'image/jpeg') { return file; }
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      var ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (b) { resolve(b || file); }, 'image/jpeg', 0.85);
      });
    }).catch(function () { return file; });
  }

  // --- taking over htmx's posts on this page ---
  document.addEventListener('htmx:confirm', function (e) {
    var form = e.detail.elt;
    if (!form || form.tagName !== 'FORM' || !form.closest('.audit-conduct')) {
      // the rest of the page (the inbox badge) can wait for the network instead of failing every few seconds
      if (!navigator.onLine) { e.preventDefault(); }
      return;
    }
    var item = form.closest('.audit-item');
    var itemId = item ? item.id.replace('item-', '') : '';
    var url = form.getAttribute('hx-post');
    e.preventDefault();
    var entry;
    if (form.hasAttribute('data-answer-key')) {
      var fields = [];
      new FormData(form).forEach(function (v, k) { fields.push([k, String(v)]); });
      entry = Promise.resolve({ kind: 'answer', itemId: itemId, url: url, fields: fields, target: 'saved-' + itemId });
    } else {
      var input = form.querySelector('input[type="file"]');
      var file = input && input.files[0];
      if (!file) { return; }
      // a signature must stay a PNG; a photo is made smaller
      var signature = input.getAttribute('accept') === 'image/png';
      entry = (signature ? Promise.resolve(file) : resize(file)).then(function (blob) {
        input.value = '';
        return { kind: 'photo', itemId: itemId, url: url, fields: [['key', newKey()]], blob: blob,
          filename: blob.type === 'image/jpeg' ? 'photo.jpg' : file.name, target: 'photos-' + itemId };
      });
    }
    entry.then(function (en) {
      return enqueue(en).then(function () { markOnPhone(en); return render(); }).then(flush);
    });
  });

  // The signature pad's PNG goes through the queue too; taken here, before audit.js would post it directly.
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-signature-save]');
    var canvas = button && button.parentElement.querySelector('canvas.signature-pad');
    if (!canvas) { return; }
    e.stopPropagation();
    e.preventDefault();
    var item = canvas.closest('.audit-item');
    canvas.toBlob(function (blob) {
      var en = { kind: 'photo', itemId: item ? item.id.replace('item-', '') : '', url: canvas.getAttribute('data-signature-url'),
        fields: [['key', newKey()]], blob: blob, filename: 'signature.png', target: canvas.getAttribute('data-signature-target') };
      enqueue(en).then(function () { markOnPhone(en); return render(); }).then(flush);
    }, 'image/png');
  }, true);

  // Submitting waits for the queue: the server must have every answer before it scores the audit.
  var submit = document.querySelector('form.submit-audit');
  if (submit) {
    submit.addEventListener('submit', function (e) {
      if (submit.getAttribute('data-synced') === 'true') { return; }
      e.preventDefault();
      flush().then(function (list) {
        if (list.length === 0 && navigator.onLine) {
          submit.setAttribute('data-synced', 'true');
          submit.submit();
        } else {
          status.textContent = list.length > 0 ? text('submit-wait', list.length) : text('offline', 0);
          status.classList.add('waiting');
        }
      });
    });
  }

  // --- the service worker keeps this page for a reload without network ---
  function keepPage() {
    if (!navigator.serviceWorker || !navigator.serviceWorker.controller) { return; }
    navigator.serviceWorker.controller.postMessage({ keep: [location.pathname + location.search] });
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (e.data && e.data.kept) { document.body.setAttribute('data-offline-ready', 'true'); }
    });
    navigator.serviceWorker.register(status.getAttribute('data-sw'), { scope: status.getAttribute('data-scope') })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (reg) {
        var urls = [location.pathname + location.search];
        document.querySelectorAll('script[src]').forEach(function (s) { urls.push(s.src); });
        document.querySelectorAll('link[rel="stylesheet"], link[rel="icon"]').forEach(function (l) { urls.push(l.href); });
        reg.active.postMessage({ keep: urls });
      })
      .catch(function () { return null; });
  }

  window.addEventListener('online', flush);
  setInterval(function () { if (navigator.onLine) { flush(); } }, 30000);
  render().then(function (list) { list.forEach(restore); }).then(flush);
})();
