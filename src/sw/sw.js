// Service worker runtime. The build (src/integrations/service-worker.mjs) writes dist/sw.js as
// `const VERSION = …; const PRECACHE = [...];` followed by this file.
/* global VERSION, PRECACHE */
const PREFIX = 'playbook-';
const CACHE = PREFIX + VERSION;
const PAGES = new Set(PRECACHE.filter((u) => u.endsWith('/') || u.endsWith('.html')));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // 'reload' skips the HTTP cache, so unhashed files (HTML, pagefind-entry.json) come from this deploy.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
      // A new deploy takes over at once instead of waiting for every tab of the old one to close.
      await self.skipWaiting();
    })(),
  );
});

/** Deletes every cache of an earlier build; other caches on the origin are not ours to touch. */
async function deleteOldCaches() {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOldCaches().then(() => self.clients.claim()));
});

/** HTML: the network first (a new deploy shows at once), the cached copy when offline. */
async function networkFirst(event, url) {
  const { request } = event;
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Stored in the background: awaiting it would hold the page back until its whole body had arrived.
    if (response.ok && PAGES.has(url.pathname)) event.waitUntil(cache.put(url.pathname, response.clone()));
    return response;
  } catch (error) {
    const path = url.pathname.endsWith('/') || url.pathname.endsWith('.html') ? url.pathname : `${url.pathname}/`;
    const page = await cache.match(path, { ignoreVary: true });
    if (page) return page;
    // Not a page of this build: its language's 404 page, as a 404, rather than the browser's offline error.
    const missing = await cache.match(url.pathname.startsWith('/en/') ? '/en/404/' : '/404.html', { ignoreVary: true });
    if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
    throw error;
  }
}

/** Everything else is either content-hashed or replaced with the whole cache on a new build. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  // Pagefind asks for pagefind-entry.json?ts=…; the query only defeats HTTP caches. ignoreVary: module
  // scripts are CORS requests (with Origin), and a server answering `Vary: Origin` would make them miss.
  return (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Only this origin's GETs; anything else goes to the network untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' || PAGES.has(url.pathname)) event.respondWith(networkFirst(event, url));
  else event.respondWith(cacheFirst(request));
});
