/**
 * What the student types into the tensor lab, read the forgiving way a person writes numbers and checked the
 * strict way PyTorch and NumPy would check them. The science itself (passes, tallies, conventions) is in the
 * engine: see runDropoutLab in src/engine/dropoutPasses.ts.
 */
// The engine's own modules, not its index: the first screen loads this file through the lesson's main action
// (tensorActions.ts; see FIRST_SCREEN_ENGINE in vite.config.ts).
import { ARTICLE_EXAMPLE, DROPOUT_PASS_LIMITS } from '../../engine/articleExample';
import { assertDropoutProbability, dropoutProbabilityMessage } from '../../engine/dropout';
import { assertSeed } from '../../engine/validate';

export const MAX_ELEMENTS = DROPOUT_PASS_LIMITS.maxElements;
export const MAX_PASSES = DROPOUT_PASS_LIMITS.maxPasses;
export const ARTICLE_SEED = ARTICLE_EXAMPLE.seed;
export const ARTICLE_P = ARTICLE_EXAMPLE.p;
export const ARTICLE_INPUT: readonly number[] = ARTICLE_EXAMPLE.input;

export type ParseResult<T, E> = { ok: true; value: T } | { ok: false; error: E };

export type ProbabilityError =
  | { kind: 'empty' }
  | { kind: 'notNumber'; text: string }
  | { kind: 'range'; message: string };
export type SeedError = { kind: 'empty' } | { kind: 'invalid'; text: string };
export type VectorError =
  | { kind: 'empty' }
  | { kind: 'notNumber'; token: string; position: number }
  | { kind: 'tooLarge'; token: string; position: number }
  | { kind: 'tooMany'; count: number };

// A plain decimal literal as Python reads one; Number() alone would also accept "0x10", "Infinity" and "".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Students paste "−0.1" (typographic minus) and full-width digits from documents; read them as ASCII. */
function normaliseNumberText(text: string): string {
  return text
    .trim()
    .replace(/[\u2212\uFF0D]/g, '-')
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E/g, '.');
}

export function parseProbability(text: string): ParseResult<number, ProbabilityError> {
  const cleaned = normaliseNumberText(text);
  if (cleaned === '') return { ok: false, error: { kind: 'empty' } };
  if (!DECIMAL.test(cleaned)) return { ok: false, error: { kind: 'notNumber', text: text.trim() } };
  const p = Number(cleaned);
  try {
    assertDropoutProbability(p);
  } catch {
    return { ok: false, error: { kind: 'range', message: dropoutProbabilityMessage(p) } };
  }
  return { ok: true, value: p };
}

export function parseSeed(text: string): ParseResult<number, SeedError> {
  const cleaned = normaliseNumberText(text);
  if (cleaned === '') return { ok: false, error: { kind: 'empty' } };
  const seed = /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  try {
    assertSeed(seed);
  } catch {
    return { ok: false, error: { kind: 'invalid', text: text.trim() } };
  }
  return { ok: true, value: seed };
}

/** Reads "1, 2, 3", "1 2 3" or a pasted "[1., 2., 3.]"; Chinese commas and 、 separate too. */
export function parseVector(text: string): ParseResult<number[], VectorError> {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  const tokens = body.split(/[\s,，、;；]+/).filter((token) => token !== '');
  if (tokens.length === 0) return { ok: false, error: { kind: 'empty' } };
  if (tokens.length > MAX_ELEMENTS) return { ok: false, error: { kind: 'tooMany', count: tokens.length } };
  const values: number[] = [];
  for (const [index, token] of tokens.entries()) {
    const cleaned = normaliseNumberText(token);
    if (!DECIMAL.test(cleaned)) return { ok: false, error: { kind: 'notNumber', token, position: index + 1 } };
    const value = Number(cleaned);
    // float32 overflows to inf beyond ~3.4e38, and NumPy's asarray(..., dtype=float32) would do the same.
    if (!Number.isFinite(Math.fround(value))) return { ok: false, error: { kind: 'tooLarge', token, position: index + 1 } };
    values.push(value);
  }
  return { ok: true, value: values };
}

/** The typed text for a vector, as the input field shows it ("-0" stays -0: PyTorch prints it with its sign). */
export function vectorText(values: readonly number[]): string {
  return values.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(', ');
}

/** The typed text for a probability or a seed, as its field shows it. */
export function numberText(value: number): string {
  return String(value);
}

/** Same numbers, element for element (Object.is, so -0 and 0 differ as PyTorch's printout does). */
export function sameVector(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
