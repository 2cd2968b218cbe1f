/**
 * What the loss chart draws of a history of any length, and in which coordinates.
 *
 * Columns: for each series, the lowest and the highest point of every column of epochs. A column's extremes are all
 * a line drawn at that width can show (spikes included), so a path has at most two vertices per column however
 * long the run. Columns are 2^level epochs wide, the level chosen so that the x range has at most one column per
 * pixel: when the range grows past that, pairs of columns merge into one (exact, since the columns nest).
 *
 * Path space: the paths are written in coordinates that do not depend on the axes (x is the epoch, y a fixed
 * function of the loss, see PathSpace), and the chart maps them onto the plot with one transform. When the x range
 * grows a step or the y axis crosses a decade, only that transform changes; no vertex is written again (issue 13:
 * those rewrites were the long tasks of a slow CPU).
 *
 * Parts: each series is a row of finished parts, written once, and an open part, the only one a redraw rewrites
 * (SeriesPath). After the columns merge, the finished parts are still exact, only finer than needed; they are
 * rewritten from the merged columns a few per redraw, oldest first. No DOM: unit-tested in Node (lossColumns.test.ts).
 */
import { svgCoord } from '../charts/scales';

/**
 * The x range ends at the next of these steps (× a power of ten) at or after the last epoch, so the axis stays put
 * while a run grows, and at most a quarter of the plot is empty on the right.
 */
const X_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The end of the x range for a run whose last epoch is `lastEpoch` (at least `least`). */
export function xRangeEnd(lastEpoch: number, least = 10): number {
  const target = Math.max(least, lastEpoch);
  const decade = 10 ** Math.floor(Math.log10(target));
  for (const step of X_STEPS) {
    // Rounded, so that 1.2 × 1000 is 1200 and not 1200.0000000000002.
    const end = Math.round(step * decade * 1e6) / 1e6;
    if (end >= target) return end;
  }
  return 10 * decade;
}

/**
 * The column level for an x range [0, end] drawn `pixels` wide: the smallest whose columns (2^level epochs) number
 * at most `pixels`, so that each column is one to two pixels wide.
 */
export function columnLevel(end: number, pixels: number): number {
  let level = Math.ceil(Math.log2(end / Math.max(1, pixels)));
  // log2 of a ratio may round across an integer; settle it with exact comparisons (division by 2^k is exact).
  while (end / 2 ** level > pixels) level++;
  while (end / 2 ** (level - 1) <= pixels) level--;
  return level;
}

/** A point of the history, as the columns see it: its epoch and one value per series. */
export interface ColumnPoint {
  epoch: number;
}

/** Extremes of one series, column by column (NaN where a column has no point yet). */
interface SeriesColumns {
  loEpoch: Float64Array;
  loValue: Float64Array;
  hiEpoch: Float64Array;
  hiValue: Float64Array;
  /** Lowest and highest finite value, and lowest positive value, of every point added. */
  lowest: number;
  lowestPositive: number;
  highest: number;
  /** The newest point: the line ends exactly there, not at an extreme of its column. */
  lastEpoch: number;
  lastValue: number;
}

function emptySeries(columns: number): SeriesColumns {
  const filled = () => new Float64Array(columns).fill(NaN);
  return {
    loEpoch: filled(), loValue: filled(), hiEpoch: filled(), hiValue: filled(),
    lowest: Infinity, lowestPositive: Infinity, highest: -Infinity, lastEpoch: NaN, lastValue: NaN,
  };
}

/**
 * The columns of every series, `capacity` of them at most: column c covers epochs [c, c + 1) × 2^level. `add` takes
 * points in epoch order; `raiseTo` merges the columns into wider ones before an epoch beyond the capacity is added.
 */
export class LossColumns<P extends ColumnPoint> {
  private series: SeriesColumns[];
  /** Epoch of the last point added (−Infinity before the first). */
  lastEpoch = -Infinity;
  /** The lowest column changed since `takeChanged` was last called (Infinity when none). */
  private changedFrom = Infinity;

  constructor(
    readonly values: readonly ((point: P) => number)[],
    readonly capacity: number,
    public level: number,
  ) {
    this.series = values.map(() => emptySeries(capacity));
  }

  /** Epochs per column. */
  get width(): number {
    return 2 ** this.level;
  }

  columnOf(epoch: number): number {
    return Math.max(0, Math.min(this.capacity - 1, Math.floor(epoch / this.width)));
  }

