import { useMemo } from 'react';
import { useStore, type AppState } from '../../state/store';
import { useStrings } from '../useStrings';
import { partStringsFor, stepTextFor } from '../../i18n';
import { dropoutScale, checkArticleRule } from '../../engine';
import type { LessonStep } from '../../state/lesson/steps';
import type { StepAnswer } from '../../state/lesson/progress';
import {
  bandWidths, dropoutVerdict, mcMeanGap, overfitVerdict, passDrops, sweepVerdict, tallySummary, twinVerdict,
  OVERFIT_MIN_EPOCHS, TWIN_VERDICT_EPOCHS, relativeGainPercent,
} from '../../state/lesson/reveals';
import { summariseSweep, useSweep } from '../../state/sweep';
import { useThrottledStore } from '../charts/hooks';
import { formatLoss } from '../charts/scales';
import { pythonFixed } from '../tensor/pytorchFormat';
import { percent, plainNumber } from '../tensor/numberText';
import { useDropoutLabRun, useTensorSettings } from '../tensor/tensorState';
import { ExperimentResult } from './ExperimentResult';

/** How often a run-based reveal is rewritten while training runs: it is read, not watched. */
const REVEAL_EVERY_MS = 1000;

const ratioText = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const selectTraining = (state: AppState) => state.training;

/**
 * The answer, rendered only once the student has committed a choice or skipped: whether the choice was right,
 * the misconception a wrong one rests on, the correct answer, the explanation, and — where the answer is "what
 * your run did" — that run's own numbers, read live from the store.
 */
export function StepReveal({ step, answer }: { step: LessonStep; answer: StepAnswer }) {
  const lesson = useStrings().lesson;
  const locale = useStore((state) => state.locale);
  const text = stepTextFor(locale, step.id);
  const choices = step.question?.choices ?? [];
  const chosen = answer.kind === 'chosen' ? choices.find((choice) => choice.id === answer.choice) : undefined;
  const correct = choices.find((choice) => choice.correct);
  const choiceText = (id: string) => text.choices[id];
  return (
    <div className="lesson-reveal" data-testid="lesson-reveal" data-verdict={chosen ? (chosen.correct ? 'right' : 'wrong') : 'skipped'}>
      <p className="lesson-verdict">
        <strong>{chosen ? (chosen.correct ? lesson.right : lesson.notQuite) : lesson.skipped}</strong>
        {chosen?.misconception && <> {lesson.misconceptionNote(lesson.misconceptions[chosen.misconception])}</>}
      </p>
      {correct && !chosen?.correct && (
        <p>
          {lesson.answerIs} <strong>{choiceText(correct.id)}</strong>
        </p>
      )}
      <p>{text.explanation}</p>
      {step.reveal !== 'static' && <RunNumbers step={step} />}
      {step.experiment && <ExperimentResult name={step.experiment} />}
    </div>
  );
}

