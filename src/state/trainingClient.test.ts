import { describe, expect, it } from 'vitest';
import { validateScenario } from '../engine';
import { packLossPoints, type SnapshotMessage, type TrainingSnapshot, type WorkerCommand, type WorkerEvent } from '../worker/protocol';
import { HEARTBEAT, TrainingClient, hangLimit, type WorkerLike } from './trainingClient';
import { initialTraining, type AppNotice, type TrainingState } from './store';

/** A client with a fake worker, clock, timer and store: nothing shared between tests. */
function harness(options: { workerUnavailable?: boolean; frames?: boolean } = {}) {
  let now = 0;
  const frameCallbacks: (() => void)[] = [];
  let tick: (() => void) | null = null;
  const workers: (WorkerLike & { sent: WorkerCommand[]; terminated: boolean })[] = [];
  const notices: Omit<AppNotice, 'id'>[] = [];
  let training: TrainingState = initialTraining();
  const client = new TrainingClient({
    createWorker: () => {
      if (options.workerUnavailable) throw new Error('SecurityError');
      const worker = {
        sent: [] as WorkerCommand[], terminated: false, onmessage: null, onerror: null, onmessageerror: null,
        postMessage(command: WorkerCommand) { this.sent.push(command); },
        terminate() { this.terminated = true; },
      };
      workers.push(worker);
      return worker;
    },
    now: () => now,
    every: (_ms, callback) => {
      tick = callback;
      return () => (tick = null);
    },
    pageHidden: () => false,
    ...(options.frames ? { beforeNextFrame: (callback: () => void) => void frameCallbacks.push(callback) } : {}),
    store: { training: () => training, setTraining: (next) => (training = next), displayRow: () => 3, notify: (n) => notices.push(n) },
  });
  const worker = () => workers.at(-1)!;
  const emit = (event: WorkerEvent) => worker().onmessage!({ data: event } as MessageEvent<WorkerEvent>);
  /** A snapshot as the worker posts it: `lossPoints` given as points, sent packed. */
  const snapshot = ({ lossPoints = [], ...extra }: Partial<TrainingSnapshot>): SnapshotMessage => ({
    type: 'snapshot', runId: training.runId, epoch: 0, forwardPasses: 0, running: false, ackSeq: 0, speed: 'full', diverged: false, finished: false, budgetEnd: 3000,
    displayPass: 0, revealLayers: 0, displaySample: -1, displayInput: new Float32Array(0), masks: [], activations: [],
    evalActivations: [], output: NaN, epochsPerSecond: 0, layerKernel: 'js', ...extra, lossPoints: packLossPoints(lossPoints),
  });
  const advance = (ms: number) => {
    // The heartbeat runs every tickMs, as the interval would.
    for (let t = 0; t < ms; t += HEARTBEAT.tickMs) {
      now += HEARTBEAT.tickMs;
      tick?.();
    }
  };
  /** Time passes with no heartbeat check (between two ticks). */
  const wait = (ms: number) => {
    now += ms;
  };
  /** One heartbeat check that comes `gapMs` after the previous one: the page's own timer fired late. */
  const advanceLate = (gapMs: number) => {
    now += gapMs;
    tick?.();
  };
  const connect = () => client.connect({ scenario: validateScenario({}), speed: 'full', running: false });
  const frame = () => frameCallbacks.splice(0).forEach((callback) => callback());
  return {
    client, workers, worker, emit, snapshot, advance, wait, advanceLate, connect, notices, training: () => training, tickArmed: () => tick !== null,
    frame, framesRequested: () => frameCallbacks.length,
  };
}

