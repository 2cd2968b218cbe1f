/**
 * The d3 drawing of the 1-D fit: noisy training and validation points, the true function, both twins'
 * eval-mode predictions and, when asked for, the MC-dropout mean with its ±2σ band.
 */
import * as d3 from 'd3';
import type { McBand } from '../../state/store';
import type { DatasetForDisplay, FitPredictions } from '../../worker/protocol';
import { appendAxes, appendClipViewport, placeClipViewport } from '../charts/axes';
import type { ChartStyles } from '../charts/chartStyles';
import { innerSize, padExtent, safeExtent, marginsFor, type Margins } from '../charts/scales';

export interface FitCurveView {
  dataset: DatasetForDisplay | null;
  fit: Extract<FitPredictions, { kind: 'curve' }> | null;
  mc: McBand | null;
  /** The x interval without training points (uncertainty preset), shaded so the eye finds it. */
  gap: readonly [number, number] | null;
  width: number;
  height: number;
  labels: { x: string; y: string; gap: string };
}

const BASE_MARGIN: Margins = { top: 12, right: 16, bottom: 46, left: 52 };

type Pt = { x: number; y: number };
/** One x of the MC-dropout band: mean ± 2σ. */
type Band = { x: number; lo: number; hi: number };

function toPoints(xs: Float32Array, ys: Float32Array): Pt[] {
  const n = Math.min(xs.length, ys.length);
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) out.push({ x: xs[i], y: ys[i] });
  return out;
}

