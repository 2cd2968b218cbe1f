import { DEFAULT_GAP, makeDataset, type Dataset } from './data';
import { computeLoss, sigmoid, type LossName } from './loss';
import { mcDropoutPredict, type McPrediction } from './mc';
import type { KernelEngine } from './kernels/embeddedWasm';
import { Mlp, type MlpWorkspace } from './mlp';
import { createOptimizer, type Optimizer } from './optim';
import { createRng, type Rng } from './rng';
import { validateScenario, type ResolvedScenario, type ScenarioOptions } from './scenario';
import { assertAllFinite, assertPositiveInteger, assertSeed } from './validate';

export type { Activation } from './mlp';
export type { OptimizerName } from './optim';
export type { Dataset } from './data';
export type { DatasetName } from './datasetNames';
export {
  DEFAULT_SCENARIO, UNCERTAINTY_PRESET, UNCERTAINTY_PRESET_EPOCHS, SCENARIO_LIMITS, validateScenario,
  type ResolvedScenario, type ScenarioOptions,
} from './scenario';

/** One evaluation of both twins. Train and val losses are eval-mode (dropout off); see `trainWithDropout`. */
export interface LossPoint {
  epoch: number;
  plain: { train: number; val: number };
  /** `trainWithDropout` is the loss of the last training pass, masks on: noisier and higher than `train`. */
  dropout: { train: number; val: number; trainWithDropout: number };
}

/** The independent random streams one seed fans out into. Data uses the seed itself (reproducible in NumPy). */
const STREAM = { init: 1, masks: 2, shuffle: 3, probe: 4, mc: 5 } as const;

/**
 * A seed for a derived stream: murmur3's 32-bit finaliser over (seed, stream), so the streams of one seed share
 * no draws with each other, nor with the data stream of a neighbouring seed.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Trains two identical networks side by side: `plain` without dropout and `dropout` with p on every hidden
 * layer. They start from the same weights and see the same batches in the same order; only the dropout twin
 * draws masks. Everything derives from `options.seed`, so a run is reproducible step for step.
 */
export class TwinTrainer {
  /** The validated scenario, epoch budget included (the trainer itself never stops; its callers read the budget). */
  readonly options: ResolvedScenario;
  readonly dataset: Dataset;
  /** The twin trained without dropout. */
  readonly plain: Mlp;
  /** The twin trained with dropout probability `options.p` on every hidden layer. */
  readonly dropoutModel: Mlp;
  private readonly loss: LossName;
  private readonly plainOptimizer: Optimizer;
  private readonly dropoutOptimizer: Optimizer;
  private readonly maskRng: Rng;
  private readonly shuffleRng: Rng;
  private readonly plainTrainWs: MlpWorkspace;
  private readonly dropoutTrainWs: MlpWorkspace;
  private readonly evalWs: MlpWorkspace;
  private scratchWs: MlpWorkspace | null = null;
  private readonly order: Int32Array;
  private readonly batchRows: Int32Array;
  private readonly batchCapacity: number;
  private cursor = 0;
  private batchLength = 0;
  private epochs = 0;
  private passes = 0;
  private isDiverged = false;
  private lastDropoutLoss = NaN;

  /**
   * @param options scenario options; missing ones come from DEFAULT_SCENARIO (see validateScenario).
   * @param overrides for measurement scripts only: `gapRange` replaces DEFAULT_GAP when `options.gap` is true.
   */
  constructor(options: Partial<ScenarioOptions> = {}, overrides: { gapRange?: readonly [number, number] } = {}) {
    this.options = validateScenario(options);
    const o = this.options;
    this.dataset = makeDataset({
      name: o.dataset, seed: o.seed, trainSize: o.trainSize, valSize: o.valSize, noise: o.noise,
      gap: o.gap ? (overrides.gapRange ?? DEFAULT_GAP) : null,
    });
    this.loss = this.dataset.task === 'regression' ? 'mse' : 'bce';
    const sizes = [this.dataset.inputSize, ...o.hidden, this.dataset.outputSize];
    this.plain = new Mlp({ sizes, activation: o.activation });
    this.plain.initialize(createRng(deriveSeed(o.seed, STREAM.init)));
    this.dropoutModel = new Mlp({ sizes, activation: o.activation });
    this.dropoutModel.copyParametersFrom(this.plain);
    this.plainOptimizer = createOptimizer(o.optimizer, this.plain.params.length, o.learningRate);
    this.dropoutOptimizer = createOptimizer(o.optimizer, this.plain.params.length, o.learningRate);
    this.maskRng = createRng(deriveSeed(o.seed, STREAM.masks));
    this.shuffleRng = createRng(deriveSeed(o.seed, STREAM.shuffle));
    this.batchCapacity = o.batchSize === 0 ? o.trainSize : o.batchSize;
    this.plainTrainWs = this.plain.createWorkspace(this.batchCapacity);
    this.dropoutTrainWs = this.dropoutModel.createWorkspace(this.batchCapacity);
    this.evalWs = this.plain.createWorkspace(Math.max(o.trainSize, o.valSize));
    this.order = Int32Array.from({ length: o.trainSize }, (_, i) => i);
    this.batchRows = new Int32Array(this.batchCapacity);
  }

