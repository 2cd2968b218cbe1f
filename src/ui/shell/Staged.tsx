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
import { createContext, startTransition, use, useEffect, useState, type ReactNode } from 'react';
import { ChunkFailed, PartPending, useLazyPart, type LazyPart } from './lazyPart';

/** The stages after the first render, in page order. */
export const STAGE_ORDER = ['tensor', 'network', 'loss', 'fit', 'settings', 'sweep', 'explain'] as const;
export type StageName = (typeof STAGE_ORDER)[number];

/** How many stages have been revealed; everything is revealed where there is no StagedRoot (tests, tools). */
const StageContext = createContext<number>(STAGE_ORDER.length);

/** The lazy part of each stage on the page, registered by its Staged (stages the page does not show are absent). */
const PartsContext = createContext<Map<StageName, LazyPart<object>> | null>(null);

/**
 * Reveals the stages one task after another, starting after the first paint. It then requests the chunks of all
 * the stages on the page at once, and reveals each stage only when its own chunk is here, so that two panels
 * never mount in the same task.
 */
export function StagedRoot({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState(0);
  const [parts] = useState(() => new Map<StageName, LazyPart<object>>());
  useEffect(() => {
    if (revealed >= STAGE_ORDER.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    // Before the first stage, wait for the first screen to be painted: chunk requests would compete with it.
    const painted =
      revealed > 0
        ? Promise.resolve()
        : new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))).then(() => {
            for (const part of parts.values()) void part.load().catch(() => undefined);
          });
    // A failed chunk still reveals its stage, which then says what went wrong.
    // outcome(), not load(): waiting for a failed chunk must not request it again (the stage shows the failure).
    const arrived = painted.then(() => (cancelled ? undefined : parts.get(STAGE_ORDER[revealed])?.outcome().catch(() => undefined)));
    void arrived.then(() => {
      if (cancelled) return;
      // A macrotask, not a microtask: the browser gets to paint and to handle input between two stages.
      timer = setTimeout(() => startTransition(() => setRevealed((count) => Math.max(count, revealed + 1))), 0);
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [revealed, parts]);
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
  // Tells StagedRoot this stage is on the page (children's effects run before their parent's).
  const parts = use(PartsContext);
  useEffect(() => {
    if (!parts) return;
    parts.set(stage, part);
    return () => void parts.delete(stage);
  }, [parts, stage, part]);
  if (reached && failed) return <ChunkFailed part={stage} />;
  if (reached && Component) return <Component />;
  return <PartPending part={stage} className={`stage-placeholder ${placeholderClass}`.trim()} />;
}
