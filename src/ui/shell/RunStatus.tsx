import { useLayoutEffect, useMemo, useRef } from 'react';
import { useStore } from '../../state/store';
import { runResult } from '../../state/runResult';
import { useStrings } from '../useStrings';
import { LIVE_TEXT_EVERY_MS, decimalText, throttled } from './liveText';

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
      const { epoch, forwardPasses, running, finished } = useStore.getState().training;
      const text = finished ? strings.shell.statusFinished(epoch, forwardPasses) : strings.shell.status(epoch, forwardPasses, running);
      if (text === shown) return;
      shown = text;
      if (textRef.current) textRef.current.textContent = text;
      const icon = finished ? '■' : running ? '▶' : '❚❚';
      // Rewriting an unchanged icon would still replace its text node, and lay the header out again.
      if (iconRef.current && iconRef.current.textContent !== icon) iconRef.current.textContent = icon;
    };
    const text = throttled(writeText, LIVE_TEXT_EVERY_MS);
    const writeData = () => {
      const element = statusRef.current;
      if (!element) return;
      const { epoch, forwardPasses, running, finished } = useStore.getState().training;
      element.dataset.epoch = String(epoch);
      element.dataset.passes = String(forwardPasses);
      element.dataset.running = String(running);
      element.dataset.finished = String(finished);
    };
    writeData();
    text.flush();
    const unsubscribe = useStore.subscribe((state, previous) => {
      const now = state.training;
      const before = previous.training;
      if (now.epoch === before.epoch && now.forwardPasses === before.forwardPasses && now.running === before.running &&
        now.finished === before.finished) return;
      writeData();
      if (now.running !== before.running || now.finished !== before.finished) text.flush();
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
      <RunResultLine />
    </p>
  );
}

/**
 * When a run reaches its epoch budget: what it showed, in one line, from the run's own history. A status region,
 * so a screen reader hears it once when the run ends; absent (not hidden) while the run is not finished.
 *
 * The Lab only. In the Lesson this line would answer the step's question before the student commits (the hook
 * asks which twin predicts new points better; "Final gap… lower with dropout" says it), and the step's reveal
 * quotes the same run once they have. It would also make the Lesson's one-row header several rows tall.
 */
function RunResultLine() {
  const strings = useStrings().shell;
  const locale = useStore((state) => state.locale);
  const history = useStore((state) => (state.training.finished && state.settings.view === 'lab' ? state.training.history : null));
  const result = useMemo(() => (history ? runResult(history) : null), [history]);
  if (!result) return <span className="run-result" role="status" />;
  const loss = (value: number) => decimalText(value, locale, 4);
  return (
    <span className="run-result" role="status" data-run-result="" data-rise={result.rise} data-gap={result.gap}>
      {strings.runResult({
        plainMin: loss(result.plainMin),
        plainMinEpoch: result.plainMinEpoch,
        plainFinal: loss(result.plainFinal),
        finalEpoch: result.finalEpoch,
        rise: decimalText(result.rise, locale, 2),
        gap: loss(Math.abs(result.gap)),
        dropoutLower: result.gap > 0,
      })}
    </span>
  );
}
