/**
 * The d3 drawing of the loss chart. It owns the SVG's children and redraws them from the latest history, with no
 * React re-rendering involved. A redraw costs what changed, not the length of the run: each series is drawn from
 * the extremes of its columns of epochs, fed only the points that arrived since the last redraw, in path space
 * (x the epoch, y a fixed function of the loss) under one transform that maps it onto the axes (see lossColumns.ts).
 * So when the x range grows a step or the y axis changes its range, only that transform and the axes are written,
 * and between those steps only the newest columns of each path. Each series is a row of path elements: finished
 * parts, written once, and the open part after them, the only one a redraw rewrites (all carry the series'
 * data-series; the open part is the last). SVG rather than canvas: measured in Chromium without a GPU, a canvas
 * redraw of the lines costs the main thread 2–3× more than updating the paths, whose rasterising happens off the
 * main thread.
 */
import * as d3 from 'd3';
import type { LossPoint } from '../../engine';
import type { LossHistory } from '../../state/history';
import { appendAxes, appendGrid, decadeTicks, setChangedAttribute } from '../charts/axes';
import type { ChartStyles } from '../charts/chartStyles';
import { innerSize, safeExtent, safeLogExtent, marginsFor, type Margins } from '../charts/scales';
import { LossColumns, PathSpace, SeriesPath, columnLevel, xRangeEnd, type PathPart } from './lossColumns';

export type LossScale = 'log' | 'linear';

/** The series drawn, in drawing order; `role` picks thin (train) or thick (validation) lines. */
export const LOSS_SERIES = [
  { id: 'trainPlain', model: 'plain', role: 'train', value: (p: LossPoint) => p.plain.train },
  { id: 'trainDropout', model: 'dropout', role: 'train', value: (p: LossPoint) => p.dropout.train },
  { id: 'trainDropoutOn', model: 'dropout', role: 'train-on', value: (p: LossPoint) => p.dropout.trainWithDropout },
  { id: 'valPlain', model: 'plain', role: 'val', value: (p: LossPoint) => p.plain.val },
  { id: 'valDropout', model: 'dropout', role: 'val', value: (p: LossPoint) => p.dropout.val },
] as const;

export type LossSeriesId = (typeof LOSS_SERIES)[number]['id'];

export interface LossChartView {
  history: LossHistory;
  scale: LossScale;
  showTrainWithDropout: boolean;
  /** Epoch under the hover/keyboard cursor, or null. */
  cursorEpoch: number | null;
  width: number;
  height: number;
  axisLabels: { x: string; y: string; yLog: string; best: string; gap: string };
}

const BASE_MARGIN: Margins = { top: 14, right: 56, bottom: 46, left: 62 };
/** Nearer than this to the plot's left or right end, a "lowest" label is not centred on its marker (half its width at most, in present mode). */
const LABEL_EDGE = 36;