describe('hang detection', () => {
  it('calls 400 ms of silence a hang on a machine whose worker answers promptly', () => {
    expect(hangLimit(16)).toBe(HEARTBEAT.hangMs);
    expect(hangLimit(100)).toBe(HEARTBEAT.hangMs);
  });
  it('waits longer on a machine that has lately starved the worker, so a busy laptop does not lose its run', () => {
    expect(hangLimit(200)).toBe(600);
  });
  it('still restarts a worker that never answers, within the cap', () => {
    expect(hangLimit(10_000)).toBe(HEARTBEAT.maxHangMs);
  });

  it('replaces a worker that stops answering pings: same settings, a new run, a notice', () => {
    const h = harness();
    h.connect();
    h.emit({ type: 'pong', id: 0 });
    h.client.play();
    const runBefore = h.training().runId;
    h.advance(HEARTBEAT.hangMs + 2 * HEARTBEAT.tickMs);
    expect(h.workers).toHaveLength(2);
    expect(h.workers[0].terminated).toBe(true);
    expect(h.worker().sent[0]).toMatchObject({ type: 'configure', running: true, displayRow: 3, runId: h.training().runId });
    expect(h.training().runId).toBeGreaterThan(runBefore);
    expect(h.notices.map((n) => n.key)).toEqual(['worker']);
  });

  it("keeps a silent worker while the page's own timers slip: a busy machine, not a hung worker", () => {
    const h = harness();
    h.connect();
    h.emit({ type: 'pong', id: 0 });
    h.client.play();
    // Twice the cap of silence, but every check comes 300 ms after the one before (its interval is 100 ms).
    for (let t = 0; t < 2 * HEARTBEAT.maxHangMs; t += 300) h.advanceLate(300);
    expect(h.workers).toHaveLength(1);
    // Once the timers keep time again, the same silence is a hang.
    h.advance(HEARTBEAT.maxHangMs + 2 * HEARTBEAT.tickMs);
    expect(h.workers).toHaveLength(2);
  });

  /** Answers every ping the worker has been sent and not yet answered. */
  const answerPings = (h: ReturnType<typeof harness>) => {
    const answered = new Set<number>();
    return () => {
      for (const command of h.worker().sent) {
        if (command.type !== 'ping' || answered.has(command.id)) continue;
        answered.add(command.id);
        h.emit({ type: 'pong', id: command.id });
      }
    };
  };
  const pingsSent = (h: ReturnType<typeof harness>) => h.worker().sent.filter((command) => command.type === 'ping').length;

  it('stops once an idle worker has answered after its last command, and starts again with the next one', () => {
    const h = harness();
    h.connect();
    const answer = answerPings(h);
    h.emit(h.snapshot({ running: false }));
    for (let i = 0; i < 3; i++) {
      h.advance(HEARTBEAT.tickMs);
      answer();
    }
    expect(h.tickArmed()).toBe(false);
    const pings = pingsSent(h);
    h.advance(10 * HEARTBEAT.tickMs);
    expect(pingsSent(h)).toBe(pings);
    // Taking a snapshot in asks the worker for nothing: still quiet.
    h.emit(h.snapshot({ running: false }));
    expect(h.tickArmed()).toBe(false);

    // A command is work to watch: a worker that hangs on it is still replaced.
    h.client.stepEpoch();
    expect(h.tickArmed()).toBe(true);
    h.advance(HEARTBEAT.maxHangMs + 2 * HEARTBEAT.tickMs);
    expect(h.workers).toHaveLength(2);
    expect(h.notices.map((n) => n.key)).toEqual(['worker']);
    // The new worker is watched from its start.
    expect(h.tickArmed()).toBe(true);
  });

  it('keeps pinging while training runs, and while an answer to the last command is owed', () => {
    const h = harness();
    h.connect();
    const answer = answerPings(h);
    h.client.play();
    h.emit(h.snapshot({ running: true, ackSeq: 1 }));
    for (let i = 0; i < 10; i++) {
      h.advance(HEARTBEAT.tickMs);
      answer();
    }
    expect(h.tickArmed()).toBe(true);
    // The run stops at its budget: once the worker has said so and answered, it is idle.
    h.emit(h.snapshot({ running: false, finished: true, ackSeq: 1 }));
    h.advance(2 * HEARTBEAT.tickMs);
    expect(h.tickArmed()).toBe(false);

    // Paused, but a command whose ping is not answered yet: still watched.
    h.client.requestMc(10);
    h.advance(HEARTBEAT.tickMs);
    h.advance(HEARTBEAT.tickMs);
    expect(h.tickArmed()).toBe(true);
    answer();
    h.advance(HEARTBEAT.tickMs);
    expect(h.tickArmed()).toBe(false);
  });

  it('asks nothing of a training worker heard from between every two ticks, and replaces it once it falls silent', () => {
    const h = harness();
    h.connect();
    h.client.play();
    for (let i = 0; i < 20; i++) {
      h.wait(HEARTBEAT.tickMs / 2);
      h.emit(h.snapshot({ running: true, ackSeq: 1 }));
      h.advanceLate(HEARTBEAT.tickMs / 2);
    }
    expect(pingsSent(h)).toBe(0);
    expect(h.tickArmed()).toBe(true);
    // Silent since the last snapshot: pinged at the next tick, and replaced when it does not answer.
    h.advance(HEARTBEAT.tickMs);
    expect(pingsSent(h)).toBe(1);
    h.advance(HEARTBEAT.maxHangMs + 2 * HEARTBEAT.tickMs);
    expect(h.workers).toHaveLength(2);
    expect(h.notices.map((n) => n.key)).toEqual(['worker']);
  });

  it('a worker that crashes while the heartbeat is quiet is replaced and watched from its start', () => {
    const h = harness();
    h.connect();
    const answer = answerPings(h);
    h.emit(h.snapshot({ running: false }));
    h.advance(HEARTBEAT.tickMs);
    answer();
    h.advance(HEARTBEAT.tickMs);
    expect(h.tickArmed()).toBe(false);
    h.worker().onerror!({ preventDefault: () => {} } as unknown as ErrorEvent);
    expect(h.workers).toHaveLength(2);
    expect(h.tickArmed()).toBe(true);
    // It never starts: after its start-up time it is replaced again.
    h.advance(HEARTBEAT.startupMs + 2 * HEARTBEAT.tickMs);
    expect(h.workers).toHaveLength(3);
  });

  it('keeps a worker that answers, and gives a starting worker its start-up time', () => {
    const h = harness();
    h.connect();
    h.advance(HEARTBEAT.startupMs - HEARTBEAT.tickMs);
    expect(h.workers).toHaveLength(1);
    for (let i = 0; i < 20; i++) {
      h.emit({ type: 'pong', id: i });
      h.advance(HEARTBEAT.tickMs);
    }
    expect(h.workers).toHaveLength(1);
  });
});

