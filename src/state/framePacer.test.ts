import { describe, expect, it } from 'vitest';
import { FRAME_MS, FramePacer, MAX_WAIT_MS, QUIET_FACTOR, pacedBeforeNextFrame, type FrameClock } from './framePacer';

/** Feeds frames `interval` ms apart from `start` until the pacer says yes; returns the time it did, or null. */
function firstTakenFrame(pacer: FramePacer, start: number, interval: number, waitingSince: number, frames = 100): number | null {
  for (let i = 0; i < frames; i++) {
    const time = start + i * interval;
    if (pacer.onFrame(time, waitingSince)) return time;
  }
  return null;
}

describe('the frame pacer', () => {
  it('takes a snapshot in on every frame while the frames come on time', () => {
    const pacer = new FramePacer();
    pacer.onFrame(0, 0);
    for (let i = 1; i < 120; i++) expect(pacer.onFrame(i * FRAME_MS, (i - 1) * FRAME_MS)).toBe(true);
  });

  it('after a late frame, waits for QUIET_FACTOR times the overrun, on time, before the next snapshot', () => {
    const pacer = new FramePacer();
    pacer.onFrame(0, 0);
    pacer.onFrame(FRAME_MS, 0);
    // The work of the last update made this frame 60 ms late; a snapshot has been waiting since then.
    const overrun = 60;
    const lateAt = 2 * FRAME_MS + overrun;
    expect(QUIET_FACTOR * overrun).toBeLessThan(MAX_WAIT_MS);
    expect(pacer.onFrame(lateAt, lateAt)).toBe(false);
    const taken = firstTakenFrame(pacer, lateAt + FRAME_MS, FRAME_MS, lateAt);
    expect(taken).not.toBeNull();
    expect(taken! - lateAt).toBeGreaterThanOrEqual(QUIET_FACTOR * overrun);
    expect(taken! - lateAt).toBeLessThan(QUIET_FACTOR * overrun + 2 * FRAME_MS);
  });

  it('never keeps a snapshot waiting longer than MAX_WAIT_MS, however late the frames', () => {
    const pacer = new FramePacer();
    pacer.onFrame(0, 0);
    const taken = firstTakenFrame(pacer, 80, 80, 0);
    expect(taken).not.toBeNull();
    expect(taken!).toBeGreaterThanOrEqual(MAX_WAIT_MS);
    expect(taken!).toBeLessThan(MAX_WAIT_MS + 80);
  });

  it('does not count a pause in the stream of snapshots as a late frame', () => {
    const pacer = new FramePacer();
    pacer.onFrame(0, 0);
    // Two seconds without a snapshot waiting (paused training), then one arrives.
    expect(pacer.onFrame(2000, 1995)).toBe(true);
  });
});

/**
 * A page's clock on fake time: timers fire at their time, and a requested animation frame comes at the next vsync,
 * unless `frameDelay` holds the page busy (the work of the last update) until a later one.
 */
