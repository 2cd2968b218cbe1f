/**
 * The main thread's side of the training worker, as one object: it creates the worker, forwards commands, turns
 * the worker's events into store updates, and restarts the worker from the last settings when it crashes (error
 * event) or stops answering (no reply to a ping).
 *
 * It lives in src/state because it writes the store: the worker (src/worker) knows nothing of the store, and this
 * file knows the worker only through its typed protocol. Everything it touches outside itself (the Worker
 * constructor, the clock, the timer, the store) is injected, so each test builds a fresh client and the tests
 * pass in any order.
 *
 * "Is training running" has one owner, this client: `intent.playing` is what the last play/pause/step asked for
 * until the worker has handled that command, and the worker's own state after (the worker stops by itself when
 * a loss diverges or the epoch budget is spent). The store's `training.running` mirrors it for the views.
 */
import type { ScenarioOptions } from '../engine';
import { unpackLossPoints, type SnapshotMessage, type Speed, type TrainingSnapshot, type WorkerCommand, type WorkerEvent } from '../worker/protocol';
import { applySnapshot, mergeSnapshots, NO_HELD_POINTS, type HeldPoints } from './applySnapshot';
import { initialTraining, type AppNotice, type TrainingState } from './store';

/** A worker event as the client handles it: a snapshot's loss points unpacked (see SnapshotMessage). */
type ClientEvent = TrainingSnapshot | Exclude<WorkerEvent, SnapshotMessage>;

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
  /**
   * A gap this long between two checks (a 100 ms interval firing 150 ms late) means the main thread itself was
   * stalled or throttled, or the machine is so busy that its timers slip: the worker's silence then says nothing
   * about a hang, so the wait re-arms. (CI run 38 lost a run this way: two browsers on 2 cores starved the worker
   * past 800 ms. With 500 ms here, only a main thread stalled for half a second counted.)
   */
  stalledMs: 250,
});

/** How long the worker may stay silent before it counts as hung, given the longest silence seen lately. */
export function hangLimit(longestRecentSilenceMs: number): number {
  return Math.min(HEARTBEAT.maxHangMs, Math.max(HEARTBEAT.hangMs, HEARTBEAT.hangFactor * longestRecentSilenceMs));
}

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(command: WorkerCommand): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** The client's view of the app store: training state in, training state and notices out. */
export interface TrainingStore {
  training(): TrainingState;
  setTraining(training: TrainingState): void;
  /** The example of the batch the network view shows: the store, not the worker, remembers it. */
  displayRow(): number;
  notify(notice: Omit<AppNotice, 'id'>): void;
}

export interface ClientDeps {
  /** Creates the training worker; throws when the browser refuses (e.g. a sandboxed frame without an origin). */
  createWorker(): WorkerLike;
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Whether the page is hidden (a hidden tab's timers are throttled, so silence proves nothing). */
  pageHidden(): boolean;
  /**
   * Calls `callback` once, before a later frame is drawn (requestAnimationFrame in the page, paced by
   * FramePacer). Snapshots of a running training that arrive meanwhile are merged and applied there as one store
   * update: the worker may send them faster than a slow computer draws, and the page then shows fewer, complete
   * frames instead of falling behind. Without it every snapshot is applied when it arrives (unit tests).
   */
  beforeNextFrame?(callback: () => void): void;
  store: TrainingStore;
}

/** Everything needed to start the worker again after a crash. */
export interface RunConfig {
  scenario: ScenarioOptions;
  speed: Speed;
  running: boolean;
}

/** The connection to the worker, one state at a time. */
type Link =
  | { kind: 'idle' }
  /** The browser cannot run the worker; the rest of the page still works. */
  | { kind: 'unavailable' }
  /** Created and sent its configuration; nothing heard yet (module loading can take seconds). */
  | { kind: 'starting'; worker: WorkerLike; since: number }
  /** Answering; `waitingSince` is when the oldest unanswered ping went out. */
  | { kind: 'live'; worker: WorkerLike; lastHeardAt: number; waitingSince: number | null };

type Control = 'play' | 'pause' | 'stepPass' | 'stepEpoch';

export class TrainingClient {
  private link: Link = { kind: 'idle' };
  /** What a restart restores; `playing` is the one answer to "should training run". Null until connect(). */
  private intent: { scenario: ScenarioOptions; speed: Speed; playing: boolean } | null = null;
  private nextRunId = 1;
  /** Number of the latest play/pause/step; the worker echoes the last one it handled. */
  private controlSeq = 0;
  private pingId = 0;
  private longestRecentSilence = 0;
  private lastCheckAt = 0;
  private held: HeldPoints = NO_HELD_POINTS;
  /** Snapshots received since the last frame, merged into one (see ClientDeps.beforeNextFrame). */
  private pendingSnapshot: TrainingSnapshot | null = null;
  /**
   * Snapshots of the current worker received and not yet acknowledged. The worker sends the next ones only as
   * the page takes these in ('snapshotsTaken'), so how many snapshots the page decodes follows its frames.
   */
  private unacknowledgedSnapshots = 0;
  private stopHeartbeat: (() => void) | null = null;
  /**
   * The first ping sent after the latest command, and whether the worker has answered it. The worker handles its
   * messages in order, so that answer means it has done everything it was asked; if training is not running
   * either, the worker is idle and the heartbeat stops until the next command (see checkHeartbeat).
   */
  private probe: { pingId: number; answered: boolean } | null = null;

