// Helpers whose code loads on first call (src/lazy.ts): one load however many calls, a failed load tried again, and
// every method forwarding its arguments and its answer or rejection.
import { describe, expect, it } from 'vitest';
import { lazyMethods, loadOnce } from '../../src/lazy.js';

describe('loadOnce', () => {
  it('loads once for every caller, including callers that come while the load is under way', async () => {
    let loads = 0;
    const load = loadOnce(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
  });

  it('tries a failed load again on the next call (a chunk that could not be fetched), and keeps the success', async () => {
    let attempts = 0;
    const load = loadOnce(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'module';
    });
    await expect(load()).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(await load()).toBe('module');
    expect(await load()).toBe('module');
    expect(attempts).toBe(2);
  });
});

describe('lazyMethods', () => {
  const implementation = {
    async add(a: number, b: number) {
      return a + b;
    },
    async fail(message: string): Promise<never> {
      throw new RangeError(message);
    },
  };

  it('loads nothing until the first call, then forwards arguments, answers and rejections', async () => {
    let loads = 0;
    const lazy = lazyMethods(async () => {
      loads++;
      return implementation;
    }, ['add', 'fail']);
    expect(Object.keys(lazy).sort()).toEqual(['add', 'fail']);
    expect(loads).toBe(0);
    expect(await lazy.add(2, 3)).toBe(5);
    await expect(lazy.fail('no')).rejects.toThrow(RangeError);
    expect(await lazy.add(1, 1)).toBe(2);
    expect(loads).toBe(1);
  });

  it('rejects (never throws synchronously) when the load fails, and loads again on the next call', async () => {
    let attempts = 0;
    const lazy = lazyMethods(async () => {
      if (++attempts === 1) throw new Error('chunk missing');
      return implementation;
    }, ['add', 'fail']);
    const first = lazy.add(1, 2);
    expect(first).toBeInstanceOf(Promise);
    await expect(first).rejects.toThrow('chunk missing');
    expect(await lazy.add(1, 2)).toBe(3);
    expect(attempts).toBe(2);
  });

  it('names every method: leaving one out does not compile', () => {
    const load = async () => implementation;
    // @ts-expect-error -- 'fail' is missing from the list
    const partial = lazyMethods(load, ['add']);
    expect(Object.keys(partial)).toEqual(['add']);
  });
});
