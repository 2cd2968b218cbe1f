import { test, openApp } from './fixtures';
import { expectFlatMemory, measureLongRun, type LongRunPlan } from './longrun';

/**
 * The CI-sized long run: about 60 s of training at full speed (LONGRUN_SECONDS to change it). The JS heap stays
 * within 10 MB of its value at 15 s and the drawn history within HISTORY_CAPACITY points. The 30-minute version
 * is e2e/longrun.bench.spec.ts.
 */
const seconds = Number(process.env.LONGRUN_SECONDS ?? 60);
const plan: LongRunPlan = { seconds, baselineAt: Math.min(15, seconds / 4), sampleEvery: 5, heapSlackBytes: 10 * 1024 * 1024 };

test('a minute of training keeps the heap and the history bounded', async ({ page }) => {
  test.setTimeout((seconds + 60) * 1000);
  // The largest epoch budget, so the history grows past HISTORY_CAPACITY and its decimation is exercised.
  await openApp(page, '?locale=en&epochs=100000');
  expectFlatMemory(await measureLongRun(page, plan, 'longrun'), plan);
});
