/**
 * The d3 drawing of the loss chart. It owns the SVG's children and redraws them from the latest history, so a
 * growing run costs one path update per series per animation frame, with no React re-rendering involved.
 */
import * as d3 from 'd3';
import type { LossPoint } from '../../engine';
import type { LossHistory } from '../../state/history';
import { appendAxes } from '../charts/axes';
import { innerSize, safeExtent, safeLogExtent, marginsFor, type Margins } from '../charts/scales';

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

/** Builds the static layers once; `draw` then only updates attributes. */
export function createLossChart(svgElement: SVGSVGElement) {
  const svg = d3.select(svgElement);
  svg.selectAll('*').remove();
  const grid = svg.append('g').attr('class', 'grid');
  const { xAxis, yAxis, xLabel, yLabel } = appendAxes(svg);
  const plot = svg.append('g').attr('class', 'plot');
  const paths = new Map<LossSeriesId, d3.Selection<SVGPathElement, unknown, null, undefined>>();
  for (const series of LOSS_SERIES) {
    paths.set(
      series.id,
      plot.append('path').attr('class', `series model-${series.model} role-${series.role}`).attr('data-series', series.id),
    );
  }
  const bestLayer = plot.append('g').attr('class', 'best-markers');
  const gapLayer = plot.append('g').attr('class', 'gap-bracket');
  const cursorLayer = plot.append('g').attr('class', 'cursor').attr('data-export', 'skip');

  let x = d3.scaleLinear();
  const axisKeys = { x: '', y: '', labels: '' };

  function draw(view: LossChartView): void {
    const MARGIN = marginsFor(svgElement, BASE_MARGIN);
    const { points, bestPlain, bestDropout } = view.history;
    const { width, height } = innerSize(view.width, view.height, MARGIN);
    const viewBox = `0 0 ${view.width} ${view.height}`;
    if (svgElement.getAttribute('viewBox') !== viewBox) svg.attr('viewBox', viewBox);
    const shown = LOSS_SERIES.filter((s) => s.id !== 'trainDropoutOn' || view.showTrainWithDropout);
    const lastEpoch = points.length > 0 ? points[points.length - 1].epoch : 0;
    x = d3.scaleLinear().domain([0, Math.max(10, lastEpoch)]).range([MARGIN.left, MARGIN.left + width]);
    const [lowest, lowestPositive, highest] = valueRange(points, shown);
    const y =
      view.scale === 'log'
        ? d3.scaleLog().domain(safeLogExtent([lowestPositive, highest])).range([MARGIN.top + height, MARGIN.top]).nice()
        : d3.scaleLinear().domain([0, safeExtent([lowest, highest], [0, 1])[1]]).range([MARGIN.top + height, MARGIN.top]).nice();
    // On a log axis a zero loss cannot be placed; it is clamped to the bottom of the axis instead of vanishing.
    const yOf = (v: number) => (view.scale === 'log' ? y(Math.max(v, y.domain()[0])) : y(v));

    // Axes are rebuilt only when what they show changed (the y axis rarely does while points arrive).
    const xTicks = Math.max(2, Math.floor(width / 90));
    const yTicks = Math.max(3, Math.floor(height / 50));
    const xKey = `${x.domain()}|${x.range()}|${xTicks}|${MARGIN.top + height}`;
    if (xKey !== axisKeys.x) {
      axisKeys.x = xKey;
      xAxis.attr('transform', `translate(0,${MARGIN.top + height})`).call(d3.axisBottom(x).ticks(xTicks, '~s'));
    }
    const yKey = `${view.scale}|${y.domain()}|${y.range()}|${yTicks}|${MARGIN.left}|${width}`;
    if (yKey !== axisKeys.y) {
      axisKeys.y = yKey;
      const yFormat = view.scale === 'log' ? d3.format('~g') : d3.format('~r');
      yAxis.attr('transform', `translate(${MARGIN.left},0)`).call(d3.axisLeft(y).ticks(yTicks, yFormat));
      grid.attr('transform', `translate(${MARGIN.left},0)`).call(d3.axisLeft(y).ticks(yTicks).tickSize(-width).tickFormat(() => ''));
    }
    const labelKey = `${MARGIN.left + width / 2}|${view.height}|${MARGIN.axisLabelX}|${MARGIN.top + height / 2}|${view.axisLabels.x}|${view.scale === 'log' ? view.axisLabels.yLog : view.axisLabels.y}`;
    if (labelKey !== axisKeys.labels) {
      axisKeys.labels = labelKey;
      xLabel.attr('x', MARGIN.left + width / 2).attr('y', view.height - 6).text(view.axisLabels.x);
      yLabel
        .attr('transform', `translate(${MARGIN.axisLabelX},${MARGIN.top + height / 2}) rotate(-90)`)
        .text(view.scale === 'log' ? view.axisLabels.yLog : view.axisLabels.y);
    }

    for (const series of LOSS_SERIES) {
      const path = paths.get(series.id)!;
      const visible = shown.includes(series);
      path.attr('display', visible ? null : 'none').attr('d', visible && points.length > 0 ? linePath(points, series.value, x, yOf) : null);
    }

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
    markers.each(function (d) {
      const g = d3.select(this);
      const px = x(d.point!.epoch);
      const py = yOf(d.point!.val);
      g.select('line').attr('x1', px).attr('x2', px).attr('y1', py).attr('y2', MARGIN.top + height);
      g.select('path').attr('d', d3.symbol(d.symbol, 90)()).attr('transform', `translate(${px},${py})`);
      g.select('text')
        .attr('x', px)
        .attr('y', d.model === 'plain' ? py - 10 : py + 22)
        .attr('text-anchor', 'middle')
        .text(view.axisLabels.best);
    });

    const last = points[points.length - 1];
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
        g.select('text').attr('x', d.x + 9).attr('y', (d.a + d.b) / 2 + 4).text(view.axisLabels.gap);
      });

    drawCursor(view, points, yOf, shown, MARGIN.top, height);
    svg
      .attr('data-points', points.length)
      .attr('data-epoch', last ? last.epoch : 0)
      .attr('data-val-plain', last ? last.plain.val : '')
      .attr('data-val-dropout', last ? last.dropout.val : '')
      .attr('data-best-plain', bestPlain ? bestPlain.val : '')
      .attr('data-best-dropout', bestDropout ? bestDropout.val : '');
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

