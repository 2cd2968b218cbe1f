import { sigmoid } from './loss';
import type { Mlp, MlpWorkspace } from './mlp';
import type { Rng } from './rng';
import { assertPositiveInteger } from './validate';

/** Mean and spread of T stochastic predictions, one value per (sample, output). */
export interface McPrediction {
  mean: Float32Array;
  /** Population standard deviation over the T passes (NumPy's default ddof = 0); 0 when T = 1. */
  std: Float32Array;
}

export interface McOptions {
  /** Dropout probability kept on at prediction time (the model's training p). */
  p: number;
  /** T, the number of stochastic forward passes (≥ 1). */
  samples: number;
  /** Source of the masks: every pass draws a fresh mask for every (sample, unit). */
  rng: Rng;
  /** Apply the logistic sigmoid to each pass before averaging (classification: average probabilities). */
  probabilities: boolean;
}

/**
 * Monte Carlo dropout (Gal & Ghahramani 2016): leave dropout on at prediction time, run T passes with fresh
 * masks, and read the spread of the outputs as the model's uncertainty. `ws` must hold `n` samples; its
 * buffers are overwritten. Sums are kept in float64 so the variance does not cancel catastrophically.
 */
export function mcDropoutPredict(model: Mlp, ws: MlpWorkspace, xs: ArrayLike<number>, n: number, options: McOptions): McPrediction {
  const { p, samples, rng, probabilities } = options;
  assertPositiveInteger(samples, 'samples');
  const outSize = model.outputSize;
  const count = n * outSize;
  const sum = new Float64Array(count);
  const sumSq = new Float64Array(count);
  for (let t = 0; t < samples; t++) {
    const out = model.forward(ws, xs, n, { training: true, p, rng });
    for (let i = 0; i < count; i++) {
      const y = probabilities ? sigmoid(out[i]) : out[i];
      sum[i] += y;
      sumSq[i] += y * y;
    }
  }
  const mean = new Float32Array(count);
  const std = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const m = sum[i] / samples;
    mean[i] = m;
    // Rounding can make E[y²] − E[y]² slightly negative when every pass agrees; clamp so sqrt stays finite.
    std[i] = Math.sqrt(Math.max(0, sumSq[i] / samples - m * m));
  }
  return { mean, std };
}

/**
 * Mean MC standard deviation inside `gap` and outside it: the one-line answer to "does the band widen where there
 * was no training data?". Without a gap, `inGap` is NaN. Non-finite spreads are skipped.
 */
export function bandSpread(
  xs: ArrayLike<number>,
  std: ArrayLike<number>,
  gap: readonly [number, number] | null,
): { inGap: number; outside: number } {
  let inSum = 0;
  let inCount = 0;
  let outSum = 0;
  let outCount = 0;
  for (let i = 0; i < xs.length; i++) {
    const s = std[i];
    if (!Number.isFinite(s)) continue;
    if (gap && xs[i] >= gap[0] && xs[i] <= gap[1]) {
      inSum += s;
      inCount++;
    } else {
      outSum += s;
      outCount++;
    }
  }
  return { inGap: inCount ? inSum / inCount : NaN, outside: outCount ? outSum / outCount : NaN };
}
