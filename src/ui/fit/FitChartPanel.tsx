import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useStore, type AppState } from '../../state/store';
import { applyScenarioSettings, play, requestMcBand } from '../../state/training';
import { usePartStrings } from '../useStrings';
import { ExportButtons } from '../charts/ExportButtons';
import { LineSwatch } from '../charts/LineSwatch';
import { useElementWidth, useFrameRedraw, useThrottledStore } from '../charts/hooks';
import { formatLoss } from '../charts/scales';
import { useChartStyles } from '../charts/chartStyles';
import { createFitCurveChart } from './fitCurveChart';
import { createRegionChart } from './regionChart';
import { FitTable } from './FitTable';
import { bandSpread } from '../../engine';
import { UNCERTAINTY_URL_SETTINGS } from './uncertaintyPreset';
import '../charts/charts.css';
import './fit.css';

const selectTraining = (state: AppState) => state.training;
/** The fit chart shows the predictions, the data and the MC band: a new epoch alone changes nothing in it. */
const sameFitInputs = (a: AppState['training'], b: AppState['training']) =>
  a.fit === b.fit && a.dataset === b.dataset && a.mc === b.mc;
/** Where the data actually drawn has no training points: from the worker's dataset, not re-derived from settings. */
const selectGap = (state: AppState) => state.training.dataset?.gap ?? null;
const DEFAULT_SAMPLES = 30;
const MAX_SAMPLES = 500;
/** While MC is on and training runs, the band is refreshed this often (each refresh costs T forward passes). */
const MC_REFRESH_MS = 1000;

