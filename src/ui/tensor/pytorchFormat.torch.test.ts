import { describe, expect, it } from 'vitest';
import golden from './pytorchFormat.torch.json';
import { formatTensor } from './pytorchFormat';

// Strings printed by a real PyTorch (scripts/golden-torch.py), not written by hand: the edge cases, dropout
// outputs for many p and seeded random vectors. Values are stored as their float32 value in decimal.
const toNumber = (value: number | string) => (typeof value === 'number' ? value : Number(value.replace('inf', 'Infinity')));

describe(`formatTensor against torch ${golden.torch}`, () => {
  it('has enough cases to mean something', () => {
    expect(golden.cases.length).toBeGreaterThan(150);
  });

  for (const { name, values, repr } of golden.cases) {
    it(`prints ${name} as PyTorch does`, () => {
      const tensor = Float32Array.from(values, toNumber);
      // The stored decimals are exact float32 values: the round trip must not change a bit.
      values.forEach((value, i) => {
        const n = toNumber(value);
        if (!Number.isNaN(n)) expect(tensor[i]).toBe(n);
      });
      expect(formatTensor(tensor)).toBe(repr);
    });
  }
});
