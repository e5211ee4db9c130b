import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  RunCancelledError,
  RunFailedError,
  WaitTimeoutError,
  type Run,
} from '../../src/index.js';
import {
  connectionError,
  errorBody,
  json,
  ok,
  scriptedFetch,
  scriptedClient,
  statusNames,
} from '../support/scripted.js';

const humanized = statusNames;
const run = (status: number, extra: Record<string, unknown> = {}) => ({
  id: 70403103,
  status,
  status_humanized: humanized[status],
  ...extra,
});

const setup = (steps: Parameters<typeof scriptedFetch>[0]) => scriptedClient(steps, { maxRetries: 0 });

describe('dbt.runs.wait', () => {
  it('polls through queued → starting → running → success and returns the finished run', async () => {
    const { dbt, requests, clock } = setup([ok(run(1)), ok(run(2)), ok(run(3)), ok(run(3)), ok(run(10))]);
    const finished = await dbt.runs.wait(70403103);
    expect(finished.status).toBe(10);
    expect(requests).toHaveLength(5);
    // The interval grows from 1 s by half each poll.
    expect(clock.sleeps).toEqual([1000, 1500, 2250, 3375]);
  });

  it('caps the interval at maxIntervalMs', async () => {
    const { dbt, clock } = setup([...Array.from({ length: 8 }, () => ok(run(3))), ok(run(10))]);
    await dbt.runs.wait(1, { intervalMs: 2000, maxIntervalMs: 5000 });
    expect(Math.max(...clock.sleeps)).toBe(5000);
    expect(clock.sleeps[0]).toBe(2000);
  });

  it('throws RunFailedError carrying the run when it ends in error', async () => {
    const { dbt } = setup([ok(run(3)), ok(run(20, { status_message: 'Database Error in model orders' }))]);
    const error = await dbt.runs.wait(70403103).catch((e) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.run.status).toBe(20);
    expect(error.message).toContain('Database Error in model orders');
  });

  it('throws RunCancelledError when it is cancelled', async () => {
    const { dbt } = setup([ok(run(1)), ok(run(30))]);
    await expect(dbt.runs.wait(1)).rejects.toBeInstanceOf(RunCancelledError);
  });

  it('returns failed and cancelled runs with throwOnFailure: false', async () => {
    const { dbt } = setup([ok(run(20))]);
    expect((await dbt.runs.wait(1, { throwOnFailure: false })).status).toBe(20);
  });

  it('sends no request after a terminal status', async () => {
    const { dbt, requests } = setup([ok(run(10)), ok(run(3))]);
    await dbt.runs.wait(1);
    expect(requests).toHaveLength(1);
  });

  it('rides out transient errors between polls', async () => {
    const { dbt, requests } = setup([
      ok(run(1)),
      connectionError('ECONNRESET'),
      json(errorBody(503), 503),
      json(errorBody(429), 429, { 'Retry-After': '2' }),
      ok(run(3)),
      json(errorBody(502), 502),
      ok(run(10)),
    ]);
    expect((await dbt.runs.wait(1)).status).toBe(10);
    expect(requests).toHaveLength(7);
  });

  it('gives up after maxConsecutiveErrors transient errors in a row', async () => {
    const { dbt, requests } = setup([ok(run(3)), json(errorBody(500), 500)]);
    const error = await dbt.runs.wait(1, { maxConsecutiveErrors: 2 }).catch((e) => e);
    expect(error.status).toBe(500);
    expect(requests).toHaveLength(4);
  });

  it('fails at once on an error that will not pass (401)', async () => {
    const { dbt, requests } = setup([ok(run(3)), json(errorBody(401), 401)]);
    await expect(dbt.runs.wait(1)).rejects.toBeInstanceOf(AuthenticationError);
    expect(requests).toHaveLength(2);
  });

  it('throws WaitTimeoutError with the last run at the timeout, after one last look', async () => {
    const { dbt, requests, clock } = setup([ok(run(3))]);
    const error = await dbt.runs.wait(1, { timeoutMs: 10_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.run.status).toBe(3);
    expect(clock.sleeps.reduce((a: number, b: number) => a + b, 0)).toBe(10_000);
    const polls = requests.length;
    expect(polls).toBeGreaterThan(2);
  });

  it('returns the run if the last look at the timeout finds it finished', async () => {
    const { dbt } = setup([ok(run(3)), ok(run(3)), ok(run(10))]);
    const finished = await dbt.runs.wait(1, { timeoutMs: 1500 });
    expect(finished.status).toBe(10);
  });

  it('stops at once when aborted, with AbortError', async () => {
    const controller = new AbortController();
    const { dbt, requests } = setup((request) => {
      if (requests.length === 2) controller.abort();
      return ok(run(3));
    });
    const error = await dbt.runs.wait(1, { signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(2);
  });

  it('reports the caller’s abort during the last look at the deadline as AbortError, not a timeout', async () => {
    // Polls at 0, 1 s and 1.5 s, then the last look at the 1.5 s deadline: the caller aborts while it is answered.
    for (const finished of [false, true]) {
      const controller = new AbortController();
      const { dbt, requests } = setup(() => {
        if (requests.length === 4) controller.abort();
        return ok(run(requests.length === 4 && finished ? 10 : 3));
      });
      const error = await dbt.runs.wait(1, { timeoutMs: 1500, signal: controller.signal }).catch((e) => e);
      expect(error, `last look finding the run ${finished ? 'finished' : 'running'}`).toBeInstanceOf(AbortError);
      expect(requests).toHaveLength(4);
    }
  });

  it('reports each status and step change to onProgress, once', async () => {
    const step = (index: number, name: string, status: number) => ({ index, name, status });
    const { dbt, requests } = setup([
      ok(run(1, { run_steps: [] })),
      ok(run(1, { run_steps: [] })),
      ok(run(3, { run_steps: [step(1, 'Clone', 3)] })),
      ok(run(3, { run_steps: [step(1, 'Clone', 10), step(2, 'dbt build', 3)] })),
      ok(run(3, { run_steps: [step(1, 'Clone', 10), step(2, 'dbt build', 3)] })),
      ok(run(10, { run_steps: [step(1, 'Clone', 10), step(2, 'dbt build', 10)] })),
    ]);
    const seen: string[] = [];
    await dbt.runs.wait(1, {
      onProgress: (current: Run, previous: Run | undefined) =>
        seen.push(
          `${previous?.status_humanized ?? '-'}→${current.status_humanized}:${current.run_steps?.at(-1)?.name ?? ''}`,
        ),
    });
    expect(seen).toEqual([
      '-→Queued:',
      'Queued→Running:Clone',
      'Running→Running:dbt build',
      'Running→Success:dbt build',
    ]);
    // Steps are only asked for when someone listens.
    expect(new URL(requests[0]!.url).searchParams.get('include_related')).toBe('run_steps');
  });

  it('refuses a bad run id before sending anything', async () => {
    const { dbt, requests } = setup([ok(run(10))]);
    await expect(dbt.runs.wait(0)).rejects.toMatchObject({ name: 'ValidationError', field: 'runId' });
    expect(requests).toHaveLength(0);
  });
});
