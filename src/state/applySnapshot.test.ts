import { describe, expect, it } from 'vitest';
import { applySnapshot, HISTORY_FLUSH_MS, NO_HELD_POINTS } from './applySnapshot';
import { initialTraining } from './store';
import type { LossPoint } from '../engine';
import type { TrainingSnapshot } from '../worker/protocol';

const snapshot = (ackSeq: number, running: boolean, epoch: number, lossPoints: LossPoint[] = []): TrainingSnapshot => ({
  type: 'snapshot', runId: 0, epoch, forwardPasses: epoch, running, ackSeq, speed: 'full', diverged: false, finished: false, budgetEnd: 3000,
  displayPass: 0, revealLayers: 0, displaySample: -1, displayInput: new Float32Array(0), masks: [], activations: [],
  evalActivations: [], output: NaN, lossPoints, epochsPerSecond: 0, layerKernel: 'js',
});
const point = (epoch: number): LossPoint => ({
  epoch, plain: { train: 1, val: 1 }, dropout: { train: 1, val: 1, trainWithDropout: 1 },
});

describe('snapshots and the play/pause the user just pressed', () => {
  it('a snapshot sent before the worker saw the latest command cannot flip the run state back', () => {
    const playing = { ...initialTraining(), running: true };
    const at = (latestControl: number) => ({ latestControl, held: NO_HELD_POINTS, now: 0 });
    // "play" is command 1. Sent while the worker was still paused, before it handled "play".
    expect(applySnapshot(playing, snapshot(0, false, 5), at(1)).training.running).toBe(true);
    // "pause" is command 2. Sent after "play" but before "pause": still running, and counted, but "paused" not yet.
    const stale = applySnapshot(playing, snapshot(1, true, 9), at(2)).training;
    expect(stale.running).toBe(true);
    expect(stale.epoch).toBe(9);
    // The worker's confirmation: paused, at the epoch it really stopped at.
    const confirmed = applySnapshot(stale, snapshot(2, false, 11), at(2)).training;
    expect(confirmed.running).toBe(false);
    expect(confirmed.epoch).toBe(11);
  });
});

describe('the loss history while training runs', () => {
  it('holds new points back for HISTORY_FLUSH_MS, then adds them all; a paused snapshot flushes at once', () => {
    const first = applySnapshot(initialTraining(), snapshot(0, true, 10, [point(10)]), { latestControl: 0, held: NO_HELD_POINTS, now: 1000 });
    expect(first.training.history.points.map((p) => p.epoch)).toEqual([10]);
    const held = applySnapshot(first.training, snapshot(0, true, 20, [point(20)]), { latestControl: 0, held: first.held, now: 1010 });
    expect(held.training.history.points.map((p) => p.epoch)).toEqual([10]);
    expect(held.held.points.map((p) => p.epoch)).toEqual([20]);
    const later = applySnapshot(held.training, snapshot(0, true, 30, [point(30)]), {
      latestControl: 0, held: held.held, now: 1000 + HISTORY_FLUSH_MS,
    });
    expect(later.training.history.points.map((p) => p.epoch)).toEqual([10, 20, 30]);
    const paused = applySnapshot(later.training, snapshot(0, false, 40, [point(40)]), { latestControl: 0, held: later.held, now: later.held.lastFlushAt + 1 });
    expect(paused.training.history.points.map((p) => p.epoch)).toEqual([10, 20, 30, 40]);
  });

  it('drops points held for an older run', () => {
    const held = { runId: 7, points: [point(10)], lastFlushAt: 0 };
    const next = applySnapshot(initialTraining(), { ...snapshot(0, false, 0, [point(0)]), runId: 8 }, { latestControl: 0, held, now: 1 });
    expect(next.training.history.points.map((p) => p.epoch)).toEqual([0]);
  });
});

describe('the shown pass in the store', () => {
  const shown = (displaySample: number, displayPass = 1): TrainingSnapshot => ({
    ...snapshot(Number.MAX_SAFE_INTEGER, false, 1), displayPass, revealLayers: 4, displaySample,
    displayInput: Float32Array.of(displaySample), masks: [Uint8Array.of(displaySample % 2)], output: 0,
  });
  const apply = (training: ReturnType<typeof initialTraining>, s: TrainingSnapshot) =>
    applySnapshot(training, s, { latestControl: 0, held: NO_HELD_POINTS, now: 0 }).training;

  it('keeps its identity while unchanged, and changes when another example of the same pass arrives', () => {
    const first = apply(initialTraining(), shown(0));
    const again = apply(first, shown(0));
    expect(again.pass).toBe(first.pass);
    const other = apply(again, shown(1));
    expect(other.pass).not.toBe(first.pass);
    expect(other.pass).toMatchObject({ forwardPasses: 1, displaySample: 1 });
  });
});
