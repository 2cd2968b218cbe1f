/// <reference lib="webworker" />
/**
 * The training worker: owns the clock and runs TrainingSession in short slices, yielding between them so commands
 * and pings are answered quickly. All logic lives in trainingSession.ts and trainingClock.ts; this file only wires
 * them to the worker's messages and timers. The p-sweep's background workers are instances of this same worker
 * answering SweepJobs, so the app ships the engine in one worker bundle instead of two.
 */
import { TrainingSession } from './trainingSession';
import { runSweepJob, type SweepJob } from './sweepJob';
import { runExperimentJob, type ExperimentJob, type ExperimentJobResult } from '../engine';

/** The lesson's experiments (Srivastava et al. Figs. 10–11) run as jobs on instances of this worker too. */
export interface ExperimentRequest {
  type: 'experiment';
  jobId: number;
  job: ExperimentJob;
}
export type ExperimentReply =
  | { type: 'experimentResult'; jobId: number; result: ExperimentJobResult }
  | { type: 'experimentFailed'; jobId: number; message: string };
import type { WorkerCommand, WorkerEvent } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (event: WorkerEvent, transfer: Transferable[]) => self.postMessage(event, transfer);
let session: TrainingSession | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let immediatePending = false;

// A MessageChannel message runs right after pending messages, without setTimeout's 4 ms clamp on nested timers.
const yieldChannel = new MessageChannel();
yieldChannel.port1.onmessage = () => {
  immediatePending = false;
  run();
};

function schedule(delayMs: number | null): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (delayMs === null) return;
  if (delayMs <= 0) {
    if (!immediatePending) {
      immediatePending = true;
      yieldChannel.port2.postMessage(null);
    }
  } else {
    timer = setTimeout(run, delayMs);
  }
}

function run(): void {
  if (session) schedule(session.tick());
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

self.onmessage = (event: MessageEvent<WorkerCommand | SweepJob | ExperimentRequest>) => {
  if (event.data.type === 'run') {
    self.postMessage(runSweepJob(event.data));
    return;
  }
  if (event.data.type === 'experiment') {
    const { jobId, job } = event.data;
    try {
      self.postMessage({ type: 'experimentResult', jobId, result: runExperimentJob(job) } satisfies ExperimentReply);
    } catch (error) {
      self.postMessage({ type: 'experimentFailed', jobId, message: describe(error) } satisfies ExperimentReply);
    }
    return;
  }
  const command = event.data;
  // Fault injection for the end-to-end tests, compiled only into a test build (`vite build --mode e2e`): the
  // production worker ignores these commands and carries no busy loop.
  if (import.meta.env.MODE === 'e2e' && command.type === 'testCrash') {
    // An uncaught error, as a bug would raise: the client must notice the worker's error event and restart it.
    setTimeout(() => {
      throw new Error('training worker crashed on purpose (test hook)');
    });
    return;
  }
  if (import.meta.env.MODE === 'e2e' && command.type === 'testHang') {
    // Busy forever, as an endless loop would: no pongs, no snapshots. The client must terminate and restart it.
    for (;;) {
      /* spin */
    }
  }
  try {
    if (command.type === 'configure' && !session) session = new TrainingSession(command.scenario, post, () => performance.now());
    if (session) session.handle(command);
    else if (command.type === 'ping') post({ type: 'pong', id: command.id }, []);
  } catch (error) {
    post({ type: 'error', message: describe(error) }, []);
  }
  run();
};
