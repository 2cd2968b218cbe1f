import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from './rng';
import { assertSeed } from './validate';

/*
 * Golden values. The first three of seed 0 and its first normal are NumPy's well-known outputs. Everything past
 * them was produced by `python3 scripts/golden-rng.py`, which loads NumPy's init_genrand(seed) state into CPython's
 * `random` module (the same MT19937 in C): random.random() is random_sample(), getrandbits(32) is genrand_int32,
 * and a transcription of legacy_gauss gives standard_normal(). Indices cross the 624-word twist boundaries on
 * purpose: a twist bug passes the first 624 words and fails right after.
 */
const GOLDEN: Record<number, { random: Record<number, number[]>; uint32: Record<number, number[]>; normal: number[] }> = {
  0: {
    random: {
      0: [0.5488135039273248, 0.7151893663724195, 0.6027633760716439],
      310: [0.7705807485027762, 0.14694664540037505, 0.07952208258675575, 0.08960303423860538, 0.6720478073539145, 0.24536720985284477],
      620: [0.3518929961930426, 0.7214066679599525, 0.6375826945307929, 0.8130538632474607, 0.97622566345382, 0.8897936564455402, 0.7645619743577086, 0.6982484778182906, 0.3354981696758996, 0.14768557820670736, 0.06263600305980976],
      1000: [0.5928802707811576, 0.01006369565609333, 0.47582619585722274, 0.7087703909410487, 0.0439754320240906, 0.8795214830237301],
    },
    uint32: {
      620: [3309619115, 1308169859, 631131020, 3791854820, 341544762, 1076416385, 384842097, 2909461632, 2886423335, 3480744984, 1053844154],
      1245: [2886394364, 3492039745, 1145454359, 4192857288, 2422637952, 3821634647],
    },
    normal: [1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675, -0.977277879876411, 0.9500884175255894, -0.1513572082976979, -0.10321885179355784, 0.41059850193837233],
  },
  42: {
    random: {
      0: [0.3745401188473625, 0.9507143064099162, 0.7319939418114051],
      310: [0.4389714207056361, 0.07845638134226596, 0.02535074341545751, 0.9626484146779251, 0.8359801205122058, 0.695974206093698],
      620: [0.18452101935637732, 0.2093493233367103, 0.370472102791382, 0.4845229851910213, 0.618254771530296, 0.3689136395697724, 0.4625347161331479, 0.7474709381337565, 0.0366832028905979, 0.25243694434402075, 0.7133495858845524],
      1000: [0.18513292883861965, 0.5419009473783581, 0.8729458358764083, 0.7322248864095612, 0.8065611478614497, 0.6587833667107174],
    },
    uint32: {
      620: [1885367899, 3195638841, 336967606, 1077437785, 108880612, 791707097, 4134543476, 347346749, 3590507286, 1839596670, 2989186440],
      1245: [3968729143, 2081010389, 1014112781, 2655384025, 3263983643, 1584472022],
    },
    normal: [0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254, -0.23415337472333597, -0.23413695694918055, 1.5792128155073915, 0.7674347291529088, -0.4694743859349521, 0.5425600435859647],
  },
  4294967295: {
    random: {
      0: [0.0976320289940138, 0.9123828453026218, 0.78903530185164],
      620: [0.89683481647519, 0.5797993228705192, 0.9864982338218405, 0.16177415711968401, 0.558929113358157, 0.2899625637411368, 0.30856325027321174, 0.1591766657728556, 0.24975363392238492, 0.028213898670999216, 0.0624854347509084],
    },
    uint32: {
      620: [194249753, 2027836416, 1222270187, 1027084080, 3860652269, 657474326, 948840071, 4178390586, 293166381, 523477919, 593710197],
    },
    normal: [0.6484086742306527, 0.6693235306338161, -1.0805437227474493, 0.2845010447986309, 0.11388773652167104, 0.8676218937929382, -0.044026015448043285, 0.24877161740907913, -0.9882301508639844, -0.5459227140515623],
  },
};

/** Draws `upto + 1` values and returns them, so golden windows can be sliced by their index. */
function drawAll(rng: Rng, draw: (r: Rng) => number, upto: number): number[] {
  const out: number[] = [];
  for (let i = 0; i <= upto; i++) out.push(draw(rng));
  return out;
}

