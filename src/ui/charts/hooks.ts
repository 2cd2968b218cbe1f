import { use, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { pageFrames } from '../../state/frameLoop';
import { useStore, type AppState } from '../../state/store';
import { FrameBudgetContext, type FrameBudget } from './frameBudget';

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
 * A ref that holds `value` as of the last committed render, for callbacks that outlive renders (store
 * subscriptions, frame loops). Not assigned during render: a render React has not committed (a transition still
 * in progress, or one it throws away) must not be acted on, since its `draw` may paint elements that are not in
 * the page yet (the network painter would then find no neurons, and keep finding none).
 */
function useCommittedRef<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
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
  const equalRef = useCommittedRef(equal);
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
   * OFFSCREEN_REDRAW_MS (or stop, see `offscreen`), and a pending change is drawn as soon as it scrolls back in.
   */
  visibleRef?: RefObject<Element | null>;
  /**
   * Out of view, 'slow' (the default) still redraws once per OFFSCREEN_REDRAW_MS, because tests and host pages
   * read the charts' data attributes; 'pause' draws nothing until the element is back in view — for a drawing
   * that changes every frame and that nobody reads while it is off screen.
   */
  offscreen?: 'slow' | 'pause';
  /**
   * The least time between two draws while in view, asked again at every change (e.g. 500 ms under reduced
   * motion, so the picture changes in discrete steps). 0 by default: at most once per animation frame.
   */
  minIntervalMs?: () => number;
}

/** The timing functions a RedrawScheduler uses: the browser's, or a fake clock in unit tests. */
export interface FrameClock {
  /**
   * Calls back with the frame's time (the same for every callback of one frame): in the animation frame whose
   * callbacks are running now (a snapshot the pacer took in woke the drawing), else in the next one.
   */
  requestFrame(callback: (frameTime: number) => void): number;
  /** Calls back in the next animation frame, even when asked from within one. */
  requestNextFrame(callback: (frameTime: number) => void): number;
  cancelFrame(id: number): void;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(id: number): void;
  now(): number;
}

const browserClock: FrameClock = {
  requestFrame: (callback) => pageFrames.soon(callback),
  requestNextFrame: (callback) => pageFrames.next(callback),
  cancelFrame: (id) => pageFrames.cancel(id),
  setTimer: (callback, ms) => setTimeout(callback, ms) as unknown as number,
  clearTimer: (id) => clearTimeout(id),
  now: () => performance.now(),
};

/**
 * When a live drawing repaints: at most once per animation frame, no sooner than `minIntervalMs` after the last
 * paint while in view, and out of view once per OFFSCREEN_REDRAW_MS ('slow') or not at all ('pause') until it
 * is back. The frame and timer callbacks are made once, so scheduling allocates nothing per frame. Pure
 * timing, no DOM: unit-tested with a fake clock (hooks.test.ts).
 */
export class RedrawScheduler {
  private frame = 0;
  private timer: number | null = null;
  private visible = true;
  /** A change that arrived while paused off screen, drawn once the element is back in view. */
  private missed = false;
  private lastDrawAt = -Infinity;

  constructor(
    private readonly paint: () => void,
    private readonly offscreen: 'slow' | 'pause' = 'slow',
    private readonly minIntervalMs: () => number = () => 0,
    private readonly clock: FrameClock = browserClock,
    private readonly budget: FrameBudget | null = null,
  ) {}

  private readonly onFrame = (frameTime?: number) => {
    if (frameTime !== undefined && this.budget && !this.budget.admit(frameTime, this.clock.now())) {
      // This frame's painting time is spent: paint first thing in the next one.
      this.frame = this.clock.requestNextFrame(this.onFrame);
      return;
    }
    this.frame = 0;
    this.lastDrawAt = this.clock.now();
    this.paint();
  };

  private readonly onTimer = () => {
    this.timer = null;
    this.frame = this.clock.requestFrame(this.onFrame);
  };

