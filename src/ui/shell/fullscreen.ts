/**
 * Full screen for the projector. Browsers refuse it inside an iframe without allow="fullscreen", without a
 * user gesture, or by policy; a refusal becomes a notice rather than an error in the console.
 */
import { useSyncExternalStore } from 'react';
import { pushNotice } from '../../state/store';

function refused(): void {
  pushNotice({ key: 'fullscreen', kind: 'info', message: { code: 'text', id: 'fullscreenUnavailable' } });
}

export function toggleFullscreen(): void {
  if (document.fullscreenElement) {
    document.exitFullscreen().catch(() => undefined);
    return;
  }
  const root = document.documentElement;
  if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') {
    refused();
    return;
  }
  root.requestFullscreen().catch(refused);
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

export function useIsFullscreen(): boolean {
  return useSyncExternalStore(subscribe, () => document.fullscreenElement !== null, () => false);
}
