import { describe, expect, it } from 'vitest';
import * as d3 from 'd3';
import { axisPaths, decadeTicks, gridPath } from './axes';

describe('axis geometry', () => {
  it('draws a bottom axis as d3 does: the line with 6 px outer ticks at its ends, a 6 px mark down at each tick', () => {
    const { domain, marks } = axisPaths('bottom', [62, 292, 522], [62, 522], 0.5);
    expect(domain).toBe('M62.5,6V0.5H522.5V6');
    expect(marks).toBe('M62.5,0V6M292.5,0V6M522.5,0V6');
  });

  it('draws a left axis from the range’s first value (the bottom) to its last, with marks to the left', () => {
    const { domain, marks } = axisPaths('left', [264, 139.25], [264, 14], 0);
    expect(domain).toBe('M-6,264H0V14H-6');
    expect(marks).toBe('M0,264H-6M0,139.3H-6');
  });

  it('draws no marks for no ticks, and grid lines across the plot at each tick', () => {
    expect(axisPaths('bottom', [], [0, 100], 0.5).marks).toBe('');
    expect(gridPath([264, 14.04], 460, 0.5)).toBe('M0,264.5H460M0,14.5H460');
    expect(gridPath([], 460, 0.5)).toBe('');
  });

  it("splits a log axis's ticks into its decades and the lines between them", () => {
    const ticks = d3.scaleLog().domain([0.001, 1]).ticks(8);
    const { decades, between } = decadeTicks(ticks);
    expect(decades).toEqual([0.001, 0.01, 0.1, 1]);
    expect(between).toHaveLength(ticks.length - 4);
    expect(between).toContain(0.002);
    expect(between).toContain(0.9);
    expect(decadeTicks([])).toEqual({ decades: [], between: [] });
  });
});
