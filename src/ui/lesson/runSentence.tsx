import type { AppState } from '../../state/store';
import { useThrottledStore } from '../charts/hooks';

/** How often a run-based reveal is rewritten while training runs: it is read, not watched. */
const REVEAL_EVERY_MS = 1000;

const selectTraining = (state: AppState) => state.training;

/** The training state as a reveal reads it: at most once a second. */
export function useRevealTraining(): AppState['training'] {
  return useThrottledStore(selectTraining, REVEAL_EVERY_MS);
}

/** A ratio with one decimal, or a dash when the run cannot give one. */
export const ratioText = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** The sentence that quotes the student's own run; `ready` once it quotes the numbers the step asks about. */
export function RunSentence({ sentence, ready, epoch }: { sentence: string; ready: boolean; epoch: number }) {
  return (
    <p className="lesson-run" data-testid="lesson-run-numbers" data-ready={ready ? 'true' : 'false'} data-epoch={epoch}>
      {sentence}
    </p>
  );
}