  add(point: P): void {
    this.lastEpoch = point.epoch;
    const column = this.columnOf(point.epoch);
    for (let s = 0; s < this.series.length; s++) this.place(this.series[s], column, point.epoch, this.values[s](point));
    if (column < this.changedFrom) this.changedFrom = column;
  }

  private place(series: SeriesColumns, column: number, epoch: number, value: number): void {
    if (!Number.isFinite(value)) return;
    if (!(epoch < series.lastEpoch)) {
      series.lastEpoch = epoch;
      series.lastValue = value;
    }
    if (value < series.lowest) series.lowest = value;
    if (value > 0 && value < series.lowestPositive) series.lowestPositive = value;
    if (value > series.highest) series.highest = value;
    const lo = series.loValue[column];
    if (!(value >= lo)) {
      // Also when the column is empty (NaN compares false).
      series.loValue[column] = value;
      series.loEpoch[column] = epoch;
    }
    const hi = series.hiValue[column];
    if (!(value <= hi)) {
      series.hiValue[column] = value;
      series.hiEpoch[column] = epoch;
    }
  }

  /**
   * Merges the columns into the wider ones of `level` (≥ the current level). Exact: a wider column is a whole number
   * of narrower ones, and its extremes are extremes of those.
   */
  raiseTo(level: number): void {
    if (level <= this.level) return;
    const old = this.series;
    this.level = level;
    this.series = old.map((previous) => {
      const next = emptySeries(this.capacity);
      for (let c = 0; c < this.capacity; c++) {
        if (Number.isNaN(previous.loValue[c])) continue;
        this.place(next, this.columnOf(previous.loEpoch[c]), previous.loEpoch[c], previous.loValue[c]);
        this.place(next, this.columnOf(previous.hiEpoch[c]), previous.hiEpoch[c], previous.hiValue[c]);
      }
      // The extents cover every point ever added, not only the columns' extremes (they are the same numbers).
      next.lowest = previous.lowest;
      next.lowestPositive = previous.lowestPositive;
      next.highest = previous.highest;
      next.lastEpoch = previous.lastEpoch;
      next.lastValue = previous.lastValue;
      return next;
    });
    this.changedFrom = 0;
  }

  /** The lowest column changed since the last call (Infinity when none), and forgets it. */
  takeChanged(): number {
    const from = this.changedFrom;
    this.changedFrom = Infinity;
    return from;
  }

  /** Lowest finite, lowest positive and highest finite value over the series `shown` (indices into `values`). */
  extent(shown: readonly number[]): [number, number, number] {
    let lowest = Infinity;
    let lowestPositive = Infinity;
    let highest = -Infinity;
    for (const s of shown) {
      const series = this.series[s];
      lowest = Math.min(lowest, series.lowest);
      lowestPositive = Math.min(lowestPositive, series.lowestPositive);
      highest = Math.max(highest, series.highest);
    }
    return [lowest, lowestPositive, highest];
  }

  /**
   * The path text of columns [from, to) of series `s`, in path space (x the epoch, y from `y`): each column's lowest
   * and highest point in epoch order (one vertex when they are the same point). `pen` says whether the path already
   * has a point before `from`.
   */
  pathText(s: number, from: number, to: number, y: (value: number) => number, pen: boolean): string {
    const { loEpoch, loValue, hiEpoch, hiValue } = this.series[s];
    let d = '';
    for (let c = from; c < to; c++) {
      if (Number.isNaN(loValue[c])) continue;
      const loFirst = loEpoch[c] <= hiEpoch[c];
      const e1 = loFirst ? loEpoch[c] : hiEpoch[c];
      const v1 = loFirst ? loValue[c] : hiValue[c];
      d += `${pen ? 'L' : 'M'}${svgCoord(e1)},${svgCoord(y(v1))}`;
      pen = true;
      if (loEpoch[c] !== hiEpoch[c]) {
        const e2 = loFirst ? hiEpoch[c] : loEpoch[c];
        const v2 = loFirst ? hiValue[c] : loValue[c];
        d += `L${svgCoord(e2)},${svgCoord(y(v2))}`;
      }
    }
    return d;
  }

  /** A move to the last vertex of series `s` before column `column` ('' when there is none). */
  moveBefore(s: number, column: number, y: (value: number) => number): string {
    const { loEpoch, loValue, hiEpoch, hiValue } = this.series[s];
    for (let c = Math.min(column, this.capacity) - 1; c >= 0; c--) {
      if (Number.isNaN(loValue[c])) continue;
      const loLast = loEpoch[c] > hiEpoch[c];
      return `M${svgCoord(loLast ? loEpoch[c] : hiEpoch[c])},${svgCoord(y(loLast ? loValue[c] : hiValue[c]))}`;
    }
    return '';
  }

