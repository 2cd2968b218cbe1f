import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // Node targets make a failure say where to look, not only which rule broke.
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}

const VIEWS = [
  { name: 'default', query: '?locale=en' },
  { name: 'present', query: '?locale=en&mode=present' },
  { name: 'embed', query: '?locale=en&embed=1' },
  { name: 'Chinese', query: '?locale=zh-CN' },
];

for (const view of VIEWS) {
  test(`axe finds no WCAG 2.1 AA violations: ${view.name} view`, async ({ page }) => {
    await openApp(page, view.query);
    // Let training produce numbers, so the charts and readouts are checked with content in them.
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
    expect(await violations(page)).toEqual([]);
  });
}

test('axe finds no violations in the open dialogs', async ({ page }) => {
  await openApp(page, '?locale=en&mode=present');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.getByLabel(/Your page’s address/).fill('not an origin');
  expect(await violations(page)).toEqual([]);
});

test('one h1, landmarks, a working skip link and a visible focus ring', async ({ page }) => {
  await openApp(page, '?locale=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the lab' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#lab')).toBeFocused();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
});

test('the reduced-motion switch follows the system setting and can be changed in the page', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '?locale=en');
  const button = page.getByRole('button', { name: 'Less motion' });
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.app')).toHaveAttribute('data-motion', 'reduced');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.app')).toHaveAttribute('data-motion', 'full');
  await expect(page).toHaveURL(/motion=full/);
});
