/**
 * One training run as the worker runs it: the TwinTrainer, the clock, and what is posted to the main thread.
 * It has no worker globals (time and posting are injected), so it runs in Node tests as well.
 */
import { TwinTrainer, type LossPoint, type ScenarioOptions } from '../engine';
import { FIT_REGION_SIZE, fitGrid } from './fitGrid';
import { CLOCK, ThroughputMeter, decide, nextRevealInMs, revealedLayers } from './trainingClock';
import type { DatasetForDisplay, FitPredictions, Speed, TrainingSnapshot, WorkerCommand, WorkerEvent } from './protocol';

export type Post = (event: WorkerEvent, transfer: Transferable[]) => void;

/** The pass the view shows: one training example's row of the dropout twin's last real training pass. */
interface DisplayedPass {
  pass: number;
  at: number;
  sample: number;
  input: Float32Array;
  masks: Uint8Array[];
  activations: Float32Array[];
  evalActivations: Float32Array[];
  output: number;
}

export class TrainingSession {
  private trainer: TwinTrainer;
  private runId = 0;
  private speed: Speed = 'full';
  private running = false;
  /** The last play/pause/step command handled, echoed in snapshots. */
  private ackSeq = 0;
  private lastStepAt = -Infinity;
  private lastSnapshotAt = -Infinity;
  private lastFitAt = -Infinity;
  private fitStale = true;
  private snapshotDue = true;
  private divergedReported = false;
  private pendingLoss: LossPoint[] = [];
  private postedReveal = 0;
  private displayed: DisplayedPass | null = null;
  /** The row of the batch the view asked to see (clamped to the batch when captured). */
  private displayRow = 0;
  private fitInputs: Float32Array;
  private readonly meter = new ThroughputMeter();

  constructor(
    scenario: Partial<ScenarioOptions>,
    private readonly post: Post,
    private readonly now: () => number,
  ) {
    this.trainer = new TwinTrainer(scenario);
    this.fitInputs = fitGrid(this.trainer);
  }

  /** Applies a command; throws only for settings the engine rejects (the current run then continues). */
  handle(command: WorkerCommand): void {
    if ('seq' in command) {
      this.ackSeq = command.seq;
      this.snapshotDue = true;
    }
    switch (command.type) {
      case 'configure': {
        this.trainer = new TwinTrainer(command.scenario);
        this.fitInputs = fitGrid(this.trainer);
        this.speed = command.speed;
        this.displayRow = validRow(command.displayRow);
        this.restart(command.runId, command.running);
        break;
      }
      case 'reset':
        this.trainer = new TwinTrainer(this.trainer.options);
        this.restart(command.runId, this.running);
        break;
      case 'play':
        this.running = !this.trainer.diverged;
        this.meter.clear();
        this.snapshotDue = true;
        break;
      case 'pause':
        this.running = false;
        // Paused, the view should show the latest pass rather than one sampled up to 200 ms earlier.
        this.captureDisplay(this.now());
        this.snapshotDue = true;
        this.fitStale = true;
        break;
      case 'setSpeed':
        this.speed = command.speed;
        this.lastStepAt = -Infinity;
        this.snapshotDue = true;
        break;
      case 'stepPass':
        this.running = false;
        this.train(1);
        this.captureDisplay(this.now());
        this.fitStale = true;
        break;
      case 'stepEpoch': {
        this.running = false;
        const point = this.trainer.stepEpoch();
        if (point) this.pendingLoss.push(point);
        this.captureDisplay(this.now());
        this.snapshotDue = true;
        this.fitStale = true;
        break;
      }
      case 'showRow': {
        this.displayRow = validRow(command.row);
        const shown = this.displayed;
        if (!shown) break;
        // The same pass keeps its time, so slow motion does not start revealing it again; at full speed the
        // latest pass is shown straight away with the new row.
        const samePass = shown.pass === this.trainer.forwardPasses;
        this.captureDisplay(samePass ? shown.at : this.now());
        break;
      }
      case 'requestMc':
        this.postMc(command.samples);
        break;
      case 'ping':
        this.post({ type: 'pong', id: command.id }, []);
        break;
      case 'testCrash':
      case 'testHang':
        break; // handled by the worker entry, which owns the thread
    }
  }

