/**
 * `npm run audit`: Lighthouse over the built app, with the system Chromium. Not part of CI (it downloads
 * Lighthouse through npx and takes a minute a run); run it before a release and record the scores.
 *
 * Builds into dist/ when there is no build yet, serves it with `vite preview` on AUDIT_PORT (default 4299), runs
 * `npx -y lighthouse@13` (never added to the lockfile), prints Performance, Accessibility and Best Practices, and
 * lists every audit that cost points. Usage: tsx scripts/audit.ts [distDir] [query, e.g. "?locale=zh-CN"]
 *
 * One run says little on a 2-core machine: the same build scored 79–92 for `?view=lab` within 20 minutes
 * (session 11). So:
 * - AUDIT_RUNS=5 runs Lighthouse five times and prints each run's Performance and metrics, then their medians
 *   and ranges;
 * - AUDIT_REFERENCE=<another build's dir> serves that build too (on AUDIT_PORT + 1) and alternates the two run
 *   by run, so that a change of the machine's load falls on both: compare medians, never single runs.
 * AUDIT_REPORT=path keeps the last run's full JSON report.
 *
 * The runs fall in two groups here (Chromium 156, session 13): in some of them Chromium under Lighthouse
 * presents no frame for about a second after the header's first paint, although the page has rendered. Lighthouse
 * simulates the metrics from what it observed, so such a run's first paint comes late and the start-up's work
 * falls before it, out of Total Blocking Time: it scores higher. Each run's line says which group it is in
 * (`first frame held`, from the observed first contentful paint) and the summary gives each group's median, so
 * that two medians are compared over the same kind of run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const query = process.argv[3] ?? '';
const port = Number(process.env.AUDIT_PORT ?? 4299);
const runs = Math.max(1, Math.floor(Number(process.env.AUDIT_RUNS ?? 1)) || 1);
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const report = process.env.AUDIT_REPORT ?? join(tmpdir(), `dropout-lab-lighthouse-${process.pid}.json`);
const viteBin = resolve('node_modules/vite/bin/vite.js');

interface Build {
  label: string;
  dist: string;
  url: string;
  results: LighthouseResult[];
}

const builds: Build[] = [process.argv[2] ?? 'dist', process.env.AUDIT_REFERENCE]
  .filter((dir): dir is string => Boolean(dir))
  .map((dir, i) => ({ label: dir, dist: resolve(dir), url: `http://127.0.0.1:${port + i}/${query}`, results: [] }));

interface LighthouseResult {
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { title: string; score: number | null; displayValue?: string; numericValue?: number; details?: { items?: Record<string, unknown>[] } }
  >;
}

/**
 * An observed (unsimulated) first contentful paint later than this means the first frame was held: the page's own
 * first paint, the header in index.html, comes at 0.1–0.4 s on this machine, and a held one at about 1.2 s.
 */
const HELD_FIRST_PAINT_MS = 700;

/** The first contentful paint Lighthouse observed in the real load, before its simulation (ms), if reported. */
function observedFirstPaint(result: LighthouseResult): number {
  const value = result.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint;
  return typeof value === 'number' ? value : NaN;
}

const firstFrameHeld = (result: LighthouseResult) => observedFirstPaint(result) > HELD_FIRST_PAINT_MS;

/** The metrics behind the Performance score, in the order Lighthouse weighs them in its report. */
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['speed-index', 'SI', 'ms'],
] as const;

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

