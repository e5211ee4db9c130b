// https only, except loopback; tokens (and the User-Agent prefix) that could split or smuggle a header are refused
// before anything is sent.
import { describe, expect, it } from 'vitest';
import { createDbtCloud, ValidationError } from '../../../src/index.js';
import { fakeClock, ok, scriptedFetch } from '../../support/scripted.js';

function refusal(work: () => unknown): ValidationError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('hosts', () => {
  it.each([
    'http://example.com',
    'http://10.0.0.1',
    'http://localhost.evil.com',
    'http://127.0.0.1.evil.com',
    'http://evil.com#@127.0.0.1',
    'http://user:pass@127.0.0.1',
    'http://192.168.1.10:8080',
    'ftp://cloud.getdbt.com',
    'javascript://cloud.getdbt.com',
  ])('refuses %s', (host) => {
    const error = refusal(() => createDbtCloud({ token: 't', host, env: {} }));
    expect(error.field).toBe('host');
  });

  it('refuses an http:// host from DBT_CLOUD_HOST as well', () => {
    expect(refusal(() => createDbtCloud({ token: 't', env: { DBT_CLOUD_HOST: 'http://example.com' } })).field).toBe(
      'host',
    );
  });

  it.each([
    ['http://127.0.0.1:1', 'http://127.0.0.1:1'],
    ['http://localhost:1', 'http://localhost:1'],
    ['http://[::1]:1', 'http://[::1]:1'],
    ['http://127.0.0.1:4010/api/', 'http://127.0.0.1:4010'],
    ['https://example.com', 'https://example.com'],
    ['emea.dbt.com', 'https://emea.dbt.com'],
  ])('allows %s (base URL %s)', (host, baseUrl) => {
    expect(createDbtCloud({ token: 't', host, env: {} }).baseUrl).toBe(baseUrl);
  });
});

describe('tokens that could inject a header', () => {
  const bad: Array<[string, string]> = [
    ['CR LF', 'abc\r\nX-Injected: 1'],
    ['LF', 'abc\ndef'],
    ['CR', 'abc\rdef'],
    ['tab', 'abc\tdef'],
    ['space', 'abc def'],
    ['NUL', 'abc\u0000def'],
    ['DEL', 'abc\u007fdef'],
    ['leading space', ' abc'],
    ['trailing line break', 'abc\n'],
    ['empty', ''],
  ];

  it.each(bad)('refuses a static token with %s', (_name, token) => {
    expect(refusal(() => createDbtCloud({ token, env: {} })).field).toBe('token');
    expect(refusal(() => createDbtCloud({ env: { DBT_CLOUD_API_TOKEN: token } })).field).toBe('token');
  });

  it.each(bad)('refuses a token function returning one with %s, sending nothing', async (_name, token) => {
    const scripted = scriptedFetch([ok({ id: 1 })]);
    const dbt = createDbtCloud({
      token: async () => token,
      accountId: 1,
      host: 'https://x.example',
      fetch: scripted.fetch,
      clock: fakeClock(),
      env: {},
    });
    await expect(dbt.runs.get(1)).rejects.toMatchObject({ name: 'ValidationError', field: 'token' });
    await expect(dbt.api.GET('/api/v2/accounts/')).rejects.toMatchObject({ name: 'ValidationError', field: 'token' });
    // a synchronous token function too
    const sync = createDbtCloud({
      token: () => token,
      accountId: 1,
      host: 'https://x.example',
      fetch: scripted.fetch,
      clock: fakeClock(),
      env: {},
    });
    await expect(sync.jobs.get(1)).rejects.toMatchObject({ name: 'ValidationError', field: 'token' });
    expect(scripted.requests).toHaveLength(0);
  });

  it('a good token function is asked before each request and sent as is', async () => {
    const scripted = scriptedFetch([ok({ id: 1 })]);
    let n = 0;
    const dbt = createDbtCloud({
      token: () => `tok${++n}`,
      accountId: 1,
      host: 'https://x.example',
      fetch: scripted.fetch,
      clock: fakeClock(),
      env: {},
    });
    await dbt.runs.get(1);
    await dbt.runs.get(1);
    expect(scripted.requests.map((r) => r.headers.get('Authorization'))).toEqual(['Token tok1', 'Token tok2']);
  });

  it.each(['agent\r\nX-Injected: 1', 'agent\n'])('refuses a User-Agent prefix with a line break (%j)', (userAgent) => {
    expect(refusal(() => createDbtCloud({ token: 't', userAgent, env: {} })).field).toBe('userAgent');
  });
});
