import { dropoutDraws, dropoutKernel, dropoutScale } from '../dropout';
import { tanhFloat32 } from '../fast-tanh';
import { matmulTransposed, transpose } from '../linalg';
import type { Activation, FloatArray, Precision } from '../mlp';
import type { Rng } from '../rng';
import { ensureMemoryBytes, instantiateEmbedded, type KernelEngine } from './embeddedWasm';
import { LAYER_WASM_BASE64 } from './layerWasm';

/**
 * Everything a network's passes do to one layer, behind one interface so that a workspace can run it in
 * WebAssembly where it can and in JavaScript where it cannot, with the same bits either way. All matrices are
 * row-major.
 * - `abT`: C = A·Bᵀ (+ bias on every row), A m × kd, B n × kd (a layer's weights): the output layer's forward pass;
 * - `ab`: C = A·B, B given kd × n;
 * - `hiddenForward`: a hidden layer's forward pass: the product, the activation, then dropout;
 * - `hiddenBackward`: the gradient of the previous hidden layer, back through this layer's weights, dropout and
 *   the activation;
 * - `weightGradients`: a layer's weight and bias gradients from its deltas.
 */
export interface LayerKernel {
  /** 'wasm-simd' (layer.wat) or 'js' (the JavaScript below): which code runs the passes. */
  readonly engine: KernelEngine;
  abT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void;
  ab(a: FloatArray, bt: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void;
  /**
   * For `m` samples x (m × kd) and a layer with weights w (n × kd) and bias: act = f(x·wᵀ + bias), then inverted
   * dropout through the one dropout rule (dropout.ts dropoutKernel): mask (1 kept, 0 dropped) and out = act × noise.
   * `p` is what the pass applies (0 in eval mode); with 0 < p < 1 each unit draws `rng.random()` once, row-major.
   */
  hiddenForward(
    x: FloatArray, w: FloatArray, bias: FloatArray, act: FloatArray, out: FloatArray, mask: Uint8Array,
    m: number, n: number, kd: number, activation: Activation, p: number, rng: Rng | undefined,
  ): void;
  /**
   * prev (m × n) = dLoss/d(pre-activation) of the hidden layer below, from this layer's deltas (m × kd) and weights
   * (kd × n): delta·w, back through the layer below's dropout (mask × dropoutScale(p), when p > 0) and its
   * activation, written in terms of its output act: tanh' = 1 − a², ReLU' = [a > 0].
   */
  hiddenBackward(
    delta: FloatArray, w: FloatArray, act: FloatArray, mask: Uint8Array, prev: FloatArray,
    m: number, n: number, kd: number, activation: Activation, p: number,
  ): void;
  /** dW (width × fanIn) = deltaᵀ·src and db = Σ_samples delta, in sample order; delta is samples × width. */
  weightGradients(
    delta: FloatArray, src: FloatArray, dW: FloatArray, db: FloatArray, samples: number, width: number, fanIn: number,
  ): void;
}

export interface LayerKernelOptions {
  precision: Precision;
  /** false forces the JavaScript kernel (tests compare the two; the benchmark measures both). */
  wasm?: boolean;
}

/**
 * The fastest kernel available for `precision`: WebAssembly SIMD for float32 networks where the runtime can
 * compile it, else JavaScript (see instantiateEmbedded); only the speed differs. Each workspace has its own.
 */
export function createLayerKernel(options: LayerKernelOptions): LayerKernel {
  if (options.precision === 'float32' && options.wasm !== false) {
    const instance = instantiateEmbedded(LAYER_WASM_BASE64, { math: { exp: Math.exp } });
    if (instance) return new WasmLayerKernel(instance);
  }
  return new JsLayerKernel();
}

/** The reference: linalg.ts's A·Bᵀ kernel and plain loops. */
class JsLayerKernel implements LayerKernel {
  readonly engine: KernelEngine = 'js';
  /**
   * Scratch for a transposed operand (B for `ab`) and for transposed deltas, of the operands' element type so
   * that the kernels stay monomorphic; each grows, then never allocates.
   */
  private transposedB: FloatArray = new Float64Array(0);
  private transposedDelta: FloatArray = new Float64Array(0);

  abT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    matmulTransposed(a, b, c, m, n, kd, bias);
  }

