import type { CSSProperties } from 'react';
import type { PartStrings } from '../../i18n';
import { formatTensorElements, pythonFixed } from './pytorchFormat';
import { plainNumber, shortNumber } from './numberText';
import type { DropoutLabRun } from '../../engine';

interface Props {
  run: DropoutLabRun;
  input: readonly number[];
  p: number;
  training: boolean;
  animate: boolean;
  strings: PartStrings['tensor'];
}

/** Where u_i falls against the threshold p on a 0…1 strip: kept when the bar reaches past the line. */
function DrawBar({ u, p }: { u: number; p: number }) {
  return (
    <svg className="tensor-draw-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
      <rect className="tensor-draw-track" x="0" y="3" width="100" height="6" />
      <rect className="tensor-draw-fill" x="0" y="3" width={u * 100} height="6" />
      <line className="tensor-draw-threshold" x1={p * 100} x2={p * 100} y1="0" y2="12" />
    </svg>
  );
}

/**
 * One row per element: x_i → u_i → kept/dropped → × 1/(1−p) → output, plus the running mean over all passes.
 * The same table is the animation (rows light up in order) and its text alternative.
 */
export function ElementPathTable({ run, input, p, training, animate, strings }: Props) {
  const { shown } = run;
  const outputs = formatTensorElements(shown.output).map((text) => text.trim());
  const scaleText = pythonFixed(run.scale, 4);
  const pText = String(p);
  const caption = !training
    ? strings.pathCaptionEval
    : shown.draws
      ? strings.pathCaption(shown.pass, pText, scaleText)
      : strings.pathCaptionNoDraw(pText);
  // Spread the animation over about a second whatever n is, so 64 elements do not take 4 s to reveal.
  const step = Math.min(90, 1100 / Math.max(1, input.length));

  return (
    <div className="tensor-path-scroll" tabIndex={0} role="region" aria-label={strings.pathHeading}>
      <table className="tensor-path" data-testid="tensor-path-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.colIndex}</th>
            <th scope="col">{strings.colInput}</th>
            <th scope="col">{strings.colDraw}</th>
            <th scope="col">{strings.colDecision}</th>
            <th scope="col">{training && shown.draws ? strings.colOutput(scaleText) : strings.colOutputPlain}</th>
            {training && <th scope="col">{strings.colMean(run.passes)}</th>}
          </tr>
        </thead>
        <tbody key={String(training)} className={animate ? `tensor-animate${shown.pass % 2 === 0 ? ' is-even-pass' : ''}` : undefined}>
          {input.map((x, i) => {
            const kept = shown.mask[i] === 1;
            const u = shown.draws?.[i];
            const style = { '--delay': `${Math.round(i * step)}ms` } as CSSProperties;
            return (
              <tr key={i} className={kept ? 'is-kept' : 'is-dropped'} style={style} data-testid="tensor-path-row">
                <th scope="row">{i}</th>
                <td className="num">{plainNumber(Math.fround(x))}</td>
                <td className="num tensor-draw-cell">
                  {u === undefined ? (
                    strings.noDraw
                  ) : (
                    <>
                      <DrawBar u={u} p={p} />
                      <span>{pythonFixed(u, 4)}</span>
                    </>
                  )}
                </td>
                <td className="tensor-decision" data-testid="tensor-decision">
                  <span aria-hidden="true">{kept ? '✓ ' : '✕ '}</span>
                  {kept ? strings.kept : strings.dropped}
                </td>
                <td className="num tensor-output-cell">{outputs[i]}</td>
                {training && <td className="num">{shortNumber(run.meanOutputs[i])}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
