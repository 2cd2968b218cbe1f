import { activeShortcuts, P_STEP, type Shortcut } from '../../state/shortcuts';
import { usePartStrings } from '../useStrings';
import type { PartStrings } from '../../i18n';
import { Dialog } from './Dialog';
import { useStore } from '../../state/store';

function describe(shortcut: Shortcut, strings: PartStrings): string {
  const actions = strings.help.actions;
  if (shortcut.action === 'lowerP') return actions.lowerP(P_STEP);
  if (shortcut.action === 'raiseP') return actions.raiseP(P_STEP);
  return actions[shortcut.action];
}

/** The list of keyboard shortcuts, generated from the same table the key handler uses. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  const strings = usePartStrings();
  const keyName = (key: string) => strings.help.keyNames[key] ?? key;
  // The keys of the screen in use: → turns the page in the Lesson and steps training in the Lab.
  const screen = useStore((state) => (state.settings.view === 'lesson' ? 'lesson' : 'lab'));
  // A key that stands in for a control the link hides is off, so it is not listed either.
  const hidden = useStore((state) => state.settings.hide);
  return (
    <Dialog id="help-dialog" title={strings.help.title} onClose={onClose}>
      <p>{strings.help.intro}</p>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{strings.help.keyColumn}</th>
            <th scope="col">{strings.help.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          {activeShortcuts(screen, hidden).map((shortcut) => (
            <tr key={shortcut.action} data-action={shortcut.action}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && (shortcut.together ? ' + ' : ' ')}
                    <kbd>{keyName(key)}</kbd>
                  </span>
                ))}
              </td>
              <td>{describe(shortcut, strings)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
