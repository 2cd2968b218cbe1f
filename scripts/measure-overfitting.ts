/**
 * Measures the claim overfitting.test.ts checks, for any scenario flags: per seed, how far the no-dropout
 * validation loss ends above its own minimum, and whether dropout ends lower.
 * Usage: tsx scripts/measure-overfitting.ts [--seeds 0-9] [--epochs 3000] [--last 5] [scenario flags…]
 */
import { parseSimulateArgs } from './simulate-args';
import { simulate } from '../src/engine/trainer';
import { summarizeOverfitting } from '../src/engine/claims';

const argv = process.argv.slice(2);
const take = (flag: string, fallback: string) => {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const [value] = argv.splice(i, 2).slice(1);
  return value;
};
const [from, to] = take('--seeds', '0-9').split('-').map(Number);
const last = Number(take('--last', '5'));
const parsed = parseSimulateArgs(argv);
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(2);
}
let robust = 0;
let dropoutWins = 0;
for (let seed = from; seed <= (to ?? from); seed++) {
  const start = performance.now();
  const s = summarizeOverfitting(simulate({ ...parsed.options, seed }), last);
  robust += s.plainEndOverMin >= 1.3 ? 1 : 0;
  dropoutWins += s.dropoutEndsLower ? 1 : 0;
  console.log(
    `seed ${seed}: plain val min ${s.plainMin.toFixed(4)} @${s.plainMinEpoch}, end ${s.plainEnd.toFixed(4)} ` +
      `(×${s.plainEndOverMin.toFixed(2)}); dropout end ${s.dropoutEnd.toFixed(4)} (min ${s.dropoutMin.toFixed(4)}) ` +
      `${s.dropoutEndsLower ? 'lower' : 'HIGHER'}  [${((performance.now() - start) / 1000).toFixed(1)} s]`,
  );
}
console.log(`plain ends ≥ 1.3× its minimum: ${robust} seeds; dropout ends lower: ${dropoutWins} seeds`);
