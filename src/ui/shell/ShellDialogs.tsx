import { closeDialog, useShellStore } from './shellState';
import { HelpDialog } from './HelpDialog';
import { EmbedDialog } from './EmbedDialog';
import './shell.css';

/** Mounts the open dialog, if any (the help list opens from the header button or the ? key). */
export function ShellDialogs() {
  const dialog = useShellStore((state) => state.dialog);
  if (dialog === 'help') return <HelpDialog onClose={closeDialog} />;
  if (dialog === 'embed') return <EmbedDialog onClose={closeDialog} />;
  return null;
}
