import { describe, expect, it } from 'vitest';
import { layoutNetwork } from './layout';
import {
  EDGE_BUDGET, FILL_LEVELS, NEURON_MARKS, createNeuronLooks, edgeTexts, fillOpacity, neuronLooks, neuronMarkTexts, planEdges, planNeuronShapes, sampled,
  updateNeuronLooks, type NeuronLook,
} from './neuronStates';
import type { PassView } from '../../state/store';

const widths = [1, 6, 4, 1];
/** The line segments of an edge path text. */
const segments = (text: string) => (text.match(/L/g) ?? []).length;

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
    const texts = edgeTexts(planEdges(layout), looks, []);
    // Three small layer pairs, each a faded path then a live path.
    expect(texts).toHaveLength(6);
    const active = (look: NeuronLook) => look.state !== 'dropped' && look.state !== 'pending';
    for (let layer = 0; layer < 3; layer++) {
      const live = looks[layer].filter(active).length * looks[layer + 1].filter(active).length;
      const all = widths[layer] * widths[layer + 1];
      expect(segments(texts[2 * layer + 1])).toBe(live);
      expect(segments(texts[2 * layer])).toBe(all - live);
    }
    // A live edge of the first fan runs from the input to a kept unit of layer 1.
    const [x1, y1, x2, y2] = texts[1].match(/M([\d.-]+),([\d.-]+)L([\d.-]+),([\d.-]+)/)!.slice(1).map(Number);
    expect([x1, y1]).toEqual([layout.positions[0][0].x, layout.positions[0][0].y].map((v) => Math.round(v * 100) / 100));
    expect(layout.positions[1].some((p) => Math.abs(p.x - x2) < 0.01 && Math.abs(p.y - y2) < 0.01)).toBe(true);
  });

  it('in a sampled mesh leaves out the edges of dropped units instead of fading them', () => {
    const big = [1, 64, 64, 1];
    const layout = layoutNetwork(big, 1200, 460);
    const edges = planEdges(layout);
    const looks = createNeuronLooks(big);
    for (const layer of looks) for (const look of layer) look.state = 'kept';
    for (let i = 0; i < 64; i += 2) looks[1][i].state = 'dropped';
    const texts = edgeTexts(edges, looks, []);
    // 1→64 fan: faded (to the dropped units) + live; 64→64 mesh: live only, its faded path stays empty; 64→1 fan:
    // live only, since every unit of layer 2 is kept.
    expect(texts.map((text) => text.length > 0)).toEqual([true, true, false, true, false, true]);
    let liveFromOdd = 0;
    for (let k = 0; k < edges[1].from.length; k++) if (edges[1].from[k] % 2 === 1) liveFromOdd++;
    expect(segments(texts[3])).toBe(liveFromOdd);
  });
});

describe('drawing the neurons', () => {
  /** The circles and cross lines of a path text, by their commands: a circle is two arcs, a cross two lines. */
  const circles = (text: string) => (text.match(/a/g) ?? []).length / 2;
  const crossLines = (text: string) => (text.match(/L/g) ?? []).length;
  const mark = (role: 'io' | 'hidden', kind: string, level = 0) =>
    NEURON_MARKS.findIndex((m) => m.role === role && m.kind === kind && m.level === level);

  it('puts every neuron in the path of its role and look, and crosses out each dropped one', () => {
    const layout = layoutNetwork(widths, 600, 300);
    const looks = neuronLooks(widths, pass(), 'train');
    const texts = neuronMarkTexts(planNeuronShapes(layout), looks, []);
    expect(texts).toHaveLength(NEURON_MARKS.length);
    // Every neuron drawn once, and only in circle paths.
    const total = NEURON_MARKS.reduce((sum, m, i) => sum + (m.kind === 'cross' ? 0 : circles(texts[i])), 0);
    expect(total).toBe(widths.reduce((a, b) => a + b, 0));
    // Layer 1 drops units 1 and 4, layer 2 unit 0: three hollow circles and three crosses.
    expect(circles(texts[mark('hidden', 'dropped')])).toBe(3);
    expect(crossLines(texts[mark('hidden', 'cross')])).toBe(6);
    // The strongest unit of a layer is in the fullest fill step; a weaker one in a lighter step.
    const strongest = layout.positions[1][2];
    expect(texts[mark('hidden', 'fill', FILL_LEVELS - 1)]).toContain(`M${Math.round((strongest.x - layout.radius) * 100) / 100},`);
    const level = Math.round(looks[1][0].intensity * (FILL_LEVELS - 1));
    expect(level).toBeLessThan(FILL_LEVELS - 1);
    expect(circles(texts[mark('hidden', 'fill', level)])).toBeGreaterThanOrEqual(1);
    // The input and the output are drawn with the thicker outline of their own paths.
    expect(NEURON_MARKS.reduce((sum, m, i) => sum + (m.role === 'io' && m.kind !== 'cross' ? circles(texts[i]) : 0), 0)).toBe(2);
  });

  it('outlines units that no pass has reached with the dashed path only', () => {
    const layout = layoutNetwork(widths, 600, 300);
    const texts = neuronMarkTexts(planNeuronShapes(layout), neuronLooks(widths, null, 'train'), []);
    expect(circles(texts[mark('io', 'pending')]) + circles(texts[mark('hidden', 'pending')])).toBe(12);
    expect(texts.filter((text) => text !== '')).toHaveLength(2);
  });

  it('fills from 0.25 for the weakest step to 1 for the strongest', () => {
    expect(fillOpacity(0)).toBe(0.25);
    expect(fillOpacity(FILL_LEVELS - 1)).toBe(1);
    for (let level = 1; level < FILL_LEVELS; level++) expect(fillOpacity(level)).toBeGreaterThan(fillOpacity(level - 1));
  });
});