/** Builds the static layers once; `draw` then only updates attributes. */
export function createLossChart(svgElement: SVGSVGElement, styles: ChartStyles) {
  const svg = d3.select(svgElement);
  svg.selectAll('*').remove();
  const grid = appendGrid(svg);
  const { xAxis, yAxis, xLabel, yLabel } = appendAxes(svg);
  const plot = svg.append('g').attr('class', 'plot');
  // The series live in path space; this group's transform maps it onto the axes. Their strokes keep their width
  // and dashes on screen whatever that transform's scale (an attribute, so an exported chart keeps it too).
  const seriesSpace = plot.append('g').attr('class', 'series-space');
  const paths = new Map<LossSeriesId, d3.Selection<SVGPathElement, unknown, null, undefined>>();
  for (const series of LOSS_SERIES) {
    paths.set(
      series.id,
      seriesSpace
        .append('path')
        .attr('class', `series model-${series.model} role-${series.role}`)
        .attr('data-series', series.id)
        .attr('vector-effect', 'non-scaling-stroke'),
    );
  }
  const bestLayer = plot.append('g').attr('class', 'best-markers');
  const gapLayer = plot.append('g').attr('class', 'gap-bracket');
  const cursorLayer = plot.append('g').attr('class', 'cursor').attr('data-export', 'skip');

  let x = d3.scaleLinear();
  const axisKeys = { x: '', y: '', labels: '', transform: '', best: '', gap: '', data: '' };
  /** The columns of every series, and the history they were fed from (its first point, to tell a new run). */
  let columns: LossColumns<LossPoint> | null = null;
  let fedFrom: LossPoint | null = null;
  /** The columns and the path space the series' paths were written from: when either changes, they start again. */
  let drawnColumns: LossColumns<LossPoint> | null = null;
  let space: PathSpace | null = null;
  const seriesPaths = LOSS_SERIES.map(() => new SeriesPath());
  /** The `d` last written to each series' open part ('' = none), so an unchanged path is not touched. */
  const writtenPaths: string[] = LOSS_SERIES.map(() => '');
  /** Each series' finished parts as path elements, and the SeriesPath version they were last matched to. */
  const partElements = LOSS_SERIES.map(() => new Map<PathPart, SVGPathElement>());
  const partVersions: number[] = LOSS_SERIES.map(() => -1);
  const values = LOSS_SERIES.map((series) => series.value);

  /** Brings the columns up to date with `points` for a plot `pixels` wide: only points newer than the last one fed are added. */
  function feed(points: readonly LossPoint[], pixels: number): void {
    const last = points[points.length - 1];
    if (!last) {
      columns = null;
      fedFrom = null;
      return;
    }
    const level = columnLevel(xRangeEnd(last.epoch), pixels);
    // A new run (the history starts anew), an older state, or a new size: start again from the history.
    if (!columns || fedFrom !== points[0] || columns.capacity !== pixels + 1 || last.epoch < columns.lastEpoch) {
      columns = new LossColumns(values, pixels + 1, level);
      fedFrom = points[0];
      for (const point of points) columns.add(point);
      return;
    }
    if (last.epoch === columns.lastEpoch) return;
    columns.raiseTo(level);
    // New points are at the end of the history (its thinning only ever touches the older half).
    let first = points.length;
    while (first > 0 && points[first - 1].epoch > columns.lastEpoch) first--;
    for (let i = first; i < points.length; i++) columns.add(points[i]);
  }

  function draw(view: LossChartView): void {
    const MARGIN = marginsFor(BASE_MARGIN, styles.fontSize(svgElement));
    const { points, bestPlain, bestDropout } = view.history;
    const { width, height } = innerSize(view.width, view.height, MARGIN);
    const viewBox = `0 0 ${view.width} ${view.height}`;
    setChangedAttribute(svgElement, 'viewBox', viewBox);
    const shown = LOSS_SERIES.filter((s) => s.id !== 'trainDropoutOn' || view.showTrainWithDropout);
    const last = points[points.length - 1];
    feed(points, Math.max(1, Math.round(width)));
    x = d3.scaleLinear().domain([0, xRangeEnd(last?.epoch ?? 0)]).range([MARGIN.left, MARGIN.left + width]);
    const [lowest, lowestPositive, highest] = columns
      ? columns.extent(shown.map((series) => LOSS_SERIES.indexOf(series)))
      : [Infinity, Infinity, -Infinity];
    const y =
      view.scale === 'log'
        ? d3.scaleLog().domain(safeLogExtent([lowestPositive, highest])).range([MARGIN.top + height, MARGIN.top]).nice()
        : d3.scaleLinear().domain([0, safeExtent([lowest, highest], [0, 1])[1]]).range([MARGIN.top + height, MARGIN.top]).nice();
    // On a log axis a zero loss cannot be placed; it is clamped to the bottom of the axis instead of vanishing.
    const yOf = (v: number) => (view.scale === 'log' ? y(Math.max(v, y.domain()[0])) : y(v));

    // Axes are rebuilt only when what they show changed: the x range grows in steps, the y range rarely.
    const xTicks = Math.max(2, Math.floor(width / 90));
    const yTicks = Math.max(3, Math.floor(height / 50));
    const xKey = `${x.domain()}|${x.range()}|${xTicks}|${MARGIN.top + height}`;
    if (xKey !== axisKeys.x) {
      axisKeys.x = xKey;
      // Thousands as "2k", "4k", but the origin as "0": d3 gives every tick the step's prefix, and "0k" reads oddly.
      const epochText = x.tickFormat(xTicks, '~s');
      const tickText = (epoch: number) => (epoch === 0 ? '0' : epochText(epoch));
      xAxis.draw(x, x.ticks(xTicks), tickText, MARGIN.top + height);
    }
    const yKey = `${view.scale}|${y.domain()}|${y.range()}|${yTicks}|${MARGIN.left}|${width}`;
    if (yKey !== axisKeys.y) {
      axisKeys.y = yKey;
      // A log axis labels only some of its ticks (its format gives the others ''); the grid has a line at each,
      // fainter between the decades.
      const ticks = y.ticks(yTicks);
      yAxis.draw(y, ticks, y.tickFormat(yTicks, view.scale === 'log' ? '~g' : '~r'), MARGIN.left);
      if (view.scale === 'log') {
        const { decades, between } = decadeTicks(ticks);
        grid.draw(y, decades, MARGIN.left, width, between);
      } else grid.draw(y, ticks, MARGIN.left, width);
    }
    const labelKey = `${MARGIN.left + width / 2}|${view.height}|${MARGIN.axisLabelX}|${MARGIN.top + height / 2}|${view.axisLabels.x}|${view.scale === 'log' ? view.axisLabels.yLog : view.axisLabels.y}`;
    if (labelKey !== axisKeys.labels) {
      axisKeys.labels = labelKey;
      xLabel.attr('x', MARGIN.left + width / 2).attr('y', view.height - 6).text(view.axisLabels.x);
      yLabel
        .attr('transform', `translate(${MARGIN.axisLabelX},${MARGIN.top + height / 2}) rotate(-90)`)
        .text(view.scale === 'log' ? view.axisLabels.yLog : view.axisLabels.y);
    }

    // The paths: a new x range or y range only moves path space (its transform); a new run, size or kind of y axis
    // writes them again. On a log axis a loss at or below 0 is drawn at the bottom, so then the bottom is part of
    // the space.
    const wanted =
      view.scale === 'log'
        ? new PathSpace('log', lowest <= 0 ? y.domain()[0] : 0)
        : space?.scale === 'linear' && drawnColumns === columns
          ? space
          : PathSpace.linear(y.domain()[1]);
    const rewrite = !space || wanted.key !== space.key || drawnColumns !== columns;
    // An equal space is kept, not replaced: the same object (and its y function) for as long as the paths are valid.
    const pathSpace = rewrite || !space ? wanted : space;
    space = pathSpace;
    drawnColumns = columns;
    const transform = pathSpace.transform(x, y);
    if (transform !== axisKeys.transform) {
      axisKeys.transform = transform;
      seriesSpace.attr('transform', transform);
    }
    const geometryKey = `${xKey}|${yKey}`;
    const changedFrom = columns?.takeChanged() ?? 0;
    const lastColumn = columns && last ? columns.columnOf(last.epoch) : 0;
    LOSS_SERIES.forEach((series, s) => {
      const visible = shown.includes(series);
      // A hidden series skips the columns' changes, so it starts again when shown.
      if (rewrite || !visible) seriesPaths[s].reset();
      const d = visible && columns ? seriesPaths[s].update(columns, s, changedFrom, lastColumn, pathSpace.y) : '';
      const path = paths.get(series.id)!;
      syncParts(s, path.node()!);
      if (d === writtenPaths[s]) return;
      writtenPaths[s] = d;
      path.attr('display', visible ? null : 'none').attr('d', d || null);
    });

    // The markers, the gap bracket and the data attributes are written only when they change. Before training
    // has moved (one point, epoch 0) the twins are the same network: a "lowest" marker per model and a gap of 0
    // would only pile three labels on one dot, so they appear with the second point.
    const annotated = points.length > 1;
    const bestKey = `${annotated}|${geometryKey}|${bestPlain?.epoch},${bestPlain?.val}|${bestDropout?.epoch},${bestDropout?.val}|${view.axisLabels.best}`;
    if (bestKey !== axisKeys.best) {
      axisKeys.best = bestKey;
      drawBest(annotated ? bestPlain : null, annotated ? bestDropout : null, yOf, MARGIN.top + height, view.axisLabels.best);
    }
    const gapKey = `${annotated}|${geometryKey}|${last?.epoch}|${view.axisLabels.gap}`;
    if (gapKey !== axisKeys.gap) {
      axisKeys.gap = gapKey;
      drawGap(annotated ? last : undefined, yOf, view.axisLabels.gap);
    }
    drawCursor(view, points, yOf, shown, MARGIN.top, height);
    const dataKey = `${points.length}|${last?.epoch}|${bestKey}`;
    if (dataKey === axisKeys.data) return;
    axisKeys.data = dataKey;
    svg
      .attr('data-points', points.length)
      .attr('data-epoch', last ? last.epoch : 0)
      .attr('data-val-plain', last ? last.plain.val : '')
      .attr('data-val-dropout', last ? last.dropout.val : '')
      .attr('data-best-plain', bestPlain ? bestPlain.val : '')
      .attr('data-best-dropout', bestDropout ? bestDropout.val : '');
  }

  /**
   * Makes series `s`'s finished parts into path elements before its open part, in epoch order: parts it no longer
   * has are removed, new ones added. A finished part is written once, so a redraw never touches it again.
   */
  function syncParts(s: number, openPath: SVGPathElement): void {
    const { parts, version } = seriesPaths[s];
    if (partVersions[s] === version) return;
    partVersions[s] = version;
    const elements = partElements[s];
    const kept = new Set(parts);
    for (const [part, element] of elements) {
      if (kept.has(part)) continue;
      element.remove();
      elements.delete(part);
    }
    let next: SVGPathElement = openPath;
    for (let i = parts.length - 1; i >= 0; i--) {
      let element = elements.get(parts[i]);
      if (!element) {
        element = openPath.cloneNode(false) as SVGPathElement;
        element.removeAttribute('display');
        element.setAttribute('d', parts[i].text);
        elements.set(parts[i], element);
      }
      if (element.nextSibling !== next) next.before(element);
      next = element;
    }
  }

  function drawBest(
    bestPlain: LossHistory['bestPlain'],
    bestDropout: LossHistory['bestDropout'],
    yOf: (v: number) => number,
    bottom: number,
    label: string,
  ): void {
    const best = [
      { model: 'plain', point: bestPlain, symbol: d3.symbolCircle },
      { model: 'dropout', point: bestDropout, symbol: d3.symbolDiamond },
    ].filter((b) => b.point !== null);
    const markers = bestLayer
      .selectAll<SVGGElement, (typeof best)[number]>('g.best')
      .data(best, (d) => d.model)
      .join((enter) => {
        const g = enter.append('g').attr('class', (d) => `best best-${d.model}`);
        g.append('line').attr('class', (d) => `best-drop model-${d.model}`);
        g.append('path').attr('class', (d) => `best-symbol fill-${d.model}`);
        g.append('text').attr('class', 'best-label');
        return g;
      });
    // The upper marker's label goes above it and the lower one's below, so that two minima at the same epoch and
    // about the same loss (a short run, where both are often at its last epoch) never stack their labels. Both y
    // axes put a higher loss higher up; without dropout is the upper one when they tie.
    const upperModel = best.length === 2 && best[1].point!.val > best[0].point!.val ? best[1].model : best[0]?.model;
    markers.each(function (d) {
      const g = d3.select(this);
      const px = x(d.point!.epoch);
      const py = yOf(d.point!.val);
      g.select('line').attr('x1', px).attr('x2', px).attr('y1', py).attr('y2', bottom);
      g.select('path').attr('d', d3.symbol(d.symbol, 90)()).attr('transform', `translate(${px},${py})`);
      // Centred on its marker, except near the plot's ends, where a centred label would cross the y axis (a
      // minimum in the first epochs, on a phone) or the gap bracket: there it starts or ends beside the marker.
      const [left, right] = x.range();
      const anchor = px - left < LABEL_EDGE ? 'start' : right - px < LABEL_EDGE ? 'end' : 'middle';
      g.select('text')
        .attr('x', anchor === 'start' ? px + 7 : anchor === 'end' ? px - 7 : px)
        .attr('y', d.model === upperModel ? py - 10 : py + 22)
        .attr('text-anchor', anchor)
        .text(label);
    });
  }

  function drawGap(last: LossPoint | undefined, yOf: (v: number) => number, label: string): void {
    const gap = last ? [{ a: yOf(last.plain.val), b: yOf(last.dropout.val), x: x(last.epoch) + 6 }] : [];
    gapLayer
      .selectAll<SVGGElement, (typeof gap)[number]>('g')
      .data(gap)
      .join((enter) => {
        const g = enter.append('g');
        g.append('path').attr('class', 'gap-line');
        g.append('text').attr('class', 'gap-label');
        return g;
      })
      .each(function (d) {
        const g = d3.select(this);
        g.select('path').attr('d', `M${d.x},${d.a}h5V${d.b}h-5`);
        g.select('text').attr('x', d.x + 9).attr('y', (d.a + d.b) / 2 + 4).text(label);
      });
  }

  function drawCursor(
    view: LossChartView,
    points: readonly LossPoint[],
    yOf: (v: number) => number,
    shown: readonly (typeof LOSS_SERIES)[number][],
    top: number,
    height: number,
  ): void {
    const point = view.cursorEpoch === null ? undefined : points.find((p) => p.epoch === view.cursorEpoch);
    const data = point ? [point] : [];
    const g = cursorLayer
      .selectAll<SVGGElement, LossPoint>('g')
      .data(data)
      .join((enter) => enter.append('g'));
    g.selectAll('line')
      .data((p) => [p])
      .join('line')
      .attr('class', 'cursor-line')
      .attr('x1', (p) => x(p.epoch))
      .attr('x2', (p) => x(p.epoch))
      .attr('y1', top)
      .attr('y2', top + height);
    g.selectAll('circle')
      .data((p) => shown.map((s) => ({ cx: x(p.epoch), cy: yOf(s.value(p)), model: s.model })))
      .join('circle')
      .attr('class', (d) => `cursor-dot fill-${d.model}`)
      .attr('r', 4)
      .attr('cx', (d) => d.cx)
      .attr('cy', (d) => d.cy);
  }

  /** The epoch nearest to a pointer x position (in SVG units), for hover. */
  function epochAt(svgX: number): number {
    return x.invert(svgX);
  }

  return { draw, epochAt };
}
