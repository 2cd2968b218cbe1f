/**
 * The d3 drawing of the 2-D classification fit: for each twin a small map of the predicted probability of
 * class 1 (shaded bands), its 0.5 decision contour, and the training points (class by shape and colour).
 */
import * as d3 from 'd3';
import type { DatasetForDisplay, FitPredictions } from '../../worker/protocol';
import { appendClipViewport, placeClipViewport } from '../charts/axes';
import { contourPath } from './contourPath';
import type { ChartStyles } from '../charts/chartStyles';

type Region = Extract<FitPredictions, { kind: 'region' }>;

export interface RegionView {
  dataset: DatasetForDisplay | null;
  fit: Region | null;
  width: number;
  titles: { plain: string; dropout: string };
}

const THRESHOLDS = d3.range(0.1, 1, 0.1);
const GUTTER = 16;
const TITLE = 26;

export function createRegionChart(svgElement: SVGSVGElement, styles: ChartStyles) {
  const svg = d3.select(svgElement);
  svg.selectAll('*').remove();
  const maps = (['plain', 'dropout'] as const).map((model) => {
    const g = svg.append('g').attr('class', `region-map region-${model}`).attr('data-model', model);
    const title = g.append('text').attr('class', 'region-title');
    const frame = g.append('rect').attr('class', 'region-frame');
    // Contours reach half a cell past the grid's outer centres: a viewport over the frame clips them to it.
    const viewport = appendClipViewport(g);
    return {
      viewport,
      model,
      g,
      title,
      frame,
      bands: viewport.append('g').attr('class', 'region-bands'),
      boundary: viewport.append('path').attr('class', `region-boundary model-${model}`),
      points: g.append('g').attr('class', 'region-points'),
    };
  });

  // Reading custom properties forces a style recalculation; the colours only change with the display mode.
  let colours: { key: string; colourA: string; colourB: string } | null = null;
  function classColours() {
    const key = styles.key(svgElement);
    if (colours?.key !== key) {
      const style = getComputedStyle(svgElement);
      colours = {
        key,
        colourA: style.getPropertyValue('--class-a').trim() || '#f0f0f0',
        colourB: style.getPropertyValue('--class-b').trim() || '#333333',
      };
    }
    return colours;
  }

  function draw(view: RegionView): void {
    const stacked = view.width < 480;
    const side = Math.max(120, Math.floor(stacked ? view.width : (view.width - GUTTER) / 2));
    const height = stacked ? 2 * (side + TITLE) + GUTTER : side + TITLE;
    svg.attr('viewBox', `0 0 ${view.width} ${height}`);
    const { colourA, colourB } = classColours();
    const shade = d3.interpolateRgb(colourA, colourB);
    const fit = view.fit;
    const ds = view.dataset?.task === 'classification' && view.dataset.inputSize === 2 ? view.dataset : null;

    maps.forEach((map, index) => {
      const left = stacked ? 0 : index * (side + GUTTER);
      const top = stacked ? index * (side + TITLE + GUTTER) : 0;
      map.g.attr('transform', `translate(${left},${top})`);
      map.title.attr('x', 0).attr('y', 18).text(view.titles[map.model]);
      map.frame.attr('x', 0).attr('y', TITLE).attr('width', side).attr('height', side).attr('fill', colourA);
      placeClipViewport(map.viewport, 0, TITLE, side, side);
      if (!fit) {
        map.bands.selectAll('path').remove();
        map.boundary.attr('d', null);
        map.points.selectAll('*').remove();
        return;
      }
      const values = Array.from(map.model === 'plain' ? fit.plain : fit.dropout, (v) => (Number.isFinite(v) ? v : 0.5));
      const n = fit.size;
      // Contour coordinates run over grid cells 0…n; cell centres sit at i + 0.5, i.e. at the grid's x and y values.
      const cell = side / (n - 1);
      const toX = (gx: number) => (gx - 0.5) * cell;
      const toY = (gy: number) => TITLE + (gy - 0.5) * cell;
      const contours = d3.contours().size([n, n]).thresholds(THRESHOLDS)(values);
      map.bands
        .selectAll('path')
        .data(contours)
        .join('path')
        .attr('d', (c) => contourPath(c.coordinates, toX, toY))
        .attr('fill', (c) => shade(c.value));
      // The decision boundary is the 0.5 band's edge, already traced above (0.1 + 4 × 0.1 is exactly 0.5).
      const half = contours.find((c) => c.value === 0.5) ?? d3.contours().size([n, n]).thresholds([0.5])(values)[0];
      map.boundary.attr('d', contourPath(half.coordinates, toX, toY));
      const sx = d3.scaleLinear().domain([fit.xMin, fit.xMax]).range([0, side]);
      const sy = d3.scaleLinear().domain([fit.yMax, fit.yMin]).range([TITLE, TITLE + side]);
      const pts = ds
        ? Array.from({ length: ds.trainY.length }, (_, i) => ({ x: ds.trainX[2 * i], y: ds.trainX[2 * i + 1], c: ds.trainY[i] >= 0.5 ? 1 : 0 }))
        : [];
      map.points
        .selectAll('path')
        .data(pts.filter((p) => p.x >= fit.xMin && p.x <= fit.xMax && p.y >= fit.yMin && p.y <= fit.yMax))
        .join('path')
        .attr('class', (p) => `region-point class-${p.c}`)
        .attr('d', (p) => d3.symbol(p.c === 1 ? d3.symbolTriangle : d3.symbolCircle, 38)())
        .attr('transform', (p) => `translate(${sx(p.x)},${sy(p.y)})`);
    });
    svg.attr('data-region-size', fit ? fit.size : 0).attr('data-train-points', ds ? ds.trainY.length : 0);
  }

  return { draw };
}
