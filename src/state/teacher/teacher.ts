/**
 * The teacher layer's state and actions: whether the mystery p has been revealed on this page, starting and
 * ending the challenge, and the link students get (the current one, without the teacher layer).
 */
import { create } from 'zustand';
import { useStore } from '../store';
import { linkQuery, updateSettings } from '../urlSync';
import { defaultUrlSettings, type UrlSettings } from '../urlSchema';
import type { HideableControl } from './hideList';
import { decodeMysteryToken, encodeMysteryP, MYSTERY_HUNDREDTHS } from './mysteryToken';

/**
 * Which token's p this page has revealed (by the teacher's "Reveal p" or the student's "Show p"). Never in the
 * URL: a link must not carry the answer. A new token is a new challenge, so it starts hidden again.
 */
export const useMysteryReveal = create<{ revealedToken: string | null }>(() => ({ revealedToken: null }));

export function revealMystery(): void {
  const token = useStore.getState().settings.mystery;
  if (token !== undefined) useMysteryReveal.setState({ revealedToken: token });
}

/** The challenge of the link, if any: its p, and whether this page has revealed it. */
export function useMystery(): { token: string; p: number; revealed: boolean } | null {
  const token = useStore((state) => state.settings.mystery);
  const revealedToken = useMysteryReveal((state) => state.revealedToken);
  if (token === undefined) return null;
  const decoded = decodeMysteryToken(token);
  // The registry only accepts valid tokens; this guards a token set some other way.
  if (!decoded.ok) return null;
  return { token, p: decoded.p, revealed: revealedToken === token };
}

/**
 * Starts a challenge with a random p (0.05 … 0.95 in hundredths, unknown to the teacher too until revealed) on
 * the Lab's tensor lab alone, so that the link students scan opens just the challenge.
 */
export function startMystery(random: (count: number) => Uint32Array = (count) => crypto.getRandomValues(new Uint32Array(count))): void {
  const [pick, salt] = random(2);
  const span = MYSTERY_HUNDREDTHS.max - MYSTERY_HUNDREDTHS.min + 1;
  const hundredths = MYSTERY_HUNDREDTHS.min + (pick % span);
  updateSettings({ mystery: encodeMysteryP(hundredths / 100, salt & 0xffff), view: 'lab', panels: ['tensor'], tmode: 'train' });
}

/** Ends the challenge: the tensor lab shows its own p again, and the Lab its panels. */
export function endMystery(): void {
  updateSettings({ mystery: undefined, panels: defaultUrlSettings().panels });
}

/**
 * The query of the link students get: the page's own link (written by the same linkQuery as the address bar), with
 * the controls `hide` names hidden and without the teacher layer (it has the notes and the "Reveal p" button).
 */
export function studentLinkQuery(settings: UrlSettings, hide: readonly HideableControl[]): string {
  return linkQuery({ ...settings, teacher: false, hide: [...hide] });
}

export function setTeacherLayer(on: boolean): void {
  updateSettings({ teacher: on });
}
