/**
 * Staged first render. Mounting every panel in one go made start-up a single long task (React's render of all
 * panels, their d3 drawing and the layout of the whole page), so the page could not answer input for half a
 * second on a phone. Instead the first panel (the one in view) mounts with the shell, and the others follow
 * one per task, in page order, each rendered as a transition (React yields while rendering it). Their code is
 * lazy-loaded too (see panelChunks.ts and lazyPart.tsx): all chunks are requested at once, after the first
 * paint, but a stage is revealed only once its own chunk is here, so panels still mount one per task even when
 * their chunks arrive together (they often do). A chunk that cannot be downloaded (offline before the lab was
 * saved) gets a message in its place, while the rest of the page goes on working.
 *
 * A stage is also revealed only once the reader comes near it: when its box is less than a screen below the
 * viewport (or above it, after a jump). On a phone the Lab opens on the tall tensor lab, and mounting the five
 * panels below it, which nobody sees yet, was most of what a slow CPU did in its first seconds (each one 100–
 * 250 ms of script, style and layout at 4×). Ten seconds after the first paint the rest come anyway, at idle
 * moments, and printing reveals every stage first.
 *
 * While waiting, a panel's heading and enlarge button are already there (landmarks, shortcuts and the focus
 * layout work at once); only its body is a placeholder that reserves room, so the page barely moves when it
 * fills in — and it fills in below the fold.
 */
