/**
 * The long-run check shared by e2e/longrun.spec.ts (about 60 s, in the normal test run) and
 * e2e/longrun.bench.spec.ts (30 minutes, @bench): train at full speed and watch the main thread's JS heap (after
 * a forced garbage collection, through the Chrome DevTools Protocol) and the length of the loss history (rows of
 * the loss chart's CSV export).
 * A class-long run must keep flat memory: the history is decimated at HISTORY_CAPACITY points per series.
 */
import { expect, type Page } from '@playwright/test';
import { HISTORY_CAPACITY } from '../src/state/history';
import { historyLengthFromCsv, pressPlay, runStatus, waitForLossPoints } from './hardening.helpers';

export interface LongRunPlan {
  seconds: number;
  /** The heap is compared with its value at this time (after start-up and the first charts have settled). */
  baselineAt: number;
  sampleEvery: number;
  /** Allowed heap growth over the baseline. */
  heapSlackBytes: number;
}

export interface LongRunSample {
  atSeconds: number;
  heapBytes: number;
  historyLength: number;
  epoch: number;
}

const MB = 1024 * 1024;

export async function measureLongRun(page: Page, plan: LongRunPlan, label: string): Promise<LongRunSample[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  };

  await pressPlay(page);
  await waitForLossPoints(page, 1);
  const start = Date.now();
  const samples: LongRunSample[] = [];
  const times = [plan.baselineAt];
  for (let t = plan.baselineAt + plan.sampleEvery; t <= plan.seconds; t += plan.sampleEvery) times.push(t);
  // A run stops at its epoch budget; a class that keeps going presses Continue, and so does this check.
  const continueIfFinished = async () => {
    if ((await page.locator('[data-run-status]').first().getAttribute('data-finished')) === 'true') await page.getByTestId('play').first().click();
  };
  for (const at of times) {
    for (let wait = start + at * 1000 - Date.now(); wait > 0; wait = start + at * 1000 - Date.now()) {
      await page.waitForTimeout(Math.min(wait, 2000));
      await continueIfFinished();
    }
    const sample = { atSeconds: at, heapBytes: await heap(), historyLength: await historyLengthFromCsv(page), epoch: (await runStatus(page)).epoch };
    samples.push(sample);
    console.log(
      `${label} t=${String(sample.atSeconds).padStart(5)} s  heap ${(sample.heapBytes / MB).toFixed(2)} MB` +
        `  (${((sample.heapBytes - samples[0].heapBytes) / MB).toFixed(2)} MB vs t=${plan.baselineAt} s)  history ${sample.historyLength} points  epoch ${sample.epoch}`,
    );
  }
  await cdp.detach();
  return samples;
}

/** The long-run assertions: bounded heap growth, bounded history, and the run really ran (the history grew). */
export function expectFlatMemory(samples: LongRunSample[], plan: LongRunPlan): void {
  const [baseline] = samples;
  const last = samples[samples.length - 1];
  expect(samples.length).toBeGreaterThanOrEqual(2);
  for (const sample of samples) {
    expect(Number.isFinite(sample.heapBytes)).toBe(true);
    expect(sample.heapBytes - baseline.heapBytes, `heap growth at t=${sample.atSeconds} s`).toBeLessThanOrEqual(plan.heapSlackBytes);
    expect(sample.historyLength, `history at t=${sample.atSeconds} s`).toBeLessThanOrEqual(HISTORY_CAPACITY);
  }
  expect(last.historyLength, 'the history has points').toBeGreaterThan(0);
  expect(last.epoch, 'training kept running').toBeGreaterThan(baseline.epoch);
}
