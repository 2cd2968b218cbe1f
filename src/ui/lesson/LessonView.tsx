/**
 * The Lesson screen: the step card (left; on top on a phone) beside the step's figure (right), which shows the
 * Lab's own panels arranged for the step. The step is the `step` setting: a link, the keys, the card's buttons
 * and an embedding page all change that one setting, and this view puts the step's preset in place.
 *
 * Where a teacher panel plugs in: render it as the last child of `.lesson-card-column`, after <StepCard />
 * (it reads the same step: `stepAt(settings.step)` and `step.teacher`, strings in `strings.lesson.steps[id]
 * .teacher`). The card's structure is flat on purpose: progress, title, text, question, reveal, action, nav.
 */
import { useEffect, useRef } from 'react';
import { useStore } from '../../state/store';
import { goToStep } from '../../state/lesson/navigation';
import { stepAt } from '../../state/lesson/steps';
import { StepCard } from './StepCard';
import { LessonFigure } from './LessonFigure';
import { AnswerGate } from '../shell/AnswerGate';
import { useLessonProgress } from '../../state/lesson/progress';
import { TeacherLayer } from '../teacher/TeacherLayer';
import { useTeacherBeside } from '../teacher/useTeacherBeside';
import './lesson.css';

export function LessonView() {
  const stepNumber = useStore((state) => state.settings.step);
  const step = stepAt(stepNumber);
  const answered = useLessonProgress((state) => state.answers[step.id] !== undefined);
  const teacherOn = useStore((state) => state.settings.teacher && !state.settings.embed);
  // The teacher layer: a third column on a wide screen, else under the step card (see teacher/teacher.css).
  const teacherBeside = useTeacherBeside();
  // The step applied last. The start-up applies the first one (urlSync.ts) before training starts; a change of
  // `step` from anywhere else (an embedding page's `set`) is applied here.
  const applied = useRef(stepNumber);
  useEffect(() => {
    if (applied.current === stepNumber) return;
    applied.current = stepNumber;
    if (useStore.getState().settings.step === stepNumber) goToStep(stepNumber);
  }, [stepNumber]);

  return (
    // On a phone the living network comes first where a step opens with it (the hook): network, then question.
    <div className="lesson" data-step={step.id} data-step-number={stepNumber} data-phone-order={step.panels[0] === 'network' ? 'figure-first' : 'card-first'} data-teacher={teacherOn ? (teacherBeside ? 'beside' : 'below') : undefined}>
      <div className="lesson-card-column">
        <StepCard key={step.id} step={step} number={stepNumber} />
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
