import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The lesson's question must not jump while the figure's panels arrive from their chunks (Lighthouse counts
 * it as Cumulative Layout Shift; a student loses the line being read). Each panel's chunk is held back until
 * the page has painted its placeholder, then released, so the shift is measured every time, whatever the speed
 * of the machine: the sum of the layout-shift entries (none of them after input) must stay small.
 */
type ShiftWindow = { __layoutShift: number };

async function heldNetworkChunk(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await page.route(/\/assets\/NetworkPanel-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

for (const [label, viewport] of [
  ['a phone', { width: 412, height: 823 }],
  ['a laptop', { width: 1280, height: 800 }],
] as const) {
  test(`the question stays put while the network panel arrives, on ${label}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      const record = window as unknown as ShiftWindow;
      record.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) record.__layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await heldNetworkChunk(page);
    await page.goto('./?view=lesson&step=1&locale=en');
    await expect(page.locator('[data-stage-pending="network"]')).toBeAttached();
    await expect(page.getByTestId('lesson-card')).toBeVisible();
    await twoFrames(page);
    const before = await page.evaluate(() => (window as unknown as ShiftWindow).__layoutShift);
    release();
    await expect(page.locator('.lesson-figure .net-diagram')).toBeVisible();
    await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
    await twoFrames(page);
    const shift = await page.evaluate(() => (window as unknown as ShiftWindow).__layoutShift);
    expect(shift - before, 'layout shift when the network panel replaced its placeholder').toBeLessThan(0.05);
  });
}
