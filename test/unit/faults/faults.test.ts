// The client through a fault-injecting proxy over real loopback HTTP, one test per fault, against the mock's engine
// in-process (its runs move one state per poll, and it keeps every run a trigger made, so a replayed POST shows).
// The fake clock makes backoff and Retry-After waits instant; the per-attempt timeout is real (300 ms where a fault
// makes the client wait for it). A hang fails a test by the test's own timeout: nothing here asserts a duration.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectionError,
  createDbtCloud,
  DbtCloudError,
  RateLimitError,
  ResponseFormatError,
  ServerError,
  TimeoutError,
  type DbtCloudOptions,
} from '../../../src/index.js';
import { startEngine, type TestEngine } from '../../support/engine.js';
import { startFaultProxy, type FaultKind, type FaultProxy, type FaultProxyOptions } from '../../support/fault-proxy.js';
import { fakeClock } from '../../support/scripted.js';

const token = 'dbtc_fault_tests';
/** Per-attempt limit where a fault makes the client wait for it; elsewhere a roomier one. */
const hangTimeoutMs = 300;
const timeoutMs = 1_000;
const maxRetries = 2;

let cloud: TestEngine;
let accountId: number;
let jobIds: number[];
/** Finished runs that exist before any test triggers one: they fill the paged list. */
let seededRunIds: number[];
/** The run the reads get. */
let runId: number;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  cloud = await startEngine({ exampleJobs: false, stepPerPoll: true });
  accountId = cloud.accountId;
  jobIds = ['Nightly', 'Hourly', 'Weekly'].map((name) => cloud.seedJob({ name }));
  seededRunIds = cloud.seedRuns(
    jobIds[0]!,
    Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? 'error' : 'success')),
  );
  runId = seededRunIds[1]!;
});
afterAll(async () => {
  await cloud.close();
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function proxy(options: Omit<FaultProxyOptions, 'upstream'>) {
  const started = await startFaultProxy({ upstream: cloud.url, ...options });
  proxies.push(started);
  return started;
}

/** `fault` on the first `times` requests (every request when times is Infinity), then plain forwarding. */
const first =
  (fault: FaultKind, times = 1) =>
  ({ count }: { count: number }) =>
    count <= times ? fault : undefined;

function client(through: FaultProxy, extra: Partial<DbtCloudOptions> = {}) {
  const clock = fakeClock(Date.now());
  const dbt = createDbtCloud({ token, accountId, host: through.url, clock, timeoutMs, maxRetries, env: {}, ...extra });
  return { dbt, clock };
}

/** Runs `work`, returning what it returned or threw. */
async function settle<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await work() };
  } catch (error) {
    return { error };
  }
}

async function getThrough(
  fault: FaultKind,
  times: number,
  options: Omit<FaultProxyOptions, 'upstream' | 'rule'> = {},
  extra: Partial<DbtCloudOptions> = {},
) {
  const through = await proxy({ rule: first(fault, times), ...options });
  const { dbt, clock } = client(through, extra);
  const outcome = await settle(() => dbt.runs.get(runId));
  return { ...outcome, through, clock, dbt };
}

describe('rate limits', () => {
  it('429 with Retry-After in seconds: waits that long and succeeds', async () => {
    const { value, through, clock } = await getThrough('rate-limit-seconds', 1, { retryAfterSeconds: 1 });
    expect(value?.id).toBe(runId);
    expect(through.received).toBe(2);
    expect(clock.sleeps).toContain(1000);
  });

  it('429 with Retry-After in seconds on every attempt: RateLimitError with retryAfterMs', async () => {
    const { error, through } = await getThrough('rate-limit-seconds', Infinity, { retryAfterSeconds: 1 });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 1000 });
    expect(through.received).toBe(maxRetries + 1);
  });

  it('429 with Retry-After as an HTTP date: waits until then and succeeds', async () => {
    const clock = fakeClock(Date.now());
    const through = await proxy({ rule: first('rate-limit-date'), retryAfterSeconds: 1, now: clock.now });
    const dbt = createDbtCloud({ token, accountId, host: through.url, clock, timeoutMs, maxRetries, env: {} });
    const { value } = await settle(() => dbt.runs.get(runId));
    expect(value?.id).toBe(runId);
    expect(clock.sleeps[0]).toBeGreaterThan(0);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(1000);
  });

  it('429 with an HTTP-date Retry-After on every attempt: RateLimitError whose retryAfterMs comes from the date', async () => {
    const clock = fakeClock(Date.now());
    const through = await proxy({ rule: () => 'rate-limit-date', retryAfterSeconds: 5, now: clock.now });
    const dbt = createDbtCloud({ token, accountId, host: through.url, clock, timeoutMs, maxRetries, env: {} });
    const { error } = await settle(() => dbt.runs.get(runId));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(4000);
    expect((error as RateLimitError).retryAfterMs).toBeLessThanOrEqual(5000);
  });
});

