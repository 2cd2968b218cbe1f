/**
 * The page side of the offline layer (offline.ts) with a stand-in service worker container: which notice each
 * install gives, and that "reload to the new version" activates the waiting build with the message Workbox's
 * generated worker listens for, then reloads once it has taken over.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from './store';
import { registerServiceWorker, registerServiceWorkerWhenSettled, reloadToNewVersion } from './offline';

class FakeWorker extends EventTarget {
  state = 'installing';
  readonly postMessage = vi.fn();
  moveTo(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  readonly update = vi.fn(async () => undefined);
  /** The browser found a new sw.js and starts installing it. */
  found(): FakeWorker {
    this.installing = new FakeWorker();
    this.dispatchEvent(new Event('updatefound'));
    return this.installing;
  }
}

function stage(options: { controlled: boolean; waiting?: boolean; webdriver?: boolean }) {
  const registration = new FakeRegistration();
  if (options.waiting) registration.waiting = new FakeWorker();
  const container = Object.assign(new EventTarget(), {
    controller: options.controlled ? {} : null,
    register: vi.fn(async () => registration),
    getRegistration: vi.fn(async () => registration),
  });
  const reload = vi.fn();
  vi.stubEnv('PROD', true);
  vi.stubGlobal('location', { protocol: 'http:', reload });
  vi.stubGlobal('navigator', { serviceWorker: container, webdriver: options.webdriver ?? false, onLine: true });
  vi.stubGlobal('document', { visibilityState: 'visible', addEventListener: vi.fn() });
  return { registration, container, reload };
}

const noticeKeys = () => useStore.getState().notices.map((notice) => notice.key);
/** Lets the registration's promise settle. */
const settle = () => new Promise((done) => setTimeout(done, 0));

const initial = useStore.getState();
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  useStore.setState(initial, true);
});

describe('the offline layer, page side', () => {
  it('registers ./sw.js for the lab’s own folder, and says so once the first install has saved the lab', async () => {
    const { registration, container } = stage({ controlled: false });
    registerServiceWorker();
    await settle();
    expect(container.register).toHaveBeenCalledWith('./sw.js', { scope: './' });
    const worker = registration.found();
    worker.moveTo('installed');
    expect(noticeKeys()).toEqual(['offlineReady']);
  });

  it('announces a newer build when one installs while an older one controls the page', async () => {
    const { registration } = stage({ controlled: true });
    registerServiceWorker();
    await settle();
    registration.found().moveTo('installed');
    expect(noticeKeys()).toEqual(['newVersion']);
  });

  it('announces a build that was already waiting when the page opened', async () => {
    stage({ controlled: true, waiting: true });
    registerServiceWorker();
    await settle();
    expect(noticeKeys()).toEqual(['newVersion']);
  });

  it('activates the waiting build, and reloads only once it has taken over', async () => {
    const { registration, container, reload } = stage({ controlled: true, waiting: true });
    registerServiceWorker();
    await settle();
    reloadToNewVersion();
    await settle();
    expect(noticeKeys()).toEqual([]);
    expect(registration.waiting?.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
    expect(reload).not.toHaveBeenCalled();
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('asks the server for a new build every half hour', async () => {
    const { registration } = stage({ controlled: true });
    registerServiceWorker();
    await settle();
    expect(registration.update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30 * 60_000);
    expect(registration.update).toHaveBeenCalledTimes(1);
  });

  it('registers only once the page has loaded and the main thread is idle, so the first install waits for the first screen', async () => {
    const { container } = stage({ controlled: false });
    const page = new EventTarget();
    const idle: (() => void)[] = [];
    vi.stubGlobal('document', { readyState: 'interactive', visibilityState: 'visible', addEventListener: vi.fn() });
    vi.stubGlobal('window', page);
    vi.stubGlobal('requestIdleCallback', (callback: () => void, options: { timeout: number }) => {
      expect(options.timeout).toBeGreaterThan(0);
      idle.push(callback);
      return idle.length;
    });
    registerServiceWorkerWhenSettled();
    await settle();
    expect(container.register).not.toHaveBeenCalled();
    page.dispatchEvent(new Event('load'));
    await settle();
    expect(container.register).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    idle[0]();
    await settle();
    expect(container.register).toHaveBeenCalledWith('./sw.js', { scope: './' });
  });

  it('stays away under automation, so end-to-end tests always run the build they made', async () => {
    const { container } = stage({ controlled: false, webdriver: true });
    registerServiceWorker();
    await settle();
    expect(container.register).not.toHaveBeenCalled();
  });

  it('speaks the message the Workbox worker that vite-plugin-pwa generates listens for', () => {
    // registerType 'prompt' (vite.config.ts) makes workbox-build emit this listener instead of skipWaiting().
    const require = createRequire(import.meta.url);
    const build = dirname(require.resolve('workbox-build'));
    const template = readFileSync(join(build, 'templates', 'sw-template.js'), 'utf8');
    expect(template).toMatch(/event\.data\.type === 'SKIP_WAITING'[\s\S]*self\.skipWaiting\(\)/);
  });
});
