import { assertDropoutProbability, dropoutProbabilityMessage } from './dropout';
import type { DatasetName } from './datasetNames';
import type { Activation } from './mlp';
import type { OptimizerName } from './optim';
import { assertPositiveFinite, assertPositiveInteger, assertSeed, describeValue } from './validate';

/** Everything that defines one twin-training run. The same options always give the same numbers. */
export interface ScenarioOptions {
  dataset: DatasetName;
  /** Drives the data, the initial weights, the dropout masks and the batch order (separate derived streams). */
  seed: number;
  trainSize: number;
  valSize: number;
  noise: number;
  /** Leave DEFAULT_GAP (sine only) without training points. */
  gap: boolean;
  /** Hidden widths: 1–3 layers of 1–128 units. */
  hidden: number[];
  activation: Activation;
  optimizer: OptimizerName;
  learningRate: number;
  /** Dropout probability on every hidden layer of the dropout twin. */
  p: number;
  /** Samples per step; 0 = full batch. */
  batchSize: number;
  /** Epochs between evaluations. */
  evalEvery: number;
  /**
   * The run's budget: how many epochs the run trains before it ends (simulate(), the CLI and the app stop
   * there). Optional so that older callers that build a scenario field by field still type-check;
   * validateScenario fills it from DEFAULT_SCENARIO.
   */
  epochs?: number;
}

/** A scenario after validateScenario: every option present, the epoch budget included. */
export type ResolvedScenario = Required<ScenarioOptions>;

/** Limits the UI sliders and the validator share. */
export const SCENARIO_LIMITS = Object.freeze({
  maxTrainSize: 2000,
  maxValSize: 5000,
  maxNoise: 10,
  maxHiddenLayers: 3,
  maxWidth: 128,
  maxLearningRate: 100,
  maxEvalEvery: 100_000,
  /**
   * The epoch budget: at least one epoch, at most 1,000,000 (about 2 minutes of twin training at the default size
   * on the 2-core reference machine: a class-length run, and a window long enough for the benchmarks).
   */
  minEpochs: 1,
  maxEpochs: 1_000_000,
});

/**
 * The overfitting demo: 20 noisy sine points are far too few for 128 tanh units, so without dropout the
 * validation loss bottoms out early and then climbs. Tuned by measurement (overfitting.test.ts,
 * scripts/measure-overfitting.ts, the README's science section): Adam at lr 0.003, p = 0.5, one hidden layer of
 * 128 and a budget of 8,000 epochs. The earlier 1-64-64-1 on 30 points (3,000 epochs) overfitted as clearly, but
 * dropping units of its first hidden layer let the dropout model grow steep steps on noisy neighbours (slope
 * above 4 on 5 of seeds 0–29) and its no-dropout model overfitted weakly on others: 19 of 90 seeds missed a
 * bound, against 0 of 60 for this network (and about 1 in 20 further on, seeds 60–299). The budget ends the run
 * before the dropout model sharpens: lr 0.01 kept sharpening it into a staircase (slope 44 by 10,000 epochs).
 */
export const DEFAULT_SCENARIO: Readonly<ResolvedScenario> = Object.freeze({
  dataset: 'sine',
  seed: 0,
  trainSize: 20,
  valSize: 200,
  noise: 0.3,
  gap: false,
  hidden: Object.freeze([128]) as unknown as number[],
  activation: 'tanh',
  optimizer: 'adam',
  learningRate: 0.003,
  p: 0.5,
  batchSize: 0,
  evalEvery: 10,
  epochs: 8000,
});

/** How many epochs the uncertainty preset is meant to be trained for before showing MC dropout. */
export const UNCERTAINTY_PRESET_EPOCHS = 2000;

/**
 * The MC-dropout uncertainty demo, chosen by measurement (scripts/measure-uncertainty.ts; uncertainty.test.ts).
 * With tanh the MC spread stays flat (gap/train std ratio 0.9–1.2 in every variant tried). With ReLU, no training
 * points in DEFAULT_GAP = [−1.5, 1.5] and p = 0.3, the MC std (T = 30) inside the gap is 1.81× the std at the
 * training points after 1,000 and 2,000 epochs and 1.67× after 3,000 for seed 1; other seeds give 1.2–1.8×.
 */