/** What the twins predict: curves for the 1-D data, decision regions for the moons. */
export function FitChartPanel({ mcDropout = false }: { mcDropout?: boolean } = {}) {
  const s = usePartStrings().fit;
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const styles = useChartStyles();
  const width = useElementWidth(wrapRef);
  const data = useStore((state) => state.settings.data);
  const gap = useStore(selectGap);
  const running = useStore((state) => state.training.running);
  const runId = useStore((state) => state.training.runId);
  const training = useThrottledStore(selectTraining, 1000, sameFitInputs);
  // A lesson step about MC dropout opens with the band on (the reader can still switch it off).
  const [mcOn, setMcOn] = useState(mcDropout);
  const [samplesText, setSamplesText] = useState(String(DEFAULT_SAMPLES));
  const [samples, setSamples] = useState(DEFAULT_SAMPLES);
  const samplesErrorId = useId();
  const summaryId = useId();
  const isRegion = data === 'moons';
  const height = Math.round(Math.min(420, Math.max(240, width * 0.6)));

  // One drawing object at a time: switching data set (curve ↔ region) rebuilds the SVG's children.
  const chartRef = useRef<
    { kind: 'curve'; chart: ReturnType<typeof createFitCurveChart> } | { kind: 'region'; chart: ReturnType<typeof createRegionChart> } | null
  >(null);
  const draw = useCallback(
    (state: AppState['training']) => {
      const svg = svgRef.current;
      if (!svg) return;
      if (isRegion) {
        if (chartRef.current?.kind !== 'region') chartRef.current = { kind: 'region', chart: createRegionChart(svg, styles) };
        chartRef.current.chart.draw({
          dataset: state.dataset,
          fit: state.fit?.kind === 'region' ? state.fit : null,
          width,
          titles: { plain: s.mapPlain, dropout: s.mapDropout },
        });
      } else {
        if (chartRef.current?.kind !== 'curve') chartRef.current = { kind: 'curve', chart: createFitCurveChart(svg, styles) };
        chartRef.current.chart.draw({
          dataset: state.dataset,
          fit: state.fit?.kind === 'curve' ? state.fit : null,
          mc: mcOn ? state.mc : null,
          gap,
          width,
          height,
          labels: { x: s.axisX, y: s.axisY, gap: s.gapLabel },
        });
      }
    },
    [isRegion, width, height, mcOn, gap, s, styles],
  );
  useFrameRedraw(selectTraining, draw, { equal: sameFitInputs, visibleRef: svgRef });

  // MC dropout: one band now, then one a second while training runs, so it follows the model as it learns.
  useEffect(() => {
    if (!mcOn || isRegion) return;
    requestMcBand(samples);
    if (!running) return;
    const timer = setInterval(() => requestMcBand(samples), MC_REFRESH_MS);
    return () => clearInterval(timer);
  }, [mcOn, isRegion, samples, running, runId]);

  const parsedSamples = Number(samplesText);
  const samplesValid = /^\s*\d+\s*$/.test(samplesText) && parsedSamples >= 1 && parsedSamples <= MAX_SAMPLES;
  const changeSamples = (text: string) => {
    setSamplesText(text);
    const value = Number(text);
    if (/^\s*\d+\s*$/.test(text) && value >= 1 && value <= MAX_SAMPLES) setSamples(value);
  };

  const uncertaintyDemo = () => {
    setMcOn(true);
    applyScenarioSettings(UNCERTAINTY_URL_SETTINGS);
    play();
  };

  const mc = mcOn && !isRegion && training.mc ? training.mc : null;
  const width2 = mc ? bandSpread(mc.xs, mc.std, gap) : null;
  const summary = training.fit ? s.summary(training.epoch, training.dataset ? training.dataset.trainY.length : 0) : s.empty;

  return (
    <div className="fit-panel">
      <ul className="chart-legend" aria-label={s.legendLabel}>
        <li>
          {isRegion ? (
            <svg className="chart-svg line-swatch" viewBox="0 0 36 14" aria-hidden="true" focusable="false">
              <circle className="region-point class-0" cx="9" cy="7" r="4.5" />
              <path className="region-point class-1" d="M27,2L32,12H22Z" />
            </svg>
          ) : (
            <span className="fit-swatch swatch-train" aria-hidden="true" />
          )}
          {isRegion ? s.trainPointsClasses : s.trainPoints}
        </li>
        {!isRegion && <li><span className="fit-swatch swatch-val" aria-hidden="true" />{s.valPoints}</li>}
        {!isRegion && <li><LineSwatch className="truth-line" />{s.truth}</li>}
        <li><LineSwatch className="model-plain" />{isRegion ? s.boundaryPlain : s.plain}</li>
        <li><LineSwatch className="model-dropout" />{isRegion ? s.boundaryDropout : s.dropout}</li>
        {mc && <li><span className="fit-swatch swatch-band" aria-hidden="true" />{s.mcLegend(samples)}</li>}
      </ul>
      {!isRegion && (
        <div className="chart-toolbar">
          <label>
            <input type="checkbox" checked={mcOn} onChange={(e) => setMcOn(e.target.checked)} />
            {s.mcToggle}
          </label>
          <label>
            {s.samplesLabel}
            <input
              type="text"
              inputMode="numeric"
              size={4}
              value={samplesText}
              aria-invalid={!samplesValid}
              aria-describedby={samplesValid ? undefined : samplesErrorId}
              onChange={(e) => changeSamples(e.target.value)}
            />
          </label>
          <button type="button" onClick={uncertaintyDemo}>
            {s.uncertaintyDemo}
          </button>
        </div>
      )}
      {!samplesValid && (
        <p id={samplesErrorId} className="field-error">
          {s.samplesError(MAX_SAMPLES, samples)}
        </p>
      )}
      {!isRegion && <p className="chart-note">{mcOn ? s.mcNote : s.uncertaintyHint}</p>}
      {isRegion && <p className="chart-note">{s.regionNote}</p>}
      <div ref={wrapRef} className="chart-wrap">
        <svg
          ref={svgRef}
          className="chart-svg fit-chart"
          role="img"
          aria-label={`${s.chartLabel}. ${summary}`}
          aria-describedby={summaryId}
          data-testid="fit-chart"
          data-kind={isRegion ? 'region' : 'curve'}
          data-mc-std-gap={width2 && Number.isFinite(width2.inGap) ? width2.inGap : undefined}
          data-mc-std-outside={width2 ? width2.outside : undefined}
          data-mc-epoch={mc ? mc.epoch : undefined}
        />
      </div>
      <p id={summaryId} className="chart-readout" aria-live="polite">
        {width2
          ? Number.isFinite(width2.inGap)
            ? s.mcGapSummary(mc!.epoch, formatLoss(4 * width2.inGap), formatLoss(4 * width2.outside))
            : s.mcSummary(mc!.epoch, formatLoss(4 * width2.outside))
          : summary}
      </p>
      {!isRegion && <FitTable training={training} />}
      <ExportButtons svgRef={svgRef} baseName="dropout-lab-fit" chartName={s.chartLabel} />
    </div>
  );
}