  constructor(private readonly deps: ClientDeps) {}

  /** Starts the worker with `initial` unless it is already started (React's StrictMode mounts twice). */
  connect(initial: RunConfig): void {
    if (this.link.kind !== 'idle') return;
    this.intent = { scenario: initial.scenario, speed: initial.speed, playing: initial.running };
    const runId = this.nextRunId++;
    const { store } = this.deps;
    store.setTraining({ ...store.training(), runId, speed: initial.speed, running: initial.running });
    this.launch();
  }

  /** Whether the last play/pause/step asked for training to run (the worker may not have confirmed it yet). */
  playIntended(): boolean {
    return this.intent?.playing ?? this.deps.store.training().running;
  }

  /** Play shows at once; "paused" shows only when the worker confirms it, so the epoch on screen never moves after. */
  play(): void {
    const { store } = this.deps;
    const training = store.training();
    if (training.diverged) return;
    // Continue on a finished run trains another budget (the worker extends it): it is not finished any more.
    store.setTraining({ ...training, running: true, finished: false });
    this.control('play');
  }

  pause(): void {
    this.control('pause');
  }

  stepPass(): void {
    this.control('stepPass');
  }

  stepEpoch(): void {
    this.control('stepEpoch');
  }

  setSpeed(speed: Speed): void {
    if (this.intent) this.intent.speed = speed;
    const { store } = this.deps;
    store.setTraining({ ...store.training(), speed });
    this.post({ type: 'setSpeed', speed });
  }

  showRow(row: number): void {
    this.post({ type: 'showRow', row });
  }

  requestMc(samples: number): void {
    this.post({ type: 'requestMc', samples });
  }

  /** Starts a new run (new settings, or the same ones for a reset): later events of the old run are dropped. */
  startNewRun(scenario: ScenarioOptions | null): number {
    const runId = this.nextRunId++;
    const { store } = this.deps;
    const training = store.training();
    store.setTraining({ ...initialTraining(training.speed), runId, running: training.running });
    if (!this.intent) return runId;
    if (scenario) {
      this.intent.scenario = scenario;
      this.post({
        type: 'configure', scenario, runId, speed: this.intent.speed, running: this.intent.playing, seq: this.controlSeq,
        displayRow: store.displayRow(),
      });
    } else {
      this.post({ type: 'reset', runId });
    }
    return runId;
  }

  /** Test builds only (see src/state/testHooks.ts): make the worker crash or hang, as a bug would. */
  injectFault(fault: 'crash' | 'hang'): void {
    this.post({ type: fault === 'crash' ? 'testCrash' : 'testHang' });
  }

  /** Stops the heartbeat and the worker (tests; the app keeps its client for the page's life). */
  dispose(): void {
    this.stopWatching();
    if (this.link.kind === 'starting' || this.link.kind === 'live') this.link.worker.terminate();
    this.link = { kind: 'idle' };
  }

  private control(type: Control): void {
    if (this.intent) this.intent.playing = type === 'play';
    this.post({ type, seq: ++this.controlSeq });
  }

  private post(command: WorkerCommand): void {
    if (this.link.kind !== 'starting' && this.link.kind !== 'live') return;
    this.link.worker.postMessage(command);
    // Taking snapshots in asks the worker for nothing it must answer; every other command is work to watch.
    if (command.type !== 'snapshotsTaken') this.watchWorker();
  }

