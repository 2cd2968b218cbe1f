import { useEffect } from 'react';
import { usePartStrings } from '../useStrings';
import { column, cancelExperiment, startExperiment, useExperiments } from '../../state/lesson/experiments';
import { experimentJobs } from '../../engine';
import { formatLoss } from '../charts/scales';

/** The ensemble step shows these K (the issue's), of the engine's finer list. */
const SHOWN_KS = [1, 5, 20, 50, 200];

/**
 * A measured experiment, part of a step's answer (so rendered only in the reveal): a button runs its jobs in
 * background workers, then its table and a sentence that reads it. Every number is the engine's.
 */
export function ExperimentResult({ name }: { name: 'ensemble' | 'data-size' }) {
  // Shown only in the reveal of a step after the first, whose card waits for the later parts' strings.
  const s = usePartStrings().lessonSteps.experiments;
  const run = useExperiments((state) => state[name]);
  // Leaving the step stops the workers; a finished table stays for when the student comes back.
  useEffect(() => () => cancelExperiment(name), [name]);
  const table = run.table;
  const rows = table ? tableRows(name, table) : null;
  return (
    <div className="lesson-experiment" data-testid="lesson-experiment" data-status={run.status}>
      <div className="lesson-buttons">
        <button type="button" onClick={() => startExperiment(name)} disabled={run.status === 'running'}>
          {table ? s.runAgain : s.run}
        </button>
      </div>
      <p className="lesson-note" role="status">
        {run.status === 'running'
          ? s.running(run.completed, run.total)
          : run.status === 'failed'
            ? s.failed(run.error ?? '')
            : table
              ? null
              : s.cost(experimentJobs(name).length)}
      </p>
      {run.status === 'running' && <progress max={run.total} value={run.completed} aria-label={s.running(run.completed, run.total)} />}
      {table && rows && (
        <>
          <table className="lesson-table">
            <caption>{name === 'ensemble' ? s.ensembleCaption(table.seeds) : s.dataCaption(table.seeds)}</caption>
            <thead>
              <tr>
                {rows.header.map((cell) => (
                  <th key={cell} scope="col">{cell}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.body.map((row) => (
                <tr key={row[0]}>
                  <th scope="row">{row[0]}</th>
                  {row.slice(1).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="lesson-run" data-testid="lesson-experiment-summary">{rows.summary}</p>
        </>
      )}
    </div>
  );

  function tableRows(kind: typeof name, data: NonNullable<typeof table>) {
    if (kind === 'ensemble') {
      const ks = column(data, 'K');
      const gaps = column(data, 'gap_mean');
      const relative = column(data, 'gap_over_gap_K1');
      const shown = ks.map((_, i) => i).filter((i) => SHOWN_KS.includes(ks[i]));
      const last = shown[shown.length - 1];
      return {
        header: [s.colK, s.colGap, s.colRelative],
        body: shown.map((i) => [String(ks[i]), formatLoss(gaps[i]), relative[i].toFixed(2)]),
        summary: s.ensembleSummary(formatLoss(gaps[shown[0]]), formatLoss(gaps[last]), ks[last]),
      };
    }
    const sizes = column(data, 'train_points');
    const plain = column(data, 'val_no_dropout');
    const dropout = column(data, 'val_dropout');
    const gain = column(data, 'gain_mean');
    const wins = column(data, 'dropout_wins');
    const best = gain.indexOf(Math.max(...gain));
    const largest = sizes.length - 1;
    return {
      header: [s.colN, s.colPlain, s.colDropout, s.colGain, s.colWins],
      body: sizes.map((size, i) => [String(size), formatLoss(plain[i]), formatLoss(dropout[i]), formatLoss(gain[i]), `${wins[i]}/${data.seeds}`]),
      summary: s.dataSummary(formatLoss(gain[best]), sizes[best], formatLoss(gain[largest]), sizes[largest]),
    };
  }
}
