import { describe, expect, it } from 'vitest';
import { Adam, Sgd, createOptimizer } from './optim';
import { createRng } from './rng';

/** torch.optim.Adam's update written out for one scalar, as the reference. */
function adamReference(grads: number[], lr: number, p0: number) {
  let p = p0, m = 0, v = 0;
  grads.forEach((g, i) => {
    const t = i + 1;
    m = 0.9 * m + 0.1 * g;
    v = 0.999 * v + 0.001 * g * g;
    const mHat = m / (1 - 0.9 ** t);
    const vHat = v / (1 - 0.999 ** t);
    p -= (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
  });
  return p;
}

describe('Adam', () => {
  it('steps float32 parameters in WebAssembly with the JavaScript bits (odd sizes, tiny, zero and large gradients)', () => {
    for (const size of [1, 2, 7, 4353]) {
      const rng = createRng(size);
      const start = Float32Array.from({ length: size }, () => rng.random() * 2 - 1);
      const inWasm = new Adam(size, { learningRate: 0.003 });
      const inJs = new Adam(size, { learningRate: 0.003, wasm: false });
      expect([inWasm.engine, inJs.engine]).toEqual(['wasm-simd', 'js']);
      const a = start.slice();
      const b = start.slice();
      for (let step = 0; step < 60; step++) {
        const grads = Float32Array.from({ length: size }, (_, i) => {
          const u = rng.random() * 2 - 1;
          return i % 5 === 0 ? 0 : i % 5 === 1 ? u * 1e-6 : i % 5 === 2 ? u * 40 : i % 5 === 3 ? -0 : u;
        });
        inWasm.step(a, grads);
        inJs.step(b, grads);
      }
      const differing = (x: ArrayLike<number>, y: ArrayLike<number>) => Array.from(x).filter((value, i) => !Object.is(value, y[i])).length;
      expect(differing(a, b), `${size} parameters`).toBe(0);
      expect(differing(inWasm.moments.m, inJs.moments.m), `m of ${size}`).toBe(0);
      expect(differing(inWasm.moments.v, inJs.moments.v), `v of ${size}`).toBe(0);
    }
  });

  it("follows torch.optim.Adam's defaults and bias correction step for step", () => {
    const grads = [0.5, -1.2, 3, 0.01, -0.7];
    const adam = new Adam(1, { learningRate: 0.01 });
    const params = new Float64Array([0.3]);
    grads.forEach((g, i) => {
      adam.step(params, new Float64Array([g]));
      expect(params[0]).toBeCloseTo(adamReference(grads.slice(0, i + 1), 0.01, 0.3), 14);
    });
    expect(adam.steps).toBe(5);
    expect([adam.beta1, adam.beta2, adam.eps]).toEqual([0.9, 0.999, 1e-8]);
  });

  it('moves each parameter by about lr on the first step, whatever the gradient scale (bias correction)', () => {
    const params = new Float64Array([0, 0]);
    new Adam(2, { learningRate: 0.01 }).step(params, new Float64Array([1e-3, -50]));
    expect(params[0]).toBeCloseTo(-0.01, 6);
    expect(params[1]).toBeCloseTo(0.01, 8);
  });

  it('minimises a quadratic', () => {
    const params = new Float64Array([5, -3]);
    const adam = new Adam(2, { learningRate: 0.1 });
    for (let i = 0; i < 500; i++) adam.step(params, Float64Array.from(params, (x) => 2 * x));
    expect(Math.abs(params[0]) + Math.abs(params[1])).toBeLessThan(1e-2);
  });
});

describe('SGD', () => {
  it('takes p -= lr·g, and with momentum keeps torch.optim.SGD\'s buffer', () => {
    const params = new Float32Array([1, 2]);
    new Sgd(2, { learningRate: 0.1 }).step(params, new Float32Array([1, -2]));
    expect(Array.from(params)).toEqual([Math.fround(0.9), Math.fround(2.2)]);
    const q = new Float64Array([0]);
    const sgd = new Sgd(1, { learningRate: 1, momentum: 0.5 });
    sgd.step(q, new Float64Array([1])); // buffer 1
    sgd.step(q, new Float64Array([1])); // buffer 1.5
    expect(q[0]).toBe(-2.5);
  });
});

describe('createOptimizer', () => {
  it('builds either optimizer and validates the learning rate, naming it', () => {
    expect(createOptimizer('adam', 3, 0.01).name).toBe('adam');
    expect(createOptimizer('sgd', 3, 0.01).name).toBe('sgd');
    for (const bad of [0, -1, NaN, Infinity]) {
      expect(() => createOptimizer('adam', 3, bad)).toThrow(`learningRate must be a finite number > 0, but got ${bad}`);
    }
    expect(() => createOptimizer('rmsprop' as 'adam', 3, 0.01)).toThrow(/optimizer.*rmsprop/);
    expect(() => new Adam(1, { learningRate: 0.1, beta1: 1 })).toThrow(/beta1/);
  });
});
