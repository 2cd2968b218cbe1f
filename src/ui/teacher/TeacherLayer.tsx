import { LazyPartView, lazyPart } from '../shell/lazyPart';
import './teacherLayout.css';

// The teacher panel and its QR encoder are a chunk of their own: a student's page never downloads them.
const PANEL = lazyPart(() => import('./TeacherPanel'), (module) => module.TeacherPanel, { partStrings: true });

/** The teacher layer where a screen places it (the Lab: above the panels; the Lesson: under the step card). */
export function TeacherLayer() {
  return <LazyPartView part={PANEL} name="teacher" placeholderClass="teacher-panel teacher-pending" props={{}} />;
}
