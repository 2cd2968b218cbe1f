import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, generatedSource, KERNELS, pathOf } from './build-wasm';

describe('the generated WebAssembly kernels', () => {
  it.each(KERNELS)('$generated is $wat as it stands (run `npm run wasm` after editing a .wat)', async (kernel) => {
    const bytes = await assemble(kernel);
    expect(readFileSync(pathOf(kernel.generated), 'utf8')).toBe(generatedSource(kernel, bytes));
  });
});
