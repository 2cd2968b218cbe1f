/**
 * What the page's main thread does while it trains, read from a Chromium performance trace: the busy time per
 * second split into the script, style, layout, paint, commit and hit-test work the frames are made of.
 *
 * Why: at 4× slower CPU the frame intervals of e2e/slowcpu.bench.spec.ts land on two or three vsyncs (33.4 or
 * 50 ms) depending on the 2-core machine's load, so a change of a few milliseconds of work per frame cannot be
 * seen in them. The work itself is far steadier (the main thread is slowed by a fixed factor), so this is what a
 * change to the drawing is judged by; the frame intervals stay what a student sees.
 *
 * Each main-thread event's own time (its duration minus its children's) goes to the bucket of its nearest
 * enclosing event that has one (itself first), so that a layout forced inside a script counts as layout and a
 * script inside a layout (a ResizeObserver callback) as script; time no named event explains is `other`.
 */

/** One complete event of a Chromium trace (the JSON trace format's "X" events; others are ignored). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export const WORK_BUCKETS = ['script', 'style', 'layout', 'paint', 'commit', 'hitTest', 'other'] as const;
export type WorkBucket = (typeof WORK_BUCKETS)[number];

/** The trace events that name a kind of work, by the names Chromium's devtools.timeline categories use. */
const BUCKET_OF: Readonly<Record<string, WorkBucket>> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'script',
  'v8.evaluateModule': 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  HandlePostMessage: 'script',
  MinorGC: 'script',
  MajorGC: 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'commit',
  HitTest: 'hitTest',
};

/** The categories to trace for frameWork (Playwright's browser.startTracing). */
export const FRAME_WORK_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** A top-level task of the main thread (every event of the thread's work is inside one). */
const TASK = 'RunTask';

export interface FrameWork {
  /** The traced span, from the first task's start to the last task's end, in s. */
  seconds: number;
  /** Main-thread busy time, in ms per second. */
  busy: number;
  /** Busy time per bucket, in ms per second. */
  perSecond: Record<WorkBucket, number>;
  /** Frames per second that painted something (tasks with a paint); frames with nothing new only commit. */
  paintedFrames: number;
}

/** The page's main thread: the renderer main thread with the most script calls (other renderers are idle tabs). */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | null = null;
  let bestCalls = 0;
  for (const thread of mains) {
    const calls = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.name === 'FunctionCall').length;
    if (calls > bestCalls) {
      best = { pid: thread.pid, tid: thread.tid };
      bestCalls = calls;
    }
  }
  return best;
}

export function frameWork(events: readonly TraceEvent[]): FrameWork {
  const empty = Object.fromEntries(WORK_BUCKETS.map((bucket) => [bucket, 0])) as Record<WorkBucket, number>;
  const thread = mainThread(events);
  const own = thread
    ? events
        .filter((event) => event.ph === 'X' && event.dur !== undefined && event.pid === thread.pid && event.tid === thread.tid)
        // Parents before their children: by start, and the longer first at the same start.
        .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
    : [];
  const totals = { ...empty };
  let frames = 0;
  // The traced span: from the first task's start to the last task's end.
  let first = Infinity;
  let last = -Infinity;
  // Walk the events as a tree: a stack of open events, each with the bucket it passes to its children.
  const stack: { end: number; bucket: WorkBucket | null; childTime: number; dur: number }[] = [];
  let taskHasPaint = false;
  const close = () => {
    const done = stack.pop()!;
    totals[done.bucket ?? 'other'] += done.dur - done.childTime;
    if (stack.length === 0 && taskHasPaint) frames++;
  };
  for (const event of own) {
    const end = event.ts + (event.dur ?? 0);
    while (stack.length > 0 && stack[stack.length - 1].end <= event.ts) close();
    if (stack.length === 0) {
      // Only tasks open a tree: events outside any task (trace bookkeeping) are not the page's work.
      if (event.name !== TASK) continue;
      taskHasPaint = false;
      first = Math.min(first, event.ts);
      last = Math.max(last, end);
    } else if (end > stack[stack.length - 1].end) {
      // Overlapping but not nested (a clock's rounding): not part of this tree.
      continue;
    }
    if (event.name === 'Paint') taskHasPaint = true;
    const parent = stack[stack.length - 1];
    if (parent) parent.childTime += event.dur ?? 0;
    stack.push({ end, bucket: BUCKET_OF[event.name] ?? parent?.bucket ?? null, childTime: 0, dur: event.dur ?? 0 });
  }
  while (stack.length > 0) close();
  if (last <= first) return { seconds: 0, busy: 0, perSecond: empty, paintedFrames: 0 };

  const seconds = (last - first) / 1e6;
  const perSecond = Object.fromEntries(WORK_BUCKETS.map((bucket) => [bucket, totals[bucket] / 1000 / seconds])) as Record<WorkBucket, number>;
  const busy = WORK_BUCKETS.reduce((sum, bucket) => sum + perSecond[bucket], 0);
  return { seconds, busy, perSecond, paintedFrames: frames / seconds };
}
