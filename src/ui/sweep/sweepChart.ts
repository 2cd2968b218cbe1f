/**
 * The d3 drawing of the p-sweep: final validation loss against p, the mean over seeds as a line with markers,
 * the min–max spread as a band and whiskers, and the best p ringed.
 */
import * as d3 from 'd3';
import type { SweepPoint } from '../../state/sweep';
import { appendAxes, appendGrid } from '../charts/axes';
import type { ChartStyles } from '../charts/chartStyles';
import { innerSize, padExtent, safeExtent, marginsFor, type Margins } from '../charts/scales';

export interface SweepChartView {
  points: SweepPoint[];
  best: SweepPoint | null;
  width: number;
  height: number;
  labels: { x: string; y: string; best: string };
}

const BASE_MARGIN: Margins = { top: 16, right: 16, bottom: 46, left: 62 };

export function createSweepChart(svgElement: SVGSVGElement, styles: ChartStyles) {
  const svg = d3.select(svgElement);
  svg.selectAll('*').remove();
  const grid = appendGrid(svg);
  const { xAxis, yAxis, xLabel, yLabel } = appendAxes(svg);
  const band = svg.append('path').attr('class', 'sweep-band');
  const whiskers = svg.append('g').attr('class', 'sweep-whiskers');
  const line = svg.append('path').attr('class', 'series model-dropout sweep-line').attr('data-series', 'sweepMean');
  const dots = svg.append('g').attr('class', 'sweep-dots');
  const best = svg.append('g').attr('class', 'sweep-best');

  function draw(view: SweepChartView): void {
    const MARGIN = marginsFor(BASE_MARGIN, styles.fontSize(svgElement));
    const { width, height } = innerSize(view.width, view.height, MARGIN);
    svg.attr('viewBox', `0 0 ${view.width} ${view.height}`);
    const x = d3.scaleLinear().domain([-0.04, 0.84]).range([MARGIN.left, MARGIN.left + width]);
    const y = d3
      .scaleLinear()
      .domain(padExtent(safeExtent(view.points.flatMap((p) => [p.min, p.max]), [0, 0.5]), 0.1))
      .range([MARGIN.top + height, MARGIN.top])
      .nice();
    xAxis.draw(x, d3.range(0, 0.81, 0.1), d3.format('.1f'), MARGIN.top + height);
    const yTicks = Math.max(3, Math.floor(height / 50));
    const yValues = y.ticks(yTicks);
    yAxis.draw(y, yValues, y.tickFormat(yTicks, '~r'), MARGIN.left);
    grid.draw(y, yValues, MARGIN.left, width);
    xLabel.attr('x', MARGIN.left + width / 2).attr('y', view.height - 6).text(view.labels.x);
    yLabel.attr('transform', `translate(${MARGIN.axisLabelX},${MARGIN.top + height / 2}) rotate(-90)`).text(view.labels.y);

    const pts = view.points;
    band.attr('d', pts.length > 1 ? d3.area<SweepPoint>().x((d) => x(d.p)).y0((d) => y(d.min)).y1((d) => y(d.max))(pts) : null);
    line.attr('d', pts.length > 1 ? d3.line<SweepPoint>().x((d) => x(d.p)).y((d) => y(d.mean))(pts) : null);
    whiskers
      .selectAll('path')
      .data(pts)
      .join('path')
      .attr('d', (d) => `M${x(d.p) - 5},${y(d.min)}h10M${x(d.p)},${y(d.min)}V${y(d.max)}M${x(d.p) - 5},${y(d.max)}h10`);
    dots
      .selectAll('circle')
      .data(pts)
      .join('circle')
      .attr('r', 5)
      .attr('cx', (d) => x(d.p))
      .attr('cy', (d) => y(d.mean));
    const bestData = view.best ? [view.best] : [];
    best
      .selectAll('g')
      .data(bestData)
      .join((enter) => {
        const g = enter.append('g');
        g.append('circle').attr('r', 11);
        g.append('text').attr('text-anchor', 'middle');
        return g;
      })
      .each(function (d) {
        const g = d3.select(this);
        g.select('circle').attr('cx', x(d.p)).attr('cy', y(d.mean));
        g.select('text').attr('x', x(d.p)).attr('y', y(d.mean) + 28).text(view.labels.best);
      });
    svg.attr('data-points', pts.length).attr('data-best-p', view.best ? view.best.p : '');
  }

  return { draw };
}
