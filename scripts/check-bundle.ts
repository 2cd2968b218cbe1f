/**
 * The bundle budgets, run after every build (`npm run build`, so CI fails with them). It prints the gzipped size
 * of every JavaScript file the app ships and fails when
 * - the first screen, for any language, is over FIRST_SCREEN_BUDGET_KB. The first screen is the lesson's hook,
 *   what a reader who follows a lesson link waits for before it works: the entry chunk and everything it
 *   imports statically, the chunk of that language's first-screen strings (main.tsx awaits it before the first
 *   render; not the later parts' strings, which the lesson's first screen does not fetch, as
 *   e2e/chunks.spec.ts checks), and the chunks of the panels the lesson's first step shows (read from
 *   LESSON_STEPS, so a step that shows another panel is budgeted with it), each with its static imports. Read from Vite's manifest, so a new static import
 *   of a heavy module shows up here at once;
 * - the Lab's first render, for any language, is over LAB_FIRST_RENDER_BUDGET_KB (the shell, the tensor lab the
 *   Lab opens on, and the language's two string chunks);
 * - all the JavaScript together (every panel, both languages, the lesson, the training worker) is over
 *   TOTAL_BUDGET_KB;
 * - the shipped code contains eval or the Function constructor, which the page's Content-Security-Policy would
 *   block at run time.
 *
 * Usage: tsx scripts/check-bundle.ts [distDir]   (default: dist; the build must have `build.manifest`). Build
 * with --sourcemap to see what is inside each chunk.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { breakdown } from './bundle-breakdown';
import { LOCALES } from '../src/i18n';
import { LESSON_STEPS } from '../src/state/lesson/steps';
import { BUNDLE_RULES, listFiles, scanFiles } from './unsafe-code';

/**
 * In kB of 1,000 bytes, the unit Vite's own build report uses. What is budgeted is what a reader waits for: the
 * lesson's first screen (shell, network, loss chart and one language), and all the app's JavaScript (both
 * languages, every panel, the worker, the lesson).
 *
 * Issue 13 asked for 110 kB and 190 kB. With React and ReactDOM, which the product card fixes, the first screen
 * measured 158 kB (React DOM alone ~60 kB, d3's scales ~11 kB) and the whole 210 kB; only swapping the runtime
 * for Preact behind React's name met them, and a change of stack is the product's decision, not the build's
 * (scripts/stack.test.ts). So these budgets hold today's sizes with a small margin, to catch growth, until the
 * product decides between the stack and the numbers. The first screen's margin is smaller than the tensor lab's
 * chunk (5.9 kB), so importing it statically again fails here. The build prints today's sizes; the README records them.
 *
 * Session 20 split each language in two (src/i18n/index.ts): the first screen's strings and those of the parts
 * that load later. That took 7.5 kB (English) and 8.4 kB (Chinese) off the first screen, so its budget went
 * from 157 to 150 kB; two smaller gzip streams compress a little worse than one, which added 2.7 kB to the total
 * (it counts both languages, though a reader downloads one), so that budget went from 217 to 220 kB.
 * Session 21 moved the text of the lesson's later steps to the later parts' strings (the first screen shows only
 * the first step): 3.7 kB (English) and 4.2 kB (Chinese) less. It then took out of the shell the engine code
 * that only lazy parts run (see FIRST_SCREEN_ENGINE in vite.config.ts) and the later steps' reveal: 6.4 kB less
 * again. So the first screen's budget went from 150 to 141 kB. The code those parts share is now a few smaller
 * chunks, which compress a little worse than the one shell did: the total went from 218.6 to 221.6 kB, and its
 * budget from 220 to 223 kB.
 * Session 22 kept the lesson's answers in the tab, added Start the lesson again and the bridge's `lesson` message
 * (total 222.5 kB), then made the embed bridge a chunk that only a framed page fetches: 1.1 kB off the first
 * screen, 0.8 kB more in all (one more gzip stream), so the total's budget went from 223 to 224 kB.
 */
