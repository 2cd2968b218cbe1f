import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExampleNumber, steppedExample } from './exampleChoice';

describe('parseExampleNumber', () => {
  it('accepts whole numbers from 1 to the batch size, with spaces or full-width digits', () => {
    expect(parseExampleNumber('1', 30)).toBe(1);
    expect(parseExampleNumber(' 30 ', 30)).toBe(30);
    expect(parseExampleNumber('１２', 30)).toBe(12);
    expect(parseExampleNumber('007', 30)).toBe(7);
  });

  it.each(['', ' ', '0', '31', '-1', '+2', '2.5', '1e1', 'abc', '3x', 'NaN', 'Infinity', '0x1F', '99999999999'])(
    'refuses %j for a batch of 30',
    (raw) => {
      expect(parseExampleNumber(raw, 30)).toBeNull();
    },
  );

  it('never throws and returns only numbers inside the batch', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 400 }), (raw, size) => {
        const value = parseExampleNumber(raw, size);
        return value === null || (Number.isInteger(value) && value >= 1 && value <= size);
      }),
    );
  });
});

describe('steppedExample', () => {
  it('steps by one and stops at both ends', () => {
    expect(steppedExample(1, -1, 30)).toBe(1);
    expect(steppedExample(1, 1, 30)).toBe(2);
    expect(steppedExample(30, 1, 30)).toBe(30);
    expect(steppedExample(1, 1, 1)).toBe(1);
  });
});
