import { describe, expect, it } from 'vitest';
import { assertDropoutProbability, dropout, dropoutProbabilityMessage, dropoutScale, keeps } from './dropout';
import { Mlp } from './mlp';
import { createRng, type Rng } from './rng';

/** An Rng that hands out the given random_sample() draws in order (and nothing else). */
function scriptedRng(draws: readonly number[]): Rng {
  let next = 0;
  return {
    seed: 0,
    get drawCount() {
      return 2 * next;
    },
    random: () => {
      if (next >= draws.length) throw new RangeError('scripted draws exhausted');
      return draws[next++];
    },
    randomBlock: (count: number) => {
      if (next + count > draws.length) throw new RangeError('scripted draws exhausted');
      next += count;
      return Float64Array.from(draws.slice(next - count, next));
    },
    nextUint32: () => {
      throw new Error('not scripted');
    },
    standardNormal: () => {
      throw new Error('not scripted');
    },
  };
}

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => i + 1);

describe('dropout (PyTorch semantics, NumPy draws)', () => {
  it("reproduces the article's nn.Dropout(p=0.7) example with RandomState(889)", () => {
    // Seed 889 is the seed that reproduces the article's printout; scripts/golden-rng.py recomputes it from CPython.
    const { output, mask } = dropout(ramp(10), 0.7, { rng: createRng(889) });
    const rounded = Array.from(output, (v) => Number(v.toFixed(4)));
    expect(rounded).toEqual([0, 6.6667, 10, 0, 0, 0, 0, 26.6667, 0, 0]);
    expect(Array.from(mask)).toEqual([0, 1, 1, 0, 0, 0, 0, 1, 0, 0]);
    // Exactly float32(x * float32(1/0.3)), as python3 scripts/golden-rng.py prints.
    expect(output[1]).toBe(6.666666507720947);
    expect(output[7]).toBe(26.66666603088379);
  });

  it('is the identity at p = 0 and in eval mode, and draws nothing', () => {
    const x = ramp(50);
    for (const [p, training] of [[0, true], [0.5, false], [1, false]] as const) {
      const rng = createRng(1);
      const { output, mask } = dropout(x, p, { training, rng });
      expect(output).not.toBe(x);
      expect(Array.from(output)).toEqual(Array.from(x));
      expect(mask.every((m) => m === 1)).toBe(true);
      expect(rng.drawCount).toBe(0);
    }
  });

  it('zeroes everything at p = 1 without drawing', () => {
    const rng = createRng(1);
    const { output, mask } = dropout(ramp(20), 1, { rng });
    expect(output.every((v) => v === 0)).toBe(true);
    expect(mask.every((m) => m === 0)).toBe(true);
    expect(rng.drawCount).toBe(0);
  });

  it('multiplies every element by its noise, 0 or the float32 1/float32(1 − p), in float32', () => {
    const x = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10);
    for (const p of [0.1, 0.3, 0.5, 0.7, 0.9, 0.04, 0.42]) {
      const scale = Math.fround(1 / Math.fround(1 - p));
      expect(dropoutScale(p)).toBe(scale);
      const { output, mask } = dropout(x, p, { rng: createRng(5) });
      for (let i = 0; i < x.length; i++) {
        // A dropped negative element is -0, as PyTorch's x * 0 gives (dropout.torch.test.ts checks torch itself).
        expect(output[i]).toBe(mask[i] ? Math.fround(x[i] * scale) : x[i] < 0 ? -0 : 0);
      }
    }
    expect(dropoutScale(1)).toBe(0);
  });

  it('draws one uniform per element and keeps exactly where u >= p', () => {
    const p = 0.4;
    const rng = createRng(2024);
    const { mask } = dropout(ramp(100), p, { rng });
    expect(rng.drawCount).toBe(200); // two 32-bit words per random_sample
    const reference = createRng(2024);
    for (let i = 0; i < 100; i++) expect(mask[i]).toBe(reference.random() >= p ? 1 : 0);
  });

  it("keeps a draw exactly equal to p (the boundary: u >= p, as ONNX's reference), in dropout() and the MLP", () => {
    // Draws of exactly p, then the doubles either side of it: kept, dropped, kept.
    for (const p of [0.5, 0.3, 0.7, 0.25]) {
      const below = p - Number.EPSILON / 2;
      const above = p + Number.EPSILON;
      const draws = [p, below, above, p];
      const { mask } = dropout(ramp(4), p, { rng: scriptedRng(draws) });
      expect(Array.from(mask), `p = ${p}`).toEqual([1, 0, 1, 1]);
      expect(keeps(p, p)).toBe(true);
      expect(keeps(below, p)).toBe(false);
      // The MLP's hidden layers keep by the same rule, in both layer kernels (WebAssembly and JavaScript): a 1-5-1
      // network keeps the units whose draw is exactly p or above.
      const model = new Mlp({ sizes: [1, 5, 1], activation: 'relu' });
      model.initialize(createRng(1));
      for (const wasm of [true, false]) {
        const ws = model.createWorkspace(1, { wasm });
        model.forward(ws, [0.5], 1, { training: true, p, rng: scriptedRng([p, below, p, above, p]) });
        expect(Array.from(ws.masks[0]), `MLP at p = ${p}, ${ws.kernel.engine}`).toEqual([1, 0, 1, 1, 1]);
      }
    }
  });

  it('gives the same mask for the same seed and a different one for another seed', () => {
    const a = dropout(ramp(200), 0.5, { rng: createRng(3) }).mask;
    const b = dropout(ramp(200), 0.5, { rng: createRng(3) }).mask;
    const c = dropout(ramp(200), 0.5, { rng: createRng(4) }).mask;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('drops a fraction p (within 4 sigma) and preserves the mean (within 4 sigma) over 100,000 elements', () => {
    const n = 100_000;
    const x = new Float32Array(n).fill(1);
    for (const p of [0.2, 0.5, 0.7]) {
      const { output, mask } = dropout(x, p, { rng: createRng(11) });
      const dropped = mask.reduce((s, m) => s + (1 - m), 0) / n;
      expect(Math.abs(dropped - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      // Each output is 0 or s = 1/(1-p): mean 1, standard deviation sqrt(p/(1-p)) per element.
      const mean = output.reduce((s, v) => s + v, 0) / n;
      expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(p / (1 - p) / n));
    }
  });

  it('writes into the input and returns it when inplace', () => {
    const x = ramp(10);
    const { output } = dropout(x, 0.7, { rng: createRng(889), inplace: true });
    expect(output).toBe(x);
    expect(x[2]).toBe(10);
    expect(x[0]).toBe(0);
    const y = ramp(4);
    expect(dropout(y, 0, { inplace: true }).output).toBe(y);
  });

  it("raises PyTorch's message for p outside [0, 1]", () => {
    expect(() => dropout(ramp(3), 1.5)).toThrow(new RangeError('dropout probability has to be between 0 and 1, but got 1.5'));
    expect(() => dropout(ramp(3), -0.1)).toThrow('dropout probability has to be between 0 and 1, but got -0.1');
    expect(() => dropout(ramp(3), NaN)).toThrow('dropout probability has to be between 0 and 1, but got nan');
    expect(() => dropoutScale(2)).toThrow(RangeError);
    expect(dropoutProbabilityMessage(Infinity)).toBe('dropout probability has to be between 0 and 1, but got inf');
    expect(() => assertDropoutProbability('0.5' as unknown)).toThrow(RangeError);
    expect(() => assertDropoutProbability(0.5)).not.toThrow();
  });

  it('refuses a non-Float32Array input and a missing rng when a mask is needed', () => {
    expect(() => dropout([1, 2] as unknown as Float32Array, 0.5)).toThrow(TypeError);
    expect(() => dropout(ramp(3), 0.5)).toThrow(/rng is required/);
  });
});
