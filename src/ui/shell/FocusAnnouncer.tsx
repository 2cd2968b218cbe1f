import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../../i18n/useStrings';

/** Tells screen-reader users when the focus layout hides or restores panels (keys 1–4, Escape). */
export function FocusAnnouncer() {
  const strings = useStrings();
  const focusPanel = useStore((state) => state.focusPanel);
  const [message, setMessage] = useState('');
  const first = useRef(true);

  useEffect(() => {
    // Nothing to announce on load: the layout only "changes" after a key press or a click.
    if (first.current) {
      first.current = false;
      return;
    }
    setMessage(focusPanel ? strings.shell.focusAnnouncement(strings.panels[focusPanel]) : strings.shell.allPanelsAnnouncement);
  }, [focusPanel, strings]);

  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}
