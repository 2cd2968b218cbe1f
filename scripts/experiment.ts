/**
 * Runs one of the engine's experiments on a pool of worker threads (two by default: the machine's two cores) and
 * prints its table (stdout) and its wall time and progress (stderr). The jobs and the table come from the
 * engine (src/engine/experiments); this script only hands jobs to idle threads, the way the app's worker pool does.
 *   npm run experiment -- data-size --seeds 4 --format csv
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  combineExperiment, experimentJobs, experimentTableToCsv, experimentTableToMarkdown,
  type ExperimentJob, type ExperimentJobResult,
} from '../src/engine/experiments';
import { EXPERIMENT_USAGE, parseExperimentArgs } from './experiment-args';

const args = parseExperimentArgs(process.argv.slice(2));
if (!args.ok) {
  process.stderr.write(`experiment: ${args.error}\n${EXPERIMENT_USAGE}\n`);
  process.exit(2);
}
const jobs = experimentJobs(args.name, { seeds: args.seeds, scenario: args.epochs ? { epochs: args.epochs } : undefined });
const started = performance.now();
const results: ExperimentJobResult[] = [];
let next = 0;
const threads = Math.min(args.workers, jobs.length);

await new Promise<void>((resolve, reject) => {
  let idle = 0;
  for (let w = 0; w < threads; w++) {
    const worker = new Worker(new URL('./experiment-worker.mjs', import.meta.url));
    const feed = () => {
      if (next < jobs.length) worker.postMessage(jobs[next++] satisfies ExperimentJob);
      else {
        void worker.terminate();
        if (++idle === threads) resolve();
      }
    };
    worker.on('message', (result: ExperimentJobResult) => {
      results.push(result);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`\r${args.name}: ${results.length}/${jobs.length} jobs, ${seconds} s`);
      feed();
    });
    worker.on('error', reject);
    feed();
  }
});

const wall = (performance.now() - started) / 1000;
const table = combineExperiment(args.name, results);
process.stderr.write('\n');
if (args.format === 'json') process.stdout.write(`${JSON.stringify({ ...table, jobs: jobs.length, threads, wallSeconds: wall })}\n`);
else process.stdout.write(args.format === 'csv' ? experimentTableToCsv(table) : experimentTableToMarkdown(table));
process.stderr.write(
  `${args.name}: ${jobs.length} jobs over ${args.seeds} seeds on ${threads} worker threads (${availableParallelism()} cores): ` +
    `wall time ${wall.toFixed(1)} s\n`,
);
