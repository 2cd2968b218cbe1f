/**
 * When the page takes in the worker's next snapshot (issue 13: frames follow the screen, not the worker).
 *
 * Taking in a snapshot costs the main thread work: the store update, then, in the same frame (frameLoop.ts), every
 * live drawing it changes, and the readouts. On a fast computer that fits in a frame, and every frame shows the
 * newest snapshot. On a slow one (a school Chromebook is ~4× slower) it does not: taking in a snapshot in every
 * frame keeps the main thread saturated, every frame is late, and clicks wait behind drawings. So the pacer watches
 * the frames: the time a late frame ran over is paid back with QUIET_FACTOR times as much time without new
 * snapshots, so that updates take at most about 1 / (1 + QUIET_FACTOR) of the main thread, and a snapshot is
 * taken in only on a frame that came on time. However slow the computer, a snapshot never waits longer than
 * MAX_WAIT_MS. Snapshots that arrive meanwhile are merged, so nothing is lost: the page shows fewer, complete
 * frames.
 * Pure timing, no DOM: the page passes requestAnimationFrame's timestamps (framePacer.test.ts).
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
    const interval = time - this.lastFrameAt;
    this.lastFrameAt = time;
    // The first frame after a pause in the stream of snapshots says nothing about the page's speed.
    const late = interval > ON_TIME_FRAME_MS && interval < STREAM_PAUSE_MS;
    if (late) this.quietUntil = Math.max(this.quietUntil, time + QUIET_FACTOR * (interval - FRAME_MS));
    if (time - waitingSince >= MAX_WAIT_MS) return true;
    return !late && time >= this.quietUntil;
  }
}