  /** Does the work due now and posts what changed; returns ms until it wants to run again, or null when idle. */
  tick(): number | null {
    const start = this.now();
    const decision = decide(this.speed, this.running, start, this.lastStepAt);
    if (decision.steps === 'slice') {
      do this.train(1);
      while (!this.trainer.diverged && this.now() - start < CLOCK.sliceMs);
      if (!this.displayed || start - this.displayed.at >= CLOCK.displayMs) this.captureDisplay(start);
    } else if (decision.steps > 0) {
      this.lastStepAt = start;
      this.train(decision.steps);
      this.captureDisplay(start);
    }
    const now = this.now();
    this.meter.record(now, this.trainer.epoch);
    if (this.trainer.diverged) this.stopOnDivergence();
    const fitEvery = this.trainer.dataset.inputSize === 1 ? CLOCK.curveFitMs : CLOCK.regionFitMs;
    const wantFit = this.fitStale || (this.running && now - this.lastFitAt >= fitEvery);
    const sincePass = this.displayed ? now - this.displayed.at : 0;
    const reveal = this.displayed ? nextRevealInMs(this.speed, this.layerCount(), sincePass) : null;
    // Each layer a slow pass reaches, including the last one, is a new picture for the view.
    if (revealedLayers(this.speed, this.layerCount(), sincePass) !== this.postedReveal) this.snapshotDue = true;
    if ((this.snapshotDue || this.running) && now - this.lastSnapshotAt >= CLOCK.snapshotMs) {
      this.postSnapshot(now, wantFit);
    }
    const sinceSnapshot = now - this.lastSnapshotAt;
    const snapshotWait = this.snapshotDue ? Math.max(0, CLOCK.snapshotMs - sinceSnapshot) : null;
    const next = this.running ? decision.nextInMs : null;
    const waits = [next, snapshotWait, reveal].filter((ms): ms is number => ms !== null);
    return waits.length === 0 ? null : Math.min(...waits);
  }

  private restart(runId: number, running: boolean): void {
    this.runId = runId;
    this.running = running;
    this.lastStepAt = -Infinity;
    this.displayed = null;
    this.divergedReported = false;
    this.meter.clear();
    this.pendingLoss = [this.trainer.evaluate()];
    this.fitStale = true;
    this.snapshotDue = true;
    this.lastSnapshotAt = -Infinity;
    this.postDataset();
  }

  private train(steps: number): void {
    for (let i = 0; i < steps && !this.trainer.diverged; i++) {
      const point = this.trainer.step();
      if (point) this.pendingLoss.push(point);
    }
    this.snapshotDue = true;
  }

  private stopOnDivergence(): void {
    this.running = false;
    if (this.divergedReported) return;
    this.divergedReported = true;
    this.snapshotDue = true;
    this.post({ type: 'diverged', runId: this.runId, epoch: this.trainer.epoch }, []);
  }

  private layerCount(): number {
    return this.trainer.options.hidden.length + 2;
  }

  /** Copies one example's row of the last real training pass, plus its eval-mode activations for the eval view. */
  private captureDisplay(at: number): void {
    const trainer = this.trainer;
    if (trainer.forwardPasses === 0) {
      this.displayed = null;
      return;
    }
    // The chosen example of the batch (the last one of a shorter final batch); its output is the one the pass
    // itself produced, before its update.
    const row = Math.min(this.displayRow, trainer.lastBatchSize - 1);
    const { sample, masks, activations, output } = trainer.lastPassRow(row);
    const inputSize = trainer.dataset.inputSize;
    const input = trainer.dataset.trainX.slice(sample * inputSize, (sample + 1) * inputSize);
    const evalActivations = trainer.evalHiddenActivations(input);
    this.displayed = { pass: trainer.forwardPasses, at, sample, input, masks, activations, evalActivations, output };
    this.snapshotDue = true;
  }

