/**
 * Domain guards shared by the d3 charts: whatever the data (empty, one point, NaN, zeros on a log axis), an
 * axis always receives a finite, non-empty domain, so no NaN ever reaches an SVG attribute.
 */

/** A number for an SVG attribute (an opacity, a radius), to two decimals: finer than an eye can tell, and short text. */
export function svgNumber(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * A path coordinate as text, to a tenth of a pixel (finer than antialiasing shows). Built from two small integers:
 * turning a fraction into text is several times slower than an integer in V8, and the loss chart and the network
 * diagram write thousands of coordinates a frame (issue 13: 4-5x faster per vertex, measured in Node 20).
 */
export function svgCoord(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const tenths = Math.round(v * 10);
  const magnitude = tenths < 0 ? -tenths : tenths;
  const whole = Math.floor(magnitude / 10);
  const fraction = magnitude - whole * 10;
  const sign = tenths < 0 ? '-' : '';
  return fraction === 0 ? sign + whole : sign + whole + '.' + fraction;
}

/** Finite [min, max] of `values`, widened when flat; `fallback` when nothing finite is there. */
export function safeExtent(values: Iterable<number>, fallback: [number, number] = [0, 1]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return [...fallback];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return [min - pad, max + pad];
  }
  return [min, max];
}

/** Positive [min, max] for a log axis: non-positive values are skipped, flat data gets a factor-2 margin. */
export function safeLogExtent(values: Iterable<number>, fallback: [number, number] = [0.01, 1]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!(Number.isFinite(value) && value > 0)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return [...fallback];
  if (max / min < 1.5) return [min / 1.25, max * 1.25];
  return [min, max];
}

/** Adds a fraction of the span on both sides, so points and lines do not sit on the frame. */
export function padExtent([min, max]: [number, number], fraction = 0.05): [number, number] {
  const pad = (max - min) * fraction;
  return [min - pad, max + pad];
}

/** The index of the entry of sorted `xs` nearest to `x` (−1 when empty). */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  if (xs.length === 0 || !Number.isFinite(x)) return xs.length === 0 ? -1 : 0;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}

/** Loss values for reading aloud and for the table: 4 significant digits, plain notation for ordinary sizes. */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** Plot-area size of a chart from its outer size and margins, never negative. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function innerSize(width: number, height: number, margin: Margins): { width: number; height: number } {
  return { width: Math.max(10, width - margin.left - margin.right), height: Math.max(10, height - margin.top - margin.bottom) };
}

/**
 * Margins grown with the page's font size `fontSizePx` (present mode enlarges it, see ChartStyles), so the larger
 * tick labels of a projected chart still fit beside the plot.
 */
export function marginsFor(base: Margins, fontSizePx: number): Margins & { axisLabelX: number } {
  const scale = Number.isFinite(fontSizePx) && fontSizePx > 16 ? fontSizePx / 16 : 1;
  return {
    top: base.top,
    right: base.right,
    bottom: Math.round(base.bottom * scale),
    // Tick labels grow with the font and the rotated axis title needs its own room beside them.
    left: Math.round(base.left * scale + (scale - 1) * 40),
    axisLabelX: Math.round(16 * scale),
  };
}
