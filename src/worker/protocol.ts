/**
 * The typed messages between the main thread and the training worker. Both sides import this file, so a
 * message that does not fit the protocol is a compile error on either side.
 */
import type { KernelEngine, LossPoint, ScenarioOptions } from '../engine';

/** The training clock's speeds, in the order the speed control lists them. */
export const SPEEDS = ['full', 'steps', 'slow'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Main thread → worker. */
export type WorkerCommand =
  /**
   * Replace the scenario; training restarts from epoch 0 with the new settings. The client numbers the runs, so
   * a restarted worker continues the numbering and late snapshots of an older run are recognisable.
   */
  /**
   * `seq`: the client's latest play/pause/step number, so a freshly started worker acknowledges it at once.
   * `displayRow`: the example of the batch the network view shows (see 'showRow'), kept across restarts.
   */
  | {
      type: 'configure';
      scenario: ScenarioOptions;
      runId: number;
      speed: Speed;
      running: boolean;
      seq: number;
      displayRow: number;
    }
  /**
   * Play, pause and the steps carry `seq`, a number the client increases with each of them; snapshots echo the
   * last one handled (`ackSeq`), so the client can tell a snapshot sent before its latest command from one after.
   */
  | { type: 'play'; seq: number }
  | { type: 'pause'; seq: number }
  /** One training step of both twins: one forward pass (one mask draw) and one update. */
  | { type: 'stepPass'; seq: number }
  | { type: 'stepEpoch'; seq: number }
  /**
   * Show this row (0-based) of the training batch in the network view: every example of a batch has its own
   * mask. The current pass is shown again at once with the new row, so a paused student can compare examples
   * of the same pass. A row past the end of a (last, partial) batch shows the batch's last example.
   */
  | { type: 'showRow'; row: number }
  /** Back to epoch 0 with the same settings: the same seed gives the same first mask. */
  | { type: 'reset'; runId: number }
  | { type: 'setSpeed'; speed: Speed }
  /** Ask for an MC-dropout band on the fit grid (T stochastic passes of the dropout twin). */
  | { type: 'requestMc'; samples: number }
  /**
   * The page has taken in `count` more of the snapshots it received (applied, merged into one, or dropped as an
   * older run's). The worker keeps at most CLOCK.unreadSnapshots snapshots unread (trainingClock.ts), so a page
   * that draws slower than the worker sends never has more than that to decode before its next frame.
   */
  | { type: 'snapshotsTaken'; count: number }
  /** Liveness check: the worker answers with a 'pong' of the same id between two training slices. */
  | { type: 'ping'; id: number }
  /** Test hooks for fault recovery (used by end-to-end tests through the client). */
  | { type: 'testCrash' }
  | { type: 'testHang' };

/** What the fit chart draws: predictions of both twins on a grid, in eval mode. */
export type FitPredictions =
  | { kind: 'curve'; xs: Float32Array; plain: Float32Array; dropout: Float32Array }
  /** Classification: probabilities on a size×size grid over [xMin, xMax]×[yMin, yMax], row-major from the top. */
  | {
      kind: 'region';
      size: number;
      xMin: number;
      xMax: number;
      yMin: number;
      yMax: number;
      plain: Float32Array;
      dropout: Float32Array;
    };

/** The data the twins train on, sent once per run so the charts can draw it. */
export interface DatasetForDisplay {
  task: 'regression' | 'classification';
  inputSize: number;
  trainX: Float32Array;
  trainY: Float32Array;
  valX: Float32Array;
  valY: Float32Array;
  /** Regression: the noiseless function on a grid, for the "true function" curve. */
  truth?: { xs: Float32Array; ys: Float32Array };
  /** The training-input interval left empty (the uncertainty preset), as the engine drew the data; else null. */
  gap: readonly [number, number] | null;
}

export interface TrainingSnapshot {
  type: 'snapshot';
  /** Increments on every configure/reset so the view drops snapshots of an older run. */
  runId: number;
  epoch: number;
  forwardPasses: number;
  running: boolean;
  /** The run reached the end of its epoch budget and stopped; play continues it for another budget. */
  finished: boolean;
  /** The epoch at which the run stops: the scenario's budget, extended by each Continue. */
  budgetEnd: number;
  /** The `seq` of the last play, pause or step command the worker had handled when it sent this snapshot. */
  ackSeq: number;
  speed: Speed;
  diverged: boolean;
  /** The forward pass whose mask is shown (at full speed the shown mask is resampled only every ~200 ms). */
  displayPass: number;
  /**
   * How many layers of the shown pass have been computed, counting the input layer: slow motion follows one pass
   * layer by layer on the worker's clock; otherwise it equals the number of layers (all shown).
   */
  revealLayers: number;
  /** Which training example's pass is shown, and its input values. */
  displaySample: number;
  displayInput: Float32Array;
  /** Per hidden layer: the dropout twin's mask for the shown example in the latest real training pass (1 kept). */
  masks: Uint8Array[];
  /** Per hidden layer: the shown example's post-dropout activations in that pass. */
  activations: Float32Array[];
  /** Per hidden layer: the same example's activations in eval mode (all units on, no scaling). */
  evalActivations: Float32Array[];
  /** The dropout twin's output for the shown example in that pass. */
  output: number;
  /** Loss points evaluated since the previous snapshot (packed on the way: see SnapshotMessage). */
  lossPoints: LossPoint[];
  /** Present when the predictions were refreshed (a few times a second at most). */
  fit?: FitPredictions;
  /** Measured training throughput over the last second. */
  epochsPerSecond: number;
  /** Which code runs the engine's matrix products: 'wasm-simd', or 'js' where WebAssembly is refused. */
  layerKernel: KernelEngine;
}

/** A snapshot as the worker posts it: the same, with its loss points packed (see packLossPoints). */
export interface SnapshotMessage extends Omit<TrainingSnapshot, 'lossPoints'> {
  lossPoints: Float64Array;
}

/** How many numbers one loss point takes in a packed snapshot, in the order packLossPoints writes them. */
export const LOSS_POINT_FIELDS = 6;

/**
 * Loss points cross to the main thread as one Float64Array whose buffer is transferred. Sent as objects (about 18
 * a snapshot, each holding two more), they were most of what the structured clone decodes in `event.data`, on
 * the main thread. Training the network + loss embed at 4× slower CPU (47 snapshots a second), reading
 * `event.data` took 22–31 ms a second with objects and 17–19 ms with the packed array; plain JS rebuilds the
 * points for 1–4 ms more. Float64 keeps every loss bit for bit, NaN and infinities included.
 */
export function packLossPoints(points: readonly LossPoint[]): Float64Array {
  const packed = new Float64Array(points.length * LOSS_POINT_FIELDS);
  let at = 0;
  for (const point of points) {
    packed[at++] = point.epoch;
    packed[at++] = point.plain.train;
    packed[at++] = point.plain.val;
    packed[at++] = point.dropout.train;
    packed[at++] = point.dropout.val;
    packed[at++] = point.dropout.trainWithDropout;
  }
  return packed;
}

/** The loss points packLossPoints packed, as the objects the store keeps. */
export function unpackLossPoints(packed: Float64Array): LossPoint[] {
  const points: LossPoint[] = [];
  for (let at = 0; at + LOSS_POINT_FIELDS <= packed.length; at += LOSS_POINT_FIELDS) {
    points.push({
      epoch: packed[at],
      plain: { train: packed[at + 1], val: packed[at + 2] },
      dropout: { train: packed[at + 3], val: packed[at + 4], trainWithDropout: packed[at + 5] },
    });
  }
  return points;
}

export type WorkerEvent =
  | SnapshotMessage
  | { type: 'dataset'; runId: number; dataset: DatasetForDisplay }
  | { type: 'mc'; runId: number; epoch: number; xs: Float32Array; mean: Float32Array; std: Float32Array }
  /** Training stopped because a loss became NaN or infinite. */
  | { type: 'diverged'; runId: number; epoch: number }
  /** A command the worker could not carry out (e.g. settings the engine rejects); the previous run continues. */
  | { type: 'error'; message: string }
  | { type: 'pong'; id: number };