  ab(a: FloatArray, bt: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    this.transposedB = scratchLike(this.transposedB, bt, n * kd);
    transpose(bt, this.transposedB, kd, n);
    matmulTransposed(a, this.transposedB, c, m, n, kd, bias);
  }

  hiddenForward(
    x: FloatArray, w: FloatArray, bias: FloatArray, act: FloatArray, out: FloatArray, mask: Uint8Array,
    m: number, n: number, kd: number, activation: Activation, p: number, rng: Rng | undefined,
  ): void {
    matmulTransposed(x, w, act, m, n, kd, bias);
    const count = m * n;
    if (activation === 'tanh' && act instanceof Float32Array) {
      for (let i = 0; i < count; i++) act[i] = tanhFloat32(act[i]);
    } else if (activation === 'tanh') {
      // float64 networks (gradient checks) keep the full-precision tanh.
      for (let i = 0; i < count; i++) act[i] = Math.tanh(act[i]);
    } else {
      for (let i = 0; i < count; i++) if (!(act[i] > 0)) act[i] = 0;
    }
    // act is already stored (float32 by default), so out is float32(float32(a) × noise), as dropout() computes it.
    dropoutKernel(act, out, mask, count, p, rng);
  }

  hiddenBackward(
    delta: FloatArray, w: FloatArray, act: FloatArray, mask: Uint8Array, prev: FloatArray,
    m: number, n: number, kd: number, activation: Activation, p: number,
  ): void {
    this.ab(delta, w, prev, m, n, kd, null);
    const scale = dropoutScale(p);
    const isTanh = activation === 'tanh';
    const count = m * n;
    for (let i = 0; i < count; i++) {
      let g = prev[i];
      if (p > 0) g = mask[i] ? g * scale : 0;
      const a = act[i];
      prev[i] = isTanh ? g * (1 - a * a) : a > 0 ? g : 0;
    }
  }

  weightGradients(
    delta: FloatArray, src: FloatArray, dW: FloatArray, db: FloatArray, samples: number, width: number, fanIn: number,
  ): void {
    const deltaT = (this.transposedDelta = scratchLike(this.transposedDelta, delta, samples * width));
    transpose(delta, deltaT, samples, width);
    this.ab(deltaT, src, dW, width, fanIn, samples, null);
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (let s = 0; s < samples; s++) sum += deltaT[j * samples + s];
      db[j] = sum;
    }
  }
}

/** `scratch` if it holds `length` values of `like`'s element type, else a new array that does. */
function scratchLike(scratch: FloatArray, like: FloatArray, length: number): FloatArray {
  if (scratch.length >= length && scratch.constructor === like.constructor) return scratch;
  return like instanceof Float32Array ? new Float32Array(length) : new Float64Array(length);
}

/** Region starts are rounded to 4 floats (16 bytes), the width of one SIMD load (and a double's alignment). */
const align4 = (floats: number) => (floats + 3) & ~3;

/**
 * Where one call's operands sit in the module's memory, in floats (4 bytes) from its start, and the padded m and
 * n of its product. A and Bt hold float64 (the float32 values, exactly): at a and bt in floats, at a / 2 and bt / 2
 * in doubles.
 */
interface Layout {
  m: number;
  n: number;
  a: number;
  bt: number;
  bias: number;
  c: number;
  /** max(m × n, m × kd) floats: dropout's output, the activations a backward step reads, or a layer's deltas. */
  side: number;
  /** m × n bytes: a mask. */
  bytes: number;
  /** m × n doubles: the dropout draws, or the running sums of a bias gradient. */
  draws: number;
}

/**
 * layer.wat behind the LayerKernel interface. The operands live in JavaScript arrays, so each call copies its
 * inputs into the module's memory (B transposed for `abT`), runs the product and the element-wise steps there, and
 * copies the results out. The product's tiles are 2 rows × 8 columns, so m is padded to even and n to a multiple
 * of 8 with zeros; padded rows and columns are computed and never copied out, and the real ones are unaffected
 * (their sums never read the padding).
 */
