/** One thread of scripts/experiment.ts's pool: runs each job it is sent and posts its result back. */
import { parentPort } from 'node:worker_threads';
import { runExperimentJob, type ExperimentJob } from '../src/engine/experiments';

parentPort!.on('message', (job: ExperimentJob) => parentPort!.postMessage(runExperimentJob(job)));