  /** Completed epochs. */
  get epoch(): number {
    return this.epochs;
  }

  /** Which code runs the layers' passes (WebAssembly SIMD where the runtime allows it); the numbers are the same. */
  get layerKernel(): KernelEngine {
    return this.plainTrainWs.kernel.engine;
  }

  /** Training steps taken: one forward + backward + update of both twins on one batch. */
  get forwardPasses(): number {
    return this.passes;
  }

  /** True once any loss was non-finite; from then on the step methods do nothing. */
  get diverged(): boolean {
    return this.isDiverged;
  }

  /** One batch step of both twins. Returns a LossPoint when it completed an evaluation epoch, else null. */
  step(): LossPoint | null {
    if (this.isDiverged) return null;
    const o = this.options;
    const full = o.batchSize === 0 || o.batchSize === o.trainSize;
    if (this.cursor === 0 && !full) this.shuffle();
    const n = Math.min(this.batchCapacity, o.trainSize - this.cursor);
    const rows = this.batchRows;
    for (let i = 0; i < n; i++) rows[i] = this.order[this.cursor + i];
    this.batchLength = n;
    // A full batch in index order needs no gather: the forward pass reads the training array directly.
    const gather = full ? undefined : rows;
    const { trainX, trainY } = this.dataset;

    this.plain.forward(this.plainTrainWs, trainX, n, { training: true, p: 0, rows: gather });
    const plainLoss = computeLoss(this.loss, this.plainTrainWs, trainY, 1, true, gather);
    this.dropoutModel.forward(this.dropoutTrainWs, trainX, n, { training: true, p: o.p, rng: this.maskRng, rows: gather });
    const dropoutLoss = computeLoss(this.loss, this.dropoutTrainWs, trainY, 1, true, gather);
    this.lastDropoutLoss = dropoutLoss;
    this.passes++;
    if (!Number.isFinite(plainLoss) || !Number.isFinite(dropoutLoss)) {
      this.isDiverged = true;
      return null;
    }
    this.plain.backward(this.plainTrainWs);
    this.plainOptimizer.step(this.plain.params, this.plain.grads);
    this.dropoutModel.backward(this.dropoutTrainWs);
    this.dropoutOptimizer.step(this.dropoutModel.params, this.dropoutModel.grads);

    this.cursor += n;
    if (this.cursor < o.trainSize) return null;
    this.cursor = 0;
    this.epochs++;
    return this.epochs % o.evalEvery === 0 ? this.evaluate() : null;
  }

  /** Steps until the current epoch completes (or training diverges). */
  stepEpoch(): LossPoint | null {
    const target = this.epochs + 1;
    let point: LossPoint | null = null;
    while (this.epochs < target && !this.isDiverged) point = this.step();
    return point;
  }

