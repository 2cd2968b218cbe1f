/**
 * The states of a training session and what moves it between them, written down as a table. TrainingSession
 * (trainingSession.ts) keeps one phase and changes it only through `nextPhase`, from handle() (commands) and
 * tick() (the clock: the budget is spent, a loss diverged).
 *
 * | phase \ event | play       | pause  | step    | budgetSpent | nonFinite | newRun / newRunPlaying |
 * |---------------|------------|--------|---------|-------------|-----------|------------------------|
 * | paused        | running    | paused | paused  | finished    | diverged  | paused / running       |
 * | running       | running    | paused | paused  | finished    | diverged  | paused / running       |
 * | finished      | running ¹  | fin.   | fin.    | finished    | diverged  | paused / running       |
 * | diverged      | diverged   | div.   | div.    | diverged    | diverged  | paused / running       |
 *
 * ¹ Play in a finished run continues it for another budget ("Continue"): the session extends the budget.
 * A diverged run stays stopped until a new run (new settings or reset): its weights are no longer numbers.
 */

export type Phase = 'paused' | 'running' | 'finished' | 'diverged';

export type PhaseEvent = 'play' | 'pause' | 'step' | 'budgetSpent' | 'nonFinite' | 'newRun' | 'newRunPlaying';

export const PHASE_TABLE: Readonly<Record<Phase, Readonly<Record<PhaseEvent, Phase>>>> = Object.freeze({
  paused: { play: 'running', pause: 'paused', step: 'paused', budgetSpent: 'finished', nonFinite: 'diverged', newRun: 'paused', newRunPlaying: 'running' },
  running: { play: 'running', pause: 'paused', step: 'paused', budgetSpent: 'finished', nonFinite: 'diverged', newRun: 'paused', newRunPlaying: 'running' },
  finished: { play: 'running', pause: 'finished', step: 'finished', budgetSpent: 'finished', nonFinite: 'diverged', newRun: 'paused', newRunPlaying: 'running' },
  diverged: { play: 'diverged', pause: 'diverged', step: 'diverged', budgetSpent: 'diverged', nonFinite: 'diverged', newRun: 'paused', newRunPlaying: 'running' },
});

export function nextPhase(phase: Phase, event: PhaseEvent): Phase {
  return PHASE_TABLE[phase][event];
}

/** Whether the clock trains in this phase. */
export function trains(phase: Phase): boolean {
  return phase === 'running';
}

/** Whether a paused student may step the run by hand in this phase (not once its losses are no longer numbers). */
export function canStep(phase: Phase): boolean {
  return phase !== 'diverged';
}
