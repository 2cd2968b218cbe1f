import { matmulTransposed, transpose } from '../linalg';
import type { FloatArray, Precision } from '../mlp';
import { ensureMemoryBytes, instantiateEmbedded, type KernelEngine } from './embeddedWasm';
import { MATMUL_WASM_BASE64 } from './matmulWasm';

/**
 * The two products a network's passes are made of, behind one interface so that a workspace can run them in
 * WebAssembly where it can and in JavaScript where it cannot, with the same bits either way:
 * - `abT`: C = A·Bᵀ (+ bias on every row), B given n × kd (a layer's weights in the forward pass);
 * - `ab`: C = A·B, B given kd × n (the weight gradient's samples × inputs, the weights in the backward pass).
 * All matrices are row-major; A is m × kd and C m × n.
 */
export interface MatmulKernel {
  /** 'wasm-simd' (matmul.wat) or 'js' (linalg.ts): which code runs the products. */
  readonly engine: KernelEngine;
  abT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void;
  ab(a: FloatArray, bt: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void;
}

export interface MatmulKernelOptions {
  precision: Precision;
  /** false forces the JavaScript kernel (tests compare the two; the benchmark measures both). */
  wasm?: boolean;
}

/**
 * The fastest kernel available for `precision`: WebAssembly SIMD for float32 networks where the runtime can
 * compile it, else JavaScript (see instantiateEmbedded); only the speed differs. Each workspace has its own.
 */
export function createMatmulKernel(options: MatmulKernelOptions): MatmulKernel {
  if (options.precision === 'float32' && options.wasm !== false) {
    const instance = instantiateEmbedded(MATMUL_WASM_BASE64);
    if (instance) return new WasmMatmulKernel(instance);
  }
  return new JsMatmulKernel();
}

/** linalg.ts's A·Bᵀ kernel; `ab` transposes B into scratch first. */
class JsMatmulKernel implements MatmulKernel {
  readonly engine: KernelEngine = 'js';
  private scratch: FloatArray = new Float64Array(0);

  abT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    matmulTransposed(a, b, c, m, n, kd, bias);
  }

  ab(a: FloatArray, bt: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    // Same element type as the operands, so the kernel stays monomorphic; grows once, then never allocates.
    if (this.scratch.length < n * kd || this.scratch.constructor !== bt.constructor) {
      this.scratch = bt instanceof Float32Array ? new Float32Array(n * kd) : new Float64Array(n * kd);
    }
    transpose(bt, this.scratch, kd, n);
    matmulTransposed(a, this.scratch, c, m, n, kd, bias);
  }
}

/** Region starts are rounded to 4 floats (16 bytes), the width of one SIMD load. */
const align4 = (floats: number) => (floats + 3) & ~3;

/**
 * matmul.wat behind the MatmulKernel interface. The operands live in JavaScript arrays, so each call copies A and B
 * into the module's memory (B transposed for `abT`), runs the tiles and copies C out: for the default network the
 * copies cost a few percent of the product. The kernel's tiles are 2 rows × 8 columns, so m is padded to even and n
 * to a multiple of 8 with zeros; padded rows and columns are computed and never copied out, and the real ones
 * are unaffected (their sums never read the padding).
 */
class WasmMatmulKernel implements MatmulKernel {
  readonly engine: KernelEngine = 'wasm-simd';
  private readonly memory: WebAssembly.Memory;
  private readonly run: (a: number, bt: number, bias: number, c: number, m: number, n: number, kd: number, hasBias: number) => void;
  private floats: Float32Array;

  constructor(instance: WebAssembly.Instance) {
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.run = instance.exports.matmul as WasmMatmulKernel['run'];
    this.floats = new Float32Array(this.memory.buffer);
  }

  abT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    const layout = this.layout(m, n, kd);
    const f = this.floats;
    // Bt[k, j] = B[j, k].
    for (let j = 0; j < n; j++) {
      const row = j * kd;
      for (let k = 0; k < kd; k++) f[layout.bt + k * layout.n + j] = b[row + k];
    }
    this.finish(a, c, m, n, kd, bias, layout);
  }

  ab(a: FloatArray, bt: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null): void {
    const layout = this.layout(m, n, kd);
    const f = this.floats;
    if (layout.n === n) {
      f.set(bt.subarray(0, kd * n), layout.bt);
    } else {
      for (let k = 0; k < kd; k++) f.set(bt.subarray(k * n, k * n + n), layout.bt + k * layout.n);
    }
    this.finish(a, c, m, n, kd, bias, layout);
  }

  /** Where A, Bt, the bias and C sit for an m × kd by kd × n product, and the padded m and n; zeroes the padding. */
  private layout(m: number, n: number, kd: number) {
    const paddedM = (m + 1) & ~1;
    const paddedN = (n + 7) & ~7;
    const a = 0;
    const bt = align4(a + paddedM * kd);
    const bias = align4(bt + kd * paddedN);
    const c = align4(bias + paddedN);
    const end = c + paddedM * paddedN;
    if (ensureMemoryBytes(this.memory, end * 4)) this.floats = new Float32Array(this.memory.buffer);
    const f = this.floats;
    if (paddedM !== m) f.fill(0, a + m * kd, a + paddedM * kd);
    if (paddedN !== n) {
      // Zero Bt's padding columns and the bias's padding (the copies only write the real columns).
      for (let k = 0; k < kd; k++) f.fill(0, bt + k * paddedN + n, bt + (k + 1) * paddedN);
      f.fill(0, bias + n, bias + paddedN);
    }
    return { m: paddedM, n: paddedN, a, bt, bias, c };
  }

  private finish(
    a: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null,
    layout: ReturnType<WasmMatmulKernel['layout']>,
  ): void {
    const f = this.floats;
    f.set(a.subarray(0, m * kd), layout.a);
    if (bias !== null) f.set(bias.subarray(0, n), layout.bias);
    this.run(layout.a * 4, layout.bt * 4, layout.bias * 4, layout.c * 4, layout.m, layout.n, kd, bias !== null ? 1 : 0);
    if (layout.n === n) {
      c.set(f.subarray(layout.c, layout.c + m * n));
    } else {
      for (let i = 0; i < m; i++) c.set(f.subarray(layout.c + i * layout.n, layout.c + i * layout.n + n), i * n);
    }
  }
}