export function createFitCurveChart(svgElement: SVGSVGElement, styles: ChartStyles) {
  const svg = d3.select(svgElement);
  svg.selectAll('*').remove();
  const gapRect = svg.append('rect').attr('class', 'gap-shade');
  const gapText = svg.append('text').attr('class', 'gap-text').attr('text-anchor', 'middle');
  const { xAxis, yAxis, xLabel, yLabel } = appendAxes(svg);
  // The predictions and the band are drawn inside viewports over the plot, which clip them to it: a prediction
  // beyond the y range leaves the frame and comes back, instead of running along its edge as if the model
  // predicted a flat line there.
  const bandViewport = appendClipViewport(svg);
  const band = bandViewport.append('path').attr('class', 'mc-band').attr('data-series', 'mcBand');
  const valDots = svg.append('g').attr('class', 'val-points');
  const truth = svg.append('path').attr('class', 'series truth-line').attr('data-series', 'truth');
  const linesViewport = appendClipViewport(svg);
  const plain = linesViewport.append('path').attr('class', 'series model-plain').attr('data-series', 'plain');
  const dropout = linesViewport.append('path').attr('class', 'series model-dropout').attr('data-series', 'dropout');
  const mcMean = linesViewport.append('path').attr('class', 'series mc-mean').attr('data-series', 'mcMean');
  const trainDots = svg.append('g').attr('class', 'train-points');

  /**
   * What the frame-to-frame redraw keeps: the key of what the static parts (axes, labels, gap, data points, true
   * function) were drawn for, and the x scale and the clamped line and band they share with the predictions. Only
   * the predictions change with a snapshot; rewriting the 230 data marks and both axes on every frame cost a slow
   * CPU their style and layout invalidations each time.
   */
  let drawn: {
    key: string;
    dataset: DatasetForDisplay | null;
    line: d3.Line<Pt>;
    area: d3.Area<Band>;
  } | null = null;

  /** Draws the axes, labels, gap, data points and true function, and returns the scales' line and band makers. */
  function drawStatic(view: FitCurveView, key: string, MARGIN: ReturnType<typeof marginsFor>, width: number, height: number) {
    const ds = view.dataset?.task === 'regression' ? view.dataset : null;
    const gap = view.gap;
    svg.attr('viewBox', `0 0 ${view.width} ${view.height}`);
    const train = ds ? toPoints(ds.trainX, ds.trainY) : [];
    const val = ds ? toPoints(ds.valX, ds.valY) : [];
    const truthPts = ds?.truth ? toPoints(ds.truth.xs, ds.truth.ys) : [];
    const xs = [...train, ...val, ...truthPts].map((p) => p.x);
    // The y range follows the data, not the predictions: a wild prediction is clipped instead of squashing the data.
    const x = d3.scaleLinear().domain(safeExtent(xs, [-3, 3])).range([MARGIN.left, MARGIN.left + width]);
    const y = d3
      .scaleLinear()
      .domain(padExtent(safeExtent([...train, ...val, ...truthPts].map((p) => p.y), [-1.5, 1.5]), 0.12))
      .range([MARGIN.top + height, MARGIN.top])
      .nice();
    // Predictions are clipped by their viewport; held within a plot height of it, a wild one still crosses the
    // frame at its own slope, and no coordinate grows without bound. (The data points need no such care: the
    // ranges are made from them.)
    const clampY = (v: number) => Math.min(MARGIN.top + 2 * height, Math.max(MARGIN.top - height, y(v)));
    const line = d3.line<Pt>().x((p) => x(p.x)).y((p) => clampY(p.y));
    const area = d3.area<Band>().x((d) => x(d.x)).y0((d) => clampY(d.lo)).y1((d) => clampY(d.hi));
    for (const viewport of [bandViewport, linesViewport]) placeClipViewport(viewport, MARGIN.left, MARGIN.top, width, height);

    const xTicks = Math.max(3, Math.floor(width / 80));
    const yTicks = Math.max(3, Math.floor(height / 50));
    xAxis.draw(x, x.ticks(xTicks), x.tickFormat(xTicks), MARGIN.top + height);
    yAxis.draw(y, y.ticks(yTicks), y.tickFormat(yTicks), MARGIN.left);
    xLabel.attr('x', MARGIN.left + width / 2).attr('y', view.height - 6).text(view.labels.x);
    yLabel.attr('transform', `translate(${MARGIN.axisLabelX},${MARGIN.top + height / 2}) rotate(-90)`).text(view.labels.y);

    gapRect
      .attr('display', gap ? null : 'none')
      .attr('x', gap ? x(gap[0]) : 0)
      .attr('width', gap ? Math.max(0, x(gap[1]) - x(gap[0])) : 0)
      .attr('y', MARGIN.top)
      .attr('height', height);
    gapText
      .attr('display', gap ? null : 'none')
      .attr('x', gap ? (x(gap[0]) + x(gap[1])) / 2 : 0)
      .attr('y', MARGIN.top + 16)
      .text(view.labels.gap);

    truth.attr('d', truthPts.length ? line(truthPts) : null);
    valDots
      .selectAll('circle')
      .data(val)
      .join('circle')
      .attr('r', 2.5)
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => y(p.y));
    // Training points are filled squares, validation points small hollow circles: shape, not only colour.
    trainDots
      .selectAll('rect')
      .data(train)
      .join('rect')
      .attr('width', 8)
      .attr('height', 8)
      .attr('x', (p) => x(p.x) - 4)
      .attr('y', (p) => y(p.y) - 4);
    svg.attr('data-train-points', train.length);
    return { key, dataset: view.dataset, line, area };
  }

  function draw(view: FitCurveView): void {
    const MARGIN = marginsFor(BASE_MARGIN, styles.fontSize(svgElement));
    const { width, height } = innerSize(view.width, view.height, MARGIN);
    const key = [view.width, view.height, MARGIN.left, MARGIN.bottom, MARGIN.axisLabelX, view.labels.x, view.labels.y, view.labels.gap, view.gap?.join(',') ?? ''].join('|');
    if (drawn === null || drawn.key !== key || drawn.dataset !== view.dataset) drawn = drawStatic(view, key, MARGIN, width, height);
    const { line, area } = drawn;

    const plainPts = view.fit ? toPoints(view.fit.xs, view.fit.plain) : [];
    const dropoutPts = view.fit ? toPoints(view.fit.xs, view.fit.dropout) : [];
    const mc = view.mc && view.mc.xs.length === view.mc.mean.length ? view.mc : null;
    const mcPts = mc ? toPoints(mc.xs, mc.mean) : [];
    const bandPts: Band[] = mc
      ? Array.from(mc.xs, (x, i) => ({ x, lo: mc.mean[i] - 2 * mc.std[i], hi: mc.mean[i] + 2 * mc.std[i] })).filter(
          (d) => Number.isFinite(d.x) && Number.isFinite(d.lo) && Number.isFinite(d.hi),
        )
      : [];
    plain.attr('d', plainPts.length ? line(plainPts) : null);
    dropout.attr('d', dropoutPts.length ? line(dropoutPts) : null);
    mcMean.attr('d', mcPts.length ? line(mcPts) : null);
    band.attr('d', bandPts.length ? area(bandPts) : null);

    svg
      .attr('data-plain-points', plainPts.length)
      .attr('data-dropout-points', dropoutPts.length)
      .attr('data-mc-points', bandPts.length);
  }

  return { draw };
}
