/**
 * A value that arrives later, from a chunk of its own (a language's strings, a panel's component): requested at
 * most once at a time, readable synchronously once here, and requested again after a failure (offline before
 * the chunk was saved), never left failed for good.
 */
export interface LazyValue<T> {
  /** Requests the value, once; later calls share the request, or return at once when it has arrived. */
  load: () => Promise<T>;
  /** The value once it has arrived, else null. */
  loaded: () => T | null;
}

export function lazyValue<T>(importer: () => Promise<T>): LazyValue<T> {
  let request: Promise<T> | null = null;
  let value: T | null = null;
  const load = () =>
    (request ??= importer().then(
      (arrived) => (value = arrived),
      (error: unknown) => {
        request = null;
        throw error;
      },
    ));
  return { load, loaded: () => value };
}