describe('a crashed worker', () => {
  it('is replaced at its error event, and events of the dead worker are ignored', () => {
    const h = harness();
    h.connect();
    const dead = h.worker();
    let prevented = false;
    dead.onerror!({ preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    expect(prevented).toBe(true);
    expect(h.workers).toHaveLength(2);
    const epochBefore = h.training().epoch;
    dead.onmessage!({ data: h.snapshot({ epoch: 99 }) } as MessageEvent<WorkerEvent>);
    expect(h.training().epoch).toBe(epochBefore);
  });

  it('a browser that cannot start a worker gets a notice, and no heartbeat runs', () => {
    const h = harness({ workerUnavailable: true });
    h.connect();
    expect(h.notices.map((n) => n.message)).toEqual([{ code: 'text', id: 'workerUnavailable' }]);
    expect(h.tickArmed()).toBe(false);
    expect(() => h.client.play()).not.toThrow();
  });
});

describe('"is training running" has one owner', () => {
  it('is what was asked for until the worker handles it, then what the worker says', () => {
    const h = harness();
    h.connect();
    h.client.play();
    expect(h.client.playIntended()).toBe(true);
    expect(h.training().running).toBe(true);
    const play = h.worker().sent.find((c) => c.type === 'play');
    const seq = play && 'seq' in play ? play.seq : -1;
    // A snapshot from before "play" does not undo it.
    h.emit(h.snapshot({ running: false, ackSeq: seq - 1 }));
    expect(h.training().running).toBe(true);
    expect(h.client.playIntended()).toBe(true);
    // The worker stopped by itself after handling "play" (the budget was spent): it is the answer now.
    h.emit(h.snapshot({ running: false, ackSeq: seq, epoch: 3000 }));
    expect(h.training().running).toBe(false);
    expect(h.client.playIntended()).toBe(false);
  });

  it('Continue on a finished run shows it as training again at once, and an older snapshot does not undo that', () => {
    const h = harness();
    h.connect();
    h.client.play();
    const first = h.worker().sent.filter((c) => c.type === 'play').at(-1);
    const firstSeq = first && 'seq' in first ? first.seq : -1;
    h.emit(h.snapshot({ running: false, finished: true, ackSeq: firstSeq, epoch: 200 }));
    expect(h.training()).toMatchObject({ running: false, finished: true, epoch: 200 });
    h.client.play();
    expect(h.training()).toMatchObject({ running: true, finished: false });
    // Sent before the worker handled Continue: still the finished run.
    h.emit(h.snapshot({ running: false, finished: true, ackSeq: firstSeq, epoch: 200 }));
    expect(h.training()).toMatchObject({ running: true, finished: false });
    // The worker handled it and trained the next budget to its end.
    h.emit(h.snapshot({ running: false, finished: true, ackSeq: firstSeq + 1, epoch: 400 }));
    expect(h.training()).toMatchObject({ running: false, finished: true, epoch: 400 });
  });

  it('a diverged run stops and says so once', () => {
    const h = harness();
    h.connect();
    h.client.play();
    h.emit({ type: 'diverged', runId: h.training().runId, epoch: 12 });
    expect(h.training()).toMatchObject({ running: false, diverged: true });
    expect(h.client.playIntended()).toBe(false);
    h.client.play();
    expect(h.training().running).toBe(false);
    expect(h.notices.filter((n) => n.key === 'diverged')).toHaveLength(1);
  });

  it('a new run drops late snapshots of the old one, and carries the latest command number', () => {
    const h = harness();
    h.connect();
    h.client.pause();
    const oldRun = h.training().runId;
    const runId = h.client.startNewRun(validateScenario({ p: 0.5 }));
    expect(h.worker().sent.at(-1)).toMatchObject({ type: 'configure', runId, seq: 1, running: false });
    h.emit(h.snapshot({ runId: oldRun, epoch: 50 }));
    expect(h.training().epoch).toBe(0);
    h.emit(h.snapshot({ runId, epoch: 5, ackSeq: 1 }));
    expect(h.training().epoch).toBe(5);
  });
});

describe('frames follow the screen, not the worker', () => {
  const lossPoint = (epoch: number) => ({ epoch, plain: { train: 1, val: 1 }, dropout: { train: 1, val: 1, trainWithDropout: 1 } });

  it('applies the snapshots of one frame as one store update, keeping every loss point and the latest state', () => {
    const h = harness({ frames: true });
    h.connect();
    const runId = h.training().runId;
    const updates: number[] = [];
    for (let epoch = 10; epoch <= 50; epoch += 10) {
      h.emit(h.snapshot({ runId, epoch, running: true, lossPoints: [lossPoint(epoch)] }));
      updates.push(h.training().epoch);
    }
    // Nothing reaches the store before the frame, and only one frame is asked for.
    expect(updates).toEqual([0, 0, 0, 0, 0]);
    expect(h.framesRequested()).toBe(1);
    const before = h.training();
    h.frame();
    expect(h.training()).not.toBe(before);
    expect(h.training().epoch).toBe(50);
    expect(h.training().history.points.map((p) => p.epoch)).toEqual([10, 20, 30, 40, 50]);
    // The next snapshot asks for the next frame.
    h.emit(h.snapshot({ runId, epoch: 60, running: true }));
    expect(h.framesRequested()).toBe(1);
  });

  it('the snapshot of a run that stopped reaches the store at once, with the ones still waiting', () => {
    const h = harness({ frames: true });
    h.connect();
    h.client.play();
    const runId = h.training().runId;
    h.emit(h.snapshot({ runId, epoch: 5, running: true, ackSeq: 1, lossPoints: [lossPoint(0)] }));
    h.frame();
    h.emit(h.snapshot({ runId, epoch: 8, running: true, ackSeq: 1 }));
    // The worker says it diverged at epoch 10, then sends the state it stopped in: no frame comes in between.
    h.emit({ type: 'diverged', runId, epoch: 10 });
    h.emit(h.snapshot({ runId, epoch: 10, running: false, diverged: true, ackSeq: 1, lossPoints: [lossPoint(10)] }));
    expect(h.training()).toMatchObject({ epoch: 10, running: false, diverged: true });
    expect(h.training().history.points.map((p) => p.epoch)).toEqual([0, 10]);
  });

  it('a snapshot waiting for its frame is applied before a later event, and dropped when a new run starts', () => {
    const h = harness({ frames: true });
    h.connect();
    h.client.play();
    const runId = h.training().runId;
    h.emit(h.snapshot({ runId, epoch: 7, running: true, ackSeq: 1 }));
    h.emit({ type: 'diverged', runId, epoch: 8 });
    expect(h.training()).toMatchObject({ epoch: 7, running: false, diverged: true });
    h.frame();
    expect(h.training()).toMatchObject({ epoch: 7, running: false, diverged: true });

    const next = h.client.startNewRun(validateScenario({}));
    h.emit(h.snapshot({ runId: next, epoch: 3 }));
    h.client.startNewRun(validateScenario({ p: 0.4 }));
    h.frame();
    expect(h.training().epoch).toBe(0);
  });

  describe('the worker sends more only as the page takes in what it sent', () => {
    const taken = (commands: WorkerCommand[]) => commands.filter((c) => c.type === 'snapshotsTaken');

    it('acknowledges the snapshots merged into a frame when that frame takes them in, not before', () => {
      const h = harness({ frames: true });
      h.connect();
      const runId = h.training().runId;
      for (let epoch = 10; epoch <= 30; epoch += 10) h.emit(h.snapshot({ runId, epoch, running: true }));
      expect(taken(h.worker().sent)).toEqual([]);
      h.frame();
      expect(taken(h.worker().sent)).toEqual([{ type: 'snapshotsTaken', count: 3 }]);
      // A stopped run's snapshot is taken in at once, and said so at once.
      h.emit(h.snapshot({ runId, epoch: 40, running: false }));
      expect(taken(h.worker().sent)).toEqual([{ type: 'snapshotsTaken', count: 3 }, { type: 'snapshotsTaken', count: 1 }]);
    });

    it('acknowledges an older run\'s snapshots too, or the worker would wait for them forever', () => {
      const h = harness({ frames: true });
      h.connect();
      const oldRun = h.training().runId;
      h.emit(h.snapshot({ runId: oldRun, epoch: 10, running: true }));
      const newRun = h.client.startNewRun(null);
      h.frame();
      h.emit(h.snapshot({ runId: oldRun, epoch: 20, running: true }));
      expect(taken(h.worker().sent)).toEqual([{ type: 'snapshotsTaken', count: 1 }, { type: 'snapshotsTaken', count: 1 }]);
      // While the new run's snapshot waits for its frame, an old one is acknowledged with it.
      h.emit(h.snapshot({ runId: newRun, epoch: 1, running: true }));
      h.emit(h.snapshot({ runId: oldRun, epoch: 30, running: true }));
      expect(taken(h.worker().sent)).toHaveLength(2);
      h.frame();
      expect(taken(h.worker().sent).at(-1)).toEqual({ type: 'snapshotsTaken', count: 2 });
    });

    it('tells a restarted worker only of its own snapshots', () => {
      const h = harness({ frames: true });
      h.connect();
      h.emit(h.snapshot({ runId: h.training().runId, epoch: 10, running: true }));
      h.emit(h.snapshot({ runId: h.training().runId, epoch: 20, running: true }));
      h.worker().onerror!({ preventDefault: () => undefined } as unknown as ErrorEvent);
      h.emit(h.snapshot({ runId: h.training().runId, epoch: 0, running: true }));
      h.frame();
      expect(taken(h.worker().sent)).toEqual([{ type: 'snapshotsTaken', count: 1 }]);
      expect(taken(h.workers[0].sent)).toEqual([]);
    });

    it('without frames, acknowledges each snapshot as it applies it', () => {
      const h = harness();
      h.connect();
      h.emit(h.snapshot({ epoch: 10, running: true }));
      h.emit(h.snapshot({ epoch: 20, running: true }));
      expect(h.training().epoch).toBe(20);
      expect(taken(h.worker().sent)).toEqual([{ type: 'snapshotsTaken', count: 1 }, { type: 'snapshotsTaken', count: 1 }]);
    });
  });
});