import { createContext, startTransition, use, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { ChunkFailed, PartPending, useLazyPart, type LazyPart } from './lazyPart';

/** The stages after the first render, in page order. */
export const STAGE_ORDER = ['tensor', 'network', 'loss', 'fit', 'settings', 'sweep', 'explain'] as const;
export type StageName = (typeof STAGE_ORDER)[number];

/**
 * The box that holds each stage's place until its part is here, by class (see .stage-placeholder in styles.css):
 * one list for the Lab's stages and the Lesson's figure, which shows the same panels.
 */
export const STAGE_PLACEHOLDER_CLASS: Readonly<Record<StageName, string>> = {
  tensor: 'stage-placeholder stage-tensor',
  network: 'stage-placeholder stage-network',
  loss: 'stage-placeholder stage-chart',
  fit: 'stage-placeholder stage-chart',
  settings: 'stage-placeholder stage-section',
  sweep: 'stage-placeholder stage-section',
  explain: 'stage-placeholder stage-section',
};

/** How many stages have been revealed; everything is revealed where there is no StagedRoot (tests, tools). */
const StageContext = createContext<number>(STAGE_ORDER.length);

/** The lazy part of each stage on the page, registered by its Staged (stages the page does not show are absent). */
const PartsContext = createContext<Map<StageName, LazyPart<object>> | null>(null);

/** How far below the viewport a stage starts to render, in viewport heights: a reader scrolling down finds it drawn. */
const APPROACH_VIEWPORTS = 1;

/**
 * How long after the first paint the stages still far away are revealed anyway, one at a moment the browser is
 * idle: then find-in-page, a screen reader's headings list and a quick glance at the scroll bar all meet a
 * complete page, and the reader's first seconds with the page were still not spent on it.
 */
const REVEAL_ANYWAY_MS = 10_000;

/** The box standing in for `stage` until it is revealed (null when the stage is not on the page or needs none). */
function placeholderOf(stage: StageName): Element | null {
  return document.querySelector(`[data-stage-pending="${stage}"]`);
}

/** Whether a box is within reach: less than APPROACH_VIEWPORTS screens below the viewport, or above it. */
function nearViewport(box: Element): boolean {
  return box.getBoundingClientRect().top < innerHeight * (1 + APPROACH_VIEWPORTS);
}

/**
 * Calls `done` once `stage`'s box comes near the viewport (at once when it is near, or has no box), or at the
 * first idle moment after `notAfter` (a performance.now() time). An IntersectionObserver sees the box come near
 * by scrolling or by a change of layout; the scroll and resize listeners see the jumps past it (an anchor, End,
 * a scripted scroll), after which it is above the viewport and never crosses into it. Returns the function that
 * stops watching.
 */
function whenNear(stage: StageName, notAfter: number, done: () => void): () => void {
  const box = placeholderOf(stage);
  if (!box || nearViewport(box)) {
    done();
    return () => undefined;
  }
  let stopped = false;
  const check = () => {
    if (!box.isConnected || nearViewport(box)) finish();
  };
  const observer = new IntersectionObserver(check, { rootMargin: `0px 0px ${APPROACH_VIEWPORTS * 100}% 0px` });
  const whenIdle = (then: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(then, { timeout: 2000 }) : then();
  const timer = setTimeout(() => whenIdle(() => !stopped && finish()), Math.max(0, notAfter - performance.now()));
  const stop = () => {
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
    removeEventListener('scroll', check, true);
    removeEventListener('resize', check);
  };
  const finish = () => {
    stop();
    done();
  };
  observer.observe(box);
  // Capture: a panel that scrolls inside the page (the focus layout) moves the boxes too.
  addEventListener('scroll', check, { capture: true, passive: true });
  addEventListener('resize', check, { passive: true });
  return stop;
}

/**
 * Reveals the stages one task after another, starting after the first paint. It then requests the chunks of all
 * the stages on the page at once, and reveals each stage once its own chunk is here and the reader is near it,
 * so that two panels never mount in the same task.
 */
export function StagedRoot({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState(0);
  const [parts] = useState(() => new Map<StageName, LazyPart<object>>());
  // Set at the first paint: when the stages still far from the reader are revealed anyway.
  const revealAnywayAt = useRef(Infinity);
  useEffect(() => {
    if (revealed >= STAGE_ORDER.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopWatching: (() => void) | null = null;
    let cancelled = false;
    // Before the first stage, wait for the first screen to be painted: chunk requests would compete with it.
    const painted =
      revealed > 0
        ? Promise.resolve()
        : new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))).then(() => {
            revealAnywayAt.current = performance.now() + REVEAL_ANYWAY_MS;
            for (const part of parts.values()) void part.load().catch(() => undefined);
          });
    // A failed chunk still reveals its stage, which then says what went wrong.
    // outcome(), not load(): waiting for a failed chunk must not request it again (the stage shows the failure).
    const arrived = painted.then(() => (cancelled ? undefined : parts.get(STAGE_ORDER[revealed])?.outcome().catch(() => undefined)));
    void arrived.then(() => {
      if (cancelled) return;
      // A macrotask, not a microtask: the browser gets to paint and to handle input between two stages.
      const reveal = () => {
        timer = setTimeout(() => startTransition(() => setRevealed((count) => Math.max(count, revealed + 1))), 0);
      };
      // A stage the page does not show has no box of its own to wait for (a box of that name belongs to someone
      // else, e.g. the Lesson's figure).
      const stage = STAGE_ORDER[revealed];
      if (parts.has(stage)) stopWatching = whenNear(stage, revealAnywayAt.current, reveal);
      else reveal();
    });
    return () => {
      cancelled = true;
      stopWatching?.();
      clearTimeout(timer);
    };
  }, [revealed, parts]);
  // A printed page shows every panel: the print layout is made right after this event, so the render is synchronous.
  useEffect(() => {
    const revealAll = () => flushSync(() => setRevealed(STAGE_ORDER.length));
    addEventListener('beforeprint', revealAll);
    return () => removeEventListener('beforeprint', revealAll);
  }, []);
  return (
    <PartsContext value={parts}>
      <StageContext value={revealed}>{children}</StageContext>
    </PartsContext>
  );
}

/** Whether the stage has been reached (`immediate` stages, e.g. the panel the page opens focused on, always have). */
export function useStageReached(stage: StageName, immediate = false): boolean {
  const revealed = use(StageContext);
  return immediate || STAGE_ORDER.indexOf(stage) < revealed;
}

/**
 * The part once `stage` is reached and its chunk has arrived; before that, an empty box that reserves the room
 * the content will take (STAGE_PLACEHOLDER_CLASS).
 */
export function Staged({ stage, part, immediate = false }: { stage: StageName; part: LazyPart<object>; immediate?: boolean }) {
  const reached = useStageReached(stage, immediate);
  const { Component, failed } = useLazyPart(part, reached);
  // Every reveal changes the stage count, so every Staged renders again. Handing React the same element object
  // each time makes it skip the panel inside: before, each of the seven reveals rendered every panel already
  // shown once more (the tensor lab alone 10–17 ms a time on the 2-core machine, four times that at 4×).
  const content = useMemo(() => (Component ? <Component /> : null), [Component]);
  // Tells StagedRoot this stage is on the page (children's effects run before their parent's).
  const parts = use(PartsContext);
  useEffect(() => {
    if (!parts) return;
    parts.set(stage, part);
    return () => void parts.delete(stage);
  }, [parts, stage, part]);
  if (reached && failed) return <ChunkFailed part={stage} />;
  if (reached && content) return content;
  return <PartPending part={stage} className={STAGE_PLACEHOLDER_CLASS[stage]} />;
}
