import type { PartStrings } from '../../i18n';
import { MAX_ELEMENTS, MAX_PASSES, type ProbabilityError, type SeedError, type VectorError } from './tensorModel';

type TensorStrings = PartStrings['tensor'];

export interface ControlValues {
  pText: string;
  p: number;
  seedText: string;
  vectorText: string;
  training: boolean;
  inplace: boolean;
  passes: number;
}

export interface ControlErrors {
  p: ProbabilityError | null;
  seed: SeedError | null;
  vector: VectorError | null;
}

interface Props {
  values: ControlValues;
  errors: ControlErrors;
  strings: TensorStrings;
  onPText(text: string): void;
  onSeedText(text: string): void;
  onVectorText(text: string): void;
  onTraining(training: boolean): void;
  onInplace(inplace: boolean): void;
  onForward(passes: number): void;
  onRestart(): void;
  onArticle(): void;
}

export function probabilityMessage(error: ProbabilityError, s: TensorStrings): string {
  if (error.kind === 'empty') return s.pEmpty;
  if (error.kind === 'notNumber') return s.pNotNumber(error.text);
  return s.pRange(error.message);
}

function seedMessage(error: SeedError, s: TensorStrings): string {
  return error.kind === 'empty' ? s.seedEmpty : s.seedInvalid(error.text);
}

function vectorMessage(error: VectorError, s: TensorStrings): string {
  switch (error.kind) {
    case 'empty':
      return s.vectorEmpty;
    case 'notNumber':
      return s.vectorNotNumber(error.token, error.position);
    case 'tooLarge':
      return s.vectorTooLarge(error.token, error.position);
    case 'tooMany':
      return s.vectorTooMany(error.count, MAX_ELEMENTS);
  }
}

/** The error line under a field; always rendered so screen readers hear it appear (aria-live). */
function FieldError({ id, message, keptNote }: { id: string; message: string | null; keptNote: string }) {
  return (
    <p id={id} className="field-error tensor-field-error" aria-live="polite" data-testid={id}>
      {message && (
        <>
          {message} <span className="tensor-kept-note">{keptNote}</span>
        </>
      )}
    </p>
  );
}

/** p (slider + field), seed, x, train/eval, inplace, and the pass buttons. */
export function TensorControls(props: Props) {
  const { values, errors, strings: s } = props;
  const pError = errors.p ? probabilityMessage(errors.p, s) : null;
  const seedError = errors.seed ? seedMessage(errors.seed, s) : null;
  const vectorError = errors.vector ? vectorMessage(errors.vector, s) : null;
  const atLimit = values.passes >= MAX_PASSES;
  const canForward = values.training && !atLimit;
  const forwardNote = !values.training ? s.forwardDisabledInEval : atLimit ? s.maxPassesNote(MAX_PASSES) : null;

  return (
    <section className="tensor-section tensor-controls" aria-labelledby="tensor-controls-title">
      <h3 id="tensor-controls-title">{s.controlsHeading}</h3>
      <div className="tensor-field">
        <label htmlFor="tensor-p">{s.pFieldLabel}</label>
        <div className="tensor-p-row">
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={values.p}
            aria-label={s.pSliderLabel}
            aria-valuetext={`p = ${values.p}`}
            onChange={(event) => props.onPText(event.currentTarget.value)}
            data-testid="tensor-p-slider"
          />
          <input
            id="tensor-p"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            className="tensor-p-field"
            value={values.pText}
            aria-invalid={pError ? true : undefined}
            aria-describedby="tensor-p-error"
            onChange={(event) => props.onPText(event.currentTarget.value)}
            data-testid="tensor-p-input"
          />
        </div>
        <FieldError id="tensor-p-error" message={pError} keptNote={s.lastValidKept} />
      </div>

      <div className="tensor-field">
        <label htmlFor="tensor-seed">{s.seedLabel}</label>
        <input
          id="tensor-seed"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={values.seedText}
          aria-invalid={seedError ? true : undefined}
          aria-describedby="tensor-seed-error"
          onChange={(event) => props.onSeedText(event.currentTarget.value)}
          data-testid="tensor-seed-input"
        />
        <FieldError id="tensor-seed-error" message={seedError} keptNote={s.lastValidKept} />
      </div>

      <div className="tensor-field">
        <label htmlFor="tensor-x">{s.vectorLabel}</label>
        <textarea
          id="tensor-x"
          rows={2}
          autoComplete="off"
          spellCheck={false}
          value={values.vectorText}
          aria-invalid={vectorError ? true : undefined}
          aria-describedby="tensor-x-error"
          onChange={(event) => props.onVectorText(event.currentTarget.value)}
          data-testid="tensor-x-input"
        />
        <FieldError id="tensor-x-error" message={vectorError} keptNote={s.lastValidKept} />
      </div>

      <div className="tensor-toggles">
        <div role="group" aria-labelledby="tensor-mode-label" className="tensor-mode">
          <span id="tensor-mode-label">{s.modeLabel}</span>
          <button type="button" aria-pressed={values.training} onClick={() => props.onTraining(true)} data-testid="tensor-train">
            {s.trainMode}
          </button>
          <button type="button" aria-pressed={!values.training} onClick={() => props.onTraining(false)} data-testid="tensor-eval">
            {s.evalMode}
          </button>
        </div>
        <label className="tensor-checkbox">
          <input
            type="checkbox"
            checked={values.inplace}
            onChange={(event) => props.onInplace(event.currentTarget.checked)}
            data-testid="tensor-inplace"
          />
          <code>{s.inplaceLabel}</code>
        </label>
      </div>

      <div className="tensor-actions">
        <button
          type="button"
          className="primary"
          disabled={!canForward}
          aria-describedby={forwardNote ? 'tensor-forward-note' : undefined}
          onClick={() => props.onForward(1)}
          data-testid="tensor-forward"
        >
          {s.forward}
        </button>
        <button type="button" disabled={!canForward} onClick={() => props.onForward(100)} data-testid="tensor-forward-many">
          {s.forwardMany}
        </button>
        <button type="button" onClick={props.onRestart} data-testid="tensor-restart">
          {s.restart}
        </button>
        <button type="button" onClick={props.onArticle} data-testid="tensor-article">
          {s.articleExample}
        </button>
      </div>
      {forwardNote && (
        <p id="tensor-forward-note" className="tensor-note">
          {forwardNote}
        </p>
      )}
    </section>
  );
}
