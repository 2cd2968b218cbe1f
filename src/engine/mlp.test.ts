import { describe, expect, it } from 'vitest';
import { dropout } from './dropout';
import { computeLoss, type LossName } from './loss';
import { Mlp, type Activation } from './mlp';
import { createRng } from './rng';

/** A small float64 network with PyTorch init, and a random batch for it. */
function setup(sizes: number[], activation: Activation, n: number, seed = 1) {
  const model = new Mlp({ sizes, activation, precision: 'float64' });
  const rng = createRng(seed);
  model.initialize(rng);
  const x = Float64Array.from({ length: n * sizes[0] }, () => 2 * rng.random() - 1);
  const out = sizes[sizes.length - 1];
  const y = Float64Array.from({ length: n * out }, () => (rng.random() < 0.5 ? 0 : 1));
  return { model, ws: model.createWorkspace(n), x, y };
}

/**
 * Central finite differences of the loss against every parameter, compared with backward(). With p > 0 every
 * evaluation re-creates the mask rng from the same seed, so all of them see the same masks.
 */
function gradientCheck(sizes: number[], activation: Activation, loss: LossName, p: number) {
  const n = 5;
  const { model, ws, x, y } = setup(sizes, activation, n);
  const outSize = sizes[sizes.length - 1];
  const lossAt = (withGradient: boolean) => {
    model.forward(ws, x, n, { training: true, p, rng: createRng(42) });
    return computeLoss(loss, ws, y, outSize, withGradient);
  };
  lossAt(true);
  model.backward(ws);
  const analytic = Float64Array.from(model.grads);
  const h = 1e-6;
  let checked = 0;
  for (let i = 0; i < model.params.length; i++) {
    const saved = model.params[i];
    model.params[i] = saved + h;
    const plus = lossAt(false);
    model.params[i] = saved - h;
    const minus = lossAt(false);
    model.params[i] = saved;
    const numeric = (plus - minus) / (2 * h);
    expect(Math.abs(numeric - analytic[i]), `param ${i}: numeric ${numeric} vs analytic ${analytic[i]}`).toBeLessThan(
      1e-7 + 1e-6 * Math.abs(numeric),
    );
    checked++;
  }
  expect(checked).toBe(model.params.length);
}

describe('Mlp backward matches finite differences (float64)', () => {
  for (const activation of ['tanh', 'relu'] as const) {
    for (const loss of ['mse', 'bce'] as const) {
      for (const p of [0, 0.4]) {
        it(`${activation}, ${loss}, p = ${p}: every weight and bias of every layer`, () => {
          gradientCheck(loss === 'mse' ? [3, 6, 5, 2] : [2, 5, 4, 1], activation, loss, p);
        });
      }
    }
  }
  it('one hidden layer and three hidden layers', () => {
    gradientCheck([1, 7, 1], 'tanh', 'mse', 0.3);
    gradientCheck([2, 4, 3, 5, 1], 'relu', 'bce', 0.2);
  });
  it('float32 storage agrees with float64 to float32 accuracy', () => {
    const a = new Mlp({ sizes: [1, 16, 16, 1], activation: 'tanh' });
    const b = new Mlp({ sizes: [1, 16, 16, 1], activation: 'tanh', precision: 'float64' });
    a.initialize(createRng(3));
    b.params.set(a.params);
    const x = Float32Array.from({ length: 10 }, (_, i) => i / 3 - 1.5);
    const ya = a.forward(a.createWorkspace(10), x, 10, { training: false });
    const yb = b.forward(b.createWorkspace(10), x, 10, { training: false });
    for (let i = 0; i < 10; i++) expect(Math.abs(ya[i] - yb[i])).toBeLessThan(1e-5);
  });
});

