import { createContext } from 'react';

/**
 * How long the live drawings of one animation frame may paint, in ms, before the rest wait for the next frame.
 * At full speed the network, the loss and the fit charts paint in 1–4 ms together, so nothing waits. On a CPU 4×
 * slower (a school Chromebook, issue 13) one drawing takes about this long: the others paint in the following
 * frames, so no frame carries every drawing's painting, style and layout at once.
 */
export const FRAME_PAINT_BUDGET_MS = 8;

/**
 * The painting time of one animation frame, shared by a page's live drawings: the first to paint in a frame always
 * does; a later one paints only while less than `budgetMs` has passed since the first began, and otherwise waits
 * for the next frame (where, having asked first, it paints first). One per page (App provides it).
 */
export class FrameBudget {
  private frameTime = Number.NaN;
  private frameStartedAt = 0;

  constructor(private readonly budgetMs = FRAME_PAINT_BUDGET_MS) {}

  /** Whether a drawing may paint now, in the frame of `frameTime`, at clock time `now`. */
  admit(frameTime: number, now: number): boolean {
    if (frameTime !== this.frameTime) {
      this.frameTime = frameTime;
      this.frameStartedAt = now;
      return true;
    }
    return now - this.frameStartedAt < this.budgetMs;
  }
}

/** The page's FrameBudget; without one (unit tests, a lone chart) every drawing paints in its frame. */
export const FrameBudgetContext = createContext<FrameBudget | null>(null);
