/**
 * Reading the example number a student types into the network panel's example field. Pure, so every odd input
 * is unit-tested (exampleChoice.test.ts): the field must explain bad input, never crash or guess.
 */

/** Full-width digits (０–９), which a Chinese input method may type into the field, as ASCII digits. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48));
}

/**
 * The example number (1-based, as the field shows it) in `raw`, or null unless it is a whole number from 1 to
 * `size`. Spaces around it and full-width digits are accepted; signs, decimals, exponents and empty text are not.
 */
export function parseExampleNumber(raw: string, size: number): number | null {
  const text = asciiDigits(raw).trim();
  if (!/^\d{1,7}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= size ? value : null;
}

/** The example after (`step` 1) or before (`step` −1) `current`, kept inside 1…size. */
export function steppedExample(current: number, step: 1 | -1, size: number): number {
  return Math.min(size, Math.max(1, current + step));
}
