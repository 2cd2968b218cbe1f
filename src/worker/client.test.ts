import { describe, expect, it } from 'vitest';
import { HEARTBEAT, applySnapshot, hangLimit, sendControl } from './client';
import { initialTraining } from '../state/store';
import type { TrainingSnapshot } from './protocol';

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
});

describe('snapshots and the play/pause the user just pressed', () => {
  const snapshot = (ackSeq: number, running: boolean, epoch: number): TrainingSnapshot => ({
    type: 'snapshot', runId: 0, epoch, forwardPasses: epoch, running, ackSeq, speed: 'full', diverged: false,
    displayPass: 0, revealLayers: 0, displaySample: -1, displayInput: new Float32Array(0), masks: [], activations: [],
    evalActivations: [], output: NaN, lossPoints: [], epochsPerSecond: 0,
  });

  it('a snapshot sent before the worker saw the latest command cannot flip the run state back', () => {
    sendControl('play');
    const playing = { ...initialTraining(), running: true };
    const seqAfterPlay = 1;
    // Sent while the worker was still paused, before it handled "play".
    expect(applySnapshot(playing, snapshot(seqAfterPlay - 1, false, 5), 0).running).toBe(true);
    sendControl('pause');
    // Sent after "play" but before "pause": still running, and counted, but "paused" is not shown yet.
    const stale = applySnapshot(playing, snapshot(seqAfterPlay, true, 9), 0);
    expect(stale.running).toBe(true);
    expect(stale.epoch).toBe(9);
    // The worker's confirmation: paused, at the epoch it really stopped at.
    const confirmed = applySnapshot(stale, snapshot(seqAfterPlay + 1, false, 11), 0);
    expect(confirmed.running).toBe(false);
    expect(confirmed.epoch).toBe(11);
  });
});

describe('the shown pass in the store', () => {
  const shown = (displaySample: number, displayPass = 1): TrainingSnapshot => ({
    type: 'snapshot', runId: 0, epoch: 1, forwardPasses: 1, running: false, ackSeq: Number.MAX_SAFE_INTEGER, speed: 'full',
    diverged: false, displayPass, revealLayers: 4, displaySample, displayInput: Float32Array.of(displaySample),
    masks: [Uint8Array.of(displaySample % 2)], activations: [], evalActivations: [], output: 0, lossPoints: [], epochsPerSecond: 0,
  });

  it('keeps its identity while unchanged, and changes when another example of the same pass arrives', () => {
    const first = applySnapshot(initialTraining(), shown(0), 0);
    const again = applySnapshot(first, shown(0), 0);
    expect(again.pass).toBe(first.pass);
    const other = applySnapshot(again, shown(1), 0);
    expect(other.pass).not.toBe(first.pass);
    expect(other.pass).toMatchObject({ forwardPasses: 1, displaySample: 1 });
  });
});
