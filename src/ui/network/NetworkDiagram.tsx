/**
 * The network with every neuron. React lays out the SVG neurons once per size or architecture; each new pass is
 * painted imperatively through the charts' useFrameRedraw (data attributes on the neurons, edges on a canvas),
 * so 60 snapshots a second never re-render React. Neurons are a roving-tabindex group: Tab enters, arrow keys
 * move, focus shows the tooltip.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useStore, type AppState } from '../../state/store';
import { useStrings } from '../useStrings';
import { stringsFor, type Strings } from '../../i18n';
import { layoutNetwork, CAPTION_SPACE } from './layout';
import { createNeuronLooks, drawEdges, planEdges, updateNeuronLooks, type EdgeColours, type NeuronLook } from './neuronStates';
import { boostText } from './passSummary';
import { useFrameRedraw } from '../charts/hooks';

/** Reduced motion: masks change as discrete steps at most twice a second. */
const REDUCED_MOTION_MIN_MS = 500;

const selectState = (state: AppState) => state;
/** What the painted picture depends on: a change of anything else in the store does not repaint. */
const samePicture = (a: AppState, b: AppState) =>
  a.training.pass === b.training.pass &&
  a.settings.view === b.settings.view &&
  a.settings.p === b.settings.p &&
  a.settings.mode === b.settings.mode &&
  a.locale === b.locale;
const reducedMotionInterval = () => (useStore.getState().reducedMotion ? REDUCED_MOTION_MIN_MS : 0);

/** `--intensity` values 0.00 … 1.00 as text, made once: a fresh string per neuron per frame is garbage. */
const INTENSITY_TEXT = Array.from({ length: 101 }, (_, level) => (level / 100).toFixed(2));
/** Reused for every edge drawing. */
const edgeColours: EdgeColours = { edge: '' };

/** A drawn neuron and what the paint loop last wrote to it. */
interface PaintedNeuron {
  element: SVGGElement;
  layer: number;
  index: number;
  state: string;
  /** The last `--intensity` written, in hundredths; -1 before the first. */
  level: number;
}

/** What the paint loop keeps from one frame to the next. */
interface PaintCache {
  context: CanvasRenderingContext2D | null;
  mode: string;
  edgeColour: string;
  pass: number;
  sample: number;
  draws: number;
}

function findNeurons(svg: SVGSVGElement): PaintedNeuron[] {
  return Array.from(svg.querySelectorAll<SVGGElement>('g.neuron'), (element) => ({
    element,
    layer: Number(element.dataset.layer),
    index: Number(element.dataset.index),
    state: element.dataset.state ?? '',
    level: -1,
  }));
}

interface Focused {
  layer: number;
  index: number;
}

function neuronName(strings: Strings, widths: readonly number[], layer: number, index: number): string {
  const s = strings.network;
  if (layer === 0) return s.inputName(index + 1);
  if (layer === widths.length - 1) return s.outputName;
  return s.hiddenName(layer, index + 1);
}

function describeLook(strings: Strings, state: AppState, layer: number, last: number, look: NeuronLook): string {
  const s = strings.network;
  const format = (v: number) => v.toLocaleString(state.locale, { maximumFractionDigits: 3, minimumFractionDigits: 3 });
  if (look.state === 'idle') return s.neuronNoPass;
  if (look.state === 'pending') return s.neuronPending;
  if (layer === 0) return s.neuronInput(format(look.value));
  if (layer === last) return Number.isFinite(look.value) ? s.neuronOutput(format(look.value)) : s.legendEval;
  if (look.state === 'dropped') return s.neuronDropped;
  if (look.state === 'kept') return s.neuronKept(format(look.value), boostText(state.settings.p, state.locale));
  return Number.isFinite(look.value) ? s.neuronEval(format(look.value)) : s.legendEval;
}

