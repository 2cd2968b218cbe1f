/**
 * How a worker snapshot changes the store's training state. Pure: everything it depends on is an argument and
 * everything it changes is in its result, so it is tested without a worker, a clock or the store.
 */
import type { LossPoint } from '../engine';
import type { TrainingSnapshot } from '../worker/protocol';
import { appendToHistory } from './history';
import type { PassView, TrainingState } from './store';

/**
 * While training runs, new loss points reach the store's history at most this often: every chart that draws the
 * history re-renders on a change, and 20 updates a second already look continuous.
 */
export const HISTORY_FLUSH_MS = 50;

/**
 * Two snapshots of one run as one, as if only the newer had been sent but carrying everything the older one
 * owed the view: its loss points (in order) and its fit predictions when the newer has none. Everything else in
 * a snapshot is the worker's state at the moment it was sent, so the newer value is the answer. The client
 * uses it to apply at most one snapshot per animation frame, however many the worker sent meanwhile.
 */
export function mergeSnapshots(older: TrainingSnapshot, newer: TrainingSnapshot): TrainingSnapshot {
  const lossPoints = older.lossPoints.length === 0 ? newer.lossPoints : older.lossPoints.concat(newer.lossPoints);
  const fit = newer.fit ?? older.fit;
  return fit === newer.fit && lossPoints === newer.lossPoints ? newer : { ...newer, lossPoints, fit };
}

/** Loss points received but not yet in the store's history, and when the history was last extended. */
export interface HeldPoints {
  readonly runId: number;
  readonly points: readonly LossPoint[];
  readonly lastFlushAt: number;
}

export const NO_HELD_POINTS: HeldPoints = Object.freeze({ runId: -1, points: [], lastFlushAt: -Infinity });

export interface SnapshotContext {
  /** The number of the client's latest play, pause or step command (see WorkerCommand). */
  latestControl: number;
  held: HeldPoints;
  now: number;
}

/**
 * The store's training state after a snapshot, and the points still held back. The shown pass keeps its identity
 * while it is unchanged. `running` and `finished` follow the worker only once it has handled the latest
 * play/pause/step: a snapshot sent before must not undo what the user just did (Continue on a finished run).
 */
export function applySnapshot(
  training: TrainingState,
  snapshot: TrainingSnapshot,
  { latestControl, held, now }: SnapshotContext,
): { training: TrainingState; held: HeldPoints } {
  let points = held.runId === snapshot.runId ? held.points : [];
  if (snapshot.lossPoints.length > 0) points = points.concat(snapshot.lossPoints);
  let lastFlushAt = held.lastFlushAt;
  let history = training.history;
  if (points.length > 0 && (!snapshot.running || now - lastFlushAt >= HISTORY_FLUSH_MS)) {
    history = appendToHistory(history, points);
    points = [];
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
  const acknowledged = snapshot.ackSeq >= latestControl;
  return {
    training: {
      ...training,
      running: acknowledged ? snapshot.running : training.running,
      speed: snapshot.speed,
      epoch: snapshot.epoch,
      forwardPasses: snapshot.forwardPasses,
      diverged: snapshot.diverged,
      finished: acknowledged ? snapshot.finished : training.finished,
      budgetEnd: snapshot.budgetEnd,
      epochsPerSecond: snapshot.epochsPerSecond,
      layerKernel: snapshot.layerKernel,
      pass,
      history,
      fit: snapshot.fit ?? training.fit,
    },
    held: { runId: snapshot.runId, points, lastFlushAt },
  };
}
