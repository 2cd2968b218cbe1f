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
