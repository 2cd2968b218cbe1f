/**
 * The lesson's steps, as data. A step is a preset of the same store the Lab uses (no second model of the app):
 * the panels its figure shows, the settings it puts in place, what it highlights, an optional question whose
 * wrong choices each name a misconception, how its answer is revealed, its main action and a teacher note.
 * Adding a step is one entry here plus its strings in src/i18n/lesson.en.ts and lesson.zh-CN.ts (keyed by id).
 *
 * Pure data and pure functions: no store, no DOM (the unit tests read it in Node).
 */
// The engine's own module, not its index: the first screen loads this file (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { DATA_SIZES } from '../../engine/experiments/dataSizes';
import type { UrlSettings } from '../urlSchema';

/**
 * Every misconception a wrong choice can name: one list, so the teacher notes and the feedback texts
 * (strings.lesson.misconceptions) cannot drift apart. The first eight come from ../shared/SOURCE.md.
 */
export const MISCONCEPTIONS = [
  'dividedByP',
  'exactlyNp',
  'weightsSavedRestored',
  'pIsKeep',
  'onAtTest',
  'dropoutTrainLossComparable',
  'moreDropoutAlwaysBetter',
  'helpsWithPlentifulData',
  'sameMaskForBatch',
  'trainLossShowsGeneralisation',
  'allUnitsAlwaysBetter',
  'uncertaintyEverywhere',
] as const;
export type MisconceptionId = (typeof MISCONCEPTIONS)[number];

/** What the lesson's figure can show: the Lab's four panels and its p-sweep. */
export type LessonPanel = 'network' | 'loss' | 'fit' | 'tensor' | 'sweep';

/**
 * How the answer is revealed. `static`: the explanation alone (with numbers from the engine where it quotes
 * any). The others quote the student's own numbers, read live from the store: `twinRun` and `overfitRun` the
 * loss history, `dropoutRun` it too with the dropout-on train loss, `tensorTally` the tensor lab's passes,
 * `networkPass` the masks of the pass shown, `mcGap` and `mcBand` the MC-dropout band, `sweep` the p-sweep,
 * `dataSize` the run at the chosen number of training points.
 */
export type RevealKind =
  | 'static'
  | 'twinRun'
  | 'overfitRun'
  | 'dropoutRun'
  | 'tensorTally'
  | 'tensorScale'
  | 'networkPass'
  | 'mcGap'
  | 'mcBand'
  | 'sweep'
  | 'dataSize';

/** The one button of the step card that starts what the step is about. */
export type MainAction = 'play' | 'forward100' | 'stepPass' | 'sweep';

export interface LessonChoice {
  /** Stable id, used for the strings and in tests. */
  id: string;
  /** A wrong choice names the misconception it reveals; the right one has none. */
  misconception?: MisconceptionId;
  correct?: true;
}

export interface LessonStep {
  /** Stable id: the key of the step's strings and of `data-step` in the page. */
  id: string;
  /** The panels of the figure, in the order they are laid out (the first is the largest on a phone). */
  panels: readonly LessonPanel[];
  /**
   * The Lab settings this step puts in place. Every setting the lesson owns (LESSON_OWNED_KEYS) that a step does
   * not name goes back to its default, so a step always shows the same figure however the student got there.
   */
  preset: Partial<UrlSettings>;
  /** The part of the figure the step points at (styled by `data-highlight` on the figure). */
  highlight: LessonHighlight;
  question?: { choices: readonly LessonChoice[] };
  reveal: RevealKind;
  mainAction?: MainAction;
  /** Extra settings the student may switch between inside the step (e.g. the number of training points). */
  variants?: { key: 'n'; values: readonly number[] };
  /** The panels the step's texts talk about: each must be among `panels` (checked in steps.test.ts). */
  refs: readonly LessonPanel[];
  /** Options of the Lab panels as this step shows them (the same components; these are their props). */
  panelOptions?: { showTrainWithDropout?: boolean; mcDropout?: boolean };
  /** A measured experiment (src/engine/experiments) the reveal runs and tabulates: it is part of the answer. */
  experiment?: 'ensemble' | 'data-size';
  teacher: { misconceptions: readonly MisconceptionId[]; minutes: number };
}

export type LessonHighlight =
  | 'none'
  | 'network'
  | 'valPlain'
  | 'trainDropoutOn'
  | 'histogram'
  | 'elementPath'
  | 'exampleChooser'
  | 'mcBand'
  | 'sweepChart'
  | 'gap';

