import { lazy, useEffect } from 'react';
import { useStore } from '../state/store';
import { useStrings } from '../i18n/useStrings';
import type { PanelName } from '../state/urlSchema';
import { Header } from './shell/Header';
import { Notices } from './shell/Notices';
import { Panel } from './shell/Panel';
import { RunStatus } from './shell/RunStatus';
import { ShellDialogs } from './shell/ShellDialogs';
import { FocusAnnouncer } from './shell/FocusAnnouncer';
import { useShortcuts } from './shell/useShortcuts';
import { TensorLab } from './tensor/TensorLab';
import { Staged, StagedRoot } from './shell/Staged';

/*
 * The tensor lab, first on the page, ships in the main chunk with the shell. The other panels are chunks of
 * their own (with d3's charting code), requested all at once right after the first render and shown in page
 * order as they arrive (see shell/Staged.tsx). The first screen so waits for less JavaScript; nothing waits
 * for a panel that the page does not show (an embed of one panel loads only that one).
 */
const PANEL_CHUNKS = {
  network: () => import('./network/NetworkPanel').then((module) => ({ default: module.NetworkPanel })),
  loss: () => import('./loss/LossChartPanel').then((module) => ({ default: module.LossChartPanel })),
  fit: () => import('./fit/FitChartPanel').then((module) => ({ default: module.FitChartPanel })),
  settings: () => import('./settings/ScenarioSettings').then((module) => ({ default: module.ScenarioSettings })),
  sweep: () => import('./sweep/SweepPanel').then((module) => ({ default: module.SweepPanel })),
  explain: () => import('./explain/Explainer').then((module) => ({ default: module.Explainer })),
};
type PanelChunk = keyof typeof PANEL_CHUNKS;
const NetworkPanel = lazy(PANEL_CHUNKS.network);
const LossChartPanel = lazy(PANEL_CHUNKS.loss);
const FitChartPanel = lazy(PANEL_CHUNKS.fit);
const ScenarioSettings = lazy(PANEL_CHUNKS.settings);
const SweepPanel = lazy(PANEL_CHUNKS.sweep);
const Explainer = lazy(PANEL_CHUNKS.explain);

/** The page: header, notices, the four panels (or the ones an embedding page chose), then settings and text. */
export function App() {
  const strings = useStrings();
  const locale = useStore((state) => state.locale);
  // Only the settings that shape the page: selecting the whole settings object would re-render every panel on
  // each change of any setting (a click in the tensor lab, a new p).
  const mode = useStore((state) => state.settings.mode);
  const embed = useStore((state) => state.settings.embed);
  const panels = useStore((state) => state.settings.panels);
  const reducedMotion = useStore((state) => state.reducedMotion);
  const focusPanels = useStore((state) => state.focusPanels);

  useShortcuts();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = strings.app.title;
  }, [locale, strings]);

  // The page behind the app (overscroll, short embeds) takes the projector colours too.
  useEffect(() => {
    document.documentElement.dataset.mode = mode;
  }, [mode]);

  const shown = (panel: PanelName) => panels.includes(panel);
  const trainingShown = shown('network') || shown('loss') || shown('fit');
  // The panel in view at start renders with the shell; the rest follow one task at a time (see shell/Staged).
  const firstPanel = focusPanels.find(shown) ?? panels[0];
  const immediate = (panel: PanelName) => panel === firstPanel || focusPanels.includes(panel);
  const needed: PanelChunk[] = [
    ...(['network', 'loss', 'fit'] as const).filter(shown),
    ...(trainingShown ? (['settings'] as const) : []),
    ...(embed ? [] : (['sweep', 'explain'] as const)),
  ];
  const neededKey = needed.join(' ');

  // Request every chunk the page shows in parallel, rather than one after another as the stages reach them.
  useEffect(() => {
    for (const chunk of neededKey.split(' ')) if (chunk) void PANEL_CHUNKS[chunk as PanelChunk]().catch(() => undefined);
  }, [neededKey]);

  return (
    <StagedRoot>
      <div
        className="app"
        data-mode={mode}
        data-embed={embed ? 'true' : 'false'}
        data-motion={reducedMotion ? 'reduced' : 'full'}
        data-focus={focusPanels.length > 0 ? focusPanels.join(' ') : undefined}
        data-focus-count={focusPanels.length > 0 ? focusPanels.length : undefined}
      >
        {!embed && (
          <a className="skip-link" href="#lab">
            {strings.app.skipToContent}
          </a>
        )}
        {!embed && <Header />}
        {embed && (
          <div className="embed-bar">
            <h1 className="visually-hidden">{strings.app.title}</h1>
            <RunStatus />
          </div>
        )}
        <Notices />
        <FocusAnnouncer />
        <main id="lab" className="panels" tabIndex={-1}>
          {shown('tensor') && (
            <Panel name="tensor" title={strings.panels.tensor}>
              <TensorLab />
            </Panel>
          )}
          {shown('network') && (
            <Panel name="network" title={strings.panels.network}>
              <Staged stage="network" immediate={immediate('network')} placeholderClass="stage-network">
                <NetworkPanel />
              </Staged>
            </Panel>
          )}
          {shown('loss') && (
            <Panel name="loss" title={strings.panels.loss}>
              <Staged stage="loss" immediate={immediate('loss')} placeholderClass="stage-chart">
                <LossChartPanel />
              </Staged>
            </Panel>
          )}
          {shown('fit') && (
            <Panel name="fit" title={strings.panels.fit}>
              <Staged stage="fit" immediate={immediate('fit')} placeholderClass="stage-chart">
                <FitChartPanel />
              </Staged>
            </Panel>
          )}
        </main>
        {trainingShown && (
          <Staged stage="settings" placeholderClass="stage-section">
            <ScenarioSettings />
          </Staged>
        )}
        {!embed && (
          <Staged stage="sweep" placeholderClass="stage-section">
            <SweepPanel />
          </Staged>
        )}
        {!embed && (
          <Staged stage="explain" placeholderClass="stage-section">
            <Explainer />
          </Staged>
        )}
        <ShellDialogs />
      </div>
    </StagedRoot>
  );
}
