import { useLayoutEffect, useRef } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { throttled } from './liveText';

/** How often the sentence is rewritten while training runs: faster than this nobody can read it. */
const TEXT_EVERY_MS = 125;

/**
 * Where training is: running or paused, epoch, forward passes. Not a live region (it changes many times a
 * second while training); the data attributes let tests and host pages read the numbers exactly.
 *
 * The numbers change with every snapshot (up to 60 a second), so they bypass React: the data attributes follow
 * every change, the visible sentence at most 8 times a second (at once when training starts or stops).
 */
export function RunStatus() {
  const strings = useStrings();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const iconRef = useRef<HTMLSpanElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    let shown = '';
    const writeText = () => {
      const { epoch, forwardPasses, running } = useStore.getState().training;
      const text = strings.shell.status(epoch, forwardPasses, running);
      if (text === shown) return;
      shown = text;
      if (textRef.current) textRef.current.textContent = text;
      if (iconRef.current) iconRef.current.textContent = running ? '▶' : '❚❚';
    };
    const text = throttled(writeText, TEXT_EVERY_MS);
    const writeData = () => {
      const element = statusRef.current;
      if (!element) return;
      const { epoch, forwardPasses, running } = useStore.getState().training;
      element.dataset.epoch = String(epoch);
      element.dataset.passes = String(forwardPasses);
      element.dataset.running = String(running);
    };
    writeData();
    text.flush();
    const unsubscribe = useStore.subscribe((state, previous) => {
      const now = state.training;
      const before = previous.training;
      if (now.epoch === before.epoch && now.forwardPasses === before.forwardPasses && now.running === before.running) return;
      writeData();
      if (now.running !== before.running) text.flush();
      else text.request();
    });
    return () => {
      unsubscribe();
      text.cancel();
    };
  }, [strings]);

  return (
    <p className="run-status" data-run-status="" ref={statusRef}>
      <span aria-hidden="true" className="run-status-icon" ref={iconRef} /> <span ref={textRef} />
    </p>
  );
}
