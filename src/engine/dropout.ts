import type { Rng } from './rng';

export interface DropoutOptions {
  /** Training mode draws a mask; eval mode (`training: false`) is the identity, as after `module.eval()`. */
  training?: boolean;
  /** Write into `input` and return it, like `nn.Dropout(inplace=True)`. */
  inplace?: boolean;
  /** Where the uniform draws come from; required whenever a mask is actually drawn (training and 0 < p). */
  rng?: Rng;
}

export interface DropoutResult {
  /** The dropped and rescaled values (the same array as the input when `inplace`). */
  output: Float32Array;
  /** 1 where the element was kept, 0 where it was dropped (ONNX's mask output). */
  mask: Uint8Array;
}

/** The message PyTorch raises for an invalid p, so the app can show exactly what a student would see. */
export function dropoutProbabilityMessage(p: unknown): string {
  return `dropout probability has to be between 0 and 1, but got ${formatPythonNumber(p)}`;
}

/** Throws PyTorch's RangeError unless 0 <= p <= 1. */
export function assertDropoutProbability(p: unknown): asserts p is number {
  if (typeof p !== 'number' || Number.isNaN(p) || p < 0 || p > 1) {
    throw new RangeError(dropoutProbabilityMessage(p));
  }
}

/** Python's repr of a float for the messages we mirror: 1.5 → "1.5", 2 → "2", NaN → "nan". */
function formatPythonNumber(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

/**
 * The factor PyTorch multiplies survivors by during training (0 when p = 1). On the CPU PyTorch builds it as
 * `noise.div_(1 - p)` on a float32 tensor: 1 − p is computed in double, rounded to float32, and 1 is divided by
 * it in float32. That is not always the float32 nearest to 1/(1−p): at p = 0.04, 0.09, 0.15, 0.42… (22% of the
 * p values checked) it is one ulp away, and scripts/golden-torch.py checks this value against torch itself.
 * (A float32 quotient computed in double and rounded once is exact, so this is PyTorch's value bit for bit.)
 */
export function dropoutScale(p: number): number {
  assertDropoutProbability(p);
  return p === 1 ? 0 : Math.fround(1 / Math.fround(1 - p));
}

/** The keep rule (ONNX's mask convention, the lab's NumPy script): element i is kept when its draw uᵢ ≥ p. */
export function keeps(draw: number, p: number): boolean {
  return draw >= p;
}

/**
 * Which of the dropout kernel's three cases `p` selects, for `count` elements: 'keep-all' (p = 0: nothing is drawn),
 * 'drop-all' (p = 1: nothing is drawn either, every element would be dropped whatever its draw), or the block of
 * `count` draws, one `rng.random()` per element in index order (taken with `rng.randomBlock`). The one place
 * these cases are decided: dropoutKernel below and the layer kernel's WebAssembly (kernels/layerKernel.ts) both
 * ask it, and keep an element whose draw is ≥ p (`keeps`; layer.wat's `drop` compares the same way).
 */
export function dropoutDraws(p: number, count: number, rng: Rng | undefined): 'keep-all' | 'drop-all' | Float64Array {
  if (p === 0) return 'keep-all';
  if (p === 1) return 'drop-all';
  if (!rng) throw new TypeError('rng is required when dropout is in training mode with 0 < p < 1');
  return rng.randomBlock(count);
}

/**
 * The dropout kernel (training mode), the one place the rule is written in JavaScript; dropout(), the MLP's hidden
 * layers (through the layer kernel) and the tensor lab's tally all call it. For i < count: mask[i] = 1 (kept) or 0,
 * and out[i] = x[i] × noise, with noise = dropoutScale(p) ≈ 1/(1−p) for a kept element and 0 for a dropped one.
 * `out` may be `x` (in place).
 *
 * - p = 0: out is a copy of x, the mask all ones, and nothing is drawn.
 * - p = 1: out = x × 0 (so a negative element becomes -0, as in PyTorch), the mask all zeros, nothing drawn.
 * - otherwise one draw per element (dropoutDraws), kept when `keeps(draw, p)`.
 *
 * The product is computed in double and stored in `out`: for a Float32Array that is float32(x × noise), exactly
 * PyTorch's float32 x * noise, down to the -0 of a dropped negative element ("-0." in its printout). Draw, mask
 * and product share one loop: the MLP calls this for every hidden layer of every training pass.
 */
export function dropoutKernel(
  x: Float32Array | Float64Array, out: Float32Array | Float64Array, mask: Uint8Array, count: number, p: number, rng: Rng | undefined,
): void {
  const draws = dropoutDraws(p, count, rng);
  if (draws === 'keep-all') {
    if (out !== x) for (let i = 0; i < count; i++) out[i] = x[i];
    mask.fill(1, 0, count);
  } else if (draws === 'drop-all') {
    for (let i = 0; i < count; i++) out[i] = x[i] * 0;
    mask.fill(0, 0, count);
  } else {
    const scale = dropoutScale(p);
    for (let i = 0; i < count; i++) {
      const kept = keeps(draws[i], p);
      mask[i] = kept ? 1 : 0;
      out[i] = x[i] * (kept ? scale : 0);
    }
  }
}

/**
 * Inverted dropout with PyTorch's semantics and ONNX's mask convention.
 *
 * Element i is kept when `rng.random() >= p` — one draw per element, in index order — and every element is
 * multiplied by its noise, 0 or dropoutScale(p) ≈ 1/(1−p), in float32. So with `RandomState(889)`, p = 0.7 and x = [1..10] the engine prints the
 * source article's `[0, 6.6667, 10, 0, 0, 0, 0, 26.6667, 0, 0]`.
 *
 * - `p = 1` zeroes everything (and draws nothing: every element would be dropped whatever u is).
 * - `training = false` or `p = 0` returns the input unchanged (a copy unless `inplace`), an all-ones mask, and
 *   draws nothing.
 */
export function dropout(input: Float32Array, p: number, options: DropoutOptions = {}): DropoutResult {
  if (!(input instanceof Float32Array)) {
    throw new TypeError(`input must be a Float32Array, but got ${Object.prototype.toString.call(input)}`);
  }
  assertDropoutProbability(p);
  const { training = true, inplace = false, rng } = options;
  const n = input.length;
  const output = inplace ? input : new Float32Array(n);
  const mask = new Uint8Array(n);
  // Eval mode is p = 0 for the kernel: a copy (or nothing, in place), an all-ones mask, no draws.
  dropoutKernel(input, output, mask, n, training ? p : 0, rng);
  return { output, mask };
}
