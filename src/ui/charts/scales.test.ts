import { describe, expect, it } from 'vitest';
import { formatLoss, nearestIndex, safeExtent, safeLogExtent, svgCoord } from './scales';

describe('chart domain guards', () => {
  it('ignores NaN and infinities and falls back when nothing is finite', () => {
    expect(safeExtent([NaN, 2, Infinity, 5])).toEqual([2, 5]);
    expect(safeExtent([NaN, -Infinity])).toEqual([0, 1]);
    expect(safeExtent([])).toEqual([0, 1]);
  });
  it('widens a flat extent so the scale is not degenerate', () => {
    const [a, b] = safeExtent([3, 3]);
    expect(a).toBeLessThan(3);
    expect(b).toBeGreaterThan(3);
    expect(safeExtent([0])).toEqual([-1, 1]);
  });
  it('keeps a log domain strictly positive', () => {
    expect(safeLogExtent([0, -1, 0.1, 10])).toEqual([0.1, 10]);
    expect(safeLogExtent([0, NaN])).toEqual([0.01, 1]);
    const [a, b] = safeLogExtent([0.2, 0.2]);
    expect(a).toBeGreaterThan(0);
    expect(b / a).toBeGreaterThan(1.5);
  });
  it('finds the nearest sorted entry', () => {
    expect(nearestIndex([0, 10, 20, 30], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20, 30], 16)).toBe(2);
    expect(nearestIndex([0, 10], 99)).toBe(1);
    expect(nearestIndex([], 5)).toBe(-1);
  });
  it('formats losses compactly and never prints NaN', () => {
    expect(formatLoss(0.123456)).toBe('0.1235');
    expect(formatLoss(0.00001234)).toBe('1.234e-5');
    expect(formatLoss(NaN)).toBe('–');
  });
});

describe('svgCoord: a path coordinate as text, to a tenth of a pixel', () => {
  it('writes whole numbers without a point, tenths with one digit, and the sign of negatives', () => {
    expect([3, 0, 12.34, 1234.56, -7.6, -1.26, 0.05, -0.04, 249.96].map(svgCoord)).toEqual(
      ['3', '0', '12.3', '1234.6', '-7.6', '-1.3', '0.1', '0', '250'],
    );
  });
  it('is the value rounded to tenths, for any finite value (as a number it reads back the same)', () => {
    for (let i = 0; i < 2000; i++) {
      const v = (i * 7919.123) % 3000 - 1500 + i / 997;
      expect(Number(svgCoord(v))).toBe(Math.round(v * 10) / 10 || 0);
      expect(svgCoord(v)).toMatch(/^-?\d+(\.\d)?$/);
    }
  });
  it('leaves what is not finite as it is, for the guards upstream to catch', () => {
    expect(svgCoord(NaN)).toBe('NaN');
    expect(svgCoord(Infinity)).toBe('Infinity');
  });
});
