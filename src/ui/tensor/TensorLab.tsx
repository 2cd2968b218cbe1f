import { useMemo, useState } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../../i18n/useStrings';
import { formatTensor, pythonFixed } from './pytorchFormat';
import { articleCode, numpySnippet, torchSnippet, type SnippetInput } from './pythonSnippets';
import { percent, plainNumber, shortNumber } from './numberText';
import {
  ARTICLE_INPUT, ARTICLE_P, ARTICLE_SEED, MAX_PASSES, articleRuleCheck, largestMeanGap, parseProbability, parseSeed,
  parseVector, runLab, vectorText,
} from './tensorModel';
import { TensorControls } from './TensorControls';
import { ElementPathTable } from './ElementPathTable';
import { ZeroCountHistogram } from './ZeroCountHistogram';
import { CopyableCode } from './CopyableCode';
import { ConventionTable } from './ConventionTable';
import './tensor.css';

/**
 * The tensor lab: the article's nn.Dropout example, exact, then explorable. Typed text lives beside the last
 * valid value of each field, so a bad entry shows its message while the result on screen stays intact.
 */
export function TensorLab() {
  const strings = useStrings().tensor;
  const reducedMotion = useStore((state) => state.reducedMotion);

  const [pText, setPText] = useState(String(ARTICLE_P));
  const [p, setP] = useState(ARTICLE_P);
  const [seedText, setSeedText] = useState(String(ARTICLE_SEED));
  const [seed, setSeed] = useState(ARTICLE_SEED);
  const [xText, setXText] = useState(vectorText(ARTICLE_INPUT));
  const [input, setInput] = useState<readonly number[]>(ARTICLE_INPUT);
  const [training, setTraining] = useState(true);
  const [inplace, setInplace] = useState(false);
  const [passes, setPasses] = useState(1);

  const pParsed = parseProbability(pText);
  const seedParsed = parseSeed(seedText);
  const xParsed = parseVector(xText);

  const run = useMemo(() => runLab({ seed, p, input, training, inplace, passes }), [seed, p, input, training, inplace, passes]);
  const { shown } = run;

  // Changing p keeps the passes: the same draws are simply compared with the new threshold.
  const onPText = (text: string) => {
    setPText(text);
    const parsed = parseProbability(text);
    if (parsed.ok) setP(parsed.value);
  };
  // A new seed or a new x starts a new stream, so the histogram never mixes two experiments.
  const onSeedText = (text: string) => {
    setSeedText(text);
    const parsed = parseSeed(text);
    if (parsed.ok) {
      setSeed(parsed.value);
      setPasses(1);
    }
  };
  const onVectorText = (text: string) => {
    setXText(text);
    const parsed = parseVector(text);
    if (parsed.ok) {
      setInput(parsed.value);
      setPasses(1);
    }
  };
  const restoreArticle = () => {
    setPText(String(ARTICLE_P));
    setP(ARTICLE_P);
    setSeedText(String(ARTICLE_SEED));
    setSeed(ARTICLE_SEED);
    setXText(vectorText(ARTICLE_INPUT));
    setInput(ARTICLE_INPUT);
    setTraining(true);
    setInplace(false);
    setPasses(1);
  };

  const snippetInput: SnippetInput = { seed, p, input, training, inplace, pass: shown.pass, drawsBefore: shown.drawsBefore };
  const scaleText = p === 1 ? strings.noDraw : pythonFixed(run.scale, 4);
  const check = training ? articleRuleCheck(run, input, p) : null;
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
        <TensorControls
          values={{ pText, p, seedText, vectorText: xText, training, inplace, passes }}
          errors={{
            p: pParsed.ok ? null : pParsed.error,
            seed: seedParsed.ok ? null : seedParsed.error,
            vector: xParsed.ok ? null : xParsed.error,
          }}
          strings={strings}
          onPText={onPText}
          onSeedText={onSeedText}
          onVectorText={onVectorText}
          onTraining={setTraining}
          onInplace={setInplace}
          onForward={(count) => setPasses((k) => Math.min(MAX_PASSES, k + count))}
          onRestart={() => setPasses(1)}
          onArticle={restoreArticle}
        />
        <section className="tensor-section" aria-labelledby="tensor-scale-title">
          <h3 id="tensor-scale-title">
            {strings.scaleLabel}: <strong data-testid="tensor-scale">{scaleText}</strong>
          </h3>
          {!training && <p>{strings.evalNote}</p>}
          {p === 0 && <p>{strings.pZeroNote}</p>}
          {p === 1 && <p data-testid="tensor-p-one-note">{strings.pOneNote}</p>}
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
          {training ? (
            <>
              <p className="tensor-pass-count" data-testid="tensor-pass-count">
                {strings.passesSoFar(run.passes)}
              </p>
              <ZeroCountHistogram run={run} strings={strings} />
              <p data-testid="tensor-mean-note">{strings.meanNote(run.passes, shortNumber(largestMeanGap(run, input)))}</p>
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