function fakePage(frameDelay: (requestedAt: number) => number = () => 0) {
  let now = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const frames = new Map<number, { at: number; run: (time: number) => void }>();
  const requestedAt: number[] = [];
  const clock: FrameClock = {
    now: () => now,
    requestFrame: (onFrame) => {
      requestedAt.push(now);
      const vsync = (Math.floor(now / FRAME_MS) + 1) * FRAME_MS;
      frames.set(nextHandle, { at: vsync + frameDelay(now), run: onFrame });
      return nextHandle++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
    setTimer: (onTime, ms) => {
      timers.set(nextHandle, { at: now + ms, run: onTime });
      return nextHandle++;
    },
    clearTimer: (handle) => void timers.delete(handle),
  };
  /** Runs the earliest timer or frame; false when nothing is scheduled. */
  const step = (): boolean => {
    const due: { handle: number; at: number; kind: 'timer' | 'frame' }[] = [
      ...[...timers.entries()].map(([handle, t]) => ({ handle, at: t.at, kind: 'timer' as const })),
      ...[...frames.entries()].map(([handle, f]) => ({ handle, at: f.at, kind: 'frame' as const })),
    ];
    if (due.length === 0) return false;
    const first = due.reduce((a, b) => (b.at < a.at ? b : a));
    now = Math.max(now, first.at);
    if (first.kind === 'timer') {
      const timer = timers.get(first.handle)!;
      timers.delete(first.handle);
      timer.run();
    } else {
      const frame = frames.get(first.handle)!;
      frames.delete(first.handle);
      frame.run(first.at);
    }
    return true;
  };
  const pending = () => timers.size + frames.size;
  return { clock, step, requestedAt, pending, time: () => now };
}

describe('waiting for a frame that may take a snapshot in (pacedBeforeNextFrame)', () => {
  it('asks for no frame while the pacer keeps quiet after a late frame, and takes the snapshot in right after', () => {
    // The page's update of the first snapshot makes the frame after it 60 ms late.
    const overrun = 60;
    const page = fakePage((at) => (at > FRAME_MS && at < 2 * FRAME_MS ? overrun : 0));
    const beforeNextFrame = pacedBeforeNextFrame(new FramePacer(), page.clock, 10_000);
    const takenAt: number[] = [];
    const wait = () => beforeNextFrame(() => takenAt.push(page.time()));
    // A snapshot arrives at 0, is taken in on the next frame, and another arrives 1 ms later.
    wait();
    page.step();
    expect(takenAt).toEqual([FRAME_MS]);
    page.clock.setTimer(wait, 1);
    while (takenAt.length < 2 && page.step());
    // Its frame came late, at 2 frames + the overrun: the pacer keeps quiet for QUIET_FACTOR times the overrun.
    const lateFrameAt = 2 * FRAME_MS + overrun;
    const quietEnd = lateFrameAt + QUIET_FACTOR * overrun;
    expect(page.requestedAt.filter((at) => at >= lateFrameAt && at < quietEnd - FRAME_MS)).toEqual([]);
    expect(takenAt[1]).toBeGreaterThanOrEqual(quietEnd);
    expect(takenAt[1]).toBeLessThan(quietEnd + 2 * FRAME_MS);
    // Each wait's no-frame timer was cleared when its frame took the snapshot in.
    expect(page.pending()).toBe(0);
  });

  it('takes a snapshot in on the next frame while the frames come on time, with no timer between', () => {
    const page = fakePage();
    const beforeNextFrame = pacedBeforeNextFrame(new FramePacer(), page.clock, 10_000);
    const takenAt: number[] = [];
    for (let i = 0; i < 30; i++) {
      beforeNextFrame(() => takenAt.push(page.time()));
      while (takenAt.length <= i && page.step());
    }
    expect(takenAt).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) * FRAME_MS));
    expect(page.requestedAt).toHaveLength(30);
  });

  it('on a page that draws no frame (a hidden tab), calls back after noFrameMs and leaves nothing scheduled', () => {
    const page = fakePage(() => 1e9);
    const beforeNextFrame = pacedBeforeNextFrame(new FramePacer(), page.clock, 250);
    const takenAt: number[] = [];
    beforeNextFrame(() => takenAt.push(page.time()));
    page.step();
    expect(takenAt).toEqual([250]);
    expect(page.pending()).toBe(0);
  });

  it('counts the lateness of the frame after a wake from the wake, not from the last frame seen', () => {
    const pacer = new FramePacer();
    pacer.onFrame(0, 0);
    expect(pacer.onFrame(100, 50)).toBe(false);
    const quiet = pacer.idleBefore(100, 50);
    expect(quiet).toBeGreaterThan(FRAME_MS);
    // Woken when the quiet time is over; the frame then asked for is stamped with its begin time, a little earlier.
    pacer.onWake(100 + quiet);
    expect(pacer.onFrame(100 + quiet - 2, 50)).toBe(true);
  });
});