  /** Whether a paint is waiting for a frame or a timer. */
  get pending(): boolean {
    return this.frame !== 0 || this.timer !== null;
  }

  /** Paints now, synchronously (the first picture, before any frame). */
  paintNow(): void {
    this.onFrame();
  }

  /** The drawn value changed: paint when the rules allow. */
  request(): void {
    if (this.pending) return;
    if (!this.visible && this.offscreen === 'pause') {
      this.missed = true;
      return;
    }
    const least = this.visible ? this.minIntervalMs() : OFFSCREEN_REDRAW_MS;
    const wait = least - (this.clock.now() - this.lastDrawAt);
    if (wait <= 0) this.frame = this.clock.requestFrame(this.onFrame);
    else this.timer = this.clock.setTimer(this.onTimer, wait);
  }

  /** The drawing itself changed (new size, options): paint in the next frame, or on return when paused away. */
  repaint(): void {
    if (!this.visible && this.offscreen === 'pause') this.missed = true;
    else if (this.frame === 0) this.frame = this.clock.requestFrame(this.onFrame);
  }

  /** The element scrolled into or out of view. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!visible) {
      if (this.offscreen === 'pause' && this.pending) {
        // Scrolled away with a paint pending: skip it, and paint the latest value on the way back instead.
        this.cancel();
        this.missed = true;
      }
      return;
    }
    if (this.timer !== null && this.offscreen === 'slow') {
      // Back in view: paint the waiting change now instead of at the slow off-screen pace.
      this.clock.clearTimer(this.timer);
      this.timer = null;
      this.request();
    }
    if (this.missed) {
      this.missed = false;
      this.request();
    }
  }

  /** Cancels whatever is pending. */
  cancel(): void {
    if (this.frame !== 0) this.clock.cancelFrame(this.frame);
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.frame = 0;
    this.timer = null;
  }
}

/**
 * Calls `draw` at most once per animation frame after the selected store value changes: the drawing path of
 * every live chart and of the network diagram, bypassing React re-rendering. A hidden page gets no animation
 * frames, so it draws nothing until it is shown again. See RedrawScheduler for the timing rules.
 */
export function useFrameRedraw<T>(
  selector: (state: AppState) => T,
  draw: (value: T) => void,
  options: FrameRedrawOptions<T> = {},
): void {
  const { equal = Object.is, visibleRef, offscreen = 'slow', minIntervalMs } = options;
  const budget = use(FrameBudgetContext);
  // `draw` changes with the view's options (hover cursor, width, scale). Keeping it in a ref lets the store
  // subscription and the visibility observer live as long as the chart, instead of being torn down and rebuilt
  // on every pointer move; a new `draw` only asks for one repaint, in the next frame.
  const drawRef = useCommittedRef(draw);
  const equalRef = useCommittedRef(equal);
  const minIntervalRef = useCommittedRef(minIntervalMs);
  const schedulerRef = useRef<RedrawScheduler | null>(null);
  useEffect(() => {
    let drawn = selector(useStore.getState());
    const scheduler = new RedrawScheduler(
      () => {
        const value = selector(useStore.getState());
        drawn = value;
        drawRef.current(value);
      },
      offscreen,
      () => minIntervalRef.current?.() ?? 0,
      browserClock,
      budget,
    );
    const unsubscribe = useStore.subscribe((state) => {
      if (!equalRef.current(selector(state), drawn)) scheduler.request();
    });
    let observer: IntersectionObserver | null = null;
    const element = visibleRef?.current;
    if (element && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver((entries) => scheduler.setVisible(entries[entries.length - 1].isIntersecting), {
        rootMargin: '100px',
      });
      observer.observe(element);
    }
    scheduler.paintNow();
    schedulerRef.current = scheduler;
    return () => {
      schedulerRef.current = null;
      unsubscribe();
      observer?.disconnect();
      scheduler.cancel();
    };
  }, [selector, visibleRef, offscreen, budget]);
  useEffect(() => {
    schedulerRef.current?.repaint();
  }, [draw]);
}
