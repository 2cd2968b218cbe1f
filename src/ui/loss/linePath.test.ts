import { describe, expect, it } from 'vitest';
import type { LossPoint } from '../../engine';
import { linePath } from './lossChart';

const point = (epoch: number, val: number): LossPoint =>
  ({ epoch, plain: { train: val, val }, dropout: { train: val, val, trainWithDropout: val } }) as LossPoint;
const vertices = (d: string) => (d.match(/[ML]/g) ?? []).length;
const value = (p: LossPoint) => p.plain.val;

describe('loss line path', () => {
  it('draws every point when there are fewer points than pixels', () => {
    const points = [0, 10, 20, 30].map((epoch) => point(epoch, 1 / (epoch + 1)));
    const d = linePath(points, value, (e) => e * 10, (v) => 100 - v * 100);
    expect(vertices(d)).toBe(4);
    expect(d.startsWith('M0,0')).toBe(true);
  });

  it('never draws more vertices than pixels, and keeps the ends and a one-point spike', () => {
    const points = Array.from({ length: 2000 }, (_, i) => point(i * 10, i === 1234 ? 50 : 1 + Math.sin(i)));
    const width = 400;
    const x = (epoch: number) => (epoch / (1999 * 10)) * width;
    const d = linePath(points, value, x, (v) => 300 - v);
    expect(vertices(d)).toBeLessThanOrEqual(width + 2);
    expect(d.startsWith(`M0,${300 - value(points[0])}`)).toBe(true);
    expect(d.endsWith(`L${width},${Math.round((300 - value(points[1999])) * 100) / 100}`)).toBe(true);
    expect(d).toContain(',250'); // the spike's y
  });

  it('leaves a gap at a non-finite value, as d3.line().defined() does', () => {
    const points = [point(0, 1), point(1, NaN), point(2, 1)];
    expect(linePath(points, value, (e) => e, (v) => v)).toBe('M0,1M2,1');
  });
});
