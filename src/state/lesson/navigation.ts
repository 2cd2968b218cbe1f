/**
 * Moving through the lesson, and between the Lesson and the Lab. A step is applied by putting its settings in
 * the store (see settingsForStep): the panels then show what they always show for those settings.
 */
import { useStore } from '../store';
import { applyPresetSettings, pause, resetTraining } from '../training';
import { defaultUrlSettings, type Screen } from '../urlSchema';
import { updateSettings } from '../urlSync';
import { clearAllAnswers, useLessonProgress } from './progress';
import { LESSON_STEP_COUNT, LESSON_STEPS, settingsForStep, stepAt } from './steps';

/** Shows step `number` (1-based, clamped): its settings, its figure, and the step in the link. */
export function goToStep(number: number): void {
  const index = Math.min(LESSON_STEP_COUNT, Math.max(1, Math.round(number)));
  const step = stepAt(index);
  const { settings } = useStore.getState();
  const next = settingsForStep({ ...settings, step: index }, defaultUrlSettings(), step, useLessonProgress.getState().readerSeed);
  // A step without a training panel has nothing to watch: training pauses rather than use the cores unseen.
  if (!step.panels.some((panel) => panel === 'network' || panel === 'loss' || panel === 'fit')) pause();
  applyPresetSettings(next);
}

export function nextStep(): boolean {
  const { step } = useStore.getState().settings;
  if (step >= LESSON_STEP_COUNT) return false;
  goToStep(step + 1);
  return true;
}

export function previousStep(): boolean {
  const { step } = useStore.getState().settings;
  if (step <= 1) return false;
  goToStep(step - 1);
  return true;
}

/**
 * Clears every answer given in this tab and goes back to the first step, as a new student or class would find
 * it: with a run at epoch 0, waiting for Play (going to step 1 alone keeps a run of the same settings going).
 */
export function startLessonAgain(): void {
  clearAllAnswers();
  pause();
  goToStep(1);
  resetTraining();
}

/** Switches screen. The Lab keeps whatever the step had set; back in the Lesson, the step's settings return. */
export function chooseScreen(view: Screen): void {
  const { settings } = useStore.getState();
  if (settings.view === view) return;
  updateSettings({ view });
  if (view === 'lesson') goToStep(settings.step);
}

/** The index (0-based) of a step id; -1 when there is none. */
export function stepIndex(id: string): number {
  return LESSON_STEPS.findIndex((step) => step.id === id);
}
