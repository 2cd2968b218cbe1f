/**
 * The rooms of src/ and the arrows between them, checked over the import lines of every source file (tests
 * included). Run by scripts/architecture.test.ts in the unit tests, so `npm test` fails on an import against
 * the arrows:
 *
 *     ui ──► state ──► worker ──► engine          i18n and chunks are leaves: anyone above may use them,
 *      │       │  (types, the protocol,  ▲         they use nothing of state, worker or ui.
 *      │       │   the worker entry)     │
 *      └───────┴─────────────────────────┘
 *
 * - engine imports nothing of src outside itself;
 * - worker imports only the engine;
 * - state imports the engine, the worker's types and its protocol (the typed contract both sides share), and
 *   starts the worker entry by URL; i18n and chunks as leaves;
 * - ui imports anything below it; i18n imports nothing of state (nor of ui or worker); src/main.tsx wires all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export type Room = 'engine' | 'worker' | 'state' | 'ui' | 'i18n' | 'chunks' | 'entry';

/** Which rooms each room may import, and how: 'any' or only type imports (plus the named files). */
export const ARROWS: Readonly<Record<Room, Partial<Record<Room, 'any' | { typesOr: readonly string[] }>>>> = {
  engine: { engine: 'any' },
  worker: { worker: 'any', engine: 'any' },
  chunks: { chunks: 'any' },
  i18n: { i18n: 'any', chunks: 'any' },
  state: {
    state: 'any', engine: 'any', i18n: 'any', chunks: 'any',
    worker: { typesOr: ['src/worker/protocol.ts', 'src/worker/training.worker.ts'] },
  },
  ui: { ui: 'any', state: 'any', engine: 'any', i18n: 'any', chunks: 'any', worker: { typesOr: ['src/worker/protocol.ts'] } },
  entry: { entry: 'any', ui: 'any', state: 'any', engine: 'any', i18n: 'any', chunks: 'any', worker: 'any' },
};

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
  line: number;
}

export interface Violation extends ImportEdge {
  fromRoom: Room;
  toRoom: Room;
}

/** The room of a path relative to the repository ("src/state/store.ts" → state); null outside src/. */
export function roomOf(path: string): Room | null {
  const parts = path.split('/');
  if (parts[0] !== 'src') return null;
  if (parts.length === 2) return 'entry';
  const room = parts[1];
  return (['engine', 'worker', 'state', 'ui', 'i18n', 'chunks'] as const).find((name) => name === room) ?? null;
}

const STATIC = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
const WORKER_URL = /new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/** The relative imports of one file's text (package imports are not rooms); `file` is relative to the repository. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const add = (specifier: string, typeOnly: boolean, index: number) => {
    if (!specifier.startsWith('.')) return;
    edges.push({ from: file, to: resolveSpecifier(file, specifier), typeOnly, line: lineAt(index) });
  };
  for (const match of text.matchAll(STATIC)) {
    const [whole, keyword, typeKeyword, clause, specifier] = match;
    // `import { type A, type B } from` is type-only too; `import {} from` and `export * from` are not.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1].split(',').map((name) => name.trim()).filter(Boolean) ?? [];
    const allTypes = names.length > 0 && names.every((name) => name.startsWith('type '));
    add(specifier, Boolean(typeKeyword) || allTypes, (match.index ?? 0) + whole.indexOf(keyword));
  }
  for (const match of text.matchAll(BARE)) add(match[1], false, (match.index ?? 0) + match[0].indexOf('import'));
  for (const match of text.matchAll(DYNAMIC)) add(match[1], false, match.index ?? 0);
  for (const match of text.matchAll(WORKER_URL)) add(match[1], false, match.index ?? 0);
  return edges;
}

function resolveSpecifier(file: string, specifier: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(file), specifier));
  if (/\.(tsx?|json|css|mjs|js)$/.test(joined)) return joined;
  // A room's folder ('../engine') is its index.ts, the room's public API.
  return /^src\/[^/]+$/.test(joined) && roomOf(`${joined}/index.ts`) ? `${joined}/index.ts` : `${joined}.ts`;
}

/** The imports that run against the arrows. */
export function checkEdges(edges: readonly ImportEdge[]): Violation[] {
  const violations: Violation[] = [];
  for (const edge of edges) {
    const fromRoom = roomOf(edge.from);
    const toRoom = roomOf(edge.to);
    if (!fromRoom || !toRoom) continue;
    const rule = ARROWS[fromRoom][toRoom];
    const allowed = rule === 'any' ||
      (rule !== undefined && (edge.typeOnly || rule.typesOr.some((path) => edge.to === path || edge.to === path.replace(/\.ts$/, '.tsx'))));
    if (!allowed) violations.push({ ...edge, fromRoom, toRoom });
  }
  return violations;
}

/** Every import edge of the TypeScript files under `srcDir` (paths relative to `root`, with forward slashes). */
export function collectEdges(root: string, srcDir = join(root, 'src')): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        const file = relative(root, path).split(sep).join('/');
        edges.push(...importsOf(file, readFileSync(path, 'utf8')));
      }
    }
  };
  walk(srcDir);
  return edges;
}

/** One line per violation, for a failing test's message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => `${v.from}:${v.line} (${v.fromRoom}) imports ${v.to} (${v.toRoom})${v.typeOnly ? ' [types]' : ''}: against the arrows`)
    .join('\n');
}
