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

  it('refuses a --port or --speed that is not a number, and leaves the range to startMockServer', () => {
    expect(() => mockOptions(flags({ port: 'abc' }))).toThrow(/must be a number, got abc/);
    expect(() => mockOptions(flags({ speed: '' }))).toThrow(/must be a number, got $/);
    expect(mockOptions(flags({ port: '70000', speed: '-1' }))).toMatchObject({ port: 70000, speed: -1 });
  });

  it('turns --tls on, with --ca-file where the CA certificate goes, and refuses --ca-file without --tls', () => {
    expect(mockOptions(flags())).not.toHaveProperty('tls');
    expect(mockOptions(flags({ tls: true }))).toMatchObject({ tls: true });
    expect(mockOptions(flags({ tls: true, caFile: 'ca.pem' }))).toMatchObject({ tls: { caFile: 'ca.pem' } });
    expect(() => mockOptions(flags({ caFile: 'ca.pem' }))).toThrow(/--ca-file: applies to --tls only/);
  });
});
