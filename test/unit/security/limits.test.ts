// What a server, a custom fetch or an option cannot make the client do: leak the token, walk a list forever, send a
// path with dot segments, take a 2xx without its envelope for data, wait past an abort or a deadline, hold a timer
// value a timer cannot hold, read an endless body, or send a token a header cannot carry. Hang detectors use real
// time only to fail instead of hanging (a minute, far above what any of these takes); nothing asserts a timing.
import { format, inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  createDbtCloud,
  DbtCloudError,
  PaginationError,
  ResponseFormatError,
  TimeoutError,
  ValidationError,
  WaitTimeoutError,
  type Clock,
  type DbtCloudOptions,
} from '../../../src/index.js';
import { sendJson, startServer, type ScriptedServer } from '../../support/http-server.js';
import { errorBody, fakeClock, hang, json, ok, scriptedClient, scriptedFetch } from '../../support/scripted.js';

const token = 'dbtc_LIMITS_4b8e1f';
const run = (status: unknown, id = 7) => ({ id, status, status_humanized: 'Running', run_steps: [] });

/** Settles with what `work` gave (value or error), or 'still pending' when it has not settled within `ms`. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise((resolve) => {
    timer = setTimeout(() => resolve('still pending'), ms);
  });
  try {
    return await Promise.race([work.catch((error: unknown) => error), pending]);
  } finally {
    clearTimeout(timer);
  }
}

function client(fetch: DbtCloudOptions['fetch'], extra: Partial<DbtCloudOptions> = {}) {
  return createDbtCloud({
    token,
    accountId: 43786,
    host: 'https://x.example',
    fetch,
    clock: fakeClock(),
    env: {},
    maxRetries: 0,
    ...extra,
  });
}

/** Every way an error reaches a person or a log. */
function everyRendering(error: unknown): string {
  return [
    String((error as Error).message),
    String((error as Error).stack),
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    format(error), // what console.error(error) prints, cause included
    String(error),
  ].join('\n');
}

describe('the token: a custom fetch whose error quotes the request or keeps it', () => {
  it.each([
    [
      'quotes the request in its message',
      (request: Request) =>
        new TypeError(
          `request failed: ${request.method} ${request.url} Authorization: ${request.headers.get('Authorization')}`,
        ),
    ],
    [
      'keeps it as .request (as ky and ofetch do)',
      (request: Request) => Object.assign(new Error('fetch failed'), { request }),
    ],
    [
      'keeps the headers in its cause',
      (request: Request) =>
        new TypeError('fetch failed', {
          cause: Object.assign(new Error(`bad ${request.headers.get('Authorization')}`), {
            code: 'ECONNRESET',
            headers: Object.fromEntries(request.headers),
          }),
        }),
    ],
  ])('a fetch error that %s: no token in message, stack, JSON, inspect or console.error', async (_name, failure) => {
    let sent = '';
    const dbt = client(async (request) => {
      sent = request.headers.get('Authorization') ?? '';
      throw failure(request);
    });
    const error = await dbt.runs.get(1).catch((e: unknown) => e);
    expect(sent).toBe(`Token ${token}`);
    expect(error).toBeInstanceOf(DbtCloudError);
    expect(everyRendering(error)).not.toContain(token);
  });
});

describe('the token echoed: a server or proxy page repeating the Authorization header', () => {
  it.each([401, 400, 502])('%i whose message quotes the header: no token in the error', async (status) => {
    const { fetch } = scriptedFetch((request) =>
      json(
        {
          status: {
            code: status,
            is_success: false,
            user_message: `Rejected header Authorization: ${request.headers.get('Authorization')}`,
            developer_message: `raw: ${JSON.stringify({ authorization: request.headers.get('Authorization') })}`,
          },
          data: null,
        },
        status,
      ),
    );
    const error = await client(fetch)
      .runs.get(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtCloudError);
    expect((error as DbtCloudError).userMessage).toContain('[redacted]');
    expect(everyRendering(error)).not.toContain(token);
  });
});

