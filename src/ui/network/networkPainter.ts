/**
 * The network diagram's paint loop, apart from React so that a unit test can run it (networkPainter.test.ts).
 *
 * What the picture shows is a function of one object, the `Picture`, built from the store by `selectPicture`
 * alone: `paint` and the tooltip receive it as their only input from the store (this module does not import the
 * store), and `samePicture` compares every field of it, whatever the fields are. Adding an input to the picture
 * therefore means adding a field to `selectPicture`, and the repaint follows that field without a second list.
 */
import type { AppState } from '../../state/store';
import { stringsFor, type Strings } from '../../i18n';
import type { NetworkLayout } from './layout';
import {
  createNeuronLooks, edgeTexts, neuronMarkTexts, planEdges, planNeuronShapes, updateNeuronLooks, type EdgeBundle, type NeuronLook,
} from './neuronStates';
import { boostText } from './passSummary';

/** Everything of the store the painted picture (neurons, edges, tooltip) depends on. */
export function selectPicture(state: AppState) {
  return {
    pass: state.training.pass,
    view: state.settings.netview,
    /** The tooltip's "×1/(1−p)" boost of a kept neuron. */
    p: state.settings.p,
    /** The tooltip's language and number format. */
    locale: state.locale,
  };
}

export type Picture = Readonly<ReturnType<typeof selectPicture>>;

/** Whether two pictures are the same: every field of the picture, by identity (a change of anything else in the store does not repaint). */
export function samePicture(a: Picture, b: Picture): boolean {
  // for…in walks the fields without allocating a key array (this runs on every store change).
  for (const key in a) {
    if (!Object.is(a[key as keyof Picture], b[key as keyof Picture])) return false;
  }
  return true;
}

export interface Focused {
  layer: number;
  index: number;
}

/** The diagram's elements, read when painting (React may not have attached them yet). */
export interface DiagramElements {
  svg: SVGSVGElement | null;
  box: HTMLElement | null;
  tip: HTMLElement | null;
}

/** What the paint loop keeps from one frame to the next, across layouts (the component holds it). */
export interface PaintCache {
  pass: number;
  sample: number;
  draws: number;
  /** The neuron whose tooltip is open, if any. */
  tipTarget: Focused | null;
}

export function createPaintCache(): PaintCache {
  return { pass: -1, sample: -2, draws: 0, tipTarget: null };
}

/** A neuron's element (its hit area, focus and name) and the state last written to its data attributes. */
interface PaintedNeuron {
  element: SVGGElement;
  layer: number;
  index: number;
  state: string;
}

function findNeurons(svg: SVGSVGElement): PaintedNeuron[] {
  return Array.from(svg.querySelectorAll<SVGGElement>('g.neuron'), (element) => ({
    element,
    layer: Number(element.dataset.layer),
    index: Number(element.dataset.index),
    state: element.dataset.state ?? '',
  }));
}

/** The drawing's paths (NetworkDiagram renders them in this order) and the text last written to each. */
interface DrawnPaths {
  edges: SVGPathElement[];
  marks: SVGPathElement[];
  writtenEdges: string[];
  writtenMarks: string[];
}

function findPaths(svg: SVGSVGElement): DrawnPaths {
  return {
    edges: Array.from(svg.querySelectorAll<SVGPathElement>('path[data-edges]')),
    marks: Array.from(svg.querySelectorAll<SVGPathElement>('path[data-mark]')),
    writtenEdges: [],
    writtenMarks: [],
  };
}

/** Writes each changed text to its path: an unchanged path is not touched, so the browser redoes nothing for it. */
function writePaths(elements: SVGPathElement[], texts: readonly string[], written: string[]): void {
  for (let i = 0; i < elements.length; i++) {
    const text = texts[i] ?? '';
    if (written[i] === text) continue;
    written[i] = text;
    if (text) elements[i].setAttribute('d', text);
    else elements[i].removeAttribute('d');
  }
}

export function neuronName(strings: Strings, widths: readonly number[], layer: number, index: number): string {
  const s = strings.network;
  if (layer === 0) return s.inputName(index + 1);
  if (layer === widths.length - 1) return s.outputName;
  return s.hiddenName(layer, index + 1);
}

function describeLook(strings: Strings, picture: Picture, layer: number, last: number, look: NeuronLook): string {
  const s = strings.network;
  const format = (v: number) => v.toLocaleString(picture.locale, { maximumFractionDigits: 3, minimumFractionDigits: 3 });
  if (look.state === 'idle') return s.neuronNoPass;
  if (look.state === 'pending') return s.neuronPending;
  if (layer === 0) return s.neuronInput(format(look.value));
  if (layer === last) return Number.isFinite(look.value) ? s.neuronOutput(format(look.value)) : s.legendEval;
  if (look.state === 'dropped') return s.neuronDropped;
  if (look.state === 'kept') return s.neuronKept(format(look.value), boostText(picture.p, picture.locale));
  return Number.isFinite(look.value) ? s.neuronEval(format(look.value)) : s.legendEval;
}

