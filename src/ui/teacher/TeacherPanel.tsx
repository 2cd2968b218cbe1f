/**
 * The teacher layer: the step's notes (goal, the misconception it targets, a question to ask, the minutes), a
 * QR code of the link students should open (this page's link without the teacher layer, with the controls the
 * teacher chose to hide), and the mystery-p challenge. Its own chunk (see TeacherLayer.tsx).
 */
import { useId, useState } from 'react';
import { useStore } from '../../state/store';
import { stepAt } from '../../state/lesson/steps';
import { stepTextFor } from '../../i18n';
import { HIDEABLE_CONTROLS, type HideableControl } from '../../state/teacher/hideList';
import { endMystery, revealMystery, startMystery, studentLinkQuery, useMystery } from '../../state/teacher/teacher';
import { usePartStrings, useStrings } from '../useStrings';
import { Dialog } from '../shell/Dialog';
import { QrCode } from './QrCode';
import { StartAgain } from '../lesson/StartAgain';
import './teacher.css';

export function TeacherPanel() {
  const t = usePartStrings().teacher;
  const headingId = useId();
  const lessonOn = useStore((state) => state.settings.view === 'lesson');
  // The hide choices start from the page's own link and are the teacher's to change: they shape the student link.
  const [hide, setHide] = useState<HideableControl[]>(() => [...useStore.getState().settings.hide]);
  return (
    <aside className="teacher-panel" aria-labelledby={headingId} data-testid="teacher-panel">
      <h2 id={headingId} className="teacher-title">
        {t.panelTitle}
      </h2>
      {/* The QR code first: it is what the class needs from the projected screen. */}
      <StudentLink hide={hide} />
      {lessonOn ? <StepNotes /> : <p className="teacher-hint">{t.notesInLab}</p>}
      {/* The next class at the same projector starts from no answers (this tab keeps them across reloads). */}
      {lessonOn && <StartAgain className="teacher-section" />}
      <MysteryControls />
      <HideChooser hide={hide} onChange={setHide} />
    </aside>
  );
}

/** The current step's teacher note, in the reader's language. */
function StepNotes() {
  const lesson = useStrings().lesson;
  const t = usePartStrings().teacher;
  const number = useStore((state) => state.settings.step);
  const step = stepAt(number);
  const locale = useStore((state) => state.locale);
  const note = stepTextFor(locale, step.id).teacher;
  const headingId = useId();
  return (
    <section className="teacher-section" aria-labelledby={headingId} data-testid="teacher-notes" data-step={step.id}>
      <h3 id={headingId}>{t.notesHeading(number)}</h3>
      <dl className="teacher-notes">
        <dt>{lesson.teacher.goal}</dt>
        <dd data-testid="teacher-goal">{note.goal}</dd>
        <dt>{lesson.teacher.misconception}</dt>
        <dd data-testid="teacher-misconception">
          <ul>
            {step.teacher.misconceptions.map((id) => (
              <li key={id}>{lesson.misconceptions[id]}</li>
            ))}
          </ul>
        </dd>
        <dt>{lesson.teacher.ask}</dt>
        <dd data-testid="teacher-ask">{note.ask}</dd>
        <dt>{t.minutesLabel}</dt>
        <dd data-testid="teacher-minutes">{lesson.teacher.minutes(step.teacher.minutes)}</dd>
      </dl>
    </section>
  );
}

/** A page opened as localhost links to the teacher's own computer: a phone that scans it opens nothing. */
function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.') || hostname.endsWith('.localhost');
}

/** The link students open, as a QR code (large on demand) and as text to copy. It follows every change. */
function StudentLink({ hide }: { hide: readonly HideableControl[] }) {
  const t = usePartStrings().teacher;
  const settings = useStore((state) => state.settings);
  const [large, setLarge] = useState(false);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const headingId = useId();
  const url = `${location.origin}${location.pathname}${studentLinkQuery(settings, hide)}`;
  const copyLink = () => {
    const done = navigator.clipboard?.writeText(url);
    if (!done) {
      setCopy('failed');
      return;
    }
    done.then(() => setCopy('copied'), () => setCopy('failed'));
  };
  return (
    <section className="teacher-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.qrHeading}</h3>
      <div className="teacher-link">
        <QrCode text={url} label={t.qrLabel} className="teacher-qr" testId="teacher-qr" />
        <div className="teacher-link-text">
          <p className="teacher-url" data-testid="teacher-url">
            {url}
          </p>
          <p className="teacher-hint">{t.qrHint}</p>
          {isLocalHost(location.hostname) && (
            <p className="teacher-warning" data-testid="teacher-localhost">
              {t.localHostWarning}
            </p>
          )}
          <div className="teacher-buttons">
            <button type="button" className="primary" onClick={() => setLarge(true)} aria-haspopup="dialog" data-testid="teacher-qr-large">
              {t.showLarge}
            </button>
            <button type="button" onClick={copyLink} data-testid="teacher-copy">
              {t.copyLink}
            </button>
          </div>
          <p role="status" className="teacher-hint" key={url}>
            {copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
          </p>
        </div>
      </div>
      {large && (
        <Dialog id="teacher-qr-dialog" title={t.largeTitle} onClose={() => setLarge(false)}>
          <div className="teacher-qr-large">
            <QrCode text={url} label={t.qrLabel} className="teacher-qr-big" testId="teacher-qr-big" />
            <p className="teacher-url teacher-url-big">{url}</p>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** Checkboxes that build a link without chosen controls; the QR code and the link above follow them. */
function HideChooser({ hide, onChange }: { hide: readonly HideableControl[]; onChange(next: HideableControl[]): void }) {
  const t = usePartStrings().teacher;
  const toggle = (id: HideableControl, on: boolean) =>
    onChange(HIDEABLE_CONTROLS.filter((control) => (control === id ? on : hide.includes(control))));
  return (
    <fieldset className="teacher-section teacher-hide" data-testid="teacher-hide">
      <legend>{t.hideHeading}</legend>
      <p className="teacher-hint">{t.hideIntro}</p>
      <div className="teacher-hide-grid">
        {HIDEABLE_CONTROLS.map((id) => (
          <label key={id} className="teacher-check">
            <input type="checkbox" checked={hide.includes(id)} onChange={(event) => toggle(id, event.target.checked)} data-hide={id} />
            <span>{t.hideLabels[id]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Start, reveal and end the mystery-p challenge. p is shown here only after "Reveal p". */
function MysteryControls() {
  const t = usePartStrings().teacher;
  const mystery = useMystery();
  const headingId = useId();
  return (
    <section className="teacher-section" aria-labelledby={headingId} data-testid="teacher-mystery">
      <h3 id={headingId}>{t.mysteryHeading}</h3>
      <p className="teacher-hint">{mystery ? t.mysteryOn : t.mysteryIntro}</p>
      {mystery?.revealed && (
        <p className="teacher-revealed" data-testid="teacher-revealed">
          <strong>{t.revealed(String(mystery.p))}</strong>
        </p>
      )}
      <div className="teacher-buttons">
        {mystery && !mystery.revealed && (
          <button type="button" className="primary" onClick={revealMystery} data-testid="teacher-reveal">
            {t.reveal}
          </button>
        )}
        <button type="button" onClick={() => startMystery()} data-testid="teacher-mystery-start">
          {mystery ? t.mysteryNew : t.mysteryStart}
        </button>
        {mystery && (
          <button type="button" onClick={endMystery} data-testid="teacher-mystery-end">
            {t.mysteryEnd}
          </button>
        )}
      </div>
    </section>
  );
}
