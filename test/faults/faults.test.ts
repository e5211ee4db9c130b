// The client through a fault-injecting proxy over real loopback HTTP: one test per fault, with small budgets.
// Reads go to the global Prism; triggers go to a stateful scripted server that counts the POSTs it accepted.
// The fake clock makes backoff and Retry-After waits instant; the per-attempt timeout is real (timeoutMs 300).
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ConnectionError,
  createDbtCloud,
  DbtCloudError,
  RateLimitError,
  ResponseFormatError,
  ServerError,
  TimeoutError,
  type DbtCloudOptions,
} from '../../src/index.js';
import { startFakeDbtCloud, type FakeDbtCloud } from '../support/fake-dbt-cloud.js';
import { startFaultProxy, type FaultKind, type FaultProxy, type FaultProxyOptions } from '../support/fault-proxy.js';
import { fakeClock } from '../support/scripted.js';

const prismUrl = inject('prismUrl');
const token = 'dbtc_fault_tests';
const accountId = 43786;
const prismRunId = 70403103;
/** Per-attempt limit where a fault makes the client wait for it; elsewhere a roomier one, as Prism may be busy. */
const hangTimeoutMs = 300;
const timeoutMs = 1_000;
const maxRetries = 2;
/** A hang detector, not a performance assertion. */
const hangBound = timeoutMs * (maxRetries + 1) + 2_000;

let fake: FakeDbtCloud;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  fake = await startFakeDbtCloud();
  // Prism answers its first requests slowly; warm it up so the small timeouts below measure faults, not that.
  for (let i = 0; i < 3; i++) {
    const warm = await fetch(`${prismUrl}/api/v2/accounts/${accountId}/runs/${prismRunId}/`, {
      headers: { Authorization: `Token ${token}` },
    });
    await warm.arrayBuffer();
  }
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function proxy(options: Omit<FaultProxyOptions, 'upstream'> & { upstream?: string }) {
  const started = await startFaultProxy({ upstream: prismUrl, ...options });
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

/** Runs `work`, returning what it returned or threw and how long it took (for the hang bound only). */
async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
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
  const outcome = await timed(() => dbt.runs.get(prismRunId));
  expect(outcome.ms).toBeLessThan(hangBound);
  return { ...outcome, through, clock, dbt };
}

describe('rate limits', () => {
  it('429 with Retry-After in seconds: waits that long and succeeds', async () => {
    const { value, through, clock } = await getThrough('rate-limit-seconds', 1, { retryAfterSeconds: 1 });
    expect(value?.id).toBe(prismRunId);
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
    const { value, ms } = await timed(() => dbt.runs.get(prismRunId));
    expect(ms).toBeLessThan(hangBound);
    expect(value?.id).toBe(prismRunId);
    expect(clock.sleeps[0]).toBeGreaterThan(0);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(1000);
  });

  it('429 with an HTTP-date Retry-After on every attempt: RateLimitError whose retryAfterMs comes from the date', async () => {
    const clock = fakeClock(Date.now());
    const through = await proxy({ rule: () => 'rate-limit-date', retryAfterSeconds: 5, now: clock.now });
    const dbt = createDbtCloud({ token, accountId, host: through.url, clock, timeoutMs, maxRetries, env: {} });
    const { error, ms } = await timed(() => dbt.runs.get(prismRunId));
    expect(ms).toBeLessThan(hangBound);
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
      expect(value?.id).toBe(prismRunId);
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
    expect(error).toMatchObject({ status, method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${prismRunId}/` });
    expect((error as ServerError).userMessage).toBeTruthy();
    expect(through.received).toBe(maxRetries + 1);
  });

  it('a load balancer’s HTML 502 page on every attempt: ServerError carrying the page; dbt.api returns it as error', async () => {
    const { error, dbt } = await getThrough('html-502', Infinity);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, userMessage: undefined });
    expect(String((error as ServerError).body)).toContain('502 Bad Gateway');
    const { error: apiError, response } = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: { path: { account_id: accountId, id: prismRunId } },
    });
    expect(response.status).toBe(502);
    expect(String(apiError)).toContain('<html>');
  });
});

describe('broken connections', () => {
  it('a reset before the response: a GET is retried and succeeds', async () => {
    const { value, through } = await getThrough('reset-before-response', 1);
    expect(value?.id).toBe(prismRunId);
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
    expect(value?.id).toBe(prismRunId);
    expect(through.received).toBe(2);
  });

  it('a reset in the middle of the body on every attempt: ConnectionError, not a bare TypeError', async () => {
    const { error, through } = await getThrough('reset-mid-body', Infinity);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${prismRunId}/` });
    expect(through.received).toBe(maxRetries + 1);
  });

  it('a reset in the middle of the body through dbt.api: sent again once, then a typed ConnectionError', async () => {
    const get = (dbt: ReturnType<typeof client>['dbt']) =>
      timed(() =>
        dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
          params: { path: { account_id: accountId, id: prismRunId } },
        }),
      );
    const once = await proxy({ rule: first('reset-mid-body') });
    const recovered = await get(client(once).dbt);
    expect(recovered.value?.data?.data.id).toBe(prismRunId);
    expect(once.received).toBe(2);

    const always = await proxy({ rule: first('reset-mid-body', Infinity) });
    const { error, ms } = await get(client(always).dbt);
    expect(ms).toBeLessThan(hangBound);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(always.received).toBe(maxRetries + 1);
  });
});

