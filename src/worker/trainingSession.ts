/**
 * One training run as the worker runs it: the TwinTrainer, the clock, and what is posted to the main thread.
 * It has no worker globals (time and posting are injected), so it runs in Node tests as well.
 *
 * Its state is two parts: the phase (paused, running, finished, diverged), which changes only as the table in
 * sessionPhase.ts says, and the outbox, what the next snapshot owes the view. handle() applies commands, tick()
 * the clock; both go through the same transitions.
 */
import { TwinTrainer, type LossPoint, type ScenarioOptions } from '../engine';
import { FIT_REGION_SIZE, fitGrid } from './fitGrid';
import { CLOCK, ThroughputMeter, decide, nextRevealInMs, revealedLayers } from './trainingClock';
import { canStep, nextPhase, trains, type Phase, type PhaseEvent } from './sessionPhase';
import { packLossPoints, type DatasetForDisplay, type FitPredictions, type SnapshotMessage, type Speed, type WorkerCommand, type WorkerEvent } from './protocol';

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

/** What the session owes the view: posted by the next snapshot (or sooner, see tick()). */
interface Outbox {
  snapshotDue: boolean;
  /** The fit predictions no longer match the weights (a step, a pause, a new run). */
  fitStale: boolean;
  /** How many layers of the shown pass the last snapshot revealed (slow motion). */
  postedReveal: number;
  pendingLoss: LossPoint[];
  lastSnapshotAt: number;
  lastFitAt: number;
}

export class TrainingSession {
  private trainer: TwinTrainer;
  private runId = 0;
  private speed: Speed = 'full';
  /** The session's state; it changes only in `enter()`, following PHASE_TABLE (sessionPhase.ts). */
  private phase: Phase = 'paused';
  /** The epoch at which the run ends: the scenario's budget, extended by another budget on each Continue. */
  private budgetEnd: number;
  /** The last play/pause/step command handled, echoed in snapshots. */
  private ackSeq = 0;
  private lastStepAt = -Infinity;
  private displayed: DisplayedPass | null = null;
  /** The row of the batch the view asked to see (clamped to the batch when captured). */
  private displayRow = 0;
  private fitInputs: Float32Array;
  private readonly meter = new ThroughputMeter();
  private out: Outbox = freshOutbox();
  /**
   * Snapshots posted that the page has not yet said it took in (of any run: the page acknowledges an older
   * run's snapshots too). At CLOCK.unreadSnapshots the next snapshot waits for the page.
   */
  private unreadSnapshots = 0;

  constructor(
    scenario: Partial<ScenarioOptions>,
    private readonly post: Post,
    private readonly now: () => number,
  ) {
    this.trainer = new TwinTrainer(scenario);
    this.fitInputs = fitGrid(this.trainer);
    this.budgetEnd = this.trainer.options.epochs;
  }

  /** Applies a command; throws only for settings the engine rejects (the current run then continues). */
  handle(command: WorkerCommand): void {
    if ('seq' in command) {
      this.ackSeq = command.seq;
      this.out.snapshotDue = true;
    }
    switch (command.type) {
      case 'configure':
        this.trainer = new TwinTrainer(command.scenario);
        this.fitInputs = fitGrid(this.trainer);
        this.speed = command.speed;
        this.displayRow = validRow(command.displayRow);
        this.startRun(command.runId, command.running);
        break;
      case 'reset':
        this.trainer = new TwinTrainer(this.trainer.options);
        this.startRun(command.runId, this.phase === 'running');
        break;
      case 'play':
        // Continue: a finished run trains for another budget.
        if (this.phase === 'finished') this.budgetEnd = Math.max(this.budgetEnd, this.trainer.epoch) + this.trainer.options.epochs;
        this.enter('play');
        this.meter.clear();
        break;
      case 'pause':
        this.enter('pause');
        // Paused, the view should show the latest pass rather than one sampled up to 200 ms earlier.
        this.captureDisplay(this.now());
        this.out.fitStale = true;
        break;
      case 'setSpeed':
        this.speed = command.speed;
        this.lastStepAt = -Infinity;
        this.out.snapshotDue = true;
        break;
      case 'stepPass':
      case 'stepEpoch':
        this.enter('step');
        if (!canStep(this.phase)) break;
        if (command.type === 'stepPass') this.train(1);
        else this.keep(this.trainer.stepEpoch());
        this.captureDisplay(this.now());
        this.out.fitStale = true;
        this.checkBudget();
        break;
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
      case 'snapshotsTaken':
        this.unreadSnapshots = Math.max(0, this.unreadSnapshots - command.count);
        // Straight away, not after the next training slice: the page is waiting for it.
        this.postSnapshotIfDue(this.now());
        break;
      case 'ping':
        this.post({ type: 'pong', id: command.id }, []);
        break;
      case 'testCrash':
      case 'testHang':
        break; // handled by the worker entry (test builds only), which owns the thread
    }
  }

