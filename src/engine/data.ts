import { createRng, type Rng } from './rng';
import { assertNonNegativeFinite, assertPositiveInteger, assertSeed, describeValue } from './validate';
import type { DatasetName } from './datasetNames';

/** What the output means: a real number (MSE loss) or the logit of class 1 (binary cross-entropy). */
export type Task = 'regression' | 'classification';

/** A seeded train/validation split, stored flat and row-major (n × inputSize, n × 1). */
export interface Dataset {
  readonly name: DatasetName;
  readonly task: Task;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly trainX: Float32Array;
  readonly trainY: Float32Array;
  readonly valX: Float32Array;
  readonly valY: Float32Array;
  readonly trainSize: number;
  readonly valSize: number;
  /** Per input dimension, the [min, max] the charts should show. */
  readonly domain: readonly (readonly [number, number])[];
  /** The x range left without training points, or null. */
  readonly gap: readonly [number, number] | null;
  /** The noise-free function the data was drawn from (sine only), for the fit chart. */
  readonly trueFunction: ((x: number) => number) | null;
}

export interface DatasetOptions {
  name: DatasetName;
  seed: number;
  trainSize: number;
  valSize: number;
  /** Sine: standard deviation of the Gaussian noise on y. Moons: standard deviation of the noise on each coordinate. */
  noise: number;
  /** Sine only: an x interval [a, b] ⊂ [−3, 3] with no training points (validation still covers it). */
  gap?: readonly [number, number] | null;
  /** Moons only: probability that a label is flipped (default 0.05). */
  labelNoise?: number;
}

/** The sine data's x range. */
export const SINE_DOMAIN: readonly [number, number] = [-3, 3];
/**
 * The training-data hole used when a scenario sets `gap: true`. Measured with scripts/measure-uncertainty.ts:
 * with [−1, 1] or [0.5, 2] the MC-dropout band widened in the gap for some seeds only; [−1.5, 1.5] (half the
 * domain's middle) widened it ≥ 1.3× for almost every seed tried.
 */
export const DEFAULT_GAP: readonly [number, number] = Object.freeze([-1.5, 1.5] as const);

/** Validates `options` and builds the named dataset; every draw comes from `createRng(seed)`. */
export function makeDataset(options: DatasetOptions): Dataset {
  const { name, seed, trainSize, valSize, noise, gap = null, labelNoise = 0.05 } = options;
  assertSeed(seed, 'seed');
  assertPositiveInteger(trainSize, 'trainSize');
  assertPositiveInteger(valSize, 'valSize');
  assertNonNegativeFinite(noise, 'noise');
  const rng = createRng(seed);
  if (name === 'sine') return makeSine(rng, trainSize, valSize, noise, gap);
  if (name === 'moons') {
    if (!(labelNoise >= 0 && labelNoise <= 0.5)) throw new RangeError(`labelNoise must be in [0, 0.5], but got ${labelNoise}`);
    return makeMoons(rng, trainSize, valSize, noise, labelNoise);
  }
  throw new RangeError(`dataset must be 'sine' or 'moons', but got ${describeValue(name)}`);
}

/**
 * y = sin(x) + N(0, noise²). Training x is uniform on [−3, 3] (minus the gap, if any); validation x is an evenly
 * spaced grid, with its own noise, so the validation loss measures error on held-out noisy data (its floor is
 * noise², not 0). Draw order, reproducible in NumPy: train x, train noise, validation noise.
 */
function makeSine(rng: Rng, trainSize: number, valSize: number, noise: number, gap: readonly [number, number] | null): Dataset {
  const [lo, hi] = SINE_DOMAIN;
  if (gap !== null) {
    const [a, b] = gap ?? [];
    if (!(Number.isFinite(a) && Number.isFinite(b) && lo <= a && a < b && b <= hi && b - a < hi - lo)) {
      throw new RangeError(`gap must be an interval [a, b] with -3 <= a < b <= 3 that leaves room for data, but got ${describeValue(gap)}`);
    }
  }
  const trainX = new Float32Array(trainSize);
  const trainY = new Float32Array(trainSize);
  // With a gap, one uniform draw over the remaining length is shifted past the gap: still one draw per point,
  // no rejection loop, so the data for a seed does not depend on how often a draw landed in the gap.
  const gapWidth = gap ? gap[1] - gap[0] : 0;
  for (let i = 0; i < trainSize; i++) {
    let x = lo + (hi - lo - gapWidth) * rng.random();
    if (gap && x >= gap[0]) x += gapWidth;
    trainX[i] = x;
  }
  for (let i = 0; i < trainSize; i++) trainY[i] = Math.sin(trainX[i]) + noise * rng.standardNormal();
  const valX = new Float32Array(valSize);
  const valY = new Float32Array(valSize);
  for (let i = 0; i < valSize; i++) {
    valX[i] = valSize === 1 ? 0 : lo + ((hi - lo) * i) / (valSize - 1);
    valY[i] = Math.sin(valX[i]) + noise * rng.standardNormal();
  }
  return {
    name: 'sine', task: 'regression', inputSize: 1, outputSize: 1,
    trainX, trainY, valX, valY, trainSize, valSize,
    domain: [SINE_DOMAIN], gap: gap ? [gap[0], gap[1]] : null, trueFunction: Math.sin,
  };
}

/**
 * Two interleaving half circles (scikit-learn's make_moons): class 0 is (cos t, sin t), class 1 is
 * (1 − cos t, 0.5 − sin t), t uniform on [0, π], plus N(0, noise²) on each coordinate; each label is then flipped
 * with probability `labelNoise`. Classes alternate 0, 1, 0, … so both are equally represented.
 */
function makeMoons(rng: Rng, trainSize: number, valSize: number, noise: number, labelNoise: number): Dataset {
  const sample = (n: number) => {
    const x = new Float32Array(2 * n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const label = i % 2;
      const t = Math.PI * rng.random();
      const px = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
      const py = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
      x[2 * i] = px + noise * rng.standardNormal();
      x[2 * i + 1] = py + noise * rng.standardNormal();
      y[i] = rng.random() < labelNoise ? 1 - label : label;
    }
    return { x, y };
  };
  const train = sample(trainSize);
  const val = sample(valSize);
  return {
    name: 'moons', task: 'classification', inputSize: 2, outputSize: 1,
    trainX: train.x, trainY: train.y, valX: val.x, valY: val.y, trainSize, valSize,
    domain: [[-1.5, 2.5], [-1.25, 1.75]], gap: null, trueFunction: null,
  };
}
