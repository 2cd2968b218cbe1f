import { test, expect, openLesson } from './fixtures';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

/**
 * The start-up script asks V8 for no line numbers. Under an inspector (DevTools, this test, the slow-CPU bench)
 * V8 records each new Error's stack with line numbers, and finds them by re-parsing every function on the stack.
 * React DOM built five such errors as it started, inside its 200 kB module function: 58-79 ms of re-parsing in a
 * start-up task of 80-110 ms on this machine, four times that in the bench's slow-CPU load. The build now gives
 * those tokens no stack (scripts/reactSentinels.ts). Counted in Chromium's own trace of the load, so an Error
 * built while a module is evaluated, by React or by the app, fails here.
 */
test('the entry module runs without V8 re-parsing a function for line numbers', async ({ page, browser, browserName }) => {
  test.skip(browserName !== 'chromium', 'the trace is Chromium’s');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-v8.compile'] });
  await openLesson(page, '?view=lesson&locale=en');
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[];
  const pageUrl = new URL(page.url()).origin;
  const document = events.find((event) => event.name === 'ParseHTML' && (event.args?.beginData?.url ?? '').startsWith(pageUrl));
  expect(document, 'the trace shows the page being parsed (else this test checks nothing)').toBeDefined();
  const onPageThread = (event: TraceEvent) => event.pid === document!.pid && event.tid === document!.tid;
  const modules = events.filter((event) => event.name === 'v8.evaluateModule' && event.ph === 'X' && onPageThread(event));
  expect(modules.length, 'module evaluations in the trace').toBeGreaterThan(0);
  const reparses = events.filter((event) => event.name === 'V8.CollectSourcePositions' && onPageThread(event));
  const duringModules = reparses.filter((event) =>
    modules.some((module) => event.ts >= module.ts && event.ts <= module.ts + (module.dur ?? 0)),
  );
  const milliseconds = duringModules.reduce((total, event) => total + (event.dur ?? 0), 0) / 1000;
  expect(duringModules.length, `re-parses for line numbers while modules ran (${milliseconds.toFixed(1)} ms)`).toBe(0);
});
