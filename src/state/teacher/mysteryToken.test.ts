import { describe, expect, it } from 'vitest';
import {
  crc16, decodeMysteryToken, encodeMysteryP, judgeEstimate, MYSTERY_HUNDREDTHS, MYSTERY_TOKEN_LENGTH,
} from './mysteryToken';
import { parseUrlSettings, serializeUrlSettings } from '../urlSchema';

const ALL_HUNDREDTHS = Array.from({ length: MYSTERY_HUNDREDTHS.max - MYSTERY_HUNDREDTHS.min + 1 }, (_, i) => MYSTERY_HUNDREDTHS.min + i);
const SALTS = [0, 1, 255, 256, 4711, 0x8000, 0xfffe, 0xffff];
const LETTERS = 'bcdfghjkmnpqrstv';

describe('mystery p token', () => {
  it('round-trips every p of the range with every salt', () => {
    for (const hundredths of ALL_HUNDREDTHS) {
      for (const salt of SALTS) {
        const token = encodeMysteryP(hundredths / 100, salt);
        expect(token).toHaveLength(MYSTERY_TOKEN_LENGTH);
        expect(decodeMysteryToken(token)).toEqual({ ok: true, p: hundredths / 100, hundredths });
      }
    }
  });

  it('never shows digits, and the same p gives different tokens for different salts', () => {
    const tokens = SALTS.map((salt) => encodeMysteryP(0.63, salt));
    for (const token of tokens) expect(token).toMatch(/^[bcdfghjkmnpqrstv]{10}$/);
    expect(new Set(tokens).size).toBe(SALTS.length);
  });

  it('rejects every single-letter change (CRC-16 catches any change within 16 bits)', () => {
    for (const hundredths of [5, 37, 63, 95]) {
      for (const salt of SALTS) {
        const token = encodeMysteryP(hundredths / 100, salt);
        for (let i = 0; i < token.length; i++) {
          for (const letter of LETTERS) {
            if (letter === token[i]) continue;
            const tampered = token.slice(0, i) + letter + token.slice(i + 1);
            expect(decodeMysteryToken(tampered).ok, `${token} → ${tampered}`).toBe(false);
          }
        }
      }
    }
  });

  it('rejects swapped letters, wrong lengths and foreign characters with a reason', () => {
    const token = encodeMysteryP(0.37, 4711);
    const swapped = token[1] + token[0] + token.slice(2);
    if (swapped !== token) expect(decodeMysteryToken(swapped).ok).toBe(false);
    expect(decodeMysteryToken(token.slice(1))).toEqual({ ok: false, error: 'format' });
    expect(decodeMysteryToken(`${token}b`)).toEqual({ ok: false, error: 'format' });
    expect(decodeMysteryToken('0.37')).toEqual({ ok: false, error: 'format' });
    expect(decodeMysteryToken(token.replace(token[3], 'a'))).toEqual({ ok: false, error: 'format' });
    expect(decodeMysteryToken('')).toEqual({ ok: false, error: 'format' });
  });

  it('refuses a well-formed token whose p is outside 0.05 … 0.95', () => {
    // Forge one: the veil is an XOR, so encoding 0.05 and flipping the payload's p byte needs a new CRC.
    const token = encodeMysteryP(0.05, 0);
    const bytes: number[] = [];
    for (let i = 0; i < 10; i += 2) bytes.push((LETTERS.indexOf(token[i]) << 4) | LETTERS.indexOf(token[i + 1]));
    bytes[2] ^= 5; // hundredths 5 → 0
    const crc = crc16(bytes.slice(0, 3));
    bytes[3] = crc >> 8;
    bytes[4] = crc & 0xff;
    const forged = bytes.map((byte) => LETTERS[byte >> 4] + LETTERS[byte & 0xf]).join('');
    expect(decodeMysteryToken(forged)).toEqual({ ok: false, error: 'range' });
  });

  it('refuses to encode a p outside the range', () => {
    expect(() => encodeMysteryP(0, 1)).toThrow(RangeError);
    expect(() => encodeMysteryP(1, 1)).toThrow(RangeError);
    expect(() => encodeMysteryP(0.5, 70000)).toThrow(RangeError);
  });

  it('is a URL setting: a good token round-trips, a bad one falls back with a notice', () => {
    const token = encodeMysteryP(0.63, 321);
    const good = parseUrlSettings(`?mystery=${token}`);
    expect(good.settings.mystery).toBe(token);
    expect(good.notices).toEqual([]);
    expect(serializeUrlSettings(good.settings)).toContain(`mystery=${token}`);
    expect(serializeUrlSettings(good.settings)).not.toMatch(/0\.63|63/);
    const tampered = token.slice(0, 9) + (token[9] === 'b' ? 'c' : 'b');
    const bad = parseUrlSettings(`?mystery=${tampered}`);
    expect(bad.settings.mystery).toBeUndefined();
    expect(bad.notices.map((notice) => notice.param)).toEqual(['mystery']);
  });

  it('says how close an estimate is without its direction', () => {
    expect(judgeEstimate(0.63, 0.63)).toBe('veryClose');
    expect(judgeEstimate(0.61, 0.63)).toBe('veryClose');
    expect(judgeEstimate(0.65, 0.63)).toBe('veryClose');
    expect(judgeEstimate(0.6, 0.63)).toBe('close');
    expect(judgeEstimate(0.67, 0.63)).toBe('close');
    expect(judgeEstimate(0.68, 0.63)).toBe('far');
    expect(judgeEstimate(0.2, 0.63)).toBe('far');
  });
});