export function NetworkDiagram({ widths }: { widths: readonly number[] }) {
  const strings = useStrings();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const looksRef = useRef<NeuronLook[][]>([]);
  const tipTargetRef = useRef<Focused | null>(null);
  const [size, setSize] = useState({ width: 600, height: 360 });
  const [focused, setFocused] = useState<Focused>({ layer: 1, index: 0 });
  const layout = useMemo(() => layoutNetwork(widths, size.width, size.height), [widths, size]);

  // The box's size comes from the ResizeObserver alone, whose first report arrives after the browser's own
  // layout and before the paint: measuring here instead would force a layout of the whole page in the middle
  // of React's commit (the largest part of the start-up long task). The first report is applied at once, so
  // the default size is never painted.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      const rect = box.getBoundingClientRect();
      const width = Math.max(200, Math.round(rect.width));
      const height = Math.max(180, Math.round(rect.height));
      const update = () => setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
      if (first) flushSync(update);
      else update();
      first = false;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  /**
   * Shows the tooltip for a neuron. `rename` also updates the focused neuron's accessible name; repaints pass
   * false, because a focused element whose name changes 60 times a second is re-announced by screen readers,
   * defeating the readout's 2-second announcement limit. The name is refreshed on the next focus or key move.
   */
  const showTip = useCallback((target: Focused | null, rename = true) => {
    tipTargetRef.current = target;
    const tip = tipRef.current;
    if (!tip) return;
    if (!target) {
      tip.hidden = true;
      return;
    }
    const state = useStore.getState();
    const look = looksRef.current[target.layer]?.[target.index];
    const position = layout.positions[target.layer]?.[target.index];
    if (!look || !position) return;
    const strings = stringsNow();
    const text = `${neuronName(strings, widths, target.layer, target.index)}: ${describeLook(strings, state, target.layer, widths.length - 1, look)}`;
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
    const element = svgRef.current?.querySelector<SVGGElement>(`[data-layer="${target.layer}"][data-index="${target.index}"]`);
    element?.setAttribute('aria-label', text);
  }, [layout, widths]);

  // What one layout paints with, made once per layout instead of once per frame: the neuron looks (filled in
  // place), the chosen edges, and the neurons' elements with what was last written to each, so unchanged
  // neurons are not touched and the browser restyles only the ones whose state or shade really changed.
  const painter = useMemo(
    () => ({ looks: createNeuronLooks(widths), edges: planEdges(layout), neurons: null as PaintedNeuron[] | null }),
    [layout, widths],
  );
  looksRef.current = painter.looks;
  const paintCache = useRef<PaintCache>({
    context: null, mode: '', edgeColour: '', pass: -1, sample: -2, draws: 0,
  });

  // Paints the latest pass. useFrameRedraw calls it at most once per frame after a change, not at all while the
  // diagram is scrolled out of view (nobody reads it there, and it is the app's busiest drawing), and at most
  // twice a second with reduced motion. It makes no arrays, objects or closures per frame: every per-frame
  // structure above is reused (the draw counter's short text, and an open tooltip's, are the only new strings).
  const paint = useCallback((state: AppState) => {
    const svg = svgRef.current;
    const box = boxRef.current;
    if (!svg || !box) return;
    const cache = paintCache.current;
    painter.neurons ??= findNeurons(svg);
    const looks = updateNeuronLooks(painter.looks, widths, state.training.pass, state.settings.view);
    for (const neuron of painter.neurons) {
      const look = looks[neuron.layer]?.[neuron.index];
      if (!look) continue;
      if (neuron.state !== look.state) {
        neuron.state = look.state;
        neuron.element.dataset.state = look.state;
        neuron.element.dataset.dropped = look.state === 'dropped' ? 'true' : 'false';
      }
      // Two decimals are finer than the eye can tell a fill opacity apart.
      const level = Math.round((0.25 + 0.75 * look.intensity) * 100);
      if (neuron.level !== level) {
        neuron.level = level;
        neuron.element.style.setProperty('--intensity', INTENSITY_TEXT[level]);
      }
    }
    // Which pass and example the neurons now show, so a reader (or a test) can tell the drawing has caught up.
    const shownPass = state.training.pass?.forwardPasses ?? 0;
    if (cache.pass !== shownPass) {
      cache.pass = shownPass;
      svg.dataset.pass = String(shownPass);
    }
    const shownSample = state.training.pass?.displaySample ?? -1;
    if (cache.sample !== shownSample) {
      cache.sample = shownSample;
      svg.dataset.sample = String(shownSample);
    }
    // Counts paints, so an end-to-end test can tell that scrolling the diagram away stops its drawing.
    cache.draws++;
    svg.setAttribute('data-draws', String(cache.draws));
    const canvas = canvasRef.current;
    cache.context ??= canvas?.getContext('2d') ?? null;
    const context = cache.context;
    if (canvas && context) {
      const ratio = Math.min(2, window.devicePixelRatio || 1);
      const pixelWidth = Math.round(layout.width * ratio);
      const pixelHeight = Math.round(layout.height * ratio);
      if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
      if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      // Reading a custom property forces a style recalculation; the edge colour changes only with the display
      // mode (the store's mode is rendered into the page before the next animation frame, when this runs).
      const mode = state.settings.mode;
      if (cache.mode !== mode || cache.edgeColour === '') {
        cache.mode = mode;
        cache.edgeColour = getComputedStyle(box).getPropertyValue('--muted').trim() || '#4a5360';
      }
      edgeColours.edge = cache.edgeColour;
      drawEdges(context, layout, painter.edges, looks, edgeColours, mode === 'present' ? 1.5 : 1);
    }
    if (tipTargetRef.current) showTip(tipTargetRef.current, false);
  }, [layout, widths, painter, showTip]);
  useFrameRedraw(selectState, paint, {
    equal: samePicture, visibleRef: boxRef, offscreen: 'pause', minIntervalMs: reducedMotionInterval,
  });

  const moveFocus = (next: Focused) => {
    const layer = Math.max(0, Math.min(widths.length - 1, next.layer));
    const index = Math.max(0, Math.min(widths[layer] - 1, next.index));
    setFocused({ layer, index });
    svgRef.current?.querySelector<SVGGElement>(`[data-layer="${layer}"][data-index="${index}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const { layer, index } = focused;
    const across = (to: number) => Math.round((index / Math.max(1, widths[layer] - 1)) * (widths[to] - 1));
    const moves: Record<string, Focused | undefined> = {
      ArrowUp: { layer, index: index - 1 },
      ArrowDown: { layer, index: index + 1 },
      ArrowLeft: layer > 0 ? { layer: layer - 1, index: across(layer - 1) } : undefined,
      ArrowRight: layer < widths.length - 1 ? { layer: layer + 1, index: across(layer + 1) } : undefined,
      Home: { layer, index: 0 },
      End: { layer, index: widths[layer] - 1 },
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const target = moves[event.key];
    if (target) moveFocus(target);
  };

  const r = layout.radius;
  const cross = `M${-r * 0.62},${-r * 0.62}L${r * 0.62},${r * 0.62}M${r * 0.62},${-r * 0.62}L${-r * 0.62},${r * 0.62}`;
  const last = widths.length - 1;
  // Narrow screens: short captions, so neighbouring labels never run into each other.
  const spacing = Math.min(...layout.centres.slice(1).map((x, i) => x - layout.centres[i]));
  const short = spacing < 110;
  const n = strings.network;
  const caption = (layer: number) => {
    if (layer === 0) return short ? n.inputShort : n.inputTitle;
    if (layer === last) return short ? n.outputShort : n.outputTitle;
    return short ? n.layerShort(layer) : n.layerTitle(layer, widths[layer]);
  };

  return (
    <div className="net-diagram" ref={boxRef}>
      <canvas ref={canvasRef} className="net-edges" aria-hidden="true" style={{ width: layout.width, height: layout.height }} />
      <svg
        ref={svgRef}
        className="net-neurons"
        width={layout.width}
        height={layout.height}
        role="group"
        aria-label={strings.network.diagramLabel}
        onKeyDown={onKeyDown}
        onPointerOver={(event) => {
          const element = (event.target as Element).closest<SVGGElement>('g.neuron');
          if (element) showTip({ layer: Number(element.dataset.layer), index: Number(element.dataset.index) });
        }}
        onPointerLeave={() => showTip(null)}
        onFocus={(event) => {
          const element = (event.target as Element).closest<SVGGElement>('g.neuron');
          if (!element) return;
          const target = { layer: Number(element.dataset.layer), index: Number(element.dataset.index) };
          if (target.layer !== focused.layer || target.index !== focused.index) setFocused(target);
          showTip(target);
        }}
        onBlur={() => showTip(null)}
      >
        {layout.centres.map((x, layer) => (
          <text key={layer} className="net-caption" x={x} y={CAPTION_SPACE - 8} textAnchor="middle" aria-hidden="true">
            {caption(layer)}
          </text>
        ))}
        {layout.positions.map((units, layer) =>
          units.map((position, index) => (
            <g
              key={`${layer}-${index}`}
              className={`neuron ${layer === 0 ? 'neuron-input' : layer === last ? 'neuron-output' : 'neuron-hidden'}`}
              data-layer={layer}
              data-index={index}
              data-state="idle"
              data-dropped="false"
              transform={`translate(${position.x} ${position.y})`}
              tabIndex={focused.layer === layer && focused.index === index ? 0 : -1}
              role="img"
              aria-label={neuronName(strings, widths, layer, index)}
            >
              <circle r={r} />
              <path className="neuron-cross" d={cross} />
            </g>
          )),
        )}
      </svg>
      <div ref={tipRef} className="net-tooltip" role="presentation" hidden />
    </div>
  );
}

/** The strings of the language in use now (the paint loop runs outside React's render). */
function stringsNow(): Strings {
  return stringsFor(useStore.getState().locale);
}
