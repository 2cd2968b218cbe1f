/**
 * Play/pause, stepping, reset, speed, dropout p and the train/eval view. Everything calls the actions of
 * src/state/training.ts, which the keyboard shortcuts and the embed bridge call as well.
 */
import { useEffect, useId, useRef } from 'react';
import { useFieldDraft } from '../shell/useFieldDraft';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import {
  P_BOUNDS, resetTraining, setDropoutP, setSpeed, setView, stepEpoch, stepPass, togglePlay,
} from '../../state/training';
import { parseSetting, URL_SCHEMA } from '../../state/urlSchema';
import { useHidden } from '../teacher/useHidden';

// The choices are the settings registry's, so the buttons, the URL and the embed bridge accept the same ones.
const SPEEDS = URL_SCHEMA.speed.options!;
const VIEWS = URL_SCHEMA.netview.options!;
/** Dragging the slider restarts training only once the hand rests, not on every pixel. */
const COMMIT_DELAY_MS = 350;

export function NetworkControls() {
  const allStrings = useStrings();
  const strings = allStrings.network;
  const running = useStore((state) => state.training.running);
  const diverged = useStore((state) => state.training.diverged);
  // At the end of its budget the run waits; play then continues it for another budget ("Continue").
  const finished = useStore((state) => state.training.finished && !state.training.running);
  const budget = useStore((state) => state.settings.epochs);
  const speed = useStore((state) => state.training.speed);
  const view = useStore((state) => state.settings.netview);
  const p = useStore((state) => state.settings.p);
  // A link may leave these out (hide=speed, hide=p): not rendered at all.
  const hideSpeed = useHidden('speed');
  const hideP = useHidden('p');
  // Follows p when it changes elsewhere (shortcuts, embed bridge), unless the user is mid-correction.
  const { draft, setDraft, invalid, setInvalid } = useFieldDraft(String(p));
  const commitTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const errorId = useId();
  const noteId = useId();
  const sliderId = useId();
  const numberId = useId();


  useEffect(() => () => {
    if (commitTimer.current) clearTimeout(commitTimer.current);
  }, []);

  const commitLater = (value: number) => {
    if (commitTimer.current) clearTimeout(commitTimer.current);
    commitTimer.current = setTimeout(() => setDropoutP(value), COMMIT_DELAY_MS);
  };

  const onDraft = (raw: string) => {
    setDraft(raw);
    // The URL schema's own rule, so the field accepts exactly what a shared link would.
    const parsed = parseSetting('p', raw);
    setInvalid(!parsed.ok);
    if (parsed.ok) commitLater(parsed.value);
    else if (commitTimer.current) clearTimeout(commitTimer.current);
  };

  const sliderValue = invalid ? p : Number(draft);

  return (
    <div className="net-controls" role="group" aria-label={strings.controlsLabel}>
      <div className="net-buttons">
        <button
          type="button"
          className="primary net-play"
          onClick={togglePlay}
          disabled={diverged && !running}
          title={finished ? strings.continueTitle(budget) : undefined}
          data-testid="play"
          data-finished={finished}
        >
          <span aria-hidden="true">{running ? '❚❚ ' : '▶ '}</span>
          {running ? strings.pause : finished ? strings.continue : strings.play}
        </button>
        <button type="button" onClick={stepPass} title={strings.stepPassTitle} data-testid="step-pass" disabled={diverged}>
          {strings.stepPass}
        </button>
        <button type="button" onClick={stepEpoch} data-testid="step-epoch" disabled={diverged}>
          {strings.stepEpoch}
        </button>
        <button type="button" onClick={resetTraining} title={strings.resetTitle} data-testid="reset">
          {strings.reset}
        </button>
      </div>
      {diverged && (
        // Repeated beside the buttons it disables: on a phone the notice area is a screen away.
        <p className="field-error" data-testid="diverged-message">
          {allStrings.notices.texts.diverged()}
        </p>
      )}
      {!hideSpeed && <div className="net-choice" role="group" aria-label={strings.speedLabel}>
        <span className="net-choice-label" aria-hidden="true">{strings.speedLabel}</span>
        {SPEEDS.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={speed === option}
            title={strings.speedTitles[option]}
            onClick={() => setSpeed(option)}
            data-speed={option}
          >
            {strings.speeds[option]}
          </button>
        ))}
      </div>}
      <div className="net-choice" role="group" aria-label={strings.viewLabel}>
        <span className="net-choice-label" aria-hidden="true">{strings.viewLabel}</span>
        {VIEWS.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={view === option}
            title={strings.viewTitles[option]}
            onClick={() => setView(option)}
            data-view={option}
          >
            {strings.views[option]}
          </button>
        ))}
      </div>
      {!hideP && <div className="net-p">
        <label htmlFor={sliderId}>{strings.pLabel}</label>
        <div className="net-p-inputs">
          <input
            id={sliderId}
            type="range"
            min={P_BOUNDS.min}
            max={P_BOUNDS.max}
            step={0.05}
            value={sliderValue}
            aria-describedby={noteId}
            onChange={(event) => onDraft(event.target.value)}
            data-testid="p-slider"
          />
          <input
            id={numberId}
            type="number"
            inputMode="decimal"
            min={P_BOUNDS.min}
            max={P_BOUNDS.max}
            step={0.05}
            value={draft}
            aria-label={strings.pValueLabel}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${errorId} ${noteId}` : noteId}
            onChange={(event) => onDraft(event.target.value)}
            data-testid="p-input"
          />
        </div>
        {invalid && (
          <p id={errorId} className="field-error" role="alert">
            {strings.pInvalid(P_BOUNDS.min, P_BOUNDS.max)}
          </p>
        )}
        <p id={noteId} className="net-note">
          {strings.pNote}
        </p>
      </div>}
    </div>
  );
}