describe('hangs', () => {
  it('an answer that never comes, once: the attempt times out, the GET is retried and succeeds', async () => {
    // The in-process fake answers at once, so only the hung attempt can reach the 300 ms limit; Prism, busy with
    // the other test files, sometimes took longer than that over the retry too.
    const through = await proxy({ upstream: fake.url, rule: first('hang', 1) });
    const { dbt } = client(through, { timeoutMs: hangTimeoutMs });
    const runId = fake.seededRunIds[0]!;
    const { value, ms } = await timed(() => dbt.runs.get(runId));
    expect(ms).toBeLessThan(hangBound);
    expect(value?.id).toBe(runId);
    expect(through.received).toBe(2);
  });

  it('an answer that never comes, on every attempt: TimeoutError after maxRetries + 1 attempts, within the hang bound', async () => {
    const { error, through } = await getThrough('hang', Infinity, {}, { timeoutMs: hangTimeoutMs });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(through.received).toBe(maxRetries + 1);
  });

  it('headers trickled a byte at a time, quicker than the timeout: succeeds', async () => {
    const { value, through } = await getThrough('slow-headers', 1, { trickleDelayMs: 1 }, { timeoutMs: 10_000 });
    expect(value?.id).toBe(prismRunId);
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
    expect(value?.id).toBe(prismRunId);
    expect(through.received).toBe(2);
  });

  it('200 with half the Content-Length on every attempt: ConnectionError', async () => {
    const { error, through } = await getThrough('truncated-json', Infinity);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${prismRunId}/` });
    expect(through.received).toBe(maxRetries + 1);
  });

  it('200 without Content-Length that ends early: ResponseFormatError (invalid JSON)', async () => {
    const { error } = await getThrough('truncated-json-no-length', 1);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${prismRunId}/` });
  });

  it('200 with malformed JSON: ResponseFormatError from the helper', async () => {
    const { error, through } = await getThrough('malformed-json', 1);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ method: 'GET', path: `/api/v2/accounts/${accountId}/runs/${prismRunId}/` });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(through.received).toBe(1); // not retried: the server answered, wrongly
  });

  it('200 with malformed JSON: dbt.api throws ResponseFormatError', async () => {
    const through = await proxy({ rule: first('malformed-json') });
    const { dbt } = client(through);
    const { error } = await timed(() =>
      dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
        params: { path: { account_id: accountId, id: prismRunId } },
      }),
    );
    expect(error).toBeInstanceOf(ResponseFormatError);
  });
});

describe('a trigger (POST) is never replayed once the server may have acted', () => {
  async function triggerThrough(fault: FaultKind) {
    const through = await proxy({ upstream: fake.url, rule: ({ method }) => (method === 'POST' ? fault : undefined) });
    const { dbt } = client(through, { timeoutMs: hangTimeoutMs });
    const before = fake.acceptedTriggers.length;
    const outcome = await timed(() => dbt.runs.trigger(fake.jobIds[0]!, { cause: `fault ${fault}` }));
    expect(outcome.ms).toBeLessThan(hangBound);
    return { ...outcome, through, accepted: fake.acceptedTriggers.length - before };
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
        upstream: fake.url,
        rule: ({ method, countForPath }) => (method === 'POST' && countForPath === 1 ? fault : undefined),
      });
      const { dbt } = client(through);
      const before = fake.acceptedTriggers.length;
      const run = await dbt.runs.trigger(fake.jobIds[1]!);
      expect(fake.acceptedTriggers.slice(before)).toEqual([run.id]);
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
      upstream: fake.url,
      rule: ({ countForPath }) =>
        countForPath % 3 === 0 ? retryable[(countForPath / 3) % retryable.length] : undefined,
    });
    const { dbt } = client(through, { timeoutMs: hangTimeoutMs });
    const { value, ms } = await timed(() => dbt.runs.list({ pageSize: 10, concurrency: 3 }).toArray());
    expect(ms).toBeLessThan(hangBound * 3);
    expect(value?.map((r) => r.id).slice(0, fake.seededRunIds.length)).toEqual(fake.seededRunIds);
    expect(through.injected.length).toBeGreaterThan(0);
  });

  it('waiting on a run rides out faults while polling and sees it finish', async () => {
    const run = await client(await proxy({ upstream: fake.url })).dbt.runs.trigger(fake.jobIds[2]!);
    const through = await proxy({
      upstream: fake.url,
      rule: ({ countForPath }) => (countForPath % 2 === 1 ? 'status-503' : undefined),
    });
    const { dbt } = client(through);
    const { value, error } = await timed(() => dbt.runs.wait(run.id, { intervalMs: 10, throwOnFailure: false }));
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
