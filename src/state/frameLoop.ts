/**
 * The page's animation frame callbacks, on one requestAnimationFrame. What it adds to the browser's own: work asked
 * for while a frame's callbacks run can join that frame (`soon`) instead of waiting for the next one.
 *
 * Why: the frame pacer (framePacer.ts) takes a snapshot in inside an animation frame, and the drawings it wakes
 * asked the browser for a frame from there, which by the HTML rules is the next one. Each snapshot then cost a
 * frame that painted nothing (about 5 ms of main thread at 4× slower CPU) and showed a frame later than it could.
 * Pure timing, no DOM: the page passes requestAnimationFrame (frameLoop.test.ts passes a fake).
 */
export type FrameCallback = (frameTime: number) => void;

/**
 * More callbacks than this in one frame means one keeps joining the frame it runs in (a bug: it should ask for the
 * next): the rest are moved to the next frame, so that the page goes on instead of hanging in a loop.
 */
export const MAX_CALLBACKS_PER_FRAME = 1000;

export class FrameLoop {
  private nextId = 1;
  /** Callbacks for the next frame, in the order asked. */
  private waiting = new Map<number, FrameCallback>();
  /** The callbacks of the frame running now (null between frames); `soon` adds to it while it runs. */
  private running: Map<number, FrameCallback> | null = null;
  private requested = false;

  constructor(private readonly requestAnimationFrame: (run: FrameCallback) => void) {}

  /** Calls back in the next animation frame, with its time. */
  next(callback: FrameCallback): number {
    const id = this.nextId++;
    this.waiting.set(id, callback);
    this.request();
    return id;
  }

  /** Calls back in the frame whose callbacks are running now, after them; between frames, in the next one. */
  soon(callback: FrameCallback): number {
    if (!this.running) return this.next(callback);
    const id = this.nextId++;
    this.running.set(id, callback);
    return id;
  }

  cancel(id: number): void {
    this.waiting.delete(id);
    this.running?.delete(id);
  }

  private request(): void {
    if (this.requested) return;
    this.requested = true;
    this.requestAnimationFrame(this.run);
  }

  private readonly run = (time: number) => {
    this.requested = false;
    const due = this.waiting;
    this.waiting = new Map();
    this.running = due;
    // As the browser does, a callback that throws does not keep the others from running; the first error is
    // thrown again once they have, so that it is still reported.
    let failure: { error: unknown } | null = null;
    let count = 0;
    // A Map's iteration also visits what `soon` adds during it; `next` adds to the following frame instead.
    for (const [id, callback] of due) {
      if (++count > MAX_CALLBACKS_PER_FRAME) {
        for (const [laterId, later] of due) this.waiting.set(laterId, later);
        failure ??= { error: new Error(`more than ${MAX_CALLBACKS_PER_FRAME} frame callbacks in one frame`) };
        this.request();
        break;
      }
      due.delete(id);
      try {
        callback(time);
      } catch (error) {
        failure ??= { error };
      }
    }
    this.running = null;
    if (failure) throw failure.error;
  };
}

/**
 * The page's animation frames: the pacer (training.ts) takes snapshots in on them, and the live drawings that a
 * snapshot wakes (ui/charts/hooks.ts) paint in the same frame.
 */
export const pageFrames = new FrameLoop((run) => requestAnimationFrame(run));
