import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import { chooseLocale, setReducedMotion } from '../../state/preferences';
import { updateSettings } from '../../state/urlSync';
import { useStrings } from '../useStrings';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n';
import { toggleFullscreen, useIsFullscreen } from './fullscreen';
import { openDialog } from './shellState';
import { RunStatus } from './RunStatus';
import { ScreenTabs } from '../lesson/ScreenTabs';
import { useRovingToolbar } from './useRovingToolbar';
import { TeacherButton } from '../teacher/TeacherButton';
import { useHidden } from '../teacher/useHidden';

export function Header() {
  const strings = useStrings();
  const toolbar = useRovingToolbar<HTMLDivElement>();
  const locale = useStore((state) => state.locale);
  const mode = useStore((state) => state.settings.mode);
  const fullscreen = useIsFullscreen();
  const reducedMotion = useStore((state) => state.reducedMotion);
  const presenting = mode === 'present';
  // A link may leave these out (hide=…, built in the teacher panel): not rendered at all, so never reached.
  const hideScreens = useHidden('screens');
  const hidePresent = useHidden('present');
  const hideTeacher = useHidden('teacher');
  const hideLanguage = useHidden('language');
  const [loadingLocale, setLoadingLocale] = useState(false);
  // WebKit (Safari, iPad) fires no change event when the user picks the option they picked last, even though the
  // page has set the value back since. After a choice that did not take (its chunk failed to download), a new
  // <select> lets them choose the same language again; it keeps the focus if the old one had it.
  const [pickerKey, setPickerKey] = useState(0);
  const picker = useRef<HTMLSelectElement>(null);
  const refocusPicker = useRef(false);
  const pickLocale = (next: Locale) => {
    setLoadingLocale(true);
    void chooseLocale(next).finally(() => {
      setLoadingLocale(false);
      if (useStore.getState().locale === next) return;
      refocusPicker.current = document.activeElement === picker.current;
      setPickerKey((key) => key + 1);
    });
  };
  useEffect(() => {
    if (!refocusPicker.current) return;
    refocusPicker.current = false;
    picker.current?.focus();
  }, [pickerKey]);

  return (
    <header className="app-header">
      <div className="brand">
        <h1>{strings.app.title}</h1>
        <p className="tagline">{strings.app.tagline}</p>
        <RunStatus />
      </div>
      {!hideScreens && <ScreenTabs />}
      <div className="header-tools" role="toolbar" aria-label={strings.shell.toolsLabel} ref={toolbar}>
        {!hidePresent && <button
          type="button"
          aria-pressed={presenting}
          title={strings.shell.presentTitle}
          onClick={() => updateSettings({ mode: presenting ? 'normal' : 'present' })}
        >
          {strings.shell.present}
        </button>}
        <button type="button" aria-pressed={fullscreen} onClick={toggleFullscreen} data-shortcut="f">
          {fullscreen ? strings.shell.exitFullscreen : strings.shell.fullscreen}
        </button>
        <button
          type="button"
          aria-pressed={reducedMotion}
          title={strings.shell.reduceMotionTitle}
          onClick={() => setReducedMotion(!reducedMotion)}
        >
          {strings.shell.reduceMotion}
        </button>
        <button type="button" title={strings.shell.shortcutsTitle} onClick={() => openDialog('help')} aria-haspopup="dialog">
          {strings.shell.shortcuts}
        </button>
        <button type="button" title={strings.shell.embedTitle} onClick={() => openDialog('embed')} aria-haspopup="dialog">
          {strings.shell.embed}
        </button>
        {!hideTeacher && <TeacherButton />}
        {!hideLanguage && <label className="locale-picker">
          <span>{strings.app.languageLabel}</span>
          <select
            key={pickerKey}
            ref={picker}
            value={locale}
            aria-busy={loadingLocale || undefined}
            onChange={(event) => pickLocale(event.target.value as Locale)}
          >
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NAMES[option]}
              </option>
            ))}
          </select>
        </label>}
      </div>
    </header>
  );
}
