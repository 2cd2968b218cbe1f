import { useEffect } from 'react';
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
import { NetworkPanel } from './network/NetworkPanel';
import { LossChartPanel } from './loss/LossChartPanel';
import { FitChartPanel } from './fit/FitChartPanel';
import { ScenarioSettings } from './settings/ScenarioSettings';
import { SweepPanel } from './sweep/SweepPanel';
import { Explainer } from './explain/Explainer';
import { Staged, StagedRoot } from './shell/Staged';

/** The page: header, notices, the four panels (or the ones an embedding page chose), then settings and text. */
export function App() {
  const strings = useStrings();
  const locale = useStore((state) => state.locale);
  const settings = useStore((state) => state.settings);
  const reducedMotion = useStore((state) => state.reducedMotion);
  const focusPanels = useStore((state) => state.focusPanels);

  useShortcuts();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = strings.app.title;
  }, [locale, strings]);

  // The page behind the app (overscroll, short embeds) takes the projector colours too.
  useEffect(() => {
    document.documentElement.dataset.mode = settings.mode;
  }, [settings.mode]);

  const shown = (panel: PanelName) => settings.panels.includes(panel);
  const trainingShown = shown('network') || shown('loss') || shown('fit');
  // The panel in view at start renders with the shell; the rest follow one task at a time (see shell/Staged).
  const firstPanel = focusPanels.find(shown) ?? settings.panels[0];
  const immediate = (panel: PanelName) => panel === firstPanel || focusPanels.includes(panel);

  return (
    <StagedRoot>
      <div
        className="app"
        data-mode={settings.mode}
        data-embed={settings.embed ? 'true' : 'false'}
        data-motion={reducedMotion ? 'reduced' : 'full'}
        data-focus={focusPanels.length > 0 ? focusPanels.join(' ') : undefined}
        data-focus-count={focusPanels.length > 0 ? focusPanels.length : undefined}
      >
        {!settings.embed && (
          <a className="skip-link" href="#lab">
            {strings.app.skipToContent}
          </a>
        )}
        {!settings.embed && <Header />}
        {settings.embed && (
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
        {!settings.embed && (
          <Staged stage="sweep" placeholderClass="stage-section">
            <SweepPanel />
          </Staged>
        )}
        {!settings.embed && (
          <Staged stage="explain" placeholderClass="stage-section">
            <Explainer />
          </Staged>
        )}
        <ShellDialogs />
      </div>
    </StagedRoot>
  );
}