  private postSnapshot(now: number, withFit: boolean): void {
    const shown = this.displayed;
    this.postedReveal = shown ? revealedLayers(this.speed, this.layerCount(), now - shown.at) : this.layerCount();
    const masks = shown ? shown.masks.map((m) => m.slice()) : [];
    const activations = shown ? shown.activations.map((a) => a.slice()) : [];
    const evalActivations = shown ? shown.evalActivations.map((a) => a.slice()) : [];
    const displayInput = shown ? shown.input.slice() : new Float32Array(0);
    const snapshot: TrainingSnapshot = {
      type: 'snapshot',
      runId: this.runId,
      epoch: this.trainer.epoch,
      forwardPasses: this.trainer.forwardPasses,
      running: this.running,
      ackSeq: this.ackSeq,
      speed: this.speed,
      diverged: this.trainer.diverged,
      displayPass: shown ? shown.pass : 0,
      revealLayers: this.postedReveal,
      displaySample: shown ? shown.sample : -1,
      displayInput,
      masks,
      activations,
      evalActivations,
      output: shown ? shown.output : NaN,
      lossPoints: this.pendingLoss,
      epochsPerSecond: this.running ? this.meter.epochsPerSecond() : 0,
    };
    const transfer: Transferable[] = [displayInput.buffer, ...masks.map((m) => m.buffer), ...activations.map((a) => a.buffer),
      ...evalActivations.map((a) => a.buffer)];
    if (withFit && !this.trainer.diverged) {
      snapshot.fit = this.predictFit();
      transfer.push(snapshot.fit.plain.buffer, snapshot.fit.dropout.buffer);
      if (snapshot.fit.kind === 'curve') transfer.push(snapshot.fit.xs.buffer);
      this.lastFitAt = this.now();
      this.fitStale = false;
    }
    this.pendingLoss = [];
    this.snapshotDue = false;
    this.lastSnapshotAt = now;
    this.post(snapshot, transfer);
  }

  private predictFit(): FitPredictions {
    const trainer = this.trainer;
    const plain = trainer.predict('plain', this.fitInputs);
    const dropout = trainer.predict('dropout', this.fitInputs);
    if (trainer.dataset.inputSize === 1) return { kind: 'curve', xs: this.fitInputs.slice(), plain, dropout };
    const [[xMin, xMax], [yMin, yMax]] = trainer.dataset.domain;
    return { kind: 'region', size: FIT_REGION_SIZE, xMin, xMax, yMin, yMax, plain, dropout };
  }

  private postMc(samples: number): void {
    const trainer = this.trainer;
    const { mean, std } = trainer.mcPredict(this.fitInputs, samples);
    const xs = this.fitInputs.slice();
    this.post({ type: 'mc', runId: this.runId, epoch: trainer.epoch, xs, mean, std }, [xs.buffer, mean.buffer, std.buffer]);
  }

  private postDataset(): void {
    const d = this.trainer.dataset;
    const dataset: DatasetForDisplay = {
      task: d.task, inputSize: d.inputSize,
      trainX: d.trainX.slice(), trainY: d.trainY.slice(), valX: d.valX.slice(), valY: d.valY.slice(), gap: d.gap,
    };
    const transfer: Transferable[] = [dataset.trainX.buffer, dataset.trainY.buffer, dataset.valX.buffer, dataset.valY.buffer];
    if (d.trueFunction && d.inputSize === 1) {
      const xs = this.fitInputs.slice();
      const ys = xs.map((x) => d.trueFunction!(x));
      dataset.truth = { xs, ys };
      transfer.push(xs.buffer, ys.buffer);
    }
    this.post({ type: 'dataset', runId: this.runId, dataset }, transfer);
  }
}

/** A row number from a message: a non-negative integer, else the first row (the client validates; this guards). */
function validRow(row: unknown): number {
  return typeof row === 'number' && Number.isInteger(row) && row >= 0 ? row : 0;
}
