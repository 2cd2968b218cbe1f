import { useEffect, useId, useRef } from 'react';
import { useStore } from '../../state/store';
import { scenarioFromSettings } from '../../state/training';
import {
  cancelSweep, startSweep, summariseSweep, useSweep, SWEEP_EPOCH_CHOICES, SWEEP_PS, SWEEP_SEED_CHOICES, type SweepPoint,
} from '../../state/sweep';
import { usePartStrings } from '../useStrings';
import { ExportButtons } from '../charts/ExportButtons';
import { useElementWidth } from '../charts/hooks';
import { DataTable } from '../charts/DataTable';
import { formatLoss } from '../charts/scales';
import { useChartStyles } from '../charts/chartStyles';
import { createSweepChart } from './sweepChart';
import '../charts/charts.css';
import './sweep.css';
import { Spoiler } from '../shell/AnswerGate';

/** "Which p is best?": the final validation loss of the dropout twin against p, over a few seeds. */
export function SweepPanel() {
  const s = usePartStrings().sweep;
  const sweep = useSweep();
  const settings = useStore((state) => state.settings);
  const headingId = useId();
  const progressId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<ReturnType<typeof createSweepChart> | null>(null);
  const styles = useChartStyles();
  const width = useElementWidth(wrapRef);
  const height = Math.round(Math.min(360, Math.max(220, width * 0.5)));
  const points = summariseSweep(sweep.runs);
  const finished = sweep.status === 'done';
  const best = finished && points.length > 0 ? points.reduce((a, b) => (b.mean < a.mean ? b : a)) : null;

  useEffect(() => {
    if (!svgRef.current) return;
    chartRef.current ??= createSweepChart(svgRef.current, styles);
    chartRef.current.draw({ points, best, width, height, labels: { x: s.axisP, y: s.axisLoss, best: s.bestMark } });
  });

  // Leaving the page (or unmounting) must not leave workers training in the background.
  useEffect(() => () => cancelSweep(), []);

  const running = sweep.status === 'running';
  const total = sweep.runs.length;
  const start = () => startSweep(scenarioFromSettings(useStore.getState().settings), sweep.options);
  const setOption = (key: 'seeds' | 'epochs', value: number) => useSweep.setState({ options: { ...sweep.options, [key]: value } });
  const seconds = (sweep.elapsedMs / 1000).toFixed(1);
  const status =
    sweep.status === 'running'
      ? s.progress(sweep.completed, total, sweep.workers)
      : sweep.status === 'done'
        ? s.done(total, seconds, best ? best.p.toFixed(1) : '–')
        : sweep.status === 'cancelled'
          ? s.cancelled(sweep.completed, total)
          : sweep.status === 'failed'
            ? s.failed(sweep.error ?? '')
            : s.idle;

  return (
    <section className="panel sweep-panel" aria-labelledby={headingId} data-panel-extra="sweep">
      <h2 id={headingId} className="panel-title">
        {s.title}
      </h2>
      <p className="chart-note">{s.intro(settings.data === 'moons' ? s.dataMoons : s.dataSine)}</p>
      <div className="chart-toolbar">
        <label>
          {s.seedsLabel}
          <select value={sweep.options.seeds} disabled={running} onChange={(e) => setOption('seeds', Number(e.target.value))}>
            {SWEEP_SEED_CHOICES.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {s.epochsLabel}
          <select value={sweep.options.epochs} disabled={running} onChange={(e) => setOption('epochs', Number(e.target.value))}>
            {SWEEP_EPOCH_CHOICES.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" onClick={cancelSweep}>{s.cancel}</button>
        ) : (
          <button type="button" className="primary" onClick={start}>{s.start}</button>
        )}
      </div>
      <p className="chart-note">{s.cost(SWEEP_PS.length * sweep.options.seeds, sweep.options.epochs)}</p>
      {running && (
        <progress id={progressId} max={total} value={sweep.completed} aria-label={s.progressLabel} className="sweep-progress" />
      )}
      <p className="chart-readout" role="status" aria-live="polite" data-testid="sweep-status" data-status={sweep.status}>
        {status}
      </p>
      <div ref={wrapRef} className="chart-wrap">
        <svg
          ref={svgRef}
          className="chart-svg sweep-chart"
          role="img"
          aria-label={`${s.chartLabel}. ${status}`}
          data-testid="sweep-chart"
        />
      </div>
      <ul className="chart-legend" aria-label={s.legendLabel}>
        <li><span className="sweep-swatch-line" aria-hidden="true" />{s.legendMean}</li>
        <li><span className="sweep-swatch-band" aria-hidden="true" />{s.legendSpread}</li>
      </ul>
      {/* "Expect a U" answers the lesson's step 8 (shell/AnswerGate). */}
      <Spoiler>
        <p className="chart-note" data-testid="sweep-reading">{s.reading}</p>
      </Spoiler>
      <SweepTable points={points} />
      <ExportButtons svgRef={svgRef} baseName="dropout-lab-p-sweep" chartName={s.chartLabel} />
    </section>
  );
}

function SweepTable({ points }: { points: SweepPoint[] }) {
  const s = usePartStrings().sweep;
  return (
    <DataTable
      summary={s.tableSummary}
      columns={['p', s.colMean, s.colMin, s.colMax, s.colRuns]}
      rows={points.map((pt) => ({
        key: pt.p,
        header: pt.p.toFixed(1),
        cells: [formatLoss(pt.mean), formatLoss(pt.min), formatLoss(pt.max), pt.count],
      }))}
    />
  );
}
