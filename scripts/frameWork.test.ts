import { describe, expect, it } from 'vitest';
import { frameWork, type TraceEvent } from './frameWork';

const MAIN = { pid: 7, tid: 1 };
const ms = 1000;

/** A complete event on `thread`, from `start` to `end` ms. */
function x(name: string, start: number, end: number, thread = MAIN): TraceEvent {
  return { name, ph: 'X', ts: start * ms, dur: (end - start) * ms, ...thread };
}

const threadNames: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 9, tid: 1, args: { name: 'CrRendererMain' } },
];

/** One 10 ms frame: a rAF script that forces a layout, then the frame's paint. */
const frame: TraceEvent[] = [
  x('RunTask', 0, 10),
  x('FireAnimationFrame', 1, 6),
  x('FunctionCall', 1, 5),
  x('Layout', 2, 3),
  x('Paint', 7, 9),
];

describe('frameWork', () => {
  it("gives each event's own time to its nearest bucket: a forced layout is layout, a script's remainder script", () => {
    const work = frameWork([...threadNames, ...frame]);
    expect(work.seconds).toBeCloseTo(0.01);
    // Per second over the 10 ms traced: script 1 + 3 ms, layout 1, paint 2, the task's own 3 ms other.
    expect(work.perSecond.script).toBeCloseTo(400);
    expect(work.perSecond.layout).toBeCloseTo(100);
    expect(work.perSecond.paint).toBeCloseTo(200);
    expect(work.perSecond.other).toBeCloseTo(300);
    expect(work.perSecond.style).toBe(0);
    expect(work.busy).toBeCloseTo(1000);
    expect(work.paintedFrames).toBeCloseTo(100);
  });

  it('passes a bucket down to unnamed children (a garbage collection inside a script is script)', () => {
    const work = frameWork([...threadNames, x('RunTask', 0, 10), x('FunctionCall', 0, 10), x('V8.GC_SCAVENGER', 2, 6)]);
    expect(work.perSecond.script).toBeCloseTo(1000);
    expect(work.paintedFrames).toBe(0);
  });

  it('reads only the page: the renderer thread with the most script calls, and only inside its tasks', () => {
    const idleTab = { pid: 9, tid: 1 };
    const events = [
      ...threadNames,
      ...frame,
      x('RunTask', 0, 50, idleTab),
      x('Layout', 1, 40, idleTab),
      // Outside any task of the page: not its work.
      x('Layout', 20, 25),
      x('RunTask', 30, 40),
    ];
    const work = frameWork(events);
    expect(work.seconds).toBeCloseTo(0.04);
    expect(work.perSecond.layout).toBeCloseTo(1000 / 40);
    expect(work.busy).toBeCloseTo((20 * 1000) / 40);
    expect(work.paintedFrames).toBeCloseTo(1 / 0.04);
  });

  it('finds no work in a trace without the page', () => {
    expect(frameWork([]).busy).toBe(0);
  });
});
