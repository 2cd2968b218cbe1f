import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';

/** Tells screen-reader users when the focus layout hides or restores panels (keys 1–4, Escape). */
export function FocusAnnouncer() {
  const strings = useStrings();
  const focusPanels = useStore((state) => state.focusPanels);
  const [message, setMessage] = useState('');
  const first = useRef(true);

  useEffect(() => {
    // Nothing to announce on load: the layout only "changes" after a key press or a click.
    if (first.current) {
      first.current = false;
      return;
    }
    setMessage(
      focusPanels.length > 0
        ? strings.shell.focusAnnouncement(focusPanels.map((panel) => strings.panels[panel]))
        : strings.shell.allPanelsAnnouncement,
    );
  }, [focusPanels, strings]);

  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}
