import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP, TwinTrainer, validateScenario } from '../engine';
import { FIT_CURVE_POINTS, FIT_REGION_SIZE } from './fitGrid';
import { TrainingSession } from './trainingSession';
import { CLOCK } from './trainingClock';
import { unpackLossPoints, type TrainingSnapshot, type WorkerEvent } from './protocol';

/**
 * The shape these tests spell out (30 examples per batch, two hidden layers of 64: four layers to reveal), kept
 * fixed so that tuning the default scenario does not move them.
 */
const SHAPE = Object.freeze({ trainSize: 30, hidden: [64, 64] });

/**
 * A session on a fake clock that advances `msPerCall` every time it is read. Its page takes in every snapshot as
 * it is posted, as a page that keeps up does, unless `pageTakesSnapshots` is false: then the test says when, with
 * `takeSnapshots`.
 */
function harness(scenario: object = SHAPE, msPerCall = 0.05, pageTakesSnapshots = true) {
  let clock = 0;
  const events: WorkerEvent[] = [];
  /** What each posted event transferred, by the event's index. */
  const transfers: Transferable[][] = [];
  let unread = 0;
  const takeSnapshots = () => {
    session.handle({ type: 'snapshotsTaken', count: unread });
    unread = 0;
  };
  const session: TrainingSession = new TrainingSession(
    scenario,
    (event, transfer) => {
      events.push(event);
      transfers.push(transfer);
      if (event.type !== 'snapshot') return;
      unread++;
      if (pageTakesSnapshots) takeSnapshots();
    },
    () => (clock += msPerCall),
  );
  const configure = (runId: number, extra = {}, displayRow = 0) =>
    session.handle({
      type: 'configure', scenario: validateScenario({ ...scenario, ...extra }), runId, speed: 'full', running: false, seq: 0, displayRow,
    });
  /** The snapshots posted so far, as the client reads them (loss points unpacked). */
  const snapshots = (): TrainingSnapshot[] =>
    events.filter((e) => e.type === 'snapshot').map((e) => ({ ...e, lossPoints: unpackLossPoints(e.lossPoints) }));
  const advance = (ms: number) => (clock += ms);
  return { session, events, transfers, configure, snapshots, advance, takeSnapshots };
}

