import { mkdirSync } from 'node:fs';
import { test, expect, openApp } from './fixtures';
import type { Page } from '@playwright/test';

const panel = (page: Page) => page.locator('section[data-panel="network"]');

async function epoch(page: Page): Promise<number> {
  const text = (await page.getByTestId('epoch').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** The shown pass's number, read from the readout line ("Forward pass 1,234 · …"). */
async function passNumber(page: Page): Promise<number> {
  const text = (await page.getByTestId('readout').textContent()) ?? '';
  const match = /Forward pass ([\d,]+)/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : 0;
}

/** The hidden units' mask as the view shows it: '1' dropped, '0' kept, in layer order. */
async function shownMask(page: Page): Promise<string> {
  return page.$$eval('g.neuron-hidden', (elements) =>
    elements.map((element) => ((element as SVGGElement).dataset.dropped === 'true' ? '1' : '0')).join(''),
  );
}

async function stepOnce(page: Page): Promise<number> {
  const before = await passNumber(page);
  await panel(page).getByTestId('step-pass').click();
  await expect.poll(() => passNumber(page)).toBe(before + 1);
  // The readout and the diagram paint independently: wait until the neurons show this pass too.
  await expect(panel(page).locator('svg.net-neurons')).toHaveAttribute('data-pass', String(before + 1));
  return before + 1;
}

test.beforeEach(async ({ page }) => {
  await openApp(page, '?locale=en&panels=network');
  await expect(panel(page).getByTestId('readout')).toContainText('No forward pass yet');
});

test('pressing play makes the epoch counter rise, and two readouts 500 ms apart differ', async ({ page }) => {
  expect(await epoch(page)).toBe(0);
  await panel(page).getByTestId('play').click();
  await expect.poll(() => epoch(page)).toBeGreaterThan(20);
  const first = await page.getByTestId('readout').textContent();
  await page.waitForTimeout(500);
  const second = await page.getByTestId('readout').textContent();
  expect(second).not.toBe(first);
  await panel(page).getByTestId('play').click(); // pause
  await expect(panel(page).getByTestId('play')).toContainText('Play');
  await page.waitForTimeout(300); // the last snapshot of the run may still be on its way
  const paused = await epoch(page);
  await page.waitForTimeout(400);
  expect(await epoch(page)).toBe(paused);
});

test('over many real masks the fraction dropped is within 4σ of p = 0.3', async ({ page }) => {
  let dropped = 0;
  let units = 0;
  for (let i = 0; i < 20; i++) {
    await stepOnce(page);
    const mask = await shownMask(page);
    units += mask.length;
    dropped += [...mask].filter((bit) => bit === '1').length;
  }
  expect(units).toBe(20 * 128);
  const sigma = Math.sqrt((0.3 * 0.7) / units);
  expect(Math.abs(dropped / units - 0.3)).toBeLessThan(4 * sigma);
  // The readout counts the same mask the neurons show.
  const mask = await shownMask(page);
  const layer1 = [...mask.slice(0, 64)].filter((bit) => bit === '1').length;
  await expect(page.getByTestId('readout')).toContainText(`Layer 1: ${layer1} of 64 dropped`);
  await expect(page.getByTestId('readout')).toContainText('thinned networks');
});

test('in slow motion one step advances exactly one forward pass, revealed layer by layer', async ({ page }) => {
  await panel(page).locator('button[data-speed="slow"]').click();
  await expect(page).toHaveURL(/speed=slow/);
  await panel(page).getByTestId('step-pass').click();
  // Right after the step the pass has not reached the second hidden layer yet.
  await expect(page.locator('g.neuron-hidden[data-layer="2"][data-state="pending"]').first()).toBeAttached();
  await expect.poll(() => passNumber(page)).toBe(1);
  await expect(page.locator('g.neuron[data-state="pending"]')).toHaveCount(0, { timeout: 3000 });
  await page.waitForTimeout(1500);
  expect(await passNumber(page)).toBe(1);
  expect(await epoch(page)).toBe(1); // full batch: one pass is one epoch
  await panel(page).getByTestId('step-pass').click();
  await expect.poll(() => passNumber(page)).toBe(2);
  await page.waitForTimeout(1500);
  expect(await passNumber(page)).toBe(2);
});

test('eval mode shows no dropped neurons while training runs', async ({ page }) => {
  await panel(page).getByTestId('play').click();
  await expect.poll(() => epoch(page)).toBeGreaterThan(5);
  await expect.poll(async () => (await shownMask(page)).includes('1')).toBe(true);
  await panel(page).locator('button[data-view="eval"]').click();
  await expect(page).toHaveURL(/view=eval/);
  for (let i = 0; i < 5; i++) {
    expect(await shownMask(page)).not.toContain('1');
    await page.waitForTimeout(250);
  }
  await expect(page.getByTestId('readout')).toContainText('Eval mode');
});

test('with reduced motion the shown mask changes at most twice a second', async ({ page }) => {
  await openApp(page, '?locale=en&panels=network&motion=reduced');
  await panel(page).getByTestId('play').click();
  await expect.poll(() => passNumber(page)).toBeGreaterThan(0);
  const seen: string[] = [];
  const started = Date.now();
  for (let i = 0; i < 30; i++) {
    seen.push(await shownMask(page));
    await page.waitForTimeout(100);
  }
  const elapsedMs = Date.now() - started;
  const changes = seen.filter((mask, i) => i > 0 && mask !== seen[i - 1]).length;
  expect(changes).toBeGreaterThan(0);
  // At most one change per 500 ms, plus one for the phase of the first sample (unthrottled: one per 200 ms).
  expect(changes).toBeLessThanOrEqual(Math.floor(elapsedMs / 500) + 1);
});

test('p = 0 never drops a neuron', async ({ page }) => {
  await openApp(page, '?locale=en&panels=network&p=0');
  await panel(page).getByTestId('play').click();
  await expect.poll(() => passNumber(page)).toBeGreaterThan(0);
  for (let i = 0; i < 8; i++) {
    expect(await shownMask(page)).toBe('0'.repeat(128));
    await page.waitForTimeout(250);
  }
});

test('reset returns to epoch 0 with the same first mask for the same seed', async ({ page }) => {
  await stepOnce(page);
  const firstMask = await shownMask(page);
  expect(firstMask).toContain('1');
  await panel(page).getByTestId('step-epoch').click();
  await expect.poll(() => passNumber(page)).toBe(2); // full batch: an epoch is one pass
  await stepOnce(page);
  expect(await shownMask(page)).not.toBe(firstMask);
  await panel(page).getByTestId('reset').click();
  await expect.poll(() => epoch(page)).toBe(0);
  await expect(page.getByTestId('readout')).toContainText('No forward pass yet');
  await stepOnce(page);
  expect(await shownMask(page)).toBe(firstMask);
});

test('changing p restarts training, updates the URL and rejects bad input beside the field', async ({ page }) => {
  await stepOnce(page);
  const input = panel(page).getByTestId('p-input');
  await input.fill('2');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(panel(page).locator('.field-error')).toContainText('0 to 0.95');
  await input.fill('0.5');
  await expect(page).toHaveURL(/p=0\.5/);
  await expect(input).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('readout')).toContainText('No forward pass yet');
  await expect(page.locator('.notices')).toContainText('reset to epoch 0');
});

test('a crashed worker and a hung worker are both replaced and training goes on', async ({ page }) => {
  await panel(page).getByTestId('play').click();
  await expect.poll(() => epoch(page)).toBeGreaterThan(10);
  await page.evaluate(() => (window as unknown as { __dropoutLab: { killWorker(): void } }).__dropoutLab.killWorker());
  await expect(page.locator('.notices')).toContainText('restarted', { timeout: 2000 });
  const afterCrash = await epoch(page);
  await expect.poll(() => epoch(page)).toBeGreaterThan(afterCrash + 10);

  await page.locator('.notices button').first().click();
  const started = Date.now();
  await page.evaluate(() => (window as unknown as { __dropoutLab: { hangWorker(): void } }).__dropoutLab.hangWorker());
  await expect(page.locator('.notices')).toContainText('restarted', { timeout: 3000 });
  expect(Date.now() - started).toBeLessThan(2000);
  const afterHang = await epoch(page);
  await expect.poll(() => epoch(page)).toBeGreaterThan(afterHang + 10);
});

test('neurons are keyboard-inspectable and name their state', async ({ page }) => {
  await stepOnce(page);
  const first = page.locator('g.neuron[tabindex="0"]');
  await first.focus();
  await expect(page.locator('.net-tooltip')).toBeVisible();
  await expect(page.locator('.net-tooltip')).toContainText('Layer 1, unit 1');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.net-tooltip')).toContainText('Layer 1, unit 2');
  await expect(page.locator('.net-tooltip')).toContainText(/kept in this pass|dropped in this pass/);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.net-tooltip')).toContainText('Layer 2');
});

for (const shot of [
  { name: 'laptop', width: 1280, height: 800, query: '' },
  { name: 'present', width: 1920, height: 1080, query: '&mode=present' },
  { name: 'phone', width: 390, height: 844, query: '' },
]) {
  for (const locale of ['en', 'zh-CN']) {
    test(`screenshot ${shot.name} ${locale}`, async ({ page }) => {
      mkdirSync('/tmp/shots-network', { recursive: true });
      await page.setViewportSize({ width: shot.width, height: shot.height });
      await openApp(page, `?locale=${locale}&panels=network${shot.query}`);
      await panel(page).getByTestId('play').click();
      await expect.poll(() => epoch(page)).toBeGreaterThan(30);
      await panel(page).getByTestId('play').click();
      await panel(page).scrollIntoViewIfNeeded();
      const overflow = await panel(page).evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await panel(page).screenshot({ path: `/tmp/shots-network/${shot.name}-${locale}.png` });
    });
  }
}
