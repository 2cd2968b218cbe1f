import { test, expect, openApp, openLesson } from './fixtures';
import type { Page } from '@playwright/test';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-shell';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Visible controls smaller than a 44×44 px touch target (checkbox and radio inputs count by their label). */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const small: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const control of root.querySelectorAll<HTMLElement>('button, select, a[href], input:not([type="checkbox"]):not([type="radio"]), label.check')) {
        const box = control.getBoundingClientRect();
        // Hidden until focused (the skip link) or not drawn: not a target a finger can hit.
        if (box.width === 0 || box.height === 0 || box.right <= 0) continue;
        if (box.width < 44 || box.height < 44) small.push(`${control.tagName} “${control.textContent?.trim() || control.getAttribute('aria-label')}” ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, scope);
}

test.describe('phone, 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  for (const query of ['?locale=en', '?locale=zh-CN', '?locale=en&mode=present', '?embed=1&locale=en']) {
    test(`no horizontal scrolling: ${query}`, async ({ page }) => {
      await openApp(page, query);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // Panels are stacked: each starts below the previous one and spans the width.
      const boxes = await page.locator('main > section[data-panel]').evaluateAll((sections) =>
        sections.map((section) => section.getBoundingClientRect()).map((box) => ({ x: box.x, y: box.y, width: box.width })),
      );
      for (let i = 1; i < boxes.length; i++) expect(boxes[i].y).toBeGreaterThan(boxes[i - 1].y);
      for (const box of boxes) expect(box.width).toBeGreaterThan(320);
    });
  }

  test('the shell’s touch targets are at least 44 px, dialogs included', async ({ page }) => {
    await openApp(page, '?locale=en&p=abc');
    expect(await smallTargets(page, '.app-header, .panel-head, .notices')).toEqual([]);
    await page.getByRole('button', { name: 'Embed' }).click();
    expect(await smallTargets(page, '#embed-dialog')).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('every control in the lab is a 44 px touch target', async ({ page }) => {
    await openApp(page, '?locale=en');
    // Every panel, not only the first: the others arrive a moment later (see src/ui/shell/Staged.tsx).
    await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
    expect(await smallTargets(page, '.app')).toEqual([]);
  });
});

test('a 4K projector in present mode: text grows, nothing overflows', async ({ page }) => {
  await page.setViewportSize({ width: 3840, height: 2160 });
  await openApp(page, '?locale=en&mode=present');
  const fontSize = await page.locator('.app').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(40);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('a projector window resized from 4K to 1080p lays its charts out as one opened at 1080p', async ({ page, context }) => {
  // Present mode's type grows with the viewport, and the charts' margins with the type. A chart reads the font
  // size once per viewport (charts/chartStyles.ts): after a resize it must read it again, not keep the 4K margins.
  const yAxisLeft = (target: Page) =>
    target.getByTestId('loss-chart').locator('.axis-y').evaluate((axis: SVGGElement) => axis.transform.baseVal.consolidate()!.matrix.e);
  await page.setViewportSize({ width: 3840, height: 2160 });
  await openApp(page, '?locale=en&mode=present');
  const at4k = await yAxisLeft(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const fresh = await context.newPage();
  await fresh.setViewportSize({ width: 1920, height: 1080 });
  await openApp(fresh, '?locale=en&mode=present');
  const at1080p = await yAxisLeft(fresh);
  await fresh.close();
  expect(at1080p).toBeLessThan(at4k);
  await expect.poll(() => yAxisLeft(page)).toBe(at1080p);
});

for (const locale of ['en', 'zh-CN']) {
  test(`a table wider than its column keeps its caption in view (the lesson's step 3 at 1280 px, ${locale})`, async ({ page }) => {
    // The element-path table is wider than the lesson's figure column there, so it scrolls sideways in its box.
    // Its caption (the rule: kept when uᵢ ≥ p, scaled by 1/(1−p)) must still be readable in full, at both ends
    // of the scroll.
    await openLesson(page, `?view=lesson&step=3&locale=${locale}`);
    const scroller = page.locator('.tensor-path-scroll');
    const fits = () =>
      scroller.evaluate((box) => {
        const visible = box.getBoundingClientRect();
        const caption = box.querySelector('caption')!.getBoundingClientRect();
        return { wider: box.scrollWidth > box.clientWidth, inside: caption.left >= visible.left - 1 && caption.right <= visible.left + box.clientWidth + 1 };
      });
    expect(await fits()).toEqual({ wider: true, inside: true });
    await scroller.evaluate((box) => (box.scrollLeft = box.scrollWidth));
    expect(await fits()).toEqual({ wider: true, inside: true });
  });
}

const SCREENS = [
  { name: 'phone', width: 390, height: 844, query: '' },
  { name: 'laptop', width: 1280, height: 800, query: '' },
  { name: 'projector', width: 1920, height: 1080, query: '&mode=present' },
];
for (const locale of ['en', 'zh-CN']) {
  for (const screen of SCREENS) {
    test(`screenshot ${screen.name} ${locale}`, async ({ page }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await openApp(page, `?locale=${locale}${screen.query}`);
      await page.keyboard.press('Shift+ArrowRight');
      await expect(page.locator('[data-run-status]')).toHaveAttribute('data-epoch', '1');
      await page.screenshot({ path: `${SHOTS}/${screen.name}-${locale}.png` });
      await page.screenshot({ path: `${SHOTS}/${screen.name}-${locale}-full.png`, fullPage: true });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  }
}

test('screenshots of the dialogs and the focus layout', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '?locale=zh-CN&mode=present');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/help-zh-CN-present.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await page.screenshot({ path: `${SHOTS}/focus-loss-zh-CN-present.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '嵌入' }).click();
  await page.getByRole('textbox', { name: /你的网页地址/ }).fill('course');
  await page.screenshot({ path: `${SHOTS}/embed-dialog-zh-CN-phone.png` });
});