describe('TrainingSession', () => {
  it('tells the charts where the data has a gap: only for the sine data with gap on', () => {
    const datasetOf = (extra: object) => {
      const h = harness(extra);
      h.configure(1);
      const event = h.events.find((e) => e.type === 'dataset');
      return event?.type === 'dataset' ? event.dataset : null;
    };
    expect(datasetOf({ dataset: 'sine', gap: true })?.gap).toEqual(DEFAULT_GAP);
    // The engine refuses a gap for moons; scenarioFromSettings drops it (tested in state/training.test.ts).
    expect(datasetOf({ dataset: 'moons' })?.gap).toBeNull();
    expect(datasetOf({ dataset: 'sine', gap: false })?.gap).toBeNull();
  });

  it('starts a run with the dataset, an epoch-0 loss point and no mask yet', () => {
    const h = harness();
    h.configure(7);
    expect(h.events[0]).toMatchObject({ type: 'dataset', runId: 7 });
    expect(h.session.tick()).toBeNull();
    const [first] = h.snapshots();
    expect(first).toMatchObject({ runId: 7, epoch: 0, forwardPasses: 0, displayPass: 0, running: false });
    expect(first.lossPoints.map((p) => p.epoch)).toEqual([0]);
    expect(first.fit?.kind).toBe('curve');
    if (first.fit?.kind === 'curve') expect(first.fit.xs.length).toBe(FIT_CURVE_POINTS);
  });

  it('posts the loss points packed, their buffer transferred rather than copied', () => {
    const h = harness();
    h.configure(1);
    h.session.tick();
    const at = h.events.findIndex((e) => e.type === 'snapshot');
    const posted = h.events[at];
    if (posted.type !== 'snapshot') throw new Error('no snapshot posted');
    expect(posted.lossPoints).toBeInstanceOf(Float64Array);
    expect(posted.lossPoints.length).toBeGreaterThan(0);
    expect(h.transfers[at]).toContain(posted.lossPoints.buffer);
  });

  it('steps exactly one forward pass while paused and shows that pass', () => {
    const h = harness();
    h.configure(1);
    h.session.tick();
    h.session.handle({ type: 'stepPass', seq: 1 });
    h.advance(20);
    h.session.tick();
    const last = h.snapshots().at(-1)!;
    expect(last.forwardPasses).toBe(1);
    expect(last.displayPass).toBe(1);
    expect(last.masks.map((m) => m.length)).toEqual([64, 64]);
    // Kept units carry the inverted-dropout boost 1/(1−p), dropped ones are exactly zero. The eval activations come
    // from the weights after this pass's update (one Adam step later), hence the loose tolerance.
    const keep = 1 - validateScenario({}).p;
    last.masks[0].forEach((kept, i) => {
      if (!kept) expect(Math.abs(last.activations[0][i])).toBe(0); // -0 when a negative unit is dropped
      else expect(last.activations[0][i]).toBeCloseTo(last.evalActivations[0][i] / keep, 1);
    });
  });

  it('gives the same first mask after a reset with the same seed', () => {
    const h = harness();
    h.configure(1);
    h.session.handle({ type: 'stepPass', seq: 2 });
    h.advance(20);
    h.session.tick();
    const before = Array.from(h.snapshots().at(-1)!.masks[0]);
    h.session.handle({ type: 'stepEpoch', seq: 3 });
    h.session.handle({ type: 'reset', runId: 2 });
    h.session.handle({ type: 'stepPass', seq: 4 });
    h.advance(20);
    h.session.tick();
    const after = h.snapshots().at(-1)!;
    expect(after.runId).toBe(2);
    expect(after.forwardPasses).toBe(1);
    expect(Array.from(after.masks[0])).toEqual(before);
  });

  it('trains in time slices at full speed and reports losses every evalEvery epochs', () => {
    const h = harness({}, 0.5);
    h.configure(1);
    h.session.handle({ type: 'play', seq: 5 });
    let epochs = 0;
    for (let i = 0; i < 5; i++) {
      expect(h.session.tick()).toBe(0);
      h.advance(20);
      epochs = h.snapshots().at(-1)!.epoch;
    }
    expect(epochs).toBeGreaterThan(20);
    const points = h.snapshots().flatMap((s) => s.lossPoints.map((p) => p.epoch));
    expect(points.every((epoch) => epoch % 10 === 0)).toBe(true);
    h.session.handle({ type: 'pause', seq: 6 });
    h.advance(20);
    expect(h.session.tick()).toBeNull();
  });

  it('keeps at most CLOCK.unreadSnapshots snapshots unread by a slow page, and the next one owes nothing', () => {
    const h = harness({}, 0.5, false);
    h.configure(1);
    h.session.handle({ type: 'play', seq: 1 });
    for (let i = 0; i < 10; i++) {
      expect(h.session.tick()).toBe(0);
      h.advance(20);
    }
    // Ten slices of training, each worth a snapshot, but the page has read none of them.
    expect(h.snapshots()).toHaveLength(CLOCK.unreadSnapshots);
    const heldBackAt = h.snapshots().at(-1)!.epoch;
    h.takeSnapshots();
    h.session.tick();
    const all = h.snapshots();
    expect(all).toHaveLength(CLOCK.unreadSnapshots + 1);
    const latest = all.at(-1)!;
    expect(latest.epoch).toBeGreaterThan(heldBackAt);
    // Every evaluation since epoch 0 reached the page, none twice: those made while it waited came with the next.
    const epochs = all.flatMap((snapshot) => snapshot.lossPoints.map((point) => point.epoch));
    const expected = Array.from({ length: Math.floor(latest.epoch / 10) + 1 }, (_, k) => 10 * k);
    expect(epochs).toEqual(expected);
  });

  it('answers a pause a slow page has not caught up with once the page reads what it was sent', () => {
    const h = harness({}, 0.5, false);
    h.configure(1);
    h.session.handle({ type: 'play', seq: 1 });
    for (let i = 0; i < 4; i++) {
      h.session.tick();
      h.advance(20);
    }
    h.session.handle({ type: 'pause', seq: 2 });
    // Nothing to do until the page's message arrives (handling it runs the clock): no timer to wake on.
    expect(h.session.tick()).toBeNull();
    expect(h.snapshots().every((snapshot) => snapshot.ackSeq === 1)).toBe(true);
    h.takeSnapshots();
    expect(h.session.tick()).toBeNull();
    expect(h.snapshots().at(-1)).toMatchObject({ ackSeq: 2, running: false });
  });

  it('predicts a 40×40 region for the moons and answers pings and MC requests', () => {
    const h = harness({ dataset: 'moons' });
    h.configure(3, { dataset: 'moons' });
    h.session.tick();
    const fit = h.snapshots()[0].fit;
    expect(fit?.kind).toBe('region');
    if (fit?.kind === 'region') expect(fit.plain.length).toBe(FIT_REGION_SIZE * FIT_REGION_SIZE);
    h.session.handle({ type: 'ping', id: 9 });
    h.session.handle({ type: 'requestMc', samples: 5 });
    expect(h.events.some((e) => e.type === 'pong' && e.id === 9)).toBe(true);
    const mc = h.events.find((e) => e.type === 'mc');
    expect(mc && mc.type === 'mc' && mc.mean.length).toBe(FIT_REGION_SIZE * FIT_REGION_SIZE);
  });

  it('stops at the first non-finite loss and reports it once', () => {
    const h = harness({ learningRate: 100, optimizer: 'sgd', activation: 'relu' }, 0.5);
    h.configure(1, { learningRate: 100, optimizer: 'sgd', activation: 'relu' });
    h.session.handle({ type: 'play', seq: 7 });
    for (let i = 0; i < 40 && !h.events.some((e) => e.type === 'diverged'); i++) {
      h.session.tick();
      h.advance(20);
    }
    expect(h.events.filter((e) => e.type === 'diverged')).toHaveLength(1);
    h.advance(20);
    h.session.tick();
    expect(h.snapshots().at(-1)).toMatchObject({ diverged: true, running: false });
  });
});

