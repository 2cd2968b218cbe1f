/**
 * One twin trained alone, for the experiments: the same network, bit for bit, that TwinTrainer trains as its
 * `plain` or `dropout` twin (same data, initial weights, mask stream and optimizer), at half the cost, because an
 * experiment that only reads one twin's validation loss should not pay for the other. Full batch only (the default
 * scenario's; a shuffled mini-batch order would need the twin's shuffle stream too).
 */
import { makeDataset, DEFAULT_GAP, type Dataset } from '../data';
import { computeLoss, type LossName } from '../loss';
import { Mlp } from '../mlp';
import { createOptimizer } from '../optim';
import { createRng } from '../rng';
import { validateScenario, type ResolvedScenario, type ScenarioOptions } from '../scenario';
import { deriveSeed } from '../trainer';
import { assertPositiveInteger } from '../validate';

/** The experiments evaluate every 50 epochs and average the last 4 evaluations, as the app's p-sweep does. */
export const EXPERIMENT_EVAL_EVERY = 50;
export const EXPERIMENT_TAIL = 4;

/** TwinTrainer's stream numbers for the initial weights and the dropout masks (see trainer.ts). */
const INIT_STREAM = 1;
const MASK_STREAM = 2;

export interface TrainedModel {
  scenario: ResolvedScenario;
  dataset: Dataset;
  model: Mlp;
  /** Mean of the last `tail` validation losses (eval mode), evaluated every `evalEvery` epochs and at the end. */
  finalValLoss: number;
  /** True when a loss turned non-finite; training stopped there. */
  diverged: boolean;
}

/**
 * Trains the `which` twin of `options` to the scenario's epoch budget. Identical to TwinTrainer's twin of the same
 * name (trainOne.test.ts checks the weights bit for bit); `which = 'dropout'` applies `options.p`.
 */
export function trainOneTwin(
  options: Partial<ScenarioOptions>,
  which: 'plain' | 'dropout',
  evalEvery = EXPERIMENT_EVAL_EVERY,
  tail = EXPERIMENT_TAIL,
): TrainedModel {
  const o = validateScenario(options);
  if (o.batchSize !== 0 && o.batchSize !== o.trainSize) throw new RangeError(`trainOneTwin trains full batches only, but batchSize is ${o.batchSize}`);
  assertPositiveInteger(evalEvery, 'evalEvery');
  assertPositiveInteger(tail, 'tail');
  const dataset = makeDataset({
    name: o.dataset, seed: o.seed, trainSize: o.trainSize, valSize: o.valSize, noise: o.noise, gap: o.gap ? DEFAULT_GAP : null,
  });
  const loss: LossName = dataset.task === 'regression' ? 'mse' : 'bce';
  const model = new Mlp({ sizes: [dataset.inputSize, ...o.hidden, dataset.outputSize], activation: o.activation });
  model.initialize(createRng(deriveSeed(o.seed, INIT_STREAM)));
  const optimizer = createOptimizer(o.optimizer, model.params.length, o.learningRate);
  const p = which === 'dropout' ? o.p : 0;
  const masks = p > 0 && p < 1 ? createRng(deriveSeed(o.seed, MASK_STREAM)) : undefined;
  const trainWs = model.createWorkspace(o.trainSize);
  const evalWs = model.createWorkspace(o.valSize);
  const { trainX, trainY, valX, valY, trainSize, valSize } = dataset;
  const evaluate = () => {
    model.forward(evalWs, valX, valSize, { training: false });
    return computeLoss(loss, evalWs, valY, 1, false);
  };
  const history: number[] = [];
  let diverged = false;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    model.forward(trainWs, trainX, trainSize, { training: true, p, rng: masks });
    if (!Number.isFinite(computeLoss(loss, trainWs, trainY, 1, true))) {
      diverged = true;
      break;
    }
    model.backward(trainWs);
    optimizer.step(model.params, model.grads);
    if (epoch % evalEvery === 0 || epoch === o.epochs) history.push(evaluate());
  }
  if (diverged || history.length === 0) history.push(evaluate());
  const last = history.slice(-tail);
  return { scenario: o, dataset, model, finalValLoss: last.reduce((a, b) => a + b, 0) / last.length, diverged };
}
