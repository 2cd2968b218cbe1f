import { describe, expect, it } from 'vitest';
import { FrameLoop, MAX_CALLBACKS_PER_FRAME, type FrameCallback } from './frameLoop';

/** A FrameLoop on a fake requestAnimationFrame: `frame(t)` runs what the browser would at time t. */
function harness() {
  let pending: FrameCallback[] = [];
  const loop = new FrameLoop((run) => pending.push(run));
  const frame = (time: number) => {
    const due = pending;
    pending = [];
    for (const run of due) run(time);
  };
  return { loop, frame, requests: () => pending.length };
}

describe('FrameLoop', () => {
  it('runs what is asked for in the next frame, in order, with the frame time, on one browser request', () => {
    const h = harness();
    const seen: string[] = [];
    h.loop.next((t) => seen.push(`a@${t}`));
    h.loop.next((t) => seen.push(`b@${t}`));
    expect(h.requests()).toBe(1);
    h.frame(16);
    expect(seen).toEqual(['a@16', 'b@16']);
    h.frame(33);
    expect(seen).toHaveLength(2);
  });

  it('lets work asked for during a frame join it with `soon`, and keeps `next` for the following frame', () => {
    const h = harness();
    const seen: string[] = [];
    // The pacer takes a snapshot in; the drawing it wakes joins the same frame, and one that must wait (its
    // frame's painting time spent) asks for the next.
    h.loop.next((t) => {
      seen.push(`pacer@${t}`);
      h.loop.soon((t2) => {
        seen.push(`drawing@${t2}`);
        h.loop.next((t3) => seen.push(`waited@${t3}`));
      });
    });
    h.frame(16);
    expect(seen).toEqual(['pacer@16', 'drawing@16']);
    h.frame(33);
    expect(seen).toEqual(['pacer@16', 'drawing@16', 'waited@33']);
  });

  it('between frames, `soon` is the next frame', () => {
    const h = harness();
    const seen: number[] = [];
    h.loop.soon((t) => seen.push(t));
    expect(seen).toEqual([]);
    h.frame(50);
    expect(seen).toEqual([50]);
  });

  it('cancels a callback waiting for the next frame or joining the running one', () => {
    const h = harness();
    const seen: string[] = [];
    const later = h.loop.next(() => seen.push('cancelled'));
    h.loop.cancel(later);
    h.loop.next(() => {
      const id = h.loop.soon(() => seen.push('cancelled too'));
      h.loop.cancel(id);
      seen.push('ran');
    });
    h.frame(16);
    expect(seen).toEqual(['ran']);
  });

  it('a callback that throws keeps neither the others of its frame nor later frames from running', () => {
    const h = harness();
    const seen: string[] = [];
    h.loop.next(() => {
      h.loop.soon(() => seen.push('joined'));
      throw new Error('drawing failed');
    });
    h.loop.next(() => seen.push('second'));
    expect(() => h.frame(16)).toThrow('drawing failed');
    expect(seen).toEqual(['second', 'joined']);
    h.loop.soon(() => seen.push('later'));
    h.frame(33);
    expect(seen).toEqual(['second', 'joined', 'later']);
  });

  it('a callback that keeps joining its own frame is moved to the next one instead of hanging the page', () => {
    const h = harness();
    let runs = 0;
    const again = () => {
      runs++;
      h.loop.soon(again);
    };
    h.loop.next(again);
    expect(() => h.frame(16)).toThrow(/frame callbacks in one frame/);
    expect(runs).toBe(MAX_CALLBACKS_PER_FRAME);
    expect(h.requests()).toBe(1);
  });
});