describe('pagination: a walk that would never end stops with PaginationError', () => {
  /** A list page of ids [from, from + count). Gives up with a 404 after 300 requests so a broken walk cannot hang. */
  const page = (from: number, count: number, total: number) =>
    json({
      data: Array.from({ length: count }, (_, i) => ({ id: from + i })),
      extra: { pagination: { count, total_count: total } },
      status: { code: 200, is_success: true },
    });
  const guarded = (answer: (offset: number, call: number) => Response) => {
    let calls = 0;
    return scriptedFetch((request) => {
      if (++calls > 300) return json(errorBody(404), 404);
      return answer(Number(new URL(request.url).searchParams.get('offset') ?? 0), calls);
    });
  };

  it('a total that grows every page: stopped at maxPages, reason page-limit', async () => {
    const scripted = guarded((offset, call) => page(offset, 10, offset + 10 + call * 10));
    const dbt = client(scripted.fetch);
    const error = await dbt
      .paginate('/api/v2/accounts/{account_id}/runs/', {
        params: { path: { account_id: 43786 }, query: { limit: 10 } },
        maxPages: 50,
      })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).reason).toBe('page-limit');
    expect(scripted.requests).toHaveLength(50);
  });

  it('a server that ignores offset: stopped at the second page, reason repeated-page', async () => {
    const scripted = guarded(() => page(1, 100, 1_000));
    const error = await client(scripted.fetch)
      .runs.list()
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).reason).toBe('repeated-page');
    expect(scripted.requests).toHaveLength(2);
  });

  it('a huge total with the same page repeated, 8 pages in flight: PaginationError, few requests', async () => {
    const scripted = guarded(() => page(1, 100, 1e12));
    const error = await client(scripted.fetch)
      .runs.list({ concurrency: 8 })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(scripted.requests.length).toBeLessThanOrEqual(10);
  });

  it('a normal list still walks to its end', async () => {
    const scripted = guarded((offset) => page(offset + 1, Math.min(10, 35 - offset), 35));
    const ids = (await client(scripted.fetch).runs.list({ pageSize: 10 }).toArray()).map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });
});

