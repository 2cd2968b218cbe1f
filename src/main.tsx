import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { initialiseFromUrl } from './state/urlSync';
import './ui/styles.css';

initialiseFromUrl(location.search, navigator.languages ?? [navigator.language]);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
