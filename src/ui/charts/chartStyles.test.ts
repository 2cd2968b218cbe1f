import { describe, expect, it } from 'vitest';
import { ChartStyles, type StyleView } from './chartStyles';

/** A window stand-in whose resize listeners the test can fire. */
function fakeView(devicePixelRatio = 1) {
  const listeners = new Set<() => void>();
  const view: StyleView & { resize(): void; listening(): number } = {
    devicePixelRatio,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    resize: () => listeners.forEach((listener) => listener()),
    listening: () => listeners.size,
  };
  return view;
}

/** A chart element inside an element with data-mode `mode`. */
function chartIn(mode: { value: string }): Element {
  return { closest: () => ({ getAttribute: () => mode.value }) } as unknown as Element;
}

describe('ChartStyles: the charts read the page’s styles once per display mode and viewport', () => {
  it('reads a chart’s font size once, and again after a resize or a new display mode', () => {
    const view = fakeView();
    const sizes = [13, 20, 24];
    let reads = 0;
    const styles = new ChartStyles(view, () => sizes[reads++]);
    const stop = styles.watch();
    const mode = { value: 'normal' };
    const chart = chartIn(mode);
    expect([styles.fontSize(chart), styles.fontSize(chart)]).toEqual([13, 13]);
    view.resize();
    expect([styles.fontSize(chart), styles.fontSize(chart)]).toEqual([20, 20]);
    mode.value = 'present';
    expect(styles.fontSize(chart)).toBe(24);
    expect(reads).toBe(3);
    stop();
  });

  it('keeps one reading per chart element', () => {
    let reads = 0;
    const styles = new ChartStyles(fakeView(), () => ++reads);
    const mode = { value: 'normal' };
    const [a, b] = [chartIn(mode), chartIn(mode)];
    expect([styles.fontSize(a), styles.fontSize(b), styles.fontSize(a), styles.fontSize(b)]).toEqual([1, 2, 1, 2]);
  });

  it('stops counting resizes when its page lets go, and two pages count apart', () => {
    const view = fakeView(2);
    const first = new ChartStyles(view);
    const second = new ChartStyles(view);
    const stopFirst = first.watch();
    const stopSecond = second.watch();
    const chart = chartIn({ value: 'normal' });
    expect(first.key(chart)).toBe('normal|0|2');
    view.resize();
    expect([first.key(chart), second.key(chart)]).toEqual(['normal|1|2', 'normal|1|2']);
    stopFirst();
    view.resize();
    expect([first.key(chart), second.key(chart)]).toEqual(['normal|1|2', 'normal|2|2']);
    stopSecond();
    expect(view.listening()).toBe(0);
  });
});
