// The token must never appear in anything a failure produces: error messages, stacks, JSON, util.inspect, log lines
// (the CLI's output: test/e2e/token-leak-cli.test.ts). Every test also checks the token really was sent, so a test
// cannot pass by never using it.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createDbtCloud,
  DbtCloudError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseFormatError,
  RunCancelledError,
  RunFailedError,
  ServerError,
  TimeoutError,
  ValidationError,
  WaitTimeoutError,
  type DbtCloudOptions,
  type Logger,
} from '../../../src/index.js';
import { startServer } from '../../support/http-server.js';
import {
  connectionError,
  errorBody,
  fakeClock,
  hang,
  json,
  ok,
  runBody,
  scriptedFetch,
} from '../../support/scripted.js';

const token = 'dbtc_LEAKCHECK_7f3a9e';

/** Every way an error can be turned into text; none may contain the token. */
function renderings(error: unknown): Record<string, string> {
  const e = error as Error;
  return {
    message: String(e?.message),
    stack: String(e?.stack),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error, { depth: Infinity, showHidden: true }),
    string: String(error),
  };
}

function expectNoTokenIn(error: unknown) {
  expect(error).toBeInstanceOf(Error);
  for (const [how, text] of Object.entries(renderings(error))) {
    expect(text, `token found in ${how}`).not.toContain(token);
  }
}

const run = (status: number, id = 9001) => runBody(status, { id });

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** A client on a scripted fetch and a fake clock, with no retries unless `extra` says so. */
const scripted = (steps: Parameters<typeof scriptedFetch>[0], extra: Partial<DbtCloudOptions> = {}) => {
  const s = scriptedFetch(steps);
  const dbt = createDbtCloud({
    token,
    accountId: 43786,
    host: 'https://x.example',
    fetch: s.fetch,
    clock: fakeClock(),
    env: {},
    maxRetries: 0,
    ...extra,
  });
  return { dbt, requests: s.requests };
};

describe('the token never leaks into errors', () => {
  it.each([
    [400, BadRequestError],
    [422, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [502, ServerError],
    [503, ServerError],
    [418, DbtCloudError],
  ])('HTTP %i → %o', async (status, type) => {
    const { dbt, requests } = scripted([
      json(errorBody(status, 'Invalid token.'), status, { 'Retry-After': '1', 'X-Request-Id': 'req-1' }),
    ]);
    const error = await failureOf(() => dbt.runs.get(1));
    expect(error).toBeInstanceOf(type);
    expect(requests[0]!.headers.get('Authorization')).toBe(`Token ${token}`);
    expectNoTokenIn(error);
  });

  it.each([
    ['a refused connection (scripted)', connectionError('ECONNREFUSED')],
    ['a reset (scripted)', connectionError('ECONNRESET')],
    ['an error without a code', new TypeError('fetch failed')],
  ])('ConnectionError: %s', async (_name, failure) => {
    const { dbt, requests } = scripted([failure]);
    const error = await failureOf(() => dbt.runs.get(1));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(requests[0]!.headers.get('Authorization')).toBe(`Token ${token}`);
    expectNoTokenIn(error);
  });

  it('ConnectionError from the real global fetch (refused port), whose cause chain comes from undici', async () => {
    const server = await startServer((_req, res) => {
      res.end();
    });
    const host = server.url;
    await server.close();
    const dbt = createDbtCloud({ token, accountId: 43786, host, env: {}, maxRetries: 0 });
    const error = await failureOf(() => dbt.runs.get(1));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).cause).toBeDefined();
    expectNoTokenIn(error);
  });

  it('TimeoutError from the real global fetch (a server that never answers)', async () => {
    const server = await startServer(() => new Promise<void>(() => {}));
    try {
      const dbt = createDbtCloud({ token, accountId: 43786, host: server.url, env: {}, maxRetries: 0, timeoutMs: 100 });
      const error = await failureOf(() => dbt.runs.get(1));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(server.requests[0]!.headers.authorization).toBe(`Token ${token}`);
      expectNoTokenIn(error);
    } finally {
      await server.close();
    }
  });

  it('TimeoutError (scripted hang)', async () => {
    const { dbt } = scripted((_request, signal) => hang(signal), { timeoutMs: 20 });
    const error = await failureOf(() => dbt.runs.get(1));
    expect(error).toBeInstanceOf(TimeoutError);
    expectNoTokenIn(error);
  });

  it('AbortError (the caller aborts while the request hangs; the reason mentions nothing secret)', async () => {
    const controller = new AbortController();
    const { dbt } = scripted((_request, signal) => {
      controller.abort();
      return hang(signal);
    });
    const error = await failureOf(() => dbt.runs.get(1, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expectNoTokenIn(error);
  });

  it.each([
    ['a line break', `${token}\r\n`],
    ['a space', `${token} x`],
    ['a tab', `\t${token}`],
    ['a NUL', `${token}\u0000`],
  ])('ValidationError from a static token with %s', (_name, bad) => {
    const error = (() => {
      try {
        createDbtCloud({ token: bad, accountId: 1, env: {} });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('token');
    expectNoTokenIn(error);
  });

  it('ValidationError from a token function returning a bad token', async () => {
    const { dbt, requests } = scripted([ok(run(10))], { token: async () => `${token}\n` });
    const error = await failureOf(() => dbt.runs.get(1));
    expect(error).toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(0);
    expectNoTokenIn(error);
  });

  it('ResponseFormatError: a 200 without a body, and a list without data', async () => {
    const empty = scripted([new Response(null, { status: 200, headers: { 'Content-Length': '0' } })]);
    const first = await failureOf(() => empty.dbt.runs.get(1));
    expect(first).toBeInstanceOf(ResponseFormatError);
    expectNoTokenIn(first);
    const noData = scripted([json({ status: { code: 200 } })]);
    const second = await failureOf(() => noData.dbt.runs.list().toArray());
    expect(second).toBeInstanceOf(ResponseFormatError);
    expectNoTokenIn(second);
  });

  it.each([
    [20, RunFailedError],
    [30, RunCancelledError],
  ])('a run ending in %i → %o', async (status, type) => {
    const { dbt } = scripted([ok(run(status))]);
    const error = await failureOf(() => dbt.runs.wait(9001));
    expect(error).toBeInstanceOf(type);
    expectNoTokenIn(error);
  });

  it('WaitTimeoutError', async () => {
    const { dbt } = scripted([ok(run(3))]);
    const error = await failureOf(() => dbt.runs.wait(9001, { timeoutMs: 5000 }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expectNoTokenIn(error);
  });
});

describe('the token never reaches a logger', () => {
  it('at any level, across successes, retries and failures', async () => {
    const lines: string[] = [];
    const capture = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      lines.push(
        `${level} ${message} ${inspect(fields, { depth: Infinity, showHidden: true })} ${JSON.stringify(fields)}`,
      );
    const logger: Logger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    const { dbt, requests } = scripted(
      [
        json(errorBody(503), 503, { 'Retry-After': '1' }),
        connectionError('ECONNRESET'),
        ok(run(10)),
        json(errorBody(401, 'Invalid token.'), 401),
      ],
      { maxRetries: 2, logger },
    );
    await dbt.runs.get(1);
    await expect(dbt.runs.get(2)).rejects.toBeInstanceOf(AuthenticationError);
    expect(requests.every((r) => r.headers.get('Authorization') === `Token ${token}`)).toBe(true);
    expect(lines.some((line) => line.startsWith('debug'))).toBe(true);
    expect(lines.some((line) => line.startsWith('info'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(token);
  });
});
