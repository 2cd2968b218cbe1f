/**
 * What the engine's WebAssembly kernels (layer.wat, mt19937.wat, adam.wat) share: instantiating an embedded module,
 * and growing its memory.
 */

/** Which code runs a kernel: WebAssembly SIMD where the runtime allows it, else JavaScript (the same numbers). */
export type KernelEngine = 'wasm-simd' | 'js';

const PAGE_BYTES = 65536;

/**
 * Compiles and instantiates a module embedded as base64 (the `*Wasm.ts` files `npm run wasm` writes). null where
 * WebAssembly or its SIMD is missing, or where a page's Content-Security-Policy refuses to compile it: the
 * caller then runs its JavaScript path. A module is a few hundred bytes, so each owner compiles its own
 * (under a millisecond) and nothing is cached at module level.
 */
export function instantiateEmbedded(base64: string, imports: WebAssembly.Imports = {}): WebAssembly.Instance | null {
  if (typeof WebAssembly !== 'object') return null;
  try {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  } catch {
    return null;
  }
}

/** Grows `memory` to hold at least `bytes`. True when it grew: its buffer moved, so every view must be made again. */
export function ensureMemoryBytes(memory: WebAssembly.Memory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return false;
  memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
  return true;
}
