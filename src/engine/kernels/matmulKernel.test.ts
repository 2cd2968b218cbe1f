import { describe, expect, it } from 'vitest';
import { Adam } from '../optim';
import { computeLoss } from '../loss';
import { Mlp } from '../mlp';
import { createRng } from '../rng';
import { createMatmulKernel } from './matmulKernel';

const wasm = createMatmulKernel({ precision: 'float32' });
const js = createMatmulKernel({ precision: 'float32', wasm: false });

/** Values with full float32 mantissas and both signs, so any change in the order of the adds shows in the bits. */
function randomFloat32(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => (rng.random() * 2 - 1) * 3);
}

/** Indexes where two float32 arrays differ bit for bit (Object.is tells +0 from -0). */
function differences(x: Float32Array, y: Float32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) out.push(i);
  return out;
}

describe('the WebAssembly matmul kernel', () => {
  it('is the one Node runs (so the comparisons below compare two kernels)', () => {
    expect(wasm.engine).toBe('wasm-simd');
    expect(js.engine).toBe('js');
    expect(createMatmulKernel({ precision: 'float64' }).engine).toBe('js');
  });

  it('gives the JavaScript kernel\'s bits for every shape remainder, with and without a bias (A·Bᵀ and A·B)', () => {
    let seed = 1;
    for (let m = 1; m <= 5; m++) {
      for (let n = 1; n <= 17; n++) {
        for (let kd = 1; kd <= 5; kd++) {
          const a = randomFloat32(m * kd, seed++);
          const b = randomFloat32(n * kd, seed++);
          const bias = randomFloat32(n, seed++);
          for (const withBias of [null, bias]) {
            const fromWasm = new Float32Array(m * n).fill(NaN);
            const fromJs = new Float32Array(m * n).fill(NaN);
            wasm.abT(a, b, fromWasm, m, n, kd, withBias);
            js.abT(a, b, fromJs, m, n, kd, withBias);
            expect(differences(fromWasm, fromJs), `abT ${m}×${kd}·(${n}×${kd})ᵀ`).toEqual([]);
            wasm.ab(a, b, fromWasm, m, n, kd, withBias);
            js.ab(a, b, fromJs, m, n, kd, withBias);
            expect(differences(fromWasm, fromJs), `ab ${m}×${kd}·${kd}×${n}`).toEqual([]);
          }
        }
      }
    }
  });

  it('gives the same bits on the network\'s own shapes, after the memory has grown for a larger one', () => {
    const shapes = [[300, 64, 64], [64, 64, 300], [2000, 128, 128], [30, 64, 64], [64, 1, 30], [31, 64, 1]];
    shapes.forEach(([m, n, kd], index) => {
      const a = randomFloat32(m * kd, 100 + index);
      const b = randomFloat32(n * kd, 200 + index);
      const bias = randomFloat32(n, 300 + index);
      const fromWasm = new Float32Array(m * n);
      const fromJs = new Float32Array(m * n);
      wasm.abT(a, b, fromWasm, m, n, kd, bias);
      js.abT(a, b, fromJs, m, n, kd, bias);
      expect(differences(fromWasm, fromJs), `${m}×${n}×${kd}`).toEqual([]);
    });
  });

  it('trains a dropout network to the same weights, bit for bit, as the JavaScript kernel', () => {
    const trained = (useWasm: boolean) => {
      const model = new Mlp({ sizes: [1, 64, 64, 1], activation: 'tanh' });
      model.initialize(createRng(7));
      const ws = model.createWorkspace(31, { wasm: useWasm });
      expect(ws.kernel.engine).toBe(useWasm ? 'wasm-simd' : 'js');
      const x = randomFloat32(31, 8);
      const y = x.map((v) => Math.sin(v));
      const masks = createRng(9);
      const adam = new Adam(model.params.length, { learningRate: 0.01 });
      for (let step = 0; step < 40; step++) {
        model.forward(ws, x, 31, { training: true, p: 0.5, rng: masks });
        computeLoss('mse', ws, y, 1, true);
        model.backward(ws);
        adam.step(model.params, model.grads);
      }
      return model.params as Float32Array;
    };
    expect(differences(trained(true), trained(false))).toEqual([]);
  });
});
