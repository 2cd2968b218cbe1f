import { test, expect, openApp } from './fixtures';

test('once loaded, the lab starts again with the network off (service worker)', async ({ page, context }) => {
  // The app skips its service worker under automation so other tests always see fresh builds; this test
  // is the exception and looks like a normal browser.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
  await openApp(page, '?locale=en');
  await expect(page.locator('[data-notice-key="offlineReady"]')).toContainText('keep working without a network');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The training worker's script was loaded before the service worker existed; give the hand-over a moment.
  await page.waitForTimeout(500);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main#lab')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dropout Lab');
  // The training worker starts from the cache too.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
  // Every panel and the other language are separate chunks, saved by the service worker with the shell.
  await expect(page.locator('[data-stage-pending], [data-stage-failed]')).toHaveCount(0);
  await expect(page.locator('[data-panel="fit"] svg').first()).toBeVisible();
  await expect(page.locator('.explain-section').first()).toBeAttached();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('[data-notice-key="locale"]')).toHaveCount(0);
  await context.setOffline(false);
});
