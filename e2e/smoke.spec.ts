import { test, expect, openApp } from './fixtures';

test('the first page loads with a title, a language and the four panels', async ({ page }) => {
  await openApp(page, '?locale=en');
  await expect(page).toHaveTitle('Dropout Lab');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const panel of ['tensor', 'network', 'loss', 'fit']) {
    await expect(page.locator(`section[data-panel="${panel}"]`)).toBeVisible();
  }
});

test('a bad URL value shows a notice naming the parameter and keeps the app usable', async ({ page }) => {
  await openApp(page, '?locale=en&p=abc');
  await expect(page.locator('.notices')).toContainText('p=abc');
  await expect(page.locator('section[data-panel="network"]')).toBeVisible();
});
