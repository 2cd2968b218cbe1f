import type { ReactNode } from 'react';
import type { PanelName } from '../../state/urlSchema';
import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { toggleFocusPanel } from './shellState';

/**
 * A titled section of the lab. The heading labels the region for screen readers; the enlarge button (keys 1–4
 * do the same) switches the focus layout that shows this panel alone and large, for a projector.
 */
export function Panel({ name, title, children }: { name: PanelName; title: string; children?: ReactNode }) {
  const strings = useStrings();
  const focused = useStore((state) => state.focusPanels.includes(name));
  const headingId = `panel-${name}-title`;
  return (
    <section
      className={`panel panel-${name}`}
      aria-labelledby={headingId}
      data-panel={name}
      data-focused={focused ? 'true' : undefined}
    >
      <div className="panel-head">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        <button
          type="button"
          className="panel-enlarge"
          aria-pressed={focused}
          aria-label={focused ? strings.shell.showAll : strings.shell.enlarge(title)}
          title={focused ? strings.shell.showAll : strings.shell.enlarge(title)}
          onClick={() => toggleFocusPanel(name)}
        >
          <span aria-hidden="true">{focused ? '⤡' : '⤢'}</span>
        </button>
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}
