/**
 * Measures the claims overfitting.test.ts checks, for any scenario flags (the variant), over a range of seeds:
 * how far the no-dropout validation loss ends above its own minimum, whether dropout ends lower, and the dropout
 * model's steepest slope on [−3, 3]. Prints one Markdown row of the README's tuning table:
 *   | variant | dropout wins | no-dropout end/min (min / median) | dropout steepest slope (max / median) | seeds | time |
 * Usage: tsx scripts/measure-overfitting.ts [--seeds 0-29 | 1,14,20] [--last 5] [--label text] [--verbose] [scenario flags…]
 * (scenario flags as `npm run simulate`, e.g. --lr 0.003 --p 0.5 --epochs 2000). Single-threaded: run two
 * variants at once on two cores, not more.
 */
import { parseSimulateArgs } from './simulate-args';
import { checkRun, tabulateChecks, type DefaultRunCheck } from '../src/engine/claims';

const argv = process.argv.slice(2);
const take = (flag: string, fallback: string) => {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const [value] = argv.splice(i, 2).slice(1);
  return value;
};
const seeds = take('--seeds', '0-29');
// "0-29" is a range; "1,14,20" a list (to screen a variant on the hardest seeds first).
const seedList = seeds.includes(',')
  ? seeds.split(',').map(Number)
  : (([from, to]) => Array.from({ length: (to ?? from) - from + 1 }, (_, i) => from + i))(seeds.split('-').map(Number));
const last = Number(take('--last', '5'));
const label = take('--label', '');
const verbose = argv.includes('--verbose') ? Boolean(argv.splice(argv.indexOf('--verbose'), 1)) : false;
const parsed = parseSimulateArgs(argv);
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(2);
}
const checks: DefaultRunCheck[] = [];
const began = performance.now();
for (const seed of seedList) {
  const start = performance.now();
  const s = checkRun({ ...parsed.options, seed }, last);
  checks.push(s);
  if (verbose) {
    console.log(
      `seed ${seed}: plain val min ${s.plainMin.toFixed(4)} @${s.plainMinEpoch}, end ${s.plainEnd.toFixed(4)} ` +
        `(×${s.plainEndOverMin.toFixed(2)}); dropout end ${s.dropoutEnd.toFixed(4)} (min ${s.dropoutMin.toFixed(4)}) ` +
        `${s.dropoutEndsLower ? 'lower' : 'HIGHER'}; dropout steepest slope ${s.dropoutSteepestSlope.toFixed(2)} ` +
        `[${((performance.now() - start) / 1000).toFixed(1)} s]`,
    );
  }
}
const t = tabulateChecks(checks);
const seconds = ((performance.now() - began) / 1000).toFixed(0);
const variant = label || argv.join(' ') || 'default';
// One Markdown row, the columns of the README's tuning table.
console.log(
  `| ${variant} | ${t.dropoutWins}/${t.seeds} | ${t.plainEndOverMin.min.toFixed(2)} / ${t.plainEndOverMin.median.toFixed(2)} ` +
    `| ${t.dropoutSteepestSlope.max.toFixed(1)} / ${t.dropoutSteepestSlope.median.toFixed(1)} | ${seeds} | ${seconds} s |`,
);