function runLighthouse(url: string): LighthouseResult | null {
  rmSync(report, { force: true });
  const result = spawnSync(
    'npx',
    [
      '-y',
      'lighthouse@13',
      url,
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      '--output=json',
      `--output-path=${report}`,
      '--quiet',
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
  );
  if (result.status !== 0 || !existsSync(report)) {
    console.error(`Lighthouse failed on ${url} (exit ${result.status}).`);
    return null;
  }
  return JSON.parse(readFileSync(report, 'utf8')) as LighthouseResult;
}

const percent = (score: number | null) => (score === null ? NaN : Math.round(score * 100));

function printScores(url: string, result: LighthouseResult): void {
  console.log(`\nLighthouse 13 on ${url} (${chrome})`);
  for (const category of Object.values(result.categories)) {
    const score = category.score === null ? 'n/a' : String(percent(category.score));
    console.log(`  ${category.title.padEnd(16)} ${score.padStart(3)}`);
    // What cost points: weighted audits below a full score, so the fix is obvious.
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        console.log(`      - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}: ${percent(audit.score)}`);
      }
    }
  }
}

/** One line per run: the three scores and the metrics behind Performance. */
function runLine(result: LighthouseResult): string {
  const scores = Object.values(result.categories).map((category) => `${category.title} ${percent(category.score)}`);
  const metrics = METRICS.map(([id, name, unit]) => {
    const value = result.audits[id]?.numericValue ?? NaN;
    return `${name} ${unit ? Math.round(value) : value.toFixed(3)}${unit}`;
  });
  const observed = observedFirstPaint(result);
  const held = Number.isNaN(observed) ? '' : ` | observed first paint ${Math.round(observed)}ms${firstFrameHeld(result) ? ' (first frame held)' : ''}`;
  return `${scores.join(', ')} | ${metrics.join(', ')}${held}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summary(build: Build): string {
  const of = (values: number[], digits = 0) =>
    `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
  const categories = Object.keys(build.results[0].categories).map(
    (key) => `${build.results[0].categories[key].title} ${of(build.results.map((r) => percent(r.categories[key].score)))}`,
  );
  const metrics = METRICS.map(
    ([id, name, unit]) => `${name} ${of(build.results.map((r) => r.audits[id]?.numericValue ?? NaN), unit ? 0 : 3)}${unit}`,
  );
  const performance = (results: LighthouseResult[]) => results.map((r) => percent(r.categories.performance?.score ?? null));
  const groups = [
    ['first frame held', build.results.filter(firstFrameHeld)],
    ['not held', build.results.filter((r) => !firstFrameHeld(r))],
  ] as const;
  const byGroup = groups
    .map(([name, results]) => (results.length ? `${name}: ${results.length} runs, Performance ${of(performance(results))}` : `${name}: no run`))
    .join('; ');
  return `${build.label}, median (range) of ${build.results.length} runs:\n  ${categories.join(', ')}\n  ${metrics.join(', ')}\n  ${byGroup}`;
}

async function main(): Promise<number> {
  for (const build of builds) {
    if (existsSync(join(build.dist, 'index.html'))) continue;
    console.log(`No build in ${build.dist}: building first.`);
    const made = spawnSync(process.execPath, [viteBin, 'build', '--outDir', build.dist], { stdio: 'inherit' });
    if (made.status !== 0) return 1;
  }
  const servers: ChildProcess[] = [];
  try {
    builds.forEach((build, i) => {
      const args = [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port + i), '--strictPort', '--outDir', build.dist];
      servers.push(spawn(process.execPath, args, { stdio: 'ignore' }));
    });
    for (const build of builds) await waitForServer(build.url, Date.now() + 30_000);
    for (let run = 0; run < runs; run++) {
      // Alternate which build goes first, so neither always runs on the machine the other has just warmed.
      for (const build of run % 2 ? [...builds].reverse() : builds) {
        const result = runLighthouse(build.url);
        if (!result) return 1;
        build.results.push(result);
        if (runs > 1 || builds.length > 1) console.log(`run ${run + 1}, ${build.label}: ${runLine(result)}`);
      }
    }
    if (runs === 1 && builds.length === 1) printScores(builds[0].url, builds[0].results[0]);
    else for (const build of builds) console.log(`\n${summary(build)}`);
    return 0;
  } finally {
    for (const server of servers) server.kill();
    if (!process.env.AUDIT_REPORT) rmSync(report, { force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
