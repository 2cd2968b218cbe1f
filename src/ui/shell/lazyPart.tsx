/**
 * Parts of the page whose code is a chunk of its own (the panels after the first, the dialogs, the tensor
 * histogram). They never suspend: until the chunk is here the caller draws a placeholder, and a chunk that
 * cannot be downloaded gets a message in its place. (React.lazy suspends even when the module has already
 * arrived, and a suspended transition holds its whole commit back for up to 300 ms, which delayed the
 * first screen itself.)
 */
import { useEffect, useState, type ComponentType } from 'react';
import { useStrings } from '../useStrings';
import { useStore } from '../../state/store';
import { partStringsOf } from '../../i18n';
import { lazyValue, type LazyValue } from '../../chunks/lazyValue';

/** A component whose code is a chunk of its own. */
export type LazyPart<P extends object> = LazyValue<ComponentType<P>>;

/**
 * `lazyPart(() => import('./Help'), (module) => module.Help)`: the import, then the component it holds. A part
 * that reads the later parts' strings (`usePartStrings`) says so with `{ partStrings: true }`: it then arrives
 * when both its code and those strings in the page's language have (see i18n/index.ts).
 */
export function lazyPart<M, P extends object>(
  importModule: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  { partStrings = false }: { partStrings?: boolean } = {},
): LazyPart<P> {
  const code = lazyValue(importModule, pick);
  return partStrings ? waitingForPartStrings(code) : code;
}

/**
 * A component that is already here but reads the later parts' strings, as a part that arrives with them and with
 * the lazy parts it draws (`needs`): a step card after the lesson's first (its text is in those strings, see
 * stepTextFor in i18n/index.ts, and its reveal is a part of its own).
 */
export function withPartStrings<P extends object>(component: ComponentType<P>, needs: readonly LazyValue<unknown>[] = []): LazyPart<P> {
  return waitingForPartStrings({
    load: () => Promise.all(needs.map((need) => need.load())).then(() => component),
    outcome: () => Promise.all(needs.map((need) => need.outcome())).then(() => component),
    loaded: () => (needs.every((need) => need.loaded() !== null) ? component : null),
  });
}

/** `part`, arriving only once the later parts' strings in the page's language have arrived too. */
function waitingForPartStrings<P extends object>(part: LazyPart<P>): LazyPart<P> {
  // The language is read at each call, not fixed here: a part first shown after a switch waits for the new one.
  const strings = () => partStringsOf(useStore.getState().locale);
  return {
    load: () => Promise.all([part.load(), strings().load()]).then(([component]) => component),
    outcome: () => Promise.all([part.outcome(), strings().outcome()]).then(([component]) => component),
    loaded: () => (strings().loaded() ? part.loaded() : null),
  };
}

/**
 * The part's component once loaded (requesting it while `wanted`), or whether its download failed. By default the
 * first request shares the page's own (and its failure), so that the page's waits (revealing panels in order)
 * never turn one failure into a burst of requests. `askAgainWhenShown` is for a part the reader brings up (a
 * lesson step's card and figure, the teacher layer): shown after a failed download (an idle prefetch, or an
 * earlier visit, while the Wi-Fi was down), it asks again, so a reader who comes back once the network is back
 * gets the part without a reload. One request per showing, so no burst either.
 */
export function useLazyPart<P extends object>(
  part: LazyPart<P>,
  wanted = true,
  { askAgainWhenShown = false }: { askAgainWhenShown?: boolean } = {},
): { Component: ComponentType<P> | null; failed: boolean } {
  const [failed, setFailed] = useState(false);
  // Set once a failure has been put aside (a dialog closed), or from the start when asked to: the next request
  // is a real retry.
  const [askedAgain, setAskedAgain] = useState(askAgainWhenShown);
  const [, setArrived] = useState(0);
  // A part with its own strings waits for them in the page's language: a switch while it loads asks for the new one.
  const locale = useStore((state) => state.locale);
  const Component = part.loaded();
  // No longer wanted (a dialog closed): the next time it is, a failed download is tried again.
  if (!wanted && failed) {
    setFailed(false);
    setAskedAgain(true);
  }
  useEffect(() => {
    if (!wanted || Component || failed) return;
    let live = true;
    // Share the page's own request (and its failure) unless the reader asked again: then request anew after a failure.
    (askedAgain ? part.load() : part.outcome()).then(
      () => live && setArrived((count) => count + 1),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [part, wanted, Component, failed, askedAgain, locale]);
  return { Component, failed };
}

/**
 * A part from its chunk, given `props`; until the chunk is here, a box of `placeholderClass` that reserves its
 * room (see PartPending); if the chunk cannot be downloaded, a message in its place. Only this component renders
 * again when the chunk arrives, not the one that holds it. Its parts are the ones a reader brings up (a lesson
 * step's card, reveal and figure, the teacher layer, the tensor lab's histogram), so each showing after a failed
 * download asks again (useLazyPart's `askAgainWhenShown`); the Lab's staged panels (Staged.tsx) do not.
 */
export function LazyPartView<P extends object>({
  part,
  name,
  placeholderClass,
  props,
}: {
  part: LazyPart<P>;
  name: string;
  placeholderClass: string;
  props: P;
}) {
  const { Component, failed } = useLazyPart(part, true, { askAgainWhenShown: true });
  if (failed) return <ChunkFailed part={name} />;
  if (Component) return <Component {...props} />;
  return <PartPending part={name} className={placeholderClass} />;
}

/**
 * The box in place of a part whose code is still on its way: `className` reserves the room the part will take.
 * `data-stage-pending` names it, so whoever waits for the page to be complete (the e2e specs' openApp and
 * openLesson) waits for every lazy part, wherever it sits.
 */
export function PartPending({ part, className }: { part: string; className: string }) {
  return <div className={className} data-stage-pending={part} aria-hidden="true" />;
}

/** Said in place of a part whose code could not be downloaded; the rest of the page goes on working. */
export function ChunkFailed({ part }: { part: string }) {
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
