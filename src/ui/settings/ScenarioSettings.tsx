import { useEffect, useId, useState } from 'react';
import { ActionForm } from '../shell/ActionForm';
import { useStore } from '../../state/store';
import { applyScenarioSettings } from '../../state/training';
import { parseSetting, URL_KEYS, URL_SCHEMA, type SettingControl, type UrlNotice, type UrlSettings } from '../../state/urlSchema';
import { usePartStrings } from '../useStrings';
import type { PartStrings } from '../../i18n';
import { useHidden } from '../teacher/useHidden';
import './settings.css';

type Key = keyof UrlSettings;
type TextControl = Extract<SettingControl, { widget: 'text' }>;
type SelectControl = Extract<SettingControl, { widget: 'select' }>;

// The form's fields are the registry's: every setting whose control is a field of this form, in registry order.
const TEXT_FIELDS = URL_KEYS.flatMap((key) => {
  const control = URL_SCHEMA[key].control;
  return control.kind === 'form' && control.widget === 'text' ? [{ key, control }] : [];
}) as { key: Key; control: TextControl }[];
const CHOICES = URL_KEYS.flatMap((key) => {
  const { control, options } = URL_SCHEMA[key] as { control: SettingControl; options?: readonly string[] };
  return control.kind === 'form' && control.widget === 'select' && options ? [{ key, control, options }] : [];
}) as { key: Key; control: SelectControl; options: readonly (keyof PartStrings['settings']['options'])[] }[];
type TextKey = Key;

function format(key: TextKey, settings: UrlSettings): string {
  return (URL_SCHEMA[key].format as (value: unknown) => string)(settings[key]);
}

/** The message shown under a field the schema rejected, in the reader's language. */
function describeRejection(notice: UrlNotice, s: PartStrings['settings']): string {
  return s.rejected[notice.reason](notice.expected);
}

/**
 * Everything that defines the twins' run. Typed values are checked against the URL schema as they are typed
 * (the message sits under the field) and applied on Enter or when the field is left; any applied change puts
 * the run into the URL and restarts training, and a notice says so.
 */
export function ScenarioSettings() {
  const s = usePartStrings().settings;
  // A link may leave the seed out (hide=seed): its field and its "new data" button are not rendered.
  const hideSeed = useHidden('seed');
  const settings = useStore((state) => state.settings);
  const [drafts, setDrafts] = useState<Partial<Record<TextKey, string>>>({});
  const headingId = useId();
  const idBase = useId();

  // When a value this form shows changes from elsewhere (a preset, a shortcut, the embed bridge), show the new
  // values. Settings of other panels (the tensor lab's, which change on every click there) must not wipe what
  // is being typed here.
  const shownValues = [...TEXT_FIELDS.map(({ key }) => format(key, settings)), ...CHOICES.map(({ key }) => format(key, settings))].join('\n');
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
  const choose = (key: Key, raw: string) => {
    const result = parseSetting(key, raw);
    if (result.ok && result.value !== settings[key]) applyScenarioSettings({ [key]: result.value } as Partial<UrlSettings>);
  };
  const newData = (key: Key) => {
    const value = crypto.getRandomValues(new Uint32Array(1))[0];
    applyScenarioSettings({ [key]: value } as Partial<UrlSettings>);
  };
  const submit = () => TEXT_FIELDS.forEach(({ key }) => commit(key));

  return (
    <section className="panel settings-panel" aria-labelledby={headingId} data-panel-extra="settings">
      <h2 id={headingId} className="panel-title">
        {s.title}
      </h2>
      <p className="chart-note">{s.intro}</p>
      <ActionForm className="settings-grid" onAction={submit} noValidate>
        {CHOICES.map(({ key, control, options }) => (
          <label key={key} className="settings-field">
            <span>{s.labels[control.label]}</span>
            <select name={key} value={format(key, settings)} onChange={(e) => choose(key, e.target.value)}>
              {options.map((option) => (
                <option key={option} value={option}>
                  {s.options[option]}
                </option>
              ))}
            </select>
          </label>
        ))}
        {TEXT_FIELDS.filter(({ key }) => !(hideSeed && key === 'seed')).map(({ key, control }) => {
          const result = checked(key);
          const invalid = result !== null && !result.ok;
          const errorId = `${idBase}-${key}-error`;
          const hintId = `${idBase}-${key}-hint`;
          return (
            <div key={key} className="settings-field">
              <label htmlFor={`${idBase}-${key}`}>{s.labels[control.label]}</label>
              <div className="settings-input-row">
                <input
                  id={`${idBase}-${key}`}
                  name={key}
                  type="text"
                  inputMode={control.inputMode}
                  autoComplete="off"
                  spellCheck={false}
                  value={drafts[key] ?? format(key, settings)}
                  aria-invalid={invalid}
                  aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
                  onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
                  onBlur={() => commit(key)}
                />
                {control.randomButton && (
                  <button type="button" onClick={() => newData(key)}>
                    {s.newData}
                  </button>
                )}
              </div>
              <span id={hintId} className="settings-hint">
                {s.hints[control.hint]}
              </span>
              {invalid && result && !result.ok && (
                <span id={errorId} className="field-error" role="alert">
                  {describeRejection(result.notice, s)}
                </span>
              )}
            </div>
          );
        })}
      </ActionForm>
    </section>
  );
}
