/**
 * NumPy's legacy generator, `np.random.RandomState(seed)`, reproduced in TypeScript.
 *
 * Why NumPy's and not PyTorch's: NumPy's legacy MT19937 stream is fully documented and stable, so a student
 * can check every mask in the app with a few lines of Python. PyTorch's CPU generator draws dropout masks
 * through a different (vectorised Bernoulli) path, so no JS engine can honestly promise PyTorch's masks.
 */

import { ensureMemoryBytes, instantiateEmbedded } from './kernels/embeddedWasm';
import { MT19937_WASM_BASE64 } from './kernels/mt19937Wasm';
import { assertSeed } from './validate';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** A seeded source of random numbers, identical draw for draw to NumPy's legacy RandomState. */
export interface Rng {
  /** The seed this generator was created with. */
  readonly seed: number;
  /** Next raw 32-bit output of MT19937 (NumPy's `randint` building block, `genrand_int32`). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits: NumPy's `random_sample()`. */
  random(): number;
  /**
   * The next `count` results of random(), as a view that is valid until this generator's next call (it may be
   * the generator's own buffer). The same numbers, in the same order, as `count` calls of random(): a dropout
   * pass takes its mask's draws this way, because a block is several times faster to make than single draws.
   */
  randomBlock(count: number): Float64Array;
  /** Standard normal by the legacy polar (Marsaglia) method, caching the second value: NumPy's `standard_normal()`. */
  standardNormal(): number;
  /** How many 32-bit words have been drawn so far (for tests and for the "draws used" readouts). */
  readonly drawCount: number;
}

/** Blocks below this size are drawn one by one: compiling the block generator would cost more than it saves. */
const BLOCK_GENERATOR_MIN = 256;

class MersenneTwister implements Rng {
  readonly seed: number;
  /** The 624 state words; a view into the block generator's memory once a large block was drawn (see below). */
  private mt: Uint32Array<ArrayBufferLike> = new Uint32Array(N);
  private index = N;
  /** undefined until the first large block; then the WebAssembly block generator, or null where it is refused. */
  private blockGenerator: BlockGenerator | null | undefined = undefined;
  /** Where small blocks (and every block, without the generator) are written. */
  private jsBlock = new Float64Array(0);
  private cachedGaussian: number | null = null;
  private draws = 0;

  constructor(seed: number) {
    this.seed = seed;
    // init_genrand: mt[i] = 1812433253 * (mt[i-1] ^ (mt[i-1] >>> 30)) + i, all mod 2^32.
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      // Math.imul keeps the product exact mod 2^32, which a float multiply of two 32-bit numbers would not.
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  get drawCount(): number {
    return this.draws;
  }

  private twist(): void {
    const mt = this.mt;
    let k = 0;
    for (; k < N - M; k++) {
      const y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
      mt[k] = mt[k + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; k < N - 1; k++) {
      const y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
      mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    this.draws++;
    return y >>> 0;
  }

  random(): number {
    // genrand_res53: 27 high bits of one word and 26 of the next make a 53-bit mantissa.
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  randomBlock(count: number): Float64Array {
    if (count >= BLOCK_GENERATOR_MIN) {
      if (this.blockGenerator === undefined) {
        const instance = instantiateEmbedded(MT19937_WASM_BASE64);
        this.blockGenerator = instance ? new BlockGenerator(instance, this.mt) : null;
        if (this.blockGenerator) this.mt = this.blockGenerator.state;
      }
      const generator = this.blockGenerator;
      if (generator) {
        const block = generator.fill(this.index, count);
        // The memory may have grown (which moves its buffer): the state is read through the new view from now on.
        this.mt = generator.state;
        this.index = generator.index;
        this.draws += 2 * count;
        return block;
      }
    }
    if (this.jsBlock.length < count) this.jsBlock = new Float64Array(Math.max(count, 2 * this.jsBlock.length));
    for (let i = 0; i < count; i++) this.jsBlock[i] = this.random();
    return this.jsBlock.subarray(0, count);
  }

  standardNormal(): number {
    if (this.cachedGaussian !== null) {
      const cached = this.cachedGaussian;
      this.cachedGaussian = null;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.random() - 1;
      x2 = 2 * this.random() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    // NumPy returns f*x2 now and keeps f*x1 for the next call.
    this.cachedGaussian = f * x1;
    return f * x2;
  }
}

/**
 * mt19937.wat behind MersenneTwister.randomBlock: the generator's 624 state words live at the start of the
 * module's memory (the MersenneTwister reads and twists them there too, so single draws and blocks continue one
 * stream), and a block of doubles is written after them and returned as a view.
 */
class BlockGenerator {
  /** The state words, a view into the module's memory (replaced when the memory grows). */
  state: Uint32Array<ArrayBufferLike>;
  /** The state index after the last fill. */
  index = N;
  private readonly memory: WebAssembly.Memory;
  private readonly fillRandom: (state: number, index: number, out: number, count: number) => number;
  private static readonly OUT = N * 4; // 2,496 bytes: 8-byte aligned, right after the state

  /** The last block's view, kept while blocks keep their size, so a training pass's draws allocate nothing. */
  private block = new Float64Array(0);

  /** A generator that starts from the state `words` (copied into the module's memory). */
  constructor(instance: WebAssembly.Instance, words: Uint32Array<ArrayBufferLike>) {
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.fillRandom = instance.exports.fillRandom as BlockGenerator['fillRandom'];
    this.state = new Uint32Array(this.memory.buffer, 0, N);
    this.state.set(words);
  }

  /** The next `count` doubles from word `index` on, as a view into the module's memory. */
  fill(index: number, count: number): Float64Array {
    if (ensureMemoryBytes(this.memory, BlockGenerator.OUT + count * 8)) {
      this.state = new Uint32Array(this.memory.buffer, 0, N);
      this.block = new Float64Array(0);
    }
    this.index = this.fillRandom(0, index, BlockGenerator.OUT, count);
    if (this.block.length !== count) this.block = new Float64Array(this.memory.buffer, BlockGenerator.OUT, count);
    return this.block;
  }
}

/** Creates NumPy's `RandomState(seed)` generator. `seed` must be an unsigned 32-bit integer. */
export function createRng(seed: number): Rng {
  assertSeed(seed);
  return new MersenneTwister(seed);
}