describe('server errors', () => {
  it.each(['status-500', 'status-502', 'status-503', 'status-503-retry-after', 'status-504', 'html-502'] as const)(
    '%s once: a GET is retried and succeeds',
    async (fault) => {
      const { value, through } = await getThrough(fault, 1);
      expect(value?.id).toBe(runId);
      expect(through.injected).toHaveLength(1);
      expect(through.received).toBe(2);
    },
  );

  it.each([
    ['status-500', 500],
    ['status-502', 502],
    ['status-503', 503],
    ['status-503-retry-after', 503],
    ['status-504', 504],
  ] as const)('%s on every attempt: ServerError with the status and the API message', async (fault, status) => {
    const { error, through } = await getThrough(fault, Infinity);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status, method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${runId}/` });
    expect((error as ServerError).userMessage).toBeTruthy();
    expect(through.received).toBe(maxRetries + 1);
  });

  it('a load balancer’s HTML 502 page on every attempt: ServerError carrying the page; dbt.api returns it as error', async () => {
    const { error, dbt } = await getThrough('html-502', Infinity);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, userMessage: undefined });
    expect(String((error as ServerError).body)).toContain('502 Bad Gateway');
    const { error: apiError, response } = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: { path: { account_id: accountId, id: runId } },
    });
    expect(response.status).toBe(502);
    expect(String(apiError)).toContain('<html>');
  });
});

describe('broken connections', () => {
  it('a reset before the response: a GET is retried and succeeds', async () => {
    const { value, through } = await getThrough('reset-before-response', 1);
    expect(value?.id).toBe(runId);
    expect(through.received).toBe(2);
  });

  it('a reset before the response on every attempt: ConnectionError', async () => {
    const { error, through } = await getThrough('reset-before-response', Infinity);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET' });
    expect(through.received).toBe(maxRetries + 1);
  });

  it('a reset in the middle of the body, once: the GET is sent again and succeeds', async () => {
    const { value, through } = await getThrough('reset-mid-body', 1);
    expect(value?.id).toBe(runId);
    expect(through.received).toBe(2);
  });

  it('a reset in the middle of the body on every attempt: ConnectionError, not a bare TypeError', async () => {
    const { error, through } = await getThrough('reset-mid-body', Infinity);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${runId}/` });
    expect(through.received).toBe(maxRetries + 1);
  });

  it('a reset in the middle of the body through dbt.api: sent again once, then a typed ConnectionError', async () => {
    const get = (dbt: ReturnType<typeof client>['dbt']) =>
      settle(() =>
        dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
          params: { path: { account_id: accountId, id: runId } },
        }),
      );
    const once = await proxy({ rule: first('reset-mid-body') });
    const recovered = await get(client(once).dbt);
    expect(recovered.value?.data?.data.id).toBe(runId);
    expect(once.received).toBe(2);

    const always = await proxy({ rule: first('reset-mid-body', Infinity) });
    const { error } = await get(client(always).dbt);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(always.received).toBe(maxRetries + 1);
  });
});

