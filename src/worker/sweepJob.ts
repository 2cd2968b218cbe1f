/**
 * One run of the p-sweep: trains a scenario headlessly with the engine's simulate() and answers with the dropout
 * twin's final validation loss (the mean of the last few evaluations, so one noisy evaluation does not decide).
 * The sweep's background workers are instances of the training worker (one bundle holds the engine once, not
 * twice); the sweep terminates them to cancel.
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

/** Runs one sweep job; never throws (a failure is an answer too). */
export function runSweepJob(job: SweepJob): SweepReply {
  try {
    const result = simulate({ ...job.scenario, epochs: job.epochs });
    return { type: 'result', jobId: job.jobId, finalVal: finalValidationLoss(result.dropout.valLoss, job.tail), diverged: result.diverged };
  } catch (error) {
    return { type: 'failed', jobId: job.jobId, message: error instanceof Error ? error.message : String(error) };
  }
}
