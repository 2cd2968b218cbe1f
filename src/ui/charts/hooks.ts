import { useEffect, useRef, useState, type RefObject } from 'react';
import { useStore, type AppState } from '../../state/store';

/** The element's content width, tracked with a ResizeObserver (charts size their viewBox to it). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 600): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(200, Math.round(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * A store value for text and tables that need not follow every frame: the component re-renders at most once
 * per `intervalMs` (and once more after the last change), while the d3 drawing follows the store directly.
 * `equal` decides what counts as a change (identity by default), so a selector may return a fresh object.
 */
export function useThrottledStore<T>(
  selector: (state: AppState) => T,
  intervalMs = 500,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const [value, setValue] = useState(() => selector(useStore.getState()));
  const equalRef = useRef(equal);
  equalRef.current = equal;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    let shown = selector(useStore.getState());
    const flush = () => {
      timer = null;
      last = performance.now();
      const next = selector(useStore.getState());
      if (equalRef.current(next, shown)) return;
      shown = next;
      setValue(() => next);
    };
    const unsubscribe = useStore.subscribe((state) => {
      if (timer !== null || equalRef.current(selector(state), shown)) return;
      timer = setTimeout(flush, Math.max(0, intervalMs - (performance.now() - last)));
    });
    setValue(() => shown);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
    // The selector is expected to be a stable module-level function.
  }, [intervalMs]);
  return value;
}

/** How often a live chart scrolled out of view still redraws (tests and host pages read its data attributes). */
export const OFFSCREEN_REDRAW_MS = 500;

export interface FrameRedrawOptions<T> {
  /** What counts as a change of the selected value (identity by default). */
  equal?: (a: T, b: T) => boolean;
  /**
   * The drawn element: while it is out of view (IntersectionObserver), redraws drop to one per
   * OFFSCREEN_REDRAW_MS, and a pending change is drawn as soon as it scrolls back in.
   */
  visibleRef?: RefObject<Element | null>;
}

/**
 * Calls `draw` at most once per animation frame after the selected store value changes: the drawing path of
 * every live chart, bypassing React re-rendering.
 */
export function useFrameRedraw<T>(
  selector: (state: AppState) => T,
  draw: (value: T) => void,
  options: FrameRedrawOptions<T> = {},
): void {
  const { equal = Object.is, visibleRef } = options;
  const equalRef = useRef(equal);
  equalRef.current = equal;
  // `draw` changes with the view's options (hover cursor, width, scale). Keeping it in a ref lets the store
  // subscription and the visibility observer live as long as the chart, instead of being torn down and rebuilt
  // on every pointer move; a new `draw` only asks for one repaint, in the next frame.
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const repaintRef = useRef<(() => void) | null>(null);
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let visible = true;
    let lastDrawAt = -Infinity;
    let drawn = selector(useStore.getState());
    const paint = () => {
      frame = 0;
      lastDrawAt = performance.now();
      const value = selector(useStore.getState());
      drawn = value;
      drawRef.current(value);
    };
    const schedule = () => {
      if (frame !== 0 || timer !== null) return;
      const wait = visible ? 0 : OFFSCREEN_REDRAW_MS - (performance.now() - lastDrawAt);
      if (wait <= 0) {
        frame = requestAnimationFrame(paint);
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        frame = requestAnimationFrame(paint);
      }, wait);
    };
    const unsubscribe = useStore.subscribe((state) => {
      if (!equalRef.current(selector(state), drawn)) schedule();
    });
    let observer: IntersectionObserver | null = null;
    const element = visibleRef?.current;
    if (element && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver(
        (entries) => {
          visible = entries[entries.length - 1].isIntersecting;
          if (visible && timer !== null) {
            // Back in view: draw the waiting change now instead of at the slow off-screen pace.
            clearTimeout(timer);
            timer = null;
            schedule();
          }
        },
        { rootMargin: '100px' },
      );
      observer.observe(element);
    }
    paint();
    repaintRef.current = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };
    return () => {
      repaintRef.current = null;
      unsubscribe();
      observer?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [selector, visibleRef]);
  useEffect(() => {
    repaintRef.current?.();
  }, [draw]);
}
