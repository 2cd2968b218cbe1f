import { describe, expect, it } from 'vitest';
import { ARROWS, checkEdges, collectEdges, describeViolations, importsOf, roomOf } from './architecture';

describe('the rooms of src/ import one way', () => {
  it('no import runs against the arrows (engine ← worker ← state ← ui; i18n and chunks are leaves)', () => {
    const edges = collectEdges(process.cwd());
    // The scan really reads the code: the client starts the worker, the ui reads the store, and so on.
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((edge) => edge.from === 'src/state/training.ts' && edge.to === 'src/worker/training.worker.ts')).toBe(true);
    const violations = checkEdges(edges);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('fails on each kind of import the arrows forbid (each line below breaks one rule on purpose)', () => {
    const bad = [
      ['src/engine/mlp.ts', "import { formatTensor } from '../ui/tensor/pytorchFormat';"],
      ['src/engine/dropout.test.ts', "import { useStore } from '../state/store';"],
      ['src/worker/trainingSession.ts', "import { useStore } from '../state/store';"],
      ['src/worker/client.ts', "import { appendToHistory } from '../state/history';"],
      ['src/state/training.ts', "import { TrainingSession } from '../worker/trainingSession';"],
      ['src/state/training.ts', "import { Header } from '../ui/shell/Header';"],
      ['src/i18n/useStrings.ts', "import { useStore } from '../state/store';"],
      ['src/i18n/index.ts', "const strings = await import('../state/lazyValue');"],
      ['src/i18n/en.ts', "import type { AppNotice } from '../state/store';"],
      ['src/chunks/lazyValue.ts', "import { pushNotice } from '../state/store';"],
    ];
    for (const [file, line] of bad) {
      expect(checkEdges(importsOf(file, line)), `${file}: ${line}`).toHaveLength(1);
    }
  });

  it('allows what the arrows allow', () => {
    const good = [
      ['src/state/store.ts', "import type { DatasetForDisplay, Speed } from '../worker/protocol';"],
      ['src/state/sweep.ts', "import type { SweepJob } from '../worker/sweepJob';"],
      ['src/state/sweep.ts', "import { type SweepJob, type SweepReply } from '../worker/sweepJob';"],
      ['src/state/urlSchema.ts', "import { SPEEDS } from '../worker/protocol';"],
      ['src/state/training.ts', "const w = new Worker(new URL('../worker/training.worker.ts', import.meta.url));"],
      ['src/ui/App.tsx', "import { useStore } from '../state/store';"],
      ['src/worker/trainingSession.ts', "import { TwinTrainer } from '../engine';"],
      ['src/i18n/index.ts', "import { lazyValue } from '../chunks/lazyValue';"],
      ['src/main.tsx', "import { App } from './ui/App';"],
    ];
    for (const [file, line] of good) expect(checkEdges(importsOf(file, line)), `${file}: ${line}`).toEqual([]);
  });

  it('reads multi-line and type-only imports, and knows every room', () => {
    const edges = importsOf('src/state/x.ts', "import {\n  a,\n  type B,\n} from '../engine';\nexport type { C } from '../worker/protocol';");
    expect(edges).toEqual([
      { from: 'src/state/x.ts', to: 'src/engine/index.ts', typeOnly: false, line: 1 },
      { from: 'src/state/x.ts', to: 'src/worker/protocol.ts', typeOnly: true, line: 5 },
    ]);
    for (const room of Object.keys(ARROWS)) expect(ARROWS[room as keyof typeof ARROWS][room as keyof typeof ARROWS]).toBe('any');
    expect(roomOf('src/main.tsx')).toBe('entry');
  });
});
