import { assertDropoutProbability } from './dropout';
import type { Rng } from './rng';
import { createLayerKernel, type LayerKernel } from './kernels/layerKernel';
import { assertPositiveInteger } from './validate';

/** Hidden-layer nonlinearities, in the order a chooser lists them. */
export const ACTIVATIONS = ['tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
/** Element type of every parameter, activation and gradient buffer of one network. */
export type FloatArray = Float32Array | Float64Array;
/** 'float32' matches PyTorch's default tensors; 'float64' is for finite-difference gradient checks. */
export type Precision = 'float32' | 'float64';

export interface MlpOptions {
  /** Layer widths from input to output, e.g. [1, 64, 64, 1]. Every entry is an integer ≥ 1. */
  sizes: readonly number[];
  activation: Activation;
  precision?: Precision;
}

export interface ForwardOptions {
  /** Training mode applies dropout on hidden layers; eval mode (false) is the identity there, as after `.eval()`. */
  training: boolean;
  /** Dropout probability on every hidden layer (after its activation). 0 = no dropout. */
  p?: number;
  /** Source of the mask draws; required when training with 0 < p < 1. */
  rng?: Rng;
  /** Use these rows of `x` (gathered in this order) instead of its first `n` rows. */
  rows?: Int32Array;
}

export interface WorkspaceOptions {
  /** false forces the JavaScript layer kernel (the tests compare both kernels bit for bit; the bench times both). */
  wasm?: boolean;
}

/**
 * Every per-pass buffer of one network for batches of up to `capacity` samples, allocated once so that training
 * steps never allocate. A network can own several (one for training, one for evaluation) so that evaluating
 * never overwrites the masks and activations of the last training pass, which the views display.
 */
export class MlpWorkspace {
  readonly capacity: number;
  /** The gathered input batch, n × sizes[0]. */
  readonly input: FloatArray;
  /** Per hidden layer: activation before dropout, n × width. */
  readonly activations: FloatArray[];
  /** Per layer: what the next layer sees (hidden: after dropout; last: the network output), n × width. */
  readonly outputs: FloatArray[];
  /** Per hidden layer: 1 kept, 0 dropped (all ones when no dropout was applied), n × width. */
  readonly masks: Uint8Array[];
  /** Per layer: dLoss/d(pre-activation), n × width. The last one is filled by the loss. */
  readonly deltas: FloatArray[];
  /** Runs the passes layer by layer: WebAssembly SIMD where it can, JavaScript otherwise; the same bits either way. */
  readonly kernel: LayerKernel;
  /** Batch size of the last forward pass. */
  n = 0;
  /** The dropout probability that the last forward pass actually applied (0 in eval mode). */
  appliedP = 0;

  constructor(sizes: readonly number[], capacity: number, precision: Precision, options: WorkspaceOptions = {}) {
    assertPositiveInteger(capacity, 'capacity');
    const make = (len: number): FloatArray => (precision === 'float64' ? new Float64Array(len) : new Float32Array(len));
    this.capacity = capacity;
    this.input = make(capacity * sizes[0]);
    const layers = sizes.length - 1;
    this.activations = [];
    this.outputs = [];
    this.masks = [];
    this.deltas = [];
    for (let l = 0; l < layers; l++) {
      const width = sizes[l + 1];
      this.outputs.push(make(capacity * width));
      this.deltas.push(make(capacity * width));
      if (l < layers - 1) {
        this.activations.push(make(capacity * width));
        this.masks.push(new Uint8Array(capacity * width).fill(1));
      }
    }
    this.kernel = createLayerKernel({ precision, wasm: options.wasm });
  }
}

/**
 * A fully connected network: Linear → activation → dropout for every hidden layer, then a linear output.
 * Weights are row-major out × in per layer (PyTorch's `nn.Linear.weight` layout). All parameters live in one
 * flat array (`params`, with `weights[l]` and `biases[l]` as views into it) so an optimizer updates them in one
 * loop and twins copy each other with one `set`.
 *
 * Storage is Float32Array by default, as PyTorch's default dtype. Float64Array is not faster in V8 here: with
 * identical code scripts/bench.ts (b) measured ~5,000 epochs/s for float64 against ~6,200 for float32 (half the
 * memory traffic wins over the float32↔float64 conversions). float64 exists for the gradient checks, where
 * float32 finite differences are too noisy to compare tightly.
 */
export class Mlp {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly precision: Precision;
  readonly params: FloatArray;
  readonly grads: FloatArray;
  readonly weights: FloatArray[] = [];
  readonly biases: FloatArray[] = [];
  readonly weightGrads: FloatArray[] = [];
  readonly biasGrads: FloatArray[] = [];

  constructor(options: MlpOptions) {
    const { sizes, activation, precision = 'float32' } = options;
    if (!Array.isArray(sizes) || sizes.length < 2) {
      throw new RangeError(`sizes must list at least an input and an output width, but got ${JSON.stringify(sizes)}`);
    }
    sizes.forEach((s, i) => assertPositiveInteger(s, `sizes[${i}]`));
    if (activation !== 'tanh' && activation !== 'relu') {
      throw new RangeError(`activation must be 'tanh' or 'relu', but got ${String(activation)}`);
    }
    if (precision !== 'float32' && precision !== 'float64') {
      throw new RangeError(`precision must be 'float32' or 'float64', but got ${String(precision)}`);
    }
    this.sizes = [...sizes];
    this.activation = activation;
    this.precision = precision;
    let total = 0;
    for (let l = 0; l + 1 < sizes.length; l++) total += sizes[l + 1] * (sizes[l] + 1);
    this.params = precision === 'float64' ? new Float64Array(total) : new Float32Array(total);
    this.grads = precision === 'float64' ? new Float64Array(total) : new Float32Array(total);
    let offset = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const w = sizes[l + 1] * sizes[l];
      const b = sizes[l + 1];
      this.weights.push(this.params.subarray(offset, offset + w));
      this.weightGrads.push(this.grads.subarray(offset, offset + w));
      this.biases.push(this.params.subarray(offset + w, offset + w + b));
      this.biasGrads.push(this.grads.subarray(offset + w, offset + w + b));
      offset += w + b;
    }
  }

  get inputSize(): number {
    return this.sizes[0];
  }

  get outputSize(): number {
    return this.sizes[this.sizes.length - 1];
  }

  /** Buffers for batches of up to `capacity` samples. */
  createWorkspace(capacity: number, options: WorkspaceOptions = {}): MlpWorkspace {
    return new MlpWorkspace(this.sizes, capacity, this.precision, options);
  }

  /**
   * PyTorch's default `nn.Linear` init: weight and bias both U(−1/√fan_in, 1/√fan_in) (kaiming_uniform_ with
   * a = √5 works out to exactly this bound). Drawn layer by layer, weights row-major then biases.
   */
  initialize(rng: Rng): void {
    for (let l = 0; l < this.weights.length; l++) {
      const bound = 1 / Math.sqrt(this.sizes[l]);
      const w = this.weights[l];
      for (let i = 0; i < w.length; i++) w[i] = -bound + 2 * bound * rng.random();
      const b = this.biases[l];
      for (let i = 0; i < b.length; i++) b[i] = -bound + 2 * bound * rng.random();
    }
  }

  /** Copies all weights and biases from a network of the same shape (how the twins start identical). */
  copyParametersFrom(other: Mlp): void {
    if (other.sizes.join('-') !== this.sizes.join('-')) {
      throw new RangeError(`cannot copy parameters from a ${other.sizes.join('-')} network into a ${this.sizes.join('-')} one`);
    }
    this.params.set(other.params);
  }

  /**
   * Forward pass of `n` samples from the flat row-major `x` (n × inputSize) into `ws`; returns the output buffer
   * (read its first n × outputSize values). In training mode with 0 < p < 1, each hidden unit of each sample
   * draws `rng.random()` once, layer by layer and row-major within a layer, and is kept when the draw is ≥ p
   * — the same convention as `dropout()`; survivors are multiplied by float32(1/(1−p)).
   */
  forward(ws: MlpWorkspace, x: ArrayLike<number>, n: number, options: ForwardOptions): FloatArray {
    const { training, p = 0, rng, rows } = options;
    if (!Number.isInteger(n) || n < 1 || n > ws.capacity) {
      throw new RangeError(`n must be an integer between 1 and the workspace capacity ${ws.capacity}, but got ${n}`);
    }
    assertDropoutProbability(p);
    const appliedP = training ? p : 0;
    if (appliedP > 0 && appliedP < 1 && !rng) throw new TypeError('rng is required for a training pass with 0 < p < 1');
    const sizes = this.sizes;
    const inSize = sizes[0];
    const input = ws.input;
    // Copying (or gathering) the batch into the workspace keeps every kernel monomorphic on one array type.
    if (rows) {
      for (let s = 0; s < n; s++) {
        const from = rows[s] * inSize;
        for (let k = 0; k < inSize; k++) input[s * inSize + k] = x[from + k];
      }
    } else {
      for (let i = 0; i < n * inSize; i++) input[i] = x[i];
    }
    ws.n = n;
    ws.appliedP = appliedP;
    const layers = sizes.length - 1;
    let src: FloatArray = input;
    for (let l = 0; l < layers; l++) {
      const width = sizes[l + 1];
      if (l === layers - 1) {
        ws.kernel.abT(src, this.weights[l], ws.outputs[l], n, width, sizes[l], this.biases[l]);
        break;
      }
      ws.kernel.hiddenForward(
        src, this.weights[l], this.biases[l], ws.activations[l], ws.outputs[l], ws.masks[l],
        n, width, sizes[l], this.activation, appliedP, rng,
      );
      src = ws.outputs[l];
    }
    return ws.outputs[layers - 1];
  }

  /**
   * Backpropagates `ws.deltas[last]` (dLoss/dOutput, filled by a loss) through the last forward pass in `ws`
   * and overwrites `grads`. Dropped units pass no gradient; kept ones pass it scaled by 1/(1−p), exactly the
   * derivative of the forward pass. Each product sums over the samples (weights) or the units (deltas) in index
   * order, whichever kernel runs it.
   */
  backward(ws: MlpWorkspace): void {
    const sizes = this.sizes;
    const n = ws.n;
    const layers = sizes.length - 1;
    for (let l = layers - 1; l >= 0; l--) {
      const fanIn = sizes[l];
      const width = sizes[l + 1];
      const src = l === 0 ? ws.input : ws.outputs[l - 1];
      // dW = deltaᵀ · src and db = Σ_samples delta.
      ws.kernel.weightGradients(ws.deltas[l], src, this.weightGrads[l], this.biasGrads[l], n, width, fanIn);
      if (l === 0) break;
      // dLoss/d(previous layer's output) = delta · W, then back through that layer's dropout and activation.
      ws.kernel.hiddenBackward(
        ws.deltas[l], this.weights[l], ws.activations[l - 1], ws.masks[l - 1], ws.deltas[l - 1],
        n, fanIn, width, this.activation, ws.appliedP,
      );
    }
  }
}
