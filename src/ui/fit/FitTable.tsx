import type { AppState } from '../../state/store';
import { usePartStrings } from '../useStrings';
import { DataTable } from '../charts/DataTable';
import { formatLoss } from '../charts/scales';
import { sampleRows } from '../loss/lossCsv';

/** The predicted curves at a few x values, as a table: the fit chart's text alternative. */
export function FitTable({ training }: { training: AppState['training'] }) {
  const s = usePartStrings().fit;
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
    <DataTable
      summary={s.tableSummary}
      caption={s.tableCaption(training.epoch)}
      emptyText={s.empty}
      columns={['x', s.truth, s.plain, s.dropout]}
      rows={rows.map((row) => ({ key: row.x, header: row.x.toFixed(2), cells: [row.truth, row.plain, row.dropout].map(formatLoss) }))}
    />
  );
}
