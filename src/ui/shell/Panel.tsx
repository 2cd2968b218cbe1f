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
          <EnlargeIcon inward={focused} />
        </button>
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/**
 * Arrows out to two corners (enlarge) or in from them (back to all panels). Drawn, not a character: ⤢ and ⤡ are
 * in few system fonts, and looking up a fallback font for them cost the first layout a font-service round trip.
 */
function EnlargeIcon({ inward }: { inward: boolean }) {
  const arrows = inward
    ? 'M9.5 2.5v4h4M9.5 6.5l4-4M6.5 13.5v-4h-4M6.5 9.5l-4 4'
    : 'M9.5 2.5h4v4M13.5 2.5l-4 4M6.5 13.5h-4v-4M2.5 13.5l4-4';
  return (
    <svg className="panel-enlarge-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
      <path d={arrows} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