/** The sentence quoting the student's own run, rewritten at most once a second as the run goes on. */
function RunNumbers({ step }: { step: LessonStep }) {
  const r = useStrings().lesson.reveals;
  const locale = useStore((state) => state.locale);
  // The reveals of the steps after the first come with the later parts' strings, here once such a step's card is.
  const later = () => partStringsFor(locale).lessonSteps.reveals;
  const training = useThrottledStore(selectTraining, REVEAL_EVERY_MS);
  const n = useStore((state) => state.settings.n);
  const sweep = useSweep();
  const tensor = useTensorSettings();
  const tensorRun = useDropoutLabRun(tensor);
  const sweepPoints = useMemo(() => (sweep.status === 'done' ? summariseSweep(sweep.runs) : []), [sweep.status, sweep.runs]);

  let sentence: string;
  let ready = false;
  const waitPlay = () => r.waitPlay(training.epoch, TWIN_VERDICT_EPOCHS);
  switch (step.reveal) {
    case 'twinRun': {
      const v = twinVerdict(training.history);
      ready = v !== null;
      sentence = v
        ? v.ratio > 1
          ? r.twinRun(v.epoch, formatLoss(v.valPlain), formatLoss(v.valDropout), ratioText(v.ratio))
          : r.twinRunReversed(v.epoch, formatLoss(v.valPlain), formatLoss(v.valDropout))
        : waitPlay();
      break;
    }
    case 'overfitRun': {
      const v = overfitVerdict(training.history);
      ready = v?.rising ?? false;
      sentence = !v
        ? r.waitPlay(training.epoch, OVERFIT_MIN_EPOCHS)
        : v.rising
          ? later().overfitRise(formatLoss(v.bestVal), v.bestEpoch, formatLoss(v.val), v.epoch, ratioText(v.rise))
          : later().overfitWaiting(formatLoss(v.bestVal), v.bestEpoch, v.epoch);
      break;
    }
    case 'dropoutRun': {
      const v = dropoutVerdict(training.history);
      ready = v !== null;
      sentence = v
        ? later().dropoutRun(
            v.epoch, formatLoss(v.trainPlain), formatLoss(v.trainDropout), formatLoss(v.valPlain), formatLoss(v.valDropout),
            formatLoss(v.trainDropoutOn), ratioText(v.onRatio),
          )
        : waitPlay();
      break;
    }
    case 'dataSize': {
      const v = twinVerdict(training.history);
      ready = v !== null;
      sentence = v
        ? later().dataSize(n, v.epoch, formatLoss(v.valPlain), formatLoss(v.valDropout), gainText(v.valPlain, v.valDropout))
        : waitPlay();
      break;
    }
    case 'tensorTally': {
      const t = tallySummary(tensorRun.tally);
      ready = t.passes > 1 && tensor.training;
      sentence = ready
        ? later().tensorTally(t.passes, t.fewest, t.most, t.expected, t.atExpected, percent(t.share), percent(tensorRun.pmf[t.expected] ?? 0))
        : later().tensorFewPasses;
      break;
    }
    case 'tensorScale': {
      const check = tensor.training ? checkArticleRule(tensorRun.shown, tensor.input, tensor.p) : null;
      ready = check !== null;
      sentence = check
        ? later().tensorScale(pythonFixed(dropoutScale(tensor.p), 4), plainNumber(check.x), pythonFixed(check.output, 4), pythonFixed(check.dividedByP, 4))
        : later().tensorFewPasses;
      break;
    }
    case 'networkPass': {
      const v = passDrops(training.pass);
      ready = v !== null;
      sentence = v ? later().networkPass(v.sample + 1, v.dropped.map((off, i) => `${off}/${v.widths[i]}`).join(', ')) : later().networkWaiting;
      break;
    }
    case 'mcGap': {
      const fit = training.fit?.kind === 'curve' ? training.fit.dropout : null;
      const v = mcMeanGap(training.mc, fit);
      ready = v !== null && v.epoch >= TWIN_VERDICT_EPOCHS;
      sentence = v && ready ? later().mcGap(v.epoch, formatLoss(v.gap), formatLoss(v.spread)) : waitPlay();
      break;
    }
    case 'mcBand': {
      const v = bandWidths(training.mc, training.dataset?.gap ?? null);
      ready = v !== null && training.epoch >= TWIN_VERDICT_EPOCHS;
      sentence = v && ready ? later().mcBand(v.epoch, formatLoss(4 * v.inGap), formatLoss(4 * v.outside), ratioText(v.ratio)) : waitPlay();
      break;
    }
    case 'sweep': {
      const v = sweepVerdict(sweepPoints);
      ready = v !== null;
      sentence = v ? later().sweep(v.bestP.toFixed(1), formatLoss(v.bestVal), formatLoss(v.zeroVal), v.maxP.toFixed(1), formatLoss(v.maxVal)) : later().sweepWaiting;
      break;
    }
    case 'static':
      return null;
  }
  return (
    <p className="lesson-run" data-testid="lesson-run-numbers" data-ready={ready ? 'true' : 'false'} data-epoch={training.epoch}>
      {sentence}
    </p>
  );
}

/** The gain the run computed, written with a true minus sign. */
function gainText(plain: number, dropout: number): string {
  const gain = relativeGainPercent(plain, dropout);
  return `${gain < 0 ? '−' : ''}${Math.abs(gain)}%`;
}

