/**
 * The main thread's side of the training worker: creates it, forwards commands, feeds its events into the store,
 * and restarts it from the last settings when it crashes (error event) or stops answering (no reply to a ping).
 */
import type { ScenarioOptions } from '../engine';
import { appendToHistory } from '../state/history';
import { initialTraining, pushNotice, useStore, type PassView } from '../state/store';
import type { Speed, TrainingSnapshot, WorkerCommand, WorkerEvent } from './protocol';

/** Everything needed to start the worker again after a crash. */
export interface RunConfig {
  scenario: ScenarioOptions;
  speed: Speed;
  running: boolean;
}

export const HEARTBEAT = Object.freeze({
  /** How often the client pings and checks. */
  tickMs: 100,
  /**
   * Silence this long while a ping is outstanding means the worker hangs — on an idle machine. The worker answers
   * between ~10 ms training slices, but a loaded 2-core laptop can starve its thread for a few hundred ms, and a
   * false "hang" throws the student's run away. So the limit is also at least `hangFactor` times the longest
   * silence seen lately, capped at `maxHangMs` so that a real hang is still replaced within a second.
   */
  hangMs: 400,
  hangFactor: 3,
  maxHangMs: 800,
  /** Per message, how much of the longest recent silence is remembered: a stall is forgotten within seconds. */
  silenceMemory: 0.995,
  /** Loading and compiling the worker module may take longer on a busy machine than a hang allows. */
  startupMs: 5000,
  /** A gap this long between two checks means the main thread itself was stalled or throttled: re-arm instead. */
  stalledMs: 500,
});

let worker: Worker | null = null;
let config: RunConfig | null = null;
let heardFromWorker = false;
let createdAt = 0;
let waitingSince: number | null = null;
let lastHeardAt: number | null = null;
let longestRecentSilence = 0;
let lastCheckAt = 0;
let pingId = 0;
let heartbeat: ReturnType<typeof setInterval> | null = null;
let nextRunId = 1;

/** Starts the worker with `initial` unless it is already running (React's StrictMode mounts twice). */
export function connectTrainingWorker(initial: RunConfig): void {
  if (worker || config) return;
  config = initial;
  const runId = nextRunId++;
  useStore.setState((state) => ({ training: { ...state.training, runId, speed: initial.speed, running: initial.running } }));
  launch();
  heartbeat = setInterval(checkHeartbeat, HEARTBEAT.tickMs);
  installTestHooks();
}

/** Sends a command and remembers what a restart would need to restore. */
export function sendCommand(command: WorkerCommand): void {
  if (config) {
    if (command.type === 'play') config.running = true;
    if (command.type === 'pause' || command.type === 'stepPass' || command.type === 'stepEpoch') config.running = false;
    if (command.type === 'setSpeed') config.speed = command.speed;
  }
  worker?.postMessage(command);
}

let controlSeq = 0;

/** Sends play, pause or a step, numbered so that snapshots sent before it can be told apart (see applySnapshot). */
export function sendControl(type: 'play' | 'pause' | 'stepPass' | 'stepEpoch'): void {
  sendCommand({ type, seq: ++controlSeq });
}

/** Whether the last play/pause/step asked for training to run (the worker may not have confirmed it yet). */
export function playIntended(): boolean {
  return config?.running ?? useStore.getState().training.running;
}

/** Starts a new run (new settings or a reset): later snapshots of the old run are dropped by their runId. */
export function startNewRun(scenario: ScenarioOptions | null): number {
  const runId = nextRunId++;
  const state = useStore.getState();
  useStore.setState({ training: { ...initialTraining(state.training.speed), runId, running: state.training.running } });
  if (!config) return runId;
  if (scenario) {
    config.scenario = scenario;
    worker?.postMessage({
      type: 'configure', scenario, runId, speed: config.speed, running: config.running, seq: controlSeq,
      displayRow: useStore.getState().networkRow,
    } satisfies WorkerCommand);
  } else {
    worker?.postMessage({ type: 'reset', runId } satisfies WorkerCommand);
  }
  return runId;
}

function launch(): void {
  if (!config) return;
  heardFromWorker = false;
  waitingSince = null;
  lastHeardAt = null;
  createdAt = performance.now();
  let created: Worker;
  try {
    created = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // E.g. a sandboxed frame without allow-same-origin: the rest of the page still works.
    stopHeartbeat();
    pushNotice({ key: 'worker', kind: 'error', message: { code: 'text', id: 'workerUnavailable' } });
    return;
  }
  worker = created;
  created.onmessage = (event: MessageEvent<WorkerEvent>) => {
    if (created !== worker) return;
    const now = performance.now();
    if (lastHeardAt !== null) longestRecentSilence = Math.max(now - lastHeardAt, longestRecentSilence * HEARTBEAT.silenceMemory);
    lastHeardAt = now;
    heardFromWorker = true;
    waitingSince = null;
    receive(event.data);
  };
  created.onerror = (event) => {
    // Handled here: the notice tells the user, so the browser need not report it as an uncaught error too.
    event.preventDefault();
    if (created === worker) restart();
  };
  created.onmessageerror = () => {
    if (created === worker) restart();
  };
  const runId = useStore.getState().training.runId;
  // The example the network view shows survives a restart: the store, not the worker, remembers it.
  const displayRow = useStore.getState().networkRow;
  created.postMessage({ type: 'configure', runId, ...config, seq: controlSeq, displayRow } satisfies WorkerCommand);
}