  /** Does the work due now and posts what changed; returns ms until it wants to run again, or null when idle. */
  tick(): number | null {
    const start = this.now();
    const decision = decide(this.speed, trains(this.phase), start, this.lastStepAt);
    if (decision.steps === 'slice') {
      do this.train(1);
      while (trains(this.phase) && this.trainer.epoch < this.budgetEnd && this.now() - start < CLOCK.sliceMs);
      if (!this.displayed || start - this.displayed.at >= CLOCK.displayMs) this.captureDisplay(start);
    } else if (decision.steps > 0) {
      this.lastStepAt = start;
      this.train(decision.steps);
      this.captureDisplay(start);
    }
    this.checkBudget();
    const now = this.now();
    this.meter.record(now, this.trainer.epoch);
    const out = this.out;
    const sincePass = this.displayed ? now - this.displayed.at : 0;
    const reveal = this.displayed ? nextRevealInMs(this.speed, this.layerCount(), sincePass) : null;
    // Each layer a slow pass reaches, including the last one, is a new picture for the view.
    if (revealedLayers(this.speed, this.layerCount(), sincePass) !== out.postedReveal) out.snapshotDue = true;
    this.postSnapshotIfDue(now);
    const sinceSnapshot = now - out.lastSnapshotAt;
    // A snapshot held back for the page goes out when the page's 'snapshotsTaken' arrives, not on a timer.
    const snapshotWait = out.snapshotDue && this.pageCanRead() ? Math.max(0, CLOCK.snapshotMs - sinceSnapshot) : null;
    const running = trains(this.phase);
    const next = running ? decision.nextInMs : null;
    const waits = [next, snapshotWait, reveal].filter((ms): ms is number => ms !== null);
    return waits.length === 0 ? null : Math.min(...waits);
  }

  private pageCanRead(): boolean {
    return this.unreadSnapshots < CLOCK.unreadSnapshots;
  }

  /**
   * Posts a snapshot if the view is owed one (a running session always is), a frame's time has passed since the
   * last, and the page has read enough of those before. What a held-back snapshot owes (loss points, the fit)
   * waits in the outbox for the next.
   */
  private postSnapshotIfDue(now: number): void {
    const out = this.out;
    const running = trains(this.phase);
    if (!(out.snapshotDue || running) || !this.pageCanRead() || now - out.lastSnapshotAt < CLOCK.snapshotMs) return;
    const fitEvery = this.trainer.dataset.inputSize === 1 ? CLOCK.curveFitMs : CLOCK.regionFitMs;
    this.postSnapshot(now, out.fitStale || (running && now - out.lastFitAt >= fitEvery));
  }

  /** Moves to the phase the table gives for `event`; entering 'diverged' tells the view once. */
  private enter(event: PhaseEvent): void {
    const before = this.phase;
    this.phase = nextPhase(before, event);
    if (this.phase !== before) this.out.snapshotDue = true;
    if (this.phase === 'diverged' && before !== 'diverged') {
      this.post({ type: 'diverged', runId: this.runId, epoch: this.trainer.epoch }, []);
    }
  }

