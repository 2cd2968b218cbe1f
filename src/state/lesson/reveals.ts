/**
 * The numbers a reveal quotes, read from the student's own run: the store's loss history, the pass shown, the
 * MC-dropout band, the tensor lab's tally, the sweep. Pure functions of what the engine computed (no timers, no
 * DOM), so a reveal says what THIS run did, and says so again as the run goes on. Each returns `null` while the
 * run has not got far enough to answer; the reveal then says what to do and updates live.
 */
// The engine's own module, not its index: the first screen loads this file (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { bandSpread } from '../../engine/mc';
import type { LossPoint, ZeroCountTally } from '../../engine';
import type { LossHistory } from '../history';
import type { McBand, PassView } from '../store';
import type { SweepPoint } from '../sweep';

/** Epochs a twin run needs before its validation losses tell the twins apart (the gap opens after ~100–300). */
export const TWIN_VERDICT_EPOCHS = 500;
/** Before this many epochs a "lowest so far" says nothing: the loss is still falling fast. */
export const OVERFIT_MIN_EPOCHS = 100;
/** The no-dropout validation loss must have risen this much above its minimum to count as "rising". */
export const RISE_FACTOR = 1.2;

export interface TwinVerdict {
  epoch: number;
  valPlain: number;
  valDropout: number;
  /** How much larger the no-dropout validation loss is, as a ratio. */
  ratio: number;
}

function lastPoint(history: LossHistory): LossPoint | undefined {
  return history.points[history.points.length - 1];
}

/** The twins' validation losses at the latest evaluation, once the run is long enough to tell. */
export function twinVerdict(history: LossHistory, minEpochs = TWIN_VERDICT_EPOCHS): TwinVerdict | null {
  const last = lastPoint(history);
  if (!last || last.epoch < minEpochs) return null;
  return { epoch: last.epoch, valPlain: last.plain.val, valDropout: last.dropout.val, ratio: last.plain.val / last.dropout.val };
}

export interface OverfitVerdict {
  bestEpoch: number;
  bestVal: number;
  epoch: number;
  val: number;
  rise: number;
}

/**
 * Where the no-dropout validation loss bottomed out and how far it has climbed since. `rising` is false while it
 * has not yet climbed RISE_FACTOR above its minimum (the reveal then asks to train on).
 */
export function overfitVerdict(history: LossHistory): (OverfitVerdict & { rising: boolean }) | null {
  const last = lastPoint(history);
  const best = history.bestPlain;
  if (!last || !best || last.epoch < OVERFIT_MIN_EPOCHS) return null;
  const rise = last.plain.val / best.val;
  return { bestEpoch: best.epoch, bestVal: best.val, epoch: last.epoch, val: last.plain.val, rise, rising: rise >= RISE_FACTOR };
}

export interface DropoutVerdict extends TwinVerdict {
  trainPlain: number;
  trainDropout: number;
  trainDropoutOn: number;
  /** The dropout-on train loss over the eval-mode one. */
  onRatio: number;
}

/** Both twins' train and validation losses, and the dropout-on train loss, at the latest evaluation. */
export function dropoutVerdict(history: LossHistory, minEpochs = TWIN_VERDICT_EPOCHS): DropoutVerdict | null {
  const twin = twinVerdict(history, minEpochs);
  const last = lastPoint(history);
  if (!twin || !last) return null;
  return {
    ...twin,
    trainPlain: last.plain.train,
    trainDropout: last.dropout.train,
    trainDropoutOn: last.dropout.trainWithDropout,
    onRatio: last.dropout.trainWithDropout / last.dropout.train,
  };
}

/** Dropout's validation gain as a whole percentage of the no-dropout loss (negative when dropout did worse). */
export function relativeGainPercent(plain: number, dropout: number): number {
  return Math.round(((plain - dropout) / plain) * 100);
}

/** The tensor lab's passes: how the number of zeros spread. */
export interface TallySummary {
  passes: number;
  fewest: number;
  most: number;
  /** Passes with exactly round(n·p) zeros, and the share of passes that is. */
  atExpected: number;
  expected: number;
  share: number;
}

export function tallySummary(tally: ZeroCountTally): TallySummary {
  const counts = tally.zeroCounts;
  let fewest = -1;
  let most = -1;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] === 0) continue;
    if (fewest < 0) fewest = k;
    most = k;
  }
  const expected = Math.round(tally.n * tally.p);
  const atExpected = counts[expected] ?? 0;
  return { passes: tally.passes, fewest, most, atExpected, expected, share: tally.passes > 0 ? atExpected / tally.passes : 0 };
}

/** Units switched off in each hidden layer for the example shown, out of the layer's width. */
export function passDrops(pass: PassView | null): { sample: number; dropped: number[]; widths: number[] } | null {
  if (!pass || pass.masks.length === 0) return null;
  return {
    sample: pass.displaySample,
    dropped: pass.masks.map((mask) => mask.reduce((off, kept) => off + (kept ? 0 : 1), 0)),
    widths: pass.masks.map((mask) => mask.length),
  };
}

/** Mean absolute gap between the MC average and the eval network's curve, on the fit grid. */
export function mcMeanGap(mc: McBand | null, evalCurve: Float32Array | null): { epoch: number; gap: number; spread: number } | null {
  if (!mc || !evalCurve || evalCurve.length !== mc.mean.length || mc.mean.length === 0) return null;
  let sum = 0;
  let spread = 0;
  for (let i = 0; i < mc.mean.length; i++) {
    sum += Math.abs(mc.mean[i] - evalCurve[i]);
    spread += mc.std[i];
  }
  // `spread`: the mean standard deviation of single thinned networks, the scale the gap is small against.
  return { epoch: mc.epoch, gap: sum / mc.mean.length, spread: spread / mc.mean.length };
}

/** How wide the MC band is where there are no training points, against where there are. */
export function bandWidths(mc: McBand | null, gap: readonly [number, number] | null): { epoch: number; inGap: number; outside: number; ratio: number } | null {
  if (!mc || !gap) return null;
  const { inGap, outside } = bandSpread(mc.xs, mc.std, gap);
  if (!Number.isFinite(inGap) || !(outside > 0)) return null;
  return { epoch: mc.epoch, inGap, outside, ratio: inGap / outside };
}

/** The sweep's best p, and the loss at the largest p, once the sweep has finished. */
export function sweepVerdict(points: readonly SweepPoint[]): { bestP: number; bestVal: number; maxP: number; maxVal: number; zeroVal: number } | null {
  if (points.length < 3) return null;
  const best = points.reduce((a, b) => (b.mean < a.mean ? b : a));
  const largest = points[points.length - 1];
  const zero = points[0];
  return { bestP: best.p, bestVal: best.mean, maxP: largest.p, maxVal: largest.mean, zeroVal: zero.mean };
}
