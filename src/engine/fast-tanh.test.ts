import { describe, expect, it } from 'vitest';
import { tanhFloat32 } from './fast-tanh';

describe('tanhFloat32', () => {
  it('is within 2.5 float32 ulps of Math.tanh over [-20, 20]', () => {
    for (let i = -80_000; i <= 80_000; i++) {
      const x = i / 4_000;
      const exact = Math.tanh(x);
      // One float32 ulp of the result; the worst case (2.14 ulps) is a 1.3e-7 relative error just above a power of 2.
      const ulp = Math.max(2 ** (Math.floor(Math.log2(Math.abs(exact) || 1)) - 23), 2 ** -149);
      expect(Math.abs(tanhFloat32(x) - exact)).toBeLessThanOrEqual(2.5 * ulp);
    }
  });

  it('is odd, exact at 0 and saturates to ±1', () => {
    expect(tanhFloat32(0)).toBe(0);
    expect(tanhFloat32(0.3)).toBe(-tanhFloat32(-0.3));
    expect(tanhFloat32(50)).toBe(1);
    expect(tanhFloat32(-1000)).toBe(-1);
    expect(tanhFloat32(Infinity)).toBe(1);
    expect(Number.isNaN(tanhFloat32(NaN))).toBe(true);
  });
});