class WasmLayerKernel implements LayerKernel {
  readonly engine: KernelEngine = 'wasm-simd';
  private readonly memory: WebAssembly.Memory;
  private readonly exports: {
    matmul(a: number, bt: number, bias: number, c: number, m: number, n: number, kd: number, hasBias: number): void;
    activate(c: number, rows: number, cols: number, stride: number, isTanh: number): void;
    drop(c: number, out: number, mask: number, draws: number, rows: number, cols: number, stride: number, p: number, scale: number, mode: number): void;
    backprop(g: number, act: number, mask: number, rows: number, cols: number, stride: number, useMask: number, scale: number, isTanh: number): void;
    transpose(src: number, dst: number, rows: number, cols: number): void;
    column_sums(src: number, dst: number, sums: number, rows: number, cols: number): void;
  };
  private floats: Float32Array;
  private bytes: Uint8Array;
  private doubles: Float64Array;
  /** The layout of the call in progress, rewritten by every call (a training step makes eight), so none allocates one. */
  private readonly current: Layout = { m: 0, n: 0, a: 0, bt: 0, bias: 0, c: 0, side: 0, bytes: 0, draws: 0 };

  constructor(instance: WebAssembly.Instance) {
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.exports = instance.exports as unknown as WasmLayerKernel['exports'];
    this.floats = new Float32Array(this.memory.buffer);
    this.bytes = new Uint8Array(this.memory.buffer);
    this.doubles = new Float64Array(this.memory.buffer);
  }

