/**
 * What each drawn neuron shows for one pass and view, and the edges between them, computed once per repaint and
 * shared by the drawing (a few SVG paths), the neurons' data attributes and the tooltip.
 */
import type { PassView } from '../../state/store';
import type { NetworkLayout } from './layout';
import { svgCoord, svgNumber } from '../charts/scales';

/**
 * kept/dropped: a hidden unit in the shown training pass. on: eval mode, or an input/output the pass reached.
 * pending: slow motion has not reached this layer yet. idle: no forward pass has happened yet.
 */
export type NeuronState = 'kept' | 'dropped' | 'on' | 'pending' | 'idle';

export interface NeuronLook {
  state: NeuronState;
  /** The value the tooltip reads; NaN when there is none. */
  value: number;
  /** 0…1: fill strength, by |value| relative to the layer's largest. */
  intensity: number;
}

/**
 * Fresh looks for every layer (input, hidden…, output), all idle: the objects the paint loop then fills in place
 * with `updateNeuronLooks`, once per frame, so repainting allocates nothing.
 */
export function createNeuronLooks(widths: readonly number[]): NeuronLook[][] {
  return widths.map((width) => Array.from({ length: width }, (): NeuronLook => ({ state: 'idle', value: NaN, intensity: 0 })));
}

/**
 * Writes what every neuron shows for `pass` in `view` into `looks` (made by createNeuronLooks for these widths)
 * and returns it. Called every frame while training runs: it only overwrites fields, so it creates no arrays,
 * objects or closures.
 */
