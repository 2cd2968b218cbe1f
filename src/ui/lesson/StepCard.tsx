import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { stepTextFor } from '../../i18n';
import { LESSON_STEP_COUNT, type LessonStep } from '../../state/lesson/steps';
import { chooseScreen, nextStep, previousStep } from '../../state/lesson/navigation';
import { clearAnswer, commitAnswer, useLessonProgress } from '../../state/lesson/progress';
import { StepReveal } from './StepReveal';
import { ActionForm } from '../shell/ActionForm';
import { StartAgain } from './StartAgain';
import { MainActionButton, VariantChooser } from './StepActions';

/** Where the focus was in a card that gave way to the next step's: the new card puts it in the same place. */
export type CardFocus = 'back' | 'next' | 'elsewhere';

/**
 * The step card: progress, title, text, the question (predict first), the reveal once the student commits or
 * skips, the step's main action, and Back / Next. The answer is rendered only after the commit: before it, it
 * is not in the page at all, for screen readers and curious students alike. A later step's card is drawn once
 * the later parts' strings have arrived (LessonView.tsx), so its text is there to read.
 */
export function StepCard({
  step,
  number,
  focusHandoff,
  onShown,
}: {
  step: LessonStep;
  number: number;
  focusHandoff: RefObject<CardFocus | null>;
  /** Called once the card is drawn (and when its title changes language): LessonView announces a new step. */
  onShown: (number: number, title: string) => void;
}) {
  const lesson = useStrings().lesson;
  const locale = useStore((state) => state.locale);
  const text = stepTextFor(locale, step.id);
  const answer = useLessonProgress((state) => state.answers[step.id]);
  const [picked, setPicked] = useState<string | null>(null);
  const [nudge, setNudge] = useState(false);
  const questionId = useId();
  const nudgeId = useId();
  const last = number >= LESSON_STEP_COUNT;
  const embed = useStore((state) => state.settings.embed);
  const cardRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  // The card is a new one on every step (LessonView keys it by step), so a focused Back or Next button would be
  // removed with the old card and the focus would fall to the page's start: a keyboard user pressing Next would
  // Tab through the whole page to press it again. The old card notes where the focus was as it goes (before
  // React removes its elements), and the new one puts it back: on the same button, or the other one if that is
  // disabled now (first and last step), or on the title when it was elsewhere in the card.
  useLayoutEffect(() => {
    const handoff = focusHandoff.current;
    focusHandoff.current = null;
    // Without scrolling: LessonView shows the new step from its top.
    if (handoff === 'elsewhere') titleRef.current?.focus({ preventScroll: true });
    else if (handoff) {
      const [wanted, other] = handoff === 'next' ? [nextRef.current, backRef.current] : [backRef.current, nextRef.current];
      (wanted && !wanted.disabled ? wanted : other)?.focus({ preventScroll: true });
    }
    return () => {
      const focused = document.activeElement;
      if (!focused || !cardRef.current?.contains(focused)) return;
      focusHandoff.current = focused === nextRef.current ? 'next' : focused === backRef.current ? 'back' : 'elsewhere';
    };
  }, [focusHandoff]);
  useEffect(() => onShown(number, text.title), [onShown, number, text.title]);

  const check = () => {
    if (picked === null) {
      setNudge(true);
      return;
    }
    setNudge(false);
    commitAnswer(step.id, { kind: 'chosen', choice: picked });
  };
  const skip = () => {
    setNudge(false);
    commitAnswer(step.id, { kind: 'skipped' });
  };
  const again = () => {
    setPicked(null);
    clearAnswer(step.id);
  };

  return (
    <section ref={cardRef} className="lesson-card" aria-labelledby="lesson-step-title" data-testid="lesson-card">
      <div className="lesson-progress">
        <span id="lesson-progress-text" data-testid="lesson-progress">{lesson.progress(number, LESSON_STEP_COUNT)}</span>
        <progress max={LESSON_STEP_COUNT} value={number} aria-labelledby="lesson-progress-text" />
      </div>
      <h2 ref={titleRef} id="lesson-step-title" className="lesson-title" tabIndex={-1}>
        {text.title}
      </h2>
      <p className="lesson-text">{text.text}</p>
      {step.question && (
        <ActionForm className="lesson-question" onAction={check} aria-describedby={nudge ? nudgeId : undefined}>
          <fieldset disabled={answer !== undefined}>
            <legend id={questionId}>
              <span className="lesson-question-label">{lesson.questionLabel}: </span>
              {text.question}
            </legend>
            {step.question.choices.map((choice) => {
              const committed = answer?.kind === 'chosen' && answer.choice === choice.id;
              return (
                <label key={choice.id} className="lesson-choice" data-choice={choice.id} data-committed={committed || undefined}>
                  <input
                    type="radio"
                    name={`lesson-${step.id}`}
                    value={choice.id}
                    checked={answer ? committed : picked === choice.id}
                    onChange={() => {
                      setPicked(choice.id);
                      setNudge(false);
                    }}
                  />
                  <span>{text.choices[choice.id]}</span>
                </label>
              );
            })}
          </fieldset>
          {answer === undefined ? (
            <div className="lesson-buttons">
              <button type="button" className="primary" onClick={check} data-testid="lesson-check">
                {lesson.check}
              </button>
              <button type="button" onClick={skip} data-testid="lesson-skip">
                {lesson.skip}
              </button>
            </div>
          ) : (
            <div className="lesson-buttons">
              <button type="button" onClick={again} data-testid="lesson-again">
                {lesson.tryAgain}
              </button>
            </div>
          )}
          {nudge && (
            <p id={nudgeId} className="field-error" role="alert">
              {lesson.chooseFirst}
            </p>
          )}
        </ActionForm>
      )}
      {/* Always present and empty until the commit, so the reveal is announced when it appears. */}
      <div className="lesson-reveal-region" aria-live="polite">
        {answer !== undefined && <StepReveal step={step} answer={answer} />}
      </div>
      {(step.mainAction || step.variants) && (
        <div className="lesson-actions">
          {step.mainAction && <MainActionButton action={step.mainAction} />}
          {step.variants && <VariantChooser variants={step.variants} />}
        </div>
      )}
      {last && (
        <p className="lesson-last">
          {lesson.lastStep}{' '}
          {!embed && (
            <button type="button" className="link-button" onClick={() => chooseScreen('lab')}>
              {lesson.openLab}
            </button>
          )}
        </p>
      )}
      {last && <StartAgain className="lesson-start-again" />}
      <nav className="lesson-nav" aria-label={lesson.progressLabel}>
        <button ref={backRef} type="button" onClick={previousStep} disabled={number <= 1} data-testid="lesson-back">
          ← {lesson.back}
        </button>
        <span className="lesson-nav-hint">{lesson.nextHint}</span>
        <button ref={nextRef} type="button" className="primary" onClick={nextStep} disabled={last} data-testid="lesson-next">
          {lesson.next} →
        </button>
      </nav>
    </section>
  );
}
