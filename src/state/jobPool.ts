/**
 * Independent jobs (the p-sweep's runs, the lesson's experiments) on a few background instances of the training
 * worker: each worker takes the next job as soon as it answers, so every core stays busy until the last one.
 * The pool is a value its owner keeps (in its store) and cancels; nothing here is shared between pools.
 */

export interface JobPoolHandlers<Job, Result> {
  /** The message that starts job number `jobId` in a worker. */
  message: (job: Job, jobId: number) => unknown;
  /** A worker's answer: the result of one job, or the failure it reports. */
  read: (reply: unknown) => { jobId: number; result: Result } | { error: string };
  /** One more job is done (`completed` of them so far). */
  onResult: (jobId: number, result: Result, completed: number) => void;
  /** Every job is done; the workers are already stopped. */
  onDone: () => void;
  /** A worker failed or could not start; the workers are already stopped. */
  onFail: (message: string) => void;
}

export interface JobPool {
  /** How many workers run the jobs. */
  readonly workers: number;
  /** Stops every worker at once; no handler is called after it. */
  cancel: () => void;
}

/** Two workers on a 2-core laptop, up to `maxWorkers` where there are more cores. */
export function poolSize(jobCount: number, maxWorkers: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, maxWorkers, jobCount));
}

export function startJobPool<Job, Result>(
  jobs: readonly Job[],
  maxWorkers: number,
  handlers: JobPoolHandlers<Job, Result>,
): JobPool {
  if (jobs.length === 0) {
    queueMicrotask(handlers.onDone);
    return { workers: 0, cancel: () => undefined };
  }
  const workers: Worker[] = [];
  let live = true;
  let next = 0;
  let completed = 0;
  const stop = () => {
    live = false;
    workers.forEach((worker) => worker.terminate());
  };
  const fail = (message: string) => {
    if (!live) return;
    stop();
    handlers.onFail(message);
  };
  const feed = (worker: Worker) => {
    if (next >= jobs.length) return;
    const jobId = next++;
    worker.postMessage(handlers.message(jobs[jobId], jobId));
  };
  const count = poolSize(jobs.length, maxWorkers);
  for (let i = 0; i < count && live; i++) {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      break;
    }
    workers.push(worker);
    worker.onmessage = (event: MessageEvent<unknown>) => {
      if (!live) return;
      const reply = handlers.read(event.data);
      if ('error' in reply) {
        fail(reply.error);
        return;
      }
      completed++;
      handlers.onResult(reply.jobId, reply.result, completed);
      if (completed === jobs.length) {
        stop();
        handlers.onDone();
      } else {
        feed(worker);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'worker error');
    };
    feed(worker);
  }
  return { workers: count, cancel: stop };
}
