import { describe, expect, it } from 'vitest';
import { FRAME_MS, FramePacer, MAX_WAIT_MS, QUIET_FACTOR } from './framePacer';

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
