/**
 * Staged first render. Mounting every panel in one go made start-up a single long task (React's render of all
 * panels, their d3 drawing and the layout of the whole page), so the page could not answer input for half a
 * second on a phone. Instead the first panel (the one in view) mounts with the shell, and the others follow
 * one per task, in page order, each rendered as a transition (React yields while rendering it). Their code is
 * lazy-loaded too (see App.tsx and lazyPart.tsx): all chunks are requested at once, after the first paint, but
 * a stage is revealed only once its own chunk is here, so panels still mount one per task even when their
 * chunks arrive together (they often do). A chunk that cannot be downloaded (offline before the lab was saved)
 * gets a message in its place, while the rest of the page goes on working.
 *
 * While waiting, a panel's heading and enlarge button are already there (landmarks, shortcuts and the focus
 * layout work at once); only its body is a placeholder that reserves room, so the page barely moves when it
 * fills in — and it fills in below the fold on a phone.
 */
import { createContext, startTransition, use, useEffect, useRef, useState, type ReactNode } from 'react';
import { ChunkFailed, useLazyPart, type LazyPart } from './lazyPart';

/** The stages after the first render, in page order. */
export const STAGE_ORDER = ['network', 'loss', 'fit', 'settings', 'sweep', 'explain'] as const;
export type StageName = (typeof STAGE_ORDER)[number];

/** How many stages have been revealed; everything is revealed where there is no StagedRoot (tests, tools). */
const StageContext = createContext<number>(STAGE_ORDER.length);

/**
 * Reveals the stages one task after another, starting after the first commit. `chunkOf(stage)` is the promise
 * of the stage's code when the page shows it (undefined otherwise): the next stage waits for it, so that its
 * render never suspends and two panels never mount in the same task.
 */
export function StagedRoot({
  chunkOf,
  children,
}: {
  chunkOf?: (stage: StageName) => Promise<unknown> | undefined;
  children: ReactNode;
}) {
  const [revealed, setRevealed] = useState(0);
  const chunkOfRef = useRef(chunkOf);
  chunkOfRef.current = chunkOf;
  useEffect(() => {
    if (revealed >= STAGE_ORDER.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    // The first stage waits for the first screen to be painted (its chunk request would compete with it).
    const painted = revealed > 0 ? Promise.resolve() : new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    // A failed chunk still reveals its stage, whose boundary then says what went wrong.
    const arrived = painted.then(() => (cancelled ? undefined : chunkOfRef.current?.(STAGE_ORDER[revealed])?.catch(() => undefined)));
    void arrived.then(() => {
      if (cancelled) return;
      // A macrotask, not a microtask: the browser gets to paint and to handle input between two stages.
      timer = setTimeout(() => startTransition(() => setRevealed((count) => Math.max(count, revealed + 1))), 0);
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [revealed]);
  return <StageContext value={revealed}>{children}</StageContext>;
}

/** Whether the stage has been reached (`immediate` stages, e.g. the panel the page opens focused on, always have). */
export function useStageReached(stage: StageName, immediate = false): boolean {
  const revealed = use(StageContext);
  return immediate || STAGE_ORDER.indexOf(stage) < revealed;
}

/**
 * The part once `stage` is reached and its chunk has arrived; before that, an empty box of the class
 * `placeholderClass`, which reserves the room the content will take (see .stage-placeholder in styles.css).
 */
export function Staged({
  stage,
  part,
  immediate = false,
  placeholderClass = '',
}: {
  stage: StageName;
  part: LazyPart<object>;
  immediate?: boolean;
  placeholderClass?: string;
}) {
  const reached = useStageReached(stage, immediate);
  const { Component, failed } = useLazyPart(part, reached);
  if (reached && failed) return <ChunkFailed part={stage} />;
  if (reached && Component) return <Component />;
  return <div className={`stage-placeholder ${placeholderClass}`.trim()} data-stage-pending={stage} aria-hidden="true" />;
}