  /** Columns [from, to) of series `s` as a part of its line: a move to where the line was before them, then theirs. */
  partText(s: number, from: number, to: number, y: (value: number) => number): string {
    const lead = this.moveBefore(s, from, y);
    return lead + this.pathText(s, from, to, y, lead !== '');
  }

  /** The newest point of series `s` as a vertex, when it is not already one of its column's extremes. */
  endText(s: number, y: (value: number) => number): string {
    const { lastEpoch, lastValue, loEpoch, hiEpoch } = this.series[s];
    if (Number.isNaN(lastEpoch)) return '';
    const c = this.columnOf(lastEpoch);
    return loEpoch[c] === lastEpoch || hiEpoch[c] === lastEpoch ? '' : `L${svgCoord(lastEpoch)},${svgCoord(y(lastValue))}`;
  }
}

/** Path-space units per unit of the scale (a decade of a log axis, `reference` of a linear one): tenths are fine. */
const PATH_SPAN = 1000;

/**
 * The y coordinate of path space: −PATH_SPAN × log10(loss) on a log axis, −PATH_SPAN × loss / reference on a linear
 * one (up is negative, as on screen). Both are affine in what the axis measures, so any y axis of that kind maps them
 * to pixels with a scale and an offset (`transform`).
 */
export class PathSpace {
  /**
   * @param scale the axis kind
   * @param reference a linear axis: the loss drawn PATH_SPAN units high (a power of ten near the data, so that the
   *   coordinates keep their precision at a tenth of a unit); a log axis: the lowest loss it can show (a loss at or
   *   below 0 is drawn there), or 0 when no loss is that low.
   */
  constructor(
    readonly scale: 'log' | 'linear',
    readonly reference: number,
  ) {}

  /** For a linear axis whose domain ends at `highest`: a reference that keeps the coordinates within ±10 × PATH_SPAN. */
  static linear(highest: number): PathSpace {
    return new PathSpace('linear', highest > 0 && Number.isFinite(highest) ? 10 ** Math.ceil(Math.log10(highest)) : 1);
  }

  /** Identifies the space: paths written in one space are valid in the same one. */
  get key(): string {
    return `${this.scale}|${this.reference}`;
  }

  readonly y = (value: number): number =>
    this.scale === 'log'
      ? -PATH_SPAN * Math.log10(value > this.reference ? value : this.reference)
      : (-PATH_SPAN * value) / this.reference;

  /** The loss at path-space height `u` × PATH_SPAN above 0 (the inverse of y). */
  private valueAt(u: number): number {
    return this.scale === 'log' ? 10 ** u : u * this.reference;
  }

  /**
   * The SVG transform that maps path space onto the chart: `xPixel` and `yPixel` are the chart's scales (affine in
   * the epoch, and in what the y axis measures).
   */
  transform(xPixel: (epoch: number) => number, yPixel: (value: number) => number): string {
    const e = xPixel(0);
    const a = xPixel(1) - e;
    const f = yPixel(this.valueAt(0));
    const d = (yPixel(this.valueAt(1)) - f) / -PATH_SPAN;
    return `matrix(${a},0,0,${d},${e},${f})`;
  }
}

/** Columns per finished part of a path: a redraw writes the open part, at most about this many columns. */
export const PART_COLUMNS = 48;

/** Finished parts one `update` rewrites from merged columns at most, so a merge spreads over a few frames. */
export const REWRITES_PER_UPDATE = 1;

/**
 * A finished part ends on a column that is a multiple of this, so that its end is still a column boundary after
 * the columns merge up to log2(PART_ALIGN) times: a merge then takes no finished part back into the open one.
 */
export const PART_ALIGN = 16;

/** The first multiple of `step` at or after `n`. */
const alignUp = (n: number, step: number) => Math.ceil(n / step) * step;

/** A finished part of a path: epochs [start, end), written from the columns of `level`. */
export interface PathPart {
  readonly start: number;
  readonly end: number;
  readonly level: number;
  readonly text: string;
}

/**
 * One series' path, in parts that stop changing: `parts` are the finished ones, in epoch order, covering epochs
 * [0, start of the open part); each after the first starts with a move to where the line was before it, so together
 * they are one line. `update` returns the open part, the only one each redraw writes. `version` increases whenever
 * `parts` changes, so a drawing can tell that its elements are stale.
 */
