import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useStrings } from '../useStrings';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside the dialog. showModal() makes the page behind inert, but Tab from the last control would
 * still leave for the browser's own toolbar; wrapping to the first control keeps keyboard users in place.
 */
function trapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * An accessible modal built on the native <dialog>: showModal() makes the rest of the page inert, Tab wraps
 * inside, Escape closes it, and on close the focus returns to the control that opened it.
 */
export function Dialog({ id, title, onClose, children }: { id: string; title: string; onClose(): void; children: ReactNode }) {
  const strings = useStrings();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Focus goes back where it was, unless that control is gone (then the browser's default is fine).
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  const titleId = `${id}-title`;
  return (
    <dialog
      ref={ref}
      id={id}
      className="shell-dialog"
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, not on its content.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="shell-dialog-content">
        <div className="shell-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="shell-dialog-close" onClick={onClose} aria-label={strings.shell.closeDialog}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
