import { describe, expect, it } from 'vitest';
import { PHASE_TABLE, canStep, nextPhase, trains, type Phase, type PhaseEvent } from './sessionPhase';

const PHASES: Phase[] = ['paused', 'running', 'finished', 'diverged'];
const EVENTS: PhaseEvent[] = ['play', 'pause', 'step', 'budgetSpent', 'nonFinite', 'newRun', 'newRunPlaying'];

describe('the session phase table', () => {
  it('has a next phase for every phase and event', () => {
    for (const phase of PHASES) for (const event of EVENTS) expect(PHASES, `${phase} × ${event}`).toContain(PHASE_TABLE[phase][event]);
  });

  it('says what the lab promises', () => {
    // Only a running session trains; a finished one continues on play; a diverged one waits for a new run.
    expect(PHASES.filter(trains)).toEqual(['running']);
    expect(nextPhase('finished', 'play')).toBe('running');
    expect(nextPhase('diverged', 'play')).toBe('diverged');
    expect(canStep('diverged')).toBe(false);
    for (const phase of PHASES) {
      expect(nextPhase(phase, 'newRun')).toBe('paused');
      expect(nextPhase(phase, 'newRunPlaying')).toBe('running');
      expect(nextPhase(phase, 'nonFinite')).toBe('diverged');
    }
    expect(nextPhase('running', 'budgetSpent')).toBe('finished');
    expect(nextPhase('running', 'step')).toBe('paused');
  });
});
