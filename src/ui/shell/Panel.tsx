import type { ReactNode } from 'react';
import type { PanelName } from '../../state/urlSchema';

/** A titled section of the lab. The heading labels the region for screen readers. */
export function Panel({ name, title, children }: { name: PanelName; title: string; children?: ReactNode }) {
  const headingId = `panel-${name}-title`;
  return (
    <section className={`panel panel-${name}`} aria-labelledby={headingId} data-panel={name}>
      <h2 id={headingId} className="panel-title">
        {title}
      </h2>
      <div className="panel-body">{children}</div>
    </section>
  );
}
