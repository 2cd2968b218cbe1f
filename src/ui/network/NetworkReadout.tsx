/**
 * The epoch counter (always visible), the one-line readout of the shown pass, and its screen-reader twin: a
 * polite live region that speaks at most once every 2 s, however fast the visible line changes.
 */
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore, type AppState } from '../../state/store';
import { useThrottledStore } from '../charts/hooks';
import { LIVE_TEXT_EVERY_MS, integerText, throttled } from '../shell/liveText';
import { useStrings } from '../useStrings';
import { summarisePass } from './passSummary';

const ANNOUNCE_EVERY_MS = 2000;

/** How often the throughput figure is rewritten: it is an average over a second, so faster says nothing new. */
const RATE_EVERY_MS = 250;

/**
 * Epoch and throughput change up to 60 times a second: written straight into the DOM, not through React. The
 * epoch at most 8 times a second (at once when training starts or stops, or the language changes), the
 * throughput at most 4 times: each rewrite costs a slow CPU a layout and a repaint of the page around it.
 */
export function EpochCounter() {
  const strings = useStrings().network;
  const epochRef = useRef<HTMLSpanElement>(null);
  const rateRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let shownEpoch = '';
    let shownRate = '';
    const writeEpoch = () => {
      const { training, locale } = useStore.getState();
      const text = integerText(training.epoch, locale);
      if (text === shownEpoch || !epochRef.current) return;
      shownEpoch = text;
      epochRef.current.textContent = text;
    };
    const rate = throttled(() => {
      const { training, locale } = useStore.getState();
      const text = training.running ? strings.epochsPerSecond(integerText(Math.round(training.epochsPerSecond), locale)) : '';
      if (!rateRef.current) return;
      // Which code trains at that rate (WebAssembly SIMD, or JavaScript where a page refuses WebAssembly):
      // for the speed benchmarks and anyone comparing devices; the numbers are the same either way.
      if (training.layerKernel && rateRef.current.dataset.kernel !== training.layerKernel) {
        rateRef.current.dataset.kernel = training.layerKernel;
      }
      if (text === shownRate) return;
      shownRate = text;
      rateRef.current.textContent = text;
    }, RATE_EVERY_MS);
    const epoch = throttled(writeEpoch, LIVE_TEXT_EVERY_MS);
    epoch.flush();
    rate.flush();
    const unsubscribe = useStore.subscribe((state, previous) => {
      const now = state.training;
      const before = previous.training;
      const relocalised = state.locale !== previous.locale;
      if (now.running !== before.running || now.finished !== before.finished || relocalised) epoch.flush();
      else if (now.epoch !== before.epoch) epoch.request();
      if (now.running !== before.running || relocalised) rate.flush();
      else if (now.epochsPerSecond !== before.epochsPerSecond) rate.request();
    });
    return () => {
      unsubscribe();
      epoch.cancel();
      rate.cancel();
    };
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

/** How often the readout of the shown pass is rewritten while passes stream in (the diagram shows every one). */
const READOUT_EVERY_MS = 100;
const selectPass = (state: AppState) => state.training.pass;

export function NetworkReadout({ hidden }: { hidden: readonly number[] }) {
  const strings = useStrings().network;
  const locale = useStore((state) => state.locale);
  const pass = useThrottledStore(selectPass, READOUT_EVERY_MS);
  const view = useStore((state) => state.settings.netview);
  const summary = summarisePass(pass, hidden, view);

  let visible: ReactNode;
  let spoken: string;
  if (view === 'eval') {
    visible = spoken = strings.evalSummary(summary.total);
  } else if (!pass) {
    visible = spoken = strings.noPassYet;
  } else {
    const passText = strings.pass(integerText(pass.forwardPasses, locale));
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

  return (
    <div className="net-readout">
      <p className="net-readout-line" data-testid="readout">
        {visible}
      </p>
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