export const UNCERTAINTY_PRESET: Readonly<Partial<ScenarioOptions>> = Object.freeze({
  dataset: 'sine',
  seed: 1,
  gap: true,
  activation: 'relu',
  // Measured with these; pinned so that tuning the overfitting default does not move this demo.
  trainSize: 30,
  hidden: Object.freeze([64, 64]) as unknown as number[],
  learningRate: 0.01,
  p: 0.3,
  // Its own budget: the overfitting default's is longer than this demo was measured for.
  epochs: UNCERTAINTY_PRESET_EPOCHS,
});

const KEYS = Object.keys(DEFAULT_SCENARIO) as (keyof ScenarioOptions)[];

/**
 * Fills missing options from DEFAULT_SCENARIO and checks every one, throwing a RangeError that names the
 * argument and its value. Unknown keys are rejected too, so a typo (`learningrate`) is not silently ignored.
 */
export function validateScenario(options: Partial<ScenarioOptions> = {}): ResolvedScenario {
  if (typeof options !== 'object' || options === null) {
    throw new RangeError(`options must be an object, but got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key as keyof ScenarioOptions)) throw new RangeError(`unknown scenario option ${JSON.stringify(key)}`);
  }
  const pick = <K extends keyof ScenarioOptions>(key: K): ScenarioOptions[K] =>
    (options[key] === undefined ? DEFAULT_SCENARIO[key] : options[key]) as ScenarioOptions[K];
  const o: ResolvedScenario = { ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden] };
  for (const key of KEYS) (o as unknown as Record<string, unknown>)[key] = pick(key);

  oneOf(o.dataset, 'dataset', ['sine', 'moons']);
  assertSeed(o.seed, 'seed');
  assertPositiveInteger(o.trainSize, 'trainSize', SCENARIO_LIMITS.maxTrainSize);
  assertPositiveInteger(o.valSize, 'valSize', SCENARIO_LIMITS.maxValSize);
  if (typeof o.noise !== 'number' || !(o.noise >= 0 && o.noise <= SCENARIO_LIMITS.maxNoise)) {
    throw new RangeError(`noise must be a number between 0 and ${SCENARIO_LIMITS.maxNoise}, but got ${describeValue(o.noise)}`);
  }
  if (typeof o.gap !== 'boolean') throw new RangeError(`gap must be true or false, but got ${describeValue(o.gap)}`);
  if (o.gap && o.dataset !== 'sine') throw new RangeError(`gap is only available for the sine dataset, but dataset is ${o.dataset}`);
  if (!Array.isArray(o.hidden) || o.hidden.length < 1 || o.hidden.length > SCENARIO_LIMITS.maxHiddenLayers) {
    throw new RangeError(`hidden must list 1 to ${SCENARIO_LIMITS.maxHiddenLayers} layer widths, but got ${describeValue(o.hidden)}`);
  }
  o.hidden.forEach((w, i) => assertPositiveInteger(w, `hidden[${i}]`, SCENARIO_LIMITS.maxWidth));
  o.hidden = [...o.hidden];
  oneOf(o.activation, 'activation', ['tanh', 'relu']);
  oneOf(o.optimizer, 'optimizer', ['adam', 'sgd']);
  assertPositiveFinite(o.learningRate, 'learningRate');
  if (o.learningRate > SCENARIO_LIMITS.maxLearningRate) {
    throw new RangeError(`learningRate must be at most ${SCENARIO_LIMITS.maxLearningRate}, but got ${o.learningRate}`);
  }
  try {
    assertDropoutProbability(o.p);
  } catch {
    // PyTorch's wording, prefixed with the option name so a form can point at the right field.
    throw new RangeError(`p: ${dropoutProbabilityMessage(o.p)}`);
  }
  if (typeof o.batchSize !== 'number' || !Number.isInteger(o.batchSize) || o.batchSize < 0 || o.batchSize > o.trainSize) {
    throw new RangeError(`batchSize must be an integer between 0 (full batch) and trainSize (${o.trainSize}), but got ${describeValue(o.batchSize)}`);
  }
  assertPositiveInteger(o.evalEvery, 'evalEvery', SCENARIO_LIMITS.maxEvalEvery);
  assertPositiveInteger(o.epochs, 'epochs', SCENARIO_LIMITS.maxEpochs);
  return o;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, but got ${describeValue(value)}`);
  }
}
