/**
 * The settings registry: one entry per setting of the app, and the URL parser and serialiser that read it.
 *
 * An entry says everything the app needs to know about a setting: its URL name (the key), its type, bounds and
 * default (the spec, see settingSpecs.ts), whether changing it restarts training (it maps into the engine's
 * scenario) or applies in place, whether a host page may set it through the embed bridge (an allow-list), the
 * control that edits it with its label and help keys, and a sample value other than the default for the tests.
 * The URL parser, the embed bridge, the settings form and the training restart all read this table, so adding
 * a setting is one entry here plus its strings in src/i18n.
 *
 * The parser never throws: a value it cannot use falls back to the default and is reported as a notice, so a
 * teacher's link with a typo still opens the lab and says what it ignored. Serialising writes only the values
 * that differ from their defaults, so shared links stay short.
 */

// The engine's own modules, not its index: the first screen loads this file (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { ACTIVATIONS } from '../engine/mlp';
import { ARTICLE_EXAMPLE, DROPOUT_PASS_LIMITS } from '../engine/articleExample';
import { DATASET_NAMES } from '../engine/datasetNames';
import { DEFAULT_SCENARIO, SCENARIO_LIMITS, type ScenarioOptions } from '../engine/scenario';
import { OPTIMIZER_NAMES } from '../engine/optim';
import type { PartStrings } from '../i18n/parts.en';
import { LOCALES } from '../i18n';
import { SPEEDS } from '../worker/protocol';
import {
  booleanSpec, enumSpec, layersSpec, numberSpec, optionalEnumSpec, panelsSpec, parentSpec, tensorInputSpec,
  type RejectionReason, type Spec,
} from './settingSpecs';
import { LESSON_STEP_COUNT } from './lesson/steps';
import { hideSpec } from './teacher/hideList';
import { mysterySpec } from './teacher/mysterySpec';

export { PANEL_NAMES, type PanelName, type RejectionReason } from './settingSpecs';
export type SpeedName = (typeof SPEEDS)[number];

export interface UrlNotice {
  param: string;
  /** The rejected value, cut to 60 characters (it is shown to the user as text, never as HTML). */
  value: string;
  reason: RejectionReason;
  /** What would have been accepted, e.g. "0 … 0.95" or "tanh, relu". */
  expected: string;
}

type FormLabelKey = keyof PartStrings['settings']['labels'];
type FormHintKey = keyof PartStrings['settings']['hints'];

/** The control that edits a setting. */
export type SettingControl =
  /** A field of the settings form (src/ui/settings), labelled and explained by these strings of `settings`. */
  | { kind: 'form'; widget: 'select'; label: FormLabelKey }
  | {
      kind: 'form';
      widget: 'text';
      label: FormLabelKey;
      hint: FormHintKey;
      inputMode: 'numeric' | 'decimal' | 'text';
      /** A "new data" button beside the field draws a fresh random value. */
      randomButton?: boolean;
    }
  /** A control of its own in this part of the page (its buttons call the actions of src/state). */
  | { kind: 'panel'; panel: 'network' | 'tensor' | 'header' }
  /** Only in links and embed codes: it decides how the page is framed or whom it trusts. */
  | { kind: 'link' };

export interface SettingEntry<T> extends Spec<T> {
  /**
   * What the value means to the engine. A setting with a mapping defines the trained models, so changing it
   * restarts training; one without applies in place. Combinations the engine refuses are reconciled after all
   * mappings (see scenarioFromSettings in training.ts).
   */
  scenario?: (value: T) => Partial<ScenarioOptions>;
  /** A host page may set it through the embed bridge's `set` command. Absent means no: an allow-list. */
  hostWritable?: true;
  control: SettingControl;
  /** A valid value other than the default, as written in a link: the registry's tests use it. */
  sample: string;
}

function entry<T>(spec: Spec<T>, rest: Omit<SettingEntry<T>, keyof Spec<T>>): SettingEntry<T> {
  return { ...spec, ...rest };
}

/** The range of the training dropout p: the slider, the [ and ] shortcuts and the embed bridge clamp to it. */
export const P_RANGE = Object.freeze({ min: 0, max: 0.95 });
/** The network view: the training pass with its masks, or eval mode with every unit on. */
export const NETWORK_VIEWS = ['train', 'eval'] as const;
/** The two screens, like PhET's: the guided Lesson and the free Lab. */
export const SCREENS = ['lesson', 'lab'] as const;
export type Screen = (typeof SCREENS)[number];

/**
 * `view`: which screen. Undefined means "not said": the start-up decides (see resolveScreen in urlSync.ts).
 * Before the Lesson existed, `view` named the network view (now `netview`): `view=train|eval` still parses,
 * as the Lab (parseUrlSettings then carries the value over to `netview`), so old links and embeds keep working.
 */
const screenSpec: Spec<Screen | undefined> = {
  ...optionalEnumSpec(SCREENS),
  expected: SCREENS.join(', '),
  parse(raw) {
    if ((NETWORK_VIEWS as readonly string[]).includes(raw.trim())) return { ok: true, value: 'lab' };
    return optionalEnumSpec(SCREENS).parse(raw);
  },
};

