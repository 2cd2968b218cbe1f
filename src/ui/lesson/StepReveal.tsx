import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { stepTextFor } from '../../i18n';
import type { LessonStep } from '../../state/lesson/steps';
import { answerVerdict, chosenChoice, type StepAnswer } from '../../state/lesson/progress';
import { twinVerdict, TWIN_VERDICT_EPOCHS } from '../../state/lesson/reveals';
import { formatLoss } from '../charts/scales';
import { LazyPartView } from '../shell/lazyPart';
import { LATER_REVEAL } from './laterReveal';
import { RunSentence, ratioText, useRevealTraining } from './runSentence';

/**
 * The answer, rendered only once the student has committed a choice or skipped: whether the choice was right,
 * the misconception a wrong one rests on, the correct answer, the explanation, and — where the answer is "what
 * your run did" — that run's own numbers, read live from the store.
 */
export function StepReveal({ step, answer }: { step: LessonStep; answer: StepAnswer }) {
  const lesson = useStrings().lesson;
  const locale = useStore((state) => state.locale);
  const text = stepTextFor(locale, step.id);
  const chosen = chosenChoice(step, answer);
  const verdict = answerVerdict(step, answer);
  const correct = step.question?.choices.find((choice) => choice.correct);
  const choiceText = (id: string) => text.choices[id];
  const headline = { right: lesson.right, wrong: lesson.notQuite, skipped: lesson.skipped }[verdict];
  return (
    <div className="lesson-reveal" data-testid="lesson-reveal" data-verdict={verdict}>
      <p className="lesson-verdict">
        <strong>{headline}</strong>
        {chosen?.misconception && <> {lesson.misconceptionNote(lesson.misconceptions[chosen.misconception])}</>}
      </p>
      {correct && !chosen?.correct && (
        <p>
          {lesson.answerIs} <strong>{choiceText(correct.id)}</strong>
        </p>
      )}
      <p>{text.explanation}</p>
      {step.reveal === 'twinRun' ? (
        <HookRunNumbers />
      ) : (
        // A later step: its card waited for this chunk too (LessonView.tsx), so it is drawn at once.
        <LazyPartView part={LATER_REVEAL} name="lesson-reveal" placeholderClass="lesson-run-pending" props={{ step }} />
      )}
    </div>
  );
}

/**
 * The sentence quoting the student's own run in the first step (the hook), rewritten at most once a second as the
 * run goes on. The later steps' sentences, and the code they need, come with those steps (LaterReveal.tsx).
 */
function HookRunNumbers() {
  const r = useStrings().lesson.reveals;
  const training = useRevealTraining();
  const v = twinVerdict(training.history);
  const sentence = v
    ? v.ratio > 1
      ? r.twinRun(v.epoch, formatLoss(v.valPlain), formatLoss(v.valDropout), ratioText(v.ratio))
      : r.twinRunReversed(v.epoch, formatLoss(v.valPlain), formatLoss(v.valDropout))
    : r.waitPlay(training.epoch, TWIN_VERDICT_EPOCHS);
  return <RunSentence sentence={sentence} ready={v !== null} epoch={training.epoch} />;
}
