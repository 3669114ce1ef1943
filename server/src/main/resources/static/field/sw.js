// The phone app's service worker (scope /m). It keeps the app's own files so that the app opens without a
// connection, and the pages last seen so that they can be read offline. It never touches the API or any
// request other than GET: reports are queued by the page (field.js), which knows when they were stored.
const CACHE = 'lantian-field-v1';
const SHELL = ['/static/css/phone.css', '/static/js/field.js', '/static/favicon.svg', '/static/field/icon-192.png'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('lantian-field-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/static/')) {
    event.respondWith(caches.match(request).then(hit => hit || fetch(request)));
  } else if (request.mode === 'navigate' && (url.pathname === '/m' || url.pathname.startsWith('/m/'))) {
    event.respondWith(pageFirstFromNetwork(request));
  }
});

// A page: from the network when there is one (and kept), else the copy last seen, else the inbox.
async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) cache.put(request, response.clone());
    return response;
  } catch (offline) {
    return (await cache.match(request)) || (await cache.match('/m')) || new Response(
      '<!DOCTYPE html><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
      + '<p style="font:16px sans-serif;padding:16px">当前无网络，且本机没有此页的缓存。联网后再打开。</p>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
}
