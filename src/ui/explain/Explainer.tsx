import { useId, type ReactNode } from 'react';
import { dropoutScale } from '../../engine';
import { binomialProbability } from '../../engine';
import { usePartStrings } from '../useStrings';
import './explain.css';

/** The article's example: nn.Dropout(p=0.7) on x = 1…10. Its own outputs prove that survivors are scaled by 1/(1−p). */
const ARTICLE_P = 0.7;
const ARTICLE_N = 10;

const PYTORCH_EXAMPLE = `import numpy as np
import torch
from torch import nn

dropout = nn.Dropout(p=0.7)
x = torch.as_tensor(np.arange(1, 11, dtype=np.float32))
dropout.train()
print(dropout(x))   # kept values become x / (1 - 0.7); the rest become 0
dropout.eval()
print(dropout(x))   # eval mode: x unchanged`;

function Section({ heading, paragraphs, open = false, children }: { heading: string; paragraphs: readonly string[]; open?: boolean; children?: ReactNode }) {
  const id = useId();
  return (
    <details className="explain-section" open={open}>
      <summary>
        <h3 id={id}>{heading}</h3>
      </summary>
      <div className="explain-body" role="region" aria-labelledby={id}>
        {paragraphs.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {children}
      </div>
    </details>
  );
}

/** The text part of the lab: what dropout is, why and how it works, its costs, the charts, and common mistakes. */
export function Explainer() {
  const s = usePartStrings().explain;
  const headingId = useId();
  // Every number below comes from the engine: the scale factor and the binomial probability.
  const scale = dropoutScale(ARTICLE_P);
  const fmt = (v: number) => (Math.round(v * 10_000) / 10_000).toString();
  const kept = [2, 3, 8].map((v) => fmt(Math.fround(v * scale)));
  const allDropped = binomialProbability(ARTICLE_N, ARTICLE_P, ARTICLE_N);

  return (
    <section className="panel explain-panel" aria-labelledby={headingId} data-panel-extra="explain">
      <h2 id={headingId} className="panel-title">
        {s.title}
      </h2>
      <Section heading={s.whatHeading} paragraphs={s.what} open />
      <Section heading={s.whyHeading} paragraphs={s.why} />
      <Section heading={s.howHeading} paragraphs={s.how}>
        <ol>
          {s.howSteps(fmt(scale)).map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <pre className="explain-code" tabIndex={0} aria-label={s.codeLabel} translate="no">
          <code>{PYTORCH_EXAMPLE}</code>
        </pre>
      </Section>
      <Section heading={s.prosHeading} paragraphs={[]}>
        <ul>
          {s.pros.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Section>
      <Section heading={s.consHeading} paragraphs={[s.consIntro]}>
        <ul>
          {s.cons.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Section>
      <Section heading={s.chartsHeading} paragraphs={s.charts} />
      <Section heading={s.fixesHeading} paragraphs={[s.fixesIntro]}>
        <ul>
          <li>{s.fixScaling(fmt(scale), kept[0], kept[1], kept[2])}</li>
          <li>{s.fixCount(`${(allDropped * 100).toFixed(1)}%`)}</li>
          <li>{s.fixRestore}</li>
          <li>{s.fixMeaningOfP}</li>
          <li>
            {s.fixCode} <code>import numpy as np</code>
          </li>
          <li>{s.fixRange}</li>
          <li>{s.fixDrawbacks}</li>
        </ul>
      </Section>
    </section>
  );
}
