/**
 * Searches for an honest MC-dropout uncertainty demo: for each candidate (activation, gap, p, epochs), trains
 * the twins on the gapped sine data and reports how much wider the MC-dropout std (T = 30) is inside the gap
 * than at the training points, per seed. The winner became UNCERTAINTY_PRESET in src/engine/scenario.ts.
 * Usage: tsx scripts/measure-uncertainty.ts [--seeds 0-4]
 */
import { measureUncertaintyWidening } from '../src/engine/claims';
import { TwinTrainer } from '../src/engine/trainer';
import type { Activation } from '../src/engine/mlp';

const seedsArg = process.argv[process.argv.indexOf('--seeds') + 1] ?? '0-4';
const [from, to] = (process.argv.includes('--seeds') ? seedsArg : '0-4').split('-').map(Number);
const checkpoints = [1000, 2000, 3000];
type Candidate = { activation: Activation; gap: [number, number]; p: number; trainSize?: number; hidden?: number[] };
// The first sweep (tanh vs relu, two gaps, three p); pass CANDIDATES='[{…}]' (JSON) to try others.
let candidates: Candidate[] = [];
for (const activation of ['tanh', 'relu'] as const) {
  for (const gap of [[-1, 1], [0.5, 2]] as [number, number][]) {
    for (const p of [0.1, 0.3, 0.5]) candidates.push({ activation, gap, p });
  }
}
if (process.env.CANDIDATES) candidates = JSON.parse(process.env.CANDIDATES) as Candidate[];
for (const c of candidates) {
  const ratios: string[][] = checkpoints.map(() => []);
  for (let seed = from; seed <= to; seed++) {
    const { gap, ...scenario } = c;
    const trainer = new TwinTrainer({ ...scenario, seed, gap: true, evalEvery: 1000 }, { gapRange: gap });
    checkpoints.forEach((epochs, k) => {
      while (trainer.epoch < epochs) trainer.stepEpoch();
      ratios[k].push(measureUncertaintyWidening(trainer, 30, 0).ratio.toFixed(2));
    });
  }
  const label = JSON.stringify(c).padEnd(70);
  console.log(`${label} ${checkpoints.map((e, k) => `@${e}: ${ratios[k].join(' ')}`).join(' | ')}`);
}
