import { describe, expect, it } from 'vitest';
import { IncrementalPath, LossColumns, PART_COLUMNS, xRangeEnd } from './lossColumns';

interface P {
  epoch: number;
  v: number;
}
const point = (epoch: number, v: number): P => ({ epoch, v });
const vertices = (d: string) => (d.match(/[ML]/g) ?? []).length;
const ys = (d: string) => [...d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));

/**
 * The whole line of an IncrementalPath whose open part is `open`: its finished parts and the open one, each
 * after the first without the move that repeats where the one before it ended.
 */
function whole(path: IncrementalPath, open: string): string {
  const [first = '', ...rest] = [...path.parts, open];
  return first + rest.map((part) => part.replace(/^M[^LM]*/, '')).join('');
}

/** The path of `points` drawn at `columns` columns over the x range their last epoch asks for, in one go. */
function drawAll(points: P[], columns: number) {
  const lossColumns = new LossColumns<P>([(p) => p.v], columns, xRangeEnd(points.at(-1)!.epoch));
  for (const p of points) lossColumns.add(p);
  const x = (epoch: number) => (epoch / lossColumns.end) * columns;
  const last = lossColumns.columnOf(points.at(-1)!.epoch);
  const path = new IncrementalPath();
  return whole(path, path.text(lossColumns, 0, lossColumns.takeChanged(), last, x, (v) => 1000 - v));
}

describe('the x range of the loss chart', () => {
  it('ends at the next step at or after the last epoch, so it stays put while a run grows', () => {
    expect(xRangeEnd(0)).toBe(10);
    expect([11, 101, 1000, 1001, 1300, 2999, 3000, 7000].map((e) => xRangeEnd(e))).toEqual([12, 120, 1000, 1200, 1500, 3000, 3000, 8000]);
    for (let epoch = 10; epoch < 1e6; epoch = Math.ceil(epoch * 1.07)) {
      const end = xRangeEnd(epoch);
      expect(end).toBeGreaterThanOrEqual(epoch);
      expect(epoch / end).toBeGreaterThan(0.74);
    }
  });
});

