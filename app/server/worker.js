// The NASSS toolkit's service worker. It keeps every file the app needs in
// a cache named after the app's version, so the app starts and works with
// no connection, on any route.
const cacheName = "nasss-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
// The PDF maker's files: cached once the app is ready and the network is
// quiet (the page asks, see "message" below), or on first use, so that
// they never compete with the app's own first load.
const laterFiles = /*LATER_FILES*/[];

// A URL carrying its content's hash never changes: the HTTP cache may
// answer for it. Any other must be asked of the server again, so a new
// version never caches an old file; an unchanged one costs a 304.
const hashed = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

function fetchFresh(url) {
  return fetch(new Request(url, { cache: hashed.test(url) ? "default" : "no-cache" }));
}

async function put(cache, url) {
  const response = await fetchFresh(url);
  if (!response.ok) {
    throw new Error("caching " + url + " failed: HTTP " + response.status);
  }
  await cache.put(url, response);
}

self.addEventListener("install", (event) => {
  // Wait for the whole cache before installing. If any file fails, the
  // install fails and the previous version stays in charge, complete.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await Promise.all(resourcesToCache.map((url) => put(cache, url)));
      await self.skipWaiting();
    })()
  );
});

// No clients.claim(): a page loaded without a worker stays so until the
// next load, and only a page that had a worker is told of an update.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== cacheName) {
          await caches.delete(key);
        }
      }
    })()
  );
});

// The page says when it is ready: then the PDF maker's files are cached,
// one at a time, for making PDFs offline.
self.addEventListener("message", (event) => {
  if (event.data && event.data.nasss === "cache-later") {
    event.waitUntil(cacheLater());
  }
});

async function cacheLater() {
  const cache = await caches.open(cacheName);
  for (const url of laterFiles) {
    if (!(await cache.match(url))) {
      try {
        await put(cache, url);
      } catch (err) {
        // Offline or refused: the file is cached when first used instead.
      }
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});

// Every page is the same shell: the app reads the URL and draws the page.
async function page(request) {
  const cached = await caches.match("/", { cacheName });
  return cached || fetch(request);
}

async function file(request) {
  const cached = await caches.match(request, { cacheName, ignoreSearch: true });
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  // A PDF maker's file asked for before it was cached: keep it now.
  const path = new URL(request.url).pathname;
  if (response.ok && laterFiles.includes(path)) {
    const copy = response.clone();
    caches.open(cacheName).then((cache) => cache.put(path, copy));
  }
  return response;
}
