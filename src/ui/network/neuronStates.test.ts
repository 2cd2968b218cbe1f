import { describe, expect, it } from 'vitest';
import { layoutNetwork } from './layout';
import {
  EDGE_BUDGET, createNeuronLooks, drawEdges, neuronLooks, planEdges, sampled, updateNeuronLooks, type NeuronLook,
} from './neuronStates';
import type { PassView } from '../../state/store';

const widths = [1, 6, 4, 1];

/** A pass of a 1-6-4-1 network: unit i of each hidden layer dropped when mask[i] is 0. */
function pass(revealLayers = 4): PassView {
  return {
    epoch: 1,
    forwardPasses: 1,
    displaySample: 2,
    displayInput: Float32Array.of(0.5),
    masks: [Uint8Array.of(1, 0, 1, 1, 0, 1), Uint8Array.of(0, 1, 1, 1)],
    activations: [Float32Array.of(0.2, 0, -0.8, 0.4, 0, 0.1), Float32Array.of(0, 0.5, -1, 0.25)],
    evalActivations: [Float32Array.of(0.1, 0.3, -0.6, 0.2, 0.05, 0.1), Float32Array.of(0.2, 0.3, -0.5, 0.1)],
    output: 0.7,
    revealLayers,
  };
}

/** A canvas context that records the segments of each stroked path. */
function recordingContext() {
  const strokes: { alpha: number; segments: string[] }[] = [];
  let path: string[] = [];
  let from = '';
  const context = {
    globalAlpha: 1,
    strokeStyle: '',
    lineWidth: 1,
    clearRect() {},
    beginPath() {
      path = [];
    },
    moveTo(x: number, y: number) {
      from = `${Math.fround(x)},${Math.fround(y)}`;
    },
    lineTo(x: number, y: number) {
      path.push(`${from}>${Math.fround(x)},${Math.fround(y)}`);
    },
    stroke() {
      strokes.push({ alpha: context.globalAlpha, segments: path });
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, strokes };
}

describe('neuron looks', () => {
  it('marks dropped and kept units from the mask, and scales intensity by the layer’s largest value', () => {
    const looks = neuronLooks(widths, pass(), 'train');
    expect(looks[1].map((l) => l.state)).toEqual(['kept', 'dropped', 'kept', 'kept', 'dropped', 'kept']);
    expect(looks[2].map((l) => l.state)).toEqual(['dropped', 'kept', 'kept', 'kept']);
    expect(looks[1][2].intensity).toBe(1);
    expect(looks[1][0].intensity).toBeCloseTo(0.25, 6);
    expect(looks[0][0]).toMatchObject({ state: 'on', value: 0.5 });
    expect(looks[3][0].value).toBeCloseTo(0.7, 6);
  });

  it('shows layers a slow pass has not reached as pending, eval mode as all on, no pass as idle', () => {
    expect(neuronLooks(widths, pass(2), 'train')[2].every((l) => l.state === 'pending')).toBe(true);
    expect(neuronLooks(widths, pass(), 'eval').flat().every((l) => l.state === 'on')).toBe(true);
    expect(neuronLooks(widths, null, 'train').flat().every((l) => l.state === 'idle')).toBe(true);
  });

  it('updates the same objects in place, frame after frame, with the same result as fresh looks', () => {
    const looks = createNeuronLooks(widths);
    const objects = looks.flat();
    for (const [shown, view] of [[pass(), 'train'], [pass(2), 'train'], [null, 'train'], [pass(), 'eval']] as const) {
      const updated = updateNeuronLooks(looks, widths, shown, view);
      expect(updated).toBe(looks);
      expect(updated.flat().every((look, i) => look === objects[i])).toBe(true);
      expect(updated).toEqual(neuronLooks(widths, shown, view));
    }
  });
});

describe('edges', () => {
  it('plans each layer pair once, within the budget, with the same pairs the per-pair hash chooses', () => {
    const layout = layoutNetwork([1, 64, 64, 1], 1200, 460);
    const edges = planEdges(layout);
    expect(edges.map((bundle) => bundle.from.length)).toEqual([64, edges[1].from.length, 64]);
    expect(edges[1].from.length).toBeGreaterThan(EDGE_BUDGET * 0.85);
    expect(edges[1].from.length).toBeLessThan(EDGE_BUDGET * 1.15);
    expect(edges.map((bundle) => bundle.faded)).toEqual([true, false, true]);
    const fraction = EDGE_BUDGET / (64 * 64);
    let k = 0;
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) {
        if (!sampled(i, j, fraction)) continue;
        expect([edges[1].from[k], edges[1].to[k]]).toEqual([i, j]);
        expect(edges[1].ends[4 * k]).toBe(Math.fround(layout.positions[1][i].x));
        expect(edges[1].ends[4 * k + 3]).toBe(Math.fround(layout.positions[2][j].y));
        k++;
      }
    }
  });

  it('draws live edges between active units and faded ones (small fans only) touching a dropped unit', () => {
    const layout = layoutNetwork(widths, 600, 300);
    const looks = neuronLooks(widths, pass(), 'train');
    const { context, strokes } = recordingContext();
    drawEdges(context, layout, planEdges(layout), looks, { edge: '#000' }, 1);
    // Three small layer pairs, each drawn as a faded path then a live path.
    expect(strokes).toHaveLength(6);
    const active = (look: NeuronLook) => look.state !== 'dropped' && look.state !== 'pending';
    for (let layer = 0; layer < 3; layer++) {
      const live = looks[layer].filter(active).length * looks[layer + 1].filter(active).length;
      const all = widths[layer] * widths[layer + 1];
      expect(strokes[2 * layer + 1].segments).toHaveLength(live);
      expect(strokes[2 * layer].segments).toHaveLength(all - live);
      expect(strokes[2 * layer].alpha).toBeLessThan(strokes[2 * layer + 1].alpha);
    }
  });

  it('in a sampled mesh leaves out the edges of dropped units instead of fading them', () => {
    const big = [1, 64, 64, 1];
    const layout = layoutNetwork(big, 1200, 460);
    const edges = planEdges(layout);
    const looks = createNeuronLooks(big);
    for (const layer of looks) for (const look of layer) look.state = 'kept';
    for (let i = 0; i < 64; i += 2) looks[1][i].state = 'dropped';
    const { context, strokes } = recordingContext();
    drawEdges(context, layout, edges, looks, { edge: '#000' }, 1);
    // 1→64 fan: faded + live; 64→64 mesh: live only; 64→1 fan: faded + live.
    expect(strokes).toHaveLength(5);
    let liveFromOdd = 0;
    for (let k = 0; k < edges[1].from.length; k++) if (edges[1].from[k] % 2 === 1) liveFromOdd++;
    expect(strokes[2].segments).toHaveLength(liveFromOdd);
  });
});
