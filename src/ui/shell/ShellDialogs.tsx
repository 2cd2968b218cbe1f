import { Suspense, lazy } from 'react';
import { closeDialog, useShellStore } from './shellState';
import './shell.css';

// Dialogs open only on request, so their code is fetched then (or in the background by the service worker).
const HelpDialog = lazy(() => import('./HelpDialog').then((module) => ({ default: module.HelpDialog })));
const EmbedDialog = lazy(() => import('./EmbedDialog').then((module) => ({ default: module.EmbedDialog })));

/** Mounts the open dialog, if any (the help list opens from the header button or the ? key). */
export function ShellDialogs() {
  const dialog = useShellStore((state) => state.dialog);
  if (dialog === null) return null;
  return (
    <Suspense fallback={null}>
      {dialog === 'help' && <HelpDialog onClose={closeDialog} />}
      {dialog === 'embed' && <EmbedDialog onClose={closeDialog} />}
    </Suspense>
  );
}
