/**
 * The tensor lab's model, free of React: validates what the student types, runs nn.Dropout through the engine
 * pass after pass, and gathers the statistics the panel shows. Everything shown is derived from
 * (seed, x, p, number of passes), so "restart from seed" replays exactly the same masks.
 */
import {
  createRng, assertSeed, type Rng,
  dropout, dropoutScale, assertDropoutProbability, dropoutProbabilityMessage,
  binomialPmf, binomialMean, binomialStandardDeviation,
} from '../../engine';

export const MAX_ELEMENTS = 64;
// Every change of p replays all passes through the engine; 2,000 keep that near 25 ms and the histogram converged.
export const MAX_PASSES = 2_000;
export const ARTICLE_SEED = 889;
export const ARTICLE_P = 0.7;
export const ARTICLE_INPUT: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export type ParseResult<T, E> = { ok: true; value: T } | { ok: false; error: E };

export type ProbabilityError =
  | { kind: 'empty' }
  | { kind: 'notNumber'; text: string }
  | { kind: 'range'; message: string };
export type SeedError = { kind: 'empty' } | { kind: 'invalid'; text: string };
export type VectorError =
  | { kind: 'empty' }
  | { kind: 'notNumber'; token: string; position: number }
  | { kind: 'tooLarge'; token: string; position: number }
  | { kind: 'tooMany'; count: number };

// A plain decimal literal as Python reads one; Number() alone would also accept "0x10", "Infinity" and "".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Students paste "−0.1" (typographic minus) and full-width digits from documents; read them as ASCII. */
function normaliseNumberText(text: string): string {
  return text
    .trim()
    .replace(/[\u2212\uFF0D]/g, '-')
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E/g, '.');
}

export function parseProbability(text: string): ParseResult<number, ProbabilityError> {
  const cleaned = normaliseNumberText(text);
  if (cleaned === '') return { ok: false, error: { kind: 'empty' } };
  if (!DECIMAL.test(cleaned)) return { ok: false, error: { kind: 'notNumber', text: text.trim() } };
  const p = Number(cleaned);
  try {
    assertDropoutProbability(p);
  } catch {
    return { ok: false, error: { kind: 'range', message: dropoutProbabilityMessage(p) } };
  }
  return { ok: true, value: p };
}

export function parseSeed(text: string): ParseResult<number, SeedError> {
  const cleaned = normaliseNumberText(text);
  if (cleaned === '') return { ok: false, error: { kind: 'empty' } };
  const seed = /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  try {
    assertSeed(seed);
  } catch {
    return { ok: false, error: { kind: 'invalid', text: text.trim() } };
  }
  return { ok: true, value: seed };
}

/** Reads "1, 2, 3", "1 2 3" or a pasted "[1., 2., 3.]"; Chinese commas and 、 separate too. */
export function parseVector(text: string): ParseResult<number[], VectorError> {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  const tokens = body.split(/[\s,，、;；]+/).filter((token) => token !== '');
  if (tokens.length === 0) return { ok: false, error: { kind: 'empty' } };
  if (tokens.length > MAX_ELEMENTS) return { ok: false, error: { kind: 'tooMany', count: tokens.length } };
  const values: number[] = [];
  for (const [index, token] of tokens.entries()) {
    const cleaned = normaliseNumberText(token);
    if (!DECIMAL.test(cleaned)) return { ok: false, error: { kind: 'notNumber', token, position: index + 1 } };
    const value = Number(cleaned);
    // float32 overflows to inf beyond ~3.4e38, and NumPy's asarray(..., dtype=float32) would do the same.
    if (!Number.isFinite(Math.fround(value))) return { ok: false, error: { kind: 'tooLarge', token, position: index + 1 } };
    values.push(value);
  }
  return { ok: true, value: values };
}

/** The typed text for a vector, as the input field shows it. */
export function vectorText(values: readonly number[]): string {
  return values.map(String).join(', ');
}

/** Lets the lab see the very draws dropout() consumed, without a second generator that could drift. */
class RecordingRng implements Rng {
  readonly draws: number[] = [];
  constructor(private readonly inner: Rng) {}
  get seed(): number {
    return this.inner.seed;
  }
  get drawCount(): number {
    return this.inner.drawCount;
  }
  nextUint32(): number {
    return this.inner.nextUint32();
  }
  random(): number {
    const u = this.inner.random();
    this.draws.push(u);
    return u;
  }
  standardNormal(): number {
    return this.inner.standardNormal();
  }
}

export interface LabSettings {
  seed: number;
  p: number;
  input: readonly number[];
  training: boolean;
  inplace: boolean;
  /** Passes made since the stream started from the seed (≥ 1). */
  passes: number;
}

