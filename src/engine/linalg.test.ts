import { describe, expect, it } from 'vitest';
import { matmulTransposed, transpose } from './linalg';

describe('matmulTransposed', () => {
  it('equals the textbook triple loop for every shape remainder (m, n, kd from 1 to 6)', () => {
    for (let m = 1; m <= 6; m++) {
      for (let n = 1; n <= 9; n++) {
        for (let kd = 1; kd <= 6; kd++) {
          const a = Float64Array.from({ length: m * kd }, (_, i) => Math.sin(i + m));
          const b = Float64Array.from({ length: n * kd }, (_, i) => Math.cos(i * 0.7 + n));
          const bias = Float64Array.from({ length: n }, (_, j) => j - 2);
          for (const withBias of [false, true]) {
            const c = new Float64Array(m * n).fill(NaN);
            matmulTransposed(a, b, c, m, n, kd, withBias ? bias : null);
            for (let i = 0; i < m; i++) {
              for (let j = 0; j < n; j++) {
                let s = withBias ? bias[j] : 0;
                for (let k = 0; k < kd; k++) s += a[i * kd + k] * b[j * kd + k];
                expect(c[i * n + j]).toBeCloseTo(s, 12);
              }
            }
          }
        }
      }
    }
  });

  it('transpose swaps rows and columns', () => {
    const dst = new Float32Array(6);
    transpose(Float32Array.from([1, 2, 3, 4, 5, 6]), dst, 2, 3);
    expect(Array.from(dst)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
