/**
 * The "mystery p" token: the tensor lab's hidden drop probability, written into a link so that students can
 * open the challenge on their phones without the link (or the page) showing p.
 *
 * A token is 10 letters from a 16-letter alphabet without digits or vowels (so it never spells p's digits, nor
 * a word). It packs 5 bytes, each as two letters: a 16-bit salt, p in hundredths XOR a byte derived from the
 * salt (the same p gives a different token for every salt), and a CRC-16 of those three bytes. CRC-16 detects
 * every change of up to 16 consecutive bits, so any single mistyped or altered letter is rejected.
 *
 * This hides p from a glance, not from a determined reader of this file: it is a classroom game, not a secret.
 * Pure functions: no store, no DOM.
 */

const ALPHABET = 'bcdfghjkmnpqrstv';
export const MYSTERY_TOKEN_LENGTH = 10;
/** The mystery p, in hundredths: 0.05 … 0.95 (p = 0 or 1 would be no mystery). */
export const MYSTERY_HUNDREDTHS = Object.freeze({ min: 5, max: 95 });

export type MysteryDecodeError = 'format' | 'checksum' | 'range';
export type MysteryDecoded = { ok: true; p: number; hundredths: number } | { ok: false; error: MysteryDecodeError };

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF) of some bytes. */
export function crc16(bytes: readonly number[]): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** A byte that depends on every bit of the salt (a 32-bit integer finaliser), to veil p. */
function veil(salt: number): number {
  let h = Math.imul(salt ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0xff;
}

/**
 * The token of p (rounded to hundredths, within MYSTERY_HUNDREDTHS) with a 16-bit `salt` (pick it at random:
 * crypto.getRandomValues). Throws on a p outside the range: the teacher panel only offers valid ones.
 */
export function encodeMysteryP(p: number, salt: number): string {
  const hundredths = Math.round(p * 100);
  if (!Number.isFinite(p) || hundredths < MYSTERY_HUNDREDTHS.min || hundredths > MYSTERY_HUNDREDTHS.max) {
    throw new RangeError(`encodeMysteryP: p must be within ${MYSTERY_HUNDREDTHS.min / 100} … ${MYSTERY_HUNDREDTHS.max / 100}`);
  }
  if (!Number.isInteger(salt) || salt < 0 || salt > 0xffff) throw new RangeError('encodeMysteryP: salt must be 0 … 65535');
  const payload = [salt >> 8, salt & 0xff, hundredths ^ veil(salt)];
  const crc = crc16(payload);
  return [...payload, crc >> 8, crc & 0xff].map((byte) => ALPHABET[byte >> 4] + ALPHABET[byte & 0xf]).join('');
}

/** Reads a token back; a token that is not 10 letters of the alphabet, fails its checksum or is out of range is refused. */
export function decodeMysteryToken(token: string): MysteryDecoded {
  const text = token.trim().toLowerCase();
  if (text.length !== MYSTERY_TOKEN_LENGTH) return { ok: false, error: 'format' };
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 2) {
    const high = ALPHABET.indexOf(text[i]);
    const low = ALPHABET.indexOf(text[i + 1]);
    if (high < 0 || low < 0) return { ok: false, error: 'format' };
    bytes.push((high << 4) | low);
  }
  const [saltHigh, saltLow, veiled, crcHigh, crcLow] = bytes;
  if (crc16([saltHigh, saltLow, veiled]) !== ((crcHigh << 8) | crcLow)) return { ok: false, error: 'checksum' };
  const hundredths = veiled ^ veil((saltHigh << 8) | saltLow);
  if (hundredths < MYSTERY_HUNDREDTHS.min || hundredths > MYSTERY_HUNDREDTHS.max) return { ok: false, error: 'range' };
  return { ok: true, p: hundredths / 100, hundredths };
}

/** How close a student's estimate is, without saying which way: the answer must not leak through the feedback. */
export type EstimateVerdict = 'veryClose' | 'close' | 'far';
/** The bands of the feedback: within 0.02 is very close, within 0.04 close, in hundredths (below the smallest mystery p, so no band's text can spell p). */
export const ESTIMATE_BANDS = Object.freeze({ veryClose: 2, close: 4 });

export function judgeEstimate(estimate: number, p: number): EstimateVerdict {
  const off = Math.abs(Math.round(estimate * 1000) / 10 - p * 100);
  if (off <= ESTIMATE_BANDS.veryClose + 1e-9) return 'veryClose';
  if (off <= ESTIMATE_BANDS.close + 1e-9) return 'close';
  return 'far';
}
