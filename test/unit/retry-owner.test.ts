// One owner of retries. Whatever fails (a status to retry, a body broken mid-read, both in turn), a call
// makes at most maxRetries + 1 attempts, and the attempt timeout runs on the injected clock.
import { describe, expect, it, vi } from 'vitest';
import { ConnectionError, RateLimitError, ServerError, TimeoutError, type Clock } from '../../src/index.js';
import {
  errorBody,
  fakeClock,
  hang,
  json,
  ok,
  requestLine,
  scriptedClient,
  brokenMidBody,
} from '../support/scripted.js';

const unavailable = () => json(errorBody(503, 'busy'), 503);
const runPath = 'GET /api/v2/accounts/43786/runs/7/';

/** Settles with the outcome of `work`, or with 'still pending' when it has not settled within `ms` of real time. */
async function settledWithin<T>(work: Promise<T>, ms: number): Promise<T | unknown | 'still pending'> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'still pending'>((resolve) => {
    timer = setTimeout(() => resolve('still pending'), ms);
  });
  try {
    return await Promise.race([work.catch((error: unknown) => error), pending]);
  } finally {
    clearTimeout(timer);
  }
}

describe('one owner of retries: attempts per call', () => {
  it.each([0, 1, 3])('status retry: a 503 every time makes maxRetries + 1 = %i + 1 attempts', async (maxRetries) => {
    const { dbt, requests } = scriptedClient(() => unavailable(), { maxRetries });
    await expect(dbt.runs.get(7)).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(maxRetries + 1);
  });

  it.each([0, 1, 3])('body broken mid-read every time: maxRetries + 1 = %i + 1 attempts', async (maxRetries) => {
    const { dbt, requests } = scriptedClient(() => brokenMidBody(), { maxRetries });
    await expect(dbt.runs.get(7)).rejects.toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(maxRetries + 1);
  });

  it.each([1, 2, 3])(
    'mixed, a 503 then a broken body in turn: still maxRetries + 1 = %i + 1 attempts, not (maxRetries + 1)²',
    async (maxRetries) => {
      let count = 0;
      const { dbt, requests } = scriptedClient(() => (count++ % 2 === 0 ? unavailable() : brokenMidBody()), {
        maxRetries,
      });
      const error = await dbt.runs.get(7).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(maxRetries % 2 === 0 ? ServerError : ConnectionError);
      expect(requests).toHaveLength(maxRetries + 1);
      expect(new Set(requests.map(requestLine))).toEqual(new Set([runPath]));
    },
  );

  it('mixed through dbt.api as well: a broken body then 503s, maxRetries + 1 attempts', async () => {
    const { dbt, requests } = scriptedClient([brokenMidBody(), unavailable()], { maxRetries: 2 });
    const result = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: { path: { account_id: 43786, id: 7 } },
    });
    expect(result.response.status).toBe(503);
    expect(requests).toHaveLength(3);
  });

  it('a broken body, then a good answer: one retry, logged with phase body, and the run returned', async () => {
    const info = vi.fn();
    const { dbt, requests } = scriptedClient([brokenMidBody(), ok({ id: 7, status: 10 })], {
      maxRetries: 3,
      logger: { info },
    });
    await expect(dbt.runs.get(7)).resolves.toMatchObject({ id: 7 });
    expect(requests).toHaveLength(2);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith('dbt-cloud retry', expect.objectContaining({ phase: 'body', attempt: 1 }));
  });

  it('a POST whose body broke mid-read is not sent again, even after a 429 that was', async () => {
    const { dbt, requests } = scriptedClient(
      [json(errorBody(429), 429, { 'Retry-After': '1' }), brokenMidBody(), ok({ id: 1 })],
      { maxRetries: 3 },
    );
    await expect(dbt.runs.trigger(5)).rejects.toBeInstanceOf(ConnectionError);
    expect(requests.map(requestLine)).toEqual([
      'POST /api/v2/accounts/43786/jobs/5/run/',
      'POST /api/v2/accounts/43786/jobs/5/run/',
    ]);
  });

  it('Retry-After read by the transport is the one RateLimitError reports', async () => {
    const { dbt, clock } = scriptedClient(() => json(errorBody(429), 429, { 'Retry-After': '7' }), {
      maxRetries: 1,
    });
    const error = await dbt.runs.get(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7_000);
    expect(clock.sleeps).toContain(7_000);
  });

  it('the attempt timeout runs on the injected clock: a hang times out with no real time passing', async () => {
    const base = fakeClock();
    const timers: number[] = [];
    // Every timer fires at once: the attempt timeout is reached as soon as the fetch is under way.
    const clock: Clock = {
      now: base.now,
      sleep: base.sleep,
      setTimer(ms, onFire) {
        timers.push(ms);
        const id = setImmediate(onFire);
        return () => clearImmediate(id);
      },
    };
    const { dbt, requests } = scriptedClient((_request, signal) => hang(signal), {
      clock,
      maxRetries: 2,
      timeoutMs: 600_000,
    });
    const outcome = await settledWithin(dbt.runs.get(7), 5_000);
    expect(outcome).toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(3);
    expect(timers).toEqual([600_000, 600_000, 600_000]);
  });
});
