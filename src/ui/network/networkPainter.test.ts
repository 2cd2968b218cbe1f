/**
 * The diagram repaints when its picture changes and only then, so what `paint` reads and what `samePicture`
 * compares must be the same thing. These tests run the real paint loop on stand-in elements and fail when the
 * two drift apart: when the painter reads the store behind the picture's back, when the comparison misses a
 * field of the picture, or when the picture carries a field the painter never uses.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useStore, type AppState, type PassView } from '../../state/store';
import { loadLocale } from '../../i18n';
import { layoutNetwork } from './layout';
import { NEURON_MARKS } from './neuronStates';
import { createNetworkPainter, createPaintCache, samePicture, selectPicture, type DiagramElements, type Picture } from './networkPainter';

const widths = [1, 6, 4, 1];

function pass(forwardPasses = 1): PassView {
  return {
    epoch: 1,
    forwardPasses,
    displaySample: 2,
    displayInput: Float32Array.of(0.5),
    masks: [Uint8Array.of(1, 0, 1, 1, 0, 1), Uint8Array.of(0, 1, 1, 1)],
    activations: [Float32Array.of(0.2, 0, -0.8, 0.4, 0, 0.1), Float32Array.of(0, 0.5, -1, 0.25)],
    evalActivations: [Float32Array.of(0.1, 0.3, -0.6, 0.2, 0.05, 0.1), Float32Array.of(0.2, 0.3, -0.5, 0.1)],
    output: 0.7,
    revealLayers: 4,
  };
}

/** Stand-ins for the SVG, its neurons, its paths and the tooltip: enough DOM for the paint loop. */
function fakeElements(): DiagramElements {
  const neurons = widths.flatMap((width, layer) =>
    Array.from({ length: width }, (_, index) => ({
      dataset: { layer: String(layer), index: String(index), state: 'idle' } as Record<string, string>,
      setAttribute() {},
    })),
  );
  const path = () => ({ setAttribute() {}, removeAttribute() {} });
  const edges = Array.from({ length: 2 * (widths.length - 1) }, path);
  const marks = NEURON_MARKS.map(path);
  const svg = {
    dataset: {} as Record<string, string>,
    setAttribute() {},
    querySelectorAll: (selector: string) => (selector === 'g.neuron' ? neurons : selector.includes('data-edges') ? edges : marks),
    querySelector: (selector: string) => neurons.find((n) => selector.includes(`"${n.dataset.layer}"][data-index="${n.dataset.index}"`)),
  };
  const tip = { hidden: true, textContent: '', dataset: {}, style: {} };
  return { svg, box: {}, tip } as unknown as DiagramElements;
}

/** The picture, with a record of which of its fields were read. */
function tracked(picture: Picture): { picture: Picture; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(picture, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  return { picture: proxy, read };
}

const initial = useStore.getState();

beforeAll(async () => {
  await loadLocale('en');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  useStore.setState(initial, true);
});

describe('the network diagram’s picture', () => {
  it('is painted from the picture alone, and every field of the picture is used', () => {
    useStore.setState({ training: { ...initial.training, pass: pass() } });
    const picture = selectPicture(useStore.getState());
    // From here on, any read of the store outside the picture is a drift: the picture would go stale.
    vi.spyOn(useStore, 'getState').mockImplementation(() => {
      throw new Error('the network painter read the store outside selectPicture');
    });
    const layout = layoutNetwork(widths, 600, 360);
    const painter = createNetworkPainter(widths, layout, fakeElements, createPaintCache());
    const { picture: watched, read } = tracked(picture);
    // A kept hidden neuron's tooltip is open, so the tooltip's inputs are read too.
    painter.showTip({ layer: 1, index: 0 }, watched);
    painter.paint(watched);
    // Every field of the picture is an input of the drawing (a field nobody reads would repaint for nothing).
    expect([...read].sort()).toEqual(Object.keys(picture).sort());
  });

  it('changes when any one of its fields changes, whichever field it is', () => {
    const picture = selectPicture(useStore.getState());
    expect(samePicture(picture, selectPicture(useStore.getState()))).toBe(true);
    for (const key of Object.keys(picture)) {
      const changed = { ...picture, [key]: Symbol(key) } as unknown as Picture;
      expect(samePicture(picture, changed), key).toBe(false);
      expect(samePicture(changed, picture), key).toBe(false);
    }
  });

  it('follows the store fields it is made of and nothing else', () => {
    const before = selectPicture(useStore.getState());
    // The rest of the store changes all the time while training; none of it repaints the diagram.
    useStore.setState({ notices: [{ id: 1, key: 'x', kind: 'info', message: { code: 'text', id: 'offlineReady' } }] } as Partial<AppState>);
    expect(samePicture(before, selectPicture(useStore.getState()))).toBe(true);
    useStore.setState({ training: { ...useStore.getState().training, pass: pass(2) } });
    expect(samePicture(before, selectPicture(useStore.getState()))).toBe(false);
    const withPass = selectPicture(useStore.getState());
    useStore.setState({ settings: { ...useStore.getState().settings, p: useStore.getState().settings.p === 0.5 ? 0.3 : 0.5 } });
    expect(samePicture(withPass, selectPicture(useStore.getState()))).toBe(false);
  });
});
