import { useEffect } from 'react';
import { useStore } from '../state/store';
import { useStrings } from '../i18n/useStrings';
import type { PanelName } from '../state/urlSchema';
import { Header } from './shell/Header';
import { Notices } from './shell/Notices';
import { Panel } from './shell/Panel';

/** The page: header, notices, and the four panels (or the ones an embedding page chose). */
export function App() {
  const strings = useStrings();
  const locale = useStore((state) => state.locale);
  const settings = useStore((state) => state.settings);
  const reducedMotion = useStore((state) => state.reducedMotion);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = strings.app.title;
  }, [locale, strings]);

  const shown = (panel: PanelName) => settings.panels.includes(panel);

  return (
    <div
      className="app"
      data-mode={settings.mode}
      data-embed={settings.embed ? 'true' : 'false'}
      data-motion={reducedMotion ? 'reduced' : 'full'}
    >
      {!settings.embed && (
        <a className="skip-link" href="#lab">
          {strings.app.skipToContent}
        </a>
      )}
      {!settings.embed && <Header />}
      <Notices />
      <main id="lab" className="panels" tabIndex={-1}>
        {shown('tensor') && <Panel name="tensor" title={strings.panels.tensor} />}
        {shown('network') && <Panel name="network" title={strings.panels.network} />}
        {shown('loss') && <Panel name="loss" title={strings.panels.loss} />}
        {shown('fit') && <Panel name="fit" title={strings.panels.fit} />}
      </main>
    </div>
  );
}
