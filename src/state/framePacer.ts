/**
 * When the page takes in the worker's next snapshot (issue 13: frames follow the screen, not the worker).
 *
 * Taking in a snapshot costs the main thread work: the store update, then, in the following frame, every live
 * drawing and readout. On a fast computer that fits in a frame, and every frame shows the newest snapshot. On a
 * slow one (a school Chromebook is ~4× slower) it does not: taking in a snapshot in every frame keeps the main
 * thread saturated, every frame is late, and clicks wait behind drawings. So the pacer watches the frames: the
 * time a late frame ran over is paid back with QUIET_FACTOR times as much time without new snapshots, so that
 * updates take at most about 1 / (1 + QUIET_FACTOR) of the main thread, and a snapshot is taken in only on a
 * frame that came on time. However slow the computer, a snapshot never waits longer than MAX_WAIT_MS. Snapshots
 * that arrive meanwhile are merged, so nothing is lost: the page shows fewer, complete frames.
 * The quiet time is waited out on a timer, not frame by frame (pacedBeforeNextFrame): a frame asked for only to
 * be skipped still costs a slow computer its animation frame and commit.
 * Pure timing, no DOM: the page passes requestAnimationFrame's timestamps and its timers (framePacer.test.ts).
 */

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;
/** A frame interval up to this long counts as on time (a 60 Hz frame, with room for a late vsync). */
export const ON_TIME_FRAME_MS = 25;
/** Each millisecond a frame ran late is followed by this many milliseconds without a new snapshot. */
export const QUIET_FACTOR = 3;
/**
 * However late the frames, a snapshot waits at most this long before it is taken in: the page still changes four
 * times a second on the slowest computer.
 */
export const MAX_WAIT_MS = 250;
/** A longer gap between two frames seen is a pause in the stream of snapshots (or a hidden page), not a late frame. */
export const STREAM_PAUSE_MS = 1000;

export class FramePacer {
  /** The timestamp of the last animation frame seen (−Infinity before the first). */
  private lastFrameAt = -Infinity;
  /** No snapshot is taken in before this time (unless one has waited MAX_WAIT_MS). */
  private quietUntil = -Infinity;

  /**
   * Called in every animation frame while a snapshot waits, with the frame's timestamp and the time the
   * snapshot began to wait: whether to take it in now.
   */
  onFrame(time: number, waitingSince: number): boolean {
    // A frame asked for right after a wake (below) may carry its begin time, from just before the wake.
    const at = Math.max(time, this.lastFrameAt);
    const interval = at - this.lastFrameAt;
    this.lastFrameAt = at;
    // The first frame after a pause in the stream of snapshots says nothing about the page's speed.
    const late = interval > ON_TIME_FRAME_MS && interval < STREAM_PAUSE_MS;
    if (late) this.quietUntil = Math.max(this.quietUntil, at + QUIET_FACTOR * (interval - FRAME_MS));
    if (at - waitingSince >= MAX_WAIT_MS) return true;
    return !late && at >= this.quietUntil;
  }

  /**
   * After a frame that did not take the snapshot in: how long from `now` until a frame could, or 0 when that is
   * at most a frame away (then the next frame is asked for at once).
   */
  idleBefore(now: number, waitingSince: number): number {
    const wait = Math.min(this.quietUntil, waitingSince + MAX_WAIT_MS) - now;
    return wait > FRAME_MS ? wait : 0;
  }

  /**
   * The quiet time was waited out without frames: the next frame's lateness counts from `now`, when it is asked
   * for, since the page drew nothing of ours meanwhile that it could be late with.
   */
  onWake(now: number): void {
    this.lastFrameAt = now;
  }
}

/** What pacedBeforeNextFrame needs from the page (requestAnimationFrame, setTimeout): a fake clock in the tests. */
export interface FrameClock {
  now(): number;
  requestFrame(onFrame: (time: number) => void): number;
  cancelFrame(handle: number): void;
  setTimer(onTime: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

/**
 * The training client's beforeNextFrame (ClientDeps): calls `callback` once, in the first animation frame that
 * `pacer` lets take a snapshot in. While the pacer keeps quiet it waits on a timer and asks for no frame: at 4×
 * slower CPU, skipped frames asked for one by one were 25 a second of about 6 ms each (the callback, the frame's
 * bookkeeping and a commit of nothing new), a fifth of the main thread. A hidden page draws no frames, so after
 * `noFrameMs` without one the callback runs anyway: the store, which an embedding page's bridge reads, follows.
 */
export function pacedBeforeNextFrame(pacer: FramePacer, clock: FrameClock, noFrameMs: number): (callback: () => void) => void {
  return (callback) => {
    const waitingSince = clock.now();
    let frame: number | null = null;
    let wake: number | null = null;
    const askForFrame = () => {
      wake = null;
      frame = clock.requestFrame(onFrame);
    };
    const onFrame = (time: number) => {
      frame = null;
      if (pacer.onFrame(time, waitingSince)) {
        clock.clearTimer(noFrame);
        callback();
        return;
      }
      const idle = pacer.idleBefore(clock.now(), waitingSince);
      if (idle === 0) askForFrame();
      else
        wake = clock.setTimer(() => {
          pacer.onWake(clock.now());
          askForFrame();
        }, idle);
    };
    askForFrame();
    const noFrame = clock.setTimer(() => {
      if (frame !== null) clock.cancelFrame(frame);
      if (wake !== null) clock.clearTimer(wake);
      callback();
    }, noFrameMs);
  };
}
