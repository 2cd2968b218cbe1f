import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { LossColumns, PART_ALIGN, PART_COLUMNS, PathSpace, REWRITES_PER_UPDATE, SeriesPath, columnLevel, xRangeEnd } from './lossColumns';

interface P {
  epoch: number;
  v: number;
}
const point = (epoch: number, v: number): P => ({ epoch, v });
const vertices = (d: string) => (d.match(/[ML]/g) ?? []).length;
const xs = (d: string) => [...d.matchAll(/[ML]([\d.-]+),[\d.-]+/g)].map((m) => Number(m[1]));
const ys = (d: string) => [...d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
/** A y of path space that is easy to read back: the value, negated (up is negative) and scaled. */
const y = (v: number) => -10 * v;

/**
 * The whole line of a SeriesPath whose open part is `open`: its finished parts and the open one, each after the
 * first without the move that repeats where the one before it ended.
 */
function whole(path: SeriesPath, open: string): string {
  const [first = '', ...rest] = [...path.parts.map((part) => part.text), open];
  return first + rest.map((part) => part.replace(/^M[^LM]*/, '')).join('');
}

/** Feeds `points` to `columns` at the level their x range asks for (pixels wide), raising it first as the chart does. */
function feed(columns: LossColumns<P>, points: readonly P[], pixels: number) {
  columns.raiseTo(columnLevel(xRangeEnd(points.at(-1)!.epoch), pixels));
  for (const p of points) if (p.epoch > columns.lastEpoch) columns.add(p);
}

/**
 * A path of points 100 epochs apart (0 to 300) in one-epoch columns, fed point by point: a part with no point in
 * its PART_COLUMNS columns goes on to the next aligned column that has one.
 */
function sparsePath() {
  const columns = new LossColumns<P>([(p) => p.v], 400, 0);
  const path = new SeriesPath();
  for (let epoch = 0; epoch <= 300; epoch += 100) {
    columns.add(point(epoch, epoch / 100));
    path.update(columns, 0, columns.takeChanged(), columns.columnOf(epoch), y);
  }
  return { columns, path };
}

/** The path of `points` drawn `pixels` wide over the x range their last epoch asks for, in one go. */
function drawAll(points: P[], pixels: number) {
  const columns = new LossColumns<P>([(p) => p.v], pixels + 1, columnLevel(xRangeEnd(points.at(-1)!.epoch), pixels));
  for (const p of points) columns.add(p);
  const path = new SeriesPath();
  return whole(path, path.update(columns, 0, columns.takeChanged(), columns.columnOf(points.at(-1)!.epoch), y));
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

  it('is cut into columns of 2^level epochs, one to two pixels wide', () => {
    expect(columnLevel(10, 600)).toBe(-5); // 320 columns of 1/32 epoch
    expect(columnLevel(1200, 600)).toBe(1);
    expect(columnLevel(1024, 512)).toBe(1); // exactly one pixel each
    for (const pixels of [50, 300, 599, 1280]) {
      for (let end = 10; end < 1e6; end = Math.ceil(end * 1.3)) {
        const level = columnLevel(end, pixels);
        expect(end / 2 ** level).toBeLessThanOrEqual(pixels);
        expect(end / 2 ** (level - 1)).toBeGreaterThan(pixels);
      }
    }
  });
});

