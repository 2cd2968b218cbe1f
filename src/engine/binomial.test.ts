import { describe, expect, it } from 'vitest';
import { binomialMean, binomialPmf, binomialProbability, binomialStandardDeviation } from './binomial';
import { createRng } from './rng';
import { dropout } from './dropout';

describe('Binomial(n, p)', () => {
  it('gives 0.7^10 ≈ 2.82% for all ten of the article example dropped', () => {
    expect(binomialProbability(10, 0.7, 10)).toBeCloseTo(0.7 ** 10, 14);
    expect(binomialProbability(10, 0.7, 10)).toBeCloseTo(0.0282475249, 9);
    expect(binomialProbability(10, 0.7, 0)).toBeCloseTo(0.3 ** 10, 15);
  });

  it('matches exact binomial coefficients and sums to one', () => {
    // C(10, 7) = 120, C(64, 32) = 1832624140942590534
    expect(binomialProbability(10, 0.7, 7)).toBeCloseTo(120 * 0.7 ** 7 * 0.3 ** 3, 14);
    expect(binomialProbability(64, 0.5, 32) / (1832624140942590534 * 0.5 ** 64)).toBeCloseTo(1, 12);
    for (const [n, p] of [[1, 0.3], [10, 0.7], [64, 0.05], [64, 0.95], [500, 0.5]] as const) {
      const total = binomialPmf(n, p).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 10);
    }
  });

  it('puts all the mass on one end at p = 0 and p = 1', () => {
    expect(Array.from(binomialPmf(3, 0))).toEqual([1, 0, 0, 0]);
    expect(Array.from(binomialPmf(3, 1))).toEqual([0, 0, 0, 1]);
    expect(binomialPmf(0, 0.4)[0]).toBe(1);
  });

  it('has mean n·p and standard deviation √(n·p·(1−p))', () => {
    expect(binomialMean(10, 0.7)).toBeCloseTo(7, 14);
    expect(binomialStandardDeviation(10, 0.7)).toBeCloseTo(Math.sqrt(2.1), 14);
    const pmf = binomialPmf(40, 0.35);
    const mean = pmf.reduce((sum, q, k) => sum + q * k, 0);
    expect(mean).toBeCloseTo(40 * 0.35, 10);
  });

  it("agrees with the zero counts of the engine's own dropout masks", () => {
    const rng = createRng(7);
    const x = new Float32Array(10).fill(1);
    const counts = new Array(11).fill(0);
    const passes = 20000;
    for (let i = 0; i < passes; i++) {
      const { mask } = dropout(x, 0.7, { rng });
      counts[mask.reduce((zeros, m) => zeros + (m ? 0 : 1), 0)]++;
    }
    const pmf = binomialPmf(10, 0.7);
    for (let k = 0; k <= 10; k++) {
      // 5 standard errors of a share estimated from 20,000 passes
      const tolerance = 5 * Math.sqrt((pmf[k] * (1 - pmf[k])) / passes) + 1e-4;
      expect(Math.abs(counts[k] / passes - pmf[k])).toBeLessThan(tolerance);
    }
  });

  it('rejects impossible arguments', () => {
    expect(() => binomialPmf(-1, 0.5)).toThrow(RangeError);
    expect(() => binomialPmf(2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialPmf(3, 1.5)).toThrow(RangeError);
    expect(() => binomialPmf(3, Number.NaN)).toThrow(RangeError);
    expect(binomialProbability(3, 0.5, 4)).toBe(0);
  });
});
