/**
 * The training actions every panel calls (buttons, keyboard shortcuts, the embed bridge). They update the store
 * and the URL and send commands to the worker; the worker alone trains.
 */
import { validateScenario, type ScenarioOptions } from '../engine';
import { connectTrainingWorker, playIntended, sendCommand, sendControl, startNewRun } from '../worker/client';
import type { Speed } from '../worker/protocol';
import { pushNotice, useStore } from './store';
import { P_RANGE, type UrlSettings } from './urlSchema';
import { updateSettings } from './urlSync';

/** Validation points of every scenario: a fine grid, so the validation loss is a smooth estimate. */
const VALIDATION_POINTS = 200;
const EVAL_EVERY_EPOCHS = 10;

/** The bounds of `p` in the URL schema (0 … 0.95): the slider, the shortcuts and the embed bridge share them. */
export const P_BOUNDS = P_RANGE;

/**
 * The URL settings that scenarioFromSettings reads: changing one of them changes the trained models, so it
 * restarts training. Every other setting (layout, language, the tensor lab, the example shown) changes in place.
 */
export const SCENARIO_SETTING_KEYS = ['data', 'seed', 'n', 'noise', 'gap', 'layers', 'act', 'opt', 'lr', 'p', 'batch'] as const;
type ScenarioSettingKey = (typeof SCENARIO_SETTING_KEYS)[number];

/** Splits a change into the part that defines the models and the part that does not. */
export function splitScenarioChange(change: Partial<UrlSettings>): {
  scenario: Partial<Pick<UrlSettings, ScenarioSettingKey>>;
  inPlace: Partial<UrlSettings>;
} {
  const scenario: Partial<UrlSettings> = {};
  const inPlace: Partial<UrlSettings> = {};
  for (const [key, value] of Object.entries(change) as [keyof UrlSettings, unknown][]) {
    if (value === undefined) continue;
    const target = (SCENARIO_SETTING_KEYS as readonly string[]).includes(key) ? scenario : inPlace;
    (target as Record<string, unknown>)[key] = value;
  }
  return { scenario, inPlace };
}

/** The engine scenario that a set of URL settings describes; combinations the engine refuses are made valid. */
export function scenarioFromSettings(settings: UrlSettings): ScenarioOptions {
  return {
    dataset: settings.data,
    seed: settings.seed,
    trainSize: settings.n,
    valSize: VALIDATION_POINTS,
    noise: settings.noise,
    gap: settings.data === 'sine' && settings.gap,
    hidden: [...settings.layers],
    activation: settings.act,
    optimizer: settings.opt,
    learningRate: settings.lr,
    p: settings.p,
    batchSize: Math.min(settings.batch, settings.n),
    evalEvery: EVAL_EVERY_EPOCHS,
  };
}

/** Creates the worker with the URL's settings. Safe to call more than once. */
export function startTraining(): void {
  const { settings } = useStore.getState();
  connectTrainingWorker({ scenario: safeScenario(settings), speed: settings.speed, running: false });
}

/*
 * Play shows at once; "paused" shows only when the worker confirms it (a few ms later), so the epoch on screen
 * never moves after the lab says it stopped: steps already under way when the click came are counted first.
 */
export function play(): void {
  const { training } = useStore.getState();
  if (training.diverged) return;
  useStore.setState({ training: { ...training, running: true } });
  sendControl('play');
}

export function pause(): void {
  sendControl('pause');
}

export function togglePlay(): void {
  // What was last asked for, not what the last snapshot said: two quick presses must cancel out.
  if (playIntended()) pause();
  else play();
}

/** One forward pass (one mask draw) and one update of both twins; pauses a running session first. */
export function stepPass(): void {
  sendControl('stepPass');
}

export function stepEpoch(): void {
  sendControl('stepEpoch');
}

/** Back to epoch 0 with the same settings (the same seed gives the same first mask); playing continues. */
export function resetTraining(): void {
  startNewRun(null);
}

export function setSpeed(speed: Speed): void {
  updateSettings({ speed });
  useStore.setState((state) => ({ training: { ...state.training, speed } }));
  sendCommand({ type: 'setSpeed', speed });
}

/** Changes the dropout twin's p: a different model, so training restarts (and a notice says why). */
export function setDropoutP(p: number): void {
  if (!Number.isFinite(p)) return;
  const clamped = Math.min(P_BOUNDS.max, Math.max(P_BOUNDS.min, p));
  const rounded = Math.round(clamped * 1000) / 1000;
  if (rounded === useStore.getState().settings.p) return;
  applyScenarioSettings({ p: rounded });
}

/** For the [ and ] shortcuts: moves p by `delta` on a 0.05 grid, within the URL schema's bounds. */
export function nudgeDropoutP(delta: number): void {
  const current = useStore.getState().settings.p;
  setDropoutP(Math.round((current + delta) * 100) / 100);
}

export function setView(view: 'train' | 'eval'): void {
  updateSettings({ view });
}

export function toggleView(): void {
  setView(useStore.getState().settings.view === 'train' ? 'eval' : 'train');
}

/**
 * Applies settings that change the trained models: updates the URL, restarts training with them and says so.
 * Settings the engine refuses are not applied; a notice carries the engine's reason.
 */
export function applyScenarioSettings(change: Partial<UrlSettings>): void {
  const next = { ...useStore.getState().settings, ...change };
  let scenario: ScenarioOptions;
  try {
    scenario = validateScenario(scenarioFromSettings(next));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    pushNotice({ key: 'trainingError', kind: 'error', message: { code: 'text', id: 'trainingError', args: [reason] } });
    return;
  }
  updateSettings(change);
  startNewRun(scenario);
  pushNotice({ key: 'trainingReset', kind: 'info', message: { code: 'text', id: 'trainingReset' } });
}

/**
 * How many examples a training batch holds with these settings: the rows the network view can show. The last
 * batch of an epoch may be shorter; the worker then shows its last example.
 */
export function batchRowCount(settings: UrlSettings): number {
  const { batchSize, trainSize } = scenarioFromSettings(settings);
  return batchSize === 0 ? trainSize : batchSize;
}

/**
 * Shows example `row` (0-based) of the training batch in the network view: each example of a batch trains
 * through its own dropout mask, and the worker shows the chosen row of the latest pass. Rows outside the batch
 * are refused (the control explains why); the same row again does nothing.
 */
export function showNetworkExample(row: number): boolean {
  const { settings, networkRow } = useStore.getState();
  if (!Number.isInteger(row) || row < 0 || row >= batchRowCount(settings)) return false;
  if (row === networkRow) return true;
  useStore.setState({ networkRow: row });
  sendCommand({ type: 'showRow', row });
  // In the link too, so a teacher's link opens on the example they were showing.
  updateSettings({ example: row + 1 });
  return true;
}

/** Asks the worker for an MC-dropout band of `samples` stochastic passes on the fit grid. */
export function requestMcBand(samples: number): void {
  if (!Number.isInteger(samples) || samples < 1) return;
  sendCommand({ type: 'requestMc', samples });
}

/** The URL's scenario, or the default one if the engine refuses that combination (the URL parser checks each value alone). */
function safeScenario(settings: UrlSettings): ScenarioOptions {
  try {
    return validateScenario(scenarioFromSettings(settings));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    pushNotice({ key: 'trainingError', kind: 'error', message: { code: 'text', id: 'trainingError', args: [reason] } });
    return validateScenario({});
  }
}