describe('slow motion', () => {
  it('posts one snapshot per layer the pass reaches, ending with the whole network', () => {
    const h = harness(SHAPE, 0.01);
    h.configure(1);
    h.session.handle({ type: 'setSpeed', speed: 'slow' });
    h.session.handle({ type: 'stepPass', seq: 8 });
    for (let i = 0; i < 20; i++) {
      const wait = h.session.tick();
      if (wait === null) break;
      h.advance(wait);
    }
    const reveals = h.snapshots().filter((s) => s.displayPass === 1).map((s) => s.revealLayers);
    expect(reveals).toEqual([1, 2, 3, 4]);
    expect(h.snapshots().at(-1)!.forwardPasses).toBe(1);
  });
});

describe('the example of the batch the view shows', () => {
  /** The session's snapshot after one paused step, then after asking for `row` of that same pass. */
  function stepThenShow(scenario: object, row: number, displayRow = 0) {
    const h = harness(scenario);
    h.configure(1, {}, displayRow);
    h.session.handle({ type: 'stepPass', seq: 1 });
    h.advance(20);
    h.session.tick();
    const before = h.snapshots().at(-1)!;
    h.session.handle({ type: 'showRow', row });
    h.advance(20);
    h.session.tick();
    return { before, after: h.snapshots().at(-1)!, h };
  }

  it('shows the chosen row of the same pass at once, with that example’s own mask, as the engine drew it', () => {
    const { before, after } = stepThenShow(SHAPE, 1);
    expect(before).toMatchObject({ displayPass: 1, displaySample: 0 });
    expect(after).toMatchObject({ displayPass: 1, forwardPasses: 1, displaySample: 1 });
    // The same pass, computed independently by the engine: row 1 of its batch.
    const trainer = new TwinTrainer(SHAPE);
    trainer.step();
    const expected = trainer.lastPassRow(1);
    expect(after.masks.map((m) => Array.from(m))).toEqual(expected.masks.map((m) => Array.from(m)));
    expect(Array.from(after.displayInput)).toEqual(Array.from(trainer.dataset.trainX.subarray(1, 2)));
    expect(after.output).toBe(expected.output);
    // Two examples, one pass, two different thinned networks.
    expect(after.masks.map((m) => Array.from(m))).not.toEqual(before.masks.map((m) => Array.from(m)));
  });

  it('starts a run (and a restarted worker) on the row the configure command names', () => {
    const { before } = stepThenShow(SHAPE, 0, 4);
    expect(before.displaySample).toBe(4);
  });

  it('shows the last example of a shorter batch, and the first for a malformed row', () => {
    expect(stepThenShow(SHAPE, 99).after.displaySample).toBe(29);
    for (const row of [-1, 1.5, Number.NaN]) expect(stepThenShow(SHAPE, row).after.displaySample).toBe(0);
  });

  it('follows the shuffled batch of mini-batch training: the row names a position in the batch', () => {
    const { after } = stepThenShow({ ...SHAPE, batchSize: 8 }, 5);
    const trainer = new TwinTrainer({ ...SHAPE, batchSize: 8 });
    trainer.step();
    expect(after.displaySample).toBe(trainer.lastBatchIndices()[5]);
    // The epoch's last batch holds 30 − 3 × 8 = 6 examples: row 7 shows its last one.
    const h = harness({ ...SHAPE, batchSize: 8 });
    h.configure(1, { batchSize: 8 }, 7);
    for (let i = 0; i < 4; i++) h.session.handle({ type: 'stepPass', seq: i + 1 });
    h.advance(20);
    h.session.tick();
    const reference = new TwinTrainer({ ...SHAPE, batchSize: 8 });
    for (let i = 0; i < 4; i++) reference.step();
    expect(reference.lastBatchIndices()).toHaveLength(6);
    expect(h.snapshots().at(-1)!.displaySample).toBe(reference.lastBatchIndices()[5]);
  });

  it('in slow motion a new row of the same pass does not start revealing it again', () => {
    const h = harness(SHAPE, 0.01);
    h.configure(1);
    h.session.handle({ type: 'setSpeed', speed: 'slow' });
    h.session.handle({ type: 'stepPass', seq: 1 });
    for (let i = 0; i < 20; i++) {
      const wait = h.session.tick();
      if (wait === null) break;
      h.advance(wait);
    }
    expect(h.snapshots().at(-1)!.revealLayers).toBe(4);
    h.session.handle({ type: 'showRow', row: 3 });
    h.advance(20);
    h.session.tick();
    expect(h.snapshots().at(-1)).toMatchObject({ displayPass: 1, displaySample: 3, revealLayers: 4 });
  });
});

