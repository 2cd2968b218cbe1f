/**
 * Predict, then reveal, for the panels too. A Lab panel explains what it shows ("the count follows a Binomial",
 * "expect a U"), which is right in the Lab and gives the answer away in a lesson step that asks that very
 * question. The lesson closes the gate around its figure until the student commits or skips; a panel's text that
 * answers a lesson question is a Spoiler, absent from the page (not hidden: screen readers and curious students
 * see the same) while the gate is closed. Outside a gate (the Lab, an embed) everything is shown.
 */
import { createContext, use, type ReactNode } from 'react';

const AnswerShown = createContext(true);

export function AnswerGate({ open, children }: { open: boolean; children: ReactNode }) {
  return <AnswerShown value={open}>{children}</AnswerShown>;
}

/** Whether text that answers the current lesson question may be on the page. */
export function useAnswerShown(): boolean {
  return use(AnswerShown);
}

/** Renders its children only once the lesson's answer is out (always, outside a lesson). */
export function Spoiler({ children }: { children: ReactNode }) {
  return useAnswerShown() ? children : null;
}
