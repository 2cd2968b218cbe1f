/**
 * `npm run audit`: Lighthouse over the built app, with the system Chromium. Not part of CI (it downloads
 * Lighthouse through npx and takes a minute); run it before a release and record the three scores.
 *
 * Builds into dist/ when there is no build yet, serves it with `vite preview` on AUDIT_PORT (default 4299), runs
 * `npx -y lighthouse@13` (never added to the lockfile), prints Performance, Accessibility and Best Practices, and
 * lists every audit that cost points. Usage: tsx scripts/audit.ts [distDir] [query, e.g. "?locale=zh-CN"]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? '';
const port = Number(process.env.AUDIT_PORT ?? 4299);
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const url = `http://127.0.0.1:${port}/${query}`;
// AUDIT_REPORT=path keeps the full JSON report for a closer look; otherwise it is a temporary file.
const report = process.env.AUDIT_REPORT ?? join(tmpdir(), `dropout-lab-lighthouse-${process.pid}.json`);
const viteBin = resolve('node_modules/vite/bin/vite.js');

interface LighthouseResult {
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
}

async function waitForServer(deadline: number): Promise<void> {
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

function runLighthouse(): number {
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
  return result.status ?? 1;
}

function printScores(result: LighthouseResult): void {
  console.log(`\nLighthouse 13 on ${url} (${chrome})`);
  for (const category of Object.values(result.categories)) {
    const score = category.score === null ? 'n/a' : String(Math.round(category.score * 100));
    console.log(`  ${category.title.padEnd(16)} ${score.padStart(3)}`);
    // What cost points: weighted audits below a full score, so the fix is obvious.
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        console.log(`      - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}: ${Math.round(audit.score * 100)}`);
      }
    }
  }
}

async function main(): Promise<number> {
  if (!existsSync(join(dist, 'index.html'))) {
    console.log(`No build in ${dist}: building first.`);
    const build = spawnSync(process.execPath, [viteBin, 'build', '--outDir', dist], { stdio: 'inherit' });
    if (build.status !== 0) return 1;
  }
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
      stdio: 'ignore',
    });
    await waitForServer(Date.now() + 30_000);
    const status = runLighthouse();
    if (status !== 0 || !existsSync(report)) {
      console.error(`Lighthouse failed (exit ${status}).`);
      return 1;
    }
    printScores(JSON.parse(readFileSync(report, 'utf8')) as LighthouseResult);
    return 0;
  } finally {
    server?.kill();
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