describe('hangs', () => {
  it('an answer that never comes, once: the attempt times out, the GET is retried and succeeds', async () => {
    const { value, through } = await getThrough('hang', 1, {}, { timeoutMs: hangTimeoutMs });
    expect(value?.id).toBe(runId);
    expect(through.received).toBe(2);
  });

  it('an answer that never comes, on every attempt: TimeoutError after maxRetries + 1 attempts', async () => {
    const { error, through } = await getThrough('hang', Infinity, {}, { timeoutMs: hangTimeoutMs });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(through.received).toBe(maxRetries + 1);
  });

  it('headers trickled a byte at a time, quicker than the timeout: succeeds', async () => {
    const { value, through } = await getThrough('slow-headers', 1, { trickleDelayMs: 1 }, { timeoutMs: 10_000 });
    expect(value?.id).toBe(runId);
    expect(through.injected).toHaveLength(1);
    expect(through.received).toBe(1);
  });

  it('headers trickled slower than the timeout on every attempt: TimeoutError', async () => {
    const { error, through } = await getThrough(
      'slow-headers',
      Infinity,
      { trickleDelayMs: 20 },
      { timeoutMs: hangTimeoutMs },
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(through.received).toBe(maxRetries + 1);
  });
});

describe('bodies that are not what they claim', () => {
  it('200 with half the Content-Length, then the connection ends, once: the GET is sent again and succeeds', async () => {
    const { value, through } = await getThrough('truncated-json', 1);
    expect(value?.id).toBe(runId);
    expect(through.received).toBe(2);
  });

  it('200 with half the Content-Length on every attempt: ConnectionError', async () => {
    const { error, through } = await getThrough('truncated-json', Infinity);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${runId}/` });
    expect(through.received).toBe(maxRetries + 1);
  });

  it('200 without Content-Length that ends early: ResponseFormatError (invalid JSON)', async () => {
    const { error } = await getThrough('truncated-json-no-length', 1);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${runId}/` });
  });

  it('200 with malformed JSON: ResponseFormatError from the helper', async () => {
    const { error, through } = await getThrough('malformed-json', 1);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${runId}/` });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(through.received).toBe(1); // not retried: the server answered, wrongly
  });

  it('200 with malformed JSON: dbt.api throws ResponseFormatError', async () => {
    const through = await proxy({ rule: first('malformed-json') });
    const { dbt } = client(through);
    const { error } = await settle(() =>
      dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
        params: { path: { account_id: accountId, id: runId } },
      }),
    );
    expect(error).toBeInstanceOf(ResponseFormatError);
  });
});

describe('a trigger (POST) is never replayed once the server may have acted', () => {
  async function triggerThrough(fault: FaultKind) {
    const through = await proxy({ rule: ({ method }) => (method === 'POST' ? fault : undefined) });
    const { dbt } = client(through, { timeoutMs: hangTimeoutMs });
    const before = cloud.runsMade.length;
    const outcome = await settle(() => dbt.runs.trigger(jobIds[0]!, { cause: `fault ${fault}` }));
    return { ...outcome, through, accepted: cloud.runsMade.length - before };
  }

  it.each([
    ['reset-mid-body', ConnectionError],
    ['reset-before-response', ConnectionError],
    ['hang', TimeoutError],
    ['truncated-json', ConnectionError],
    ['truncated-json-no-length', ResponseFormatError],
    ['malformed-json', ResponseFormatError],
  ] as const)('%s after the server accepted it: one POST and a typed error', async (fault, type) => {
    const { error, through, accepted } = await triggerThrough(fault);
    expect(error).toBeInstanceOf(type);
    expect(accepted).toBe(1);
    expect(through.received).toBe(1);
  });

  it.each(['status-500', 'status-502', 'status-503', 'status-504', 'html-502'] as const)(
    '%s: ServerError, and the POST is not resent',
    async (fault) => {
      const { error, through, accepted } = await triggerThrough(fault);
      expect(error).toBeInstanceOf(ServerError);
      expect(through.received).toBe(1);
      expect(accepted).toBe(0); // the proxy answered in the server's place
    },
  );

  it.each(['rate-limit-seconds', 'rate-limit-date', 'status-503-retry-after'] as const)(
    '%s (the server did not act): resent, and exactly one run is created',
    async (fault) => {
      const through = await proxy({
        rule: ({ method, countForPath }) => (method === 'POST' && countForPath === 1 ? fault : undefined),
      });
      const { dbt } = client(through);
      const before = cloud.runsMade.length;
      const run = await dbt.runs.trigger(jobIds[1]!);
      expect(cloud.runsMade.slice(before)).toEqual([run.id]);
      expect(through.received).toBe(2);
    },
  );

  it('slow headers on a trigger: the run is returned, once', async () => {
    const { value, accepted } = await triggerThrough('slow-headers');
    expect(value?.status).toBe(1);
    expect(accepted).toBe(1);
  });
});

describe('pagination and waiting through faults', () => {
  it('a list with concurrent pages rides out retryable faults on some pages', async () => {
    const retryable: FaultKind[] = [
      'status-502',
      'reset-before-response',
      'rate-limit-seconds',
      'hang',
      'status-503-retry-after',
    ];
    const through = await proxy({
      rule: ({ countForPath }) =>
        countForPath % 3 === 0 ? retryable[(countForPath / 3) % retryable.length] : undefined,
    });
    const { dbt } = client(through, { timeoutMs: hangTimeoutMs });
    const every = [...cloud.runs.keys()].sort((a, b) => a - b);
    const { value } = await settle(() => dbt.runs.list({ pageSize: 10, concurrency: 3 }).toArray());
    // Every run once, in order: the seeded ones, then those the tests above made.
    expect(value?.map((r) => r.id)).toEqual(every);
    expect(every.slice(0, seededRunIds.length)).toEqual(seededRunIds);
    expect(through.injected.length).toBeGreaterThan(0);
  });

  it('waiting on a run rides out faults while polling and sees it finish', async () => {
    const run = await client(await proxy({})).dbt.runs.trigger(jobIds[2]!);
    const through = await proxy({
      rule: ({ countForPath }) => (countForPath % 2 === 1 ? 'status-503' : undefined),
    });
    const { dbt } = client(through);
    const { value, error } = await settle(() => dbt.runs.wait(run.id, { intervalMs: 10, throwOnFailure: false }));
    expect(error).toBeUndefined();
    expect([10, 20]).toContain(value?.status);
    expect(through.injected.length).toBeGreaterThan(0);
  });

  it('every error the client raised in this file was a DbtCloudError (sanity check of the types used above)', () => {
    for (const type of [ConnectionError, TimeoutError, ServerError, RateLimitError, ResponseFormatError]) {
      expect(type.prototype).toBeInstanceOf(DbtCloudError);
    }
  });
});
