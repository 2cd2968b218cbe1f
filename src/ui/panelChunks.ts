/**
 * The lazily loaded panels, shared by the Lab (App.tsx) and the Lesson's figure (lesson/LessonFigure.tsx): both
 * screens show the same components, each a chunk of its own with d3's charting code.
 */
import type { StageName } from './shell/Staged';
import { lazyPart, type LazyPart } from './shell/lazyPart';

export const PANEL_CHUNKS = {
  network: lazyPart(() => import('./network/NetworkPanel'), (module) => module.NetworkPanel),
  loss: lazyPart(() => import('./loss/LossChartPanel'), (module) => module.LossChartPanel),
  fit: lazyPart(() => import('./fit/FitChartPanel'), (module) => module.FitChartPanel),
  settings: lazyPart(() => import('./settings/ScenarioSettings'), (module) => module.ScenarioSettings),
  sweep: lazyPart(() => import('./sweep/SweepPanel'), (module) => module.SweepPanel),
  explain: lazyPart(() => import('./explain/Explainer'), (module) => module.Explainer),
} satisfies Record<StageName, LazyPart<object>>;
