import { describe, expect, it } from 'vitest';
import { Adam } from '../optim';
import { computeLoss } from '../loss';
import { Mlp } from '../mlp';
import { createRng, type Rng } from '../rng';
import type { Activation } from '../mlp';
import { createLayerKernel } from './layerKernel';

const wasm = createLayerKernel({ precision: 'float32' });
const js = createLayerKernel({ precision: 'float32', wasm: false });

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

describe('the WebAssembly layer kernel', () => {
  it('is the one Node runs (so the comparisons below compare two kernels)', () => {
    expect(wasm.engine).toBe('wasm-simd');
    expect(js.engine).toBe('js');
    expect(createLayerKernel({ precision: 'float64' }).engine).toBe('js');
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

  /** Float32 values with some far beyond tanh's rational range (|x| > 7.905), some -0 and a NaN. */
  function preActivationInputs(length: number, seed: number): Float32Array {
    const x = randomFloat32(length, seed);
    for (let i = 0; i < length; i += 7) x[i] *= 5;
    if (length > 3) x[3] = -0;
    if (length > 11) x[11] = NaN;
    return x;
  }

  /** Draws from `seed`, with every fifth one exactly p (kept: the keep rule is u ≥ p). */
  function drawsWithTies(seed: number, p: number): Rng {
    const rng = createRng(seed);
    const block = (count: number) => {
      const draws = rng.randomBlock(count).slice();
      for (let i = 0; i < count; i += 5) draws[i] = p;
      return draws;
    };
    return { ...rng, seed, drawCount: 0, random: () => rng.random(), randomBlock: block, nextUint32: () => rng.nextUint32(), standardNormal: () => rng.standardNormal() };
  }

  it('runs a hidden layer forward (product, tanh or ReLU, dropout) with the JavaScript bits, saturated units and ties included', () => {
    let seed = 1000;
    for (const activation of ['tanh', 'relu'] as Activation[]) {
      for (const p of [0, 0.5, 0.3, 1]) {
        for (const [m, n, kd] of [[1, 1, 1], [3, 5, 2], [5, 9, 3], [2, 17, 1], [31, 64, 64], [300, 64, 1], [4, 2, 4]]) {
          const x = preActivationInputs(m * kd, seed++);
          const w = randomFloat32(n * kd, seed++);
          const bias = randomFloat32(n, seed++);
          const run = (kernel: typeof wasm) => {
            const act = new Float32Array(m * n).fill(NaN);
            const out = new Float32Array(m * n).fill(NaN);
            const mask = new Uint8Array(m * n).fill(7);
            kernel.hiddenForward(x, w, bias, act, out, mask, m, n, kd, activation, p, drawsWithTies(seed, p));
            return { act, out, mask };
          };
          const fromWasm = run(wasm);
          const fromJs = run(js);
          const what = `${activation}, p ${p}, ${m}×${kd}·(${n}×${kd})ᵀ`;
          expect(differences(fromWasm.act, fromJs.act), `act, ${what}`).toEqual([]);
          expect(differences(fromWasm.out, fromJs.out), `out, ${what}`).toEqual([]);
          expect(Array.from(fromWasm.mask), `mask, ${what}`).toEqual(Array.from(fromJs.mask));
          seed++;
        }
      }
    }
  });

  it('saturates tanh through Math.exp beyond 7.905 as the JavaScript does, in every lane position', () => {
    // One large value at each position of a row of 7 (quads, then a pair, then the odd last one).
    for (let at = 0; at < 7; at++) {
      const x = Float32Array.from({ length: 7 }, (_, i) => (i === at ? -8.25 : 0.1 * i));
      const w = Float32Array.of(1);
      const run = (kernel: typeof wasm) => {
        const act = new Float32Array(7);
        kernel.hiddenForward(x, w, Float32Array.of(0), act, new Float32Array(7), new Uint8Array(7), 7, 1, 1, 'tanh', 0, undefined);
        return act;
      };
      expect(differences(run(wasm), run(js)), `large value at ${at}`).toEqual([]);
      // And as one row of 7 columns (the row-wise pairs and quads).
      const runRow = (kernel: typeof wasm) => {
        const act = new Float32Array(7);
        const eye = Float32Array.from({ length: 49 }, (_, i) => (i % 8 === 0 ? 1 : 0));
        kernel.hiddenForward(x, eye, new Float32Array(7), act, new Float32Array(7), new Uint8Array(7), 1, 7, 7, 'tanh', 0, undefined);
        return act;
      };
      expect(differences(runRow(wasm), runRow(js)), `row, large value at ${at}`).toEqual([]);
    }
  });

  it('backpropagates through a hidden layer (product, dropout mask and scale, activation) with the JavaScript bits', () => {
    let seed = 5000;
    for (const activation of ['tanh', 'relu'] as Activation[]) {
      for (const p of [0, 0.5, 0.15]) {
        for (const [m, n, kd] of [[1, 1, 1], [3, 5, 2], [5, 9, 3], [31, 64, 64], [300, 64, 64], [7, 3, 1]]) {
          const delta = preActivationInputs(m * kd, seed++);
          const w = randomFloat32(kd * n, seed++);
          const act = randomFloat32(m * n, seed++).map((v) => Math.tanh(v));
          const maskRng = createRng(seed++);
          const mask = Uint8Array.from({ length: m * n }, () => (maskRng.random() < 0.5 ? 1 : 0));
          const run = (kernel: typeof wasm) => {
            const prev = new Float32Array(m * n).fill(NaN);
            kernel.hiddenBackward(delta, w, act, mask, prev, m, n, kd, activation, p);
            return prev;
          };
          expect(differences(run(wasm), run(js)), `${activation}, p ${p}, ${m}×${kd}·${kd}×${n}`).toEqual([]);
        }
      }
    }
  });

  it('computes weight and bias gradients with the JavaScript bits', () => {
    let seed = 9000;
    for (const [samples, width, fanIn] of [[1, 1, 1], [3, 5, 2], [30, 64, 1], [30, 1, 64], [300, 64, 64], [7, 9, 17]]) {
      const delta = randomFloat32(samples * width, seed++);
      const src = randomFloat32(samples * fanIn, seed++);
      const run = (kernel: typeof wasm) => {
        const dW = new Float32Array(width * fanIn).fill(NaN);
        const db = new Float32Array(width).fill(NaN);
        kernel.weightGradients(delta, src, dW, db, samples, width, fanIn);
        return { dW, db };
      };
      const fromWasm = run(wasm);
      const fromJs = run(js);
      expect(differences(fromWasm.dW, fromJs.dW), `dW, ${samples} samples, ${width} × ${fanIn}`).toEqual([]);
      expect(differences(fromWasm.db, fromJs.db), `db, ${samples} samples, ${width}`).toEqual([]);
    }
  });
});
