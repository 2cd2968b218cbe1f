/**
 * nn.Dropout applied pass after pass to one small vector, as the tensor lab shows it: the draws and the mask of
 * the pass on screen, the zero count of every pass so far, and the running mean of each output.
 *
 * Why the draws are cached rather than replayed: dropout() takes one random_sample() draw per element, in index
 * order, whenever 0 < p < 1. So pass k on a vector of n elements reads draws (k−1)·n … k·n−1 of the seed's
 * stream, whatever p and the values of x are. The draws of a seed are therefore generated once and kept
 * (append-only): "forward again" reads n more, a new p only compares the kept draws with the new threshold, a
 * new x reuses them all, and nothing ever restarts the generator from the seed. At p = 0 and p = 1 dropout draws
 * nothing, exactly as PyTorch's module does, so those passes read no draws either.
 */
import { createRng, type Rng } from './rng';
import { assertDropoutProbability, dropout, dropoutKernel, dropoutScale } from './dropout';
import { binomialMean, binomialPmf, binomialStandardDeviation } from './binomial';
import { assertPositiveInteger } from './validate';
import { DROPOUT_PASS_LIMITS } from './articleExample';

/**
 * The random_sample() draws of one seed, generated on demand and kept. Values never change once drawn, so a view
 * handed out earlier stays correct after the cache grows.
 */
export class UniformDrawCache {
  readonly seed: number;
  private readonly rng: Rng;
  private buffer = new Float64Array(256);
  private filled = 0;

  constructor(seed: number) {
    this.rng = createRng(seed);
    this.seed = seed;
  }

  /** Draws generated so far. */
  get length(): number {
    return this.filled;
  }

  /** Draws start … start+count−1 of the stream (generating the missing ones), as a read-only view. */
  read(start: number, count: number): Float64Array {
    this.ensure(start + count);
    return this.buffer.subarray(start, start + count);
  }

  private ensure(total: number): void {
    if (total <= this.filled) return;
    if (total > this.buffer.length) {
      const grown = new Float64Array(Math.max(total, 2 * this.buffer.length));
      grown.set(this.buffer.subarray(0, this.filled));
      this.buffer = grown;
    }
    for (let i = this.filled; i < total; i++) this.buffer[i] = this.rng.random();
    this.filled = total;
  }
}

/**
 * Feeds dropout() the cached draws of one pass, so the pass on screen goes through the engine's own dropout() and
 * not through a copy of its rule. Only random() and randomBlock() are ever needed by dropout().
 */
class CachedDrawReader implements Rng {
  private position = 0;
  constructor(
    readonly seed: number,
    private readonly draws: Float64Array,
  ) {}
  get drawCount(): number {
    return 2 * this.position; // random_sample() consumes two 32-bit words
  }
  random(): number {
    if (this.position >= this.draws.length) throw new RangeError('dropout asked for more draws than the pass has');
    return this.draws[this.position++];
  }
  randomBlock(count: number): Float64Array {
    if (this.position + count > this.draws.length) throw new RangeError('dropout asked for more draws than the pass has');
    this.position += count;
    return this.draws.subarray(this.position - count, this.position);
  }
  nextUint32(): number {
    throw new Error('CachedDrawReader only replays random_sample() draws');
  }
  standardNormal(): number {
    throw new Error('CachedDrawReader only replays random_sample() draws');
  }
}

/** True when dropout draws a mask at all: training mode with 0 < p < 1. */
function drawsMask(p: number, training: boolean): boolean {
  return training && p > 0 && p < 1;
}

export interface DropoutPassOptions {
  training: boolean;
  inplace: boolean;
}

/** One call of the module, with everything the lab shows about it. */
export interface DropoutPass {
  /** 1-based pass number (0 in eval mode, which makes no training pass). */
  pass: number;
  /** The draws uᵢ of this pass, or null when dropout drew nothing (eval, p = 0, p = 1). */
  draws: Float64Array | null;
  mask: Uint8Array;
  output: Float32Array;
  /** x as it is after the call: the output itself when inplace, untouched otherwise. */
  inputAfter: Float32Array;
  /** Python's `y is x`: true exactly when the module wrote into its input. */
  sameObject: boolean;
  zeros: number;
  /** random_sample() draws the stream had used before this pass (to skip them in a NumPy script). */
  drawsBefore: number;
}

/** Pass `pass` (1-based; 0 for eval mode) of nn.Dropout(p) on `input`, reading the seed's cached draws. */
export function dropoutPass(
  cache: UniformDrawCache,
  input: readonly number[],
  p: number,
  pass: number,
  options: DropoutPassOptions,
): DropoutPass {
  assertDropoutProbability(p);
  const n = input.length;
  const training = options.training && pass > 0;
  const drawing = drawsMask(p, training);
  if (training) assertPositiveInteger(pass, 'pass');
  const drawsBefore = drawing ? (pass - 1) * n : 0;
  const draws = drawing ? cache.read(drawsBefore, n).slice() : null;
  const x = Float32Array.from(input);
  const rng = draws ? new CachedDrawReader(cache.seed, draws) : undefined;
  const { output, mask } = dropout(x, p, { training, inplace: options.inplace, rng });
  let zeros = 0;
  for (let i = 0; i < n; i++) zeros += mask[i] === 1 ? 0 : 1;
  return { pass: training ? pass : 0, draws, mask, output, inputAfter: x, sameObject: output === x, zeros, drawsBefore };
}

