/*
 * Dropout Lab's service worker: once the lab has loaded, it keeps working when the classroom network fails.
 *
 * Vite's hashed file names are unknown to this static file, so the build id travels in the registration URL
 * (sw.js?build=<hashed entry file>, see src/state/offline.ts). Each build gets its own cache; activating a new
 * build deletes the caches of older ones.
 * - index.html (navigations): network first, so an online reload always sees the newest build; the cache
 *   answers only when the network fails.
 * - assets/ (content-hashed, never change): cache first, stored on first fetch.
 * - anything else under the scope: network first, cache as fallback.
 * Requests to other origins or outside the scope are not touched (the lab makes none, but a host page might).
 */
const CACHE_PREFIX = 'dropout-lab-';
const BUILD = new URL(self.location.href).searchParams.get('build') || 'unversioned';
const CACHE_NAME = CACHE_PREFIX + BUILD;
const SCOPE = self.registration.scope;
const APP_URL = new URL('./', SCOPE).href;
const INDEX_URL = new URL('./index.html', SCOPE).href;

function underScope(url) {
  return url.origin === self.location.origin && url.href.startsWith(SCOPE);
}

/** The app shell plus every asset the shell names (scripts, styles): enough to start offline. */
async function precacheShell() {
  const cache = await caches.open(CACHE_NAME);
  const response = await fetch(INDEX_URL, { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(INDEX_URL, response.clone());
  await cache.put(APP_URL, response);
  const assets = new Set([new URL('./favicon.svg', SCOPE).href]);
  for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const url = new URL(match[1], INDEX_URL);
    if (underScope(url)) assets.add(url.href);
  }
  await Promise.all([...assets].map((url) => cache.add(url).catch(() => undefined)));
  // Chunks loaded later (the training worker, lazy panels, the other language) are named inside the scripts,
  // not in the HTML: follow the names from script to script until no new one turns up.
  const assetsUrl = new URL('./assets/', SCOPE).href;
  const scripts = [...assets].filter((url) => url.startsWith(assetsUrl) && url.endsWith('.js'));
  for (let i = 0; i < scripts.length && i < 200; i++) {
    const script = await cache.match(scripts[i], { ignoreVary: true });
    if (!script) continue;
    const names = new Set((await script.text()).match(/[\w.-]+-[\w-]{6,}\.(?:js|css|wasm)\b/g) || []);
    const found = [...names].map((name) => new URL(name, assetsUrl).href).filter((url) => !assets.has(url));
    for (const url of found) assets.add(url);
    await Promise.all(found.map((url) => cache.add(url).catch(() => undefined)));
    scripts.push(...found.filter((url) => url.endsWith('.js')));
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'skipWaiting') {
    self.skipWaiting();
  } else if (data.type === 'cacheUrls' && Array.isArray(data.urls)) {
    // The page lists what it loaded before this worker controlled it (e.g. the training worker's script).
    const urls = data.urls
      .filter((url) => typeof url === 'string')
      .slice(0, 200)
      .map((url) => new URL(url, SCOPE))
      .filter((url) => underScope(url) && !url.pathname.endsWith('/sw.js'));
    event.waitUntil(
      caches.open(CACHE_NAME).then((cache) =>
        Promise.all(
          urls.map(async (url) => {
            if (!(await cache.match(url.href, { ignoreVary: true }))) await cache.add(url.href).catch(() => undefined);
          }),
        ),
      ),
    );
  }
});

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE_NAME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(cacheKey, response.clone());
    return response;
  } catch (error) {
    const cached =
      (await caches.match(cacheKey, { ignoreVary: true })) ||
      (cacheKey === APP_URL ? await caches.match(INDEX_URL, { ignoreVary: true }) : undefined);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE_NAME);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!underScope(url) || url.pathname.endsWith('/sw.js')) return;
  if (request.mode === 'navigate') {
    // Every query string (?p=0.5&locale=zh-CN…) is the same page: cache it once, keyed without the query.
    event.respondWith(networkFirst(request, url.origin + url.pathname));
  } else if (url.href.startsWith(new URL('./assets/', SCOPE).href)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, url.href));
  }
});
