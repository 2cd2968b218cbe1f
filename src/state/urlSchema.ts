/**
 * The one table that describes every URL parameter of the app: its type, default and bounds.
 *
 * The parser never throws: a value it cannot use falls back to the default and is reported as a notice, so a
 * teacher's link with a typo still opens the lab and says what it ignored. Serialising writes only the values
 * that differ from their defaults, so shared links stay short.
 */

import { ARTICLE_EXAMPLE, DEFAULT_SCENARIO, DROPOUT_PASS_LIMITS, SCENARIO_LIMITS } from '../engine';

export type SpeedName = 'full' | 'steps' | 'slow';
export type PanelName = 'tensor' | 'network' | 'loss' | 'fit';
export const PANEL_NAMES: readonly PanelName[] = ['tensor', 'network', 'loss', 'fit'];

export interface UrlSettings {
  /** Dropout probability of the dropout twin's hidden layers. */
  p: number;
  seed: number;
  data: 'sine' | 'moons';
  /** Number of training points. */
  n: number;
  noise: number;
  /** Hidden layer widths. */
  layers: number[];
  act: 'tanh' | 'relu';
  lr: number;
  opt: 'adam' | 'sgd';
  /** Mini-batch size; 0 means full batch. */
  batch: number;
  /** Leave a gap in the training inputs (the uncertainty preset). */
  gap: boolean;
  speed: SpeedName;
  /** Network view: show the training pass (masks) or eval mode (all on). */
  view: 'train' | 'eval';
  /** The example of the training batch the network view shows, 1-based (as the chooser numbers them). */
  example: number;
  /** Undefined means "follow the browser's language". */
  locale: 'en' | 'zh-CN' | undefined;
  mode: 'normal' | 'present';
  embed: boolean;
  panels: PanelName[];
  /** Origin of the embedding page allowed to send commands. */
  parent: string | undefined;
  motion: 'full' | 'reduced' | undefined;
  /** Tensor lab: drop probability of its nn.Dropout (the article's 0.7; 0 and 1 are allowed, as in PyTorch). */
  tp: number;
  /** Tensor lab: seed of NumPy's RandomState that draws its masks (the article's printout needs 889). */
  tseed: number;
  /** Tensor lab: the input vector x. */
  tx: number[];
  /** Tensor lab: module mode, train() or eval(). */
  tmode: 'train' | 'eval';
  /** Tensor lab: nn.Dropout(inplace=True). */
  tinplace: boolean;
  /** Tensor lab: forward passes made since the seed (the pass shown is the last; the histogram counts them all). */
  tpass: number;
}

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

export interface UrlNotice {
  param: string;
  /** The rejected value, cut to 60 characters (it is shown to the user as text, never as HTML). */
  value: string;
  reason: RejectionReason;
  /** What would have been accepted, e.g. "0 … 0.95" or "tanh, relu". */
  expected: string;
}

type Spec<T> = {
  default: T;
  /** Longest raw value accepted, when a parameter needs more than the usual 200 characters. */
  maxLength?: number;
  parse(raw: string): { ok: true; value: T } | { ok: false; reason: RejectionReason };
  format(value: T): string;
  expected: string;
  equals?(a: T, b: T): boolean;
};

const MAX_RAW_LENGTH = 200;
/**
 * Unknown and repeated names are reported up to this many. A rejected value of a real parameter is always
 * reported (there are only as many as there are keys), so a flood of junk cannot hide the one typo that matters.
 */
const MAX_EXTRA_NOTICES = 20;

// Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
const PLAIN_DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function numberSpec(def: number, min: number, max: number, integer = false): Spec<number> {
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

function enumSpec<T extends string>(def: T, allowed: readonly T[]): Spec<T> {
  return {
    default: def,
    expected: allowed.join(', '),
    parse(raw) {
      const found = allowed.find((option) => option === raw.trim());
      return found === undefined ? { ok: false, reason: 'notAllowed' } : { ok: true, value: found };
    },
    format: (value) => value,
  };
}

function optionalEnumSpec<T extends string>(allowed: readonly T[]): Spec<T | undefined> {
  const inner = enumSpec<T>(allowed[0], allowed);
  return { ...inner, default: undefined, format: (value) => value ?? '' };
}

function booleanSpec(def: boolean): Spec<boolean> {
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

const layersSpec: Spec<number[]> = {
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

const panelsSpec: Spec<PanelName[]> = {
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

const parentSpec: Spec<string | undefined> = {
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
const tensorInputSpec: Spec<number[]> = {
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

/** The range of the training dropout p: the slider, the [ and ] shortcuts and the embed bridge clamp to it. */
export const P_RANGE = Object.freeze({ min: 0, max: 0.95 });

/** Every URL parameter. The order here is the order in serialised links. */
export const URL_SCHEMA: { [K in keyof UrlSettings]: Spec<UrlSettings[K]> } = {
  // Defaults are the engine's measured overfitting scenario; the bounds are the lab's (narrower than the engine's).
  p: numberSpec(DEFAULT_SCENARIO.p, P_RANGE.min, P_RANGE.max),
  seed: numberSpec(DEFAULT_SCENARIO.seed, 0, 0xffffffff, true),
  data: enumSpec(DEFAULT_SCENARIO.dataset, ['sine', 'moons'] as const),
  n: numberSpec(DEFAULT_SCENARIO.trainSize, 4, 400, true),
  noise: numberSpec(DEFAULT_SCENARIO.noise, 0, 2),
  layers: layersSpec,
  act: enumSpec(DEFAULT_SCENARIO.activation, ['tanh', 'relu'] as const),
  lr: numberSpec(DEFAULT_SCENARIO.learningRate, 0.00001, 10),
  opt: enumSpec(DEFAULT_SCENARIO.optimizer, ['adam', 'sgd'] as const),
  batch: numberSpec(DEFAULT_SCENARIO.batchSize, 0, 400, true),
  gap: booleanSpec(DEFAULT_SCENARIO.gap),
  speed: enumSpec('full', ['full', 'steps', 'slow'] as const),
  view: enumSpec('train', ['train', 'eval'] as const),
  // Past the batch it shows the batch's last example (see showNetworkExample), so the bound is the largest batch.
  example: numberSpec(1, 1, 400, true),
  locale: optionalEnumSpec(['en', 'zh-CN'] as const),
  mode: enumSpec('normal', ['normal', 'present'] as const),
  embed: booleanSpec(false),
  panels: panelsSpec,
  parent: parentSpec,
  motion: optionalEnumSpec(['full', 'reduced'] as const),
  // The tensor lab. Its defaults are the article's example, so a link without these shows the article's printout.
  tp: numberSpec(ARTICLE_EXAMPLE.p, 0, 1),
  tseed: numberSpec(ARTICLE_EXAMPLE.seed, 0, 0xffffffff, true),
  tx: tensorInputSpec,
  tmode: enumSpec('train', ['train', 'eval'] as const),
  tinplace: booleanSpec(false),
  tpass: numberSpec(1, 1, DROPOUT_PASS_LIMITS.maxPasses, true),
};

export const URL_KEYS = Object.keys(URL_SCHEMA) as (keyof UrlSettings)[];

export function defaultUrlSettings(): UrlSettings {
  const settings = {} as Record<string, unknown>;
  for (const key of URL_KEYS) {
    const def = URL_SCHEMA[key].default;
    settings[key] = Array.isArray(def) ? [...def] : def;
  }
  return settings as unknown as UrlSettings;
}

function truncate(raw: string): string {
  return raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
}

function isKey(name: string): name is keyof UrlSettings {
  return Object.prototype.hasOwnProperty.call(URL_SCHEMA, name);
}

/** Parses one value by its key; used by the URL parser and by the embed bridge's `set` command. */
export function parseSetting<K extends keyof UrlSettings>(
  key: K,
  raw: string,
): { ok: true; value: UrlSettings[K] } | { ok: false; notice: UrlNotice } {
  const spec = URL_SCHEMA[key] as Spec<UrlSettings[K]>;
  if (raw.length > (spec.maxLength ?? MAX_RAW_LENGTH)) {
    return { ok: false, notice: { param: key, value: truncate(raw), reason: 'tooLong', expected: spec.expected } };
  }
  const result = spec.parse(raw);
  if (result.ok) return result;
  return { ok: false, notice: { param: key, value: truncate(raw), reason: result.reason, expected: spec.expected } };
}

/**
 * Parses a query string (with or without the leading "?"). Never throws. The first occurrence of a repeated key
 * wins, and the repeats are reported.
 */
export function parseUrlSettings(search: string): { settings: UrlSettings; notices: UrlNotice[] } {
  const settings = defaultUrlSettings() as unknown as Record<string, unknown>;
  const notices: UrlNotice[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { settings: settings as unknown as UrlSettings, notices };
  }
  const seen = new Set<string>();
  let extraNotices = 0;
  const pushExtra = (notice: UrlNotice) => {
    if (extraNotices++ < MAX_EXTRA_NOTICES) notices.push(notice);
  };
  for (const [name, raw] of params) {
    if (!isKey(name)) {
      // Only report names that look like ours; analytics tags a host adds (utm_…) are not the user's mistake.
      if (!name.startsWith('utm_')) pushExtra({ param: truncate(name), value: truncate(raw), reason: 'unknownParameter', expected: '' });
      continue;
    }
    if (seen.has(name)) {
      pushExtra({ param: name, value: truncate(raw), reason: 'repeated', expected: URL_SCHEMA[name].expected });
      continue;
    }
    seen.add(name);
    const parsed = parseSetting(name, raw);
    if (parsed.ok) settings[name] = parsed.value;
    else notices.push(parsed.notice);
  }
  return { settings: settings as unknown as UrlSettings, notices };
}

/** Writes the settings that differ from their defaults as a query string ("" when all are default). */
export function serializeUrlSettings(settings: UrlSettings): string {
  const params = new URLSearchParams();
  for (const key of URL_KEYS) {
    const spec = URL_SCHEMA[key] as Spec<unknown>;
    const value = settings[key];
    const def = spec.default;
    const same = spec.equals ? spec.equals(value, def) : value === def;
    if (!same && value !== undefined) params.set(key, spec.format(value));
  }
  const text = params.toString().replace(/%2C/g, ',');
  return text === '' ? '' : `?${text}`;
}