  /**
   * Eval-mode train and validation losses of both twins now, plus the dropout twin's training loss with
   * dropout on from its last training pass. Before the first step that last value comes from one probe pass
   * with its own random stream, so asking does not shift the training masks. Sets `diverged` on a non-finite loss.
   */
  evaluate(): LossPoint {
    const { trainX, trainY, valX, valY, trainSize, valSize } = this.dataset;
    const measure = (model: Mlp, x: Float32Array, y: Float32Array, n: number) => {
      model.forward(this.evalWs, x, n, { training: false });
      return computeLoss(this.loss, this.evalWs, y, 1, false);
    };
    if (this.passes === 0 && Number.isNaN(this.lastDropoutLoss)) {
      const probe = createRng(deriveSeed(this.options.seed, STREAM.probe));
      this.dropoutModel.forward(this.evalWs, trainX, trainSize, { training: true, p: this.options.p, rng: probe });
      this.lastDropoutLoss = computeLoss(this.loss, this.evalWs, trainY, 1, false);
    }
    const point: LossPoint = {
      epoch: this.epochs,
      plain: { train: measure(this.plain, trainX, trainY, trainSize), val: measure(this.plain, valX, valY, valSize) },
      dropout: {
        train: measure(this.dropoutModel, trainX, trainY, trainSize),
        val: measure(this.dropoutModel, valX, valY, valSize),
        trainWithDropout: this.lastDropoutLoss,
      },
    };
    const values = [point.plain.train, point.plain.val, point.dropout.train, point.dropout.val, point.dropout.trainWithDropout];
    if (!values.every(Number.isFinite)) this.isDiverged = true;
    return point;
  }

  /** Dropout twin, per hidden layer, batch × width masks of the last training pass (1 kept, 0 dropped). Copies. */
  lastMasks(): readonly Uint8Array[] {
    const ws = this.dropoutTrainWs;
    return ws.masks.map((m, l) => m.slice(0, ws.n * this.options.hidden[l]));
  }

  /** Dropout twin, per hidden layer, batch × width activations after dropout of the last training pass. Copies. */
  lastHiddenActivations(): readonly Float32Array[] {
    const ws = this.dropoutTrainWs;
    return this.options.hidden.map((width, l) => Float32Array.from(ws.outputs[l].subarray(0, ws.n * width)));
  }

  /** Dropout twin, batch × outputSize network outputs (raw, before any sigmoid) of the last training pass. A copy. */
  lastOutputs(): Float32Array {
    const ws = this.dropoutTrainWs;
    const last = ws.outputs.length - 1;
    return Float32Array.from(ws.outputs[last].subarray(0, ws.n * this.dataset.outputSize));
  }

  /**
   * One example's row of the dropout twin's last training pass — what the network view shows — copied without
   * copying the rest of the batch: per hidden layer its mask and post-dropout activations, and its raw output.
   */
  lastPassRow(row: number): { sample: number; masks: Uint8Array[]; activations: Float32Array[]; output: number } {
    const ws = this.dropoutTrainWs;
    if (!Number.isInteger(row) || row < 0 || row >= ws.n) throw new RangeError(`row must be an integer in [0, ${ws.n}), but got ${row}`);
    const widths = this.options.hidden;
    return {
      sample: this.batchRows[row],
      masks: widths.map((width, l) => ws.masks[l].slice(row * width, (row + 1) * width)),
      activations: widths.map((width, l) => Float32Array.from(ws.outputs[l].subarray(row * width, (row + 1) * width))),
      output: ws.outputs[ws.outputs.length - 1][row * this.dataset.outputSize],
    };
  }

  /** The dropout twin's hidden activations for one input in eval mode (every unit on, nothing scaled). */
  evalHiddenActivations(input: Float32Array): Float32Array[] {
    this.checkInputs(input);
    const ws = this.scratch(1);
    this.dropoutModel.forward(ws, input, 1, { training: false });
    return this.options.hidden.map((width, l) => Float32Array.from(ws.outputs[l].subarray(0, width)));
  }

  /** How many samples the last batch held (the last batch of an epoch may be shorter). */
  get lastBatchSize(): number {
    return this.batchLength;
  }

  /** Indices into the training set of the samples the last batch held, in batch order (a copy). */
  lastBatchIndices(): Int32Array {
    return this.batchRows.slice(0, this.batchLength);
  }

