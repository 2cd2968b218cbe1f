import { useEffect } from 'react';
import { pushNotice } from '../../state/store';
import { closeDialog, useShellStore } from './shellState';
import { lazyPart, useLazyPart } from './lazyPart';
import './shell.css';

// Dialogs open only on request, so their code is fetched then (or in the background by the service worker).
const HELP_DIALOG = lazyPart(() => import('./HelpDialog'), (module) => module.HelpDialog, { partStrings: true });
const EMBED_DIALOG = lazyPart(() => import('./EmbedDialog'), (module) => module.EmbedDialog, { partStrings: true });

/** Mounts the open dialog, if any (the help list opens from the header button or the ? key). */
export function ShellDialogs() {
  const dialog = useShellStore((state) => state.dialog);
  const help = useLazyPart(HELP_DIALOG, dialog === 'help');
  const embed = useLazyPart(EMBED_DIALOG, dialog === 'embed');
  const part = dialog === 'help' ? help : dialog === 'embed' ? embed : null;
  const failed = part?.failed ?? false;

  // A dialog whose code cannot be downloaded closes again (so the keyboard shortcuts keep working) and says why.
  useEffect(() => {
    if (!failed) return;
    closeDialog();
    pushNotice({ key: 'dialog', kind: 'warning', message: { code: 'text', id: 'partUnavailable' } });
  }, [failed]);

  return part?.Component ? <part.Component onClose={closeDialog} /> : null;
}