describe('loss columns: a history of any length at pixel resolution', () => {
  it('draws every point, at its epoch, while there are fewer points than columns', () => {
    const points = [0, 10, 20, 30].map((epoch) => point(epoch, 100 - epoch));
    const d = drawAll(points, 400);
    expect(vertices(d)).toBe(4);
    expect(xs(d)).toEqual([0, 10, 20, 30]);
    expect(ys(d)).toEqual([-1000, -900, -800, -700]);
  });

  it('never draws more than two vertices per column, keeps a one-point spike, and ends at the newest point', () => {
    const points = Array.from({ length: 20_000 }, (_, i) => point(i * 10, i === 12_345 ? 900 : 10 + Math.sin(i)));
    const d = drawAll(points, 300);
    expect(vertices(d)).toBeLessThanOrEqual(2 * 300 + 1);
    expect(Math.min(...ys(d))).toBe(-9000); // the spike
    expect(ys(d).at(-1)).toBeCloseTo(y(points.at(-1)!.v), 1); // coordinates are written to a tenth of a unit
    expect(xs(d).at(-1)).toBe(points.at(-1)!.epoch);
  });

  it('merges its columns exactly: raised to a level, they hold what columns filled at that level hold', () => {
    const points = Array.from({ length: 700 }, (_, i) => point(i, Math.cos(i / 5) + (i % 61 === 0 ? 3 : 0)));
    const raised = new LossColumns<P>([(p) => p.v], 701, 0);
    for (const p of points) raised.add(p);
    raised.raiseTo(2);
    const direct = new LossColumns<P>([(p) => p.v], 701, 2);
    for (const p of points) direct.add(p);
    const d = raised.pathText(0, 0, 701, y, false);
    expect(d).toBe(direct.pathText(0, 0, 701, y, false));
    expect(vertices(d)).toBeLessThanOrEqual(2 * 175);
  });
});

