/**
 * Helpers for numbers that change many times a second (epoch, passes, throughput): written straight into the
 * DOM instead of through React, with cached number formats (toLocaleString builds a new formatter each call).
 */

const integerFormats = new Map<string, Intl.NumberFormat>();

/** `value` as an integer in `locale`'s notation ("12,345"), with one cached formatter per locale. */
export function integerText(value: number, locale: string): string {
  let format = integerFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    integerFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * Runs `run` at most once per `intervalMs`: the first request after a quiet spell runs at once, later ones are
 * merged into one trailing run, so the last value is always shown. `flush` runs now (e.g. on pause).
 */
export function throttled(run: () => void, intervalMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = performance.now();
    run();
  };
  return {
    request(): void {
      if (timer !== null) return;
      const wait = intervalMs - (performance.now() - last);
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    flush,
    cancel(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
