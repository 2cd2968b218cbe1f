import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useLessonProgress } from '../../state/lesson/progress';
import { startLessonAgain } from '../../state/lesson/navigation';
import { usePartStrings } from '../useStrings';

type Stage = 'offer' | 'asking' | 'cleared';

/**
 * Clears every answer this tab keeps (state/lesson/progress.ts) and goes back to step 1: for a student who wants
 * to go through the lesson again, and for a teacher whose next class meets at the same projector. It asks first,
 * in the page rather than with `confirm()`, which an embedding frame without `allow-modals` answers "no" at once.
 * Nothing to clear, nothing shown; once cleared, it says so where the button was.
 */
export function StartAgain({ className }: { className?: string }) {
  const t = usePartStrings().lessonSteps.startAgain;
  const answers = useLessonProgress((state) => Object.keys(state.answers).length);
  const [stage, setStage] = useState<Stage>('offer');
  const questionId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  // Each stage replaces the button that was pressed, so the focus would fall to the page's start: it moves to the
  // stage's first control (or its message) instead, when the reader was using this box.
  const focusNext = useRef(false);
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    boxRef.current?.querySelector<HTMLElement>('button, [tabindex="-1"]')?.focus();
  }, [stage]);
  const go = (next: Stage) => {
    focusNext.current = true;
    setStage(next);
  };

  if (answers === 0 && stage !== 'cleared') return null;
  return (
    <div ref={boxRef} className={className} data-testid="lesson-start-again">
      {stage === 'cleared' ? (
        <p role="status" tabIndex={-1}>
          {t.done}
        </p>
      ) : stage === 'asking' ? (
        <div role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t.ask(answers)}</p>
          <div className="lesson-buttons">
            <button
              type="button"
              className="primary"
              onClick={() => {
                go('cleared');
                startLessonAgain();
              }}
            >
              {t.confirm}
            </button>
            <button type="button" onClick={() => go('offer')}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => go('asking')}>
          {t.button}
        </button>
      )}
    </div>
  );
}
