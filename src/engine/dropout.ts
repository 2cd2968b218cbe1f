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

  if (!training || p === 0) {
    if (!inplace) output.set(input);
    mask.fill(1);
    return { output, mask };
  }
  if (p === 1) {
    // PyTorch multiplies by a zero tensor, so a negative element becomes -0 (printed "-0."), not 0.
    for (let i = 0; i < n; i++) output[i] = input[i] * 0;
    return { output, mask };
  }
  if (!rng) throw new TypeError('rng is required when dropout is in training mode with 0 < p < 1');

  const scale = dropoutScale(p);
  for (let i = 0; i < n; i++) {
    const kept = keeps(rng.random(), p);
    mask[i] = kept ? 1 : 0;
    // PyTorch computes x * noise with noise 0 or scale in float32: Float32Array stores that product exactly,
    // and a dropped negative element is -0, as in PyTorch's printout ("-0.").
    output[i] = input[i] * (kept ? scale : 0);
  }
  return { output, mask };
}
