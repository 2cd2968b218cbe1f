import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATMUL_WASM_BASE64 } from '../src/engine/kernels/matmulWasm';
import { assembleMatmul, GENERATED_PATH, generatedSource } from './build-wasm';

describe('the generated WebAssembly kernel', () => {
  it('is matmul.wat as it stands (run `npm run wasm` after editing the .wat)', async () => {
    const bytes = await assembleMatmul();
    expect(Buffer.from(MATMUL_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generatedSource(bytes));
  });
});
