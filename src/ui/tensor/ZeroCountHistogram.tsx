import { scaleBand, scaleLinear } from 'd3';
import type { PartStrings } from '../../i18n';
import { shortNumber, percent } from './numberText';
import type { DropoutLabRun } from '../../engine';

const WIDTH = 480;
const HEIGHT = 230;
// The top margin leaves room for the "this pass" label above a bar that reaches 100%.
const MARGIN = { top: 26, right: 10, bottom: 46, left: 62 };

interface Props {
  run: DropoutLabRun;
  strings: PartStrings['tensor'];
}

/** Zero counts of every pass so far (bars) against Binomial(n, p) (diamonds); the current pass is outlined. */
export function ZeroCountHistogram({ run, strings }: Props) {
  const zeroCounts = Array.from(run.tally.zeroCounts);
  const pmf = Array.from(run.pmf);
  const n = zeroCounts.length - 1;
  const ks = zeroCounts.map((_, k) => k);
  const shares = zeroCounts.map((count) => count / run.passes);
  const x = scaleBand<number>().domain(ks).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.15);
  const top = Math.max(...shares, ...pmf, 0.05);
  const y = scaleLinear().domain([0, top]).nice(4).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const labelEvery = n <= 20 ? 1 : n <= 40 ? 4 : 8;
  const mostCommon = shares.indexOf(Math.max(...shares));
  const half = Math.max(2.5, Math.min(7, x.bandwidth() / 2));

  return (
    <figure className="tensor-histogram">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={strings.histogramAria(run.passes, mostCommon, shortNumber(run.expectedZeros))}
        data-testid="tensor-histogram"
      >
        {y.ticks(4).map((tick) => (
          <g key={tick} className="tensor-axis">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="tensor-grid" />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {`${Math.round(tick * 100)}%`}
            </text>
          </g>
        ))}
        {ks.map((k) => (
          <rect
            key={k}
            className={k === run.shown.zeros ? 'tensor-bar is-current' : 'tensor-bar'}
            x={x(k)}
            width={x.bandwidth()}
            y={y(shares[k])}
            height={y(0) - y(shares[k])}
            data-k={k}
            data-count={zeroCounts[k]}
          />
        ))}
        <text
          className="tensor-axis tensor-this-pass"
          x={(x(run.shown.zeros) ?? 0) + x.bandwidth() / 2}
          y={Math.max(MARGIN.top - 8, Math.min(y(shares[run.shown.zeros]), y(run.pmf[run.shown.zeros]) - half) - 5)}
          textAnchor="middle"
        >
          {strings.histogramThisPass}
        </text>
        {ks.map((k) => {
          const cx = (x(k) ?? 0) + x.bandwidth() / 2;
          const cy = y(run.pmf[k]);
          return (
            <path
              key={k}
              className="tensor-pmf"
              d={`M${cx},${cy - half}L${cx + half},${cy}L${cx},${cy + half}L${cx - half},${cy}Z`}
            />
          );
        })}
        {ks
          .filter((k) => k % labelEvery === 0 || k === n)
          .map((k) => (
            <text key={k} className="tensor-axis" x={(x(k) ?? 0) + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
              {k}
            </text>
          ))}
        <text
          className="tensor-axis-title"
          transform={`translate(14, ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {strings.histogramAxisY}
        </text>
        <text className="tensor-axis-title" x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle">
          {strings.histogramAxisX}
        </text>
      </svg>
      <figcaption className="tensor-legend">
        <span>
          <svg width="18" height="14" aria-hidden="true">
            <rect className="tensor-bar" x="2" y="2" width="14" height="12" />
          </svg>
          {strings.histogramObserved}
        </span>
        <span>
          <svg width="18" height="14" aria-hidden="true">
            <path className="tensor-pmf" d="M9,1L16,7L9,13L2,7Z" />
          </svg>
          {strings.histogramExpected}
        </span>
      </figcaption>
      <details className="tensor-details">
        <summary>{strings.histogramTable}</summary>
        <table className="tensor-small-table" data-testid="tensor-histogram-table">
          <thead>
            <tr>
              <th scope="col">{strings.colZeros}</th>
              <th scope="col">{strings.colPasses}</th>
              <th scope="col">{strings.colShare}</th>
              <th scope="col">{strings.colBinomial}</th>
            </tr>
          </thead>
          <tbody>
            {ks.map((k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td className="num">{zeroCounts[k]}</td>
                <td className="num">{percent(shares[k])}</td>
                <td className="num">{percent(run.pmf[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
