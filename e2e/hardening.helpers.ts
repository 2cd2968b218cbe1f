/**
 * Small page helpers shared by the hardening specs (faults, privacy, CSP, long runs). They drive the lab the way
 * a user does (buttons, or the Space shortcut) and read what is on screen (the loss chart's SVG), never the store.
 */
import { expect, type Page } from '@playwright/test';

/** Starts training: the network panel's Play button if it is shown, else the Space shortcut. */
export async function pressPlay(page: Page): Promise<void> {
  const button = page.getByTestId('play');
  if (await button.isVisible().catch(() => false)) {
    await expect(button).toHaveAccessibleName(/play|播放|训练|开始/i);
    await button.click();
    return;
  }
  await page.locator('main#lab').focus();
  await page.keyboard.press(' ');
}

/** Resets training: the Reset button if it is shown, else the R shortcut. */
export async function pressReset(page: Page): Promise<void> {
  const button = page.getByTestId('reset');
  if (await button.isVisible().catch(() => false)) {
    await button.click();
    return;
  }
  await page.locator('main#lab').focus();
  await page.keyboard.press('r');
}

/**
 * How many vertices the chart draws for the plain model's validation loss: one per loss point while the history
 * is shorter than the plot is wide (a longer one is thinned to about one vertex per pixel column).
 */
export async function lossPointCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    // The series is drawn in parts (finished ones, then the open one); each part after the first starts with a
    // move to the vertex the one before it ended on, which is not a new vertex.
    const parts = [...document.querySelectorAll('[data-testid="loss-chart"] path[data-series="valPlain"]')];
    const commands = parts.reduce((sum, path) => sum + ((path.getAttribute('d') ?? '').match(/[MLC]/g) ?? []).length, 0);
    return commands - Math.max(0, parts.length - 1);
  });
}

/** Waits until the chart shows at least `minimum` loss points (training is really running). */
export async function waitForLossPoints(page: Page, minimum = 1, timeout = 20_000): Promise<number> {
  await expect.poll(() => lossPointCount(page), { timeout, message: 'loss points on the chart' }).toBeGreaterThanOrEqual(minimum);
  return lossPointCount(page);
}

/** The shell's run status (epoch and running flag, exposed as data attributes for tests and host pages). */
export async function runStatus(page: Page): Promise<{ epoch: number; running: boolean }> {
  const status = page.locator('[data-run-status]').first();
  return { epoch: Number(await status.getAttribute('data-epoch')), running: (await status.getAttribute('data-running')) === 'true' };
}

/**
 * The length of the loss history the app keeps, read as a user would: the loss chart's CSV export holds every
 * point (one row each). Also checks every exported value is a finite number.
 */
export async function historyLengthFromCsv(page: Page): Promise<number> {
  const button = page.locator('[data-panel="loss"] button[data-export-kind="csv"]');
  await expect(button).toBeEnabled();
  const download = page.waitForEvent('download');
  await button.click();
  const stream = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const rows = Buffer.concat(chunks).toString('utf8').trim().split('\n').slice(1);
  const bad = rows.filter((row) => row.split(',').some((cell) => !Number.isFinite(Number(cell))));
  expect(bad, 'non-finite values in the exported history').toEqual([]);
  return rows.length;
}

/** Every axis tick label of every chart on the page. */
export async function tickTexts(page: Page): Promise<string[]> {
  return page.locator('svg .tick text').allTextContents();
}

/** Asserts no chart axis shows a value that is not a number. */
export async function expectFiniteAxes(page: Page): Promise<void> {
  const ticks = await tickTexts(page);
  expect(ticks.filter((text) => /NaN|Infinity|∞|undefined/i.test(text)), `tick labels: ${ticks.join(' | ')}`).toEqual([]);
}

/** Removes console errors the test provoked on purpose, so the fixture still fails on any other one. */
export function forgiveErrors(errors: string[], pattern: RegExp): string[] {
  const forgiven = errors.filter((message) => pattern.test(message));
  const kept = errors.filter((message) => !pattern.test(message));
  errors.splice(0, errors.length, ...kept);
  return forgiven;
}

