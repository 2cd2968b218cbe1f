/**
 * Build step for src/chunks/lazyValue.ts: every `import()` of one of the app's own chunks records, on the error
 * of a failed download, the absolute URL that failed. The lazy loader then retries that file under a fresh URL
 * (`?retry=N`): Chromium 150 and Firefox keep a failed dynamic import in the module map, so importing the same
 * URL again would answer with the old failure forever.
 *
 * Only the built chunks know their final, hashed file names, so this runs on the rendered chunk, not the source.
 */
import type { Plugin } from 'vite';
import { CHUNK_URL_PROPERTY } from '../src/chunks/lazyValue.ts';

/**
 * `import("./x.js")`, `import('./x.js')` or import(`./x.js`) of a chunk next to the importing one. While chunks
 * render, a name may still hold the bundler's hash placeholder (`./en-!~{00a}~.js`), hence any character but a
 * quote, a space or a parenthesis.
 */
const CHUNK_IMPORT = /\bimport\((["'`])(\.\.?\/[^"'`\s()]+\.js)\1\)/g;

/** Rewrites each dynamic import of a sibling chunk so its failure carries the chunk's absolute URL. */
export function recordFailedChunkUrls(code: string): string {
  return code.replace(CHUNK_IMPORT, (call, quote: string, path: string) => {
    const literal = `${quote}${path}${quote}`;
    // The URL is resolved like the import itself: against the importing chunk's own URL.
    return `${call}.catch((error)=>{try{error.${CHUNK_URL_PROPERTY}=new URL(${literal},import.meta.url).href}catch{}throw error})`;
  });
}

export function retryableChunks(): Plugin {
  return {
    name: 'dropout-lab:retryable-chunks',
    apply: 'build',
    renderChunk(code) {
      const rewritten = recordFailedChunkUrls(code);
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}
