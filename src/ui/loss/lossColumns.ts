/**
 * What the loss chart draws of a history of any length: for each series, the lowest and the highest point of
 * every pixel column of the x range. A column's extremes are all a line drawn at that width can show (spikes
 * included), so the path has at most two vertices per column however long the run. Points are added as they
 * arrive (only the newest columns change), the SVG path text of the columns that no longer change is kept, and
 * each redraw writes only the text of what changed. No DOM: unit-tested in Node (lossColumns.test.ts).
 */
import { svgCoord } from '../charts/scales';

/**
 * The x range ends at the next of these steps (× a power of ten) at or after the last epoch, so the axis and every
 * settled column stay put while a run grows, and at most a quarter of the plot is empty on the right.
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
 * The columns of every series over the x range [0, end]. `add` takes points in epoch order; `growTo` moves to a
 * longer range by placing the old columns' extremes into the new, wider columns (exact, since an extreme of a
 * wider column is an extreme of one of the narrower ones it covers, up to a column that straddles two).
 */
export class LossColumns<P extends ColumnPoint> {
  private series: SeriesColumns[];
  /** Epoch of the last point added (−Infinity before the first). */
  lastEpoch = -Infinity;
  /** The lowest column changed since `takeChanged` was last called (Infinity when none). */
  private changedFrom = Infinity;

  constructor(
    readonly values: readonly ((point: P) => number)[],
    readonly columns: number,
    public end: number,
  ) {
    this.series = values.map(() => emptySeries(columns));
  }

  columnOf(epoch: number): number {
    return Math.max(0, Math.min(this.columns - 1, Math.floor((epoch / this.end) * this.columns)));
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

  /** Re-bins into the range [0, end] (end ≥ the current end); every column may change. */
  growTo(end: number): void {
    if (end === this.end) return;
    const old = this.series;
    this.end = end;
    this.series = old.map((previous) => {
      const next = emptySeries(this.columns);
      for (let c = 0; c < this.columns; c++) {
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
   * The path text of columns [from, to) of series `s`: each column's lowest and highest point in epoch order
   * (one vertex when they are the same point). `pen` says whether the path already has a point before `from`.
   */
  pathText(s: number, from: number, to: number, x: (epoch: number) => number, y: (value: number) => number, pen: boolean): string {
    const { loEpoch, loValue, hiEpoch, hiValue } = this.series[s];
    let d = '';
    for (let c = from; c < to; c++) {
      if (Number.isNaN(loValue[c])) continue;
      const loFirst = loEpoch[c] <= hiEpoch[c];
      const e1 = loFirst ? loEpoch[c] : hiEpoch[c];
      const v1 = loFirst ? loValue[c] : hiValue[c];
      d += `${pen ? 'L' : 'M'}${svgCoord(x(e1))},${svgCoord(y(v1))}`;
      pen = true;
      if (loEpoch[c] !== hiEpoch[c]) {
        const e2 = loFirst ? hiEpoch[c] : loEpoch[c];
        const v2 = loFirst ? hiValue[c] : loValue[c];
        d += `L${svgCoord(x(e2))},${svgCoord(y(v2))}`;
      }
    }
    return d;
  }

  /** The newest point of series `s` as a vertex, when it is not already one of its column's extremes. */
  endText(s: number, x: (epoch: number) => number, y: (value: number) => number): string {
    const { lastEpoch, lastValue, loEpoch, hiEpoch } = this.series[s];
    if (Number.isNaN(lastEpoch)) return '';
    const c = this.columnOf(lastEpoch);
    return loEpoch[c] === lastEpoch || hiEpoch[c] === lastEpoch ? '' : `L${svgCoord(x(lastEpoch))},${svgCoord(y(lastValue))}`;
  }
}

/**
 * Columns per finished part of a path. A redraw writes the text of at most this many columns plus the newest
 * one, and the browser re-reads, re-measures and repaints only that part: a path of the whole plot width, rewritten
 * every frame, was most of the loss chart's cost on a slow CPU (issue 13).
 */
export const PART_COLUMNS = 48;

/** The last vertex of a path text ("x,y"), where the next part starts. */
function lastVertex(text: string): string {
  return text.slice(Math.max(text.lastIndexOf('L'), text.lastIndexOf('M')) + 1);
}

/**
 * One series' path, in parts that stop changing: `parts` holds finished texts (each after the first starts with a
 * move to where the one before it ended, so together they are one line), and `text()` returns the open part, the
 * only one a redraw writes. Everything is rebuilt from the columns only when they changed before the settled ones
 * (the x range, the y scale or the size changed); `generation` counts those rebuilds, so a drawing can tell that
 * the parts it holds are stale.
 */
export class IncrementalPath {
  /** Finished part texts, oldest first; they change only by growing, until the next reset. */
  readonly parts: string[] = [];
  /** Increases at every reset: the parts were dropped. */
  generation = 0;
  /** The settled text of the open part. */
  private open = '';
  /** The first column of the open part. */
  private openFrom = 0;
  /** Columns [0, settledTo) are in `parts` and `open`. */
  private settledTo = 0;
  private pen = false;

  /** Forget everything (the x range, the y scale or the size changed). */
  reset(): void {
    this.parts.length = 0;
    this.generation++;
    this.open = '';
    this.openFrom = 0;
    this.settledTo = 0;
    this.pen = false;
  }

  /**
   * The open part's text, given that columns before `changedFrom` are as they were at the last call. The columns
   * up to the last one holding a point are settled once a later column holds one (new points only go to the
   * right); once the open part has PART_COLUMNS settled columns it is finished and moves to `parts`.
   */
  text<P extends ColumnPoint>(
    columns: LossColumns<P>, s: number, changedFrom: number, lastColumn: number,
    x: (epoch: number) => number, y: (value: number) => number,
  ): string {
    if (changedFrom < this.settledTo) this.reset();
    if (lastColumn > this.settledTo) {
      // Columns before the last one cannot change any more: append them to the settled text.
      const added = columns.pathText(s, this.settledTo, lastColumn, x, y, this.pen);
      if (added) this.pen = true;
      this.open += added;
      this.settledTo = lastColumn;
      if (this.settledTo - this.openFrom >= PART_COLUMNS && this.pen) {
        this.parts.push(this.open);
        this.open = `M${lastVertex(this.open)}`;
        this.openFrom = this.settledTo;
      }
    }
    return this.open + columns.pathText(s, this.settledTo, columns.columns, x, y, this.pen) + columns.endText(s, x, y);
  }
}
