/**
 * Offline support: registers public/sw.js so a classroom whose network drops keeps a working lab, and tells the
 * user when a newer build is ready.
 *
 * How a new build is noticed: the worker is registered as sw.js?build=<hashed entry file>, so each build is a
 * new worker script. While the tab is open, the page re-reads index.html now and then (network first) and, if
 * it names another entry file, registers that build's worker. It installs in the background and waits; the
 * "newer version" notice then offers a reload, which activates it.
 *
 * Not registered in development (Vite's dev server has no stable files), outside http(s) (file://), or under
 * automation (navigator.webdriver): end-to-end tests must always run the build they just made.
 */
import { pushNotice, useStore } from './store';

const UPDATE_CHECK_MS = 30 * 60_000;
let waitingWorker: ServiceWorker | null = null;

/** The hashed entry file of the running page (e.g. "index-B2x9k1.js"): the build's identity. */
function buildIdOf(html: Document | string): string | null {
  const source =
    typeof html === 'string'
      ? /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1]
      : html.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src');
  return source ? (source.split('/').pop() ?? null) : null;
}

function workerUrl(buildId: string): string {
  return `./sw.js?build=${encodeURIComponent(buildId)}`;
}

function announceWhenWaiting(registration: ServiceWorkerRegistration, pageBuild: string): void {
  const consider = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const workerBuild = new URL(worker.scriptURL).searchParams.get('build');
    if (workerBuild === pageBuild) {
      // This page already runs the build the worker caches (it came from the network): swap quietly.
      worker.postMessage({ type: 'skipWaiting' });
      return;
    }
    waitingWorker = worker;
    pushNotice({ key: 'newVersion', kind: 'info', message: { code: 'text', id: 'newVersion' } });
  };
  if (registration.waiting && navigator.serviceWorker.controller) consider(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    if (!installing) return;
    installing.addEventListener('statechange', () => {
      if (installing.state !== 'installed') return;
      if (navigator.serviceWorker.controller) consider(installing);
      else pushNotice({ key: 'offlineReady', kind: 'info', message: { code: 'text', id: 'offlineReady' } });
    });
  });
}

/** Hands the worker the files this page loaded before the worker controlled it (the training worker's script). */
function offerLoadedFiles(): void {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(location.origin));
  navigator.serviceWorker.ready
    .then((registration) => registration.active?.postMessage({ type: 'cacheUrls', urls }))
    .catch(() => undefined);
}

async function checkForNewBuild(pageBuild: string): Promise<void> {
  try {
    const response = await fetch('./index.html', { cache: 'no-store' });
    if (!response.ok) return;
    const latest = buildIdOf(await response.text());
    if (latest && latest !== pageBuild) await navigator.serviceWorker.register(workerUrl(latest), { scope: './' });
  } catch {
    // Offline or the server is away: try again at the next check.
  }
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  if (!('serviceWorker' in navigator) || navigator.webdriver) return;
  const pageBuild = buildIdOf(document);
  if (!pageBuild) return;
  navigator.serviceWorker
    .register(workerUrl(pageBuild), { scope: './' })
    .then((registration) => {
      announceWhenWaiting(registration, pageBuild);
      offerLoadedFiles();
      setInterval(() => void checkForNewBuild(pageBuild), UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void checkForNewBuild(pageBuild);
      });
    })
    .catch(() => {
      // Refused (a sandboxed frame, private mode, storage full): the lab works online as before.
    });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (waitingWorker) location.reload();
  });
}

/** Activates the waiting build; the page reloads once it has taken over (see controllerchange above). */
export function reloadToNewVersion(): void {
  if (waitingWorker) waitingWorker.postMessage({ type: 'skipWaiting' });
  else location.reload();
  useStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.key !== 'newVersion') }));
}
