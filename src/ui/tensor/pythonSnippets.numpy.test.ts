import { describe, expect, it } from 'vitest';
import golden from './pythonSnippets.numpy.json';
import { runDropoutLab } from '../../engine';
import { partsEn } from '../../i18n/parts.en';
import { numpySnippet } from './pythonSnippets';

// Each case's NumPy script was run in a real NumPy (scripts/golden-numpy.ts), which recorded what it printed.
const toNumber = (value: number | string) => (typeof value === 'number' ? value : Number(value));

describe(`the lab's NumPy script, run in NumPy ${golden.numpy}`, () => {
  it('covers enough settings to mean something', () => {
    expect(golden.cases.length).toBeGreaterThan(40);
  });

  golden.cases.forEach(({ settings: stored, snippet, keep, y }, index) => {
    const settings = { ...stored, input: stored.input.map(toNumber) };
    it(`case ${index}: p=${settings.p}, seed ${settings.seed}, ${settings.passes} passes, ${settings.training ? 'train' : 'eval'}${settings.inplace ? ', inplace' : ''}`, () => {
      const { shown } = runDropoutLab(settings);
      // The lab still writes the script that was run; if not, re-run scripts/golden-numpy.ts to check the new one.
      const input = { ...settings, pass: shown.pass, drawsBefore: shown.drawsBefore };
      expect(numpySnippet(input, partsEn.tensor.snippet)).toBe(snippet);
      // What NumPy printed is what the lab shows: the mask, and every output bit for bit (-0 included).
      expect(Array.from(shown.mask)).toEqual(keep);
      y.map(toNumber).forEach((value, i) => expect(Object.is(shown.output[i], value), `y[${i}]: lab ${shown.output[i]}, NumPy ${value}`).toBe(true));
    });
  });
});
