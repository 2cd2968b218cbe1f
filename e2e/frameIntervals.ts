import type { Page } from '@playwright/test';

/**
 * The intervals between animation frames over `ms` milliseconds, measured in the page: what a student sees as
 * smooth or jerky. Shared by the benchmarks (frames.bench.spec.ts, slowcpu.bench.spec.ts), which print medians.
 */
export function recordFrameIntervals(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const end = last + duration;
        const tick = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}