describe('loss columns: a history of any length at pixel resolution', () => {
  it('draws every point while there are fewer points than columns', () => {
    const points = [0, 10, 20, 30].map((epoch) => point(epoch, 100 - epoch));
    expect(vertices(drawAll(points, 400))).toBe(4);
  });

  it('never draws more than two vertices per column, keeps a one-point spike, and ends at the newest point', () => {
    const points = Array.from({ length: 20_000 }, (_, i) => point(i * 10, i === 12_345 ? 900 : 10 + Math.sin(i)));
    const d = drawAll(points, 300);
    expect(vertices(d)).toBeLessThanOrEqual(2 * 300 + 1);
    expect(Math.min(...ys(d))).toBe(100); // 1000 − the spike
    expect(ys(d).at(-1)).toBeCloseTo(1000 - points.at(-1)!.v, 1); // coordinates are written to a tenth of a pixel
  });

  it('fed a few points at a time across range steps, draws the same extremes as a drawing from scratch, within the vertex budget', () => {
    const points = Array.from({ length: 1500 }, (_, i) => point(i * 3, 50 + 40 * Math.sin(i / 7) + (i % 97 === 0 ? 30 : 0)));
    const columns = 250;
    let lossColumns: LossColumns<P> | null = null;
    const path = new IncrementalPath();
    let end = 0;
    for (let n = 1; n <= points.length; n += 7 + (n % 29)) {
      const shown = points.slice(0, n);
      const lastEpoch = shown.at(-1)!.epoch;
      if (!lossColumns) {
        lossColumns = new LossColumns<P>([(p) => p.v], columns, xRangeEnd(lastEpoch));
      } else if (xRangeEnd(lastEpoch) > lossColumns.end) {
        lossColumns.growTo(xRangeEnd(lastEpoch));
      }
      for (const p of shown) if (p.epoch > lossColumns.lastEpoch) lossColumns.add(p);
      if (lossColumns.end !== end) {
        end = lossColumns.end;
        path.reset();
      }
      const x = (epoch: number) => (epoch / lossColumns!.end) * columns;
      const d = whole(path, path.text(lossColumns, 0, lossColumns.takeChanged(), lossColumns.columnOf(lastEpoch), x, (v) => 1000 - v));
      // Re-binning after a range step is exact up to a column that straddles two new ones: same extremes.
      const fresh = drawAll(shown, columns);
      expect(Math.min(...ys(d))).toBeCloseTo(Math.min(...ys(fresh)), 5);
      expect(Math.max(...ys(d))).toBeCloseTo(Math.max(...ys(fresh)), 5);
      expect(vertices(d)).toBeLessThanOrEqual(2 * columns + 1);
    }
  });

  it('fed point by point within one x range, is identical to a drawing from scratch', () => {
    const points = Array.from({ length: 900 }, (_, i) => point(i, 5 + Math.cos(i / 3)));
    const lossColumns = new LossColumns<P>([(p) => p.v], 120, 1000);
    const path = new IncrementalPath();
    const x = (epoch: number) => (epoch / 1000) * 120;
    let d = '';
    let longestOpen = 0;
    for (const p of points) {
      lossColumns.add(p);
      const open = path.text(lossColumns, 0, lossColumns.takeChanged(), lossColumns.columnOf(p.epoch), x, (v) => 10 - v);
      longestOpen = Math.max(longestOpen, vertices(open));
      d = whole(path, open);
    }
    const fresh = new LossColumns<P>([(p) => p.v], 120, 1000);
    for (const p of points) fresh.add(p);
    const freshPath = new IncrementalPath();
    expect(d).toBe(whole(freshPath, freshPath.text(fresh, 0, fresh.takeChanged(), fresh.columnOf(899), x, (v) => 10 - v)));
    // What a redraw rewrites stays short: the open part has at most PART_COLUMNS settled columns plus the newest.
    expect(path.parts.length).toBeGreaterThanOrEqual(2);
    expect(longestOpen).toBeLessThanOrEqual(2 * (PART_COLUMNS + 1) + 2);
  });

  it('keeps its finished parts until the columns change before them, and then starts a new generation', () => {
    const lossColumns = new LossColumns<P>([(p) => p.v], 200, 1000);
    const path = new IncrementalPath();
    const x = (epoch: number) => (epoch / 1000) * 200;
    for (let epoch = 0; epoch < 900; epoch += 3) {
      lossColumns.add(point(epoch, Math.sin(epoch)));
      path.text(lossColumns, 0, lossColumns.takeChanged(), lossColumns.columnOf(epoch), x, (v) => v);
    }
    const parts = [...path.parts];
    const generation = path.generation;
    expect(parts.length).toBeGreaterThan(1);
    // Each part after the first starts where the one before it ended.
    for (let i = 1; i < parts.length; i++) expect(parts[i].startsWith(`M${parts[i - 1].split(/[ML]/).at(-1)}L`)).toBe(true);
    lossColumns.add(point(903, 0.5));
    path.text(lossColumns, 0, lossColumns.takeChanged(), lossColumns.columnOf(903), x, (v) => v);
    expect(path.parts.slice(0, parts.length)).toEqual(parts);
    expect(path.generation).toBe(generation);
    // A change in an early column (as after a new x range) drops every part.
    path.text(lossColumns, 0, 0, lossColumns.columnOf(903), x, (v) => v);
    expect(path.generation).toBe(generation + 1);
    expect(path.parts.length).toBeLessThan(parts.length + 1);
  });

  it('knows the extent of the series shown, over every point ever added', () => {
    const lossColumns = new LossColumns<{ epoch: number; a: number; b: number }>([(p) => p.a, (p) => p.b], 10, 10);
    lossColumns.add({ epoch: 0, a: 2, b: 0 });
    lossColumns.add({ epoch: 5, a: 0.5, b: 7 });
    expect(lossColumns.extent([0])).toEqual([0.5, 0.5, 2]);
    expect(lossColumns.extent([0, 1])).toEqual([0, 0.5, 7]);
  });
});
