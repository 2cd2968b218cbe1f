/**
 * The reveal's parts for the lesson's steps after the first, a chunk of its own (see laterReveal.ts): the
 * sentences that quote the student's run, sweep or tensor-lab passes, and the measured experiments. The first
 * step (the hook) quotes its run in StepReveal.tsx; this code, and the engine code it runs, come with the steps
 * that use them.
 */
import { useMemo } from 'react';
import { useStore } from '../../state/store';
import { usePartStrings, useStrings } from '../useStrings';
import { dropoutScale, checkArticleRule } from '../../engine';
import type { LessonStep } from '../../state/lesson/steps';
import {
  bandWidths, dropoutVerdict, mcMeanGap, overfitVerdict, passDrops, sweepVerdict, tallySummary, twinVerdict,
  OVERFIT_MIN_EPOCHS, TWIN_VERDICT_EPOCHS, relativeGainPercent,
} from '../../state/lesson/reveals';
import { summariseSweep, useSweep } from '../../state/sweep';
import { formatLoss } from '../charts/scales';
import { pythonFixed } from '../tensor/pytorchFormat';
import { percent, plainNumber } from '../tensor/numberText';
import { useDropoutLabRun, useTensorSettings } from '../tensor/tensorState';
import { ExperimentResult } from './ExperimentResult';
import { RunSentence, ratioText, useRevealTraining } from './runSentence';

/** The run-based sentence of a later step (none for a static reveal), then its measured experiment, if any. */
export function LaterReveal({ step }: { step: LessonStep }) {
  return (
    <>
      <LaterRunNumbers step={step} />
      {step.experiment && <ExperimentResult name={step.experiment} />}
    </>
  );
}

function LaterRunNumbers({ step }: { step: LessonStep }) {
  const r = useStrings().lesson.reveals;
  // Drawn in a later step's card, which waits for the later parts' strings (LessonView.tsx).
  const later = usePartStrings().lessonSteps.reveals;
  const training = useRevealTraining();
  const n = useStore((state) => state.settings.n);
  const sweep = useSweep();
  const tensor = useTensorSettings();
  const tensorRun = useDropoutLabRun(tensor);
  const sweepPoints = useMemo(() => (sweep.status === 'done' ? summariseSweep(sweep.runs) : []), [sweep.status, sweep.runs]);

  let sentence: string;
  let ready = false;
  const waitPlay = () => r.waitPlay(training.epoch, TWIN_VERDICT_EPOCHS);
  switch (step.reveal) {
    case 'overfitRun': {
      const v = overfitVerdict(training.history);
      ready = v?.rising ?? false;
      sentence = !v
        ? r.waitPlay(training.epoch, OVERFIT_MIN_EPOCHS)
        : v.rising
          ? later.overfitRise(formatLoss(v.bestVal), v.bestEpoch, formatLoss(v.val), v.epoch, ratioText(v.rise))
          : later.overfitWaiting(formatLoss(v.bestVal), v.bestEpoch, v.epoch);
      break;
    }
    case 'dropoutRun': {
      const v = dropoutVerdict(training.history);
      ready = v !== null;
      sentence = v
        ? later.dropoutRun(
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
        ? later.dataSize(n, v.epoch, formatLoss(v.valPlain), formatLoss(v.valDropout), gainText(v.valPlain, v.valDropout))
        : waitPlay();
      break;
    }
    case 'tensorTally': {
      const t = tallySummary(tensorRun.tally);
      ready = t.passes > 1 && tensor.training;
      sentence = ready
        ? later.tensorTally(t.passes, t.fewest, t.most, t.expected, t.atExpected, percent(t.share), percent(tensorRun.pmf[t.expected] ?? 0))
        : later.tensorFewPasses;
      break;
    }
    case 'tensorScale': {
      const check = tensor.training ? checkArticleRule(tensorRun.shown, tensor.input, tensor.p) : null;
      ready = check !== null;
      sentence = check
        ? later.tensorScale(pythonFixed(dropoutScale(tensor.p), 4), plainNumber(check.x), pythonFixed(check.output, 4), pythonFixed(check.dividedByP, 4))
        : later.tensorFewPasses;
      break;
    }
    case 'networkPass': {
      const v = passDrops(training.pass);
      ready = v !== null;
      sentence = v ? later.networkPass(v.sample + 1, v.dropped.map((off, i) => `${off}/${v.widths[i]}`).join(', ')) : later.networkWaiting;
      break;
    }
    case 'mcGap': {
      const fit = training.fit?.kind === 'curve' ? training.fit.dropout : null;
      const v = mcMeanGap(training.mc, fit);
      ready = v !== null && v.epoch >= TWIN_VERDICT_EPOCHS;
      sentence = v && ready ? later.mcGap(v.epoch, formatLoss(v.gap), formatLoss(v.spread)) : waitPlay();
      break;
    }
    case 'mcBand': {
      const v = bandWidths(training.mc, training.dataset?.gap ?? null);
      ready = v !== null && training.epoch >= TWIN_VERDICT_EPOCHS;
      sentence = v && ready ? later.mcBand(v.epoch, formatLoss(4 * v.inGap), formatLoss(4 * v.outside), ratioText(v.ratio)) : waitPlay();
      break;
    }
    case 'sweep': {
      const v = sweepVerdict(sweepPoints);
      ready = v !== null;
      sentence = v ? later.sweep(v.bestP.toFixed(1), formatLoss(v.bestVal), formatLoss(v.zeroVal), v.maxP.toFixed(1), formatLoss(v.maxVal)) : later.sweepWaiting;
      break;
    }
    case 'twinRun':
    case 'static':
      return null;
  }
  return <RunSentence sentence={sentence} ready={ready} epoch={training.epoch} />;
}

/** The gain the run computed, written with a true minus sign. */
function gainText(plain: number, dropout: number): string {
  const gain = relativeGainPercent(plain, dropout);
  return `${gain < 0 ? '−' : ''}${Math.abs(gain)}%`;
}
