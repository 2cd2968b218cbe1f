/** The `mystery` setting: a token (see mysteryToken.ts), kept as written; undefined means no challenge. */
import type { Spec } from '../settingSpecs';
import { decodeMysteryToken, MYSTERY_TOKEN_LENGTH } from './mysteryToken';

export const mysterySpec: Spec<string | undefined> = {
  default: undefined,
  // Notation rather than words: the notice shows it as it is in every language.
  expected: `${MYSTERY_TOKEN_LENGTH} × [b–v]`,
  parse(raw) {
    const decoded = decodeMysteryToken(raw);
    return decoded.ok ? { ok: true, value: raw.trim().toLowerCase() } : { ok: false, reason: 'notAllowed' };
  },
  format: (value) => value ?? '',
};
