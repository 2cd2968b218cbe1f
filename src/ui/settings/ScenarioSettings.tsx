import { useEffect, useId, useState, type FormEvent } from 'react';
import { useStore } from '../../state/store';
import { applyScenarioSettings } from '../../state/training';
import { parseSetting, URL_SCHEMA, type UrlNotice, type UrlSettings } from '../../state/urlSchema';
import { useStrings } from '../../i18n/useStrings';
import type { Strings } from '../../i18n';
import './settings.css';

type TextKey = 'p' | 'layers' | 'lr' | 'n' | 'noise' | 'seed';
type ChoiceKey = 'act' | 'opt' | 'data';
const TEXT_FIELDS: readonly TextKey[] = ['p', 'layers', 'lr', 'n', 'noise', 'seed'];
const CHOICES: { [K in ChoiceKey]: readonly UrlSettings[K][] } = {
  data: ['sine', 'moons'],
  act: ['tanh', 'relu'],
  opt: ['adam', 'sgd'],
};
const CHOICE_KEYS = Object.keys(CHOICES) as ChoiceKey[];

function format(key: TextKey, settings: UrlSettings): string {
  return (URL_SCHEMA[key].format as (value: unknown) => string)(settings[key]);
}

/** The message shown under a field the schema rejected, in the reader's language. */
function describeRejection(notice: UrlNotice, s: Strings['settings']): string {
  return s.rejected[notice.reason](notice.expected);
}

/**
 * Everything that defines the twins' run. Typed values are checked against the URL schema as they are typed
 * (the message sits under the field) and applied on Enter or when the field is left; any applied change puts
 * the run into the URL and restarts training, and a notice says so.
 */
export function ScenarioSettings() {
  const s = useStrings().settings;
  const settings = useStore((state) => state.settings);
  const [drafts, setDrafts] = useState<Partial<Record<TextKey, string>>>({});
  const headingId = useId();
  const idBase = useId();

  // When a value this form shows changes from elsewhere (a preset, a shortcut, the embed bridge), show the new
  // values. Settings of other panels (the tensor lab's, which change on every click there) must not wipe what
  // is being typed here.
  const shownValues = [...TEXT_FIELDS.map((key) => format(key, settings)), ...CHOICE_KEYS.map((key) => settings[key])].join('\n');
  useEffect(() => setDrafts({}), [shownValues]);

  const checked = (key: TextKey) => {
    const raw = drafts[key];
    return raw === undefined ? null : parseSetting(key, raw);
  };
  const commit = (key: TextKey) => {
    const result = checked(key);
    if (!result || !result.ok) return;
    const same = format(key, { ...settings, [key]: result.value }) === format(key, settings);
    if (same) setDrafts((d) => ({ ...d, [key]: undefined }));
    else applyScenarioSettings({ [key]: result.value } as Partial<UrlSettings>);
  };
  const choose = <K extends ChoiceKey>(key: K, value: UrlSettings[K]) => {
    if (value !== settings[key]) applyScenarioSettings({ [key]: value } as Partial<UrlSettings>);
  };
  const newData = () => {
    const seed = crypto.getRandomValues(new Uint32Array(1))[0];
    applyScenarioSettings({ seed });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    TEXT_FIELDS.forEach(commit);
  };

  return (
    <section className="panel settings-panel" aria-labelledby={headingId} data-panel-extra="settings">
      <h2 id={headingId} className="panel-title">
        {s.title}
      </h2>
      <p className="chart-note">{s.intro}</p>
      <form className="settings-grid" onSubmit={submit} noValidate>
        {(['data', 'act', 'opt'] as const).map((key) => (
          <label key={key} className="settings-field">
            <span>{s.labels[key]}</span>
            <select
              name={key}
              value={settings[key]}
              onChange={(e) => choose(key, e.target.value as UrlSettings[typeof key])}
            >
              {CHOICES[key].map((option) => (
                <option key={option} value={option}>
                  {s.options[option]}
                </option>
              ))}
            </select>
          </label>
        ))}
        {TEXT_FIELDS.map((key) => {
          const result = checked(key);
          const invalid = result !== null && !result.ok;
          const errorId = `${idBase}-${key}-error`;
          const hintId = `${idBase}-${key}-hint`;
          return (
            <div key={key} className="settings-field">
              <label htmlFor={`${idBase}-${key}`}>{s.labels[key]}</label>
              <div className="settings-input-row">
                <input
                  id={`${idBase}-${key}`}
                  name={key}
                  type="text"
                  inputMode={key === 'layers' ? 'text' : key === 'n' || key === 'seed' ? 'numeric' : 'decimal'}
                  autoComplete="off"
                  spellCheck={false}
                  value={drafts[key] ?? format(key, settings)}
                  aria-invalid={invalid}
                  aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
                  onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
                  onBlur={() => commit(key)}
                />
                {key === 'seed' && (
                  <button type="button" onClick={newData}>
                    {s.newData}
                  </button>
                )}
              </div>
              <span id={hintId} className="settings-hint">
                {s.hints[key]}
              </span>
              {invalid && result && !result.ok && (
                <span id={errorId} className="field-error" role="alert">
                  {describeRejection(result.notice, s)}
                </span>
              )}
            </div>
          );
        })}
        <button type="submit" className="visually-hidden" tabIndex={-1}>
          {s.apply}
        </button>
      </form>
    </section>
  );
}
