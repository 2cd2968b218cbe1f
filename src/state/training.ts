/**
 * The training actions every panel calls (buttons, keyboard shortcuts, the embed bridge). They update the store
 * and the URL and tell the training client (trainingClient.ts), which talks to the worker; the worker alone trains.
 */
// The engine's own module, not its index: the first screen loads this file (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { validateScenario, type ScenarioOptions } from '../engine/scenario';
import type { Speed } from '../worker/protocol';
import { chooseLocale, setReducedMotion } from './preferences';
import { pushNotice, useStore } from './store';
import { FramePacer } from './framePacer';
import { pageFrames } from './frameLoop';
import { installTestHooks } from './testHooks';
import { TrainingClient } from './trainingClient';
import { P_RANGE, URL_SCHEMA, URL_KEYS, type UrlSettings } from './urlSchema';
import { updateSettings } from './urlSync';

/** Validation points of every scenario: a fine grid, so the validation loss is a smooth estimate. */
const VALIDATION_POINTS = 200;
const EVAL_EVERY_EPOCHS = 10;

/** A snapshot waits at most this long for a frame: a hidden page draws none, and its store must still follow. */
const HIDDEN_PAGE_UPDATE_MS = 250;

/** Paces how often the page takes in snapshots, by how the frames keep up (framePacer.ts). */
const framePacer = new FramePacer();

/** The page's one training client. It starts no worker until startTraining() connects it. */
const client = new TrainingClient({
  createWorker: () => new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' }),
  now: () => performance.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
  pageHidden: () => typeof document !== 'undefined' && document.hidden,
  beforeNextFrame: (callback) => {
    // The snapshot is taken in on the first animation frame that came on time (see FramePacer).
    const waitingSince = performance.now();
    const onFrame = (time: number) => {
      if (!framePacer.onFrame(time, waitingSince)) {
        frame = pageFrames.next(onFrame);
        return;
      }
      clearTimeout(timer);
      callback();
    };
    let frame = pageFrames.next(onFrame);
    // A hidden page draws no frames (also one hidden while waiting); its store, which an embedding page's bridge
    // reads, still follows, more slowly.
    const timer = setTimeout(() => {
      pageFrames.cancel(frame);
      callback();
    }, HIDDEN_PAGE_UPDATE_MS);
  },
  store: {
    training: () => useStore.getState().training,
    setTraining: (training) => useStore.setState({ training }),
    displayRow: () => useStore.getState().networkRow,
    notify: pushNotice,
  },
});

/** The bounds of `p` in the URL schema (0 … 0.95): the slider, the shortcuts and the embed bridge share them. */
export const P_BOUNDS = P_RANGE;

/**
 * The settings that define the trained models (their registry entry maps them into the engine's scenario):
 * changing one restarts training. Every other setting (layout, language, the tensor lab, the example shown)
 * changes in place.
 */
export const SCENARIO_SETTING_KEYS = URL_KEYS.filter((key) => URL_SCHEMA[key].scenario !== undefined);
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
    const target = SCENARIO_SETTING_KEYS.includes(key) ? scenario : inPlace;
    (target as Record<string, unknown>)[key] = value;
  }
  return { scenario, inPlace };
}

/**
 * The engine scenario that a set of URL settings describes: each registry entry's mapping, then the
 * combinations the engine refuses made valid (a gap exists only for the sine data; a batch cannot exceed the
 * training set).
 */
export function scenarioFromSettings(settings: UrlSettings): ScenarioOptions {
  const scenario: Partial<ScenarioOptions> = { valSize: VALIDATION_POINTS, evalEvery: EVAL_EVERY_EPOCHS };
  for (const key of SCENARIO_SETTING_KEYS) {
    const toScenario = URL_SCHEMA[key].scenario as (value: unknown) => Partial<ScenarioOptions>;
    Object.assign(scenario, toScenario(settings[key]));
  }
  const options = scenario as ScenarioOptions;
  return { ...options, gap: options.dataset === 'sine' && options.gap, batchSize: Math.min(options.batchSize, options.trainSize) };
}

