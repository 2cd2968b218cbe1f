import type { LossHistory } from '../../state/history';
import { useStrings } from '../../i18n/useStrings';
import { formatLoss } from '../charts/scales';
import { sampleRows } from './lossCsv';

/** The chart's data as a table (a sample of rows; the CSV has every one), for screen readers and close reading. */
export function LossTable({ history }: { history: LossHistory }) {
  const s = useStrings().loss;
  const rows = sampleRows(history.points, 21);
  return (
    <details className="chart-details">
      <summary>{s.tableSummary}</summary>
      {rows.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={s.tableSummary}>
          <table>
            <caption className="visually-hidden">{s.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.axisEpoch}</th>
                <th scope="col">{s.series.trainPlain}</th>
                <th scope="col">{s.series.valPlain}</th>
                <th scope="col">{s.series.trainDropout}</th>
                <th scope="col">{s.series.valDropout}</th>
                <th scope="col">{s.series.trainDropoutOn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.epoch}>
                  <th scope="row">{p.epoch}</th>
                  <td>{formatLoss(p.plain.train)}</td>
                  <td>{formatLoss(p.plain.val)}</td>
                  <td>{formatLoss(p.dropout.train)}</td>
                  <td>{formatLoss(p.dropout.val)}</td>
                  <td>{formatLoss(p.dropout.trainWithDropout)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
