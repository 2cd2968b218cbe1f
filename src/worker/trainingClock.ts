/**
 * The worker's clock, without the worker: which training work is due at a given moment for each speed. Pure and
 * time-injected, so the pacing rules are unit-tested in Node (trainingClock.test.ts) instead of by watching a page.
 */
import type { Speed } from './protocol';

export const CLOCK = Object.freeze({
  /** Training time per slice at full speed before yielding, so commands and pings are answered within ~12 ms. */
  sliceMs: 10,
  /** At most one snapshot per animation frame. */
  snapshotMs: 16,
  /**
   * Snapshots posted and not yet taken in by the page (see the 'snapshotsTaken' command): the next one waits.
   * Two, not one: while the page takes in one, the next is already on its way, so a page that keeps up still gets
   * a new snapshot every frame. A slow page takes in fewer, and is sent fewer: 4× slower, each message it no
   * longer receives is a structured-clone decode (and its merge) that no longer competes with its frames.
   */
  unreadSnapshots: 2,
  /** Full speed: the mask shown is resampled this often, so the blinking is watchable rather than a flicker. */
  displayMs: 200,
  /** 'steps': one training step (forward pass + update) this often, ~4 per second. */
  stepsIntervalMs: 250,
  /** 'slow': one forward pass per this long; the view is told how far the pass has travelled through the layers. */
  slowIntervalMs: 1200,
  /** Fit predictions at most this often (a 40×40 region costs far more than a 200-point curve). */
  curveFitMs: 250,
  regionFitMs: 600,
});

/** What the clock wants done now. */
export interface ClockDecision {
  /** Training steps to take now; 'slice' means "as many as fit in CLOCK.sliceMs". */
  steps: number | 'slice';
  /** Milliseconds until the clock wants to run again (0 = as soon as messages are handled), null = idle. */
  nextInMs: number | null;
}

/**
 * Paced steps for 'steps' and 'slow', a time slice for 'full'. `lastStepAt` is when the previous paced step was
 * taken (−Infinity if none yet), so switching speed never replays missed steps in a burst.
 */
export function decide(speed: Speed, running: boolean, now: number, lastStepAt: number): ClockDecision {
  if (!running) return { steps: 0, nextInMs: null };
  if (speed === 'full') return { steps: 'slice', nextInMs: 0 };
  const interval = speed === 'steps' ? CLOCK.stepsIntervalMs : CLOCK.slowIntervalMs;
  const due = lastStepAt + interval;
  if (now >= due) return { steps: 1, nextInMs: interval };
  return { steps: 0, nextInMs: Math.max(1, due - now) };
}

/**
 * Slow motion reveals a pass layer by layer over the first part of its interval (the rest is time to look at the
 * finished pass). Returns how many of `layerCount` layers (input first) the view should show as computed.
 */
export function revealedLayers(speed: Speed, layerCount: number, msSincePass: number): number {
  if (speed !== 'slow') return layerCount;
  const travelMs = CLOCK.slowIntervalMs * 0.6;
  const perLayer = travelMs / layerCount;
  return Math.min(layerCount, 1 + Math.floor(Math.max(0, msSincePass) / perLayer));
}

/** Milliseconds until the reveal of a slow pass reaches its next layer, or null when it is complete. */
export function nextRevealInMs(speed: Speed, layerCount: number, msSincePass: number): number | null {
  const shown = revealedLayers(speed, layerCount, msSincePass);
  if (shown >= layerCount) return null;
  const perLayer = (CLOCK.slowIntervalMs * 0.6) / layerCount;
  return Math.max(1, shown * perLayer - msSincePass);
}

/** Training throughput over a sliding window of (time, epoch) samples. */
export class ThroughputMeter {
  private readonly samples: { at: number; epoch: number }[] = [];
  constructor(private readonly windowMs = 1000) {}

  record(at: number, epoch: number): void {
    this.samples.push({ at, epoch });
    while (this.samples.length > 2 && at - this.samples[1].at >= this.windowMs) this.samples.shift();
  }

  /** Epochs per second over the window; 0 until two samples are at least 100 ms apart. */
  epochsPerSecond(): number {
    if (this.samples.length < 2) return 0;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const span = last.at - first.at;
    return span >= 100 ? ((last.epoch - first.epoch) * 1000) / span : 0;
  }

  clear(): void {
    this.samples.length = 0;
  }
}
