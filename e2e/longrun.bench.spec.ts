import { test, openApp } from './fixtures';
import { expectFlatMemory, measureLongRun, type LongRunPlan } from './longrun';

/**
 * @bench: a class-length run, 30 minutes by default (LONGRUN_SECONDS to change it), printing the heap and the
 * history length every minute. Run with `npm run bench:e2e`; it is left out of the normal test command.
 */
const seconds = Number(process.env.LONGRUN_SECONDS ?? 30 * 60);
const plan: LongRunPlan = {
  seconds,
  baselineAt: Math.min(60, seconds / 4),
  sampleEvery: Math.min(60, Math.max(5, seconds / 10)),
  heapSlackBytes: 10 * 1024 * 1024,
};

test('@bench a 30-minute run keeps the heap within 10 MB of minute one and the history bounded', async ({ page }) => {
  test.setTimeout((seconds + 120) * 1000);
  // The largest epoch budget; measureLongRun presses Continue whenever a budget is spent.
  await openApp(page, '?locale=en&epochs=1000000');
  expectFlatMemory(await measureLongRun(page, plan, 'longrun-bench'), plan);
});
