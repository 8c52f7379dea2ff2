// The NASSS toolkit's service worker. It keeps every file the app needs in
// a cache named after the app's version, so the app starts and works with
// no connection, on any route.
const cacheName = "nasss-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  // Wait for the whole cache before installing. If any file fails, the
  // install fails and the previous version stays in charge, complete.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await Promise.all(
        resourcesToCache.map(async (url) => {
          // "reload" goes past the HTTP cache: a new version must never
          // cache an old file.
          const response = await fetch(new Request(url, { cache: "reload" }));
          if (!response.ok) {
            throw new Error("caching " + url + " failed: HTTP " + response.status);
          }
          await cache.put(url, response);
        })
      );
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
  return cached || fetch(request);
}
