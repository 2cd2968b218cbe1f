/**
 * Srivastava et al. (2014), Fig. 11: averaging thinned networks versus weight scaling. After training the default
 * scenario's dropout model, how far is the average prediction of K thinned networks (K forward passes with fresh
 * masks: MC dropout) from the one eval-mode network (inverted dropout's "weight scaling"), over the fit grid?
 *
 * Each job trains one seed and makes MAX_K = 200 thinned passes over the grid (the validation grid: 200 points
 * over [−3, 3], the fit chart's inputs). For each K the 200 passes are cut into ⌊200/K⌋ disjoint groups of K, and
 * the gap and validation loss are averaged over the groups: many estimates at small K, one at K = 200.
 */
import { createRng } from '../rng';
import { DEFAULT_SCENARIO, type ScenarioOptions } from '../scenario';
import { deriveSeed } from '../trainer';
import { assertSeedCount, mean, standardDeviation, type ExperimentTable } from './table';
import { trainOneTwin } from './trainOne';

export const ENSEMBLE_KS = Object.freeze([1, 2, 5, 10, 20, 50, 100, 200]);
/** TwinTrainer's MC-dropout stream (trainer.ts STREAM.mc), so the masks are those of the app's MC band. */
const MC_STREAM = 5;

export interface EnsembleJob {
  experiment: 'ensemble';
  id: number;
  seed: number;
  ks: readonly number[];
  /** The scenario trained (the default one unless a test or the CLI asks for a shorter budget). */
  scenario: Partial<ScenarioOptions>;
}

export interface EnsembleJobResult {
  experiment: 'ensemble';
  id: number;
  seed: number;
  ks: number[];
  /** Per K: mean |average of K thinned nets − eval net| over the grid, averaged over the groups. */
  gap: number[];
  /** Per K: validation MSE of the average of K thinned nets, averaged over the groups. */
  valLoss: number[];
  /** Validation MSE of the eval-mode (weight-scaled) network. */
  evalValLoss: number;
}

export interface EnsembleOptions {
  seeds: number;
  /** Overrides of the default scenario (e.g. a shorter budget in tests). */
  scenario?: Partial<ScenarioOptions>;
  ks?: readonly number[];
}

/** One job per seed. */
export function ensembleJobs(options: EnsembleOptions): EnsembleJob[] {
  assertSeedCount(options.seeds);
  const ks = [...(options.ks ?? ENSEMBLE_KS)];
  if (!ks.every((k) => Number.isInteger(k) && k >= 1 && k <= 1000)) throw new RangeError(`every K must be an integer between 1 and 1000, but got ${ks.join(', ')}`);
  return Array.from({ length: options.seeds }, (_, seed) => ({
    experiment: 'ensemble', id: seed, seed, ks, scenario: { ...DEFAULT_SCENARIO, ...options.scenario, seed },
  }));
}

/** Trains the dropout model of one seed and measures every K. Pure: the same job gives the same numbers. */
export function runEnsembleJob(job: EnsembleJob): EnsembleJobResult {
  const { model, dataset, scenario } = trainOneTwin(job.scenario, 'dropout');
  const xs = dataset.valX;
  const ys = dataset.valY;
  const n = dataset.valSize;
  const passes = Math.max(...job.ks);
  const ws = model.createWorkspace(n);
  const evalOut = Float64Array.from(model.forward(ws, xs, n, { training: false }).subarray(0, n));
  let evalValLoss = 0;
  for (let i = 0; i < n; i++) evalValLoss += (evalOut[i] - ys[i]) ** 2;
  evalValLoss /= n;
  const rng = createRng(deriveSeed(scenario.seed, MC_STREAM));
  const outputs = new Float64Array(passes * n);
  for (let t = 0; t < passes; t++) {
    const out = model.forward(ws, xs, n, { training: true, p: scenario.p, rng });
    for (let i = 0; i < n; i++) outputs[t * n + i] = out[i];
  }
  const gap: number[] = [];
  const valLoss: number[] = [];
  const average = new Float64Array(n);
  for (const k of job.ks) {
    const groups = Math.floor(passes / k);
    let gapSum = 0;
    let lossSum = 0;
    for (let g = 0; g < groups; g++) {
      average.fill(0);
      for (let t = g * k; t < (g + 1) * k; t++) for (let i = 0; i < n; i++) average[i] += outputs[t * n + i];
      let gapOne = 0;
      let lossOne = 0;
      for (let i = 0; i < n; i++) {
        const y = average[i] / k;
        gapOne += Math.abs(y - evalOut[i]);
        lossOne += (y - ys[i]) ** 2;
      }
      gapSum += gapOne / n;
      lossSum += lossOne / n;
    }
    gap.push(gapSum / groups);
    valLoss.push(lossSum / groups);
  }
  return { experiment: 'ensemble', id: job.id, seed: job.seed, ks: [...job.ks], gap, valLoss, evalValLoss };
}

/**
 * One row per K: mean and spread over seeds of the gap, the gap relative to K = 1 next to 1/√K (what independent
 * noise would give), and the mean validation loss of the K-average next to the eval network's.
 */
export function combineEnsemble(results: readonly EnsembleJobResult[]): ExperimentTable {
  if (results.length === 0) throw new RangeError('combineEnsemble needs at least one result');
  const ks = results[0].ks;
  const gapAt = (i: number) => results.map((r) => r.gap[i]);
  const firstGap = mean(gapAt(0));
  const evalVal = mean(results.map((r) => r.evalValLoss));
  return {
    experiment: 'ensemble',
    seeds: results.length,
    columns: ['K', 'gap_mean', 'gap_sd', 'gap_over_gap_K1', 'one_over_sqrt_K', 'val_loss_K_average', 'val_loss_eval_net'],
    rows: ks.map((k, i) => [
      k, mean(gapAt(i)), standardDeviation(gapAt(i)), mean(gapAt(i)) / firstGap, 1 / Math.sqrt(k / ks[0]),
      mean(results.map((r) => r.valLoss[i])), evalVal,
    ]),
  };
}