export interface NetworkPainter {
  /**
   * Paints `picture`. Makes no arrays, objects or closures per frame; the new strings are the changed paths'
   * texts, the draw counter's and an open tooltip's.
   */
  paint(picture: Picture): void;
  /**
   * Shows the tooltip for a neuron (null hides it). `rename` also updates the focused neuron's accessible name;
   * repaints pass false, because a focused element whose name changes 60 times a second is re-announced by
   * screen readers, defeating the readout's 2-second announcement limit.
   */
  showTip(target: Focused | null, picture: Picture, rename?: boolean): void;
  /** The edges this layout draws (planEdges): the diagram renders one faded and one live path per layer pair. */
  readonly edges: readonly EdgeBundle[];
}

/**
 * The painter of one layout: the neuron looks (filled in place), the chosen edges and the neurons' elements with
 * what was last written to each are made once here, so unchanged neurons are not touched and the browser
 * restyles only the ones whose state or shade really changed.
 */
export function createNetworkPainter(
  widths: readonly number[],
  layout: NetworkLayout,
  elements: () => DiagramElements,
  cache: PaintCache,
): NetworkPainter {
  const looks = createNeuronLooks(widths);
  const edges = planEdges(layout);
  const shapes = planNeuronShapes(layout);
  let neurons: PaintedNeuron[] | null = null;
  let paths: DrawnPaths | null = null;
  /** The path texts of the latest picture, rewritten in place. */
  const edgeText: string[] = [];
  const markText: string[] = [];

  const showTip = (target: Focused | null, picture: Picture, rename = true) => {
    cache.tipTarget = target;
    const { tip, svg } = elements();
    if (!tip) return;
    if (!target) {
      tip.hidden = true;
      return;
    }
    const look = looks[target.layer]?.[target.index];
    const position = layout.positions[target.layer]?.[target.index];
    if (!look || !position) return;
    const strings = stringsFor(picture.locale);
    const text = `${neuronName(strings, widths, target.layer, target.index)}: ${describeLook(strings, picture, target.layer, widths.length - 1, look)}`;
    tip.textContent = text;
    tip.hidden = false;
    // Beside the neuron on wide boxes; on narrow ones across the box, above or below it, so it is never cut off.
    const narrow = layout.width < 520;
    const onRight = position.x < layout.width * 0.6;
    const below = position.y < layout.height / 2;
    const gap = layout.radius + 8;
    tip.dataset.side = narrow ? 'across' : onRight ? 'right' : 'left';
    tip.dataset.vertical = narrow ? (below ? 'below' : 'above') : 'middle';
    tip.style.left = narrow ? '8px' : `${onRight ? position.x + gap : position.x - gap}px`;
    tip.style.top = `${narrow ? (below ? position.y + gap : position.y - gap) : position.y}px`;
    if (!rename) return;
    const element = svg?.querySelector<SVGGElement>(`[data-layer="${target.layer}"][data-index="${target.index}"]`);
    element?.setAttribute('aria-label', text);
  };

  const paint = (picture: Picture) => {
    const { svg, box } = elements();
    if (!svg || !box) return;
    neurons ??= findNeurons(svg);
    paths ??= findPaths(svg);
    updateNeuronLooks(looks, widths, picture.pass, picture.view);
    // The neurons' states, for tests and for inspection. No style rule reads these attributes, so writing them
    // restyles nothing: the picture itself is the paths below.
    for (const neuron of neurons) {
      const look = looks[neuron.layer]?.[neuron.index];
      if (!look || neuron.state === look.state) continue;
      neuron.state = look.state;
      neuron.element.dataset.state = look.state;
      neuron.element.dataset.dropped = look.state === 'dropped' ? 'true' : 'false';
    }
    writePaths(paths.edges, edgeTexts(edges, looks, edgeText), paths.writtenEdges);
    writePaths(paths.marks, neuronMarkTexts(shapes, looks, markText), paths.writtenMarks);
    // Which pass and example the neurons now show, so a reader (or a test) can tell the drawing has caught up.
    const shownPass = picture.pass?.forwardPasses ?? 0;
    if (cache.pass !== shownPass) {
      cache.pass = shownPass;
      svg.dataset.pass = String(shownPass);
    }
    const shownSample = picture.pass?.displaySample ?? -1;
    if (cache.sample !== shownSample) {
      cache.sample = shownSample;
      svg.dataset.sample = String(shownSample);
    }
    // Counts paints, so an end-to-end test can tell that scrolling the diagram away stops its drawing.
    cache.draws++;
    svg.setAttribute('data-draws', String(cache.draws));
    if (cache.tipTarget) showTip(cache.tipTarget, picture, false);
  };

  return { paint, showTip, edges };
}
