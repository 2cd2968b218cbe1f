import { useStore } from '../../state/store';
import { setTeacherLayer } from '../../state/teacher/teacher';
import { useStrings } from '../useStrings';

/** The header's switch for the teacher layer (the `teacher` setting, so `?teacher=1` opens it too). */
export function TeacherButton() {
  const t = useStrings().shell;
  const on = useStore((state) => state.settings.teacher);
  return (
    <button type="button" aria-pressed={on} title={t.teacherTitle} onClick={() => setTeacherLayer(!on)} data-testid="teacher-toggle">
      {t.teacher}
    </button>
  );
}