  /** Starts the heartbeat, if it was stopped, for a worker that has been given work (see checkHeartbeat). */
  private watchWorker(): void {
    this.probe = null;
    if (this.stopHeartbeat) return;
    // The first check after a quiet spell is not a late one.
    this.lastCheckAt = this.deps.now();
    this.stopHeartbeat = this.deps.every(HEARTBEAT.tickMs, () => this.checkHeartbeat());
  }

  private stopWatching(): void {
    this.stopHeartbeat?.();
    this.stopHeartbeat = null;
  }

  private launch(): void {
    const intent = this.intent;
    if (!intent) return;
    const { deps } = this;
    let worker: WorkerLike;
    try {
      worker = deps.createWorker();
    } catch {
      this.stopWatching();
      this.link = { kind: 'unavailable' };
      deps.store.notify({ key: 'worker', kind: 'error', message: { code: 'text', id: 'workerUnavailable' } });
      return;
    }
    this.link = { kind: 'starting', worker, since: deps.now() };
    // What an earlier worker sent is not this one's to count (the pending snapshot, if any, is of an older run).
    this.unacknowledgedSnapshots = 0;
    const current = () => (this.link.kind === 'starting' || this.link.kind === 'live') && this.link.worker === worker;
    worker.onmessage = (event) => {
      if (!current()) return;
      this.heard();
      this.receive(event.data);
    };
    worker.onerror = (event) => {
      // Handled here: the notice tells the user, so the browser need not report it as an uncaught error too.
      event.preventDefault();
      if (current()) this.restart();
    };
    worker.onmessageerror = () => {
      if (current()) this.restart();
    };
    const runId = deps.store.training().runId;
    this.post({
      type: 'configure', runId, scenario: intent.scenario, speed: intent.speed, running: intent.playing,
      seq: this.controlSeq, displayRow: deps.store.displayRow(),
    });
  }

  private heard(): void {
    const now = this.deps.now();
    if (this.link.kind === 'live') {
      this.longestRecentSilence = Math.max(now - this.link.lastHeardAt, this.longestRecentSilence * HEARTBEAT.silenceMemory);
    }
    if (this.link.kind === 'starting' || this.link.kind === 'live') {
      this.link = { kind: 'live', worker: this.link.worker, lastHeardAt: now, waitingSince: null };
    }
  }

  /** Replaces a crashed or hung worker: same settings, a fresh run from epoch 0, and a notice saying so. */
  private restart(): void {
    if (this.link.kind === 'starting' || this.link.kind === 'live') this.link.worker.terminate();
    this.link = { kind: 'idle' };
    const runId = this.nextRunId++;
    const { store } = this.deps;
    store.setTraining({ ...initialTraining(store.training().speed), runId, running: this.intent?.playing ?? false });
    store.notify({ key: 'worker', kind: 'warning', message: { code: 'text', id: 'workerRestarted' } });
    this.launch();
  }

  private checkHeartbeat(): void {
    const now = this.deps.now();
    const stalled = now - this.lastCheckAt > HEARTBEAT.stalledMs;
    this.lastCheckAt = now;
    const link = this.link;
    if (link.kind !== 'starting' && link.kind !== 'live') return;
    if (stalled || this.deps.pageHidden()) {
      if (link.kind === 'live') this.link = { ...link, waitingSince: null };
      return;
    }
    const since = link.kind === 'starting' ? link.since : link.waitingSince;
    const limit = link.kind === 'starting' ? HEARTBEAT.startupMs : hangLimit(this.longestRecentSilence);
    if (since !== null && now - since > limit) {
      this.restart();
      return;
    }
    // A worker that has answered since its last command and is not training has nothing to hang on. An idle page
    // (a step being read, a paused or finished run) then wakes neither thread ten times a second: at 4× slower CPU
    // the pings and their answers cost the idle lesson about 40 ms of main thread a second. The next command
    // starts the heartbeat again (watchWorker).
    if (link.kind === 'live' && link.waitingSince === null && this.probe?.answered && !this.trainingExpected()) {
      this.stopWatching();
      return;
    }
    // A worker heard from since the last tick (a training run's snapshots arrive every frame) is plainly alive: a
    // ping would only cost both threads a message, about 10 ms of main thread a second at 4× slower CPU. One that
    // falls silent, hung or held back until the page takes its snapshots in, is pinged at the next tick as before.
    if (link.kind === 'live' && link.waitingSince === null) {
      if (now - link.lastHeardAt < HEARTBEAT.tickMs) return;
      this.link = { ...link, waitingSince: now };
    }
    link.worker.postMessage({ type: 'ping', id: ++this.pingId });
    this.probe ??= { pingId: this.pingId, answered: false };
  }

