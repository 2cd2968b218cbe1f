import { describe, expect, it } from 'vitest';
import { OFFSCREEN_REDRAW_MS, RedrawScheduler, type FrameClock } from './hooks';
import { FRAME_PAINT_BUDGET_MS, FrameBudget } from './frameBudget';
import { FrameLoop } from '../../state/frameLoop';

/**
 * A fake clock: frames run when `frame()` is called, timers when time is advanced past them. The frames are the
 * page's FrameLoop on a fake requestAnimationFrame, so a drawing asked for during a frame joins it, as in the page.
 */
function fakeClock() {
  let time = 0;
  let nextId = 1;
  let browserFrames: ((frameTime: number) => void)[] = [];
  const loop = new FrameLoop((run) => browserFrames.push(run));
  const scheduled = new Set<number>();
  /** Asks `ask` for a frame callback and counts it as pending until it runs or is cancelled. */
  const track = (ask: (run: (frameTime: number) => void) => number, callback: (frameTime: number) => void) => {
    const id = ask((t) => {
      scheduled.delete(id);
      callback(t);
    });
    scheduled.add(id);
    return id;
  };
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: FrameClock = {
    requestFrame: (callback) => track((run) => loop.soon(run), callback),
    requestNextFrame: (callback) => track((run) => loop.next(run), callback),
    cancelFrame: (id) => {
      scheduled.delete(id);
      loop.cancel(id);
    },
    setTimer: (callback, ms) => {
      timers.set(nextId, { at: time + ms, callback });
      return nextId++;
    },
    clearTimer: (id) => timers.delete(id),
    now: () => time,
  };
  return {
    clock,
    /** Runs the animation frame: every frame callback requested so far, and those that join it. */
    frame() {
      const due = browserFrames;
      browserFrames = [];
      for (const run of due) run(time);
    },
    advance(ms: number) {
      time += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= time) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
    /** Callbacks waiting for a frame. */
    pendingFrames: () => scheduled.size,
    pendingTimers: () => timers.size,
    /** Runs `work` inside a frame, as the pacer does when it takes a snapshot in. */
    inFrame(work: () => void) {
      loop.next(() => work());
      this.frame();
    },
  };
}

function setup(offscreen: 'slow' | 'pause' = 'slow', minIntervalMs = () => 0) {
  const fake = fakeClock();
  let paints = 0;
  const scheduler = new RedrawScheduler(() => paints++, offscreen, minIntervalMs, fake.clock);
  return { fake, scheduler, paints: () => paints };
}

describe('RedrawScheduler', () => {
  it('paints at most once per frame however many changes arrive', () => {
    const { fake, scheduler, paints } = setup();
    scheduler.paintNow();
    for (let i = 0; i < 10; i++) scheduler.request();
    expect(fake.pendingFrames()).toBe(1);
    fake.frame();
    expect(paints()).toBe(2);
    fake.frame();
    expect(paints()).toBe(2);
  });

  it("'slow': out of view it paints once per OFFSCREEN_REDRAW_MS, and at once when back in view", () => {
    const { fake, scheduler, paints } = setup('slow');
    scheduler.paintNow();
    scheduler.setVisible(false);
    scheduler.request();
    expect(fake.pendingFrames()).toBe(0);
    fake.advance(OFFSCREEN_REDRAW_MS - 1);
    expect(fake.pendingFrames()).toBe(0);
    fake.advance(1);
    fake.frame();
    expect(paints()).toBe(2);
    scheduler.request();
    fake.advance(100);
    scheduler.setVisible(true);
    fake.frame();
    expect(paints()).toBe(3);
  });

  it("'pause': out of view nothing is painted, however long; the latest change is painted once on return", () => {
    const { fake, scheduler, paints } = setup('pause');
    scheduler.paintNow();
    scheduler.request(); // a frame is pending when the element scrolls away: it is dropped
    scheduler.setVisible(false);
    for (let i = 0; i < 100; i++) {
      scheduler.request();
      scheduler.repaint();
      fake.advance(OFFSCREEN_REDRAW_MS);
      fake.frame();
    }
    expect(paints()).toBe(1);
    expect(fake.pendingFrames() + fake.pendingTimers()).toBe(0);
    scheduler.setVisible(true);
    fake.frame();
    expect(paints()).toBe(2);
    // Nothing new since: coming back into view again paints nothing.
    scheduler.setVisible(false);
    scheduler.setVisible(true);
    fake.frame();
    expect(paints()).toBe(2);
  });

  it('keeps the least interval between paints while in view (reduced motion)', () => {
    const { fake, scheduler, paints } = setup('slow', () => 500);
    scheduler.paintNow();
    fake.advance(100);
    scheduler.request();
    fake.frame();
    expect(paints()).toBe(1);
    fake.advance(399);
    fake.frame();
    expect(paints()).toBe(1);
    fake.advance(1);
    fake.frame();
    expect(paints()).toBe(2);
  });

  it('cancel leaves nothing pending', () => {
    const { fake, scheduler } = setup('slow', () => 500);
    scheduler.request();
    scheduler.cancel();
    expect(scheduler.pending).toBe(false);
    expect(fake.pendingFrames() + fake.pendingTimers()).toBe(0);
  });
});

describe('FrameBudget: the live drawings of a page share each frame', () => {
  /** Drawings on one fake clock and one budget, each taking `costs[i]` ms of the clock to paint. */
  function drawings(costs: number[]) {
    const fake = fakeClock();
    const budget = new FrameBudget();
    const painted: number[][] = [];
    let frame = 0;
    const schedulers = costs.map((cost, index) => new RedrawScheduler(() => {
      (painted[frame] ??= []).push(index);
      fake.advance(cost);
    }, 'slow', () => 0, fake.clock, budget));
    return {
      request: () => schedulers.forEach((scheduler) => scheduler.request()),
      /** The drawings woken inside a frame, as by a snapshot the pacer takes in there; the frame then ends. */
      requestInFrame: () => {
        fake.inFrame(() => schedulers.forEach((scheduler) => scheduler.request()));
        frame++;
      },
      frame: () => {
        fake.frame();
        frame++;
      },
      painted,
      pending: () => fake.pendingFrames(),
    };
  }

  it('lets every drawing paint in the same frame while they are quick (a fast computer)', () => {
    const page = drawings([1, 2, 1]);
    page.request();
    page.frame();
    expect(page.painted).toEqual([[0, 1, 2]]);
    expect(page.pending()).toBe(0);
  });

  it('moves the drawings that would overrun the frame to the next ones, first come first painted (a slow computer)', () => {
    const page = drawings([FRAME_PAINT_BUDGET_MS + 4, 5, 6]);
    page.request();
    page.frame();
    page.frame();
    expect(page.painted).toEqual([[0], [1, 2]]);
    expect(page.pending()).toBe(0);
  });

  it('drawings woken inside a frame paint in it, and those the budget turns away wait for the next one', () => {
    const page = drawings([FRAME_PAINT_BUDGET_MS + 4, 5, 6]);
    page.requestInFrame();
    expect(page.painted).toEqual([[0]]);
    // Not painted again and again in the frame that turned them away: they wait for the next.
    expect(page.pending()).toBe(2);
    page.frame();
    expect(page.painted).toEqual([[0], [1, 2]]);
    expect(page.pending()).toBe(0);
  });

  it('paints a drawing alone in its frame however long it takes, so nothing waits forever', () => {
    const page = drawings([50, 50, 50]);
    page.request();
    page.frame();
    page.frame();
    page.frame();
    expect(page.painted).toEqual([[0], [1], [2]]);
  });
});
