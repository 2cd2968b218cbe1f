import type { Selection } from 'd3';
import { svgCoord } from './scales';

/**
 * The charts' axes and grid lines. They look like d3's axisBottom/axisLeft (6 px ticks, labels 3 px beyond them,
 * lines on whole device pixels), but are drawn for a chart that redraws while a run trains: the loss chart's x range
 * grows in steps and its log y axis crosses decades. The fit and sweep charts use them too, so the lab has one axis.
 *
 * d3's axis writes a group, a line and a label for every tick on every call, and a log axis has up to nine ticks a
 * decade, most of them unlabelled. Measured at 4× CPU slowdown, a new range cost the loss chart 4–19 ms for its x
 * axis and 18 ms for its log y axis and grid (issue 13). Here all tick marks are one path, the grid is one path, and
 * only labelled ticks have elements: a label that stays (the same value) keeps its element, and is moved or
 * relabelled only when that changed. A redraw with nothing new writes nothing.
 */

export type AxisSide = 'bottom' | 'left';

/** A d3 continuous scale, as far as an axis needs it: where a value goes, and the range the axis line spans. */
export interface AxisScale {
  (value: number): number;
  range(): number[];
}

/** d3's default tick length (inner and outer) and the gap between a tick and its label. */
const TICK_SIZE = 6;
const TICK_PADDING = 3;

/**
 * The shift that puts a 1 px line on whole device pixels: half a pixel at a device pixel ratio of 1, none on a
 * denser screen (d3's axes do the same).
 */
function crispOffset(): number {
  return typeof window !== 'undefined' && window.devicePixelRatio > 1 ? 0 : 0.5;
}

/**
 * The path data of an axis line (with d3's outer ticks at its two ends) and of all its tick marks, in the axis
 * group's coordinates: the bottom axis runs along y = 0 with ticks downwards, the left axis along x = 0 with ticks
 * to the left. `positions` are the ticks' scale positions and `range` the scale's range; `offset` is added to both.
 */
export function axisPaths(
  side: AxisSide,
  positions: readonly number[],
  range: readonly number[],
  offset: number,
): { domain: string; marks: string } {
  const start = svgCoord(range[0] + offset);
  const end = svgCoord(range[range.length - 1] + offset);
  const line = svgCoord(offset);
  let marks = '';
  if (side === 'bottom') {
    for (const position of positions) marks += `M${svgCoord(position + offset)},0V${TICK_SIZE}`;
    return { domain: `M${start},${TICK_SIZE}V${line}H${end}V${TICK_SIZE}`, marks };
  }
  for (const position of positions) marks += `M0,${svgCoord(position + offset)}H${-TICK_SIZE}`;
  return { domain: `M${-TICK_SIZE},${start}H${line}V${end}H${-TICK_SIZE}`, marks };
}

