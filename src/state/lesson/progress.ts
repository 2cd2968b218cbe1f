/**
 * What the student has done in the lesson: the choice committed (or the skip) per step. Kept out of the app
 * store, so answering a question never re-renders a panel; the steps themselves live in the settings (`step`).
 *
 * The answers are kept in this tab's sessionStorage, so a reload keeps them: the "could not be downloaded"
 * message offers one, and so does a new version of the app. They stay in the tab: a new tab, or the next
 * student at a shared computer, starts the lesson afresh, and nothing a student answered goes into a link.
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { LESSON_STEPS, type LessonChoice, type LessonStep } from './steps';

/** A committed answer: the choice's id, or `skipped` when the student asked to be shown. */
export type StepAnswer = { kind: 'chosen'; choice: string } | { kind: 'skipped' };

export interface LessonProgress {
  answers: Record<string, StepAnswer>;
  /** The seed the reader's link named (or the default): steps that do not name a seed train with it. */
  readerSeed: number;
}

/** How a committed answer stands: the reveal says it, and the embed bridge tells a course page. */
export type AnswerVerdict = 'right' | 'wrong' | 'skipped';

/** The choice a committed answer picked, as the step offers it (undefined for a skip). */
export function chosenChoice(step: LessonStep, answer: StepAnswer): LessonChoice | undefined {
  return answer.kind === 'chosen' ? step.question?.choices.find((choice) => choice.id === answer.choice) : undefined;
}

export function answerVerdict(step: LessonStep, answer: StepAnswer): AnswerVerdict {
  const chosen = chosenChoice(step, answer);
  return chosen ? (chosen.correct ? 'right' : 'wrong') : 'skipped';
}

/** The sessionStorage key. A new shape of the answers gets a new ANSWERS_VERSION, and old ones are dropped. */
export const ANSWERS_STORAGE_KEY = 'dropout-lab:lesson-answers';
const ANSWERS_VERSION = 1;

/**
 * This tab's sessionStorage, or nothing where there is none. A page embedded on another site may be refused
 * storage (reading `sessionStorage` throws), and a full storage refuses a write: the lesson then keeps its
 * answers in memory only, as it always could, and never fails an answer for it.
 */
const tabStorage: StateStorage = {
  getItem: (name) => {
    try {
      return globalThis.sessionStorage?.getItem(name) ?? null;
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      globalThis.sessionStorage?.setItem(name, value);
    } catch {
      // Refused or full: the answers stay in memory.
    }
  },
  removeItem: (name) => {
    try {
      globalThis.sessionStorage?.removeItem(name);
    } catch {
      // Nothing to remove where storage is refused.
    }
  },
};

/**
 * The answers a stored value holds that this lesson still asks: an answer to a step that is gone, or a choice a
 * step no longer offers (an older version of the lesson, or a hand-edited storage), is left out rather than shown.
 */
export function answersFromStorage(stored: unknown): Record<string, StepAnswer> {
  const answers: Record<string, StepAnswer> = {};
  if (typeof stored !== 'object' || stored === null) return answers;
  const record = stored as Record<string, unknown>;
  for (const step of LESSON_STEPS) {
    if (!step.question || !Object.hasOwn(record, step.id)) continue;
    const answer = record[step.id] as { kind?: unknown; choice?: unknown } | null;
    if (answer?.kind === 'skipped') answers[step.id] = { kind: 'skipped' };
    else if (answer?.kind === 'chosen' && step.question.choices.some((choice) => choice.id === answer.choice)) {
      answers[step.id] = { kind: 'chosen', choice: answer.choice as string };
    }
  }
  return answers;
}

export const useLessonProgress = create<LessonProgress>()(
  persist(() => ({ answers: {}, readerSeed: 0 }), {
    name: ANSWERS_STORAGE_KEY,
    version: ANSWERS_VERSION,
    storage: createJSONStorage(() => tabStorage),
    // Only the answers: the reader's seed comes from the link each time the page opens.
    partialize: (state) => ({ answers: state.answers }),
    merge: (stored, current) => ({ ...current, answers: answersFromStorage((stored as { answers?: unknown } | undefined)?.answers) }),
    // Another version's answers: dropped (without this, zustand would log an error and keep nothing either).
    migrate: () => ({ answers: {} }),
  }),
);

/**
 * Keeps this page's answers in step with the other pages of the lesson in the same tab: a course page that embeds
 * several steps, each in a frame of its own, holds one lesson, and every frame writes all of its answers. Each
 * frame takes in what another wrote (a `storage` event fires in the tab's other same-origin documents, not in
 * the writer), so none overwrites the others' answers with an older copy, and a step answered in one frame is
 * answered in all. Returns the function that stops it.
 */
export function followAnswersOfOtherFrames(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === ANSWERS_STORAGE_KEY || event.key === null) void useLessonProgress.persist.rehydrate();
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}

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

/** Takes every answer back: the lesson starts afresh in this tab (a new class at the same projector). */
export function clearAllAnswers(): void {
  useLessonProgress.setState({ answers: {} });
}