  abT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    const layout = this.layout(m, n, kd);
    this.copyTransposedB(b, layout, n, kd);
    this.multiply(a, m, n, kd, bias, layout);
    this.copyC(c, layout, m, n);
  }

  ab(a: FloatArray, bt: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    const layout = this.layout(m, n, kd);
    this.copyB(bt, layout, n, kd);
    this.multiply(a, m, n, kd, bias, layout);
    this.copyC(c, layout, m, n);
  }

  hiddenForward(
    x: FloatArray, w: FloatArray, bias: FloatArray, act: FloatArray, out: FloatArray, mask: Uint8Array,
    m: number, n: number, kd: number, activation: Activation, p: number, rng: Rng | undefined,
  ): void {
    const layout = this.layout(m, n, kd);
    this.copyTransposedB(w, layout, n, kd);
    this.multiply(x, m, n, kd, bias, layout);
    const run = this.exports;
    run.activate(layout.c * 4, m, n, layout.n, activation === 'tanh' ? 1 : 0);
    // drop's modes are dropoutDraws' cases: 0 keeps all, 1 drops all, 2 keeps by the draws copied in. dropoutScale is
    // 1 at p = 0 and 0 at p = 1, so every mode multiplies by it exactly as dropoutKernel does.
    const draws = dropoutDraws(p, m * n, rng);
    if (typeof draws !== 'string') this.doubles.set(draws, layout.draws / 2);
    const mode = draws === 'keep-all' ? 0 : draws === 'drop-all' ? 1 : 2;
    run.drop(layout.c * 4, layout.side * 4, layout.bytes * 4, layout.draws * 4, m, n, layout.n, p, dropoutScale(p), mode);
    this.copyC(act, layout, m, n);
    out.set(this.floats.subarray(layout.side, layout.side + m * n));
    mask.set(this.bytes.subarray(layout.bytes * 4, layout.bytes * 4 + m * n));
  }

  hiddenBackward(
    delta: FloatArray, w: FloatArray, act: FloatArray, mask: Uint8Array, prev: FloatArray,
    m: number, n: number, kd: number, activation: Activation, p: number,
  ): void {
    const layout = this.layout(m, n, kd);
    this.copyB(w, layout, n, kd);
    this.multiply(delta, m, n, kd, null, layout);
    this.floats.set(act.subarray(0, m * n), layout.side);
    if (p > 0) this.bytes.set(mask.subarray(0, m * n), layout.bytes * 4);
    this.exports.backprop(
      layout.c * 4, layout.side * 4, layout.bytes * 4, m, n, layout.n, p > 0 ? 1 : 0, dropoutScale(p), activation === 'tanh' ? 1 : 0,
    );
    this.copyC(prev, layout, m, n);
  }

  weightGradients(
    delta: FloatArray, src: FloatArray, dW: FloatArray, db: FloatArray, samples: number, width: number, fanIn: number,
  ): void {
    // dW = deltaᵀ·src: A is deltaᵀ (width × samples), transposed in the module from the copy of delta in `side`.
    const layout = this.layout(width, fanIn, samples);
    const run = this.exports;
    this.floats.set(delta.subarray(0, samples * width), layout.side);
    run.transpose(layout.side * 4, layout.a * 4, samples, width);
    // The draws' region (width × fanIn doubles, at least width) holds the running sums.
    run.column_sums(layout.side * 4, layout.bias * 4, layout.draws * 4, samples, width);
    db.set(this.floats.subarray(layout.bias, layout.bias + width));
    this.copyB(src, layout, fanIn, samples);
    run.matmul(layout.a * 4, layout.bt * 4, layout.bias * 4, layout.c * 4, layout.m, layout.n, samples, 0);
    this.copyC(dW, layout, width, fanIn);
  }

  /** The regions of an m × kd by kd × n product and its element-wise steps; grows the memory and zeroes the padding. */
  private layout(m: number, n: number, kd: number): Layout {
    const paddedM = (m + 1) & ~1;
    const paddedN = (n + 7) & ~7;
    const a = 0;
    const bt = align4(a + 2 * paddedM * kd);
    const bias = align4(bt + 2 * kd * paddedN);
    const c = align4(bias + Math.max(paddedN, paddedM));
    const side = align4(c + paddedM * paddedN);
    const bytes = align4(side + Math.max(m * n, m * kd));
    const draws = align4(bytes + Math.ceil((m * n) / 4));
    const end = draws + 2 * m * n;
    if (ensureMemoryBytes(this.memory, end * 4)) {
      this.floats = new Float32Array(this.memory.buffer);
      this.bytes = new Uint8Array(this.memory.buffer);
      this.doubles = new Float64Array(this.memory.buffer);
    }
    // A's padding row and the bias's padding columns are zeroed here; Bt's copies write their own padding.
    if (paddedM !== m) this.doubles.fill(0, a / 2 + m * kd, a / 2 + paddedM * kd);
    if (paddedN !== n) this.floats.fill(0, bias + n, bias + paddedN);
    const layout = this.current;
    layout.m = paddedM;
    layout.n = paddedN;
    layout.a = a;
    layout.bt = bt;
    layout.bias = bias;
    layout.c = c;
    layout.side = side;
    layout.bytes = bytes;
    layout.draws = draws;
    return layout;
  }

  /** Bt[k, j] = B[j, k], B n × kd, with zeros in the padding columns. */
  private copyTransposedB(b: FloatArray, layout: Layout, n: number, kd: number): void {
    const d = this.doubles;
    const bt = layout.bt / 2;
    const width = layout.n;
    for (let j = 0; j < n; j++) {
      const row = j * kd;
      for (let k = 0; k < kd; k++) d[bt + k * width + j] = b[row + k];
    }
    if (width !== n) for (let k = 0; k < kd; k++) d.fill(0, bt + k * width + n, bt + (k + 1) * width);
  }

  /** Bt = B, kd × n, into rows of the padded width, with zeros in the padding columns. */
  private copyB(b: FloatArray, layout: Layout, n: number, kd: number): void {
    const d = this.doubles;
    const bt = layout.bt / 2;
    const width = layout.n;
    if (width === n) {
      d.set(b.subarray(0, kd * n), bt);
      return;
    }
    // Narrow matrices (a layer of one input): element by element, which beats a set() per row.
    for (let k = 0; k < kd; k++) {
      const to = bt + k * width;
      for (let j = 0; j < n; j++) d[to + j] = b[k * n + j];
      for (let j = n; j < width; j++) d[to + j] = 0;
    }
  }

  private multiply(a: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null, layout: Layout): void {
    this.doubles.set(a.subarray(0, m * kd), layout.a / 2);
    if (bias !== null) this.floats.set(bias.subarray(0, n), layout.bias);
    this.exports.matmul(layout.a * 4, layout.bt * 4, layout.bias * 4, layout.c * 4, layout.m, layout.n, kd, bias !== null ? 1 : 0);
  }

  /** C's real m × n out of its padded rows. */
  private copyC(c: FloatArray, layout: Layout, m: number, n: number): void {
    const f = this.floats;
    if (layout.n === n) {
      c.set(f.subarray(layout.c, layout.c + m * n));
    } else {
      for (let i = 0; i < m; i++) {
        const from = layout.c + i * layout.n;
        for (let j = 0; j < n; j++) c[i * n + j] = f[from + j];
      }
    }
  }
}
