/**
 * The lazily loaded panels, shared by the Lab (App.tsx) and the Lesson's figure (lesson/LessonFigure.tsx): both
 * screens show the same components, each a chunk of its own (the charts with d3's charting code). The tensor
 * lab is one too: the Lesson opens on the network and the loss chart, so its first screen does not wait for the
 * tensor lab's code and styles; the Lab, which opens on it, loads it before its first render (see main.tsx).
 */
import type { StageName } from './shell/Staged';
import { lazyPart, type LazyPart } from './shell/lazyPart';
import type { UrlSettings } from '../state/urlSchema';
import { stepAt } from '../state/lesson/steps';

/** The panels beyond the lesson's first screen read the later parts' strings (see i18n/index.ts). */
const WITH_STRINGS = { partStrings: true };

export const PANEL_CHUNKS = {
  tensor: lazyPart(() => import('./tensor/TensorLab'), (module) => module.TensorLab, WITH_STRINGS),
  network: lazyPart(() => import('./network/NetworkPanel'), (module) => module.NetworkPanel),
  loss: lazyPart(() => import('./loss/LossChartPanel'), (module) => module.LossChartPanel),
  fit: lazyPart(() => import('./fit/FitChartPanel'), (module) => module.FitChartPanel, WITH_STRINGS),
  settings: lazyPart(() => import('./settings/ScenarioSettings'), (module) => module.ScenarioSettings, WITH_STRINGS),
  sweep: lazyPart(() => import('./sweep/SweepPanel'), (module) => module.SweepPanel, WITH_STRINGS),
  explain: lazyPart(() => import('./explain/Explainer'), (module) => module.Explainer, WITH_STRINGS),
} satisfies Record<StageName, LazyPart<object>>;

/**
 * Whether the first screen shows the tensor lab: the Lab with its tensor panel (where it is the top of the
 * page), a mystery-p challenge (the tensor lab alone), or a lesson step whose figure holds it. main.tsx then
 * has its chunk before the first render. It is tall and mostly text, so a box standing in for it would either
 * move the page when it fills in or guess its height wrong at some width; the network and the charts have boxes
 * of a set size, and their placeholders are enough.
 */
export function firstScreenShowsTensorLab(settings: Pick<UrlSettings, 'view' | 'panels' | 'mystery' | 'step'>): boolean {
  if (settings.mystery !== undefined) return true;
  if (settings.view === 'lesson') return stepAt(settings.step).panels.includes('tensor');
  return settings.panels.includes('tensor');
}
