/**
 * The tensor lab's "mystery p" challenge: nn.Dropout with a p the page does not show. Students run passes,
 * count the zeros, and estimate p; a check says how close an estimate is (never which way); "Show p" here or
 * "Reveal p" in the teacher layer shows it.
 *
 * Until then p is nowhere in the page: not in a text, an attribute, a label or the title. Every number shown
 * is a count (zeros, passes) or an input x; the kept values are written x·s, since x/(1 − p) would give p
 * away. The passes and the seed are this page's own (not in the link): each phone draws its own masks, so a
 * class can pool its counts.
 */
import { useId, useMemo, useState } from 'react';
import { ActionForm } from '../shell/ActionForm';
import { dropoutScale } from '../../engine';
import { useStore } from '../../state/store';
import { judgeEstimate, type EstimateVerdict } from '../../state/teacher/mysteryToken';
import { revealMystery } from '../../state/teacher/teacher';
import { zeroTotals } from '../../state/teacher/zeroTotals';
import { usePartStrings } from '../useStrings';
import { pythonFixed } from './pytorchFormat';
import { plainNumber } from './numberText';
import { MAX_PASSES, parseProbability } from './tensorModel';
import { useDropoutLabRun } from './tensorState';
import './mystery.css';

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];
const FORWARD_COUNTS = [1, 10, 100] as const;

export function MysteryTensorLab({ p, revealed }: { p: number; revealed: boolean }) {
  const s = usePartStrings().teacher.mystery;
  const input = useStore((state) => state.settings.tx);
  const [seed, setSeed] = useState(randomSeed);
  const [passes, setPasses] = useState(1);
  const settings = useMemo(() => ({ p, seed, input, training: true, inplace: false, passes }), [p, seed, input, passes]);
  const run = useDropoutLabRun(settings);
  const totals = zeroTotals(run.tally);
  const { shown } = run;
  const n = input.length;
  const most = Math.max(1, ...run.tally.zeroCounts);

  const [estimate, setEstimate] = useState('');
  const [verdict, setVerdict] = useState<EstimateVerdict | 'invalid' | null>(null);
  const estimateId = useId();
  const hintId = useId();
  const check = () => {
    const parsed = parseProbability(estimate);
    setVerdict(parsed.ok ? judgeEstimate(parsed.value, p) : 'invalid');
  };

  const output = Array.from(shown.mask, (kept, i) => (kept ? `${plainNumber(input[i])}·s` : '0.')).join(', ');
  const pText = revealed ? String(p) : '?';

  return (
    <div className="tensor-lab mystery-lab" data-testid="mystery-lab">
      <div className="tensor-col">
        <h3 className="mystery-heading">{s.heading}</h3>
        <p className="tensor-intro">{s.intro}</p>
        <figure className="tensor-figure">
          <figcaption>{s.codeLabel}</figcaption>
          <pre data-testid="mystery-code">
            <code>{`dropout = nn.Dropout(p=${pText})\ny = dropout(x)`}</code>
          </pre>
        </figure>
        <p className="tensor-note">{s.scaleUnknown}</p>
        <figure className="tensor-figure">
          <figcaption>{s.outputLabel}</figcaption>
          <pre className="tensor-print" data-testid="mystery-output">{`tensor([${output}])`}</pre>
        </figure>
        <p className="tensor-status" role="status" data-testid="mystery-status">
          {s.passStatus(shown.pass, shown.zeros, n)}
        </p>
        <div className="mystery-buttons" role="group" aria-label={s.controlsLabel}>
          {FORWARD_COUNTS.map((count) => (
            <button
              key={count}
              type="button"
              className={count === 1 ? 'primary' : undefined}
              disabled={passes >= MAX_PASSES}
              onClick={() => setPasses((value) => Math.min(MAX_PASSES, value + count))}
              data-testid={`mystery-forward-${count}`}
            >
              {s.forward(count)}
            </button>
          ))}
          <button
            type="button"
            title={s.newMasksTitle}
            onClick={() => {
              setSeed(randomSeed());
              setPasses(1);
            }}
          >
            {s.newMasks}
          </button>
        </div>
      </div>
      <div className="tensor-col">
        <section className="tensor-section" aria-labelledby="mystery-tally-title">
          <h3 id="mystery-tally-title">{s.tallyHeading}</h3>
          <p data-testid="mystery-totals">{s.totals(totals.zeros, totals.numbers, totals.passes)}</p>
          <table className="mystery-tally">
            <thead>
              <tr>
                <th scope="col">{s.tallyColumns.zeros}</th>
                <th scope="col">{s.tallyColumns.passes}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from(run.tally.zeroCounts, (count, k) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>
                    <div className="mystery-cell">
                      {/* Drawn in count units (integers only): a percentage width could spell a p by chance. */}
                      <svg className="mystery-bar" viewBox={`0 0 ${most} 1`} preserveAspectRatio="none" aria-hidden="true">
                        <rect width={count} height={1} />
                      </svg>
                      <span className="mystery-count">{count}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <ActionForm className="tensor-section mystery-estimate" onAction={check} noValidate>
          <label htmlFor={estimateId}>{s.estimateLabel}</label>
          <div className="mystery-estimate-row">
            <input
              id={estimateId}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={estimate}
              aria-describedby={hintId}
              aria-invalid={verdict === 'invalid'}
              onChange={(event) => {
                setEstimate(event.target.value);
                setVerdict(null);
              }}
              data-testid="mystery-estimate"
            />
            <button type="button" className="primary" onClick={check} data-testid="mystery-check">
              {s.check}
            </button>
          </div>
          <p id={hintId} className="tensor-note">
            {s.estimateHint}
          </p>
          <p role="status" data-testid="mystery-verdict" data-verdict={verdict ?? undefined}>
            {verdict === 'invalid' ? s.invalid : verdict ? s.verdicts[verdict] : ''}
          </p>
          {revealed ? (
            <p className="mystery-revealed" data-testid="mystery-revealed">
              <strong>{s.revealed(String(p), pythonFixed(dropoutScale(p), 4))}</strong>
            </p>
          ) : (
            <button type="button" onClick={revealMystery} data-testid="mystery-show">
              {s.showP}
            </button>
          )}
        </ActionForm>
      </div>
    </div>
  );
}
