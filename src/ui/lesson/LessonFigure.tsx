import type { ReactNode } from 'react';
import type { LessonPanel, LessonStep } from '../../state/lesson/steps';
import type { PanelName } from '../../state/urlSchema';
import { useStrings } from '../useStrings';
import { Panel } from '../shell/Panel';
import { LazyPartView, type LazyPart } from '../shell/lazyPart';
import { PANEL_CHUNKS } from '../panelChunks';
import { STAGE_PLACEHOLDER_CLASS } from '../shell/Staged';

/** A Lab panel from its chunk, with the props the step gives it; a box of its size until the chunk is here. */
function LazyPanel<P extends object>({ part, props, name }: { part: LazyPart<P>; props: P; name: LessonPanel }) {
  return <LazyPartView part={part} name={name} placeholderClass={STAGE_PLACEHOLDER_CLASS[name]} props={props} />;
}

/**
 * The step's figure: the same panel components the Lab shows (never a copy), in the step's order, with the
 * step's highlight (`data-highlight`, styled in lesson.css) and the options the step opens them with.
 */
export function LessonFigure({ step }: { step: LessonStep }) {
  const strings = useStrings();
  const options = step.panelOptions ?? {};
  const titled = (name: PanelName, body: ReactNode) => (
    <Panel key={`${step.id}-${name}`} name={name} title={strings.panels[name]}>
      {body}
    </Panel>
  );
  const render = (panel: LessonPanel) => {
    switch (panel) {
      case 'tensor':
        return titled('tensor', <LazyPanel part={PANEL_CHUNKS.tensor} props={{}} name="tensor" />);
      case 'network':
        return titled('network', <LazyPanel part={PANEL_CHUNKS.network} props={{}} name="network" />);
      case 'loss':
        return titled('loss', <LazyPanel part={PANEL_CHUNKS.loss} props={{ showTrainWithDropout: options.showTrainWithDropout }} name="loss" />);
      case 'fit':
        return titled('fit', <LazyPanel part={PANEL_CHUNKS.fit} props={{ mcDropout: options.mcDropout }} name="fit" />);
      case 'sweep':
        return <LazyPanel key={`${step.id}-sweep`} part={PANEL_CHUNKS.sweep} props={{}} name="sweep" />;
    }
  };
  return (
    <div
      className="lesson-figure"
      role="group"
      aria-label={strings.lesson.figureLabel}
      data-panels={step.panels.join(' ')}
      data-count={step.panels.length}
      data-highlight={step.highlight}
    >
      {step.panels.map(render)}
    </div>
  );
}
