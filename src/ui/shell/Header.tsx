import { useStore } from '../../state/store';
import { useStrings } from '../../i18n/useStrings';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n';
import { updateSettings } from '../../state/urlSync';

export function Header() {
  const strings = useStrings();
  const locale = useStore((state) => state.locale);

  const chooseLocale = (next: Locale) => {
    useStore.setState({ locale: next });
    updateSettings({ locale: next });
  };

  return (
    <header className="app-header">
      <div className="brand">
        <h1>{strings.app.title}</h1>
        <p className="tagline">{strings.app.tagline}</p>
      </div>
      <div className="header-tools">
        <label className="locale-picker">
          <span>{strings.app.languageLabel}</span>
          <select value={locale} onChange={(event) => chooseLocale(event.target.value as Locale)}>
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NAMES[option]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
