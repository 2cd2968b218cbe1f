import type { LossHistory } from '../../state/history';
import { useStrings } from '../useStrings';
import { DataTable } from '../charts/DataTable';
import { formatLoss } from '../charts/scales';
import { sampleRows } from './lossCsv';

/** The chart's data as a table (a sample of rows; the CSV has every one), for screen readers and close reading. */
export function LossTable({ history }: { history: LossHistory }) {
  const s = useStrings().loss;
  return (
    <DataTable
      summary={s.tableSummary}
      caption={s.tableCaption}
      emptyText={s.empty}
      columns={[s.axisEpoch, s.series.trainPlain, s.series.valPlain, s.series.trainDropout, s.series.valDropout, s.series.trainDropoutOn]}
      rows={sampleRows(history.points, 21).map((p) => ({
        key: p.epoch,
        header: p.epoch,
        cells: [p.plain.train, p.plain.val, p.dropout.train, p.dropout.val, p.dropout.trainWithDropout].map(formatLoss),
      }))}
    />
  );
}