  private startRun(runId: number, running: boolean): void {
    this.runId = runId;
    this.budgetEnd = this.trainer.options.epochs;
    this.enter(running ? 'newRunPlaying' : 'newRun');
    this.lastStepAt = -Infinity;
    this.displayed = null;
    this.meter.clear();
    this.out = { ...freshOutbox(), pendingLoss: [this.trainer.evaluate()] };
    this.postDataset();
  }

  private train(steps: number): void {
    for (let i = 0; i < steps && !this.trainer.diverged; i++) this.keep(this.trainer.step());
    this.out.snapshotDue = true;
    if (this.trainer.diverged) this.enter('nonFinite');
  }

  private keep(point: LossPoint | null): void {
    if (point) this.out.pendingLoss.push(point);
    if (this.trainer.diverged) this.enter('nonFinite');
  }

  /** At the end of the budget the run finishes, with the losses of its last epoch evaluated. */
  private checkBudget(): void {
    if (this.trainer.epoch < this.budgetEnd || this.phase === 'finished' || this.phase === 'diverged') return;
    const last = this.out.pendingLoss.at(-1);
    if (this.trainer.epoch % this.trainer.options.evalEvery !== 0 && last?.epoch !== this.trainer.epoch) {
      this.keep(this.trainer.evaluate());
    }
    this.enter('budgetSpent');
    this.captureDisplay(this.now());
    this.out.fitStale = true;
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
    this.out.snapshotDue = true;
  }

  private postSnapshot(now: number, withFit: boolean): void {
    const shown = this.displayed;
    const out = this.out;
    out.postedReveal = shown ? revealedLayers(this.speed, this.layerCount(), now - shown.at) : this.layerCount();
    const masks = shown ? shown.masks.map((m) => m.slice()) : [];
    const activations = shown ? shown.activations.map((a) => a.slice()) : [];
    const evalActivations = shown ? shown.evalActivations.map((a) => a.slice()) : [];
    const displayInput = shown ? shown.input.slice() : new Float32Array(0);
    const lossPoints = packLossPoints(out.pendingLoss);
    const snapshot: SnapshotMessage = {
      type: 'snapshot',
      runId: this.runId,
      epoch: this.trainer.epoch,
      forwardPasses: this.trainer.forwardPasses,
      running: trains(this.phase),
      finished: this.phase === 'finished',
      budgetEnd: this.budgetEnd,
      ackSeq: this.ackSeq,
      speed: this.speed,
      diverged: this.trainer.diverged,
      displayPass: shown ? shown.pass : 0,
      revealLayers: out.postedReveal,
      displaySample: shown ? shown.sample : -1,
      displayInput,
      masks,
      activations,
      evalActivations,
      output: shown ? shown.output : NaN,
      lossPoints,
      epochsPerSecond: trains(this.phase) ? this.meter.epochsPerSecond() : 0,
      layerKernel: this.trainer.layerKernel,
    };
    const transfer: Transferable[] = [lossPoints.buffer, displayInput.buffer, ...masks.map((m) => m.buffer), ...activations.map((a) => a.buffer),
      ...evalActivations.map((a) => a.buffer)];
    if (withFit && !this.trainer.diverged) {
      snapshot.fit = this.predictFit();
      transfer.push(snapshot.fit.plain.buffer, snapshot.fit.dropout.buffer);
      if (snapshot.fit.kind === 'curve') transfer.push(snapshot.fit.xs.buffer);
      out.lastFitAt = this.now();
      out.fitStale = false;
    }
    out.pendingLoss = [];
    out.snapshotDue = false;
    out.lastSnapshotAt = now;
    this.unreadSnapshots++;
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

function freshOutbox(): Outbox {
  return { snapshotDue: true, fitStale: true, postedReveal: 0, pendingLoss: [], lastSnapshotAt: -Infinity, lastFitAt: -Infinity };
}

/** A row number from a message: a non-negative integer, else the first row (the client validates; this guards). */
function validRow(row: unknown): number {
  return typeof row === 'number' && Number.isInteger(row) && row >= 0 ? row : 0;
}