export class SeriesPath {
  parts: readonly PathPart[] = [];
  version = 0;
  /** The column level the open part is written at (NaN before the first update). */
  private level = Number.NaN;
  /** The first epoch of the open part. */
  private openStart = 0;
  /** The settled text of the open part: its leading move and columns [openStart's column, settledTo). */
  private openText = '';
  private openHasVertex = false;
  private settledTo = 0;

  /** Forget everything (the path space, the size or the run changed). */
  reset(): void {
    if (this.parts.length > 0) this.version++;
    this.parts = [];
    this.level = Number.NaN;
    this.openStart = 0;
    this.openText = '';
    this.openHasVertex = false;
    this.settledTo = 0;
  }

  /**
   * The open part's text, given that columns before `changedFrom` are as they were at the last call. The columns up
   * to the last one holding a point are settled once a later column holds one (new points only go to the right);
   * once the open part has PART_COLUMNS settled columns and a vertex, it is finished (on a multiple of PART_ALIGN)
   * and joins `parts`.
   */
  update<P extends ColumnPoint>(
    columns: LossColumns<P>, s: number, changedFrom: number, lastColumn: number, y: (value: number) => number,
  ): string {
    if (columns.level < this.level || (columns.level === this.level && changedFrom < this.settledTo)) this.reset();
    if (columns.level !== this.level) this.moveToLevel(columns, s, y);
    this.rewriteFinerParts(columns, s, y);
    while (this.settledTo < lastColumn) {
      const openFrom = this.openStart / columns.width;
      const finishAt = alignUp(Math.max(openFrom + PART_COLUMNS, this.settledTo + 1), PART_ALIGN);
      const to = Math.min(lastColumn, finishAt);
      const added = columns.pathText(s, this.settledTo, to, y, this.openText !== '');
      if (added) this.openHasVertex = true;
      this.openText += added;
      this.settledTo = to;
      if (to === finishAt && this.openHasVertex) {
        this.parts = [...this.parts, { start: this.openStart, end: to * columns.width, level: columns.level, text: this.openText }];
        this.version++;
        this.openStart = to * columns.width;
        this.openText = columns.moveBefore(s, to, y);
        this.openHasVertex = false;
      }
    }
    return this.openText + columns.pathText(s, this.settledTo, columns.capacity, y, this.openText !== '') + columns.endText(s, y);
  }

  /**
   * Moves the open part to the columns of a new level. Its start must be a column boundary there: finished parts
   * that end off one are taken back into the open part (at worst all of them: 0 is on every level's boundaries).
   */
  private moveToLevel<P extends ColumnPoint>(columns: LossColumns<P>, s: number, y: (value: number) => number): void {
    this.level = columns.level;
    if (!Number.isInteger(this.openStart / columns.width)) {
      const parts = [...this.parts];
      while (parts.length > 0 && !Number.isInteger(parts[parts.length - 1].end / columns.width)) parts.pop();
      this.openStart = parts.length > 0 ? parts[parts.length - 1].end : 0;
      this.parts = parts;
      this.version++;
    }
    this.settledTo = this.openStart / columns.width;
    this.openText = columns.moveBefore(s, this.settledTo, y);
    this.openHasVertex = false;
  }

  /**
   * Rewrites up to REWRITES_PER_UPDATE runs of finished parts written at a finer level than the columns' from the
   * merged columns, oldest first. A run ends after at least PART_COLUMNS columns on a multiple of PART_ALIGN of
   * the current level where it can, else before a part already at the current level or at the open part (both
   * column boundaries).
   */
  private rewriteFinerParts<P extends ColumnPoint>(columns: LossColumns<P>, s: number, y: (value: number) => number): void {
    let first = this.parts.findIndex((part) => part.level < columns.level);
    if (first < 0) return;
    const parts = [...this.parts];
    for (let rewrites = 0; rewrites < REWRITES_PER_UPDATE && parts[first]?.level < columns.level; rewrites++, first++) {
      const from = parts[first].start / columns.width;
      let last = first;
      while (last + 1 < parts.length && parts[last + 1].level < columns.level) {
        const end = parts[last].end / columns.width;
        if (end % PART_ALIGN === 0 && end - from >= PART_COLUMNS) break;
        last++;
      }
      const { start } = parts[first];
      const { end } = parts[last];
      parts.splice(first, last - first + 1, { start, end, level: columns.level, text: columns.partText(s, from, end / columns.width, y) });
    }
    this.parts = parts;
    this.version++;
  }
}
