/**
 * Staged first render. Mounting every panel in one go made start-up a single long task (React's render of all
 * panels, their d3 drawing and the layout of the whole page), so the page could not answer input for half a
 * second on a phone. Instead the first panel (the one in view) mounts with the shell, and the others follow
 * one per task, in page order, each rendered as a transition (React yields while rendering it). Their code is
 * lazy-loaded too (see App.tsx): a stage whose chunk has not arrived keeps its placeholder until it does, and
 * a chunk that cannot be downloaded (offline before the lab was saved) gets a message in its place, while the
 * rest of the page goes on working.
 *
 * While waiting, a panel's heading and enlarge button are already there (landmarks, shortcuts and the focus
 * layout work at once); only its body is a placeholder that reserves room, so the page barely moves when it
 * fills in — and it fills in below the fold on a phone.
 */
import { Component, Suspense, createContext, startTransition, use, useEffect, useState, type ReactNode } from 'react';
import { useStrings } from '../../i18n/useStrings';

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
  const placeholder = (
    <div className={`stage-placeholder ${placeholderClass}`.trim()} data-stage-pending={stage} aria-hidden="true" />
  );
  if (!reached) return placeholder;
  return (
    <ChunkBoundary part={stage}>
      <Suspense fallback={placeholder}>{children}</Suspense>
    </ChunkBoundary>
  );
}

function ChunkFailed({ part }: { part: string }) {
  const strings = useStrings().shell;
  return (
    <div className="notice notice-warning stage-failed" role="alert" data-stage-failed={part}>
      <span>{strings.chunkFailed}</span>
      <span className="notice-actions">
        <button type="button" onClick={() => location.reload()}>
          {strings.reload}
        </button>
      </span>
    </div>
  );
}

/**
 * Catches a part of the page (a panel, the tensor lab's histogram) whose code could not be downloaded, so one
 * missing chunk never takes the page down; `part` names it in data-stage-failed.
 */
export class ChunkBoundary extends Component<{ part: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ChunkFailed part={this.props.part} /> : this.props.children;
  }
}
