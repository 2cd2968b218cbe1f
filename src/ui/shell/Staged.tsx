/**
 * Staged first render. Mounting every panel in one go made start-up a single long task (React's render of all
 * panels, their d3 drawing and the layout of the whole page), so the page could not answer input for half a
 * second on a phone. Instead the first panel (the one in view) mounts with the shell, and the others follow
 * one per task, in page order, each rendered as a transition (React yields while rendering it). Nothing is
 * lazy-loaded: all the code is in the bundle already, only the work is spread out.
 *
 * While waiting, a panel's heading and enlarge button are already there (landmarks, shortcuts and the focus
 * layout work at once); only its body is a placeholder that reserves room, so the page barely moves when it
 * fills in — and it fills in below the fold on a phone.
 */
import { createContext, startTransition, use, useEffect, useState, type ReactNode } from 'react';

/** The stages after the first render, in page order. */
export const STAGE_ORDER = ['network', 'loss', 'fit', 'settings', 'sweep', 'explain'] as const;
export type StageName = (typeof STAGE_ORDER)[number];

/** How many stages have been revealed; everything is revealed where there is no StagedRoot (tests, tools). */
const StageContext = createContext<number>(STAGE_ORDER.length);

/** Reveals the stages one task after another, starting after the first commit. */
export function StagedRoot({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState(0);
  useEffect(() => {
    if (revealed >= STAGE_ORDER.length) return;
    // A macrotask, not a microtask: the browser gets to paint and to handle input between two stages.
    const timer = setTimeout(() => startTransition(() => setRevealed((count) => Math.max(count, revealed + 1))), 0);
    return () => clearTimeout(timer);
  }, [revealed]);
  return <StageContext value={revealed}>{children}</StageContext>;
}

/** Whether the stage has been reached (`immediate` stages, e.g. the panel the page opens focused on, always have). */
export function useStageReached(stage: StageName, immediate = false): boolean {
  const revealed = use(StageContext);
  return immediate || STAGE_ORDER.indexOf(stage) < revealed;
}

/**
 * Its children once `stage` is reached; before that, an empty box of the class `placeholderClass`, which
 * reserves the room the content will take (see .stage-placeholder in styles.css).
 */
export function Staged({
  stage,
  immediate = false,
  placeholderClass = '',
  children,
}: {
  stage: StageName;
  immediate?: boolean;
  placeholderClass?: string;
  children: ReactNode;
}) {
  const reached = useStageReached(stage, immediate);
  if (reached) return children;
  return <div className={`stage-placeholder ${placeholderClass}`.trim()} data-stage-pending={stage} aria-hidden="true" />;
}
