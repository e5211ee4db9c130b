import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDbtCloud, ValidationError } from '../../src/index.js';
import { normaliseHost } from '../../src/options.js';
import { packageName, packageVersion } from '../../src/version.js';

const env = {};
const token = 'dbtc_abc123';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('createDbtCloud options', () => {
  it.each([
    ['emea.dbt.com', 'https://emea.dbt.com'],
    ['https://emea.dbt.com/', 'https://emea.dbt.com'],
    ['https://emea.dbt.com/api', 'https://emea.dbt.com'],
    ['https://emea.dbt.com/api/', 'https://emea.dbt.com'],
    ['https://ab123.us1.dbt.com', 'https://ab123.us1.dbt.com'],
    ['cloud.getdbt.com', 'https://cloud.getdbt.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('normalises host %s to %s', (host, expected) => {
    expect(normaliseHost(host)).toBe(expected);
    expect(createDbtCloud({ token, host, env }).baseUrl).toBe(expected);
  });

  it.each([
    ['us', 'https://cloud.getdbt.com'],
    ['emea', 'https://emea.dbt.com'],
    ['au', 'https://au.dbt.com'],
  ] as const)('maps region %s to %s', (region, expected) => {
    expect(createDbtCloud({ token, region, env }).baseUrl).toBe(expected);
  });

  it('defaults to the US host', () => {
    expect(createDbtCloud({ token, env }).baseUrl).toBe('https://cloud.getdbt.com');
  });

  it('reads DBT_CLOUD_API_TOKEN, DBT_CLOUD_ACCOUNT_ID and DBT_CLOUD_HOST', () => {
    const dbt = createDbtCloud({
      env: { DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786', DBT_CLOUD_HOST: 'emea.dbt.com' },
    });
    expect(dbt.accountId).toBe(43786);
    expect(dbt.baseUrl).toBe('https://emea.dbt.com');
  });

  it('prefers explicit options over the environment', () => {
    const dbt = createDbtCloud({
      token,
      accountId: 1,
      region: 'au',
      env: { DBT_CLOUD_ACCOUNT_ID: '2', DBT_CLOUD_HOST: 'emea.dbt.com' },
    });
    expect(dbt.accountId).toBe(1);
    expect(dbt.baseUrl).toBe('https://au.dbt.com');
  });

  it.each([
    ['no token', { env }, 'token'],
    ['an empty token', { token: '  ', env }, 'token'],
    ['a token with a newline', { token: 'abc\r\nX-Evil: 1', env }, 'token'],
    ['a token with a space', { token: 'abc def', env }, 'token'],
    ['a non-numeric account id', { token, accountId: '12a', env }, 'accountId'],
    ['a negative account id', { token, accountId: -4, env }, 'accountId'],
    ['a fractional account id', { token, accountId: 1.5, env }, 'accountId'],
    ['an http host that is not loopback', { token, host: 'http://cloud.getdbt.com', env }, 'host'],
    ['a host with a path', { token, host: 'https://cloud.getdbt.com/v2', env }, 'host'],
    ['a host with credentials', { token, host: 'https://u:p@cloud.getdbt.com', env }, 'host'],
    ['an ftp host', { token, host: 'ftp://cloud.getdbt.com', env }, 'host'],
    ['an unknown region', { token, region: 'mars', env }, 'region'],
    ['both host and region', { token, host: 'emea.dbt.com', region: 'us', env }, 'host'],
    ['an unknown auth scheme', { token, authScheme: 'Basic', env }, 'authScheme'],
    ['a zero timeout', { token, timeoutMs: 0, env }, 'timeoutMs'],
    ['negative retries', { token, maxRetries: -1, env }, 'maxRetries'],
    ['zero concurrency', { token, maxConcurrency: 0, env }, 'maxConcurrency'],
    ['a multi-line user agent', { token, userAgent: 'a\nb', env }, 'userAgent'],
  ])('refuses %s, naming the option', (_what, options, field) => {
    expect(fieldOf(() => createDbtCloud(options as never))).toBe(field);
  });

  it('never puts the token in the error it raises for a bad token', () => {
    const secret = 'dbtc_SECRET_with space';
    try {
      createDbtCloud({ token: secret, env });
    } catch (error) {
      expect(String(error)).not.toContain('SECRET');
      expect(JSON.stringify(error)).not.toContain('SECRET');
    }
  });

  it('keeps src/version.ts equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect([packageName, packageVersion]).toEqual([pkg.name, pkg.version]);
  });
});
