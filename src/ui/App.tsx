import { useEffect, useState } from 'react';
import { useStore } from '../state/store';
import { useStrings } from './useStrings';
import type { PanelName } from '../state/urlSchema';
import { Header } from './shell/Header';
import { Notices } from './shell/Notices';
import { Panel } from './shell/Panel';
import { RunStatus } from './shell/RunStatus';
import { ShellDialogs } from './shell/ShellDialogs';
import { FocusAnnouncer } from './shell/FocusAnnouncer';
import { useShortcuts } from './shell/useShortcuts';
import { Staged, StagedRoot } from './shell/Staged';
import { PANEL_CHUNKS } from './panelChunks';
import { LessonView } from './lesson/LessonView';
import { TeacherLayer } from './teacher/TeacherLayer';
import { useHidden } from './teacher/useHidden';
import { FrameBudget, FrameBudgetContext } from './charts/frameBudget';
import { ChartStyles, ChartStylesContext } from './charts/chartStyles';

/*
 * Every panel is a chunk of its own (see panelChunks.ts, shared with the Lesson's figure). The panel in view at
 * start renders with the shell (main.tsx has its chunk before the first render when it is the tensor lab); the
 * others are requested all at once after the first paint and shown in page order as the reader comes near them
 * (see shell/Staged.tsx). A panel that the page does not show is never loaded (an embed of one panel loads only
 * that one).
 */

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
  // The screen: the guided Lesson or the free Lab (see state/lesson); both show the same panels.
  // A mystery-p challenge (teacher/mysteryToken.ts) is a page of its own: the tensor lab alone, so that no other
  // part of the page (a slider at 0.3, a text quoting p = 0.5) can show a number that happens to be the hidden p.
  const challenge = useStore((state) => state.settings.mystery !== undefined);
  const lessonOn = useStore((state) => state.settings.view === 'lesson') && !challenge;
  // The teacher layer (?teacher=1 or the header's button); the Lesson shows it beside the step card.
  const teacherOn = useStore((state) => state.settings.teacher && !state.settings.embed);
  const hideSettings = useHidden('settings');
  const hideSweep = useHidden('sweep');

  useShortcuts();
  // One frame budget for the page's live drawings (charts/frameBudget.ts): on a slow CPU they take turns.
  const [frameBudget] = useState(() => new FrameBudget());
  // One reading of the page's styles for its charts (charts/chartStyles.ts), counting viewport resizes while mounted.
  const [chartStyles] = useState(() => new ChartStyles());
  useEffect(() => chartStyles.watch(), [chartStyles]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = strings.app.title;
  }, [locale, strings]);

  // The page behind the app (overscroll, short embeds) takes the projector colours too.
  useEffect(() => {
    document.documentElement.dataset.mode = mode;
  }, [mode]);

  const shown = (panel: PanelName) => (challenge ? panel === 'tensor' : panels.includes(panel));
  const trainingShown = shown('network') || shown('loss') || shown('fit');
  // The panel in view at start renders with the shell; the rest follow one task at a time (see shell/Staged).
  const firstPanel = focusPanels.find(shown) ?? panels[0];
  const immediate = (panel: PanelName) => panel === firstPanel || focusPanels.includes(panel);

  return (
    <FrameBudgetContext value={frameBudget}>
    <ChartStylesContext value={chartStyles}>
    <StagedRoot>
      <div
        className="app"
        data-mode={mode}
        data-embed={embed ? 'true' : 'false'}
        data-motion={reducedMotion ? 'reduced' : 'full'}
        data-screen={lessonOn ? 'lesson' : 'lab'}
        data-focus={focusPanels.length > 0 ? focusPanels.join(' ') : undefined}
        data-focus-count={focusPanels.length > 0 ? focusPanels.length : undefined}
      >
        {!embed && (
          <a className="skip-link" href={lessonOn ? '#lesson' : '#lab'}>
            {lessonOn ? strings.lesson.skipToLesson : strings.app.skipToContent}
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
        {lessonOn ? (
          <main id="lesson" className="lesson-main" tabIndex={-1}>
            <LessonView />
          </main>
        ) : (<>
        {teacherOn && <TeacherLayer />}
        <main id="lab" className="panels" tabIndex={-1}>
          {shown('tensor') && (
            <Panel name="tensor" title={strings.panels.tensor}>
              <Staged stage="tensor" immediate={immediate('tensor')} part={PANEL_CHUNKS.tensor} />
            </Panel>
          )}
          {shown('network') && (
            <Panel name="network" title={strings.panels.network}>
              <Staged stage="network" immediate={immediate('network')} part={PANEL_CHUNKS.network} />
            </Panel>
          )}
          {shown('loss') && (
            <Panel name="loss" title={strings.panels.loss}>
              <Staged stage="loss" immediate={immediate('loss')} part={PANEL_CHUNKS.loss} />
            </Panel>
          )}
          {shown('fit') && (
            <Panel name="fit" title={strings.panels.fit}>
              <Staged stage="fit" immediate={immediate('fit')} part={PANEL_CHUNKS.fit} />
            </Panel>
          )}
        </main>
        {trainingShown && !hideSettings && (
          <Staged stage="settings" part={PANEL_CHUNKS.settings} />
        )}
        {!embed && !hideSweep && !challenge && (
          <Staged stage="sweep" part={PANEL_CHUNKS.sweep} />
        )}
        {!embed && !challenge && (
          <Staged stage="explain" part={PANEL_CHUNKS.explain} />
        )}
        </>)}
        <ShellDialogs />
      </div>
    </StagedRoot>
    </ChartStylesContext>
    </FrameBudgetContext>
  );
}