describe('the epoch budget', () => {
  /** Plays a session until it stops by itself (or 400 ticks pass); returns its snapshots. */
  function playUntilStopped(h: ReturnType<typeof harness>, seq: number) {
    h.session.handle({ type: 'play', seq });
    for (let i = 0; i < 400; i++) {
      if (h.session.tick() === null) break;
      h.advance(20);
    }
    return h.snapshots();
  }

  it('stops the run at its budget: not running, finished, the last epoch evaluated', () => {
    const h = harness({ epochs: 25 }, 0.5);
    h.configure(1, { epochs: 25 });
    const last = playUntilStopped(h, 1).at(-1)!;
    expect(last).toMatchObject({ epoch: 25, running: false, finished: true, budgetEnd: 25 });
    const epochs = h.snapshots().flatMap((s) => s.lossPoints.map((p) => p.epoch));
    // Every 10 epochs, and the budget's last epoch although 25 is not a multiple of 10.
    expect(epochs).toEqual([0, 10, 20, 25]);
    expect(h.session.tick()).toBeNull();
  });

  it('Continue (play in a finished run) trains for another budget, and a new run starts a fresh budget', () => {
    const h = harness({ epochs: 20 }, 0.5);
    h.configure(1, { epochs: 20 });
    playUntilStopped(h, 1);
    const continued = playUntilStopped(h, 2).at(-1)!;
    expect(continued).toMatchObject({ epoch: 40, running: false, finished: true, budgetEnd: 40 });
    h.session.handle({ type: 'reset', runId: 2 });
    h.session.tick();
    expect(h.snapshots().at(-1)).toMatchObject({ runId: 2, epoch: 0, finished: false, budgetEnd: 20 });
  });

  it('a student stepping by hand reaches the end of the budget too', () => {
    const h = harness({ epochs: 2 });
    h.configure(1, { epochs: 2 });
    h.session.handle({ type: 'stepEpoch', seq: 1 });
    h.session.handle({ type: 'stepEpoch', seq: 2 });
    h.advance(20);
    h.session.tick();
    expect(h.snapshots().at(-1)).toMatchObject({ epoch: 2, running: false, finished: true });
  });
});
