/**
 * The Lesson screen: the step card (left; on top on a phone) beside the step's figure (right), which shows the
 * Lab's own panels arranged for the step. The step is the `step` setting: a link, the keys, the card's buttons
 * and an embedding page all change that one setting, and this view puts the step's preset in place.
 *
 * Where a teacher panel plugs in: render it as the last child of `.lesson-card-column`, after <StepCard />
 * (it reads the same step: `stepAt(settings.step)` and `step.teacher`, strings in `stepTextFor(locale, id)
 * .teacher`). The card's structure is flat on purpose: progress, title, text, question, reveal, action, nav.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useStore } from '../../state/store';
import { goToStep } from '../../state/lesson/navigation';
import { LESSON_STEP_COUNT, stepAt } from '../../state/lesson/steps';
import { StepCard, type CardFocus } from './StepCard';
import { LATER_REVEAL } from './laterReveal';
import { LessonFigure } from './LessonFigure';
import { AnswerGate } from '../shell/AnswerGate';
import { useLessonProgress } from '../../state/lesson/progress';
import { whenPageSettled } from '../../state/settled';
import { TeacherLayer } from '../teacher/TeacherLayer';
import { useTeacherBeside } from '../teacher/useTeacherBeside';
import { LazyPartView, withPartStrings } from '../shell/lazyPart';
import { stepTextOnFirstScreen } from '../../i18n';
import { useStrings } from '../useStrings';
import './lesson.css';

/**
 * The card of a step after the first: its text comes with the later parts' strings (i18n/index.ts: stepTextFor),
 * and its reveal's run sentence and experiment are a chunk of their own (laterReveal.ts).
 */
const LATER_STEP_CARD = withPartStrings(StepCard, [LATER_REVEAL]);

export function LessonView() {
  const stepNumber = useStore((state) => state.settings.step);
  const step = stepAt(stepNumber);
  const answered = useLessonProgress((state) => state.answers[step.id] !== undefined);
  const teacherOn = useStore((state) => state.settings.teacher && !state.settings.embed);
  // The teacher layer: a third column on a wide screen, else under the step card (see teacher/teacher.css).
  const teacherBeside = useTeacherBeside();
  const locale = useStore((state) => state.locale);
  const cardOnFirstScreen = stepTextOnFirstScreen(locale, step.id);
  const focusHandoff = useRef<CardFocus | null>(null);
  const lessonRef = useRef<HTMLDivElement>(null);
  useNewStepFromTop(stepNumber, lessonRef);
  const [announcement, announceCard] = useStepAnnouncement(stepNumber);
  // The step applied last. The start-up applies the first one (urlSync.ts) before training starts; a change of
  // `step` from anywhere else (an embedding page's `set`) is applied here.
  const applied = useRef(stepNumber);
  useEffect(() => {
    if (applied.current === stepNumber) return;
    applied.current = stepNumber;
    if (useStore.getState().settings.step === stepNumber) goToStep(stepNumber);
  }, [stepNumber]);
  // On a step whose text is on the first screen, fetch the later steps' text and reveal once the page has settled,
  // so that Next shows the next card at once rather than a placeholder. After a failure, that card asks again.
  useEffect(() => {
    if (!cardOnFirstScreen) return;
    return whenPageSettled(() => void LATER_STEP_CARD.load().catch(() => undefined));
  }, [cardOnFirstScreen, locale]);

  return (
    // On a phone the living network comes first where a step opens with it (the hook): network, then question.
    <div ref={lessonRef} className="lesson" data-step={step.id} data-step-number={stepNumber} data-phone-order={step.panels[0] === 'network' ? 'figure-first' : 'card-first'} data-teacher={teacherOn ? (teacherBeside ? 'beside' : 'below') : undefined}>
      <div className="lesson-card-column">
        <p className="visually-hidden" aria-live="polite" data-testid="lesson-step-announcement">
          {announcement}
        </p>
        {cardOnFirstScreen ? (
          <StepCard key={step.id} step={step} number={stepNumber} focusHandoff={focusHandoff} onShown={announceCard} />
        ) : (
          <LazyPartView key={step.id} part={LATER_STEP_CARD} name="lesson-step" placeholderClass="lesson-card lesson-card-pending" props={{ step, number: stepNumber, focusHandoff, onShown: announceCard }} />
        )}
        {teacherOn && !teacherBeside && <TeacherLayer />}
      </div>
      {/* The figure's own explanations wait for the student's prediction too (shell/AnswerGate.tsx). */}
      <AnswerGate open={!step.question || answered}>
        <LessonFigure step={step} />
      </AnswerGate>
      {teacherOn && teacherBeside && <TeacherLayer />}
    </div>
  );
}

/**
 * A reader who had scrolled down to Next (on a phone, below the figure and the whole card) sees the new step from
 * its top, not the old step's scroll position. It scrolls this document only, never the course page around an
 * embed. Not on load: the page opens at its top anyway.
 */
function useNewStepFromTop(stepNumber: number, lessonRef: RefObject<HTMLElement | null>): void {
  const shown = useRef(stepNumber);
  useEffect(() => {
    if (shown.current === stepNumber) return;
    shown.current = stepNumber;
    const top = lessonRef.current?.getBoundingClientRect().top ?? 0;
    if (top < 0) window.scrollTo({ top: window.scrollY + top, behavior: 'instant' });
  }, [stepNumber, lessonRef]);
}

/**
 * What screen readers are told when a new step's card is shown (not the first card): its number and title. The
 * focus stays on the button that was pressed (StepCard), so they would otherwise hear only "Next" again. The card
 * calls it once it is drawn, so a later step's title is there even when its text had to be downloaded first.
 */
function useStepAnnouncement(firstStep: number): [string, (number: number, title: string) => void] {
  const lesson = useStrings().lesson;
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(firstStep);
  const announce = useCallback(
    (number: number, title: string) => {
      if (announced.current === number) return;
      announced.current = number;
      setAnnouncement(lesson.stepShown(lesson.progress(number, LESSON_STEP_COUNT), title));
    },
    [lesson],
  );
  return [announcement, announce];
}
