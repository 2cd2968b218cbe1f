/**
 * Helpers for numbers that change many times a second (epoch, passes, throughput): written straight into the
 * DOM instead of through React.
 */

/**
 * `value` with at most `fractionDigits` decimals and thousands grouped ("12,345.68"), exactly as
 * `Intl.NumberFormat(locale, { maximumFractionDigits })` writes it for both of the app's languages: English and
 * Chinese (zh-CN) write numbers alike. Formatted by hand because the first Intl.NumberFormat of a page loads the
 * locale's ICU data, measured at 18 ms on this machine's Chromium 150 (about 70 ms on a 4× slower CPU) during
 * the first screen's load. liveText.test.ts compares this with Intl for every app language, so a language that
 * writes numbers otherwise fails it.
 */
export function decimalText(value: number, locale: string, fractionDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const shortest = String(Math.abs(value));
  // Exponent notation (below 1e-6, from 1e21): no count or loss in the app is written so; Intl takes those.
  if (shortest.includes('e')) return new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
  const [whole, fraction] = roundHalfExpand(shortest, fractionDigits);
  const trimmed = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const negative = value < 0 || Object.is(value, -0);
  return `${negative ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * Rounds a plain decimal string ("1.005") to `digits` decimals, half away from zero, on its digits, as ICU does:
 * it rounds the shortest decimal that reads back as the number (so 1.005 → 1.01, where toFixed, working on the
 * binary value 1.00499…, gives 1.00). Returns the whole and fraction digits.
 */
function roundHalfExpand(decimal: string, digits: number): [string, string] {
  const [whole, fraction = ''] = decimal.split('.');
  if (fraction.length <= digits) return [whole, fraction];
  let kept = whole + fraction.slice(0, digits);
  if (fraction[digits] >= '5') {
    // Add one in the last kept place, carrying through nines ("0.999" → "1.00").
    const chars = kept.split('');
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === '9') chars[i--] = '0';
    if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
    else chars.unshift('1');
    kept = chars.join('');
  }
  const cut = kept.length - digits;
  return [kept.slice(0, cut), kept.slice(cut)];
}

/** `value` as an integer in `locale`'s notation ("12,345"). */
export function integerText(value: number, locale: string): string {
  return decimalText(value, locale, 0);
}

/**
 * How often a text that follows every snapshot (the run's status, the network's epoch) is rewritten while training
 * runs: 8 times a second, faster than anyone reads it; each rewrite costs a slow CPU a layout and a repaint.
 */
export const LIVE_TEXT_EVERY_MS = 125;

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
