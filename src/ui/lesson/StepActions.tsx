import { useStore } from '../../state/store';
import { useStrings } from '../useStrings';
import { applyPresetSettings, pause, play, scenarioFromSettings, stepPass } from '../../state/training';
import { startSweep, useSweep } from '../../state/sweep';
import type { LessonStep, MainAction } from '../../state/lesson/steps';
import { tensorActions } from '../tensor/tensorActions';

/** The step's one obvious way to start: Play (Pause while running), more passes, one pass, or the sweep. */
export function MainActionButton({ action }: { action: MainAction }) {
  const strings = useStrings();
  const s = strings.lesson.actions;
  const running = useStore((state) => state.training.running);
  // A run at its epoch budget: Play trains another budget, and says so, as the network panel's button does.
  const finished = useStore((state) => state.training.finished);
  const budget = useStore((state) => state.settings.epochs);
  const sweeping = useSweep((state) => state.status === 'running');
  if (action === 'play') {
    return (
      <button
        type="button"
        className="primary lesson-main"
        data-testid="lesson-main"
        aria-pressed={running}
        onClick={running ? pause : play}
        title={finished && !running ? strings.network.continueTitle(budget) : undefined}
      >
        {running ? s.pause : finished ? s.continue : s.play}
      </button>
    );
  }
  const run = {
    forward100: () => tensorActions.forward(100),
    stepPass,
    sweep: () => startSweep(scenarioFromSettings(useStore.getState().settings), useSweep.getState().options),
  }[action];
  return (
    <button type="button" className="primary lesson-main" data-testid="lesson-main" onClick={run} disabled={action === 'sweep' && sweeping}>
      {s[action]}
    </button>
  );
}

/** Settings the student may switch between inside a step (the number of training points of the data-size step). */
export function VariantChooser({ variants }: { variants: NonNullable<LessonStep['variants']> }) {
  const label = useStrings().lesson.variantN;
  const current = useStore((state) => state.settings[variants.key]);
  return (
    <div className="lesson-variants" role="group" aria-label={label}>
      <span aria-hidden="true">{label}:</span>
      {variants.values.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={current === value}
          onClick={() => applyPresetSettings({ ...useStore.getState().settings, [variants.key]: value })}
        >
          {value}
        </button>
      ))}
    </div>
  );
}