/** The uncertainty preset, as the Lab's "Uncertainty demo" button sets it (measured: seed 1, see engine). */
const UNCERTAINTY = { data: 'sine', gap: true, act: 'relu', p: 0.3, seed: 1 } as const satisfies Partial<UrlSettings>;

export const LESSON_STEPS: readonly LessonStep[] = [
  {
    id: 'hook',
    panels: ['network', 'loss'],
    preset: {},
    highlight: 'network',
    question: {
      choices: [
        { id: 'dropout', correct: true },
        { id: 'plain', misconception: 'allUnitsAlwaysBetter' },
        { id: 'same', misconception: 'trainLossShowsGeneralisation' },
      ],
    },
    reveal: 'twinRun',
    mainAction: 'play',
    refs: ['network', 'loss'],
    teacher: { misconceptions: ['allUnitsAlwaysBetter'], minutes: 5 },
  },
  {
    id: 'tenNumbers',
    panels: ['tensor'],
    preset: { tp: 0.7, tseed: 889, tpass: 1 },
    highlight: 'histogram',
    question: {
      choices: [
        { id: 'exactly7', misconception: 'exactlyNp' },
        { id: 'about7', correct: true },
        { id: 'about3', misconception: 'pIsKeep' },
      ],
    },
    reveal: 'tensorTally',
    mainAction: 'forward100',
    refs: ['tensor'],
    teacher: { misconceptions: ['exactlyNp', 'pIsKeep'], minutes: 6 },
  },
  {
    id: 'scale',
    panels: ['tensor'],
    preset: { tp: 0.7, tseed: 889, tpass: 1 },
    highlight: 'elementPath',
    question: {
      choices: [
        { id: 'inverted', correct: true },
        { id: 'dividedByP', misconception: 'dividedByP' },
        { id: 'stillOn', misconception: 'onAtTest' },
        { id: 'restored', misconception: 'weightsSavedRestored' },
      ],
    },
    reveal: 'tensorScale',
    refs: ['tensor'],
    teacher: { misconceptions: ['dividedByP', 'onAtTest', 'weightsSavedRestored'], minutes: 6 },
  },
  {
    id: 'perExample',
    panels: ['network'],
    preset: { speed: 'steps', p: 0.5 },
    highlight: 'exampleChooser',
    question: {
      choices: [
        { id: 'shared', misconception: 'sameMaskForBatch' },
        { id: 'ownAboutHalf', correct: true },
        { id: 'ownExactlyHalf', misconception: 'exactlyNp' },
      ],
    },
    reveal: 'networkPass',
    mainAction: 'stepPass',
    refs: ['network'],
    teacher: { misconceptions: ['sameMaskForBatch', 'exactlyNp'], minutes: 5 },
  },
  {
    id: 'overfit',
    panels: ['loss', 'fit'],
    preset: {},
    highlight: 'valPlain',
    question: {
      choices: [
        { id: 'keepsFalling', misconception: 'trainLossShowsGeneralisation' },
        { id: 'minThenRise', correct: true },
        { id: 'flat', misconception: 'allUnitsAlwaysBetter' },
      ],
    },
    reveal: 'overfitRun',
    mainAction: 'play',
    refs: ['loss', 'fit'],
    teacher: { misconceptions: ['trainLossShowsGeneralisation'], minutes: 6 },
  },
  {
    id: 'withDropout',
    panels: ['loss', 'fit'],
    preset: {},
    highlight: 'trainDropoutOn',
    panelOptions: { showTrainWithDropout: true },
    question: {
      choices: [
        { id: 'trainHigherValLower', correct: true },
        { id: 'bothLower', misconception: 'allUnitsAlwaysBetter' },
        { id: 'noisyIsVal', misconception: 'dropoutTrainLossComparable' },
      ],
    },
    reveal: 'dropoutRun',
    mainAction: 'play',
    refs: ['loss', 'fit'],
    teacher: { misconceptions: ['dropoutTrainLossComparable'], minutes: 6 },
  },
  {
    id: 'ensemble',
    panels: ['fit', 'network'],
    preset: {},
    highlight: 'mcBand',
    panelOptions: { mcDropout: true },
    question: {
      choices: [
        { id: 'close', correct: true },
        { id: 'mustAverage', misconception: 'onAtTest' },
        { id: 'unrelated', misconception: 'weightsSavedRestored' },
      ],
    },
    reveal: 'mcGap',
    experiment: 'ensemble',
    mainAction: 'play',
    refs: ['fit', 'network'],
    teacher: { misconceptions: ['onAtTest'], minutes: 6 },
  },
  {
    id: 'chooseP',
    panels: ['sweep'],
    preset: {},
    highlight: 'sweepChart',
    question: {
      choices: [
        { id: 'largest', misconception: 'moreDropoutAlwaysBetter' },
        { id: 'middle', correct: true },
        { id: 'keepMeaning', misconception: 'pIsKeep' },
      ],
    },
    reveal: 'sweep',
    mainAction: 'sweep',
    refs: ['sweep'],
    teacher: { misconceptions: ['moreDropoutAlwaysBetter', 'pIsKeep'], minutes: 7 },
  },
  {
    id: 'moreData',
    panels: ['loss', 'fit'],
    preset: { n: 300 },
    highlight: 'valPlain',
    // The data-size experiment's sizes, so the live twins show the runs its table measured.
    variants: { key: 'n', values: [...DATA_SIZES] },
    question: {
      choices: [
        { id: 'sameGain', misconception: 'helpsWithPlentifulData' },
        { id: 'smallerGain', correct: true },
      ],
    },
    reveal: 'dataSize',
    experiment: 'data-size',
    mainAction: 'play',
    refs: ['loss', 'fit'],
    teacher: { misconceptions: ['helpsWithPlentifulData'], minutes: 6 },
  },
  {
    id: 'uncertainty',
    panels: ['fit'],
    preset: UNCERTAINTY,
    highlight: 'gap',
    panelOptions: { mcDropout: true },
    question: {
      choices: [
        { id: 'inGap', correct: true },
        { id: 'everywhere', misconception: 'uncertaintyEverywhere' },
        { id: 'atNoisyPoints', misconception: 'trainLossShowsGeneralisation' },
      ],
    },
    reveal: 'mcBand',
    mainAction: 'play',
    refs: ['fit'],
    teacher: { misconceptions: ['uncertaintyEverywhere'], minutes: 5 },
  },
  {
    id: 'costs',
    panels: ['loss'],
    preset: {},
    highlight: 'trainDropoutOn',
    panelOptions: { showTrainWithDropout: true },
    question: {
      choices: [
        { id: 'slowerNoisier', correct: true },
        { id: 'keepOn', misconception: 'onAtTest' },
        { id: 'noCost', misconception: 'moreDropoutAlwaysBetter' },
      ],
    },
    reveal: 'static',
    mainAction: 'play',
    refs: ['loss'],
    teacher: { misconceptions: ['onAtTest', 'helpsWithPlentifulData'], minutes: 5 },
  },
];