  /** Eval-mode predictions for flat `xs` (n × inputSize); classification returns probabilities. */
  predict(which: 'plain' | 'dropout', xs: Float32Array): Float32Array {
    if (which !== 'plain' && which !== 'dropout') throw new RangeError(`which must be 'plain' or 'dropout', but got ${String(which)}`);
    const n = this.checkInputs(xs);
    const model = which === 'plain' ? this.plain : this.dropoutModel;
    const ws = this.scratch(n);
    const out = model.forward(ws, xs, n, { training: false });
    const result = new Float32Array(n);
    for (let i = 0; i < n; i++) result[i] = this.loss === 'bce' ? sigmoid(out[i]) : out[i];
    return result;
  }

  /**
   * MC dropout on the dropout twin: `samples` (T) passes with dropout on and fresh masks from `createRng(seed)`,
   * independent of the training masks (by default the scenario seed's own MC stream). Classification averages
   * probabilities.
   */
  mcPredict(xs: Float32Array, samples: number, seed = deriveSeed(this.options.seed, STREAM.mc)): McPrediction {
    assertPositiveInteger(samples, 'samples', 10_000);
    assertSeed(seed, 'seed');
    const n = this.checkInputs(xs);
    return mcDropoutPredict(this.dropoutModel, this.scratch(n), xs, n, {
      p: this.options.p, samples, rng: createRng(seed), probabilities: this.loss === 'bce',
    });
  }

  private shuffle(): void {
    // Fisher–Yates from the end (j uniform in [0, i]): every order equally likely, one draw per position.
    const order = this.order;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.shuffleRng.random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private checkInputs(xs: Float32Array): number {
    if (!(xs instanceof Float32Array)) throw new TypeError(`xs must be a Float32Array, but got ${Object.prototype.toString.call(xs)}`);
    const size = this.dataset.inputSize;
    if (xs.length === 0 || xs.length % size !== 0) {
      throw new RangeError(`xs must hold n × ${size} values with n ≥ 1, but got length ${xs.length}`);
    }
    assertAllFinite(xs, 'xs');
    return xs.length / size;
  }

  private scratch(n: number): MlpWorkspace {
    if (!this.scratchWs || this.scratchWs.capacity < n) this.scratchWs = this.plain.createWorkspace(n);
    return this.scratchWs;
  }
}

/** Loss curves of a whole run, one entry per evaluation (epoch 0 first, then every evalEvery, then the last). */
export interface SimulationResult {
  epochs: number[];
  plain: { trainLoss: number[]; valLoss: number[] };
  dropout: { trainLoss: number[]; valLoss: number[]; trainLossWithDropout: number[] };
  /** True when training stopped early on a non-finite loss (the last entry holds it). */
  diverged: boolean;
}

/**
 * Trains the twins headlessly for the scenario's epoch budget (`options.epochs`, DEFAULT_SCENARIO's when
 * missing) and returns every scheduled evaluation: the loss curves the app draws, for tests, the CLI and anyone
 * checking the app's claims.
 */
export function simulate(options: Partial<ScenarioOptions> = {}): SimulationResult {
  return trainToBudget(new TwinTrainer(options));
}

/**
 * Trains `trainer` on to its scenario's epoch budget (or until it diverges) and returns the evaluations made on
 * the way, as simulate() does: for callers that also need the trained models afterwards.
 */
export function trainToBudget(trainer: TwinTrainer): SimulationResult {
  const epochs = trainer.options.epochs;
  const result: SimulationResult = {
    epochs: [], plain: { trainLoss: [], valLoss: [] }, dropout: { trainLoss: [], valLoss: [], trainLossWithDropout: [] },
    diverged: false,
  };
  const record = (point: LossPoint) => {
    result.epochs.push(point.epoch);
    result.plain.trainLoss.push(point.plain.train);
    result.plain.valLoss.push(point.plain.val);
    result.dropout.trainLoss.push(point.dropout.train);
    result.dropout.valLoss.push(point.dropout.val);
    result.dropout.trainLossWithDropout.push(point.dropout.trainWithDropout);
  };
  record(trainer.evaluate());
  while (trainer.epoch < epochs && !trainer.diverged) {
    const point = trainer.stepEpoch();
    if (point) record(point);
  }
  // Always end on the last epoch reached, even off the schedule (or where a diverged run stopped).
  if (result.epochs[result.epochs.length - 1] !== trainer.epoch) record(trainer.evaluate());
  result.diverged = trainer.diverged;
  return result;
}
