import os from 'node:os';
import { resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { test, expect, revealPanels } from './fixtures';
import { recordFrameIntervals } from './frameIntervals';
import { startPreview, type Running } from './cross/servers';
import { frameWork, FRAME_WORK_CATEGORIES, WORK_BUCKETS, type FrameWork, type TraceEvent } from '../scripts/frameWork';

/**
 * A school Chromebook (issue 13): the main thread slowed 4× with CDP's Emulation.setCPUThrottlingRate, as Chrome's
 * DevTools "4× slowdown" does. For three views it prints, as medians over BENCH_RUNS runs (default 3):
 * - frames while the twins train at full speed for 10 s: p50 and p95 rAF interval, long tasks (count, longest),
 *   4× slower and at full CPU speed, and the worker's throughput meanwhile (twin epochs/s);
 * - load, 4× slower: long tasks and total blocked time (the part of each task beyond 50 ms) from navigation to
 *   3 s after the first contentful paint.
 * Targets (issue 13): at 4×, lesson and network+loss p95 ≤ 33 ms and no task over 100 ms, the whole Lab
 * p95 ≤ 50 ms; unthrottled p95 ≤ 17 ms and 0 long tasks; load at 4× ≤ 200 ms blocked; ≥ 1,000 twin epochs/s.
 * It asserts none of them: timing depends on the machine (it prints the load average; compare idle runs).
 * Run: BENCH=1 npx playwright test e2e/slowcpu.bench.spec.ts --workers=1
 *
 * At 4× a p95 frame lands on two or three vsyncs (33.4 or 50 ms) with the machine's load, for the same build, so
 * one bench cannot tell whether a change helped. BENCH_REFERENCE=<another build's dir> serves that build too (on
 * the test port + 1) and measures the two builds one run each in turn, so that a change of load falls on both;
 * it prints both builds' medians. Compare those, never two benches taken at different times.
 *
 * The frame intervals cannot see a few ms of work: they snap to vsyncs. So after the 4× window the bench traces
 * TRACE_SECONDS more of training and prints the main thread's work per second by kind (scripts/frameWork.ts):
 * that moves with the page's own drawing and little with the machine's load, so it is what judges a change to it.
 */
const SECONDS = 10;
const RATE = 4;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LOAD_WINDOW_MS = 3000;
/** How long the 4× run is traced for its work per second, after its frame window (tracing slows the page a little). */
const TRACE_SECONDS = 5;

// A budget far beyond the 10 s window: the default 8,000 epochs, and even 100,000, end mid-measurement, and
// frames of a finished run (and its throughput) say nothing about training.
const LONG_RUN = '&epochs=1000000';
const VIEWS = [
  { name: 'lesson, first screen', query: `?view=lesson&step=1&locale=en${LONG_RUN}` },
  { name: 'Lab, network + loss (embed)', query: `?view=lab&embed=1&panels=network,loss&locale=en${LONG_RUN}` },
  { name: 'Lab, whole page', query: `?view=lab&locale=en${LONG_RUN}` },
] as const;

interface FrameFigures {
  p50: number;
  p95: number;
  longTasks: number;
  longest: number;
  epochsPerSecond: number;
  /** The worker's layer kernel, from the speed readout (the throughput depends on it). */
  kernel: string;
  /** The main thread's work per second, traced after the frame window (4× runs only). */
  work?: FrameWork;
}

interface LoadFigures {
  fcp: number;
  longTasks: number;
  longest: number;
  blocked: number;
}

type Window = typeof globalThis & { __longTasks: { start: number; duration: number }[] };

/** Records every long task from the document's start (a buffered observer set up before any app script runs). */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as Window).__longTasks = tasks;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No Long Tasks API: none are reported.
    }
  });
}

