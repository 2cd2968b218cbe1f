import { describe, expect, it } from 'vitest';
import { recordFailedChunkUrls } from './retryableChunks';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chunkUrlOf } from '../src/chunks/lazyValue';

describe('recordFailedChunkUrls', () => {
  it('rewrites each quoting style of a sibling chunk import, and nothing else', () => {
    const code = 'a(()=>import(`./en-x1.js`));b(()=>import("./zh-CN-y2.js"));c(import(\'../w-z3.js\'));d(import("./hash-!~{00a}~.js"));import(url);import("https://cdn/x.js")';
    const out = recordFailedChunkUrls(code);
    expect(out.match(/\.catch\(/g)).toHaveLength(4);
    expect(out).toContain('new URL("./hash-!~{00a}~.js",import.meta.url)');
    expect(out).toContain('import(`./en-x1.js`).catch(');
    expect(out).toContain('new URL("./zh-CN-y2.js",import.meta.url)');
    expect(out).toContain("new URL('../w-z3.js',import.meta.url)");
    expect(out).toContain('import(url);import("https://cdn/x.js")');
  });

  it('the rewritten import rejects with the original error, carrying the absolute URL of the chunk', async () => {
    // A real module with a real failing import(): Node, like a browser, resolves it against the importing file.
    const folder = mkdtempSync(join(tmpdir(), 'retryable-chunks-'));
    const importer = join(folder, 'index-1.mjs');
    writeFileSync(importer, recordFailedChunkUrls('export const load = () => import(`./HelpDialog-abc.js`);'));
    const { load } = (await import(pathToFileURL(importer).href)) as { load: () => Promise<unknown> };
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(chunkUrlOf(error)).toBe(pathToFileURL(join(folder, 'HelpDialog-abc.js')).href);
  });
});