const host = true as const;
const text = (label: FormLabelKey & FormHintKey, inputMode: 'numeric' | 'decimal' | 'text') =>
  ({ kind: 'form', widget: 'text', label, hint: label, inputMode }) as const;
const select = (label: FormLabelKey) => ({ kind: 'form', widget: 'select', label }) as const;

/**
 * Every setting. The order here is the order in serialised links and in the settings form. Defaults of the
 * scenario are the engine's measured overfitting scenario; the bounds are the lab's (narrower than the engine's).
 */
export const URL_SCHEMA = {
  /** The screen: the Lesson or the Lab (legacy `train`/`eval` open the Lab, see screenSpec). */
  view: entry(screenSpec, { hostWritable: host, control: { kind: 'panel', panel: 'header' }, sample: 'lab' }),
  /** The lesson's step, 1-based. */
  step: entry(numberSpec(1, 1, LESSON_STEP_COUNT, true), { hostWritable: host, control: { kind: 'link' }, sample: '3' }),
  /** Dropout probability of the dropout twin's hidden layers. */
  p: entry(numberSpec(DEFAULT_SCENARIO.p, P_RANGE.min, P_RANGE.max), {
    scenario: (p) => ({ p }), hostWritable: host, control: text('p', 'decimal'), sample: '0.2',
  }),
  seed: entry(numberSpec(DEFAULT_SCENARIO.seed, 0, 0xffffffff, true), {
    scenario: (seed) => ({ seed }), hostWritable: host, control: { ...text('seed', 'numeric'), randomButton: true }, sample: '7',
  }),
  data: entry(enumSpec(DEFAULT_SCENARIO.dataset, DATASET_NAMES), {
    scenario: (dataset) => ({ dataset }), hostWritable: host, control: select('data'), sample: 'moons',
  }),
  /** Number of training points. */
  n: entry(numberSpec(DEFAULT_SCENARIO.trainSize, 4, 400, true), {
    scenario: (trainSize) => ({ trainSize }), hostWritable: host, control: text('n', 'numeric'), sample: '50',
  }),
  noise: entry(numberSpec(DEFAULT_SCENARIO.noise, 0, 2), {
    scenario: (noise) => ({ noise }), hostWritable: host, control: text('noise', 'decimal'), sample: '0.15',
  }),
  /** Hidden layer widths. */
  layers: entry(layersSpec, {
    scenario: (hidden) => ({ hidden: [...hidden] }), hostWritable: host, control: text('layers', 'text'), sample: '16,16',
  }),
  act: entry(enumSpec(DEFAULT_SCENARIO.activation, ACTIVATIONS), {
    scenario: (activation) => ({ activation }), hostWritable: host, control: select('act'), sample: 'relu',
  }),
  lr: entry(numberSpec(DEFAULT_SCENARIO.learningRate, 0.00001, 10), {
    scenario: (learningRate) => ({ learningRate }), hostWritable: host, control: text('lr', 'decimal'), sample: '0.02',
  }),
  opt: entry(enumSpec(DEFAULT_SCENARIO.optimizer, OPTIMIZER_NAMES), {
    scenario: (optimizer) => ({ optimizer }), hostWritable: host, control: select('opt'), sample: 'sgd',
  }),
  /** Mini-batch size; 0 means full batch. */
  batch: entry(numberSpec(DEFAULT_SCENARIO.batchSize, 0, 400, true), {
    scenario: (batchSize) => ({ batchSize }), hostWritable: host, control: { kind: 'panel', panel: 'network' }, sample: '8',
  }),
  /** Leave a gap in the training inputs (the uncertainty preset). */
  gap: entry(booleanSpec(DEFAULT_SCENARIO.gap), {
    scenario: (gap) => ({ gap }), hostWritable: host, control: { kind: 'panel', panel: 'network' }, sample: '1',
  }),
  /** The run's epoch budget: training stops there, and Continue trains as many again. */
  epochs: entry(numberSpec(DEFAULT_SCENARIO.epochs, SCENARIO_LIMITS.minEpochs, SCENARIO_LIMITS.maxEpochs, true), {
    scenario: (epochs) => ({ epochs }), hostWritable: host, control: text('epochs', 'numeric'), sample: '500',
  }),
  speed: entry(enumSpec<SpeedName>('full', SPEEDS), { hostWritable: host, control: { kind: 'panel', panel: 'network' }, sample: 'slow' }),
  /** Network view: show the training pass (masks) or eval mode (all on). Was `view` before the Lesson. */
  netview: entry(enumSpec('train', NETWORK_VIEWS), { hostWritable: host, control: { kind: 'panel', panel: 'network' }, sample: 'eval' }),
  /**
   * The example of the training batch the network view shows, 1-based (as the chooser numbers them). Past the
   * batch it shows the batch's last example (see showNetworkExample), so the bound is the largest batch.
   */
  example: entry(numberSpec(1, 1, 400, true), { hostWritable: host, control: { kind: 'panel', panel: 'network' }, sample: '3' }),
  /** Undefined means "follow the browser's language". */
  locale: entry(optionalEnumSpec(LOCALES), { hostWritable: host, control: { kind: 'panel', panel: 'header' }, sample: 'zh-CN' }),
  mode: entry(enumSpec('normal', ['normal', 'present'] as const), {
    hostWritable: host, control: { kind: 'panel', panel: 'header' }, sample: 'present',
  }),
  /** No page chrome. Not host-writable: it decides how the page is framed. */
  embed: entry(booleanSpec(false), { control: { kind: 'link' }, sample: '1' }),
  panels: entry(panelsSpec, { hostWritable: host, control: { kind: 'link' }, sample: 'loss' }),
  /** Origin of the embedding page allowed to send commands. Not host-writable: it decides whom the lab trusts. */
  parent: entry(parentSpec, { control: { kind: 'link' }, sample: 'https://course.example' }),
  motion: entry(optionalEnumSpec(['full', 'reduced'] as const), {
    hostWritable: host, control: { kind: 'panel', panel: 'header' }, sample: 'reduced',
  }),
  // The tensor lab. Its defaults are the article's example, so a link without these shows the article's printout.
  /** Tensor lab: drop probability of its nn.Dropout (the article's 0.7; 0 and 1 are allowed, as in PyTorch). */
  tp: entry(numberSpec(ARTICLE_EXAMPLE.p, 0, 1), { hostWritable: host, control: { kind: 'panel', panel: 'tensor' }, sample: '0.5' }),
  /** Tensor lab: seed of NumPy's RandomState that draws its masks (the article's printout needs 889). */
  tseed: entry(numberSpec(ARTICLE_EXAMPLE.seed, 0, 0xffffffff, true), {
    hostWritable: host, control: { kind: 'panel', panel: 'tensor' }, sample: '1',
  }),
  /** Tensor lab: the input vector x. */
  tx: entry(tensorInputSpec, { hostWritable: host, control: { kind: 'panel', panel: 'tensor' }, sample: '1,2' }),
  /** Tensor lab: module mode, train() or eval(). */
  tmode: entry(enumSpec('train', ['train', 'eval'] as const), {
    hostWritable: host, control: { kind: 'panel', panel: 'tensor' }, sample: 'eval',
  }),
  /** Tensor lab: nn.Dropout(inplace=True). */
  tinplace: entry(booleanSpec(false), { hostWritable: host, control: { kind: 'panel', panel: 'tensor' }, sample: '1' }),
  /** Tensor lab: forward passes made since the seed (the pass shown is the last; the histogram counts them all). */
  tpass: entry(numberSpec(1, 1, DROPOUT_PASS_LIMITS.maxPasses, true), {
    hostWritable: host, control: { kind: 'panel', panel: 'tensor' }, sample: '5',
  }),
  // The teacher layer (src/ui/teacher). None is host-writable: a host page must not open the teacher's notes and
  // "Reveal p" inside a student's embed, nor start a challenge; `hide` only removes controls, so a host may set it.
  /** Tensor lab: a "mystery p" challenge, as a token that does not show p (see teacher/mysteryToken.ts). */
  mystery: entry(mysterySpec, { control: { kind: 'link' }, sample: 'cdjkbkbfrh' }),
  /** Controls the page leaves out, from the one list HIDEABLE_CONTROLS (built in the teacher panel). */
  hide: entry(hideSpec, { hostWritable: host, control: { kind: 'link' }, sample: 'settings,p' }),
  /** The teacher layer: the step's notes, a QR code of the link, hide-links and the mystery p. */
  teacher: entry(booleanSpec(false), { control: { kind: 'panel', panel: 'header' }, sample: '1' }),
};

