/**
 * What each drawn neuron shows for one pass and view, and the edges between them, computed once per repaint and
 * shared by the SVG neurons, the canvas edges and the tooltip.
 */
import type { PassView } from '../../state/store';
import type { NetworkLayout } from './layout';

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

/** Looks for every layer (input, hidden…, output) of the network. */
export function neuronLooks(widths: readonly number[], pass: PassView | null, view: 'train' | 'eval'): NeuronLook[][] {
  const last = widths.length - 1;
  return widths.map((width, layer) => {
    const reached = pass !== null && layer < pass.revealLayers;
    const values: number[] = [];
    const states: NeuronState[] = [];
    for (let i = 0; i < width; i++) {
      let state: NeuronState = view === 'eval' ? 'on' : pass === null ? 'idle' : reached ? 'on' : 'pending';
      let value = NaN;
      if (pass && layer === 0) value = pass.displayInput[i] ?? NaN;
      else if (pass && layer === last) value = view === 'train' && reached ? pass.output : NaN;
      else if (pass && view === 'eval') value = pass.evalActivations[layer - 1]?.[i] ?? NaN;
      else if (pass && reached) {
        value = pass.activations[layer - 1]?.[i] ?? NaN;
        state = pass.masks[layer - 1]?.[i] === 0 ? 'dropped' : 'kept';
      }
      values.push(value);
      states.push(state);
    }
    let largest = 0;
    for (const v of values) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
    return values.map((value, i) => ({
      state: states[i],
      value,
      intensity: Number.isFinite(value) && largest > 0 ? Math.abs(value) / largest : 0,
    }));
  });
}

function active(look: NeuronLook): boolean {
  return look.state !== 'dropped' && look.state !== 'pending';
}

export interface EdgeColours {
  edge: string;
}

/**
 * Most edges a layer pair draws. A 64 × 64 mesh (4,096 lines) or 128 × 128 (16,384) reads as texture anyway, and
 * rasterising every line five times a second cost about a quarter of the main thread in software rendering; a
 * fixed sample of the pairs keeps the texture and the cost bounded. Fans from the input and into the output are
 * small and drawn whole.
 */
export const EDGE_BUDGET = 1200;

/** A fixed pseudo-random subset of the (i, j) pairs, the same on every repaint, so the texture never flickers. */
function sampled(i: number, j: number, fraction: number): boolean {
  if (fraction >= 1) return true;
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return ((h ^ (h >>> 13)) >>> 0) / 0x100000000 < fraction;
}

/**
 * Draws the connections between adjacent layers in two batched paths per layer pair (live, faded). An edge fades
 * when either end is dropped or not reached yet; in the large meshes faded edges are left out entirely.
 */
export function drawEdges(
  context: CanvasRenderingContext2D,
  layout: NetworkLayout,
  looks: NeuronLook[][],
  colours: EdgeColours,
  lineScale: number,
): void {
  context.clearRect(0, 0, layout.width, layout.height);
  context.strokeStyle = colours.edge;
  context.lineWidth = lineScale;
  for (let layer = 0; layer + 1 < layout.positions.length; layer++) {
    const from = layout.positions[layer];
    const to = layout.positions[layer + 1];
    const pairs = from.length * to.length;
    const fraction = Math.min(1, EDGE_BUDGET / pairs);
    const drawn = pairs * fraction;
    // Denser meshes get fainter lines so a block of edges reads as texture, not as a solid band.
    const alpha = Math.min(0.55, 5 / Math.sqrt(drawn));
    const passes = fraction < 1 ? [true] : [false, true];
    for (const live of passes) {
      context.globalAlpha = live ? alpha : alpha * 0.12;
      context.beginPath();
      for (let i = 0; i < from.length; i++) {
        const sourceLive = active(looks[layer][i]);
        for (let j = 0; j < to.length; j++) {
          if ((sourceLive && active(looks[layer + 1][j])) !== live || !sampled(i, j, fraction)) continue;
          context.moveTo(from[i].x, from[i].y);
          context.lineTo(to[j].x, to[j].y);
        }
      }
      context.stroke();
    }
  }
  context.globalAlpha = 1;
}