/** Counts over the passes 1 … passes of one stream at one p: the histogram and the running means. */
export interface ZeroCountTally {
  readonly seed: number;
  readonly n: number;
  readonly p: number;
  readonly passes: number;
  /** zeroCounts[k] = passes in which exactly k of the n elements were dropped. */
  readonly zeroCounts: Uint32Array;
  /** keptCounts[i] = passes in which element i was kept. */
  readonly keptCounts: Uint32Array;
}

/**
 * Tallies passes 1 … `passes`. With a `previous` tally of the same seed, n and p that covers fewer passes, only
 * the new passes are counted (so "forward again" costs one pass); otherwise the cached draws are re-compared with
 * p, which touches passes × n numbers and never the generator. The result is the same either way.
 */
export function tallyDropoutPasses(
  cache: UniformDrawCache,
  n: number,
  p: number,
  passes: number,
  previous?: ZeroCountTally | null,
): ZeroCountTally {
  assertDropoutProbability(p);
  assertPositiveInteger(n, 'n');
  assertPositiveInteger(passes, 'passes');
  const extend =
    previous != null && previous.seed === cache.seed && previous.n === n && previous.p === p && previous.passes <= passes;
  const zeroCounts = extend ? previous.zeroCounts.slice() : new Uint32Array(n + 1);
  const keptCounts = extend ? previous.keptCounts.slice() : new Uint32Array(n);
  const from = extend ? previous.passes : 0;
  const added = passes - from;
  // Each pass's mask comes from the engine's own dropout kernel, reading the cached draws of that pass (none at
  // p = 0 or p = 1, where dropout draws nothing); only the mask is counted, so the kernel runs on a vector of ones.
  const drawing = drawsMask(p, true);
  const reader = drawing && added > 0 ? new CachedDrawReader(cache.seed, cache.read(from * n, added * n)) : undefined;
  const mask = new Uint8Array(n);
  const ones = new Float32Array(n).fill(1);
  const scratch = new Float32Array(n);
  for (let k = 0; k < added; k++) {
    dropoutKernel(ones, scratch, mask, n, p, reader);
    let zeros = 0;
    for (let i = 0; i < n; i++) {
      keptCounts[i] += mask[i];
      zeros += 1 - mask[i];
    }
    zeroCounts[zeros]++;
  }
  return { seed: cache.seed, n, p, passes, zeroCounts, keptCounts };
}

/** Everything the tensor lab shows is a function of these. */
export interface DropoutLabSettings {
  seed: number;
  p: number;
  input: readonly number[];
  training: boolean;
  inplace: boolean;
  /** Training passes made since the stream started from the seed (clamped to 1 … maxPasses). */
  passes: number;
}

export interface DropoutLabRun {
  /** The pass on screen: the last training pass, or the eval-mode identity. */
  shown: DropoutPass;
  /** Training passes so far (the histogram's sample size). */
  passes: number;
  tally: ZeroCountTally;
  /** Mean of each output over all training passes so far. */
  meanOutputs: Float64Array;
  /** The factor survivors are multiplied by: PyTorch's float32 1/(1−p) (see dropoutScale; 0 at p = 1). */
  scale: number;
  /** Binomial(n, p): the distribution the zero counts follow. */
  pmf: Float64Array;
  expectedZeros: number;
  zerosStandardDeviation: number;
  /** The seed's draws, handed to the next run so that it never regenerates them. */
  cache: UniformDrawCache;
}

/**
 * The tensor lab's numbers for `settings`. Pass the previous run to make the work incremental: same seed → its
 * draws are reused; same seed, x length and p with more passes → only the new passes are counted. The result
 * never depends on `previous`, only its cost does.
 */
export function runDropoutLab(settings: DropoutLabSettings, previous?: DropoutLabRun | null): DropoutLabRun {
  const { seed, p, input, training, inplace } = settings;
  const n = input.length;
  assertPositiveInteger(n, 'input length');
  assertDropoutProbability(p);
  const passes = Math.min(Math.max(1, Math.floor(settings.passes) || 1), DROPOUT_PASS_LIMITS.maxPasses);
  const cache = previous && previous.cache.seed === seed ? previous.cache : new UniformDrawCache(seed);
  const tally = tallyDropoutPasses(cache, n, p, passes, previous?.tally);
  const shown = dropoutPass(cache, input, p, training ? passes : 0, { training, inplace });
  const scale = dropoutScale(p);
  const meanOutputs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Every kept pass outputs the same float32 value x·scale, so the mean is that value × the share of kept passes.
    meanOutputs[i] = (Math.fround(Math.fround(input[i]) * scale) * tally.keptCounts[i]) / passes;
  }
  const samePmf = previous && previous.tally.n === n && previous.tally.p === p;
  return {
    shown,
    passes,
    tally,
    meanOutputs,
    scale,
    pmf: samePmf ? previous.pmf : binomialPmf(n, p),
    expectedZeros: binomialMean(n, p),
    zerosStandardDeviation: binomialStandardDeviation(n, p),
    cache,
  };
}

/** Largest |mean output − xᵢ| so far: how close the running means are to preserving x. */
export function largestMeanGap(meanOutputs: ArrayLike<number>, input: readonly number[]): number {
  let gap = 0;
  for (let i = 0; i < input.length; i++) gap = Math.max(gap, Math.abs(meanOutputs[i] - Math.fround(input[i])));
  return gap;
}