describe('a series path: finished parts written once, an open part rewritten', () => {
  it('fed point by point within one level, is identical to a drawing from scratch, and its open part stays short', () => {
    const points = Array.from({ length: 900 }, (_, i) => point(i, 5 + Math.cos(i / 3)));
    const columns = new LossColumns<P>([(p) => p.v], 401, columnLevel(1000, 400));
    const path = new SeriesPath();
    let d = '';
    let longestOpen = 0;
    for (const p of points) {
      columns.add(p);
      const open = path.update(columns, 0, columns.takeChanged(), columns.columnOf(p.epoch), y);
      longestOpen = Math.max(longestOpen, vertices(open));
      d = whole(path, open);
    }
    const fresh = new LossColumns<P>([(p) => p.v], 401, columns.level);
    for (const p of points) fresh.add(p);
    const freshPath = new SeriesPath();
    expect(d).toBe(whole(freshPath, freshPath.update(fresh, 0, fresh.takeChanged(), fresh.columnOf(899), y)));
    expect(path.parts.length).toBeGreaterThanOrEqual(2);
    // What a redraw rewrites stays short: a leading move, PART_COLUMNS settled columns, the newest and its point.
    expect(longestOpen).toBeLessThanOrEqual(1 + 2 * (PART_COLUMNS + 1) + 1);
  });

  it('fed a few points at a time across range steps, draws what a drawing from scratch draws, once it has caught up', () => {
    const points = Array.from({ length: 3000 }, (_, i) => point(i * 3, 50 + 40 * Math.sin(i / 7) + (i % 97 === 0 ? 30 : 0)));
    const pixels = 250;
    const columns = new LossColumns<P>([(p) => p.v], pixels + 1, columnLevel(xRangeEnd(0), pixels));
    const path = new SeriesPath();
    let open = '';
    let mostVertices = 0;
    for (let n = 1; n <= points.length; n += 7 + (n % 29)) {
      const shown = points.slice(0, n);
      feed(columns, shown, pixels);
      open = path.update(columns, 0, columns.takeChanged(), columns.columnOf(shown.at(-1)!.epoch), y);
      const d = whole(path, open);
      // While finer parts wait to be rewritten, the line is still exact: the same extremes as a fresh drawing.
      const fresh = drawAll(shown, pixels);
      expect(Math.min(...ys(d))).toBe(Math.min(...ys(fresh)));
      expect(Math.max(...ys(d))).toBe(Math.max(...ys(fresh)));
      expect(xs(d).at(-1)).toBe(shown.at(-1)!.epoch);
      mostVertices = Math.max(mostVertices, vertices(d));
    }
    // Finer parts are rewritten a few per update: then the line is the drawing from scratch, vertex for vertex.
    feed(columns, points, pixels);
    const lastColumn = columns.columnOf(points.at(-1)!.epoch);
    for (let i = 0; i < 20; i++) open = path.update(columns, 0, columns.takeChanged(), lastColumn, y);
    expect(path.parts.every((part) => part.level === columns.level)).toBe(true);
    expect(whole(path, open)).toBe(drawAll(points, pixels));
    // The finer parts never made the line more than about twice as long as its columns allow.
    expect(mostVertices).toBeLessThanOrEqual(4 * (pixels + 1));
  });

  it('keeps its finished parts while the level stays, rewrites finer ones a few per update after a merge, and joins them up', () => {
    const columns = new LossColumns<P>([(p) => p.v], 1201, 0);
    const path = new SeriesPath();
    for (let epoch = 0; epoch < 1000; epoch += 1) {
      columns.add(point(epoch, Math.sin(epoch)));
      path.update(columns, 0, columns.takeChanged(), columns.columnOf(epoch), y);
    }
    const parts = [...path.parts];
    const version = path.version;
    expect(parts.length).toBe(Math.floor(999 / PART_COLUMNS));
    columns.add(point(1001, 0.5));
    path.update(columns, 0, columns.takeChanged(), columns.columnOf(1001), y);
    expect(path.parts).toEqual(parts);
    expect(path.version).toBe(version);

    // After a merge, the first update rewrites REWRITES_PER_UPDATE runs of two finer parts (PART_COLUMNS columns).
    columns.raiseTo(1);
    columns.add(point(1002, 0.25));
    path.update(columns, 0, columns.takeChanged(), columns.columnOf(1002), y);
    expect(path.version).toBeGreaterThan(version);
    expect(path.parts.filter((part) => part.level === 1)).toHaveLength(REWRITES_PER_UPDATE);
    expect(path.parts.filter((part) => part.level === 0)).toHaveLength(parts.length - 2 * REWRITES_PER_UPDATE);
    for (let i = 0; i < parts.length; i++) path.update(columns, 0, columns.takeChanged(), columns.columnOf(1002), y);
    expect(path.parts.every((part) => part.level === 1)).toBe(true);
    // The parts tile the epochs from 0, and each after the first starts where the one before it ended.
    expect(path.parts[0].start).toBe(0);
    for (let i = 1; i < path.parts.length; i++) {
      expect(path.parts[i].start).toBe(path.parts[i - 1].end);
      expect(path.parts[i].text.startsWith(`M${path.parts[i - 1].text.split(/[ML]/).at(-1)}L`)).toBe(true);
    }
  });

  it('ends finished parts on multiples of PART_ALIGN columns, so a merge takes none back into the open part', () => {
    const { columns, path } = sparsePath();
    expect(path.parts.map((part) => part.end)).toEqual([48, 112, 208]);
    expect(path.parts.every((part) => part.end % PART_ALIGN === 0)).toBe(true);
    columns.raiseTo(Math.log2(PART_ALIGN));
    path.update(columns, 0, columns.takeChanged(), columns.columnOf(300), y);
    // Rewritten from the merged columns, but still finished up to epoch 208: the open part did not move back.
    expect(path.parts.map((part) => [part.end, part.level])).toEqual([[208, 4]]);
  });

  it('takes finished parts that end off the new columns back into the open part (a merge of more than PART_ALIGN)', () => {
    const { columns, path } = sparsePath();
    columns.raiseTo(5); // 32 epochs a column: 48, 112 and 208 are not boundaries
    const open = path.update(columns, 0, columns.takeChanged(), columns.columnOf(300), y);
    expect(path.parts).toEqual([]);
    expect(open).toBe('M0,0L100,-10L200,-20L300,-30');
  });

  it('over a long run at a frame’s pace, rewrites at most REWRITES_PER_UPDATE runs an update, and its parts tile the run', () => {
    const pixels = 460;
    const columns = new LossColumns<P>([(p) => p.v], pixels + 1, columnLevel(xRangeEnd(0), pixels));
    const path = new SeriesPath();
    let epoch = 0;
    for (let frameEnd = 60; frameEnd <= 60_000; frameEnd += 60) {
      const points: P[] = [];
      for (; epoch <= frameEnd; epoch += 5) points.push(point(epoch, 0.1 + 0.05 * Math.sin(epoch / 37)));
      feed(columns, points, pixels);
      const before = path.parts;
      path.update(columns, 0, columns.takeChanged(), columns.columnOf(frameEnd), y);
      const finishedEnd = before.length > 0 ? before[before.length - 1].end : 0;
      // New parts over epochs that were finished already are rewrites of finer parts; the others come from the open part.
      const rewritten = path.parts.filter((part) => !before.includes(part) && part.start < finishedEnd);
      expect(rewritten.length, `epoch ${frameEnd}`).toBeLessThanOrEqual(REWRITES_PER_UPDATE);
      path.parts.forEach((part, i) => expect(part.start).toBe(i === 0 ? 0 : path.parts[i - 1].end));
      // A merge takes no finished part back into the open part: what was finished stays finished.
      expect(path.parts.length > 0 ? path.parts[path.parts.length - 1].end : 0, `epoch ${frameEnd}`).toBeGreaterThanOrEqual(finishedEnd);
    }
  });

  it('knows the extent of the series shown, over every point ever added', () => {
    const columns = new LossColumns<{ epoch: number; a: number; b: number }>([(p) => p.a, (p) => p.b], 10, 0);
    columns.add({ epoch: 0, a: 2, b: 0 });
    columns.add({ epoch: 5, a: 0.5, b: 7 });
    expect(columns.extent([0])).toEqual([0.5, 0.5, 2]);
    expect(columns.extent([0, 1])).toEqual([0, 0.5, 7]);
  });
});