export function updateNeuronLooks(
  looks: NeuronLook[][],
  widths: readonly number[],
  pass: PassView | null,
  view: 'train' | 'eval',
): NeuronLook[][] {
  const last = widths.length - 1;
  for (let layer = 0; layer <= last; layer++) {
    const row = looks[layer];
    const reached = pass !== null && layer < pass.revealLayers;
    const hidden = layer > 0 && layer < last;
    const mask = pass && hidden ? pass.masks[layer - 1] : EMPTY_MASK;
    const activations = pass && hidden ? pass.activations[layer - 1] : EMPTY_VALUES;
    const evalActivations = pass && hidden ? pass.evalActivations[layer - 1] : EMPTY_VALUES;
    let largest = 0;
    for (let i = 0; i < widths[layer]; i++) {
      let state: NeuronState = view === 'eval' ? 'on' : pass === null ? 'idle' : reached ? 'on' : 'pending';
      let value = NO_VALUE[0];
      if (pass && layer === 0) value = at(pass.displayInput, i);
      else if (pass && layer === last) value = view === 'train' && reached ? pass.output : NO_VALUE[0];
      else if (pass && view === 'eval') value = at(evalActivations, i);
      else if (pass && reached) {
        value = at(activations, i);
        state = i < mask.length && mask[i] === 0 ? 'dropped' : 'kept';
      }
      const look = row[i];
      look.state = state;
      look.value = value;
      if (Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
    }
    for (let i = 0; i < widths[layer]; i++) {
      const look = row[i];
      look.intensity = Number.isFinite(look.value) && largest > 0 ? Math.abs(look.value) / largest : 0;
    }
  }
  return looks;
}

const EMPTY_MASK = new Uint8Array(0);
const EMPTY_VALUES = new Float32Array(0);
/**
 * "No value" (NaN), read from a typed array on purpose. Where a value is either a typed-array element or the
 * literal NaN (or an out-of-range read's `undefined`, as with `?? NaN`), V8's optimiser keeps it as a tagged
 * heap number and allocates one per neuron per frame (measured: 16 bytes each, 2 kB a frame for 64-64); when
 * every source is a typed-array read it stays an unboxed double and the loop allocates nothing.
 */
const NO_VALUE = Float64Array.of(NaN);

/** values[i], or NaN past the end (a missing layer or a short array never throws or shows a number). */
function at(values: Float32Array | undefined, i: number): number {
  return values !== undefined && i < values.length ? values[i] : NO_VALUE[0];
}

/** Looks for every layer of the network, newly allocated (tests and one-off callers; the paint loop reuses). */
export function neuronLooks(widths: readonly number[], pass: PassView | null, view: 'train' | 'eval'): NeuronLook[][] {
  return updateNeuronLooks(createNeuronLooks(widths), widths, pass, view);
}

function active(look: NeuronLook): boolean {
  return look.state !== 'dropped' && look.state !== 'pending';
}

/**
 * Most edges a layer pair draws. A 64 × 64 mesh (4,096 lines) or 128 × 128 (16,384) reads as texture anyway, and
 * drawing every line five times a second cost about a quarter of the main thread in software rendering; a
 * fixed sample of the pairs keeps the texture and the cost bounded. Fans from the input and into the output are
 * small and drawn whole.
 */
export const EDGE_BUDGET = 1200;

/** A fixed pseudo-random subset of the (i, j) pairs, the same on every repaint, so the texture never flickers. */
export function sampled(i: number, j: number, fraction: number): boolean {
  if (fraction >= 1) return true;
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return ((h ^ (h >>> 13)) >>> 0) / 0x100000000 < fraction;
}

/** The edges of one pair of adjacent layers that get drawn: unit indices and end points, in drawing order. */
export interface EdgeBundle {
  /** Index of the source unit (in the left layer) and of the target unit (in the right layer) of each edge. */
  from: Int32Array;
  to: Int32Array;
  /** x1, y1, x2, y2 of each edge, flat. */
  ends: Float32Array;
  /** Each edge as path text ("Mx1,y1Lx2,y2"), written once per layout: a picture only sorts them into live and faded. */
  segments: readonly string[];
  /** Line opacity of live edges: denser meshes get fainter lines so a block reads as texture, not a band. */
  alpha: number;
  /** Whether faded edges are drawn too (small fans only: in sampled meshes they are left out). */
  faded: boolean;
}

/**
 * Which edges a layout draws, chosen once per layout: hashing every (i, j) pair of a 64 × 64 mesh on every frame
 * was the bulk of the edge drawing's script time, and the choice only depends on the layer sizes.
 */
export function planEdges(layout: NetworkLayout): EdgeBundle[] {
  const bundles: EdgeBundle[] = [];
  for (let layer = 0; layer + 1 < layout.positions.length; layer++) {
    const sources = layout.positions[layer];
    const targets = layout.positions[layer + 1];
    const pairs = sources.length * targets.length;
    const fraction = Math.min(1, EDGE_BUDGET / pairs);
    let count = 0;
    for (let i = 0; i < sources.length; i++) for (let j = 0; j < targets.length; j++) if (sampled(i, j, fraction)) count++;
    const from = new Int32Array(count);
    const to = new Int32Array(count);
    const ends = new Float32Array(count * 4);
    let k = 0;
    for (let i = 0; i < sources.length; i++) {
      for (let j = 0; j < targets.length; j++) {
        if (!sampled(i, j, fraction)) continue;
        from[k] = i;
        to[k] = j;
        ends[4 * k] = sources[i].x;
        ends[4 * k + 1] = sources[i].y;
        ends[4 * k + 2] = targets[j].x;
        ends[4 * k + 3] = targets[j].y;
        k++;
      }
    }
    const segments = Array.from({ length: count }, (_, e) =>
      `M${svgCoord(ends[4 * e])},${svgCoord(ends[4 * e + 1])}L${svgCoord(ends[4 * e + 2])},${svgCoord(ends[4 * e + 3])}`);
    bundles.push({ from, to, ends, segments, alpha: Math.min(0.55, 5 / Math.sqrt(pairs * fraction)), faded: fraction >= 1 });
  }
  return bundles;
}

/*
 * The drawing is a few SVG paths, written as text: one per layer pair for the live edges and one for the faded
 * ones, and one per fill step and state for the neurons. Measured in Chromium without a GPU at 4× CPU slowdown
 * (issue 13): restyling ~130 neuron elements per picture cost the main thread style and layout work, and a canvas
 * is rasterised on the main thread when the frame is committed (20–30 ms a picture); a path's text is parsed once
 * and rasterised off the main thread.
 */

/**
 * The path texts of the planned connections, two per layer pair, written into `out` (reused between frames):
 * out[2·pair] holds the faded edges, out[2·pair + 1] the live ones. An edge fades when either end is dropped or
 * not reached yet; in the large meshes faded edges are left out entirely.
 */
export function edgeTexts(edges: readonly EdgeBundle[], looks: NeuronLook[][], out: string[]): string[] {
  out.length = 2 * edges.length;
  for (let layer = 0; layer < edges.length; layer++) {
    const { from, to, segments, faded } = edges[layer];
    const sources = looks[layer];
    const targets = looks[layer + 1];
    let live = '';
    let dim = '';
    for (let k = 0; k < from.length; k++) {
      const isLive = active(sources[from[k]]) && active(targets[to[k]]);
      if (!isLive && !faded) continue;
      if (isLive) live += segments[k];
      else dim += segments[k];
    }
    out[2 * layer] = dim;
    out[2 * layer + 1] = live;
  }
  return out;
}

/** The stroke opacity of a layer pair's faded (live = false) or live edge path. */
export function edgeOpacity(bundle: EdgeBundle, live: boolean): number {
  return svgNumber(live ? bundle.alpha : bundle.alpha * 0.12);
}

/** Steps of a live neuron's fill strength; each step is one path, so a repaint writes at most this many fills. */
export const FILL_LEVELS = 12;

/** A live neuron's fill opacity at fill step `level`: 0.25 for the weakest, 1 for the layer's strongest. */
export function fillOpacity(level: number): number {
  return svgNumber(0.25 + (0.75 * level) / (FILL_LEVELS - 1));
}

/** One path of the neuron drawing: which neurons it holds (inputs and the output, or hidden units) and how they look. */
export interface NeuronMark {
  /** `io`: the inputs and the output (a thicker outline); `hidden`: the hidden units. */
  role: 'io' | 'hidden';
  /** A fill step of live neurons, dropped neurons (hollow), neurons no pass reached (dashed), or the crosses of the dropped. */
  kind: 'fill' | 'dropped' | 'pending' | 'cross';
  /** The fill step (kind 'fill'); 0 otherwise. */
  level: number;
}

/**
 * Every path of the neuron drawing, in painting order (the crosses last, over the dropped circles). The diagram
 * makes one SVG path per entry, and neuronMarkTexts writes their texts in the same order.
 */
export const NEURON_MARKS: readonly NeuronMark[] = Object.freeze([
  ...(['io', 'hidden'] as const).flatMap((role): NeuronMark[] => [
    ...Array.from({ length: FILL_LEVELS }, (_, level): NeuronMark => ({ role, kind: 'fill', level })),
    { role, kind: 'dropped', level: 0 },
    { role, kind: 'pending', level: 0 },
  ]),
  { role: 'hidden', kind: 'cross', level: 0 },
]);

const MARKS_PER_ROLE = FILL_LEVELS + 2;
const CROSS_MARK = NEURON_MARKS.length - 1;

/** Index in NEURON_MARKS of the path that draws a neuron of `role` looking like `look`. */
function markIndex(role: 'io' | 'hidden', look: NeuronLook): number {
  const base = role === 'io' ? 0 : MARKS_PER_ROLE;
  if (look.state === 'dropped') return base + FILL_LEVELS;
  if (look.state === 'pending' || look.state === 'idle') return base + FILL_LEVELS + 1;
  return base + Math.round(look.intensity * (FILL_LEVELS - 1));
}

/** Each neuron's circle and cross as path text, by layer and unit: they depend on the layout only. */
export interface NeuronShapes {
  circles: readonly (readonly string[])[];
  crosses: readonly (readonly string[])[];
}

/**
 * The neurons' shapes of a layout, written once per layout (like planEdges): a picture only sorts them into the
 * paths of their looks, instead of writing the same coordinates again on every frame.
 */
export function planNeuronShapes(places: Pick<NetworkLayout, 'positions' | 'radius'>): NeuronShapes {
  const r = svgCoord(places.radius);
  const diameter = svgCoord(2 * places.radius);
  const arm = places.radius * 0.62;
  // A circle: two half arcs from its leftmost point.
  const arcs = `a${r},${r} 0 1,0 ${diameter},0a${r},${r} 0 1,0 -${diameter},0`;
  return {
    circles: places.positions.map((units) => units.map(({ x, y }) => `M${svgCoord(x - places.radius)},${svgCoord(y)}${arcs}`)),
    crosses: places.positions.map((units) =>
      units.map(({ x, y }) =>
        `M${svgCoord(x - arm)},${svgCoord(y - arm)}L${svgCoord(x + arm)},${svgCoord(y + arm)}` +
        `M${svgCoord(x + arm)},${svgCoord(y - arm)}L${svgCoord(x - arm)},${svgCoord(y + arm)}`),
    ),
  };
}

/**
 * The path texts of the neurons, one per NEURON_MARKS entry, written into `out` (reused between frames): each
 * neuron is a circle in the path of its role and look, and each dropped one also a cross in the crosses' path.
 */
export function neuronMarkTexts(shapes: NeuronShapes, looks: NeuronLook[][], out: string[]): string[] {
  out.length = NEURON_MARKS.length;
  out.fill('');
  const last = shapes.circles.length - 1;
  for (let layer = 0; layer <= last; layer++) {
    const circles = shapes.circles[layer];
    const role = layer === 0 || layer === last ? 'io' : 'hidden';
    for (let i = 0; i < circles.length; i++) {
      const look = looks[layer]?.[i];
      if (!look) continue;
      out[markIndex(role, look)] += circles[i];
      if (look.state === 'dropped') out[CROSS_MARK] += shapes.crosses[layer][i];
    }
  }
  return out;
}