export const FIRST_SCREEN_BUDGET_KB = 141;
export const TOTAL_BUDGET_KB = 224;
/**
 * The Lab's first render, which a Lab link (`?view=lab`, an embed code, `?p=0.5`) waits for: the shell, one
 * language with the later parts' strings, and the tensor lab the Lab opens on, with its engine code (main.tsx
 * loads them before the first render; the network and the charts below it are staged after). It is not the
 * first screen issue 13 budgets, but Lighthouse's `?view=lab` audit measures it. Today's size with a small
 * margin, as above, so that what the Lab opens on cannot grow unseen (session 22: 127.1 kB in English and
 * 130.3 kB in Chinese).
 */
export const LAB_FIRST_RENDER_BUDGET_KB = 132;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const dist = resolve(process.argv[2] ?? 'dist');
const assets = join(dist, 'assets');
const manifestPath = join(dist, '.vite', 'manifest.json');
const allScripts = listFiles(dist, ['.js', '.mjs']).sort();
// The budgets cover the app's chunks (entry, lazy and worker), which Vite writes to assets/. Files beside
// index.html (the service worker and its Workbox runtime from vite-plugin-pwa, scripts copied from public/) load
// after the page or only in the service worker, and are listed but not counted; all are scanned for eval.
const files = allScripts.filter((file) => file.startsWith(assets + sep));
if (files.length === 0 || !existsSync(manifestPath)) {
  console.error(`check-bundle: no JavaScript or no .vite/manifest.json under ${dist}. Build first (npm run build).`);
  process.exit(1);
}

const gzipCache = new Map<string, number>();
// zlib's default level, as Vite's report and most static hosts use (level 9 would flatter us by ~1%).
const gzipOf = (file: string) => {
  let size = gzipCache.get(file);
  if (size === undefined) gzipCache.set(file, (size = gzipSync(readFileSync(file)).length));
  return size;
};
const kB = (bytes: number) => (bytes / 1000).toFixed(2).padStart(8);

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
/** The files of `key` and of everything it imports statically, transitively. */
function staticClosure(key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(join(dist, chunk.file))) return into;
  into.add(join(dist, chunk.file));
  for (const imported of chunk.imports ?? []) staticClosure(imported, into);
  return into;
}
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error('check-bundle: the manifest names no entry chunk.');
  process.exit(1);
}
const languageKeys = LOCALES.map((locale) => `src/i18n/${locale}.ts`);
/** Each language's strings for the parts that load later (src/i18n/parts.<locale>.ts). */
const partStringKey = (locale: string) => `src/i18n/parts.${locale}.ts`;
const missingLanguages = [...languageKeys, ...LOCALES.map(partStringKey)].filter((key) => !manifest[key]);
if (missingLanguages.length > 0) {
  console.error(`check-bundle: no chunk for ${missingLanguages.join(', ')} in the manifest (each language, and its strings for the later parts, is a chunk of its own).`);
  process.exit(1);
}

/**
 * The chunk of a panel of the lesson's figure: the one lazy chunk in the panel's folder (src/ui/<panel>/) that
 * the entry's code imports. Every panel is a lazy part (ui/panelChunks.ts); one that is not cannot be budgeted.
 */
function panelChunkKey(panel: string, entryClosure: Set<string>): string {
  const imported = new Set(
    Object.values(manifest)
      .filter((chunk) => entryClosure.has(join(dist, chunk.file)))
      .flatMap((chunk) => chunk.dynamicImports ?? []),
  );
  const keys = [...imported].filter((key) => key.startsWith(`src/ui/${panel}/`));
  if (keys.length !== 1) {
    console.error(`check-bundle: the lesson's first step shows "${panel}", but the entry imports ${keys.length} lazy chunks of src/ui/${panel}/ (${keys.join(', ') || 'none'}); expected one.`);
    process.exit(1);
  }
  return keys[0];
}

