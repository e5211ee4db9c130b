// What a downstream team relies on from the mock: auth as the real API takes it, request validation, named examples.
import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import type { paths } from '../../generated/schema.js';

const baseUrl = inject('prismUrl');
const runPath = '/api/v2/accounts/{account_id}/runs/{id}/' as const;
const runParams = { params: { path: { account_id: 43786, id: 70403103 } } };

describe('the mock server', () => {
  it.each(['Token', 'Bearer'])('accepts an API key written as `%s <key>`', async (scheme) => {
    const client = createClient<paths>({ baseUrl, headers: { Authorization: `${scheme} dbtc_test_key` } });
    const { data, response } = await client.GET(runPath, runParams);
    expect(response.status).toBe(200);
    expect(data?.data.id).toBe(70403103);
  });

  it('answers 401 with the error envelope when no Authorization header is sent', async () => {
    const client = createClient<paths>({ baseUrl });
    const { error, response } = await client.GET(runPath, runParams);
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: { code: 401, is_success: false } });
  });

  it('rejects a trigger without `cause`', async () => {
    const client = createClient<paths>({ baseUrl, headers: { Authorization: 'Token k' } });
    const { data, error, response } = await client.POST('/api/v2/accounts/{account_id}/jobs/{job_id}/run/', {
      params: { path: { account_id: 43786, job_id: 567183 } },
      body: { git_branch: 'main' } as never,
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(response.headers.get('sl-violations')).toContain('cause');
    expect(error).toMatchObject({ status: { is_success: false } });
  });

  it('rejects a trigger whose cause is longer than 255 characters', async () => {
    const client = createClient<paths>({ baseUrl, headers: { Authorization: 'Token k' } });
    const { response } = await client.POST('/api/v2/accounts/{account_id}/jobs/{job_id}/run/', {
      params: { path: { account_id: 43786, job_id: 567183 } },
      body: { cause: 'x'.repeat(256) },
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ['success', 10, 'Success'],
    ['error', 20, 'Error'],
    ['cancelled', 30, 'Cancelled'],
    ['running', 3, 'Running'],
    ['queued', 1, 'Queued'],
  ] as const)('returns the `%s` run for `Prefer: example=%s`', async (example, status, humanized) => {
    const client = createClient<paths>({
      baseUrl,
      headers: { Authorization: 'Token k', Prefer: `example=${example}` },
    });
    const { data } = await client.GET(runPath, runParams);
    expect(data?.data.status).toBe(status);
    expect(data?.data.status_humanized).toBe(humanized);
    if (status >= 10) expect(data?.data.finished_at).toEqual(expect.any(String));
    else expect(data?.data.finished_at ?? null).toBeNull();
  });

  it('answers 429 with Retry-After for `Prefer: code=429`', async () => {
    const client = createClient<paths>({ baseUrl, headers: { Authorization: 'Token k', Prefer: 'code=429' } });
    const { error, response } = await client.GET(runPath, runParams);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(error).toMatchObject({ status: { code: 429 } });
  });
});
