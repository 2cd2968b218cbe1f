/**
 * Prints a 1-D float tensor exactly as PyTorch's `repr` does with the default print options
 * (torch/_tensor_str.py, `_Formatter` and `_vector_str`: precision 4, linewidth 80).
 *
 * The rules, over the finite non-zero absolute values:
 * - all integers → "int mode": `{:.0f}` plus a '.', unless max/min > 1000 or max > 1e8, then scientific;
 * - otherwise scientific (`{:.4e}`) if max/min > 1000, max > 1e8 or min < 1e-4, else fixed (`{:.4f}`);
 * - every element right-aligned to the widest, floor((80 − 7) / (width + 2)) elements a line.
 * Summarisation (more than 1000 elements) is not needed by the lab (at most 64) and is not implemented.
 */

const PRECISION = 4;
const LINE_WIDTH = 80;
const PREFIX = 'tensor(';

/** Splits a positive finite double into odd integer m and exponent e with value = m · 2^e. */
function oddMantissa(value: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  let e: number;
  if (exponentBits === 0) {
    e = -1074;
  } else {
    m |= 1n << 52n;
    e = exponentBits - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { m, e };
}

/** True when |value| · 10^shift lies exactly halfway between two integers, i.e. doubled it is an odd integer. */
function isExactTie(value: number, shift: number): boolean {
  const { m, e } = oddMantissa(Math.abs(value));
  // |v|·10^s·2 = m · 5^s · 2^(e+1+s): odd integer iff the power of two vanishes and 5^(−s) divides m when s < 0.
  if (e + 1 + shift !== 0) return false;
  return shift >= 0 || m % 5n ** BigInt(-shift) === 0n;
}

function nonFinite(value: number): string | null {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return null;
}

/**
 * Python's `f"{value:.{digits}f}"`. JavaScript's toFixed breaks exact ties upwards, Python to the even digit
 * (1.03125 → '1.0312'), so ties are detected exactly and re-rounded towards zero when toFixed chose an odd digit.
 */
export function pythonFixed(value: number, digits: number): string {
  const special = nonFinite(value);
  if (special) return special;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  let text = magnitude.toFixed(digits);
  if (magnitude !== 0 && isExactTie(magnitude, digits) && Number(text.at(-1)) % 2 === 1) {
    text = (magnitude - 0.25 * 10 ** -digits).toFixed(digits);
  }
  return sign + text;
}

/** Python's `f"{value:.{digits}e}"`: ties to even, and an exponent of at least two digits ("1.0000e+08"). */
export function pythonScientific(value: number, digits: number): string {
  const special = nonFinite(value);
  if (special) return special;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  let text = magnitude.toExponential(digits);
  if (magnitude !== 0) {
    const leadingExponent = Number(magnitude.toExponential(25).split('e')[1]);
    const mantissa = text.split('e')[0];
    if (isExactTie(magnitude, digits - leadingExponent) && Number(mantissa.at(-1)) % 2 === 1) {
      text = (magnitude - 0.25 * 10 ** (leadingExponent - digits)).toExponential(digits);
    }
  }
  const [mantissa, exponent] = text.split('e');
  const exponentSign = exponent.startsWith('-') ? '-' : '+';
  const exponentDigits = exponent.replace(/^[+-]/, '').padStart(2, '0');
  return `${sign}${mantissa}e${exponentSign}${exponentDigits}`;
}

type Mode = 'int' | 'fixed' | 'sci';

/** PyTorch's `_Formatter`: picks one notation and one width for the whole tensor. */
function chooseFormat(values: readonly number[]): { mode: Mode; width: number } {
  const interesting = values.filter((v) => Number.isFinite(v) && v !== 0);
  if (interesting.length === 0) return { mode: 'int', width: 1 };
  const magnitudes = interesting.map(Math.abs);
  const min = Math.min(...magnitudes);
  const max = Math.max(...magnitudes);
  const allIntegers = interesting.every((v) => v === Math.ceil(v));
  let mode: Mode;
  if (allIntegers) mode = max / min > 1000 || max > 1e8 ? 'sci' : 'int';
  else mode = max / min > 1000 || max > 1e8 || min < 1e-4 ? 'sci' : 'fixed';
  let width = 1;
  for (const v of interesting) {
    const text = mode === 'sci' ? pythonScientific(v, PRECISION) : mode === 'int' ? pythonFixed(v, 0) + '.' : pythonFixed(v, PRECISION);
    width = Math.max(width, text.length);
  }
  return { mode, width };
}

function formatElement(value: number, mode: Mode, width: number): string {
  let text: string;
  if (mode === 'sci') text = pythonScientific(value, PRECISION);
  else if (mode === 'int') text = pythonFixed(value, 0) + (Number.isFinite(value) ? '.' : '');
  else text = pythonFixed(value, PRECISION);
  return text.padStart(width, ' ');
}

/** The elements as PyTorch pads them (without brackets), for tables that should match the printout. */
export function formatTensorElements(values: ArrayLike<number>): string[] {
  const list = Array.from(values);
  const { mode, width } = chooseFormat(list);
  return list.map((v) => formatElement(v, mode, width));
}

/** `repr(tensor)` of a 1-D float32 tensor on the CPU, e.g. `tensor([0., 0., 0.])`. */
export function formatTensor(values: ArrayLike<number>): string {
  const list = Array.from(values);
  if (list.length === 0) return `${PREFIX}[])`;
  const { mode, width } = chooseFormat(list);
  const items = list.map((v) => formatElement(v, mode, width));
  const perLine = Math.max(1, Math.floor((LINE_WIDTH - PREFIX.length) / (width + 2)));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
  return `${PREFIX}[${lines.join(',\n' + ' '.repeat(PREFIX.length + 1))}])`;
}