export const LESSON_STEP_COUNT = LESSON_STEPS.length;

/**
 * The settings the lesson decides: a step sets them (or leaves them at their defaults). Everything else — the
 * language, present mode, motion, embedding, the seed unless a step names one — stays the reader's.
 */
export const LESSON_OWNED_KEYS = [
  'p', 'data', 'n', 'noise', 'layers', 'act', 'lr', 'opt', 'batch', 'gap', 'speed', 'netview', 'example',
  'tp', 'tseed', 'tx', 'tmode', 'tinplace', 'tpass',
] as const satisfies readonly (keyof UrlSettings)[];

/** The step of a 1-based number, clamped to the lesson. */
export function stepAt(number: number): LessonStep {
  const index = Math.min(LESSON_STEP_COUNT, Math.max(1, Math.round(number))) - 1;
  return LESSON_STEPS[index];
}

/**
 * The settings of step `step`: the current ones with every lesson-owned setting at its default, then the step's
 * preset; the seed is the reader's (`readerSeed`) unless the step names one.
 */
export function settingsForStep(current: UrlSettings, defaults: UrlSettings, step: LessonStep, readerSeed: number): UrlSettings {
  const next: Record<string, unknown> = { ...current, seed: readerSeed };
  for (const key of LESSON_OWNED_KEYS) {
    const value = defaults[key];
    next[key] = Array.isArray(value) ? [...value] : value;
  }
  return { ...(next as unknown as UrlSettings), ...step.preset };
}

/**
 * What a lesson link carries: the settings the step does not decide (and the step). Writing the step's preset
 * into the link too would only make it long: loading the step puts the preset back.
 */
export function lessonLinkSettings(settings: UrlSettings, defaults: UrlSettings): UrlSettings {
  const step = stepAt(settings.step);
  const link: Record<string, unknown> = { ...settings };
  for (const key of LESSON_OWNED_KEYS) link[key] = defaults[key];
  if (step.preset.seed !== undefined) link.seed = defaults.seed;
  return link as unknown as UrlSettings;
}