describe('path space: one transform puts the paths on any axes of their kind', () => {
  /** Applies an SVG "matrix(a,b,c,d,e,f)" to (px, py). */
  function apply(transform: string, px: number, py: number): [number, number] {
    const [a, b, c, d, e, f] = transform.slice('matrix('.length, -1).split(',').map(Number);
    return [a * px + c * py + e, b * px + d * py + f];
  }

  it('maps (epoch, y) onto the chart scales for a log axis, wherever its domain', () => {
    const space = new PathSpace('log', 0);
    for (const [low, high, end] of [[0.01, 1, 10], [0.003, 20, 1200], [1e-5, 1e-3, 80_000]]) {
      const x = d3.scaleLinear().domain([0, end]).range([62, 700]);
      const yScale = d3.scaleLog().domain([low, high]).range([300, 14]).nice();
      const transform = space.transform(x, yScale);
      for (const [epoch, value] of [[0, low], [end / 3, Math.sqrt(low * high)], [end, high], [end / 7, high * 1.5]]) {
        const [px, py] = apply(transform, epoch, space.y(value));
        expect(px).toBeCloseTo(x(epoch), 6);
        expect(py).toBeCloseTo(yScale(value), 6);
      }
    }
  });

  it('maps (epoch, y) onto the chart scales for a linear axis, and draws a log axis’s zero loss at its bottom', () => {
    const space = PathSpace.linear(2.4);
    expect(space.reference).toBe(10);
    const x = d3.scaleLinear().domain([0, 150]).range([62, 400]);
    const yScale = d3.scaleLinear().domain([0, 2.4]).range([250, 14]).nice();
    for (const value of [0, 0.7, 2.4, 31]) {
      const [px, py] = apply(space.transform(x, yScale), 40, space.y(value));
      expect(px).toBeCloseTo(x(40), 6);
      expect(py).toBeCloseTo(yScale(value), 6);
    }
    const clamped = new PathSpace('log', 0.01);
    expect(clamped.y(0)).toBe(clamped.y(0.01));
    expect(clamped.key).not.toBe(new PathSpace('log', 0).key);
  });
});
