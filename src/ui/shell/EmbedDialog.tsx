import { useId, useState } from 'react';
import { useStore } from '../../state/store';
import { parseSetting, PANEL_NAMES, type PanelName } from '../../state/urlSchema';
import { usePartStrings, useStrings } from '../useStrings';
import { Dialog } from './Dialog';
import { embedSnippet } from './embedSnippet';

type CopyState = 'idle' | 'copied' | 'failed';

/** Builds the iframe code from the current settings; the teacher picks panels and, optionally, their origin. */
export function EmbedDialog({ onClose }: { onClose(): void }) {
  const panelTitles = useStrings().panels;
  const s = usePartStrings().embed;
  const settings = useStore((state) => state.settings);
  const [panels, setPanels] = useState<PanelName[]>(settings.panels);
  const [parentText, setParentText] = useState(settings.parent ?? '');
  const [lastValidParent, setLastValidParent] = useState<string | undefined>(settings.parent);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const ids = useId();

  const parentParsed = parentText.trim() === '' ? null : parseSetting('parent', parentText);
  const parentInvalid = parentParsed !== null && !parentParsed.ok;
  const noPanels = panels.length === 0;

  const appUrl = `${location.origin}${location.pathname}`;
  // On bad input the last valid code stays on screen, next to the message that explains what is wrong.
  const code = embedSnippet({
    appUrl,
    settings,
    panels: noPanels ? settings.panels : panels,
    parent: lastValidParent,
    title: s.iframeTitle,
  });

  const onParentChange = (text: string) => {
    setParentText(text);
    setCopyState('idle');
    if (text.trim() === '') setLastValidParent(undefined);
    else {
      const parsed = parseSetting('parent', text);
      if (parsed.ok) setLastValidParent(parsed.value);
    }
  };

  const togglePanel = (panel: PanelName, on: boolean) => {
    setCopyState('idle');
    setPanels((current) => PANEL_NAMES.filter((name) => (name === panel ? on : current.includes(name))));
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <Dialog id="embed-dialog" title={s.title} onClose={onClose}>
      <p>{s.intro}</p>
      <fieldset className="embed-panels" aria-describedby={noPanels ? `${ids}-panels-error` : undefined}>
        <legend>{s.panelsLegend}</legend>
        {PANEL_NAMES.map((panel) => (
          <label key={panel} className="check">
            <input
              type="checkbox"
              name="embed-panel"
              value={panel}
              checked={panels.includes(panel)}
              aria-invalid={noPanels || undefined}
              onChange={(event) => togglePanel(panel, event.target.checked)}
            />
            <span>{panelTitles[panel]}</span>
          </label>
        ))}
        {noPanels && (
          <p id={`${ids}-panels-error`} className="field-error">
            {s.needOnePanel}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-parent`}>{s.parentLabel}</label>
        <input
          id={`${ids}-parent`}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={parentText}
          placeholder="https://"
          aria-invalid={parentInvalid || undefined}
          aria-describedby={`${ids}-parent-hint${parentInvalid ? ` ${ids}-parent-error` : ''}`}
          onChange={(event) => onParentChange(event.target.value)}
        />
        <p id={`${ids}-parent-hint`} className="field-hint">
          {s.parentHint}
        </p>
        {parentInvalid && (
          <p id={`${ids}-parent-error`} className="field-error">
            {s.parentError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-code`}>{s.snippetLabel}</label>
        <textarea id={`${ids}-code`} className="embed-code" readOnly rows={9} value={code} spellCheck={false} />
      </div>
      <div className="embed-actions">
        <button type="button" className="primary" onClick={copy}>
          {s.copy}
        </button>
        <a href="./embed-example.html" target="_blank" rel="noopener">
          {s.exampleLink}
        </a>
      </div>
      <p className="embed-copy-status" role="status" aria-live="polite">
        {copyState === 'copied' ? s.copied : copyState === 'failed' ? s.copyFailed : ''}
      </p>
    </Dialog>
  );
}
