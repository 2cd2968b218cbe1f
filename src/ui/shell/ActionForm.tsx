import type { FormHTMLAttributes, KeyboardEvent, ReactNode } from 'react';

/** The fields in which Enter submits a form (the browsers' implicit submission): text-like fields and choices. */
const ENTER_RUNS_IN: ReadonlySet<string> = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'radio', 'checkbox']);

/**
 * A form whose action runs from script, never as a form submission. A frame sandboxed without `allow-forms`, as
 * the embed code is (README: Embedding in a course page), blocks every submission before its `submit` event
 * fires: in an embedded lesson Check did nothing, and Chromium logged an error to the console. So the action
 * runs from its button's click (give it `type="button"` and `onClick`) and from Enter in a field, where implicit
 * submission ran it before; not while an input method is composing, where Enter confirms the Chinese characters.
 */
export function ActionForm({
  onAction,
  children,
  ...attributes
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onKeyDown'> & { onAction: () => void; children: ReactNode }) {
  const runOnEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const field = event.target;
    if (!(field instanceof HTMLInputElement) || !ENTER_RUNS_IN.has(field.type)) return;
    event.preventDefault();
    onAction();
  };
  return (
    <form
      {...attributes}
      onKeyDown={runOnEnter}
      // Nothing in the form submits it; should a submit button be added, it runs the action instead of navigating.
      onSubmit={(event) => {
        event.preventDefault();
        onAction();
      }}
    >
      {children}
    </form>
  );
}
