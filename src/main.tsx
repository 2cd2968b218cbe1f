import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { initialiseFromUrl } from './state/urlSync';
import { startTraining } from './state/training';
import { registerServiceWorker } from './state/offline';
import { startBridgeWhenFramed } from './ui/shell/startBridge';
import './ui/styles.css';

initialiseFromUrl(location.search, navigator.languages ?? [navigator.language]);
startTraining();

const root = document.getElementById('root');
if (root) {
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
// After the first render is queued, so the host's first `resize` already measures the lab.
startBridgeWhenFramed();
registerServiceWorker();
