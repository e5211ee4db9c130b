import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createDbtCloud,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  type DbtCloudOptions,
} from '../../src/index.js';
import { backoffDelay, parseRetryAfter } from '../../src/transport/retry-policy.js';
import { connectionError, errorBody, fakeClock, hang, json, ok, scriptedFetch } from '../support/scripted.js';

const token = 'dbtc_TOKEN_FOR_TESTS_0123456789';
const run = { id: 7, status: 10, status_humanized: 'Success' };

function client(fetch: (r: Request) => Promise<Response>, extra: Partial<DbtCloudOptions> = {}) {
  const clock = fakeClock();
  const dbt = createDbtCloud({
    token,
    accountId: 43786,
    host: 'https://cloud.example',
    fetch,
    clock,
    env: {},
    ...extra,
  });
  return { dbt, clock };
}

const getRun = (dbt: ReturnType<typeof client>['dbt']) =>
  dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path: { account_id: 43786, id: 7 } } });
const trigger = (dbt: ReturnType<typeof client>['dbt']) =>
  dbt.api.POST('/api/v2/accounts/{account_id}/jobs/{job_id}/run/', {
    params: { path: { account_id: 43786, job_id: 567183 } },
    body: { cause: 'test' },
  });

describe('headers', () => {
  it('sends the token with the chosen scheme, a User-Agent naming the package, and Accept', async () => {
    const { fetch, requests } = scriptedFetch([ok(run)]);
    const { dbt } = client(fetch, { authScheme: 'Bearer', userAgent: 'my-orchestrator/2.1' });
    await getRun(dbt);
    const headers = requests[0]!.headers;
    expect(headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(headers.get('user-agent')).toMatch(/^my-orchestrator\/2\.1 dbt-cloud-ts\/\d+\.\d+\.\d+/);
    expect(headers.get('accept')).toBe('application/json');
  });

  it('defaults to `Token <key>`, and asks a token function on every request (tokens can rotate)', async () => {
    const { fetch, requests } = scriptedFetch([ok(run)]);
    let n = 0;
    const { dbt } = client(fetch, { token: async () => `rotating_${++n}` });
    await getRun(dbt);
    await getRun(dbt);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Token rotating_1', 'Token rotating_2']);
  });

  it('refuses a token function that returns a token with a newline, without sending anything', async () => {
    const { fetch, requests } = scriptedFetch([ok(run)]);
    const { dbt } = client(fetch, { token: () => 'abc\nInjected: 1' });
    await expect(getRun(dbt)).rejects.toMatchObject({ name: 'ValidationError', field: 'token' });
    expect(requests).toHaveLength(0);
  });
});

describe('artifact paths', () => {
  it('sends an artifact path with raw slashes and encodes each segment', async () => {
    const { fetch, requests } = scriptedFetch([
      new Response('select 1', { headers: { 'Content-Type': 'text/plain' } }),
    ]);
    const { dbt } = client(fetch);
    await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}', {
      params: { path: { account_id: 43786, run_id: 9, remainder: 'compiled/jaffle shop/models/x#1.sql' } },
      parseAs: 'text',
    });
    expect(requests[0]!.path).toBe('/api/v2/accounts/43786/runs/9/artifacts/compiled/jaffle%20shop/models/x%231.sql');
  });

  it('still encodes a slash in any other path parameter', async () => {
    const { fetch, requests } = scriptedFetch([ok({})]);
    const { dbt } = client(fetch);
    await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: { path: { account_id: 43786, id: '7/../8' as never } },
    });
    expect(requests[0]!.path).toBe('/api/v2/accounts/43786/runs/7%2F..%2F8/');
  });
});