describe('Mlp forward', () => {
  it("draws masks exactly like dropout(): one draw per (sample, unit), layer by layer, row-major", () => {
    const n = 4;
    const model = new Mlp({ sizes: [2, 8, 6, 1], activation: 'tanh' });
    model.initialize(createRng(0));
    const ws = model.createWorkspace(n);
    const x = Float32Array.from({ length: 2 * n }, (_, i) => Math.sin(i));
    const p = 0.3;
    const rng = createRng(889);
    model.forward(ws, x, n, { training: true, p, rng });
    expect(rng.drawCount).toBe(2 * n * (8 + 6));
    const reference = createRng(889);
    for (let l = 0; l < 2; l++) {
      const width = [8, 6][l];
      const act = ws.activations[l].slice(0, n * width) as Float32Array;
      const expected = dropout(act, p, { rng: reference });
      expect(Array.from(ws.masks[l].subarray(0, n * width))).toEqual(Array.from(expected.mask));
      expect(Array.from(ws.outputs[l].subarray(0, n * width))).toEqual(Array.from(expected.output));
    }
  });

  it('eval mode and p = 0 draw nothing and apply no mask', () => {
    const { model, ws, x } = setup([1, 8, 8, 1], 'relu', 6);
    for (const options of [{ training: false, p: 0.5 }, { training: true, p: 0 }]) {
      const rng = createRng(5);
      model.forward(ws, x, 6, { ...options, rng });
      expect(rng.drawCount).toBe(0);
      expect(ws.masks.every((m) => m.subarray(0, 48).every((v) => v === 1))).toBe(true);
      expect(Array.from(ws.outputs[0].subarray(0, 48))).toEqual(Array.from(ws.activations[0].subarray(0, 48)));
    }
  });

  it('p = 1 silences every hidden unit, so the output is the last bias', () => {
    const { model, ws, x } = setup([1, 8, 1], 'tanh', 3);
    const rng = createRng(5);
    const out = model.forward(ws, x, 3, { training: true, p: 1, rng });
    expect(rng.drawCount).toBe(0);
    expect(Array.from(out.subarray(0, 3))).toEqual([model.biases[1][0], model.biases[1][0], model.biases[1][0]]);
  });

  it('gathers rows when given, matching a forward pass on the gathered batch', () => {
    const { model, x } = setup([3, 5, 2], 'tanh', 4);
    const rows = Int32Array.from([3, 0, 2]);
    const gathered = Float64Array.from([...x.subarray(9, 12), ...x.subarray(0, 3), ...x.subarray(6, 9)]);
    const a = model.forward(model.createWorkspace(3), x, 3, { training: false, rows }).slice(0, 6);
    const b = model.forward(model.createWorkspace(3), gathered, 3, { training: false }).slice(0, 6);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("initialises like PyTorch's nn.Linear: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), weights then bias, layer by layer", () => {
    const model = new Mlp({ sizes: [4, 16, 1], activation: 'tanh', precision: 'float64' });
    const rng = createRng(7);
    model.initialize(rng);
    expect(rng.drawCount).toBe(2 * model.params.length);
    const reference = createRng(7);
    expect(model.weights[0][0]).toBe(-0.5 + reference.random());
    for (let l = 0; l < 2; l++) {
      const bound = 1 / Math.sqrt(model.sizes[l]);
      for (const v of [...model.weights[l], ...model.biases[l]]) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
    }
    expect(model.params.length).toBe(16 * 4 + 16 + 16 + 1);
  });

  it('reuses its buffers: every pass returns the same output array', () => {
    const { model, ws, x } = setup([1, 4, 1], 'tanh', 2);
    expect(model.forward(ws, x, 2, { training: false })).toBe(model.forward(ws, x, 1, { training: false }));
  });

  it('copies parameters between twins and refuses a different shape', () => {
    const a = new Mlp({ sizes: [1, 4, 1], activation: 'tanh' });
    a.initialize(createRng(1));
    const b = new Mlp({ sizes: [1, 4, 1], activation: 'tanh' });
    b.copyParametersFrom(a);
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    expect(() => new Mlp({ sizes: [1, 5, 1], activation: 'tanh' }).copyParametersFrom(a)).toThrow(/1-4-1/);
  });

  it('validates its arguments, naming them', () => {
    expect(() => new Mlp({ sizes: [1], activation: 'tanh' })).toThrow(/sizes/);
    expect(() => new Mlp({ sizes: [1, 0, 1], activation: 'tanh' })).toThrow('sizes[1] must be an integer ≥ 1, but got 0');
    expect(() => new Mlp({ sizes: [1, 2.5, 1], activation: 'tanh' })).toThrow(/sizes\[1\].*2\.5/);
    expect(() => new Mlp({ sizes: [1, 2, 1], activation: 'sigmoid' as Activation })).toThrow(/activation.*sigmoid/);
    const { model, ws, x } = setup([1, 4, 1], 'tanh', 2);
    expect(() => model.forward(ws, x, 3, { training: false })).toThrow(/n must be .* capacity 2, but got 3/);
    expect(() => model.forward(ws, x, 2, { training: true, p: 1.5 })).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    expect(() => model.forward(ws, x, 2, { training: true, p: 0.5 })).toThrow(/rng is required/);
    expect(() => model.createWorkspace(0)).toThrow(/capacity/);
  });
});

describe('losses', () => {
  it('MSE is the mean squared error (nn.MSELoss) and BCE-with-logits matches its formula', () => {
    const model = new Mlp({ sizes: [1, 1], activation: 'tanh', precision: 'float64' });
    model.weights[0][0] = 1;
    model.biases[0][0] = 0;
    const ws = model.createWorkspace(3);
    model.forward(ws, [-2, 0.5, 3], 3, { training: false });
    expect(computeLoss('mse', ws, [0, 0, 1], 1, false)).toBeCloseTo((4 + 0.25 + 4) / 3, 12);
    const bce = (z: number, t: number) => -(t * Math.log(1 / (1 + Math.exp(-z))) + (1 - t) * Math.log(1 - 1 / (1 + Math.exp(-z))));
    expect(computeLoss('bce', ws, [0, 1, 1], 1, false)).toBeCloseTo((bce(-2, 0) + bce(0.5, 1) + bce(3, 1)) / 3, 12);
    // Stays finite where the naive formula overflows.
    model.weights[0][0] = 1000;
    model.forward(ws, [-2, 0.5, 3], 3, { training: false });
    expect(Number.isFinite(computeLoss('bce', ws, [1, 0, 1], 1, true))).toBe(true);
  });
});