/** Lowest finite, lowest positive and highest finite value of the shown series (one pass, no arrays built). */
function valueRange(points: readonly LossPoint[], shown: readonly (typeof LOSS_SERIES)[number][]): [number, number, number] {
  let lowest = Infinity;
  let lowestPositive = Infinity;
  let highest = -Infinity;
  for (const series of shown) {
    for (const point of points) {
      const v = series.value(point);
      if (!Number.isFinite(v)) continue;
      if (v < lowest) lowest = v;
      if (v > 0 && v < lowestPositive) lowestPositive = v;
      if (v > highest) highest = v;
    }
  }
  return [lowest, lowestPositive, highest];
}

/** Width of the pixel columns a long series is thinned to: one vertex per pixel of plot width, on average. */
export const DECIMATE_COLUMN_PX = 2;

/**
 * The SVG path of one series. Up to one vertex per pixel of plot width: a longer history is thinned column by
 * column (DECIMATE_COLUMN_PX wide) to the lowest and highest point of each column, in order, so spikes and the
 * envelope stay exactly as a full drawing shows them while the path never has more vertices than pixels.
 */
export function linePath(
  points: readonly LossPoint[],
  value: (p: LossPoint) => number,
  x: (epoch: number) => number,
  y: (v: number) => number,
): string {
  const n = points.length;
  const first = x(points[0]?.epoch ?? 0);
  const last = x(points[n - 1]?.epoch ?? 0);
  const thin = n > Math.max(2, Math.abs(last - first));
  let d = '';
  let pen = false;
  const vertex = (px: number, py: number) => {
    d += `${pen ? 'L' : 'M'}${round(px)},${round(py)}`;
    pen = true;
  };
  let column = NaN;
  let lo = -1;
  let hi = -1;
  const flushColumn = () => {
    if (lo < 0) return;
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    vertex(x(points[a].epoch), y(value(points[a])));
    if (b !== a) vertex(x(points[b].epoch), y(value(points[b])));
    lo = hi = -1;
  };
  for (let i = 0; i < n; i++) {
    const v = value(points[i]);
    if (!Number.isFinite(v)) {
      // A gap, as d3.line().defined() draws it.
      flushColumn();
      pen = false;
      continue;
    }
    if (!thin || i === 0 || i === n - 1) {
      // The first and the last point are always drawn as they are: the line starts and ends where the data does.
      flushColumn();
      column = NaN;
      vertex(x(points[i].epoch), y(v));
      continue;
    }
    const c = Math.floor(x(points[i].epoch) / DECIMATE_COLUMN_PX);
    if (c !== column) {
      flushColumn();
      column = c;
    }
    if (lo < 0 || v < value(points[lo])) lo = i;
    if (hi < 0 || v > value(points[hi])) hi = i;
  }
  flushColumn();
  return d;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
