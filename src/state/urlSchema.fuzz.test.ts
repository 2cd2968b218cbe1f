/**
 * Property-based fuzzing of the URL parser: a teacher's link, a typo or a hostile link must never break the lab.
 *
 * The expectations are written independently of the parser's code: the bounds below are copied from the issue
 * (p in [0, 0.95], 1–3 layers of 1–128 units, …), and "reports each rejected value" is checked as "no silent
 * substitution": a value the parser did not report must be used exactly as written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PANEL_NAMES,
  URL_SCHEMA,
  defaultUrlSettings,
  parseSetting,
  parseUrlSettings,
  serializeUrlSettings,
  type UrlNotice,
  type UrlSettings,
} from './urlSchema';
import { NASTY_QUERIES } from './urlSchema.nasty';
import { HIDEABLE_CONTROLS } from './teacher/hideList';
import { decodeMysteryToken, encodeMysteryP } from './teacher/mysteryToken';

type Key = keyof UrlSettings;
const KEYS = Object.keys(URL_SCHEMA) as Key[];
const RUNS = 10_000;

/** Numeric parameters: [min, max, integer]. */
const NUMBER_BOUNDS: Partial<Record<Key, [number, number, boolean]>> = {
  p: [0, 0.95, false],
  seed: [0, 0xffffffff, true],
  n: [4, 400, true],
  noise: [0, 2, false],
  lr: [0.00001, 10, false],
  batch: [0, 400, true],
  epochs: [1, 1_000_000, true],
  example: [1, 400, true],
  // The lesson's 11 steps.
  step: [1, 11, true],
  // The tensor lab: PyTorch accepts any p in [0, 1]; 2,000 passes at most.
  tp: [0, 1, false],
  tseed: [0, 0xffffffff, true],
  tpass: [1, 2000, true],
};
/** Enumerated parameters; `undefined` means "not set, follow the browser". */
const ENUMS: Partial<Record<Key, readonly (string | undefined)[]>> = {
  data: ['sine', 'moons'],
  act: ['tanh', 'relu'],
  opt: ['adam', 'sgd'],
  speed: ['full', 'steps', 'slow'],
  // The screen; the network view was `view` before the Lesson (legacy values are checked in usedAsWritten).
  view: ['lesson', 'lab', undefined],
  netview: ['train', 'eval'],
  locale: ['en', 'zh-CN', undefined],
  mode: ['normal', 'present'],
  motion: ['full', 'reduced', undefined],
  tmode: ['train', 'eval'],
};
const BOOLEANS: readonly Key[] = ['gap', 'embed', 'tinplace', 'teacher'];
const LISTS: readonly Key[] = ['layers', 'panels', 'parent', 'tx', 'hide', 'mystery'];
/** The tensor lab's input: 1 … 64 numbers, each finite once stored as float32. */
const MAX_TENSOR_ELEMENTS = 64;


/** Throws (with the key in the message) when one setting is outside what the app can run. */
function assertInBounds(settings: UrlSettings): void {
  expect(Object.keys(settings).sort()).toEqual([...KEYS].sort());
  for (const key of KEYS) {
    const value: unknown = settings[key];
    const bounds = NUMBER_BOUNDS[key];
    const options = ENUMS[key];
    if (bounds) {
      const [min, max, integer] = bounds;
      const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && !Object.is(value, -0);
      expect(ok && (!integer || Number.isInteger(value)), `${key}=${String(value)}`).toBe(true);
    } else if (options) {
      expect(options, key).toContain(value);
    } else if (BOOLEANS.includes(key)) {
      expect(typeof value, key).toBe('boolean');
    }
  }
  const { layers, panels, parent, tx, hide, mystery } = settings;
  expect(hide).toEqual(HIDEABLE_CONTROLS.filter((id) => hide.includes(id)));
  if (mystery !== undefined) expect(decodeMysteryToken(mystery).ok, `mystery=${mystery}`).toBe(true);
  expect(tx.length >= 1 && tx.length <= MAX_TENSOR_ELEMENTS, `tx has ${tx.length} elements`).toBe(true);
  // float32 rounds anything below max + half an ulp down to max; beyond that NumPy would store inf.
  for (const value of tx) expect(typeof value === 'number' && Number.isFinite(Math.fround(value)), `tx element ${value}`).toBe(true);
  expect(layers.length >= 1 && layers.length <= 3, `layers=${layers.join(',')}`).toBe(true);
  for (const width of layers) expect(Number.isInteger(width) && width >= 1 && width <= 128, `width ${width}`).toBe(true);
  expect(panels.length).toBeGreaterThan(0);
  expect(panels).toEqual(PANEL_NAMES.filter((name) => panels.includes(name)));
  if (parent !== undefined) {
    const url = new URL(parent);
    expect(['http:', 'https:']).toContain(url.protocol);
    expect(url.origin).toBe(parent);
  }
}

