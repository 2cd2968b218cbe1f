/**
 * One background trainer of the p-sweep. It receives one run at a time, trains it headlessly with the engine's
 * simulate(), and answers with the dropout twin's final validation loss (the mean of the last few evaluations,
 * so one noisy evaluation does not decide). The sweep terminates the worker to cancel.
 */
import { simulate, type ScenarioOptions } from '../engine';

export interface SweepJob {
  type: 'run';
  jobId: number;
  scenario: ScenarioOptions;
  epochs: number;
  /** How many of the last evaluations are averaged. */
  tail: number;
}

export type SweepReply =
  | { type: 'result'; jobId: number; finalVal: number; diverged: boolean }
  | { type: 'failed'; jobId: number; message: string };

/** The mean of the last `tail` finite validation losses of the dropout twin (NaN if none). */
export function finalValidationLoss(valLoss: readonly number[], tail: number): number {
  const last = valLoss.slice(-Math.max(1, tail)).filter(Number.isFinite);
  return last.length === 0 ? NaN : last.reduce((a, b) => a + b, 0) / last.length;
}

const scope = globalThis as unknown as {
  WorkerGlobalScope?: unknown;
  onmessage: ((event: MessageEvent<SweepJob>) => void) | null;
  postMessage(reply: SweepReply): void;
};

// Only inside a worker: unit tests import this file for `finalValidationLoss` alone.
if (scope.WorkerGlobalScope !== undefined) {
  scope.onmessage = (event) => {
    const job = event.data;
    if (job?.type !== 'run') return;
    try {
      const result = simulate({ ...job.scenario, epochs: job.epochs });
      scope.postMessage({
        type: 'result',
        jobId: job.jobId,
        finalVal: finalValidationLoss(result.dropout.valLoss, job.tail),
        diverged: result.diverged,
      });
    } catch (error) {
      scope.postMessage({ type: 'failed', jobId: job.jobId, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