type ValueOf<E> = E extends { default: infer T } ? T : never;
/** The value of every setting, as the registry types it. */
export type UrlSettings = { [K in keyof typeof URL_SCHEMA]: ValueOf<(typeof URL_SCHEMA)[K]> };

const MAX_RAW_LENGTH = 200;
/**
 * Unknown and repeated names are reported up to this many. A rejected value of a real parameter is always
 * reported (there are only as many as there are keys), so a flood of junk cannot hide the one typo that matters.
 */
const MAX_EXTRA_NOTICES = 20;

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
  const spec = URL_SCHEMA[key] as unknown as Spec<UrlSettings[K]>;
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
  const legacy = legacyNetworkView(params.get('view') ?? undefined, params.has('netview'));
  if (legacy) settings.netview = legacy;
  return { settings: settings as unknown as UrlSettings, notices };
}

/**
 * A legacy `view=train|eval` (see screenSpec) also sets the network view, unless `netview` itself is given: for
 * links (parseUrlSettings) and for a host page's `set` command alike (embedBridge.ts).
 */
export function legacyNetworkView(view: string | undefined, netviewGiven: boolean): (typeof NETWORK_VIEWS)[number] | null {
  const value = view?.trim();
  return !netviewGiven && (value === 'train' || value === 'eval') ? value : null;
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