describe('dbt.api paths: "." and ".." segments are refused before sending', () => {
  it.each([
    ['../../../jobs/5/'],
    ['../../../../../../api/v3/accounts/1/service-tokens/'],
    ['target/../../x'],
    ['./run_results.json'],
  ])('remainder %j', async (remainder) => {
    const { fetch, requests } = scriptedFetch([ok({})]);
    const error = await client(fetch)
      .api.GET('/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}', {
        params: { path: { account_id: 1, run_id: 2, remainder } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('remainder');
    expect(requests).toHaveLength(0);
  });

  it.each(['..', '.'])('an id %j from untyped JS', async (id) => {
    const { fetch, requests } = scriptedFetch([ok({})]);
    const error = await client(fetch)
      .api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
        params: { path: { account_id: 1, id: id as unknown as number } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it('names that merely contain dots still pass', async () => {
    const { fetch, requests } = scriptedFetch([new Response('{}', { status: 200 })]);
    await client(fetch).api.GET('/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}', {
      params: { path: { account_id: 1, run_id: 2, remainder: 'compiled/..pkg/models/x..sql' } },
    });
    expect(requests.map((r) => r.path)).toEqual(['/api/v2/accounts/1/runs/2/artifacts/compiled/..pkg/models/x..sql']);
  });
});

describe('response shape: a 2xx without the promised envelope is ResponseFormatError', () => {
  const bodies: Array<[string, () => Response]> = [
    ['null', () => new Response('null', { status: 200, headers: { 'Content-Type': 'application/json' } })],
    ['{}', () => json({})],
    ['[]', () => json([])],
    ['5', () => json(5)],
    ['{"data":null}', () => json({ data: null })],
    ['a 204', () => new Response(null, { status: 204 })],
  ];
  it.each(bodies)('runs.get answered %s', async (_name, answer) => {
    const { dbt } = scriptedClient(() => answer());
    await expect(dbt.runs.get(7)).rejects.toBeInstanceOf(ResponseFormatError);
  });
  it.each(bodies)('runs.trigger answered %s', async (_name, answer) => {
    const { dbt } = scriptedClient(() => answer());
    await expect(dbt.runs.trigger(5)).rejects.toBeInstanceOf(ResponseFormatError);
  });
  it.each(bodies)('runs.latest answered %s', async (_name, answer) => {
    const { dbt } = scriptedClient(() => answer());
    await expect(dbt.runs.latest()).rejects.toBeInstanceOf(ResponseFormatError);
  });
  it.each([...bodies, ['{"data":{}}', () => json({ data: {} })] as [string, () => Response]])(
    'artifacts.list answered %s',
    async (_name, answer) => {
      const { dbt } = scriptedClient(() => answer());
      await expect(dbt.artifacts.list(7)).rejects.toBeInstanceOf(ResponseFormatError);
    },
  );
});

describe('abort: a token function that never settles', () => {
  const never = () => new Promise<string>(() => {});
  it('the caller’s signal applies while it is awaited: AbortError', async () => {
    const controller = new AbortController();
    const dbt = client(undefined, { token: never, fetch: scriptedFetch([ok(run(10))]).fetch });
    const pending = dbt.runs.get(7, { signal: controller.signal });
    setImmediate(() => controller.abort(new Error('stop')));
    expect(await settledWithin(pending, 60_000)).toBeInstanceOf(AbortError);
  });
  it('timeoutMs applies while it is awaited: TimeoutError', async () => {
    const dbt = client(undefined, { token: never, fetch: scriptedFetch([ok(run(10))]).fetch, timeoutMs: 50 });
    expect(await settledWithin(dbt.runs.get(7), 60_000)).toBeInstanceOf(TimeoutError);
  });
  it('runs.wait with a deadline ends too', async () => {
    const dbt = client(undefined, {
      token: never,
      fetch: scriptedFetch([ok(run(3))]).fetch,
      timeoutMs: 60_000,
      clock: undefined,
    });
    expect(await settledWithin(dbt.runs.wait(7, { timeoutMs: 50 }), 60_000)).toBeInstanceOf(WaitTimeoutError);
  });
});

describe('timers: values a timer cannot hold are refused', () => {
  it.each([2 ** 31, 2 ** 40])('timeoutMs %i: ValidationError at construction', (timeoutMs) => {
    expect(() => createDbtCloud({ token, timeoutMs, env: {} })).toThrow(ValidationError);
  });
  it('timeoutMs 2^31 − 1 is the largest accepted', () => {
    expect(() => createDbtCloud({ token, timeoutMs: 2 ** 31 - 1, env: {} })).not.toThrow();
  });
  it.each(['intervalMs', 'maxIntervalMs', 'timeoutMs'] as const)(
    'runs.wait %s 2^31: ValidationError before any request',
    async (option) => {
      const { dbt, requests } = scriptedClient([ok(run(3))]);
      await expect(dbt.runs.wait(7, { [option]: 2 ** 31 })).rejects.toBeInstanceOf(ValidationError);
      expect(requests).toHaveLength(0);
    },
  );
});

describe('body size: an answer that streams forever', () => {
  const servers: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  /** A fetch whose 200 body never ends (64 KiB chunks, made on demand). */
  const endless = () =>
    scriptedFetch(() => {
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.enqueue(chunk);
          },
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      );
    });

  it('is cut at maxResponseBytes with ResponseFormatError, and not retried', async () => {
    const scripted = endless();
    const dbt = client(scripted.fetch, { maxResponseBytes: 1024 * 1024, maxRetries: 2 });
    const outcome = await settledWithin(dbt.runs.get(7), 60_000);
    expect(outcome).toBeInstanceOf(ResponseFormatError);
    expect((outcome as Error).message).toContain('maxResponseBytes');
    expect(scripted.requests).toHaveLength(1);
  });

  it('a Content-Length above the cap is refused before its body is read', async () => {
    const server = await startServer((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) });
      res.write('{"data":');
    });
    servers.push(server);
    const dbt = createDbtCloud({ token, accountId: 1, host: server.url, env: {}, maxResponseBytes: 1024 });
    expect(await settledWithin(dbt.runs.get(7), 60_000)).toBeInstanceOf(ResponseFormatError);
  });

  it('maxResponseBytes is checked: 0 or a fraction is a ValidationError', () => {
    expect(() => createDbtCloud({ token, maxResponseBytes: 0, env: {} })).toThrow(ValidationError);
    expect(() => createDbtCloud({ token, maxResponseBytes: 1.5, env: {} })).toThrow(ValidationError);
  });

  it('runs.wait({ timeoutMs }) ends a poll in flight at its deadline (a server that never finishes)', async () => {
    const server = await startServer((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"data": {"id": 7, ');
    });
    servers.push(server);
    const dbt = createDbtCloud({ token, accountId: 1, host: server.url, env: {}, timeoutMs: 600_000 });
    const outcome = await settledWithin(dbt.runs.wait(7, { timeoutMs: 200 }), 60_000);
    expect(outcome).toBeInstanceOf(WaitTimeoutError);
    expect((outcome as WaitTimeoutError).run).toBeUndefined();
  });
});

describe('waiting: a status the spec does not have', () => {
  it.each([
    ['missing', { id: 7 }],
    ['null', run(null)],
    ['"10"', run('10')],
    ['99', run(99)],
  ])('%s: ResponseFormatError, no endless polling', async (_name, body) => {
    let calls = 0;
    // After 50 polls, a 401 ends a wait that would otherwise never stop.
    const { dbt } = scriptedClient(() => (++calls > 50 ? json(errorBody(401), 401) : ok(body)));
    const error = await dbt.runs.wait(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(calls).toBe(1);
  });
});

describe('tokens: characters a header cannot carry are refused at construction', () => {
  it.each([
    ['U+0085 (next line)', 'dbtc_abc\u0085def'],
    ['U+009B (CSI)', 'dbtc_abc\u009bdef'],
    ['U+00A0 (no-break space)', 'dbtc_abc\u00a0def'],
    ['€', 'dbtc_abc€def'],
    ['an emoji', 'dbtc_abc😀def'],
    ['U+200B (zero-width space)', 'dbtc_abc\u200bdef'],
  ])('a token with %s', (_name, bad) => {
    const error = (() => {
      try {
        createDbtCloud({ token: bad, env: {} });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('token');
    expect(String((error as Error).message)).not.toContain(bad);
  });

  it('a token function returning one: ValidationError, nothing sent', async () => {
    const { fetch, requests } = scriptedFetch([ok(run(10))]);
    const dbt = client(fetch, { token: () => 'dbtc_€uro' });
    await expect(dbt.runs.get(7)).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it('Latin-1 visible characters are accepted', () => {
    expect(() => createDbtCloud({ token: 'dbtc_abcé~ÿ', env: {} })).not.toThrow();
  });

  it.each(['agent/1 €', 'agent\u0085', 'agent\u200b', 'agent\u0000'])('a userAgent %j', (userAgent) => {
    expect(() => createDbtCloud({ token, userAgent, env: {} })).toThrow(ValidationError);
  });
});

describe('waiting: the last look and what a timeout reports', () => {
  it('an abort during the final look is an AbortError, not WaitTimeoutError', async () => {
    const controller = new AbortController();
    let calls = 0;
    const { dbt } = scriptedClient((_request, signal) => {
      calls++;
      // The polls up to the deadline answer; the last look after it hangs until the caller aborts.
      if (calls <= 2) return ok(run(3));
      setImmediate(() => controller.abort(new Error('stop')));
      return hang(signal);
    });
    const error = await dbt.runs
      .wait(7, { timeoutMs: 1_000, intervalMs: 5_000, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(WaitTimeoutError);
    expect(calls).toBe(3);
  });

  it('no poll answered: WaitTimeoutError carries no invented run', async () => {
    const { dbt } = scriptedClient(() => json(errorBody(503), 503), { maxRetries: 0 });
    const error = await dbt.runs.wait(7, { timeoutMs: 3_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).run).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain('-1');
    expect((error as Error).message).toContain('run 7');
  });

  it('the last run seen is the one reported', async () => {
    const { dbt } = scriptedClient([ok(run(3)), json(errorBody(503), 503)], { maxRetries: 0 });
    const error = await dbt.runs.wait(7, { timeoutMs: 3_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).run).toMatchObject({ id: 7, status: 3 });
  });
});

describe('trigger: a POST answered with a redirect', () => {
  const servers: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it.each([301, 302, 303])('%i is not followed as a GET: a typed error, and no run returned', async (status) => {
    const server = await startServer(({ method, path }, res) => {
      if (method === 'POST') {
        res.writeHead(status, { Location: '/api/v2/accounts/1/runs/99/' });
        res.end();
        return;
      }
      sendJson(res, 200, { data: { id: 99, status: 10 }, status: { code: 200, is_success: true } });
      void path;
    });
    servers.push(server);
    const dbt = createDbtCloud({ token, accountId: 1, host: server.url, env: {}, maxRetries: 0 });
    const error = await dbt.runs.trigger(5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtCloudError);
    expect((error as DbtCloudError).status).toBe(status);
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('307 keeps the POST (and its body) on the same origin, with the token', async () => {
    const server = await startServer(({ path }, res) => {
      if (path === '/api/v2/accounts/1/jobs/5/run/') {
        res.writeHead(307, { Location: '/api/v2/accounts/1/jobs/6/run/' });
        res.end();
        return;
      }
      sendJson(res, 200, { data: { id: 42, status: 1 }, status: { code: 200, is_success: true } });
    });
    servers.push(server);
    const dbt = createDbtCloud({ token, accountId: 1, host: server.url, env: {}, maxRetries: 0 });
    expect((await dbt.runs.trigger(5, { cause: 'x' })).id).toBe(42);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v2/accounts/1/jobs/5/run/',
      'POST /api/v2/accounts/1/jobs/6/run/',
    ]);
    expect(server.requests[1]!.headers.authorization).toBe(`Token ${token}`);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ cause: 'x' });
  });
});

describe('runs.wait timeoutMs is a deadline', () => {
  it('429 with Retry-After: 30, maxRetries 1, timeoutMs 3000: the wait ends by its deadline', async () => {
    const { dbt, clock } = scriptedClient(() => json(errorBody(429), 429, { 'Retry-After': '30' }), {
      maxRetries: 1,
    });
    const started = clock.now();
    const error = await dbt.runs.wait(7, { timeoutMs: 3_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    // On the fake clock: every sleep is cut to the time left, not the 30 s Retry-After asks for.
    expect(clock.now() - started).toBeLessThanOrEqual(3_000);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(3_000);
  });
});

describe('the fetch option takes (request) and (input, init) alike', () => {
  it('a (request) => … fetch gets the Authorization header on the request', async () => {
    let authorization: string | null = null;
    const dbt = client(async (request: Request) => {
      authorization = request.headers.get('Authorization');
      return ok(run(10));
    });
    await dbt.runs.get(7);
    expect(authorization).toBe(`Token ${token}`);
  });

  it('a usual (input, init) wrapper gets init with the Authorization header, method and body', async () => {
    const seen: Array<{ authorization: string | null; method: string | undefined; body: string }> = [];
    // Typed as wrappers around the global fetch usually are.
    const wrapper = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const body = init?.body instanceof ArrayBuffer ? new TextDecoder().decode(init.body) : String(init?.body ?? '');
      seen.push({ authorization: new Headers(init?.headers).get('Authorization'), method: init?.method, body });
      void input;
      return ok(run(1));
    };
    const dbt = client(wrapper);
    await dbt.runs.trigger(5, { cause: 'wrapped' });
    expect(seen).toEqual([{ authorization: `Token ${token}`, method: 'POST', body: '{"cause":"wrapped"}' }]);
  });

  it('a wrapper that passes (input, init) on to the global fetch reaches the server with the token', async () => {
    const server = await startServer((_request, res) => {
      sendJson(res, 200, { data: run(10), status: { code: 200, is_success: true } });
    });
    try {
      const dbt = createDbtCloud({
        token,
        accountId: 1,
        host: server.url,
        env: {},
        fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
      });
      await dbt.runs.get(7);
      expect(server.requests[0]!.headers.authorization).toBe(`Token ${token}`);
    } finally {
      await server.close();
    }
  });
});

describe('errors raised without an HTTP exchange do not pretend to have one', () => {
  it('ValidationError and WaitTimeoutError: no method, path or status in their JSON', async () => {
    const validation = (() => {
      try {
        createDbtCloud({ token: '', env: {} });
      } catch (e) {
        return e;
      }
    })();
    const { dbt } = scriptedClient(() => json(errorBody(503), 503), { maxRetries: 0 });
    const timeout = await dbt.runs.wait(7, { timeoutMs: 1_000 }).catch((e: unknown) => e);
    for (const error of [validation, timeout]) {
      const data = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
      expect(Object.keys(data)).not.toContain('method');
      expect(Object.keys(data)).not.toContain('status');
      expect(data).not.toHaveProperty('path');
    }
    expect((timeout as WaitTimeoutError).run).toBeUndefined();
    void AuthenticationError;
  });
});

describe('a clock without setTimer still times attempts with the runtime timer', () => {
  it('TimeoutError with a plain { now, sleep } clock', async () => {
    const plain: Clock = { now: () => 0, sleep: async () => {} };
    const { fetch } = scriptedFetch((_request, signal) => hang(signal));
    const dbt = client(fetch, { clock: plain, timeoutMs: 20 });
    expect(await settledWithin(dbt.runs.get(7), 60_000)).toBeInstanceOf(TimeoutError);
  });
});
