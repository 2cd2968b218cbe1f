import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { dropout } from './dropout';
import { ARTICLE_EXAMPLE, DROPOUT_PASS_LIMITS } from './articleExample';
import {
  UniformDrawCache, dropoutPass, largestMeanGap, runDropoutLab, tallyDropoutPasses, type DropoutLabRun, type DropoutLabSettings,
} from './dropoutPasses';

const article: DropoutLabSettings = { ...ARTICLE_EXAMPLE, training: true, inplace: false, passes: 1 };

/**
 * The straightforward way, kept here as the reference: restart RandomState(seed) and call dropout() pass after
 * pass, each on a fresh copy of x, summing outputs and counting zeros.
 */
function replayFromSeed(settings: DropoutLabSettings) {
  const n = settings.input.length;
  const rng = createRng(settings.seed);
  const zeroCounts = new Array<number>(n + 1).fill(0);
  const sums = new Float64Array(n);
  let last: { output: Float32Array; mask: Uint8Array; draws: number[]; drawsBefore: number } = {
    output: new Float32Array(n), mask: new Uint8Array(n), draws: [], drawsBefore: 0,
  };
  for (let k = 1; k <= settings.passes; k++) {
    const drawsBefore = rng.drawCount / 2;
    const draws: number[] = [];
    const recording = {
      ...rng, seed: rng.seed, drawCount: 0,
      random: () => { const u = rng.random(); draws.push(u); return u; },
      randomBlock: (count: number) => { const block = rng.randomBlock(count); draws.push(...block); return block; },
    };
    const { output, mask } = dropout(Float32Array.from(settings.input), settings.p, { rng: recording as never });
    last = { output, mask, draws, drawsBefore };
    zeroCounts[mask.reduce((zeros, kept) => zeros + 1 - kept, 0)]++;
    for (let i = 0; i < n; i++) sums[i] += output[i];
  }
  return { last, zeroCounts, means: Array.from(sums, (sum) => sum / settings.passes) };
}

function expectSameAsReplay(run: DropoutLabRun, settings: DropoutLabSettings) {
  const reference = replayFromSeed(settings);
  expect(Array.from(run.tally.zeroCounts)).toEqual(reference.zeroCounts);
  run.meanOutputs.forEach((mean, i) => expect(mean).toBeCloseTo(reference.means[i], 9));
  if (settings.training) {
    expect(Array.from(run.shown.mask)).toEqual(Array.from(reference.last.mask));
    expect(Array.from(run.shown.output)).toEqual(Array.from(reference.last.output));
    expect(run.shown.draws ? Array.from(run.shown.draws) : []).toEqual(reference.last.draws);
    expect(run.shown.drawsBefore).toBe(reference.last.drawsBefore);
  }
}

