import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore, type AppState } from '../../state/store';
import type { LossHistory } from '../../state/history';
// The engine's own module, not its index: the loss chart is on the first screen (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { validationGap } from '../../engine/overfitting';
import { useStrings } from '../useStrings';
import { ExportButtons } from '../charts/ExportButtons';
import { LineSwatch } from '../charts/LineSwatch';
import { downloadText } from '../charts/exportChart';
import { useElementWidth, useFrameRedraw, useThrottledStore } from '../charts/hooks';
import { formatLoss, nearestIndex } from '../charts/scales';
import { useChartStyles } from '../charts/chartStyles';
import { createLossChart, LOSS_SERIES, type LossScale, type LossSeriesId } from './lossChart';
import { LossTable } from './LossTable';
import { lossHistoryCsv } from './lossCsv';
import '../charts/charts.css';
import './loss.css';

const selectHistory = (state: AppState): LossHistory => state.training.history;
const selectTask = (state: AppState) => state.training.dataset?.task ?? (state.settings.data === 'moons' ? 'classification' : 'regression');

/**
 * Train and validation loss of both twins. d3 draws into the SVG from the store, at most once per animation frame
 * and only when new points arrived (slower while scrolled out of view); React renders the controls, the legend
 * and the text read-outs (throttled to twice a second).
 */
export function LossChartPanel({ showTrainWithDropout = false }: { showTrainWithDropout?: boolean } = {}) {
  const s = useStrings().loss;
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<ReturnType<typeof createLossChart> | null>(null);
  const styles = useChartStyles();
  const width = useElementWidth(wrapRef);
  const [scale, setScale] = useState<LossScale>('log');
  // A lesson step that is about the dropout-on train loss opens with it shown (the reader can still hide it).
  const [showTrainOn, setShowTrainOn] = useState(showTrainWithDropout);
  const [cursorEpoch, setCursorEpoch] = useState<number | null>(null);
  const history = useThrottledStore(selectHistory);
  const task = useThrottledStore(selectTask);
  const readoutId = useId();
  const noteId = useId();

  const height = Math.round(Math.min(420, Math.max(240, width * 0.58)));
  const axisLabels = useMemo(
    () => ({ x: s.axisEpoch, y: s.axisLoss(task), yLog: s.axisLossLog(task), best: s.lowest, gap: s.gapMark }),
    [s, task],
  );
  const draw = useCallback(
    (current: LossHistory) => {
      if (!svgRef.current) return;
      chartRef.current ??= createLossChart(svgRef.current, styles);
      chartRef.current.draw({ history: current, scale, showTrainWithDropout: showTrainOn, cursorEpoch, width, height, axisLabels });
    },
    [scale, showTrainOn, cursorEpoch, width, height, axisLabels, styles],
  );
  useFrameRedraw(selectHistory, draw, { visibleRef: svgRef });

  // A new run empties the history: drop a cursor that points into the old one.
  useEffect(() => {
    if (history.points.length === 0) setCursorEpoch(null);
  }, [history.points.length]);

  const points = history.points;
  const last = points[points.length - 1];
  const cursorPoint = cursorEpoch === null ? undefined : points.find((p) => p.epoch === cursorEpoch);

  const moveCursor = (event: KeyboardEvent<SVGSVGElement>) => {
    if (points.length === 0) return;
    const epochs = points.map((p) => p.epoch);
    const current = cursorEpoch === null ? points.length - 1 : nearestIndex(epochs, cursorEpoch);
    const step = event.shiftKey ? 10 : 1;
    const target: Record<string, number> = {
      ArrowLeft: current - step, ArrowRight: current + step, Home: 0, End: points.length - 1,
    };
    if (event.key === 'Escape') {
      setCursorEpoch(null);
      return;
    }
    if (!(event.key in target)) return;
    event.preventDefault();
    setCursorEpoch(epochs[Math.min(points.length - 1, Math.max(0, target[event.key]))]);
  };
  const hover = (event: PointerEvent<SVGSVGElement>) => {
    const chart = chartRef.current;
    const svg = svgRef.current;
    if (!chart || !svg || points.length === 0) return;
    const box = svg.getBoundingClientRect();
    const svgX = ((event.clientX - box.left) / box.width) * width;
    setCursorEpoch(points[nearestIndex(points.map((p) => p.epoch), chart.epochAt(svgX))].epoch);
  };

  const visibleSeries = LOSS_SERIES.filter((series) => series.id !== 'trainDropoutOn' || showTrainOn);
  const gap = last ? validationGap(last.plain.val, last.dropout.val) : null;
  const summary = last
    ? s.summary(last.epoch, formatLoss(last.plain.val), formatLoss(last.dropout.val))
    : s.empty;

  return (
    <div className="loss-panel">
      <ul className="chart-legend" aria-label={s.legendLabel}>
        {visibleSeries.map((series) => (
          <li key={series.id}>
            <LineSwatch className={`model-${series.model} role-${series.role}`} />
            {s.series[series.id as LossSeriesId]}
          </li>
        ))}
      </ul>
      <div className="chart-toolbar">
        <label>
          <input type="checkbox" checked={scale === 'log'} onChange={(e) => setScale(e.target.checked ? 'log' : 'linear')} />
          {s.logScale}
        </label>
        <label>
          <input
            type="checkbox"
            checked={showTrainOn}
            aria-describedby={noteId}
            onChange={(e) => setShowTrainOn(e.target.checked)}
          />
          {s.showTrainOn}
        </label>
      </div>
      <div ref={wrapRef} className="chart-wrap">
        <svg
          ref={svgRef}
          className="chart-svg loss-chart"
          role="img"
          tabIndex={0}
          aria-label={`${s.chartLabel}. ${summary}`}
          aria-describedby={readoutId}
          onKeyDown={moveCursor}
          onPointerMove={hover}
          onPointerLeave={() => setCursorEpoch(null)}
          data-testid="loss-chart"
        />
      </div>
      {/* Under the chart it explains, not above it: above, turning it on pushed the chart down by its height, and
          in the lesson's step 6 it pushed the chart that step points at below a laptop's fold. */}
      <p id={noteId} className="chart-note" hidden={!showTrainOn}>
        {s.trainOnWhy}
      </p>
      <p id={readoutId} className="chart-readout" aria-live="polite">
        {cursorPoint
          ? s.readout(
              cursorPoint.epoch,
              formatLoss(cursorPoint.plain.train),
              formatLoss(cursorPoint.plain.val),
              formatLoss(cursorPoint.dropout.train),
              formatLoss(cursorPoint.dropout.val),
              formatLoss(cursorPoint.dropout.trainWithDropout),
            )
          : s.keyboardHint}
      </p>
      <div className="loss-status" data-testid="loss-status">
        <p>{summary}</p>
        {gap && <p>{s.gap(formatLoss(gap.difference), gap.percent, gap.worse)}</p>}
        {history.bestPlain && history.bestDropout && (
          <p>
            {s.best(history.bestPlain.epoch, formatLoss(history.bestPlain.val), history.bestDropout.epoch, formatLoss(history.bestDropout.val))}
          </p>
        )}
      </div>
      <LossTable history={history} />
      <ExportButtons svgRef={svgRef} baseName="dropout-lab-loss" chartName={s.chartLabel}>
        <button
          type="button"
          data-export-kind="csv"
          aria-label={s.downloadCsv}
          disabled={points.length === 0}
          onClick={() => downloadText(lossHistoryCsv(useStore.getState().training.history), 'dropout-lab-loss-history.csv', 'text/csv')}
        >
          CSV
        </button>
      </ExportButtons>
    </div>
  );
}
