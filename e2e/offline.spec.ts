import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, openApp, revealPanels } from './fixtures';

test('once loaded, the lab starts again with the network off (service worker)', async ({ page, context }) => {
  // The app skips its service worker under automation so other tests always see fresh builds; this test
  // is the exception and looks like a normal browser.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
  await openApp(page, '?locale=en');
  await expect(page.locator('[data-notice-key="offlineReady"]')).toContainText('keep working without a network');
  // The notice comes once the worker has installed, i.e. once every file of the build's precache manifest is
  // stored (the training worker's script and the lazy chunks included); then it takes the page over.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main#lab')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dropout Lab');
  // The training worker starts from the cache too (once the shortcuts listen: a key pressed before is lost).
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
  // Every panel and the other language are separate chunks, precached by the service worker with the shell.
  await revealPanels(page);
  await expect(page.locator('[data-stage-failed]')).toHaveCount(0);
  await expect(page.locator('[data-panel="fit"] svg').first()).toBeVisible();
  await expect(page.locator('.explain-section').first()).toBeAttached();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('[data-notice-key="locale"]')).toHaveCount(0);
  await context.setOffline(false);
});

test('the lab can be installed as an app, and its service worker stays in the lab\'s folder', async ({ playwright, baseURL }, testInfo) => {
  // Chromium never offers to install from an incognito profile, which is what Playwright's contexts are: this
  // test runs in a persistent profile of its own, with the project's browser and flags.
  const { launchOptions } = testInfo.project.use;
  const context = await playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...launchOptions,
    baseURL,
  });
  try {
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await openApp(page, '?locale=en');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { scope: registration?.scope, script: registration?.active?.scriptURL };
    });
    expect(worker.scope).toBe(new URL('./', page.url()).href);
    expect(worker.script).toBe(new URL('./sw.js', page.url()).href);
    // Chromium's own installability check, the one behind its install prompt (and Lighthouse's former
    // "installable manifest" audit): a manifest with a name, icons and a start URL, and a service worker.
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(new URL('./manifest.webmanifest', page.url()).href);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    // The icons the manifest names are there.
    const icons = (JSON.parse(manifest.data ?? '{}') as { icons?: { src: string }[] }).icons ?? [];
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      expect(response.ok(), icon.src).toBe(true);
    }
    expect(errors, 'console errors during the test').toEqual([]);
  } finally {
    await context.close();
  }
});

/**
 * A proxy of the preview server on a port of its own, whose sw.js can be made to differ: the next build, as
 * far as the browser can tell (the browser fetches a worker's script itself, past page.route).
 */
async function proxyWithNextBuild(target: string) {
  let nextBuild = false;
  const server = createServer((request, response) => {
    void (async () => {
      const upstream = await fetch(new URL(request.url ?? '/', target));
      let body = Buffer.from(await upstream.arrayBuffer());
      if (nextBuild && new URL(request.url ?? '/', target).pathname.endsWith('/sw.js')) {
        body = Buffer.concat([body, Buffer.from('\n// the next build\n')]);
      }
      response.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
      response.end(body);
    })().catch(() => {
      response.writeHead(502);
      response.end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    publishNextBuild: () => (nextBuild = true),
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

test('a newer build installs in the background, is announced, and takes over when the reader accepts', async ({ page, context, baseURL }) => {
  const server = await proxyWithNextBuild(baseURL!);
  try {
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
    await page.goto(`${server.origin}/?view=lab&locale=en`);
    await expect(page.locator('main#lab')).toBeVisible();
    await expect(page.locator('[data-notice-key="offlineReady"]')).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    server.publishNextBuild();
    // What the lab does every half hour and whenever the tab becomes visible again.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.locator('[data-notice-key="newVersion"]');
    await expect(notice).toContainText('newer version');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');
    // Accepting activates the waiting build and reloads the page under it.
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload now' }).click();
    await reloaded;
    await expect(page.locator('main#lab')).toBeVisible();
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting?.state ?? null, active: registration?.active?.state, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(after).toEqual({ waiting: null, active: 'activated', controlled: true });
    await expect(page.locator('[data-notice-key="newVersion"]')).toHaveCount(0);
  } finally {
    await server.close();
  }
});