/**
 * Every download the full lab offers once training has made loss points: SVG and PNG of the loss, fit and sweep
 * charts, and the loss history as CSV. A button that goes missing or stays disabled is a failure, not a skip.
 */
export const EXPORT_FILES = [
  'dropout-lab-loss.svg', 'dropout-lab-loss.png', 'dropout-lab-loss-history.csv',
  'dropout-lab-fit.svg', 'dropout-lab-fit.png',
  'dropout-lab-p-sweep.svg', 'dropout-lab-p-sweep.png',
] as const;

/** Clicks every export button (each must be there and enabled) and returns the names of the files downloaded. */
export async function downloadEveryExport(page: Page): Promise<string[]> {
  const buttons = page.locator('button[data-export-kind]');
  await expect(buttons).toHaveCount(EXPORT_FILES.length);
  const files: string[] = [];
  for (let i = 0; i < EXPORT_FILES.length; i++) {
    const button = buttons.nth(i);
    await expect(button).toBeEnabled();
    // A PNG is drawn through an image and a canvas first, which takes a while on a loaded machine.
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await button.click();
    files.push((await download).suggestedFilename());
  }
  expect([...files].sort()).toEqual([...EXPORT_FILES].sort());
  return files;
}

/** A fault the end-to-end build's test hooks can cause (window.__dropoutLab, see src/state/testHooks.ts). */
export type WorkerFault = 'killWorker' | 'hangWorker';

/**
 * Causes `fault` while training runs and measures, in the page and per animation frame, the milliseconds from the
 * fault to the restart notice and to a fresh run drawing loss points again (Infinity when not within 30 s).
 */
export async function measureRecovery(page: Page, fault: WorkerFault): Promise<{ noticeMs: number; trainingMs: number }> {
  // Measured in the page, per animation frame: from the fault to the restart notice, and to a fresh run
  // (epoch back near 0) drawing loss points again.
  return page.evaluate(async (kind) => {
    const status = () => document.querySelector('[data-run-status]');
    const epoch = () => Number(status()?.getAttribute('data-epoch'));
    const points = () => {
      // As lossPointCount: the parts' commands, less the move that starts each part after the first.
      const parts = [...document.querySelectorAll('[data-testid="loss-chart"] path[data-series="valPlain"]')];
      const commands = parts.reduce((sum, path) => sum + ((path.getAttribute('d') ?? '').match(/[MLC]/g) ?? []).length, 0);
      return commands - Math.max(0, parts.length - 1);
    };
    const epochBefore = epoch();
    const pointsBefore = Number(document.querySelector('[data-testid="loss-chart"]')?.getAttribute('data-points'));
    const start = performance.now();
    (window as unknown as { __dropoutLab?: Record<WorkerFault, () => void> }).__dropoutLab![kind]();
    let noticeMs = Number.POSITIVE_INFINITY;
    let restarted = false;
    while (performance.now() - start < 30_000) {
      await new Promise((done) => requestAnimationFrame(done));
      const now = performance.now() - start;
      if (noticeMs === Infinity && document.querySelector('[data-notice-key="worker"]')) noticeMs = now;
      // A fresh run restarts the epoch count; the chart may still show the old run's curve for a moment (it
      // redraws off-screen charts less often), so "training again" needs the chart's own latest epoch to be
      // from the new run too.
      if (epoch() < epochBefore) restarted = true;
      const chart = document.querySelector('[data-testid="loss-chart"]');
      const chartEpoch = Number(chart?.getAttribute('data-epoch'));
      const chartPoints = Number(chart?.getAttribute('data-points'));
      const chartIsNewRun = chartEpoch > 0 && chartEpoch <= epoch() && chartPoints < pointsBefore;
      if (restarted && noticeMs < Infinity && chartIsNewRun && points() > 1 && status()?.getAttribute('data-running') === 'true') {
        return { noticeMs, trainingMs: now };
      }
    }
    return { noticeMs, trainingMs: Number.POSITIVE_INFINITY };
  }, fault);
}