/** True when `value` is what `raw` says, read the plain way a person would (not through the parser). */
function usedAsWritten(key: Key, raw: string, value: unknown): boolean {
  const text = raw.trim();
  if (NUMBER_BOUNDS[key]) return text !== '' && Number(text) === value;
  // Legacy links: `view=train|eval` named the network view; they open the Lab.
  if (key === 'view' && (text === 'train' || text === 'eval')) return value === 'lab';
  if (ENUMS[key]) return text === value;
  if (BOOLEANS.includes(key)) return value === (['', '1', 'true'].includes(text.toLowerCase()));
  if (key === 'layers') return text.split(',').map(Number).join(',') === (value as number[]).join(',');
  if (key === 'tx') {
    const written = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    const used = value as number[];
    return written.length === used.length && written.every((v, i) => Object.is(v, used[i]));
  }
  if (key === 'panels') {
    const named = new Set(text.split(',').map((part) => part.trim()).filter(Boolean));
    return [...named].sort().join(',') === [...(value as string[])].sort().join(',');
  }
  if (key === 'hide') {
    const named = new Set(text.split(',').map((part) => part.trim()).filter(Boolean));
    return [...named].sort().join(',') === [...(value as string[])].sort().join(',');
  }
  if (key === 'mystery') return text.toLowerCase() === value;
  if (key === 'parent') {
    try {
      return new URL(text).origin === value;
    } catch {
      return false;
    }
  }
  return false;
}

function isKey(name: string): name is Key {
  return (KEYS as string[]).includes(name);
}

/** The whole contract for one query string; returns the result so callers can check more. */
function checkQuery(query: string): { settings: UrlSettings; notices: UrlNotice[] } {
  const result = parseUrlSettings(query);
  const { settings, notices } = result;
  assertInBounds(settings);
  for (const notice of notices) {
    expect(notice.value.length, 'notice values are cut short').toBeLessThanOrEqual(60);
    expect(notice.param.length).toBeLessThanOrEqual(60);
  }
  const defaults = defaultUrlSettings();
  const seen = new Set<string>();
  const extras: [string, string][] = [];
  for (const [name, raw] of new URLSearchParams(query)) {
    if (!isKey(name) || seen.has(name)) {
      if (!name.startsWith('utm_')) extras.push([name, raw]);
      continue;
    }
    seen.add(name);
    const reported = notices.some((notice) => notice.param === name && notice.reason !== 'repeated');
    if (reported) expect(settings[name], `${name} falls back to its default`).toEqual(defaults[name]);
    else expect(usedAsWritten(name, raw, settings[name]), `${name}=${raw} was neither used nor reported`).toBe(true);
  }
  // Repeats and unknown names are each reported, up to a cap that keeps the notice area readable.
  const extraNotices = notices.filter((notice) => notice.reason === 'repeated' || notice.reason === 'unknownParameter');
  expect(extraNotices.length).toBe(Math.min(extras.length, 20));
  for (const key of KEYS) if (!seen.has(key)) expect(settings[key]).toEqual(defaults[key]);
  return result;
}

// ---------- generators ----------

const ADVERSARIAL_VALUES = [
  '', ' ', 'NaN', 'nan', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-400', '-0', '+0', '0x10', '0b11', '0o7', '1_000',
  '9'.repeat(400), '-1', '-64', '1e21', '9007199254740993', '4294967296', '0.951', '10.0000001', '.', '..5', '5.', 'e5',
  '10000', '10000,10000', '64,64,64,64', ',', ',,', '64,', ' 64 , 64 ', '0', '129', '64;64', '64%2C64', '１２８',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert('x')", '%', '%%', '%zz', '%E0%A4%A',
  '%00', '\u0000', '\uFEFF1', '٣', '丢弃概率', '😀', 'true', 'TRUE', 'yes', 'null', 'undefined', '[object Object]',
  '__proto__', 'constructor', 'tensor,network,loss,fit,tensor', 'tensor,,fit', 'https://nowhere.example',
  'https://nowhere.example:8443/path?x=1', 'http://[::1]:80', 'https://例子.测试', 'file:///etc/passwd', 'data:text/html,x',
  'https://', 'null', 'a'.repeat(10_000),
  // Tensor inputs: too many, too large for float32, holes, Python's list brackets.
  Array.from({ length: 65 }, (_, i) => i).join(','), '3.5e38', '-3.5e38', '1,,2', '[1,2,3]', '1,2,', '1e-46,-0', '0.1,0.2',
];

const nameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('P', 'Layers', 'utm_source', 'utm_', '__proto__', 'constructor', 'toString', '', ' p', 'p ', 'p[]', '<b>x</b>', '丢弃', 'x'.repeat(500)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

function validValueArb(key: Key): fc.Arbitrary<string> {
  const bounds = NUMBER_BOUNDS[key];
  if (bounds) {
    const [min, max, integer] = bounds;
    return integer ? fc.integer({ min, max }).map(String) : fc.double({ min, max, noNaN: true }).map(String);
  }
  const options = ENUMS[key];
  if (options) return fc.constantFrom(...options.filter((option) => option !== undefined));
  if (BOOLEANS.includes(key)) return fc.constantFrom('0', '1', 'true', 'false', '');
  if (key === 'layers') return fc.array(fc.integer({ min: 1, max: 128 }), { minLength: 1, maxLength: 3 }).map((w) => w.join(','));
  if (key === 'panels') return fc.subarray([...PANEL_NAMES], { minLength: 1 }).map((names) => names.join(','));
  if (key === 'hide') return fc.subarray([...HIDEABLE_CONTROLS]).map((ids) => ids.join(','));
  if (key === 'mystery') {
    return fc.tuple(fc.integer({ min: 5, max: 95 }), fc.integer({ min: 0, max: 0xffff })).map(([hundredths, salt]) => encodeMysteryP(hundredths / 100, salt));
  }
  if (key === 'tx') {
    const element = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -3e38, max: 3e38, noNaN: true }), fc.constant(-0));
    return fc
      .array(element, { minLength: 1, maxLength: MAX_TENSOR_ELEMENTS })
      .map((values) => values.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(','));
  }
  return fc.constantFrom('https://school.example', 'http://localhost:8080', 'https://a.b.example/page');
}

