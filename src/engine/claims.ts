/**
 * The measurable claims the lab's two demos make, as functions, so the tests and the measurement scripts
 * check exactly the same numbers.
 */
import { SINE_DOMAIN } from './data';
import type { ScenarioOptions } from './scenario';
import { TwinTrainer, trainToBudget } from './trainer';
import { summarizeOverfitting, type OverfittingSummary } from './overfitting';

/** MC-dropout spread inside the training gap compared with the spread at the training points. */
export interface UncertaintyWidening {
  /** Mean MC std over an even grid strictly inside the gap. */
  gapStd: number;
  /** Mean MC std at the training inputs. */
  trainStd: number;
  /** gapStd / trainStd: ≥ 1.5 means the band clearly widens where there is no data. */
  ratio: number;
}

/**
 * Runs MC dropout (T passes, masks from `mcSeed`) on a trained twin and compares its spread in the data gap
 * with its spread at the training points. Needs a dataset with a gap.
 */
export function measureUncertaintyWidening(trainer: TwinTrainer, samples = 30, mcSeed = 0, gridPoints = 50): UncertaintyWidening {
  const gap = trainer.dataset.gap;
  if (!gap) throw new RangeError('measureUncertaintyWidening needs a dataset with a gap (gap: true)');
  const grid = new Float32Array(gridPoints);
  for (let i = 0; i < gridPoints; i++) grid[i] = gap[0] + ((gap[1] - gap[0]) * (i + 0.5)) / gridPoints;
  const mean = (values: Float32Array) => values.reduce((a, b) => a + b, 0) / values.length;
  const gapStd = mean(trainer.mcPredict(grid, samples, mcSeed).std);
  const trainStd = mean(trainer.mcPredict(trainer.dataset.trainX, samples, mcSeed).std);
  return { gapStd, trainStd, ratio: gapStd / trainStd };
}

/** The grid the smoothness claim is measured on: 601 points over the sine domain [−3, 3], 0.01 apart. */
export const SLOPE_GRID_POINTS = 601;

/**
 * The steepest slope of a twin's eval-mode prediction over [lo, hi]: the largest |Δy/Δx| between neighbours of
 * an even grid of `points` inputs. sin(x) gives 1; a staircase of flat steps gives a large number even when its
 * error to sin(x) is small, which is what the smoothness claim guards against.
 */
export function steepestSlope(
  trainer: TwinTrainer,
  which: 'plain' | 'dropout',
  range: readonly [number, number] = SINE_DOMAIN,
  points = SLOPE_GRID_POINTS,
): number {
  const [lo, hi] = range;
  const step = (hi - lo) / (points - 1);
  const xs = new Float32Array(points);
  for (let i = 0; i < points; i++) xs[i] = lo + i * step;
  const ys = trainer.predict(which, xs);
  let steepest = 0;
  for (let i = 1; i < points; i++) steepest = Math.max(steepest, Math.abs((ys[i] - ys[i - 1]) / (xs[i] - xs[i - 1])));
  return steepest;
}

/** Everything the default scenario's claims are checked on, for one seed's run to its budget. */
export interface DefaultRunCheck extends OverfittingSummary {
  seed: number;
  /** The dropout twin's steepest slope on [−3, 3] at the end of the run (see steepestSlope). */
  dropoutSteepestSlope: number;
  plainSteepestSlope: number;
}

/** Trains one scenario to its epoch budget and measures the overfitting and smoothness claims on it. */
export function checkRun(options: Partial<ScenarioOptions>, last = 5): DefaultRunCheck {
  const trainer = new TwinTrainer(options);
  const summary = summarizeOverfitting(trainToBudget(trainer), last);
  return {
    seed: trainer.options.seed,
    ...summary,
    dropoutSteepestSlope: steepestSlope(trainer, 'dropout'),
    plainSteepestSlope: steepestSlope(trainer, 'plain'),
  };
}

/** The four numbers the default scenario promises (issue 14), over a set of seeds. */
export interface DefaultClaimsTable {
  seeds: number;
  dropoutWins: number;
  plainEndOverMin: { min: number; median: number };
  dropoutSteepestSlope: { max: number; median: number };
}

/** Median of a list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Folds per-seed checks into the table row: wins, no-dropout end/min (min, median), slope (max, median). */
export function tabulateChecks(checks: readonly DefaultRunCheck[]): DefaultClaimsTable {
  const ratios = checks.map((c) => c.plainEndOverMin);
  const slopes = checks.map((c) => c.dropoutSteepestSlope);
  return {
    seeds: checks.length,
    dropoutWins: checks.filter((c) => c.dropoutEndsLower).length,
    plainEndOverMin: { min: Math.min(...ratios), median: median(ratios) },
    dropoutSteepestSlope: { max: Math.max(...slopes), median: median(slopes) },
  };
}