/** Creates the worker with the URL's settings. Safe to call more than once. */
export function startTraining(): void {
  const { settings } = useStore.getState();
  client.connect({ scenario: safeScenario(settings), speed: settings.speed, running: false });
  // Fault injection for the end-to-end tests; `vite build --mode e2e` only, so students never get it.
  if (import.meta.env.MODE === 'e2e') installTestHooks(client);
}

/*
 * Play shows at once; "paused" shows only when the worker confirms it (a few ms later), so the epoch on screen
 * never moves after the lab says it stopped: steps already under way when the click came are counted first.
 */
export function play(): void {
  client.play();
}

export function pause(): void {
  client.pause();
}

export function togglePlay(): void {
  // What was last asked for, not what the last snapshot said: two quick presses must cancel out.
  if (client.playIntended()) pause();
  else play();
}

/** One forward pass (one mask draw) and one update of both twins; pauses a running session first. */
export function stepPass(): void {
  client.stepPass();
}

export function stepEpoch(): void {
  client.stepEpoch();
}

/** Back to epoch 0 with the same settings (the same seed gives the same first mask); playing continues. */
export function resetTraining(): void {
  client.startNewRun(null);
}

export function setSpeed(speed: Speed): void {
  updateSettings({ speed });
  client.setSpeed(speed);
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

/** The network view: the training pass with its masks, or eval mode (the `netview` setting). */
export function setView(netview: UrlSettings['netview']): void {
  updateSettings({ netview });
}

export function toggleView(): void {
  setView(useStore.getState().settings.netview === 'train' ? 'eval' : 'train');
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
  client.startNewRun(scenario);
  pushNotice({ key: 'trainingReset', kind: 'info', message: { code: 'text', id: 'trainingReset' } });
}

/** Settings with an action of their own: a change goes through it, as the matching control would. */
const SETTING_ACTIONS: { [K in keyof UrlSettings]?: (value: UrlSettings[K]) => void } = {
  locale: (locale) => {
    if (locale !== undefined) void chooseLocale(locale);
  },
  motion: (motion) => {
    if (motion !== undefined) setReducedMotion(motion === 'reduced');
  },
  netview: setView,
  example: (example) => showNetworkExample(example - 1),
  speed: setSpeed,
};

/**
 * Applies a change of any settings as the registry says: settings with an action go through it, those that
 * define the models restart training (once, together), the others (layout, the tensor lab) change in place.
 * The embed bridge routes a host's `set` through here.
 */
export function applySettingsChange(change: Partial<UrlSettings>): void {
  const rest: Partial<UrlSettings> = {};
  for (const key of URL_KEYS) {
    if (!(key in change)) continue;
    const action = SETTING_ACTIONS[key] as ((value: unknown) => void) | undefined;
    if (action) action(change[key]);
    else (rest as Record<string, unknown>)[key] = change[key];
  }
  const { scenario, inPlace } = splitScenarioChange(rest);
  if (Object.keys(inPlace).length > 0) updateSettings(inPlace);
  if (Object.keys(scenario).length > 0) applyScenarioSettings(scenario);
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
  client.showRow(row);
  // In the link too, so a teacher's link opens on the example they were showing.
  updateSettings({ example: row + 1 });
  return true;
}

/** Asks the worker for an MC-dropout band of `samples` stochastic passes on the fit grid. */
export function requestMcBand(samples: number): void {
  if (!Number.isInteger(samples) || samples < 1) return;
  client.requestMc(samples);
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

/**
 * Puts a whole set of settings in place at once, as a lesson step does. Training restarts only when the models
 * change, and without the "training was reset" notice (the step says what it shows); the speed and the example
 * shown follow the new settings.
 */
export function applyPresetSettings(next: UrlSettings): void {
  const { settings, networkRow } = useStore.getState();
  const modelsChange = JSON.stringify(scenarioFromSettings(next)) !== JSON.stringify(scenarioFromSettings(settings));
  updateSettings(next);
  if (next.speed !== settings.speed) client.setSpeed(next.speed);
  if (next.example - 1 !== networkRow) {
    useStore.setState({ networkRow: next.example - 1 });
    client.showRow(next.example - 1);
  }
  if (modelsChange) client.startNewRun(safeScenario(next));
}
