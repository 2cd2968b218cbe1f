/**
 * What the student has done in the lesson: the choice committed (or the skip) per step. Kept out of the app
 * store, so answering a question never re-renders a panel; the steps themselves live in the settings (`step`).
 */
import { create } from 'zustand';

/** A committed answer: the choice's id, or `skipped` when the student asked to be shown. */
export type StepAnswer = { kind: 'chosen'; choice: string } | { kind: 'skipped' };

export interface LessonProgress {
  answers: Record<string, StepAnswer>;
  /** The seed the reader's link named (or the default): steps that do not name a seed train with it. */
  readerSeed: number;
}

export const useLessonProgress = create<LessonProgress>(() => ({ answers: {}, readerSeed: 0 }));

/** Commits a choice (or a skip) for a step: from now on its answer and explanation are on the page. */
export function commitAnswer(stepId: string, answer: StepAnswer): void {
  useLessonProgress.setState((state) => ({ answers: { ...state.answers, [stepId]: answer } }));
}

/** Takes an answer back, so the question can be tried again. */
export function clearAnswer(stepId: string): void {
  useLessonProgress.setState((state) => {
    const answers = { ...state.answers };
    delete answers[stepId];
    return { answers };
  });
}
