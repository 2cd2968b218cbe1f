import type { AppState } from '../../state/store';
import { useStrings } from '../../i18n/useStrings';
import { formatLoss } from '../charts/scales';
import { sampleRows } from '../loss/lossCsv';

/** The predicted curves at a few x values, as a table: the fit chart's text alternative. */
export function FitTable({ training }: { training: AppState['training'] }) {
  const s = useStrings().fit;
  const fit = training.fit?.kind === 'curve' ? training.fit : null;
  const truth = training.dataset?.truth;
  const rows = fit
    ? sampleRows(Array.from(fit.xs, (x, i) => ({ x, i })), 13).map(({ x, i }) => ({
        x,
        truth: truth && truth.xs.length === fit.xs.length ? truth.ys[i] : NaN,
        plain: fit.plain[i],
        dropout: fit.dropout[i],
      }))
    : [];
  return (
    <details className="chart-details">
      <summary>{s.tableSummary}</summary>
      {rows.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={s.tableSummary}>
          <table>
            <caption className="visually-hidden">{s.tableCaption(training.epoch)}</caption>
            <thead>
              <tr>
                <th scope="col">x</th>
                <th scope="col">{s.truth}</th>
                <th scope="col">{s.plain}</th>
                <th scope="col">{s.dropout}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.x}>
                  <th scope="row">{row.x.toFixed(2)}</th>
                  <td>{formatLoss(row.truth)}</td>
                  <td>{formatLoss(row.plain)}</td>
                  <td>{formatLoss(row.dropout)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
