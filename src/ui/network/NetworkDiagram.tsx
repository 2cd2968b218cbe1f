/**
 * The network with every neuron. React lays out the SVG neurons once per size or architecture; each new pass is
 * painted imperatively through the charts' useFrameRedraw (the texts of a few SVG paths, and data attributes),
 * so 60 snapshots a second never re-render React. Neurons are a roving-tabindex group: Tab enters, arrow keys
 * move, focus shows the tooltip.
 */
import { startTransition, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { layoutNetwork, CAPTION_SPACE, type NetworkLayout } from './layout';
import {
  createNetworkPainter, createPaintCache, neuronName, samePicture, selectPicture, type Focused, type NetworkPainter,
} from './networkPainter';
import { NEURON_MARKS, edgeOpacity, fillOpacity } from './neuronStates';
import { useFrameRedraw } from '../charts/hooks';

/** Reduced motion: masks change as discrete steps at most twice a second. */
const REDUCED_MOTION_MIN_MS = 500;

/** Before the box's size is known there is no drawing to paint. */
const paintNothing = () => {};

const reducedMotionInterval = () => (useStore.getState().reducedMotion ? REDUCED_MOTION_MIN_MS : 0);

export function NetworkDiagram({ widths }: { widths: readonly number[] }) {
  const strings = useStrings();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  // Null until the box's size is known: the drawing is built once, at its real size (building it at a guessed
  // size first cost a second pass over every neuron and edge on the start-up's critical path).
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [focused, setFocused] = useState<Focused>({ layer: 1, index: 0 });
  const layout = useMemo(() => (size ? layoutNetwork(widths, size.width, size.height) : null), [widths, size]);

  // The box's size comes from the ResizeObserver alone, whose first report arrives after the browser's own
  // layout and before the paint: measuring here instead would force a layout of the whole page in the middle
  // of React's commit (the largest part of the start-up long task). The first report builds the drawing as a
  // transition, which React renders in slices between which the browser can answer input. Built at once
  // (flushSync), it was one task with the layout around it: 176 ms at 4x slower CPU, the longest of the lesson's
  // load. The box (sized by CSS, so nothing moves) then stays empty for a few frames more: about 0.1-0.4 s at
  // 4x, one or two frames at full speed. Later sizes are ordinary updates.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      const rect = box.getBoundingClientRect();
      const width = Math.max(200, Math.round(rect.width));
      const height = Math.max(180, Math.round(rect.height));
      const update = () => setSize((old) => (old && old.width === width && old.height === height ? old : { width, height }));
      if (first) startTransition(update);
      else update();
      first = false;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // What the paint loop keeps between frames and layouts; the painter of this layout (see networkPainter.ts).
  const paintCache = useRef(createPaintCache());
  const painter = useMemo(
    () =>
      layout &&
      createNetworkPainter(widths, layout, () => ({
        svg: svgRef.current, box: boxRef.current, tip: tipRef.current,
      }), paintCache.current),
    [layout, widths],
  );
  const showTip = useCallback(
    (target: Focused | null) => painter?.showTip(target, selectPicture(useStore.getState())),
    [painter],
  );

  // Paints the latest picture. useFrameRedraw calls it at most once per frame after the picture changed (see
  // samePicture), not at all while the diagram is scrolled out of view (nobody reads it there, and it is the
  // app's busiest drawing), and at most twice a second with reduced motion.
  useFrameRedraw(selectPicture, painter?.paint ?? paintNothing, {
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

  const drawing = (layout: NetworkLayout, painter: NetworkPainter) => {
    const r = layout.radius;
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
      <>
        <g className="net-drawing" aria-hidden="true">
          {painter.edges.flatMap((bundle, pair) =>
            [false, true].map((live) => (
              <path key={`${pair}-${live}`} className="net-edge" data-edges={live ? 'live' : 'faded'} strokeOpacity={edgeOpacity(bundle, live)} />
            )),
          )}
          {NEURON_MARKS.map((mark, index) => (
            <path
              key={index}
              className={`net-mark mark-${mark.kind} mark-${mark.role}`}
              data-mark={mark.kind}
              fillOpacity={mark.kind === 'fill' ? fillOpacity(mark.level) : undefined}
            />
          ))}
        </g>
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
            </g>
          )),
        )}
      </>
    );
  };

  return (
    <div className="net-diagram" ref={boxRef}>
      <svg
        ref={svgRef}
        className="net-neurons"
        width={layout?.width}
        height={layout?.height}
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
        {layout && painter && drawing(layout, painter)}
      </svg>
      <div ref={tipRef} className="net-tooltip" role="presentation" hidden />
    </div>
  );
}