async function throttle(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

const readEpoch = async (page: Page) => Number((await page.locator('[data-run-status]').first().getAttribute('data-epoch')) ?? 0);

/** Opens a view (the Lab's main#lab or the Lesson's main#lesson) once every panel it shows is there. */
async function openView(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('main')).toBeVisible();
  // The Lab's panels render as the reader comes near them: scroll through, so the whole Lab is drawn.
  if (url.includes('view=lab')) await revealPanels(page);
  await expect(page.locator('[data-stage-pending]')).toHaveCount(0);
  await expect(page.locator('[data-testid="play"]:visible').first()).toBeEnabled();
}

/** The main thread's work per second while the page keeps training, traced for TRACE_SECONDS. */
async function traceWork(page: Page): Promise<FrameWork> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a launched browser');
  await browser.startTracing(page, { categories: FRAME_WORK_CATEGORIES });
  await page.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), TRACE_SECONDS * 1000);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  return frameWork(trace.traceEvents);
}

/**
 * Presses play, waits until training runs, then records rAF intervals and long tasks for SECONDS; with `traced`,
 * then also the main thread's work per second (traceWork).
 */
async function measureFrames(page: Page, url: string, rate: number, traced = false): Promise<FrameFigures> {
  await openView(page, url);
  const cdp = await page.context().newCDPSession(page);
  const play = page.locator('[data-testid="play"]:visible').first();
  await play.click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(0);
  await throttle(cdp, rate);
  // Let a throttled page settle (the first frames after switching pay for the backlog), then measure.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 1000)));
  await page.evaluate(() => ((window as unknown as Window).__longTasks.length = 0));
  const epochAtStart = await readEpoch(page);
  const started = Date.now();
  const frames = await recordFrameIntervals(page, SECONDS * 1000);
  const elapsed = (Date.now() - started) / 1000;
  const epochAtEnd = await readEpoch(page);
  const work = traced ? await traceWork(page) : undefined;
  // The figures describe training only if the run was still training when the windows closed.
  await expect(page.locator('[data-run-status]').first()).toHaveAttribute('data-running', 'true');
  const tasks = await page.evaluate(() => (window as unknown as Window).__longTasks.map((task) => task.duration));
  const kernel = await page.locator('.net-rate').first().getAttribute('data-kernel');
  await throttle(cdp, 1);
  await cdp.detach();
  const sorted = frames.slice(1).sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    p50: quantile(0.5),
    p95: quantile(0.95),
    longTasks: tasks.length,
    longest: tasks.length ? Math.max(...tasks) : 0,
    epochsPerSecond: (epochAtEnd - epochAtStart) / elapsed,
    kernel: kernel ?? 'unknown',
    work,
  };
}

/** Loads the view with the CPU slowed from the first byte on, and sums the long tasks until FCP + 3 s. */
async function measureLoad(page: Page, url: string, rate: number): Promise<LoadFigures> {
  const cdp = await page.context().newCDPSession(page);
  await throttle(cdp, rate);
  await page.goto(url);
  await expect(page.locator('main')).toBeVisible();
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  // Wait, in the page, until the window has passed (the page's clock runs at wall speed under throttling).
  await page.evaluate((end) => new Promise((done) => setTimeout(done, Math.max(0, end - performance.now()) + 200)), fcp + LOAD_WINDOW_MS);
  const tasks = await page.evaluate(
    (end) => (window as unknown as Window).__longTasks.filter((task) => task.start < end).map((task) => task.duration),
    fcp + LOAD_WINDOW_MS,
  );
  await throttle(cdp, 1);
  await cdp.detach();
  return {
    fcp,
    longTasks: tasks.length,
    longest: tasks.length ? Math.max(...tasks) : 0,
    blocked: tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medians<T extends object>(runs: T[]): Record<keyof T, number> {
  const keys = Object.keys(runs[0]) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, Number(median(runs.map((run) => Number(run[key]))).toFixed(1))])) as Record<keyof T, number>;
}

const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

/** The build under test (the suite's own server) and, with BENCH_REFERENCE, a second one to compare it with. */
interface BenchedBuild {
  label: string;
  /** Absolute base URL; a view's query is appended to it. */
  base: string;
}

