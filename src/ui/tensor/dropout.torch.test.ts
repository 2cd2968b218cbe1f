import { describe, expect, it } from 'vitest';
// The engine's dropout against PyTorch, compared through the tensor lab's PyTorch printer: a ui test, so that the
// engine's own tests import nothing outside the engine.
import golden from '../../engine/dropout.torch.json';
import { dropout, dropoutScale, type Rng } from '../../engine';
import { formatTensor } from './pytorchFormat';

// What nn.Dropout computed on the CPU in a real PyTorch (scripts/golden-torch.py dropout), checked bit for bit.
const fromJson = (value: number | string) => (typeof value === 'number' ? value : Number(value.replace('inf', 'Infinity')));

/** An Rng whose draws produce a given mask: u = 0 drops (0 < p), u just below 1 keeps (≥ p for any p < 1). */
function maskReplay(kept: readonly boolean[]): Rng {
  let i = 0;
  return {
    seed: 0,
    drawCount: 0,
    nextUint32: () => 0,
    standardNormal: () => 0,
    random: () => (kept[i++] ? 1 - 2 ** -53 : 0),
    randomBlock: (count: number) => Float64Array.from({ length: count }, () => (kept[i++] ? 1 - 2 ** -53 : 0)),
  };
}

describe(`dropout against torch ${golden.torch}`, () => {
  it("scales survivors by PyTorch's float32 1/(1 − p) for 400 values of p", () => {
    expect(golden.scales.length).toBeGreaterThan(390);
    const mismatches = golden.scales.filter(({ p, scale }) => dropoutScale(p) !== scale);
    expect(mismatches).toEqual([]);
  });

  it('has the one-ulp cases that the naive Math.fround(1 / (1 - p)) gets wrong', () => {
    const naive = golden.scales.filter(({ p, scale }) => Math.fround(1 / (1 - p)) !== scale);
    // If this ever reads 0 the fixture no longer tells the two formulas apart.
    expect(naive.length).toBeGreaterThan(20);
  });

  for (const { p, inplace, x, y, repr } of golden.outputs) {
    it(`reproduces nn.Dropout(p=${p}${inplace ? ', inplace=True' : ''}) on ${x.length} signed values, -0. included`, () => {
      const expected = y.map(fromJson);
      const kept = expected.map((value) => value !== 0);
      const input = Float32Array.from(x);
      const { output } = dropout(input, p, { training: true, inplace, rng: maskReplay(kept) });
      expected.forEach((value, i) => expect(Object.is(output[i], value), `element ${i}: ${output[i]} vs ${value}`).toBe(true));
      expect(output === input).toBe(inplace);
      expect(formatTensor(output)).toBe(repr);
    });
  }
});
