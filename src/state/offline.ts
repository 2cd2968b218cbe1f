/**
 * Offline support: registers the service worker that vite-plugin-pwa generates at build time (Workbox, see
 * vite.config.ts), so a classroom whose network drops keeps a working lab, and tells the user when a newer
 * build is ready.
 *
 * The worker precaches every file of its build, listed with their revisions in the manifest the build writes
 * into sw.js, so nothing here has to discover the chunks. How a new build is noticed: the browser compares
 * sw.js with the server's copy when the lab is opened, and the page asks again every half hour and whenever it
 * becomes visible. A changed sw.js (a new build) installs in the background and waits; the "newer version"
 * notice then offers a reload, which activates it.
 *
 * The page side is these few lines rather than the plugin's registerSW, which would add workbox-window (2.2 kB
 * gzipped) to the JavaScript budget for the same three events.
 *
 * Not registered in development (Vite's dev server has no stable files), outside http(s) (file://), or under
 * automation (navigator.webdriver): end-to-end tests must always run the build they just made.
 */
import { pushNotice, useStore } from './store';
import { whenPageSettled } from './settled';

const UPDATE_CHECK_MS = 30 * 60_000;
/** The worker vite-plugin-pwa writes next to index.html; its scope is the lab's own folder. */
const WORKER_URL = './sw.js';

/** "Saved for offline use" after the first install; "a newer version is ready" when a new build waits. */
function announceInstalls(registration: ServiceWorkerRegistration): void {
  const newVersion = () => pushNotice({ key: 'newVersion', kind: 'info', message: { code: 'text', id: 'newVersion' } });
  if (registration.waiting && navigator.serviceWorker.controller) newVersion();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state !== 'installed') return;
      if (navigator.serviceWorker.controller) newVersion();
      else pushNotice({ key: 'offlineReady', kind: 'info', message: { code: 'text', id: 'offlineReady' } });
    });
  });
}

/** Asks the server for a newer sw.js (a new build) while the tab stays open. */
function checkForUpdates(registration: ServiceWorkerRegistration): void {
  const check = () => {
    // Offline or the server is away: try again at the next check.
    if (navigator.onLine) registration.update().catch(() => undefined);
  };
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  if (!('serviceWorker' in navigator) || navigator.webdriver) return;
  navigator.serviceWorker.register(WORKER_URL, { scope: './' }).then(
    (registration) => {
      announceInstalls(registration);
      checkForUpdates(registration);
    },
    () => {
      // Refused (a sandboxed frame, private mode, storage full): the lab works online as before.
    },
  );
}

/**
 * Registers the service worker once the page has loaded and the main thread is idle. Its first install downloads
 * every file of the build (about 700 kB): started while the first screen loads, it competes with it for the
 * network and, on a 2-core machine, for the CPU. Lighthouse (mobile, the lesson, Chromium 156, six alternating
 * pairs on 1 Dec 2026): registered at start-up 82-91 (median 87, TBT median 334 ms), registered when settled
 * 84-95 (median 91.5, TBT median 207 ms). Idle is at most 5 s away: a lab that trains from the first second still
 * gets its offline copy.
 */
export function registerServiceWorkerWhenSettled(): void {
  whenPageSettled(registerServiceWorker);
}

/**
 * Activates the waiting build (Workbox's worker skips waiting on this message) and reloads once it controls
 * the page. Without a waiting worker (another tab activated it already), a plain reload.
 */
export function reloadToNewVersion(): void {
  useStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.key !== 'newVersion') }));
  const reload = () => location.reload();
  if (!('serviceWorker' in navigator)) return reload();
  navigator.serviceWorker.getRegistration().then((registration) => {
    const waiting = registration?.waiting;
    if (!waiting) return reload();
    navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }, reload);
}
