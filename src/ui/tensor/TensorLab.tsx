import { useState } from 'react';
import { checkArticleRule, largestMeanGap } from '../../engine';
import { useStore } from '../../state/store';
import { usePartStrings } from '../useStrings';
import { formatTensor, pythonFixed } from './pytorchFormat';
import { articleCode, numpySnippet, torchSnippet, type SnippetInput } from './pythonSnippets';
import { percent, plainNumber, shortNumber } from './numberText';
import { numberText, parseProbability, parseSeed, parseVector, sameVector, vectorText } from './tensorModel';
import { useDropoutLabRun, useTensorSettings } from './tensorState';
import { tensorActions } from './tensorActions';
import { TensorControls } from './TensorControls';
import { ElementPathTable } from './ElementPathTable';
import { LazyPartView, lazyPart } from '../shell/lazyPart';
import { Spoiler } from '../shell/AnswerGate';
import { CopyableCode } from './CopyableCode';
import { ConventionTable } from './ConventionTable';
import { MysteryTensorLab } from './MysteryTensorLab';
import { useMystery } from '../../state/teacher/teacher';
import { useHidden } from '../teacher/useHidden';
import './tensor.css';

// The histogram draws with d3's scales, which the first screen does not otherwise need: it is a chunk of its
// own (shared with the charts), and a box of its size stands in for the moment it takes to arrive.
const HISTOGRAM = lazyPart(() => import('./ZeroCountHistogram'), (module) => module.ZeroCountHistogram);

/**
 * What a field shows: the student's own text while it is being typed (valid or not), or the setting's value when
 * the setting changes from elsewhere (a shared link, "Article example", an embedding page).
 */
function useFieldText<T>(value: T, format: (value: T) => string, same: (a: T, b: T) => boolean) {
  const [field, setField] = useState({ text: format(value), value });
  let shown = field;
  if (!same(field.value, value)) {
    shown = { text: format(value), value };
    setField(shown);
  }
  /** Records typed text; `parsed` is the value it sets, or undefined when the text is not valid. */
  const setText = (text: string, parsed: T | undefined) => setField({ text, value: parsed === undefined ? shown.value : parsed });
  /** Shows `next` as its own text again, dropping whatever was typed (even when the value itself is unchanged). */
  const reset = (next: T) => setField({ text: format(next), value: next });
  return [shown.text, setText, reset] as const;
}

/**
 * The tensor lab: the article's nn.Dropout example, exact, then explorable. Its settings live in the URL (see
 * tensorState.ts); typed text lives beside them, so a bad entry shows its message while the result stays intact.
 */
export function TensorLab() {
  const mystery = useMystery();
  const badToken = useStore((state) => state.notices.some((notice) => notice.key.startsWith('url:mystery:')));
  const badTokenText = usePartStrings().teacher.mystery.badToken;
  if (mystery) return <MysteryTensorLab key={mystery.token} p={mystery.p} revealed={mystery.revealed} />;
  return (
    <>
      {badToken && (
        <p className="notice notice-warning tensor-mystery-notice" role="alert" data-testid="mystery-bad-token">
          {badTokenText}
        </p>
      )}
      <ArticleTensorLab />
    </>
  );
}

