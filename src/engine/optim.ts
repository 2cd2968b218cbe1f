import { ADAM_WASM_BASE64 } from './kernels/adamWasm';
import { ensureMemoryBytes, instantiateEmbedded, type KernelEngine } from './kernels/embeddedWasm';
import type { FloatArray } from './mlp';
import { assertNonNegativeFinite, assertPositiveFinite } from './validate';

/** The optimizers the lab offers, in the order a chooser lists them. */
export const OPTIMIZER_NAMES = ['adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** Updates a flat parameter array in place from its gradient array. */
export interface Optimizer {
  readonly name: OptimizerName;
  /** Number of updates applied so far. */
  readonly steps: number;
  step(params: FloatArray, grads: FloatArray): void;
}

export interface AdamOptions {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** false forces the JavaScript step (tests compare the two bit for bit). */
  wasm?: boolean;
}

/** adam.wat with its memory laid out for `size` parameters: m and v (float64), then the parameters and gradients. */
interface AdamWasm {
  run(params: number, grads: number, m: number, v: number, count: number, beta1: number, oneMinusBeta1: number,
    beta2: number, oneMinusBeta2: number, stepSize: number, sqrtCorrection2: number, eps: number): void;
  params: Float32Array;
  grads: Float32Array;
}

/**
 * Adam exactly as `torch.optim.Adam` with its defaults (betas 0.9/0.999, eps 1e-8, no weight decay, no amsgrad):
 * p −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + eps). The moments are kept in float64 whatever the parameter storage,
 * because v accumulates squares small enough to lose digits in float32. For float32 parameters the step runs in
 * WebAssembly (adam.wat, the same operations in the same order) where the runtime allows it: a tenth of the
 * default twins' training time was this loop.
 */
export class Adam implements Optimizer {
  readonly name = 'adam';
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** 'wasm-simd' when float32 steps run in adam.wat, else 'js'. */
  readonly engine: KernelEngine;
  /** The moments, one per parameter; views into the module's memory when it runs the step. */
  private m: Float64Array;
  private v: Float64Array;
  private readonly wasm: AdamWasm | null;
  private t = 0;

  constructor(size: number, options: AdamOptions) {
    const { learningRate, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
    assertPositiveFinite(learningRate, 'learningRate');
    for (const [value, name] of [[beta1, 'beta1'], [beta2, 'beta2']] as const) {
      if (!(value >= 0 && value < 1)) throw new RangeError(`${name} must be in [0, 1), but got ${value}`);
    }
    assertPositiveFinite(eps, 'eps');
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    const instance = options.wasm === false ? null : instantiateEmbedded(ADAM_WASM_BASE64);
    if (instance) {
      // Laid out once for `size` parameters, so the memory never grows and these views stay valid.
      const memory = instance.exports.memory as WebAssembly.Memory;
      ensureMemoryBytes(memory, size * 24);
      this.m = new Float64Array(memory.buffer, 0, size);
      this.v = new Float64Array(memory.buffer, size * 8, size);
      this.wasm = {
        run: instance.exports.step as AdamWasm['run'],
        params: new Float32Array(memory.buffer, size * 16, size),
        grads: new Float32Array(memory.buffer, size * 20, size),
      };
    } else {
      this.m = new Float64Array(size);
      this.v = new Float64Array(size);
      this.wasm = null;
    }
    this.engine = this.wasm ? 'wasm-simd' : 'js';
  }

  get steps(): number {
    return this.t;
  }

  /** Copies of the first and second moments (tests compare the two steps' moments bit for bit). */
  get moments(): { m: Float64Array; v: Float64Array } {
    return { m: this.m.slice(), v: this.v.slice() };
  }

  step(params: FloatArray, grads: FloatArray): void {
    this.t++;
    const { beta1, beta2, eps, m, v } = this;
    const stepSize = this.learningRate / (1 - beta1 ** this.t);
    const sqrtCorrection2 = Math.sqrt(1 - beta2 ** this.t);
    const wasm = this.wasm;
    if (wasm && params instanceof Float32Array && params.length === wasm.params.length) {
      wasm.params.set(params);
      wasm.grads.set(grads);
      wasm.run(
        wasm.params.byteOffset, wasm.grads.byteOffset, m.byteOffset, v.byteOffset, params.length,
        beta1, 1 - beta1, beta2, 1 - beta2, stepSize, sqrtCorrection2, eps,
      );
      params.set(wasm.params);
      return;
    }
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const g = grads[i];
      const mi = beta1 * m[i] + (1 - beta1) * g;
      const vi = beta2 * v[i] + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= (stepSize * mi) / (Math.sqrt(vi) / sqrtCorrection2 + eps);
    }
  }
}

export interface SgdOptions {
  learningRate: number;
  /** Classical momentum as in `torch.optim.SGD` (buffer = μ·buffer + g); 0 = plain gradient descent. */
  momentum?: number;
}

/** Stochastic gradient descent as `torch.optim.SGD` (no dampening, no Nesterov, no weight decay). */
export class Sgd implements Optimizer {
  readonly name = 'sgd';
  readonly learningRate: number;
  readonly momentum: number;
  private buffer: Float64Array | null;
  private t = 0;

  constructor(size: number, options: SgdOptions) {
    const { learningRate, momentum = 0 } = options;
    assertPositiveFinite(learningRate, 'learningRate');
    assertNonNegativeFinite(momentum, 'momentum');
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.buffer = momentum > 0 ? new Float64Array(size) : null;
  }

  get steps(): number {
    return this.t;
  }

  step(params: FloatArray, grads: FloatArray): void {
    const { learningRate: lr, momentum, buffer } = this;
    const n = params.length;
    if (buffer) {
      // PyTorch's first step sets the buffer to the gradient itself; later ones apply momentum.
      const first = this.t === 0;
      for (let i = 0; i < n; i++) {
        const b = first ? grads[i] : momentum * buffer[i] + grads[i];
        buffer[i] = b;
        params[i] -= lr * b;
      }
    } else {
      for (let i = 0; i < n; i++) params[i] -= lr * grads[i];
    }
    this.t++;
  }
}

/** Builds the named optimizer for `size` parameters. */
export function createOptimizer(name: OptimizerName, size: number, learningRate: number): Optimizer {
  if (name === 'adam') return new Adam(size, { learningRate });
  if (name === 'sgd') return new Sgd(size, { learningRate });
  throw new RangeError(`optimizer must be 'adam' or 'sgd', but got ${String(name)}`);
}