/** Replaces a crashed or hung worker: same settings, a fresh run from epoch 0, and a notice saying so. */
function restart(): void {
  worker?.terminate();
  worker = null;
  const runId = nextRunId++;
  const speed = useStore.getState().training.speed;
  useStore.setState({ training: { ...initialTraining(speed), runId, running: config?.running ?? false } });
  pushNotice({ key: 'worker', kind: 'warning', message: { code: 'text', id: 'workerRestarted' } });
  launch();
}

function checkHeartbeat(): void {
  const now = performance.now();
  const stalled = now - lastCheckAt > HEARTBEAT.stalledMs;
  lastCheckAt = now;
  if (!worker) return;
  if (stalled || (typeof document !== 'undefined' && document.hidden)) {
    waitingSince = null;
    return;
  }
  const limit = heardFromWorker ? hangLimit(longestRecentSilence) : HEARTBEAT.startupMs;
  const since = waitingSince ?? (heardFromWorker ? null : createdAt);
  if (since !== null && now - since > limit) {
    restart();
    return;
  }
  if (waitingSince === null && heardFromWorker) waitingSince = now;
  worker.postMessage({ type: 'ping', id: ++pingId } satisfies WorkerCommand);
}

/** How long the worker may stay silent before it counts as hung, given the longest silence seen lately. */
export function hangLimit(longestRecentSilenceMs: number): number {
  return Math.min(HEARTBEAT.maxHangMs, Math.max(HEARTBEAT.hangMs, HEARTBEAT.hangFactor * longestRecentSilenceMs));
}

function stopHeartbeat(): void {
  if (heartbeat !== null) clearInterval(heartbeat);
  heartbeat = null;
}

function receive(event: WorkerEvent): void {
  if (event.type === 'pong') return;
  if (event.type === 'error') {
    pushNotice({ key: 'trainingError', kind: 'error', message: { code: 'text', id: 'trainingError', args: [event.message] } });
    return;
  }
  const training = useStore.getState().training;
  if (event.runId !== training.runId) return;
  switch (event.type) {
    case 'snapshot':
      useStore.setState({ training: applySnapshot(training, event, performance.now()) });
      break;
    case 'dataset':
      useStore.setState({ training: { ...training, dataset: event.dataset } });
      break;
    case 'mc':
      useStore.setState({ training: { ...training, mc: { epoch: event.epoch, xs: event.xs, mean: event.mean, std: event.std } } });
      break;
    case 'diverged':
      if (config) config.running = false;
      useStore.setState({ training: { ...training, diverged: true, running: false } });
      pushNotice({ key: 'diverged', kind: 'warning', message: { code: 'text', id: 'diverged', args: [event.epoch] } });
      break;
  }
}

/**
 * While training runs, new loss points reach the store's history at most this often: every chart that draws the
 * history re-renders on a change, and 20 updates a second already look continuous.
 */
export const HISTORY_FLUSH_MS = 50;
let heldPoints: TrainingSnapshot['lossPoints'] = [];
let heldRunId = -1;
let lastFlushAt = -Infinity;

/** The store's training state after a snapshot; the shown pass keeps its identity while it is unchanged. */
export function applySnapshot(training: ReturnType<typeof initialTraining>, snapshot: TrainingSnapshot, now: number) {
  if (heldRunId !== snapshot.runId) heldPoints = [];
  heldRunId = snapshot.runId;
  if (snapshot.lossPoints.length > 0) heldPoints = heldPoints.concat(snapshot.lossPoints);
  let history = training.history;
  if (heldPoints.length > 0 && (!snapshot.running || now - lastFlushAt >= HISTORY_FLUSH_MS)) {
    history = appendToHistory(history, heldPoints);
    heldPoints = [];
    lastFlushAt = now;
  }
  const previous = training.pass;
  let pass: PassView | null = null;
  if (snapshot.displayPass > 0) {
    // A new example of the same pass (the student chose another row) is a new picture too.
    const same = previous && previous.forwardPasses === snapshot.displayPass && previous.revealLayers === snapshot.revealLayers &&
      previous.displaySample === snapshot.displaySample;
    pass = same ? previous : {
      epoch: snapshot.epoch,
      forwardPasses: snapshot.displayPass,
      displaySample: snapshot.displaySample,
      displayInput: snapshot.displayInput,
      masks: snapshot.masks,
      activations: snapshot.activations,
      evalActivations: snapshot.evalActivations,
      output: snapshot.output,
      revealLayers: snapshot.revealLayers,
    };
  }
  return {
    ...training,
    // A snapshot sent before the worker saw our latest play/pause/step must not undo what the user just did.
    running: snapshot.ackSeq >= controlSeq ? snapshot.running : training.running,
    speed: snapshot.speed,
    epoch: snapshot.epoch,
    forwardPasses: snapshot.forwardPasses,
    diverged: snapshot.diverged,
    epochsPerSecond: snapshot.epochsPerSecond,
    pass,
    history,
    fit: snapshot.fit ?? training.fit,
  };
}

interface TestHooks {
  killWorker(): void;
  hangWorker(): void;
}

/** Fault injection for end-to-end tests: `window.__dropoutLab.killWorker()` and `.hangWorker()`. */
function installTestHooks(): void {
  if (typeof window === 'undefined') return;
  const target = window as unknown as { __dropoutLab?: Partial<TestHooks> & Record<string, unknown> };
  target.__dropoutLab = {
    ...target.__dropoutLab,
    killWorker: () => worker?.postMessage({ type: 'testCrash' } satisfies WorkerCommand),
    hangWorker: () => worker?.postMessage({ type: 'testHang' } satisfies WorkerCommand),
  };
}
