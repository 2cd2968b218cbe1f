import type { Selection } from 'd3';

/**
 * The axis groups and axis titles every chart of the lab has. Appended where the caller is in its layer order
 * (later elements are drawn on top), so each chart keeps its own shading below and its series above them.
 */
export function appendAxes(svg: Selection<SVGSVGElement, unknown, null, undefined>) {
  return {
    xAxis: svg.append('g').attr('class', 'axis axis-x'),
    yAxis: svg.append('g').attr('class', 'axis axis-y'),
    xLabel: svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle'),
    yLabel: svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle'),
  };
}

type Parent = Selection<SVGSVGElement, unknown, null, undefined> | Selection<SVGGElement, unknown, null, undefined>;

/**
 * A nested <svg> viewport that clips what is drawn in it to a rectangle of its parent (a plot area), in the
 * parent's own coordinates: what is drawn inside needs no offset. A viewport rather than a clipPath, so there is no
 * document-wide id to keep unique. Place it with `placeClipViewport`.
 */
export function appendClipViewport(parent: Parent) {
  return parent.append('svg').attr('class', 'plot-viewport');
}

/** Moves and sizes a clip viewport to the rectangle (x, y, width, height) of its parent's coordinates. */
export function placeClipViewport(
  viewport: ReturnType<typeof appendClipViewport>,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  viewport.attr('x', x).attr('y', y).attr('width', width).attr('height', height).attr('viewBox', `${x} ${y} ${width} ${height}`);
}
