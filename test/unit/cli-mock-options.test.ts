// `dbt-cloud mock`'s flags as startMockServer options (src/cli/commands/mock.ts), without starting Prism.
import { describe, expect, it } from 'vitest';
import { mockOptions, type MockFlags } from '../../src/cli/commands/mock.js';

const flags = (extra: Partial<MockFlags> = {}): MockFlags => ({ port: '0', speed: '1', cache: true, ...extra });

describe('dbt-cloud mock flags', () => {
  it('uses the cache by default and turns it off with --no-cache', () => {
    expect(mockOptions(flags())).not.toHaveProperty('cacheDir');
    expect(mockOptions(flags({ cache: false }))).toMatchObject({ cacheDir: false });
    expect(mockOptions(flags({ cache: false, static: true }))).toMatchObject({ static: true, cacheDir: false });
  });

  it('still refuses a bad port before anything starts', () => {
    expect(() => mockOptions(flags({ port: '70000', cache: false }))).toThrow(/must be 0\.\.65535/);
  });
});