const port = Number(process.env.E2E_PORT ?? 4173);
const referenceDir = process.env.BENCH_REFERENCE;
const builds: BenchedBuild[] = [
  { label: process.env.E2E_DIST ?? 'dist-e2e', base: `http://127.0.0.1:${port}/` },
  ...(referenceDir ? [{ label: referenceDir, base: `http://127.0.0.1:${port + 1}/` }] : []),
];

let referenceServer: Running | undefined;

test.beforeAll(async () => {
  if (referenceDir) referenceServer = await startPreview(port + 1, resolve(referenceDir));
});

test.afterAll(async () => {
  await referenceServer?.stop();
});

for (const view of VIEWS) {
  test(`slow CPU (${RATE}×): frames while training and load, ${view.name} @bench`, async ({ browser }) => {
    test.setTimeout(RUNS * builds.length * 4 * 60_000);
    const run = async <T,>(measure: (page: Page) => Promise<T>): Promise<T> => {
      // A fresh context each run: no cached chunks or service worker from the run before.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await observeLongTasks(page);
      try {
        return await measure(page);
      } finally {
        await context.close();
      }
    };
    const figures = builds.map(() => ({ slow: [] as FrameFigures[], fast: [] as FrameFigures[], load: [] as LoadFigures[] }));
    for (let i = 0; i < RUNS; i++) {
      // Each build takes its turn in every run; the order swaps from run to run so neither always goes first.
      const order = builds.map((_, index) => index);
      if (i % 2 === 1) order.reverse();
      for (const index of order) {
        const url = `${builds[index].base}${view.query}`;
        figures[index].slow.push(await run((page) => measureFrames(page, url, RATE, true)));
        figures[index].fast.push(await run((page) => measureFrames(page, url, 1)));
        figures[index].load.push(await run((page) => measureLoad(page, url, RATE)));
      }
    }
    for (const [index, build] of builds.entries()) {
      const s = medians(figures[index].slow);
      const f = medians(figures[index].fast);
      const l = medians(figures[index].load);
      const works = figures[index].slow.flatMap((run) => (run.work ? [run.work] : []));
      const w = medians(works.map((work) => ({ busy: work.busy, painted: work.paintedFrames, ...work.perSecond })));
      const parts = WORK_BUCKETS.map((bucket) => `${bucket} ${w[bucket]}`).join(', ');
      console.log(
        [
          `[bench] ${view.name} (${view.query}), ${build.label}, medians of ${RUNS} runs, load average ${loadAverage()}, ${os.cpus().length} cores`,
          `  ${RATE}× slower, training ${SECONDS} s: p50 ${s.p50} ms, p95 ${s.p95} ms, long tasks ${s.longTasks} (longest ${s.longest} ms), ${Math.round(s.epochsPerSecond)} twin epochs/s`,
          `    each run's p95: ${figures[index].slow.map((run) => run.p95.toFixed(1)).join(', ')} ms`,
          `    main thread, traced ${TRACE_SECONDS} s after: busy ${w.busy} ms/s (${parts}), ${w.painted} painted frames/s`,
          `    each run's busy time: ${works.map((work) => work.busy.toFixed(0)).join(', ')} ms/s`,
          `  full speed, training ${SECONDS} s: p50 ${f.p50} ms, p95 ${f.p95} ms, long tasks ${f.longTasks} (longest ${f.longest} ms), ${Math.round(f.epochsPerSecond)} twin epochs/s (${figures[index].fast[0].kernel} kernel)`,
          `  load at ${RATE}×, until FCP + ${LOAD_WINDOW_MS / 1000} s: FCP ${l.fcp} ms, long tasks ${l.longTasks} (longest ${l.longest} ms), blocked ${l.blocked} ms`,
          `    each run's blocked time: ${figures[index].load.map((run) => run.blocked.toFixed(0)).join(', ')} ms`,
        ].join('\n'),
      );
      expect(figures[index].slow.length).toBe(RUNS);
      expect(works.length).toBe(RUNS);
    }
  });
}
