/**
 * What one change in the tensor lab costs: `npx tsx src/engine/dropoutPasses.bench.ts`.
 *
 * "replay" is how the lab worked before: every change restarted RandomState(seed) and called dropout() for every
 * pass so far. "incremental" is runDropoutLab() given the previous run. Medians of 41 timed calls after 5 warm-up
 * calls; the figures are printed, never asserted (a test on a clock fails on a busy machine).
 */
import { createRng, dropout, type Rng } from './index';
import { ARTICLE_EXAMPLE, DROPOUT_PASS_LIMITS } from './articleExample';
import { runDropoutLab, type DropoutLabRun, type DropoutLabSettings } from './dropoutPasses';

/** The old path: replay every pass from the seed (the lab's code before runDropoutLab). */
function replay(settings: DropoutLabSettings): number {
  const x = Float32Array.from(settings.input);
  const rng: Rng = createRng(settings.seed);
  const zeroCounts = new Array<number>(x.length + 1).fill(0);
  const sums = new Float64Array(x.length);
  for (let k = 1; k <= settings.passes; k++) {
    const { output, mask } = dropout(Float32Array.from(x), settings.p, { rng });
    zeroCounts[mask.reduce((zeros, kept) => zeros + 1 - kept, 0)]++;
    for (let i = 0; i < x.length; i++) sums[i] += output[i];
  }
  return zeroCounts[0] + sums[0];
}

function median(run: () => unknown, reps = 41): number {
  for (let r = 0; r < 5; r++) run();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[(reps - 1) / 2];
}

const MAX = DROPOUT_PASS_LIMITS.maxPasses;
const base: DropoutLabSettings = { ...ARTICLE_EXAMPLE, training: true, inplace: false, passes: 1 };
const rows: [string, number, number][] = [];

for (const n of [10, 64]) {
  const input = Array.from({ length: n }, (_, i) => i + 1);
  const at = (passes: number, change: Partial<DropoutLabSettings> = {}): DropoutLabSettings => ({ ...base, input, passes, ...change });
  // A previous run at MAX − 1 passes, built once: each timed call starts from it, like a click in the lab.
  const before: DropoutLabRun = runDropoutLab(at(MAX - 1));
  const full: DropoutLabRun = runDropoutLab(at(MAX));
  const cases: [string, DropoutLabSettings, DropoutLabRun | null][] = [
    [`forward again, pass ${MAX - 1} → ${MAX}`, at(MAX), before],
    [`p 0.7 → 0.65 at ${MAX} passes`, at(MAX, { p: 0.65 }), full],
    [`new x of the same length at pass 1`, at(1, { input: input.map((v) => -v) }), full],
    [`new seed (back to pass 1)`, at(1, { seed: 1234 }), full],
    [`open a link with ${MAX} passes (no previous run)`, at(MAX, { seed: 77 }), null],
  ];
  for (const [name, settings, previous] of cases) {
    rows.push([`n=${n}: ${name}`, median(() => replay(settings)), median(() => runDropoutLab(settings, previous))]);
  }
}

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'change'.padEnd(width)}   replay (ms)   incremental (ms)`);
for (const [name, old, now] of rows) console.log(`${name.padEnd(width)}   ${old.toFixed(3).padStart(11)}   ${now.toFixed(3).padStart(16)}`);
