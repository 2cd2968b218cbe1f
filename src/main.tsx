import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { initialiseFromUrl } from './state/urlSync';
import { followAnswersOfOtherFrames } from './state/lesson/progress';
import { startTraining } from './state/training';
import { registerServiceWorkerWhenSettled } from './state/offline';
import { pushNotice, useStore } from './state/store';
import { loadLocale } from './i18n';
import { LATER_REVEAL } from './ui/lesson/laterReveal';
import { PANEL_CHUNKS, firstScreenShowsTensorLab } from './ui/panelChunks';
import './ui/styles.css';

initialiseFromUrl(location.search, navigator.languages ?? [navigator.language]);
followAnswersOfOtherFrames(window);
startTraining();

// The strings of the page's language are a chunk of their own (see i18n/index.ts), fetched while the worker
// starts; the first render waits for them, so no other language flashes first. So does it for the tensor lab's
// code and strings when the first screen shows it (see firstScreenShowsTensorLab), and, on a lesson link to a
// step after the first, for the later parts' strings, which hold that card's text (i18n: stepTextFor), and the
// later steps' reveal (ui/lesson/laterReveal.ts). If one of those downloads fails, the part that needs it says so.
const { locale, settings } = useStore.getState();
const tensorLabReady = firstScreenShowsTensorLab(settings) ? PANEL_CHUNKS.tensor.load().catch(() => undefined) : undefined;
const laterStepReady = settings.view === 'lesson' && settings.step > 1 ? LATER_REVEAL.load().catch(() => undefined) : undefined;
const languageReady = await loadLocale(locale).then(
  () => true,
  () =>
    loadLocale('en').then(
      () => {
        useStore.setState({ locale: 'en' });
        pushNotice({ key: 'locale', kind: 'warning', message: { code: 'text', id: 'localeUnavailable' } });
        return true;
      },
      () => false,
    ),
);
await tensorLabReady;
await laterStepReady;

const root = document.getElementById('root');
if (root && !languageReady) {
  // Not even English arrived: the connection dropped mid-load. Plain text, since there are no strings to use.
  root.textContent = 'Dropout Lab could not finish downloading. Reload the page. / Dropout Lab 未能下载完整，请重新加载页面。';
} else if (root) {
  // As a transition, React renders the first screen in slices and lets the browser in between, instead of in
  // one long task; the panels further down follow in later tasks (see ui/shell/Staged.tsx).
  const reactRoot = createRoot(root);
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
// After the first render is queued, so the host's first `resize` already measures the lab. Only a page in a frame
// talks to a host, so the bridge is a chunk of its own that a reader of the app itself never downloads. Should
// it fail to download, the app runs on without its host messages.
if (window.parent !== window) {
  void import('./ui/shell/startBridge').then(
    ({ startBridgeWhenFramed }) => startBridgeWhenFramed(),
    () => undefined,
  );
}
registerServiceWorkerWhenSettled();
