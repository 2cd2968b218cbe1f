// Entry of scripts/experiment.ts's worker threads. Node 20 does not hand tsx's loader on to worker threads, so
// the thread registers it itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./experiment-worker.ts');