export interface PassView {
  /** 1-based pass number (0 in eval mode, which makes no training pass). */
  pass: number;
  /** The uniform draws u_i of this pass, or null when dropout drew nothing (eval, p = 0, p = 1). */
  draws: number[] | null;
  mask: Uint8Array;
  output: Float32Array;
  /** x as it is after the call: the output itself when inplace, untouched otherwise. */
  inputAfter: Float32Array;
  /** Python's `y is x`: true exactly when the module wrote into its input. */
  sameObject: boolean;
  zeros: number;
  /** random_sample() draws the stream had already used before this pass (to skip in the NumPy snippet). */
  drawsBefore: number;
}

export interface LabRun {
  shown: PassView;
  /** Training passes so far (the histogram's sample size). */
  passes: number;
  /** zeroCounts[k] = passes in which exactly k elements were dropped. */
  zeroCounts: number[];
  /** Mean of each output over all training passes so far. */
  meanOutputs: Float64Array;
  scale: number;
  pmf: Float64Array;
  expectedZeros: number;
  zerosStandardDeviation: number;
}

function onePass(x: Float32Array, settings: LabSettings, rng: RecordingRng, pass: number): PassView {
  const drawsBefore = rng.drawCount / 2; // random_sample() uses two 32-bit words
  const firstDraw = rng.draws.length;
  const input = Float32Array.from(x);
  const { output, mask } = dropout(input, settings.p, { training: settings.training, inplace: settings.inplace, rng });
  const drawn = rng.draws.slice(firstDraw);
  const zeros = mask.reduce((count, kept) => count + (kept ? 0 : 1), 0);
  return {
    pass,
    draws: drawn.length > 0 ? drawn : null,
    mask,
    output,
    inputAfter: input,
    sameObject: output === input,
    zeros,
    drawsBefore,
  };
}

/** Replays `passes` training passes from the seed, then shows the last one (or the eval-mode identity). */
export function runLab(settings: LabSettings): LabRun {
  const n = settings.input.length;
  const x = Float32Array.from(settings.input);
  const passes = Math.min(Math.max(1, Math.floor(settings.passes)), MAX_PASSES);
  const rng = new RecordingRng(createRng(settings.seed));
  const zeroCounts = new Array<number>(n + 1).fill(0);
  const sums = new Float64Array(n);
  const training = { ...settings, training: true };
  let last: PassView | null = null;
  for (let k = 1; k <= passes; k++) {
    // Each pass starts from a fresh copy of x: re-applying an inplace module to its own output would compound.
    last = onePass(x, training, rng, k);
    if (k < passes) rng.draws.length = 0; // keep memory flat: only the last pass's draws are shown
    zeroCounts[last.zeros]++;
    for (let i = 0; i < n; i++) sums[i] += last.output[i];
  }
  const shown = settings.training ? (last as PassView) : onePass(x, settings, new RecordingRng(createRng(settings.seed)), 0);
  return {
    shown,
    passes,
    zeroCounts,
    meanOutputs: sums.map((sum) => sum / passes),
    scale: dropoutScale(settings.p),
    pmf: binomialPmf(n, settings.p),
    expectedZeros: binomialMean(n, settings.p),
    zerosStandardDeviation: binomialStandardDeviation(n, settings.p),
  };
}

/** Largest |mean output − input| so far: how close the running means are to preserving x. */
export function largestMeanGap(run: LabRun, input: readonly number[]): number {
  return input.reduce((gap, x, i) => Math.max(gap, Math.abs(run.meanOutputs[i] - Math.fround(x))), 0);
}

/** For the "divide by P" check: the first kept element, what PyTorch printed, and what x / p would be. */
export function articleRuleCheck(run: LabRun, input: readonly number[], p: number) {
  const index = run.shown.mask.findIndex((kept, i) => kept === 1 && input[i] !== 0);
  if (index < 0 || p === 0 || p === 1 || run.shown.pass === 0) return null;
  return { x: Math.fround(input[index]), output: run.shown.output[index], dividedByP: Math.fround(input[index]) / p };
}

/** Expected activation of element x under both conventions (paper: keep probability q = 1 − p). */
export function conventionNumbers(x: number, p: number) {
  const value = Math.fround(x);
  const keep = 1 - p;
  const scale = dropoutScale(p);
  return {
    keep,
    scale,
    // PyTorch: training keeps with prob. 1−p and scales by 1/(1−p); eval is the identity.
    pytorchTrainExpected: keep * value * scale,
    pytorchEval: value,
    // Srivastava et al. 2014: training keeps with prob. q unscaled; test multiplies the weights by q.
    paperTrainExpected: keep * value,
    paperTest: keep * value,
  };
}