describe('createRng (NumPy legacy RandomState)', () => {
  it('reproduces RandomState(0).random_sample(3) and standard_normal()', () => {
    const rng = createRng(0);
    expect([rng.random(), rng.random(), rng.random()]).toEqual([0.5488135039273248, 0.7151893663724195, 0.6027633760716439]);
    expect(createRng(0).standardNormal()).toBe(1.764052345967664);
  });

  it('reproduces MT19937 seeded 5489 (the reference implementation default)', () => {
    expect(createRng(5489).nextUint32()).toBe(3499211612);
  });

  for (const [seedText, golden] of Object.entries(GOLDEN)) {
    const seed = Number(seedText);
    it(`matches random_sample draw for draw past the twists (seed ${seed})`, () => {
      const upto = Math.max(...Object.entries(golden.random).map(([start, v]) => Number(start) + v.length - 1));
      const all = drawAll(createRng(seed), (r) => r.random(), upto);
      for (const [start, values] of Object.entries(golden.random)) {
        expect(all.slice(Number(start), Number(start) + values.length)).toEqual(values);
      }
    });

    it(`matches genrand_int32 across the 624-word boundary (seed ${seed})`, () => {
      const upto = Math.max(...Object.entries(golden.uint32).map(([start, v]) => Number(start) + v.length - 1));
      const all = drawAll(createRng(seed), (r) => r.nextUint32(), upto);
      for (const [start, values] of Object.entries(golden.uint32)) {
        expect(all.slice(Number(start), Number(start) + values.length)).toEqual(values);
      }
    });

    it(`matches standard_normal within 1e-15 relative (seed ${seed})`, () => {
      // Math.log and Math.sqrt may differ from libm by an ulp, so exact equality is not promised.
      const rng = createRng(seed);
      for (const expected of golden.normal) {
        const got = rng.standardNormal();
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected) + Number.MIN_VALUE);
      }
    });
  }

  it('counts 32-bit words: two per random(), none for a cached normal', () => {
    const rng = createRng(7);
    rng.random();
    expect(rng.drawCount).toBe(2);
    rng.nextUint32();
    expect(rng.drawCount).toBe(3);
    rng.standardNormal();
    const afterFirst = rng.drawCount;
    rng.standardNormal();
    expect(rng.drawCount).toBe(afterFirst);
  });

  it('keeps the seed and gives independent identical streams for equal seeds', () => {
    const a = createRng(123);
    const b = createRng(123);
    expect(a.seed).toBe(123);
    for (let i = 0; i < 1000; i++) expect(a.random()).toBe(b.random());
  });

  it('rejects seeds that are not unsigned 32-bit integers, naming the value', () => {
    for (const bad of [-1, 1.5, 2 ** 32, NaN, Infinity]) {
      expect(() => createRng(bad)).toThrow(RangeError);
      expect(() => createRng(bad)).toThrow(`seed must be an integer between 0 and 2**32 - 1, but got ${String(bad)}`);
    }
    expect(() => assertSeed('3' as unknown)).toThrow(RangeError);
    expect(() => assertSeed(3.5, 'mcSeed')).toThrow(/^mcSeed must be/);
    expect(() => assertSeed(0xffffffff)).not.toThrow();
  });

  it('draws blocks that are exactly the next random() results, across twists and between single draws', () => {
    const blocks = createRng(2024);
    const singles = createRng(2024);
    // Small blocks (drawn one by one) and large ones (the WebAssembly generator), growing so its memory grows,
    // with single draws and raw words between them so both paths continue one stream.
    const sizes = [3, 300, 1, 257, 5000, 7, 20_000, 256, 70_000, 10];
    for (const [round, count] of sizes.entries()) {
      const block = blocks.randomBlock(count);
      expect(block.length).toBe(count);
      for (let i = 0; i < count; i++) {
        const expected = singles.random();
        if (block[i] !== expected) expect.fail(`block ${round} (${count} draws) differs at ${i}: ${block[i]} vs ${expected}`);
      }
      expect(blocks.drawCount).toBe(singles.drawCount);
      expect(blocks.nextUint32()).toBe(singles.nextUint32());
      expect(blocks.random()).toBe(singles.random());
    }
    expect(blocks.standardNormal()).toBe(singles.standardNormal());
  });

  it('makes large blocks in WebAssembly memory (so the test above compares two generators)', () => {
    const block = createRng(1).randomBlock(1000);
    // A JavaScript block lives in an array of its own size; the module's memory is whole 64 KiB pages.
    expect(block.buffer.byteLength % 65536).toBe(0);
    expect(createRng(1).randomBlock(10).buffer.byteLength).toBe(80);
  });
});
