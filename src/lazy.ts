// Helpers whose code loads on first call. Most programs use a few of the client's helpers, so the rest stay out of
// what importing the main entry loads (issue 14 §5: main entry ≤ 10 kB). Every such helper is async already, so
// loading first changes nothing for the caller.

type AsyncMethod = (...args: never[]) => Promise<unknown>;

/** Names of `T`'s methods; fails to compile (naming what is missing) unless every method of `T` is listed. */
type EveryName<T, N extends readonly (keyof T)[]> = [Exclude<keyof T, N[number]>] extends [never]
  ? N
  : { missing: Exclude<keyof T, N[number]> };

/**
 * `load`, run once on the first call of what this returns; a failed load (a chunk that could not be fetched) is tried
 * again on the next call.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * An object whose methods `names` each forward to the same method of what `load` resolves to. `load` runs once, on
 * the first call (see loadOnce).
 */
export function lazyMethods<T extends { [K in keyof T]: AsyncMethod }, const N extends readonly (keyof T & string)[]>(
  load: () => Promise<T>,
  names: N & EveryName<T, N>,
): T {
  const loaded = loadOnce(load);
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of names as readonly string[]) {
    methods[name] = async (...args) => {
      const target = (await loaded()) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      return target[name]!(...args);
    };
  }
  return methods as unknown as T;
}