console.log(`Bundle budgets: gzipped JavaScript in ${dist}`);
const entryOnly = staticClosure(entryKey);
const firstStepPanels = LESSON_STEPS[0].panels;
const entryFiles = new Set(entryOnly);
for (const panel of firstStepPanels) staticClosure(panelChunkKey(panel, entryOnly), entryFiles);
let totalRaw = 0;
let totalGzip = 0;
for (const file of files) {
  const raw = statSync(file).size;
  totalRaw += raw;
  totalGzip += gzipOf(file);
  const role = /worker/i.test(file) ? ' (worker)' : entryFiles.has(file) ? ' (first screen)' : '';
  console.log(`  ${kB(raw)} kB raw ${kB(gzipOf(file))} kB gzip  ${relative(dist, file)}${role}`);
  // With source maps (vite build --sourcemap) the largest contributors are listed too.
  for (const [group, size] of breakdown(file)?.slice(0, 8) ?? []) console.log(`      ${kB(size)} kB raw  ${group}`);
}
for (const file of allScripts.filter((name) => !files.includes(name))) {
  console.log(`  ${kB(statSync(file).size)} kB raw   not counted  ${relative(dist, file)} (outside assets/)`);
}

let failed = false;
const sum = (set: Set<string>) => [...set].reduce((total, file) => total + gzipOf(file), 0);
for (const key of languageKeys) {
  const firstScreen = sum(staticClosure(key, new Set(entryFiles)));
  const language = key.replace(/^src\/i18n\/|\.ts$/g, '');
  console.log(`  first screen in ${language.padEnd(5)} ${kB(firstScreen)} kB gzip (shell, ${firstStepPanels.join(', ')}); budget ${FIRST_SCREEN_BUDGET_KB} kB`);
  if (firstScreen > FIRST_SCREEN_BUDGET_KB * 1000) {
    console.error(`check-bundle: FAIL, the first screen in ${language} needs ${kB(firstScreen).trim()} kB, over ${FIRST_SCREEN_BUDGET_KB} kB.`);
    failed = true;
  }
}
// The Lab opens on the tensor lab (ui/panelChunks.ts: firstScreenShowsTensorLab), whose texts are later parts' strings.
const tensorLabFiles = staticClosure(panelChunkKey('tensor', entryOnly), new Set(entryOnly));
for (const locale of LOCALES) {
  const labFirstRender = sum(staticClosure(partStringKey(locale), staticClosure(`src/i18n/${locale}.ts`, new Set(tensorLabFiles))));
  console.log(`  Lab's first render in ${locale.padEnd(5)} ${kB(labFirstRender)} kB gzip (shell, tensor lab, both string chunks); budget ${LAB_FIRST_RENDER_BUDGET_KB} kB`);
  if (labFirstRender > LAB_FIRST_RENDER_BUDGET_KB * 1000) {
    console.error(`check-bundle: FAIL, the Lab's first render in ${locale} needs ${kB(labFirstRender).trim()} kB, over ${LAB_FIRST_RENDER_BUDGET_KB} kB.`);
    failed = true;
  }
}
console.log(`  all ${files.length} files     ${kB(totalGzip)} kB gzip (${kB(totalRaw).trim()} kB raw); budget ${TOTAL_BUDGET_KB} kB`);
if (totalGzip > TOTAL_BUDGET_KB * 1000) {
  console.error(`check-bundle: FAIL, ${kB(totalGzip).trim()} kB gzip in all is over the ${TOTAL_BUDGET_KB} kB budget.`);
  failed = true;
}

/**
 * A production build carries no test hooks: `window.__dropoutLab` and the worker's crash and busy loop exist
 * only in the end-to-end tests' build (`vite build --mode e2e`, see src/state/testHooks.ts).
 */
const TEST_HOOK_RULES = [
  { name: 'test hook window.__dropoutLab', pattern: /__dropoutLab/ },
  { name: 'worker crash hook', pattern: /crashed on purpose/ },
  { name: 'busy loop (worker hang hook)', pattern: /for\s*\(\s*;\s*;\s*\)\s*(\{\s*\}|;)/ },
];
const findings = [...scanFiles(allScripts, BUNDLE_RULES), ...scanFiles(allScripts, TEST_HOOK_RULES)];
for (const finding of findings) {
  console.error(`check-bundle: FAIL, ${finding.rule} in ${relative(dist, finding.file)}: …${finding.excerpt}…`);
  failed = true;
}
if (failed) process.exit(1);
console.log('check-bundle: OK');
