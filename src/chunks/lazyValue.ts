/**
 * A value that arrives later, from a chunk of its own (a language's strings, a panel's component): requested at
 * most once at a time, readable synchronously once here, and requested again after a failure (the school Wi-Fi
 * dropped one request, or the page went offline before the chunk was saved), never left failed for good.
 *
 * Requesting again is not as simple as calling `import()` again. Chromium (up to at least 150) and Firefox keep a
 * failed dynamic import in the page's module map, so importing the same URL again answers with the old failure
 * and never reaches the network. So a retry imports the chunk under a URL the module map has not seen: the same
 * file with `?retry=N`. The build names the URL that failed on the error (see `chunkUrlOf` and
 * scripts/retryableChunks.ts); without it (the dev server, or an error that is not a chunk's), the retry calls
 * the original import again, which is enough in WebKit and in browsers that do not keep failures.
 */

/** The property the build's rewritten `import()` calls set on a failed import's error (scripts/retryableChunks.ts). */
export const CHUNK_URL_PROPERTY = 'chunkUrl';

export interface LazyValue<T> {
  /**
   * Requests the value, once; later calls share the request, or return at once when it has arrived. After a
   * failure it requests again: call it when the reader asks again (chooses the language again, reopens a dialog).
   */
  load: () => Promise<T>;
  /**
   * The outcome of the latest request, a failure included, requesting only if none was ever made: for the page's
   * own waits (revealing panels in order), which must not turn one failure into a burst of requests.
   */
  outcome: () => Promise<T>;
  /** The value once it has arrived, else null. */
  loaded: () => T | null;
}

/** The absolute URL of the chunk whose download failed, when the build recorded it on the error. */
export function chunkUrlOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const url = (error as Record<string, unknown>)[CHUNK_URL_PROPERTY];
  return typeof url === 'string' && url.length > 0 ? url : null;
}

/** `url` with a query the module map has not seen for this attempt (`?retry=2`, or `&retry=2`). */
export function retryUrl(url: string, attempt: number): string {
  const parsed = new URL(url);
  parsed.searchParams.set('retry', String(attempt));
  return parsed.href;
}

/**
 * @param importModule the chunk's `import()`, as written in the source (the build can then split it out)
 * @param pick what the caller wants of the module (a component, a strings table)
 * @param importUrl how a retry imports a URL; the browser's own `import()` unless a test replaces it
 */
export function lazyValue<M, T>(
  importModule: () => Promise<M>,
  pick: (module: M) => T,
  importUrl: (url: string) => Promise<M> = (url) => import(/* @vite-ignore */ url) as Promise<M>,
): LazyValue<T> {
  let latest: Promise<T> | null = null;
  let failed = false;
  let value: T | null = null;
  let failedUrl: string | null = null;
  let retries = 0;
  const importOnce = () => (failedUrl === null ? importModule() : importUrl(retryUrl(failedUrl, ++retries)));
  const request = () => {
    failed = false;
    latest = importOnce().then(
      (module) => (value = pick(module)),
      (error: unknown) => {
        failed = true;
        failedUrl = chunkUrlOf(error) ?? failedUrl;
        throw error;
      },
    );
    return latest;
  };
  return {
    load: () => (latest !== null && !failed ? latest : request()),
    outcome: () => latest ?? request(),
    loaded: () => value,
  };
}