const valueArb = (key: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: isKey(key) ? validValueArb(key) : fc.constant('1') },
    { weight: 4, arbitrary: fc.constantFrom(...ADVERSARIAL_VALUES) },
    { weight: 2, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: -20_000, max: 20_000 }), { maxLength: 5 }).map((w) => w.join(',')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('%', '2', 'C', 'z', '&', '=', '+', '#', '<', '>', ';', ' '), maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 150, maxLength: 400 }) },
  );

/** A query string made of pairs, either properly percent-encoded or pasted raw (so `&`, `=` and `%` break it). */
const pairedQueryArb: fc.Arbitrary<string> = fc
  .array(nameArb.chain((name) => fc.tuple(fc.constant(name), valueArb(name), fc.boolean())), { maxLength: 14 })
  .chain((pairs) =>
    fc.tuple(fc.constant(pairs), fc.constantFrom('?', '', '??', '?&')).map(([list, prefix]) =>
      prefix + list.map(([name, value, encode]) => (encode ? `${encodeURIComponent(name)}=${encodeURIComponent(value)}` : `${name}=${value}`)).join('&'),
    ),
  );

const queryArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: pairedQueryArb },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_QUERIES.map((nasty) => nasty.query)) },
);

// ---------- properties ----------

describe('parseUrlSettings under fuzzing', () => {
  it('the bounds in this test cover every URL parameter', () => {
    const covered = KEYS.filter((key) => NUMBER_BOUNDS[key] || ENUMS[key] || BOOLEANS.includes(key) || LISTS.includes(key));
    expect(covered).toEqual(KEYS);
    for (const [key, bounds] of Object.entries(NUMBER_BOUNDS)) {
      expect(URL_SCHEMA[key as Key].expected).toBe(`${bounds[0]} … ${bounds[1]}`);
    }
  });

  it(`never throws, stays in bounds and reports every value it did not use (${RUNS} queries)`, () => {
    fc.assert(fc.property(queryArb, (query) => void checkQuery(query)), { numRuns: RUNS });
  });

  it('parses its own serialisation back to the same settings, with no notices', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const { settings } = parseUrlSettings(query);
        const again = parseUrlSettings(serializeUrlSettings(settings));
        expect(again.settings).toEqual(settings);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips any valid settings, not only defaults', () => {
    const settingsArb = fc.record(
      Object.fromEntries(
        KEYS.map((key) => [key, validValueArb(key).map((raw) => {
          const parsed = parseSetting(key, raw);
          if (!parsed.ok) throw new Error(`generator produced an invalid ${key}: ${raw}`);
          return parsed.value;
        })]),
      ) as { [K in Key]: fc.Arbitrary<UrlSettings[K]> },
    );
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const again = parseUrlSettings(serializeUrlSettings(settings));
        expect(again.notices).toEqual([]);
        expect(again.settings).toEqual(settings);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the nastiest queries (also loaded in the browser by e2e/nasty-urls.spec.ts)', () => {
  const short = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}…` : text);
  it.each(NASTY_QUERIES.map((nasty) => [short(nasty.query), nasty.query, nasty.param] as const))('%s', (_title, query, param) => {
    const { notices } = checkQuery(query);
    expect(notices.map((notice) => notice.param)).toContain(param);
  });

  it('a flood of unknown or repeated names cannot push a real rejection out of the notices', () => {
    const flood = Array.from({ length: 5_000 }, (_, i) => `junk${i}=1`).join('&');
    const repeats = Array.from({ length: 5_000 }, () => 'seed=1').join('&');
    const { settings, notices } = checkQuery(`?${flood}&${repeats}&p=abc&lr=1e9`);
    expect(notices.map((notice) => notice.param)).toEqual(expect.arrayContaining(['p', 'lr']));
    expect(notices.length).toBeLessThanOrEqual(KEYS.length + 20);
    expect(settings.seed).toBe(1);
  });

  it('a script tag stays an inert string, cut to 60 characters', () => {
    const { notices } = checkQuery(`?p=${encodeURIComponent('<script>' + 'x'.repeat(100) + '</script>')}`);
    expect(notices).toHaveLength(1);
    expect(notices[0].value.startsWith('<script>')).toBe(true);
    expect(notices[0].value.length).toBe(58);
  });
});
