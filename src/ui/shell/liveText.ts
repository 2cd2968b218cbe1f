/**
 * Helpers for numbers that change many times a second (epoch, passes, throughput): written straight into the
 * DOM instead of through React, with cached number formats (toLocaleString builds a new formatter each call).
 */

const decimalFormats = new Map<string, Intl.NumberFormat>();

/** `value` in `locale`'s notation with at most `fractionDigits` decimals ("1.43"), one cached formatter each. */
export function decimalText(value: number, locale: string, fractionDigits: number): string {
  const key = `${locale} ${fractionDigits}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
    decimalFormats.set(key, format);
  }
  return format.format(value);
}

/** `value` as an integer in `locale`'s notation ("12,345"). */
export function integerText(value: number, locale: string): string {
  return decimalText(value, locale, 0);
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