describe('runDropoutLab', () => {
  it("shows the article's printout on the first pass with seed 889", () => {
    const run = runDropoutLab(article);
    const rounded = Array.from(run.shown.output, (v) => Number(v.toFixed(4)));
    expect(rounded).toEqual([0, 6.6667, 10, 0, 0, 0, 0, 26.6667, 0, 0]);
    expect(Array.from(run.shown.mask)).toEqual([0, 1, 1, 0, 0, 0, 0, 1, 0, 0]);
    expect(run.shown.zeros).toBe(7);
    expect(run.shown.pass).toBe(1);
    expect(run.shown.drawsBefore).toBe(0);
    expect(run.tally.zeroCounts[7]).toBe(1);
    expect(run.shown.sameObject).toBe(false);
    expect(Array.from(run.shown.inputAfter)).toEqual(ARTICLE_EXAMPLE.input);
    expect(run.scale).toBe(Math.fround(1 / 0.3));
    expect(run.expectedZeros).toBeCloseTo(7, 12);
  });

  it('equals a replay from the seed, for any settings', () => {
    const settingsArb = fc.record({
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      p: fc.oneof(fc.constantFrom(0, 1, 0.5, 0.7), fc.double({ min: 0, max: 1, noNaN: true })),
      input: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: DROPOUT_PASS_LIMITS.maxElements }),
      training: fc.constant(true),
      inplace: fc.boolean(),
      passes: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(fc.property(settingsArb, (settings) => expectSameAsReplay(runDropoutLab(settings), settings)), { numRuns: 200 });
  });

  it('gives the same numbers whatever run came before (the incremental path is only faster)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('forward' as const), count: fc.constantFrom(1, 1, 3, 100) }),
      fc.record({ kind: fc.constant('p' as const), p: fc.constantFrom(0, 0.05, 0.3, 0.65, 0.7, 1) }),
      fc.record({ kind: fc.constant('seed' as const), seed: fc.constantFrom(0, 889, 2024) }),
      fc.record({ kind: fc.constant('input' as const), n: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('restart' as const) }),
      fc.record({ kind: fc.constant('mode' as const), training: fc.boolean(), inplace: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let settings = article;
        let run = runDropoutLab(settings);
        for (const s of steps) {
          if (s.kind === 'forward') settings = { ...settings, passes: settings.passes + s.count };
          else if (s.kind === 'p') settings = { ...settings, p: s.p };
          else if (s.kind === 'seed') settings = { ...settings, seed: s.seed, passes: 1 };
          else if (s.kind === 'input') settings = { ...settings, input: Array.from({ length: s.n }, (_, i) => i - 2.5), passes: 1 };
          else if (s.kind === 'restart') settings = { ...settings, passes: 1 };
          else settings = { ...settings, training: s.training, inplace: s.inplace };
          run = runDropoutLab(settings, run);
          const fresh = runDropoutLab(settings);
          expect(Array.from(run.tally.zeroCounts)).toEqual(Array.from(fresh.tally.zeroCounts));
          expect(Array.from(run.meanOutputs)).toEqual(Array.from(fresh.meanOutputs));
          expect(run.shown).toEqual(fresh.shown);
          expect(Array.from(run.pmf)).toEqual(Array.from(fresh.pmf));
        }
        const training = { ...settings, training: true };
        expectSameAsReplay(runDropoutLab(training, run), training);
      }),
      { numRuns: 150 },
    );
  });

  it('reuses the draws of a seed: forward again and a new p draw nothing new from the generator', () => {
    const first = runDropoutLab({ ...article, passes: 500 });
    const cached = first.cache.length;
    expect(cached).toBe(5000);
    const moved = runDropoutLab({ ...article, passes: 500, p: 0.4 }, first);
    expect(moved.cache).toBe(first.cache);
    expect(moved.cache.length).toBe(cached);
    const next = runDropoutLab({ ...article, passes: 501, p: 0.4 }, moved);
    expect(next.cache.length).toBe(cached + 10);
    const other = runDropoutLab({ ...article, seed: 1 }, next);
    expect(other.cache).not.toBe(first.cache);
  });

  it('is the identity in eval mode and writes into x when inplace', () => {
    const evalRun = runDropoutLab({ ...article, training: false, passes: 5 });
    expect(Array.from(evalRun.shown.output)).toEqual(ARTICLE_EXAMPLE.input);
    expect(evalRun.shown.draws).toBeNull();
    expect(evalRun.shown.pass).toBe(0);
    expect(evalRun.passes).toBe(5);
    const inplace = runDropoutLab({ ...article, inplace: true });
    expect(inplace.shown.sameObject).toBe(true);
    expect(Array.from(inplace.shown.inputAfter)).toEqual(Array.from(inplace.shown.output));
  });

  it('draws nothing at p = 0 and p = 1, and clamps the pass count', () => {
    const all = runDropoutLab({ ...article, p: 1, passes: 3 });
    expect(all.shown.output.every((v) => v === 0)).toBe(true);
    expect(all.shown.draws).toBeNull();
    expect(all.scale).toBe(0);
    expect(Array.from(all.tally.zeroCounts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(all.cache.length).toBe(0);
    const none = runDropoutLab({ ...article, p: 0, passes: 3 });
    expect(none.tally.zeroCounts[0]).toBe(3);
    expect(Array.from(none.meanOutputs)).toEqual(ARTICLE_EXAMPLE.input);
    expect(runDropoutLab({ ...article, passes: 1e9 }).passes).toBe(DROPOUT_PASS_LIMITS.maxPasses);
    expect(runDropoutLab({ ...article, passes: -4 }).passes).toBe(1);
  });

  it('keeps the running means near x as passes grow (mean preservation)', () => {
    const many = runDropoutLab({ ...article, p: 0.5, passes: DROPOUT_PASS_LIMITS.maxPasses });
    expect(largestMeanGap(many.meanOutputs, ARTICLE_EXAMPLE.input)).toBeLessThan(0.6);
    many.meanOutputs.forEach((mean, i) => expect(Math.abs(mean - ARTICLE_EXAMPLE.input[i]) / ARTICLE_EXAMPLE.input[i]).toBeLessThan(0.1));
  });

  it('refuses what dropout refuses', () => {
    expect(() => runDropoutLab({ ...article, p: 1.5 })).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    expect(() => runDropoutLab({ ...article, input: [] })).toThrow(RangeError);
    expect(() => runDropoutLab({ ...article, seed: -1 })).toThrow(RangeError);
  });
});

describe('the draw cache and the tally', () => {
  it("hands out NumPy's stream, and old views stay valid after it grows", () => {
    const cache = new UniformDrawCache(889);
    const head = cache.read(0, 3);
    const rng = createRng(889);
    const expected = Array.from({ length: 5000 }, () => rng.random());
    expect(Array.from(cache.read(4990, 10))).toEqual(expected.slice(4990));
    expect(Array.from(head)).toEqual(expected.slice(0, 3));
    expect(Array.from(cache.read(0, 5000))).toEqual(expected);
  });

  it('extends a tally pass by pass exactly as it counts from scratch', () => {
    const cache = new UniformDrawCache(7);
    let tally = tallyDropoutPasses(cache, 10, 0.3, 1);
    for (let passes = 2; passes <= 50; passes++) tally = tallyDropoutPasses(cache, 10, 0.3, passes, tally);
    const scratch = tallyDropoutPasses(new UniformDrawCache(7), 10, 0.3, 50);
    expect(Array.from(tally.zeroCounts)).toEqual(Array.from(scratch.zeroCounts));
    expect(Array.from(tally.keptCounts)).toEqual(Array.from(scratch.keptCounts));
    // A tally of another p is re-counted, not extended.
    const other = tallyDropoutPasses(cache, 10, 0.6, 50, tally);
    expect(Array.from(other.zeroCounts)).toEqual(Array.from(tallyDropoutPasses(cache, 10, 0.6, 50).zeroCounts));
  });

  it('passes read consecutive slices of the stream', () => {
    const cache = new UniformDrawCache(889);
    const third = dropoutPass(cache, ARTICLE_EXAMPLE.input, 0.7, 3, { training: true, inplace: false });
    expect(third.drawsBefore).toBe(20);
    expect(Array.from(third.draws!)).toEqual(Array.from(cache.read(20, 10)));
    third.draws!.forEach((u, i) => expect(third.mask[i]).toBe(u >= 0.7 ? 1 : 0));
  });
});
