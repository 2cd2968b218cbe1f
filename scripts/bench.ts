/**
 * Engine benchmark (not a test: timings depend on the machine). Run with `npm run bench`.
 * Prints one line per configuration: its network shape and the median epochs per second over several runs.
 *   (a) the default scenario: twin tanh models of the default shape and data, evaluation every 10 epochs, 3,000
 *       epochs (the yardstick), also given as the time of the default's whole budget;
 *   (b) one 2-32-32-1 tanh network on 20 points, full-batch Adam, no evaluation;
 *   (c) the data-size experiment's heaviest job: the default scenario's dropout twin alone on 300 points.
 * Targets (single thread): (a) 3,000 epochs in ≤ 3 s, (b) ≥ 10,000 epochs/s. (c) has none of its own: the
 * experiment's wall time (≤ 20 s in the app) is what the issue fixes, and (c) says where that time goes.
 */
import { Adam } from '../src/engine/optim';
import { computeLoss } from '../src/engine/loss';
import { Mlp, type Precision } from '../src/engine/mlp';
import { createRng } from '../src/engine/rng';
import { DEFAULT_SCENARIO, TwinTrainer } from '../src/engine/trainer';
import { trainOneTwin } from '../src/engine/experiments/trainOne';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `once` (which returns epochs done) RUNS times after one warm-up and returns the median epochs/s. */
function measure(once: () => number): number {
  once();
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    const epochs = once();
    rates.push(epochs / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

function twinDefault(epochs: number): number {
  const trainer = new TwinTrainer({});
  while (trainer.epoch < epochs) trainer.stepEpoch();
  return epochs;
}

function singleNetwork(epochs: number, precision: Precision): number {
  const rng = createRng(1);
  const n = 20;
  const x = Float32Array.from({ length: 2 * n }, () => rng.random() * 2 - 1);
  const y = Float32Array.from({ length: n }, (_, i) => Math.sin(3 * x[2 * i]) * x[2 * i + 1]);
  const model = new Mlp({ sizes: [2, 32, 32, 1], activation: 'tanh', precision });
  model.initialize(rng);
  const ws = model.createWorkspace(n);
  const adam = new Adam(model.params.length, { learningRate: 0.01 });
  for (let e = 0; e < epochs; e++) {
    model.forward(ws, x, n, { training: true, p: 0 });
    computeLoss('mse', ws, y, 1, true);
    model.backward(ws);
    adam.step(model.params, model.grads);
  }
  return epochs;
}

const fmt = (v: number) => `${Math.round(v).toLocaleString('en-US')} epochs/s`;
const shape = (hidden: number[]) => [1, ...hidden, 1].join('-');
const rows: [string, string, string][] = [];
const a = measure(() => twinDefault(3000));
const budget = DEFAULT_SCENARIO.epochs;
rows.push([
  `(a) ${shape(DEFAULT_SCENARIO.hidden)} twins, default scenario, eval every 10`, fmt(a),
  `3,000 epochs in ${(3000 / a).toFixed(2)} s (target ≤ 3 s); the ${budget.toLocaleString('en-US')}-epoch budget in ${(budget / a).toFixed(2)} s`,
]);
const b = measure(() => singleNetwork(20_000, 'float32'));
rows.push(['(b) 2-32-32-1 tanh, 20 points, full batch, no eval', fmt(b), 'target ≥ 10,000 epochs/s']);
const c = measure(() => trainOneTwin({ trainSize: 300, epochs: 500 }, 'dropout').scenario.epochs);
rows.push([`(c) ${shape(DEFAULT_SCENARIO.hidden)} dropout twin alone, 300 points (data-size)`, fmt(c), `${budget.toLocaleString('en-US')} epochs in ${(budget / c).toFixed(2)} s`]);
if (process.env.BENCH_FLOAT64) {
  const b64 = measure(() => singleNetwork(20_000, 'float64'));
  rows.push(['(b) same, float64 storage (comparison)', fmt(b64), '']);
}
const width = Math.max(...rows.map((r) => r[0].length));
const kernel = new TwinTrainer({}).layerKernel;
console.log(`Dropout Lab engine benchmark — Node ${process.version}, layer kernel ${kernel}, median of ${RUNS} runs\n`);
for (const [name, rate, note] of rows) console.log(`${name.padEnd(width)}  ${rate.padStart(18)}  ${note}`);
