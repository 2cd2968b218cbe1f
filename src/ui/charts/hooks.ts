import { useEffect, useState, type RefObject } from 'react';
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
 */
export function useThrottledStore<T>(selector: (state: AppState) => T, intervalMs = 500): T {
  const [value, setValue] = useState(() => selector(useStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const flush = () => {
      timer = null;
      last = performance.now();
      setValue(() => selector(useStore.getState()));
    };
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (selector(state) === selector(previous) || timer !== null) return;
      timer = setTimeout(flush, Math.max(0, intervalMs - (performance.now() - last)));
    });
    flush();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
    // The selector is expected to be a stable module-level function.
  }, [intervalMs]);
  return value;
}

/**
 * Calls `draw` at most once per animation frame after the selected store value changes: the drawing path of
 * every live chart, bypassing React re-rendering.
 */
export function useFrameRedraw<T>(selector: (state: AppState) => T, draw: (value: T) => void): void {
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw(selector(useStore.getState()));
      });
    };
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (selector(state) !== selector(previous)) schedule();
    });
    draw(selector(useStore.getState()));
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [selector, draw]);
}
