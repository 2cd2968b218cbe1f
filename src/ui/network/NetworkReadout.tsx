/**
 * The epoch counter (always visible), the one-line readout of the shown pass, and its screen-reader twin: a
 * polite live region that speaks at most once every 2 s, however fast the visible line changes.
 */
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../../i18n/useStrings';
import { summarisePass } from './passSummary';

const ANNOUNCE_EVERY_MS = 2000;

/** Epoch and throughput change up to 60 times a second: written straight into the DOM, not through React. */
export function EpochCounter() {
  const strings = useStrings().network;
  const epochRef = useRef<HTMLSpanElement>(null);
  const rateRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const write = () => {
      const { training, locale } = useStore.getState();
      if (epochRef.current) epochRef.current.textContent = training.epoch.toLocaleString(locale);
      if (rateRef.current) {
        const rate = Math.round(training.epochsPerSecond).toLocaleString(locale);
        rateRef.current.textContent = training.running ? strings.epochsPerSecond(rate) : '';
      }
    };
    write();
    return useStore.subscribe((state, previous) => {
      if (state.training !== previous.training || state.locale !== previous.locale) write();
    });
  }, [strings]);
  return (
    <p className="net-epoch">
      <span className="net-epoch-label">{strings.epoch}</span>{' '}
      <span className="net-epoch-value" data-testid="epoch" ref={epochRef}>
        0
      </span>
      <span className="net-rate" ref={rateRef} />
    </p>
  );
}

export function NetworkReadout({ hidden }: { hidden: readonly number[] }) {
  const strings = useStrings().network;
  const locale = useStore((state) => state.locale);
  const pass = useStore((state) => state.training.pass);
  const view = useStore((state) => state.settings.view);
  const summary = summarisePass(pass, hidden, view);

  let visible: ReactNode;
  let spoken: string;
  if (view === 'eval') {
    visible = spoken = strings.evalSummary(summary.total);
  } else if (!pass) {
    visible = spoken = strings.noPassYet;
  } else {
    const passText = strings.pass(pass.forwardPasses.toLocaleString(locale));
    const layers = summary.layers.map((layer, l) => strings.layerDropped(l + 1, layer.dropped, layer.total));
    visible = (
      <>
        <span className="net-readout-pass">{passText}</span>
        {layers.map((text, l) => (
          <Fragment key={l}>
            <span aria-hidden="true"> · </span>
            <span>{text}</span>
          </Fragment>
        ))}
        <span aria-hidden="true"> · </span>
        <span>
          {strings.thinnedBefore}
          <sup>{summary.total}</sup>
          {strings.thinnedAfter(summary.kept, summary.total)}
        </span>
      </>
    );
    spoken = [passText, ...layers, strings.thinnedSpoken(summary.total, summary.kept)].join('; ');
  }

  const sample = pass && view === 'train' && pass.displaySample >= 0
    ? strings.sample(pass.displaySample + 1, Array.from(pass.displayInput, (v) => v.toLocaleString(locale, { maximumFractionDigits: 2 })).join(', '))
    : null;

  return (
    <div className="net-readout">
      <p className="net-readout-line" data-testid="readout">
        {visible}
      </p>
      {sample && <p className="net-sample">{sample}</p>}
      <ThrottledAnnouncer text={spoken} />
    </div>
  );
}

/** A polite live region that takes the latest text at most once every ANNOUNCE_EVERY_MS. */
function ThrottledAnnouncer({ text }: { text: string }) {
  const [announced, setAnnounced] = useState(text);
  const lastAt = useRef(0);
  useEffect(() => {
    const wait = lastAt.current + ANNOUNCE_EVERY_MS - performance.now();
    if (wait <= 0) {
      lastAt.current = performance.now();
      setAnnounced(text);
      return;
    }
    const timer = setTimeout(() => {
      lastAt.current = performance.now();
      setAnnounced(text);
    }, wait);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="readout-live">
      {announced}
    </p>
  );
}
