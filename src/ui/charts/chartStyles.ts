import { createContext, use } from 'react';

/** What a chart's styles are read from: the window it is shown in, as far as ChartStyles needs it. */
export interface StyleView {
  readonly devicePixelRatio: number;
  addEventListener(type: 'resize', listener: () => void): void;
  removeEventListener(type: 'resize', listener: () => void): void;
}

/**
 * The page's resolved styles as the d3 charts read them (their font size, a few colours), with what those depend
 * on: the display mode around a chart, the viewport and the device pixel ratio (see --font-size in styles.css).
 *
 * Reading a resolved style forces a style recalculation whenever anything on the page changed since the last frame
 * (the network's neurons change every frame), so a chart reads its font size once per key. The viewport is counted
 * by its `resize` events rather than read: reading window.innerWidth forces a layout when the page has changed,
 * which during start-up is a layout of the whole page. One per page: App provides it and counts while mounted.
 */
export class ChartStyles {
  private resizes = 0;
  private readonly fontSizes = new WeakMap<Element, { key: string; px: number }>();

  constructor(
    private readonly view: StyleView | null = typeof window === 'undefined' ? null : window,
    private readonly readFontSize: (element: Element) => number = (element) => parseFloat(getComputedStyle(element).fontSize),
  ) {}

  /** Counts the view's resizes until the returned function is called. */
  watch(): () => void {
    const view = this.view;
    if (!view) return () => {};
    const counted = () => this.resizes++;
    view.addEventListener('resize', counted);
    return () => view.removeEventListener('resize', counted);
  }

  /** What the resolved styles around `element` depend on: equal keys, equal styles. */
  key(element: Element): string {
    const mode = element.closest('[data-mode]')?.getAttribute('data-mode') ?? '';
    return this.view ? `${mode}|${this.resizes}|${this.view.devicePixelRatio}` : mode;
  }

  /** The resolved font size of `element` in px, read again only when its key changed. */
  fontSize(element: Element): number {
    const key = this.key(element);
    let fontSize = this.fontSizes.get(element);
    if (!fontSize || fontSize.key !== key) {
      // The resolved size, not --font-size itself: present mode may define that variable with clamp().
      fontSize = { key, px: this.readFontSize(element) };
      this.fontSizes.set(element, fontSize);
    }
    return fontSize.px;
  }
}

export const ChartStylesContext = createContext<ChartStyles | null>(null);

/** The page's ChartStyles, for a panel to hand to its chart. */
export function useChartStyles(): ChartStyles {
  const styles = use(ChartStylesContext);
  if (!styles) throw new Error('A chart panel was rendered outside App, which provides ChartStylesContext.');
  return styles;
}
