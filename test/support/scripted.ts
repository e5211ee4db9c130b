// Test doubles: a fetch that answers from a script and records what it was sent, and a clock that never really waits.
import { createDbtCloud, type Clock, type DbtCloudOptions } from '../../src/index.js';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Headers;
  body: string;
}

type Step =
  Response | Error | ((request: RecordedRequest, signal: AbortSignal) => Response | Error | Promise<Response | Error>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A response that never comes: settles only when the request is aborted (by a timeout or the caller). */
export function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export function connectionError(code: string): Error {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  return new TypeError('fetch failed', { cause });
}

/** A fetch that plays `steps` in order (the last one repeats) or routes every call through one function. */
export function scriptedFetch(
  steps: Step[] | ((request: RecordedRequest, signal: AbortSignal) => Response | Error | Promise<Response | Error>),
) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      path: url.pathname + url.search,
      headers: request.headers,
      body: request.body ? await request.text() : '',
    };
    requests.push(recorded);
    const step = typeof steps === 'function' ? steps : steps[Math.min(requests.length - 1, steps.length - 1)]!;
    const outcome = typeof step === 'function' ? await step(recorded, request.signal) : step;
    if (outcome instanceof Error) throw outcome;
    return outcome.clone();
  };
  return { fetch, requests };
}

/** A clock whose sleeps return at once and move time forward; `sleeps` lists every wait asked for. */
export function fakeClock(
  start = Date.parse('2026-11-23T10:00:00Z'),
): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    async sleep(ms: number, signal?: AbortSignal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
    },
  };
}

const successStatus = { code: 200, is_success: true, user_message: 'Success!', developer_message: '' };

/** The API's success envelope around `data`, with any other top-level fields (`extra`, such as a list's `extra`). */
export const successBody = (data: unknown, extra: Record<string, unknown> = {}) => ({
  status: successStatus,
  data,
  ...extra,
});

export const ok = (data: unknown) => json({ data, status: successStatus });

/** The API's error envelope. */
export function errorBody(code: number, message = 'nope') {
  return { status: { code, is_success: false, user_message: message, developer_message: null }, data: null };
}

/** A client over a scripted fetch and a fake clock, for unit tests of the helpers. */
export function scriptedClient(steps: Parameters<typeof scriptedFetch>[0], extra: Partial<DbtCloudOptions> = {}) {
  const clock = fakeClock();
  const scripted = scriptedFetch(steps);
  const dbt = createDbtCloud({
    token: 't',
    accountId: 43786,
    host: 'https://x.example',
    fetch: scripted.fetch,
    clock,
    env: {},
    ...extra,
  });
  return { dbt, clock, requests: scripted.requests };
}

/** A list envelope holding `data` as the only page. */
export const listBody = (data: unknown[]) =>
  json({
    data,
    extra: { pagination: { count: data.length, total_count: data.length } },
    status: { code: 200, is_success: true },
  });

export const requestLine = (r: RecordedRequest) => `${r.method} ${new URL(r.url).pathname}`;
export const queryOf = (r: RecordedRequest) => Object.fromEntries(new URL(r.url).searchParams);
export const bodyOf = (r: RecordedRequest) => JSON.parse(r.body) as Record<string, unknown>;

/** `status_humanized` of each run status code, for building runs in tests. */
export const statusNames: Record<number, string> = {
  1: 'Queued',
  2: 'Starting',
  3: 'Running',
  10: 'Success',
  20: 'Error',
  30: 'Cancelled',
};

/** A run as the API answers it, in `status` (a failed one with its message); `fields` replace any of it. */
export function runBody(status: number, fields: Record<string, unknown> = {}) {
  return {
    id: 9001,
    job_definition_id: 567183,
    account_id: 43786,
    project_id: 1,
    environment_id: 1,
    status,
    status_humanized: statusNames[status],
    status_message: status === 20 ? 'Database Error in model orders' : null,
    created_at: '2026-11-23 10:00:00.000000+00:00',
    updated_at: '2026-11-23 10:00:00.000000+00:00',
    run_steps: [],
    ...fields,
  };
}

/** A 200 whose body starts, then fails the way undici fails a socket reset mid-body. */
export function brokenMidBody(): Response {
  const reset = new TypeError('terminated', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"data": {"id": 7, "na'));
      controller.error(reset);
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
}