/** The article's example, explorable: the tensor lab whose p is shown (see TensorLab for the mystery p). */
function ArticleTensorLab() {
  const strings = usePartStrings().tensor;
  const reducedMotion = useStore((state) => state.reducedMotion);
  const settings = useTensorSettings();
  const { seed, p, input, training, inplace } = settings;
  const run = useDropoutLabRun(settings);
  const hideControls = useHidden('tensorControls');
  const { shown } = run;

  const [pText, setPText, resetPText] = useFieldText(p, numberText, Object.is);
  const [seedText, setSeedText, resetSeedText] = useFieldText(seed, numberText, Object.is);
  const [xText, setXText, resetXText] = useFieldText(input, vectorText, sameVector);
  const pParsed = parseProbability(pText);
  const seedParsed = parseSeed(seedText);
  const xParsed = parseVector(xText);

  const onPText = (text: string) => {
    const parsed = parseProbability(text);
    setPText(text, parsed.ok ? parsed.value : undefined);
    if (parsed.ok) tensorActions.setP(parsed.value);
  };
  const onSeedText = (text: string) => {
    const parsed = parseSeed(text);
    setSeedText(text, parsed.ok ? parsed.value : undefined);
    if (parsed.ok) tensorActions.setSeed(parsed.value);
  };
  const onVectorText = (text: string) => {
    const parsed = parseVector(text);
    setXText(text, parsed.ok ? parsed.value : undefined);
    if (parsed.ok) tensorActions.setInput(parsed.value);
  };
  const restoreArticle = () => {
    const article = tensorActions.restoreArticle();
    resetPText(article.p);
    resetSeedText(article.seed);
    resetXText(article.input);
  };

  const snippetInput: SnippetInput = { seed, p, input, training, inplace, pass: shown.pass, drawsBefore: shown.drawsBefore };
  const scaleText = p === 1 ? strings.noDraw : pythonFixed(run.scale, 4);
  const check = training ? checkArticleRule(shown, input, p) : null;
  const n = input.length;

  return (
    <div className="tensor-lab" data-testid="tensor-lab">
      <div className="tensor-col">
        <p className="tensor-intro">{strings.intro}</p>
        <figure className="tensor-figure">
          <figcaption>{strings.codeLabel}</figcaption>
          <pre tabIndex={0} data-testid="tensor-code">
            <code>{articleCode(snippetInput, strings.snippet)}</code>
          </pre>
        </figure>
        <figure className="tensor-figure">
          <figcaption>{strings.outputLabel}</figcaption>
          <pre tabIndex={0} className="tensor-print" data-testid="tensor-output">
            {formatTensor(shown.output)}
          </pre>
          <p className="tensor-note" data-testid="tensor-x-after-label">
            {shown.sameObject ? strings.xOverwritten : strings.xUnchanged}{' '}
            <code>{shown.sameObject ? '(inplace=True, y is x → True)' : '(y is x → False)'}</code>
          </p>
          <pre tabIndex={0} className="tensor-print" data-testid="tensor-x-after">
            {formatTensor(shown.inputAfter)}
          </pre>
        </figure>
        <p className="tensor-status" role="status" data-testid="tensor-status">
          {training ? strings.passStatus(shown.pass, shown.zeros, n) : strings.evalStatus}
        </p>
        {!hideControls && <TensorControls
          values={{ pText, p, seedText, vectorText: xText, training, inplace, passes: run.passes }}
          errors={{
            p: pParsed.ok ? null : pParsed.error,
            seed: seedParsed.ok ? null : seedParsed.error,
            vector: xParsed.ok ? null : xParsed.error,
          }}
          strings={strings}
          onPText={onPText}
          onSeedText={onSeedText}
          onVectorText={onVectorText}
          onTraining={tensorActions.setTraining}
          onInplace={tensorActions.setInplace}
          onForward={tensorActions.forward}
          onRestart={tensorActions.restart}
          onArticle={restoreArticle}
        />}
        <section className="tensor-section" aria-labelledby="tensor-scale-title">
          <h3 id="tensor-scale-title">
            {strings.scaleLabel}: <strong data-testid="tensor-scale">{scaleText}</strong>
          </h3>
          {!training && <p>{strings.evalNote}</p>}
          {p === 0 && <p>{strings.pZeroNote}</p>}
          {p === 1 && <p data-testid="tensor-p-one-note">{strings.pOneNote}</p>}
          {/* Why the scale, and where the article goes wrong: what the lesson's step 3 asks (shell/AnswerGate). */}
          <Spoiler>
          {p > 0 && p < 1 && <p>{strings.scaleWhy(scaleText)}</p>}
          {check && (
            <p data-testid="tensor-article-proof">
              {strings.articleProof(
                plainNumber(check.x),
                pythonFixed(check.output, 4),
                scaleText,
                String(p),
                pythonFixed(check.dividedByP, 4),
              )}
            </p>
          )}
          <p>{strings.articleCounts}</p>
          </Spoiler>
        </section>
      </div>

      <div className="tensor-col">
        {/* Not a named landmark itself: the scrollable table inside is the region named by this heading. */}
        <section className="tensor-section">
          <h3 id="tensor-path-title">{strings.pathHeading}</h3>
          <ElementPathTable run={run} input={input} p={p} training={training} animate={!reducedMotion} strings={strings} />
        </section>
        <section className="tensor-section" aria-labelledby="tensor-histogram-title">
          <h3 id="tensor-histogram-title">{strings.histogramHeading}</h3>
          {/* "Exactly 7 of 10?" is what the lesson's step 2 asks: its answer waits for the prediction. */}
          <Spoiler>
            <p data-testid="tensor-facts">
              {strings.histogramFacts(
                n,
                String(p),
                plainNumber(run.expectedZeros),
                plainNumber(run.zerosStandardDeviation),
                percent(run.pmf[n]),
                percent(run.pmf[0]),
              )}
            </p>
          </Spoiler>
          {training ? (
            <>
              <p className="tensor-pass-count" data-testid="tensor-pass-count">
                {strings.passesSoFar(run.passes)}
              </p>
              {/* Its own component: only it renders again when the chunk arrives, not the whole tensor lab. */}
              <LazyPartView part={HISTOGRAM} name="tensor-histogram" placeholderClass="tensor-histogram-placeholder" props={{ run, strings }} />
              <p data-testid="tensor-mean-note">{strings.meanNote(run.passes, shortNumber(largestMeanGap(run.meanOutputs, input)))}</p>
            </>
          ) : (
            <p>{strings.evalHistogramNote}</p>
          )}
        </section>
      </div>

      <div className="tensor-wide">
        <section className="tensor-section" aria-labelledby="tensor-python-title">
          <h3 id="tensor-python-title">{strings.pythonHeading}</h3>
          <div className="tensor-python">
            <div>
              <p>{strings.numpyIntro}</p>
              <CopyableCode
                code={numpySnippet(snippetInput, strings.snippet)}
                label={strings.pythonHeading}
                copyLabel={strings.copyNumpyLabel}
                testId="tensor-numpy"
                strings={strings}
              />
            </div>
            <div>
              <p>{strings.torchIntro}</p>
              <CopyableCode
                code={torchSnippet(snippetInput, strings.snippet)}
                label={strings.torchIntro}
                copyLabel={strings.copyTorchLabel}
                testId="tensor-torch"
                strings={strings}
              />
              <p className="tensor-note">{strings.torchNote}</p>
            </div>
          </div>
        </section>
        <ConventionTable x={input[0]} p={p} strings={strings} />
      </div>
    </div>
  );
}