describe('retries', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a GET after %i and returns the success', async (status) => {
    const { fetch, requests } = scriptedFetch([json(errorBody(status), status), ok(run)]);
    const { dbt } = client(fetch);
    const { data, response } = await getRun(dbt);
    expect(response.status).toBe(200);
    expect(data?.data.id).toBe(7);
    expect(requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422])('does not retry %i', async (status) => {
    const { fetch, requests } = scriptedFetch([json(errorBody(status), status), ok(run)]);
    const { dbt } = client(fetch);
    const { error, response } = await getRun(dbt);
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ status: { code: status } });
    expect(requests).toHaveLength(1);
  });

  it('gives up after maxRetries and returns the last answer', async () => {
    const { fetch, requests } = scriptedFetch([json(errorBody(503), 503)]);
    const { dbt, clock } = client(fetch, { maxRetries: 2 });
    const { response } = await getRun(dbt);
    expect(response.status).toBe(503);
    expect(requests).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('retries a GET after a connection reset', async () => {
    const { fetch, requests } = scriptedFetch([connectionError('ECONNRESET'), ok(run)]);
    const { dbt } = client(fetch);
    expect((await getRun(dbt)).data?.data.id).toBe(7);
    expect(requests).toHaveLength(2);
  });

  it('throws a ConnectionError once the retries are used up', async () => {
    const { fetch, requests } = scriptedFetch([connectionError('ECONNRESET')]);
    const { dbt } = client(fetch, { maxRetries: 1 });
    await expect(getRun(dbt)).rejects.toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(2);
  });

  it('waits Retry-After seconds', async () => {
    const { fetch } = scriptedFetch([json(errorBody(503), 503, { 'Retry-After': '7' }), ok(run)]);
    const { dbt, clock } = client(fetch);
    await getRun(dbt);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const clock = fakeClock();
    const at = new Date(clock.now() + 12_000).toUTCString();
    const { fetch } = scriptedFetch([json(errorBody(503), 503, { 'Retry-After': at }), ok(run)]);
    const dbt = createDbtCloud({ token, accountId: 1, host: 'https://x.example', fetch, clock, env: {} });
    await getRun(dbt);
    expect(clock.sleeps[0]).toBeGreaterThan(11_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(12_000);
  });

  it('caps a huge Retry-After and ignores a malformed one', () => {
    expect(parseRetryAfter('86400', 0)).toBe(120_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter('-5', 0)).toBeUndefined();
    expect(parseRetryAfter(new Date(5_000).toUTCString(), 10_000)).toBe(0);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    expect(backoffDelay(30, () => 1)).toBe(20_000);
  });

  it('resends the same body on each retry of a PUT', async () => {
    const { fetch, requests } = scriptedFetch([json(errorBody(502), 502), ok({})]);
    const { dbt } = client(fetch);
    await dbt.api
      .PUT(
        '/api/v3/accounts/{account_id}/service-tokens/{id}/' as never,
        {
          params: { path: { account_id: 1, id: 2 } },
          body: { name: 'ci' },
        } as never,
      )
      .catch(() => undefined);
    expect(requests.map((r) => r.body)).toEqual(['{"name":"ci"}', '{"name":"ci"}']);
  });
});

describe('a POST is never replayed blindly', () => {
  it.each([500, 502, 504])('does not resend a trigger after %i', async (status) => {
    const { fetch, requests } = scriptedFetch([json(errorBody(status), status), ok(run)]);
    const { dbt } = client(fetch);
    expect((await trigger(dbt)).response.status).toBe(status);
    expect(requests).toHaveLength(1);
  });

  it('does not resend a trigger after a connection reset', async () => {
    const { fetch, requests } = scriptedFetch([connectionError('ECONNRESET'), ok(run)]);
    const { dbt } = client(fetch);
    await expect(trigger(dbt)).rejects.toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(1);
  });

  it('does not resend a trigger after a timeout', async () => {
    const { fetch, requests } = scriptedFetch((_r, signal) => hang(signal));
    const { dbt } = client(fetch, { timeoutMs: 20 });
    await expect(trigger(dbt)).rejects.toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(1);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
    'resends a trigger after %s (it never reached the server)',
    async (code) => {
      const { fetch, requests } = scriptedFetch([connectionError(code), ok(run)]);
      const { dbt } = client(fetch);
      expect((await trigger(dbt)).data?.data.id).toBe(7);
      expect(requests).toHaveLength(2);
    },
  );

  it('resends a trigger after 429 and after 503 with Retry-After', async () => {
    const { fetch, requests } = scriptedFetch([
      json(errorBody(429), 429, { 'Retry-After': '1' }),
      json(errorBody(503), 503, { 'Retry-After': '1' }),
      ok(run),
    ]);
    const { dbt } = client(fetch);
    expect((await trigger(dbt)).response.status).toBe(200);
    expect(requests).toHaveLength(3);
  });

  it('does not resend a trigger after 503 without Retry-After', async () => {
    const { fetch, requests } = scriptedFetch([json(errorBody(503), 503), ok(run)]);
    const { dbt } = client(fetch);
    expect((await trigger(dbt)).response.status).toBe(503);
    expect(requests).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('holds every queued request until Retry-After has passed, not only the one that got 429', async () => {
    const clock = fakeClock();
    const sentAt: number[] = [];
    let first = true;
    const { fetch } = scriptedFetch(() => {
      sentAt.push(clock.now());
      if (first) {
        first = false;
        return json(errorBody(429), 429, { 'Retry-After': '30' });
      }
      return ok(run);
    });
    const dbt = createDbtCloud({
      token,
      accountId: 43786,
      host: 'https://x.example',
      fetch,
      clock,
      env: {},
      maxConcurrency: 1,
    });
    const start = clock.now();
    await Promise.all([getRun(dbt), getRun(dbt), getRun(dbt)]);
    expect(sentAt[0]).toBe(start);
    // After the 429, no request (retry or queued) leaves before the 30 s pause is over.
    expect(sentAt.slice(1).every((t) => t >= start + 30_000)).toBe(true);
    expect(sentAt).toHaveLength(4);
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const { fetch } = scriptedFetch(async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return ok(run);
    });
    const { dbt } = client(fetch, { maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 10 }, () => getRun(dbt)));
    expect(peak).toBe(3);
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt that hangs, retries it, then throws TimeoutError', async () => {
    const { fetch, requests } = scriptedFetch((_r, signal) => hang(signal));
    const { dbt } = client(fetch, { timeoutMs: 10, maxRetries: 2 });
    const error = await getRun(dbt).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('10 ms');
    expect(requests).toHaveLength(3);
  });

  /** A fetch whose every request hangs until its signal fires, and a controller aborted once a request is out. */
  const abortedOnceSent = () => {
    const controller = new AbortController();
    const scripted = scriptedFetch((_r, signal) => {
      setImmediate(() => controller.abort());
      return hang(signal);
    });
    return { controller, ...scripted };
  };

  it('stops at once when the caller aborts, with AbortError and no retry', async () => {
    const { controller, fetch, requests } = abortedOnceSent();
    const { dbt } = client(fetch);
    const error = await dbt.api
      .GET('/api/v2/accounts/{account_id}/runs/{id}/', {
        params: { path: { account_id: 1, id: 7 } },
        signal: controller.signal,
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(1);
  });

  it("listens to the signal of a request a middleware puts in place of the call's own", async () => {
    // The call itself passes no signal, so its own request is marked as one nobody can abort; the request the
    // middleware returns is not, and its signal must still stop the attempt.
    const { controller, fetch, requests } = abortedOnceSent();
    const { dbt } = client(fetch);
    dbt.api.use({ onRequest: ({ request }) => new Request(request, { signal: controller.signal }) });
    const error = await getRun(dbt).catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(1);
  });

  it('does not start a request whose signal is already aborted', async () => {
    const { fetch, requests } = scriptedFetch([ok(run)]);
    const { dbt } = client(fetch);
    const error = await dbt.api
      .GET('/api/v2/accounts/{account_id}/runs/{id}/', {
        params: { path: { account_id: 1, id: 7 } },
        signal: AbortSignal.abort(),
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(0);
  });
});

describe('typed errors from the helpers', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [500, ServerError],
  ] as const)('maps %i to %s with method, path, status and the API message', async (status, type) => {
    const { fetch } = scriptedFetch([
      json(errorBody(status, `message ${status}`), status, { 'x-request-id': 'req-42' }),
    ]);
    const { dbt } = client(fetch, { maxRetries: 0 });
    const error = await dbt.runs.get(7).catch((e) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({
      method: 'GET',
      path: '/api/v2/accounts/43786/runs/7/',
      status,
      userMessage: `message ${status}`,
      requestId: 'req-42',
    });
  });

  it('gives RateLimitError the Retry-After it was told', async () => {
    const { fetch } = scriptedFetch([json(errorBody(429), 429, { 'Retry-After': '9' })]);
    const { dbt } = client(fetch, { maxRetries: 0 });
    const error = await dbt.runs.get(7).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(9000);
  });

  it('never shows the token in any form of an error', async () => {
    const { fetch } = scriptedFetch([json(errorBody(401, 'Invalid token.'), 401)]);
    const { dbt } = client(fetch);
    const error = await dbt.runs.get(7).catch((e) => e);
    for (const view of [
      error.message,
      error.stack,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      String(error),
    ]) {
      expect(view).not.toContain(token);
    }
    const network = await client(scriptedFetch([connectionError('ECONNRESET')]).fetch, { maxRetries: 0 })
      .dbt.runs.get(7)
      .catch((e) => e);
    expect(inspect(network, { depth: 10 })).not.toContain(token);
  });

  it('logs each attempt without the token', async () => {
    const lines: string[] = [];
    const logger = {
      debug: (m: string, f?: object) => lines.push(`${m} ${JSON.stringify(f)}`),
      info: (m: string, f?: object) => lines.push(`${m} ${JSON.stringify(f)}`),
    };
    const { fetch } = scriptedFetch([json(errorBody(503), 503), ok(run)]);
    const { dbt } = client(fetch, { logger });
    await getRun(dbt);
    expect(lines).toHaveLength(3); // two attempts and one retry notice
    expect(lines.join('\n')).not.toContain(token);
    expect(lines[0]).toContain('"status":503');
  });
});
