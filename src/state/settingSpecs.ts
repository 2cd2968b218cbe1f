/**
 * The value types of the settings registry (src/state/urlSchema.ts): how one URL value is parsed, checked,
 * written back and compared. Each builder states its bounds once; the registry says what each setting is.
 */
// The engine's own modules, not its index: the first screen loads this file (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { ARTICLE_EXAMPLE, DROPOUT_PASS_LIMITS } from '../engine/articleExample';
import { DEFAULT_SCENARIO, SCENARIO_LIMITS } from '../engine/scenario';

export type PanelName = 'tensor' | 'network' | 'loss' | 'fit';
export const PANEL_NAMES: readonly PanelName[] = ['tensor', 'network', 'loss', 'fit'];

export type RejectionReason =
  | 'notANumber'
  | 'notAnInteger'
  | 'outOfRange'
  | 'notAllowed'
  | 'badList'
  | 'badOrigin'
  | 'unknownParameter'
  | 'repeated'
  | 'tooLong';

export type Spec<T> = {
  /** The allowed values of a choice (what a select lists); absent for free values. */
  options?: readonly T[];
  default: T;
  /** Longest raw value accepted, when a parameter needs more than the usual 200 characters. */
  maxLength?: number;
  parse(raw: string): { ok: true; value: T } | { ok: false; reason: RejectionReason };
  format(value: T): string;
  expected: string;
  equals?(a: T, b: T): boolean;
};

// Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
const PLAIN_DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function numberSpec(def: number, min: number, max: number, integer = false): Spec<number> {
  return {
    default: def,
    expected: `${min} … ${max}`,
    parse(raw) {
      const trimmed = raw.trim();
      if (!PLAIN_DECIMAL.test(trimmed)) return { ok: false, reason: 'notANumber' };
      const value = Number(trimmed);
      if (!Number.isFinite(value)) return { ok: false, reason: 'notANumber' };
      if (integer && !Number.isInteger(value)) return { ok: false, reason: 'notAnInteger' };
      if (value < min || value > max) return { ok: false, reason: 'outOfRange' };
      // "-0" is a valid zero, but -0 would serialise as "0" and break the round trip (Object.is(-0, 0) is false).
      return { ok: true, value: Object.is(value, -0) ? 0 : value };
    },
    format: (value) => String(value),
  };
}

export function enumSpec<T extends string>(def: T, allowed: readonly T[]): Spec<T> {
  return {
    default: def,
    options: allowed,
    expected: allowed.join(', '),
    parse(raw) {
      const found = allowed.find((option) => option === raw.trim());
      return found === undefined ? { ok: false, reason: 'notAllowed' } : { ok: true, value: found };
    },
    format: (value) => value,
  };
}

export function optionalEnumSpec<T extends string>(allowed: readonly T[]): Spec<T | undefined> {
  const inner = enumSpec<T>(allowed[0], allowed);
  return { ...inner, default: undefined, format: (value) => value ?? '' };
}

export function booleanSpec(def: boolean): Spec<boolean> {
  return {
    default: def,
    expected: '0, 1',
    parse(raw) {
      const value = raw.trim().toLowerCase();
      if (value === '1' || value === 'true' || value === '') return { ok: true, value: true };
      if (value === '0' || value === 'false') return { ok: true, value: false };
      return { ok: false, reason: 'notAllowed' };
    },
    format: (value) => (value ? '1' : '0'),
  };
}

const { maxHiddenLayers, maxWidth } = SCENARIO_LIMITS;

export const layersSpec: Spec<number[]> = {
  default: [...DEFAULT_SCENARIO.hidden],
  expected: `1–${maxHiddenLayers} widths of 1 … ${maxWidth}, e.g. 64,64`,
  parse(raw) {
    const parts = raw.split(',').map((part) => part.trim());
    if (parts.length < 1 || parts.length > maxHiddenLayers) return { ok: false, reason: 'badList' };
    const widths: number[] = [];
    for (const part of parts) {
      if (!/^\d{1,4}$/.test(part)) return { ok: false, reason: 'badList' };
      const width = Number(part);
      if (width < 1 || width > maxWidth) return { ok: false, reason: 'outOfRange' };
      widths.push(width);
    }
    return { ok: true, value: widths };
  },
  format: (value) => value.join(','),
  equals: (a, b) => a.length === b.length && a.every((width, i) => width === b[i]),
};

export const panelsSpec: Spec<PanelName[]> = {
  default: [...PANEL_NAMES],
  expected: PANEL_NAMES.join(','),
  parse(raw) {
    const parts = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
    const chosen: PanelName[] = [];
    for (const part of parts) {
      const panel = PANEL_NAMES.find((name) => name === part);
      if (!panel) return { ok: false, reason: 'badList' };
      if (!chosen.includes(panel)) chosen.push(panel);
    }
    if (chosen.length === 0) return { ok: false, reason: 'badList' };
    // Keep the app's own order whatever order the host wrote.
    return { ok: true, value: PANEL_NAMES.filter((name) => chosen.includes(name)) };
  },
  format: (value) => value.join(','),
  equals: (a, b) => a.length === b.length && a.every((panel, i) => panel === b[i]),
};

export const parentSpec: Spec<string | undefined> = {
  default: undefined,
  expected: 'https://host.example',
  parse(raw) {
    try {
      const url = new URL(raw.trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'badOrigin' };
      return { ok: true, value: url.origin };
    } catch {
      return { ok: false, reason: 'badOrigin' };
    }
  },
  format: (value) => value ?? '',
};

/**
 * The tensor lab's input vector: 1 … 64 plain decimals separated by commas, each finite in float32 (NumPy's
 * asarray(…, dtype=float32) would turn a larger one into inf). "-0" stays -0, because PyTorch prints it as -0.
 */
export const tensorInputSpec: Spec<number[]> = {
  default: [...ARTICLE_EXAMPLE.input],
  // Notation rather than words: the notice shows it as it is in every language.
  expected: `x₁,…,xₙ (n = 1 … ${DROPOUT_PASS_LIMITS.maxElements})`,
  // 64 numbers written the longest way JavaScript writes a double ("-1.2345678901234567e-100") and their commas.
  maxLength: DROPOUT_PASS_LIMITS.maxElements * 26,
  parse(raw) {
    const parts = raw.split(',').map((part) => part.trim());
    if (parts.length > DROPOUT_PASS_LIMITS.maxElements) return { ok: false, reason: 'badList' };
    const values: number[] = [];
    for (const part of parts) {
      if (!PLAIN_DECIMAL.test(part)) return { ok: false, reason: 'badList' };
      const value = Number(part);
      if (!Number.isFinite(Math.fround(value))) return { ok: false, reason: 'outOfRange' };
      values.push(value);
    }
    return { ok: true, value: values };
  },
  format: (value) => value.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(','),
  equals: (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i])),
};