  /** Whether training runs or was asked to: either way the worker has work, and its silence would be a hang. */
  private trainingExpected(): boolean {
    return this.playIntended() || this.deps.store.training().running;
  }

  /**
   * Applies the snapshots merged since the last frame, if any (and if their run is still the current one), and
   * tells the worker they were taken in.
   */
  private applyPendingSnapshot(): void {
    const snapshot = this.pendingSnapshot;
    this.pendingSnapshot = null;
    if (snapshot && snapshot.runId === this.deps.store.training().runId) this.applyToStore(snapshot);
    this.acknowledgeSnapshots();
  }

  private acknowledgeSnapshots(): void {
    if (this.unacknowledgedSnapshots === 0) return;
    this.post({ type: 'snapshotsTaken', count: this.unacknowledgedSnapshots });
    this.unacknowledgedSnapshots = 0;
  }

  private applyToStore(snapshot: TrainingSnapshot): void {
    const { store } = this.deps;
    const next = applySnapshot(store.training(), snapshot, { latestControl: this.controlSeq, held: this.held, now: this.deps.now() });
    this.held = next.held;
    store.setTraining(next.training);
  }

  private receive(message: WorkerEvent): void {
    const { store } = this.deps;
    if (message.type === 'pong') {
      if (this.probe?.pingId === message.id) this.probe.answered = true;
      return;
    }
    if (message.type === 'snapshot') this.unacknowledgedSnapshots++;
    const event: ClientEvent = message.type === 'snapshot' ? { ...message, lossPoints: unpackLossPoints(message.lossPoints) } : message;
    if (event.type === 'snapshot' && this.deps.beforeNextFrame) {
      if (event.runId !== store.training().runId) {
        // An older run's snapshot costs nothing more: taken in, unless the current run's still waits for a frame.
        if (!this.pendingSnapshot) this.acknowledgeSnapshots();
        return;
      }
      const pending = this.pendingSnapshot;
      // A snapshot of an earlier run (a reset came in between) is replaced, never merged.
      this.pendingSnapshot = pending && pending.runId === event.runId ? mergeSnapshots(pending, event) : event;
      // Once the worker has handled the latest command, its state is the answer (it stops by itself at a
      // diverged loss or at the end of the budget).
      if (this.intent && event.ackSeq >= this.controlSeq) this.intent.playing = event.running;
      // A stopped run (paused, diverged, at its end) sends no stream to pace: its state is the one the reader
      // waits for, so it reaches the store at once instead of after a frame or a paced wait.
      if (!event.running) {
        this.applyPendingSnapshot();
        return;
      }
      if (!pending) this.deps.beforeNextFrame(() => this.applyPendingSnapshot());
      return;
    }
    // Any other event comes after the snapshots already received: they reach the store first. (Without frames,
    // a snapshot is taken in right here, in the same task: it is acknowledged with them.)
    this.applyPendingSnapshot();
    if (event.type === 'error') {
      store.notify({ key: 'trainingError', kind: 'error', message: { code: 'text', id: 'trainingError', args: [event.message] } });
      return;
    }
    const training = store.training();
    if (event.runId !== training.runId) return;
    switch (event.type) {
      case 'snapshot': {
        if (this.intent && event.ackSeq >= this.controlSeq) this.intent.playing = event.running;
        this.applyToStore(event);
        break;
      }
      case 'dataset':
        store.setTraining({ ...training, dataset: event.dataset });
        break;
      case 'mc':
        store.setTraining({ ...training, mc: { epoch: event.epoch, xs: event.xs, mean: event.mean, std: event.std } });
        break;
      case 'diverged':
        if (this.intent) this.intent.playing = false;
        store.setTraining({ ...training, diverged: true, running: false });
        store.notify({ key: 'diverged', kind: 'warning', message: { code: 'text', id: 'diverged', args: [event.epoch] } });
        break;
    }
  }
}
