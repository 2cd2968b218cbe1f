import { useRef, type KeyboardEvent } from 'react';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { chooseScreen } from '../../state/lesson/navigation';
import { SCREENS, type Screen } from '../../state/urlSchema';

/**
 * The two screens, like PhET's: Lesson and Lab, as tabs. One tab stop (the selected tab); ← → move between
 * the tabs and Enter or Space opens one, as tabs do (manual activation: switching screens is a big change).
 */
export function ScreenTabs() {
  const lesson = useStrings().lesson;
  const view = useStore((state) => state.settings.view) ?? 'lab';
  const refs = useRef<Partial<Record<Screen, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, screen: Screen) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    // Handled here: the lesson's ← → step keys must not also turn the page.
    event.preventDefault();
    const index = SCREENS.indexOf(screen);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? SCREENS.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + SCREENS.length) % SCREENS.length;
    refs.current[SCREENS[next]]?.focus();
  };
  return (
    <div className="screen-tabs" role="tablist" aria-label={lesson.screensLabel}>
      {SCREENS.map((screen) => (
        <button
          key={screen}
          ref={(element) => {
            refs.current[screen] = element;
          }}
          type="button"
          role="tab"
          id={`screen-tab-${screen}`}
          aria-selected={view === screen}
          tabIndex={view === screen ? 0 : -1}
          data-screen={screen}
          onClick={() => chooseScreen(screen)}
          onKeyDown={(event) => onKeyDown(event, screen)}
        >
          {screen === 'lesson' ? lesson.lesson : lesson.lab}
        </button>
      ))}
    </div>
  );
}
