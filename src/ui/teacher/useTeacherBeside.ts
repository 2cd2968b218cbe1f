import { useSyncExternalStore } from 'react';

/**
 * Wide enough for the teacher panel to stand beside the lesson's figure, as a third column (so the step, its
 * figure, the notes and the QR code fit one projected screen), rather than under the step card.
 */
const BESIDE = '(min-width: 1600px)';

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(BESIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useTeacherBeside(): boolean {
  return useSyncExternalStore(subscribe, () => typeof matchMedia === 'function' && matchMedia(BESIDE).matches, () => false);
}
