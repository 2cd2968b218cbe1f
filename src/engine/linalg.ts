import type { FloatArray } from './mlp';

/*
 * The two dense kernels every forward and backward pass is made of. They are written for V8: flat typed
 * arrays, no closures, no per-element calls, and a 2 × 4 register tile (8 independent accumulators) so that
 * each loaded value feeds several multiply-adds and no single add chain limits the loop. Measured on the
 * 1-64-64-1 network (the default until session 8) this is ~2× faster than the textbook triple loop (see scripts/bench.ts).
 */

/**
 * C = A·Bᵀ (+ bias on every row): C[i, j] = bias[j] + Σₖ A[i, k]·B[j, k], with A m × kd, B n × kd and C m × n, all
 * row-major. Both operands are read along rows, which is why every product in the network is phrased this way.
 */
export function matmulTransposed(
  a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, kd: number, bias: FloatArray | null,
): void {
  const m2 = m & ~1;
  const n4 = n & ~3;
  for (let i = 0; i < m2; i += 2) {
    const a0 = i * kd;
    const a1 = a0 + kd;
    const r0 = i * n;
    const r1 = r0 + n;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * kd;
      const b1 = b0 + kd;
      const b2 = b1 + kd;
      const b3 = b2 + kd;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      for (let k = 0; k < kd; k++) {
        const x0 = a[a0 + k];
        const x1 = a[a1 + k];
        const y0 = b[b0 + k];
        const y1 = b[b1 + k];
        const y2 = b[b2 + k];
        const y3 = b[b3 + k];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
      }
      if (bias !== null) {
        const d0 = bias[j], d1 = bias[j + 1], d2 = bias[j + 2], d3 = bias[j + 3];
        c00 += d0; c01 += d1; c02 += d2; c03 += d3;
        c10 += d0; c11 += d1; c12 += d2; c13 += d3;
      }
      c[r0 + j] = c00; c[r0 + j + 1] = c01; c[r0 + j + 2] = c02; c[r0 + j + 3] = c03;
      c[r1 + j] = c10; c[r1 + j + 1] = c11; c[r1 + j + 2] = c12; c[r1 + j + 3] = c13;
    }
    for (let j = n4; j < n; j++) {
      const bj = j * kd;
      let s0 = 0, s1 = 0;
      for (let k = 0; k < kd; k++) {
        const y = b[bj + k];
        s0 += a[a0 + k] * y;
        s1 += a[a1 + k] * y;
      }
      const d = bias !== null ? bias[j] : 0;
      c[r0 + j] = s0 + d;
      c[r1 + j] = s1 + d;
    }
  }
  if (m2 < m) {
    // The odd last row: plain dot products.
    const a0 = m2 * kd;
    const r0 = m2 * n;
    for (let j = 0; j < n; j++) {
      const bj = j * kd;
      let s = 0;
      for (let k = 0; k < kd; k++) s += a[a0 + k] * b[bj + k];
      c[r0 + j] = s + (bias !== null ? bias[j] : 0);
    }
  }
}

/** dst (cols × rows) = srcᵀ, where src is rows × cols row-major. */
export function transpose(src: FloatArray, dst: FloatArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[base + c];
  }
}
