/**
 * Fault injection for the end-to-end tests: `window.__dropoutLab.killWorker()` and `.hangWorker()`. Installed only
 * by a test build (`vite build --mode e2e`, see startTraining); the production bundle holds neither the hooks nor
 * the worker's busy loop they trigger (scripts/check-bundle.ts checks).
 */
import type { TrainingClient } from './trainingClient';

export interface TestHooks {
  killWorker(): void;
  hangWorker(): void;
}

export function installTestHooks(client: Pick<TrainingClient, 'injectFault'>): void {
  if (typeof window === 'undefined') return;
  const target = window as unknown as { __dropoutLab?: Partial<TestHooks> & Record<string, unknown> };
  target.__dropoutLab = {
    ...target.__dropoutLab,
    killWorker: () => client.injectFault('crash'),
    hangWorker: () => client.injectFault('hang'),
  };
}
