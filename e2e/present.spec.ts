import { test, expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';

/** WCAG contrast ratio of an element's text colour against the background it sits on. */
async function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => {
    const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let backgroundElement: Element | null = element;
    let background = 'rgba(0, 0, 0, 0)';
    while (backgroundElement) {
      const candidate = getComputedStyle(backgroundElement).backgroundColor;
      if (parse(candidate)[3] !== 0) {
        background = candidate;
        break;
      }
      backgroundElement = backgroundElement.parentElement;
    }
    const [a, b] = [luminance(parse(getComputedStyle(element).color)), luminance(parse(background))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test.describe('present mode at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('?mode=present: body text ≥ 20 px, contrast ≥ 7:1, lines ≥ 3 px', async ({ page }) => {
    await openApp(page, '?locale=en&mode=present');
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
    const fontSize = await page.locator('.app').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);
    const tagline = await page.locator('.tagline').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(tagline).toBeGreaterThanOrEqual(20);
    for (const selector of ['.tagline', '.run-status', '.panel-title', '.app-header button']) {
      expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(7);
    }
    const lineWidth = await page.locator('.app').evaluate((element) => parseFloat(getComputedStyle(element).getPropertyValue('--line-width')));
    expect(lineWidth).toBeGreaterThanOrEqual(3);
  });

  test('the header button switches present mode and says whether it is on', async ({ page }) => {
    await openApp(page, '?locale=en');
    const button = page.getByRole('button', { name: 'Present' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    const normalSize = await page.locator('.app').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(normalSize).toBe(16);
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
    await expect(page).toHaveURL(/mode=present/);
    expect(await page.locator('.app').evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(20);
    await button.click();
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'normal');
  });

  test('keys 1–4 show one or two panels large; the same key or Escape shows all again', async ({ page }) => {
    await openApp(page, '?locale=en&mode=present');
    const panels = page.locator('main > section[data-panel]');
    await expect(panels.filter({ visible: true })).toHaveCount(4);
    const normalWidth = (await page.locator('section[data-panel="network"]').boundingBox())?.width ?? 0;
    await page.keyboard.press('2');
    await expect(panels.filter({ visible: true })).toHaveCount(1);
    await expect(page.locator('section[data-panel="network"]')).toBeVisible();
    const focusedWidth = (await page.locator('section[data-panel="network"]').boundingBox())?.width ?? 0;
    expect(focusedWidth).toBeGreaterThan(normalWidth * 1.5);
    // A second number shows two panels large, side by side: the network next to its loss curves.
    await page.keyboard.press('3');
    await expect(panels.filter({ visible: true })).toHaveCount(2);
    const network = await page.locator('section[data-panel="network"]').boundingBox();
    const loss = await page.locator('section[data-panel="loss"]').boundingBox();
    expect(loss!.x).toBeGreaterThan(network!.x + network!.width - 1);
    expect(Math.abs(loss!.y - network!.y)).toBeLessThan(2);
    await page.keyboard.press('3');
    await expect(panels.filter({ visible: true })).toHaveCount(1);
    await page.keyboard.press('2');
    await expect(panels.filter({ visible: true })).toHaveCount(4);
    await page.keyboard.press('4');
    await expect(page.locator('section[data-panel="fit"]')).toBeVisible();
    await expect(panels.filter({ visible: true })).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(panels.filter({ visible: true })).toHaveCount(4);
    // The same layout from the panel's own button, for mouse and touch.
    await page.getByRole('button', { name: 'Enlarge “Loss curves”' }).click();
    await expect(panels.filter({ visible: true })).toHaveCount(1);
    await page.getByRole('button', { name: 'Show all panels' }).click();
    await expect(panels.filter({ visible: true })).toHaveCount(4);
  });

  test('F toggles full screen', async ({ page }) => {
    await openApp(page, '?locale=en&mode=present');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect(page.getByRole('button', { name: 'Exit full screen' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  });
});
