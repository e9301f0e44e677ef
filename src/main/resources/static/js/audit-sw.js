// The service worker of the audit walk-around (served as /audits/offline-sw.js, scope /audits/): it keeps the
// conduct page and the scripts and styles it needs on the phone, so that a reload in a basement without signal
// still opens the audit. Answers and photos are not its business: the page queues them itself (audit-offline.js)
// and the worker lets every POST through untouched.
var CACHE = 'audit-conduct-v1';
var BASE = new URL(self.registration.scope).pathname.replace(/audits\/$/, '');
var CONDUCT = new RegExp('^' + BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + 'audits/\\d+/conduct$');
var ASSETS = ['css/', 'js/', 'webjars/', 'favicon.svg'];

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('audit-conduct-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isAsset(path) {
  return ASSETS.some(function (a) { return path.indexOf(BASE + a) === 0; });
}

// A page that redirects (signed out, audit submitted) is not kept: offline it would open the wrong thing.
function keep(cache, request, response) {
  if (response.ok && !response.redirected && response.type === 'basic') {
    return cache.put(request, response);
  }
  return response.redirected ? cache.delete(request) : Promise.resolve();
}

// The page asks for itself and its scripts and styles to be kept: on the first visit they were loaded
// before this worker was in charge.
self.addEventListener('message', function (e) {
  if (!e.data || !Array.isArray(e.data.keep)) { return; }
  var urls = e.data.keep.filter(function (u) {
    var url = new URL(u, self.location.href);
    return url.origin === self.location.origin && (CONDUCT.test(url.pathname) || isAsset(url.pathname));
  });
  e.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (u) {
      return fetch(u, { credentials: 'same-origin' }).then(function (r) { return keep(cache, u, r); })
        .catch(function () { return null; });
    }));
  }).then(function () {
    if (e.source) { e.source.postMessage({ kept: urls.length }); }
  }));
});

// Network first, so an online phone always sees the audit as the server has it; the kept copy when there is no network.
self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET') { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  var page = req.mode === 'navigate' && CONDUCT.test(url.pathname);
  if (!page && !isAsset(url.pathname)) { return; }
  e.respondWith(fetch(req).then(function (r) {
    var copy = r.clone();
    e.waitUntil(caches.open(CACHE).then(function (cache) { return keep(cache, req, copy); }));
    return r;
  }).catch(function () {
    return caches.match(req, { ignoreSearch: page, ignoreVary: true }).then(function (r) { return r || Response.error(); });
  }));
});