/** Horizontal grid lines `length` long from x = 0, one at each of `positions` (y values) shifted by `offset`. */
export function gridPath(positions: readonly number[], length: number, offset: number): string {
  let d = '';
  for (const position of positions) d += `M0,${svgCoord(position + offset)}H${svgCoord(length)}`;
  return d;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Sets an attribute only when its value changes: an unchanged drawing costs the page no style or layout work. */
export function setChangedAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** One axis of a chart: its line, its tick marks and its labels, inside the group it was made on. */
export class ChartAxis {
  private readonly domain: SVGPathElement;
  private readonly marks: SVGPathElement;
  /** The label group of each labelled tick value, in value order as drawn last. */
  private labels = new Map<number, SVGGElement>();

  constructor(
    private readonly group: SVGGElement,
    private readonly side: AxisSide,
  ) {
    // The attributes d3 sets on an axis group: the chart's CSS overrides the font and the colours.
    group.setAttribute('fill', 'none');
    group.setAttribute('font-size', '10');
    group.setAttribute('font-family', 'sans-serif');
    group.setAttribute('text-anchor', side === 'left' ? 'end' : 'middle');
    this.domain = group.appendChild(document.createElementNS(SVG_NS, 'path'));
    this.domain.setAttribute('class', 'domain');
    this.domain.setAttribute('stroke', 'currentColor');
    this.marks = group.appendChild(document.createElementNS(SVG_NS, 'path'));
    this.marks.setAttribute('class', 'tick-marks');
    this.marks.setAttribute('stroke', 'currentColor');
  }

  /**
   * Draws ticks at `values` (placed by `scale`) with `format`'s labels ('' leaves a tick unlabelled), the axis
   * placed at `at`: the plot's bottom edge for a bottom axis, its left edge for a left one.
   */
  draw(scale: AxisScale, values: readonly number[], format: (value: number) => string, at: number): void {
    const { group, side } = this;
    setChangedAttribute(group, 'transform', side === 'bottom' ? `translate(0,${svgCoord(at)})` : `translate(${svgCoord(at)},0)`);
    const offset = crispOffset();
    const positions = values.map((value) => scale(value));
    const paths = axisPaths(side, positions, scale.range(), offset);
    setChangedAttribute(this.domain, 'd', paths.domain);
    setChangedAttribute(this.marks, 'd', paths.marks);

    const wanted = new Map<number, { text: string; at: string }>();
    values.forEach((value, i) => {
      const text = format(value);
      if (text && !wanted.has(value)) wanted.set(value, { text, at: svgCoord(positions[i] + offset) });
    });
    for (const [value, tick] of this.labels) if (!wanted.has(value)) tick.remove();
    const labels = new Map<number, SVGGElement>();
    let previous: Element = this.marks;
    for (const [value, { text, at }] of wanted) {
      const tick = this.labels.get(value) ?? this.makeLabel();
      setChangedAttribute(tick, 'transform', side === 'bottom' ? `translate(${at},0)` : `translate(0,${at})`);
      const label = tick.firstChild!;
      if (label.textContent !== text) label.textContent = text;
      // In value order, so the labels read in order (as d3 keeps them for anything reading them).
      if (previous.nextSibling !== tick) previous.after(tick);
      previous = tick;
      labels.set(value, tick);
    }
    this.labels = labels;
  }

  private makeLabel(): SVGGElement {
    const tick = document.createElementNS(SVG_NS, 'g');
    tick.setAttribute('class', 'tick');
    const label = tick.appendChild(document.createElementNS(SVG_NS, 'text'));
    label.setAttribute('fill', 'currentColor');
    const distance = String(TICK_SIZE + TICK_PADDING);
    if (this.side === 'bottom') {
      label.setAttribute('y', distance);
      label.setAttribute('dy', '0.71em');
    } else {
      label.setAttribute('x', `-${distance}`);
      label.setAttribute('dy', '0.32em');
    }
    return tick;
  }
}

/**
 * A log axis's ticks split into its decades (1, 0.1, 0.01…) and the lines between them (2…9 × a decade). A log
 * grid with all nine lines a decade at one weight reads as a dense band on a projector; drawn fainter, the lines
 * between decades still show the scale while the decades carry the eye.
 */
export function decadeTicks(values: readonly number[]): { decades: number[]; between: number[] } {
  const decades: number[] = [];
  const between: number[] = [];
  for (const value of values) {
    // Within rounding: d3's ticks are products like 3 × 0.001, whose log10 is not an exact integer.
    const exponent = Math.log10(value);
    (Math.abs(exponent - Math.round(exponent)) < 1e-9 ? decades : between).push(value);
  }
  return { decades, between };
}

/**
 * A chart's horizontal grid lines in the group it was made on: one path for the main lines, and one, drawn
 * fainter (`.grid-minor`), for the lines between them where the axis has any (a log axis's, see decadeTicks).
 */
export class ChartGrid {
  private readonly lines: SVGPathElement;
  private readonly minorLines: SVGPathElement;

  constructor(private readonly group: SVGGElement) {
    this.minorLines = group.appendChild(document.createElementNS(SVG_NS, 'path'));
    this.minorLines.setAttribute('class', 'grid-lines grid-minor');
    this.lines = group.appendChild(document.createElementNS(SVG_NS, 'path'));
    this.lines.setAttribute('class', 'grid-lines');
  }

  /** Lines at `values` (and fainter ones at `minor`) of the y `scale`, from the plot's left edge `left` across its `width`. */
  draw(scale: AxisScale, values: readonly number[], left: number, width: number, minor: readonly number[] = []): void {
    setChangedAttribute(this.group, 'transform', `translate(${svgCoord(left)},0)`);
    setChangedAttribute(this.lines, 'd', gridPath(values.map((value) => scale(value)), width, crispOffset()));
    setChangedAttribute(this.minorLines, 'd', gridPath(minor.map((value) => scale(value)), width, crispOffset()));
  }
}

type Parent = Selection<SVGSVGElement, unknown, null, undefined> | Selection<SVGGElement, unknown, null, undefined>;

/** A grid layer, appended where the caller is in its layer order (below the series). */
export function appendGrid(parent: Parent): ChartGrid {
  return new ChartGrid(parent.append('g').attr('class', 'grid').node()!);
}

/**
 * The axes and axis titles every chart of the lab has. Appended where the caller is in its layer order
 * (later elements are drawn on top), so each chart keeps its own shading below and its series above them.
 */
export function appendAxes(svg: Selection<SVGSVGElement, unknown, null, undefined>) {
  return {
    xAxis: new ChartAxis(svg.append('g').attr('class', 'axis axis-x').node()!, 'bottom'),
    yAxis: new ChartAxis(svg.append('g').attr('class', 'axis axis-y').node()!, 'left'),
    xLabel: svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle'),
    yLabel: svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle'),
  };
}

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
