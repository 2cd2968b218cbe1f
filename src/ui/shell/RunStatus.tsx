import { useStore } from '../../state/store';
import { useStrings } from '../../i18n/useStrings';

/**
 * Where training is: running or paused, epoch, forward passes. Not a live region (it changes many times a
 * second while training); the data attributes let tests and host pages read the numbers exactly.
 */
export function RunStatus() {
  const strings = useStrings();
  const epoch = useStore((state) => state.training.epoch);
  const passes = useStore((state) => state.training.forwardPasses);
  const running = useStore((state) => state.training.running);
  return (
    <p className="run-status" data-run-status="" data-epoch={epoch} data-passes={passes} data-running={running}>
      <span aria-hidden="true" className="run-status-icon">
        {running ? '▶' : '❚❚'}
      </span>{' '}
      {strings.shell.status(epoch, passes, running)}
    </p>
  );
}
