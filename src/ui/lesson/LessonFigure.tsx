import type { ReactNode } from 'react';
import type { LessonPanel, LessonStep } from '../../state/lesson/steps';
import type { PanelName } from '../../state/urlSchema';
import { useStrings } from '../useStrings';
import { Panel } from '../shell/Panel';
import { LazyPartView, askingAgainWhenShown, type LazyPart } from '../shell/lazyPart';
import { PANEL_CHUNKS } from '../panelChunks';
import { STAGE_PLACEHOLDER_CLASS } from '../shell/Staged';

/** A Lab panel from its chunk, with the props the step gives it; a box of its size until the chunk is here. */
/** The panels a step's figure shows: the reader goes to a step to see them, so a failed one is asked for again. */
const FIGURE_PARTS = {
  tensor: askingAgainWhenShown(PANEL_CHUNKS.tensor),
  network: askingAgainWhenShown(PANEL_CHUNKS.network),
  loss: askingAgainWhenShown(PANEL_CHUNKS.loss),
  fit: askingAgainWhenShown(PANEL_CHUNKS.fit),
  sweep: askingAgainWhenShown(PANEL_CHUNKS.sweep),
};

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
        return titled('tensor', <LazyPanel part={FIGURE_PARTS.tensor} props={{}} name="tensor" />);
      case 'network':
        return titled('network', <LazyPanel part={FIGURE_PARTS.network} props={{}} name="network" />);
      case 'loss':
        return titled('loss', <LazyPanel part={FIGURE_PARTS.loss} props={{ showTrainWithDropout: options.showTrainWithDropout }} name="loss" />);
      case 'fit':
        return titled('fit', <LazyPanel part={FIGURE_PARTS.fit} props={{ mcDropout: options.mcDropout }} name="fit" />);
      case 'sweep':
        return <LazyPanel key={`${step.id}-sweep`} part={FIGURE_PARTS.sweep} props={{}} name="sweep" />;
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
