/**
 * Which example of the training batch the network diagram shows. Each example of a batch is trained through its
 * own dropout mask, so stepping through the examples of one paused pass shows several thinned networks trained
 * at once. Previous/next buttons and a number field (arrow keys step it); bad input is explained beside the
 * field and leaves the shown example as it was.
 */
import { useEffect, useId, useMemo } from 'react';
import { useFieldDraft } from '../shell/useFieldDraft';
import { decimalText } from '../shell/liveText';
import { useStore, type AppState } from '../../state/store';
import { batchRowCount, showNetworkExample } from '../../state/training';
import { useThrottledStore } from '../charts/hooks';
import { useStrings } from '../useStrings';
import { parseExampleNumber, steppedExample } from './exampleChoice';

/** How often the line naming the shown example follows the passes (the diagram itself follows every one). */
const SAMPLE_EVERY_MS = 100;
const selectPass = (state: AppState) => state.training.pass;

/**
 * The line naming the shown example and its values: a component of its own, so that the field and the buttons
 * beside it are not rendered again with every pass (React rewrites an input's attributes when it renders it).
 */
function ShownSample() {
  const strings = useStrings().network;
  const locale = useStore((state) => state.locale);
  const trainY = useStore((state) => state.training.dataset?.trainY);
  const pass = useThrottledStore(selectPass, SAMPLE_EVERY_MS);
  const format = (v: number) => decimalText(v, locale, 2);
  const shownSample = pass && pass.displaySample >= 0 ? pass.displaySample : -1;
  const target = shownSample >= 0 && trainY && shownSample < trainY.length ? format(trainY[shownSample]) : null;
  if (!pass || shownSample < 0 || target === null) return null;
  return (
    <span className="net-sample" data-testid="example-readout">
      {strings.sample(shownSample + 1, Array.from(pass.displayInput, format).join(', '), target)}
    </span>
  );
}

export function ExampleChooser() {
  const strings = useStrings().network;
  const view = useStore((state) => state.settings.netview);
  // From the settings object, which changes only with the settings: a selector computing the count would build
  // a scenario on every store change, dozens of times a second while training.
  const settings = useStore((state) => state.settings);
  const size = useMemo(() => batchRowCount(settings), [settings]);
  const row = useStore((state) => state.networkRow);
  // The example the worker is asked for; a smaller batch (new settings) shows its last example instead.
  const current = Math.min(row, size - 1) + 1;
  // Follows the shown example when it changes elsewhere (buttons, a smaller batch), unless the user is
  // mid-correction of a bad entry.
  const { draft, setDraft, invalid, setInvalid } = useFieldDraft(String(current));
  const fieldId = useId();
  const errorId = useId();
  const noteId = useId();

  // New settings made the batch smaller than the chosen row: choose the last example, so the store, the field
  // and the worker agree again.
  useEffect(() => {
    if (row > size - 1) showNetworkExample(size - 1);
  }, [row, size]);

  const choose = (example: number) => {
    setInvalid(false);
    setDraft(String(example));
    showNetworkExample(example - 1);
  };

  const onDraft = (raw: string) => {
    setDraft(raw);
    const example = parseExampleNumber(raw, size);
    setInvalid(example === null);
    if (example !== null) showNetworkExample(example - 1);
  };

  const step = (by: 1 | -1) => {
    // At either end the button stays focusable (aria-disabled, not disabled), so keyboard focus is not lost.
    const next = steppedExample(current, by, size);
    if (next !== current || invalid) choose(next);
  };

  return (
    <div className="net-example" data-view={view}>
      <div className="net-example-row">
        <label htmlFor={fieldId}>{strings.exampleLabel}</label>
        <button
          type="button"
          className="net-example-step"
          aria-label={strings.examplePrevious}
          title={strings.examplePrevious}
          aria-disabled={current <= 1 && !invalid}
          onClick={() => step(-1)}
          data-testid="example-previous"
        >
          <span aria-hidden="true">◀</span>
        </button>
        <input
          id={fieldId}
          type="number"
          inputMode="numeric"
          min={1}
          max={size}
          step={1}
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${errorId} ${noteId}` : noteId}
          onChange={(event) => onDraft(event.target.value)}
          data-testid="example-input"
        />
        <button
          type="button"
          className="net-example-step"
          aria-label={strings.exampleNext}
          title={strings.exampleNext}
          aria-disabled={current >= size && !invalid}
          onClick={() => step(1)}
          data-testid="example-next"
        >
          <span aria-hidden="true">▶</span>
        </button>
        <span className="net-example-of">{strings.exampleOf(size)}</span>
        <ShownSample />
      </div>
      {invalid && (
        <p id={errorId} className="field-error" role="alert" data-testid="example-error">
          {strings.exampleInvalid(size, current)}
        </p>
      )}
      <p id={noteId} className="net-note">
        {strings.exampleNote}
      </p>
    </div>
  );
}
