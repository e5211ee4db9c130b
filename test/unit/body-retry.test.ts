// A connection that breaks while an answer's body is read: the transport reads the body as part of the attempt, so it
// sends a GET again (up to maxRetries, counted with every other retry), and never a POST.
import { describe, expect, it, vi } from 'vitest';
import { AbortError, ConnectionError, ResponseFormatError } from '../../src/index.js';
import { connectionError, json, ok, requestLine, scriptedClient, brokenMidBody } from '../support/scripted.js';

const run = { id: 7, status: 10 };
const runPath = 'GET /api/v2/accounts/43786/runs/7/';

describe('a body broken mid-read', () => {
  it('once on a GET helper: sent again after a backoff, logged as a body retry, and the run returned', async () => {
    const info = vi.fn();
    const steps = [() => brokenMidBody(), () => ok(run)];
    const { dbt, requests, clock } = scriptedClient(steps, { maxRetries: 2, logger: { info } });
    await expect(dbt.runs.get(7)).resolves.toMatchObject(run);
    expect(requests.map(requestLine)).toEqual([runPath, runPath]);
    expect(clock.sleeps).toHaveLength(1);
    expect(info).toHaveBeenCalledWith(
      'dbt-cloud retry',
      expect.objectContaining({ method: 'GET', path: '/api/v2/accounts/43786/runs/7/', phase: 'body', attempt: 1 }),
    );
  });

  it('on every attempt: ConnectionError after maxRetries + 1 GETs, through the helpers and dbt.api alike', async () => {
    const helper = scriptedClient(() => brokenMidBody(), { maxRetries: 2 });
    const error = await helper.dbt.runs.get(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET', path: '/api/v2/accounts/43786/runs/7/' });
    expect(String((error as Error).message)).toContain('UND_ERR_SOCKET');
    expect(helper.requests).toHaveLength(3);

    const raw = scriptedClient(() => brokenMidBody(), { maxRetries: 1 });
    await expect(
      raw.dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path: { account_id: 43786, id: 7 } } }),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(raw.requests).toHaveLength(2);
  });

  it('a POST is never sent again: the trigger may have started a run', async () => {
    const { dbt, requests } = scriptedClient(() => brokenMidBody(), { maxRetries: 3 });
    await expect(dbt.runs.trigger(1)).rejects.toBeInstanceOf(ConnectionError);
    expect(requests.map(requestLine)).toEqual(['POST /api/v2/accounts/43786/jobs/1/run/']);
  });

  it('maxRetries 0: not sent again', async () => {
    const { dbt, requests } = scriptedClient(() => brokenMidBody(), { maxRetries: 0 });
    await expect(dbt.runs.get(7)).rejects.toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(1);
  });

  it('the caller aborting during the wait before the next GET: AbortError, and nothing more is sent', async () => {
    const controller = new AbortController();
    const { dbt, requests } = scriptedClient(() => brokenMidBody(), {
      maxRetries: 3,
      clock: {
        now: () => 0,
        sleep: (_ms, signal) => {
          controller.abort(new Error('stop'));
          return Promise.reject(signal?.reason);
        },
      },
    });
    await expect(
      dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
        params: { path: { account_id: 43786, id: 7 } },
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(1);
  });

  it('a failure the transport already retried is not retried again here (no retries of retries)', async () => {
    const { dbt, requests } = scriptedClient(() => connectionError('ECONNRESET'), { maxRetries: 2 });
    await expect(dbt.runs.get(7)).rejects.toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(3);
  });

  it('malformed JSON is an answer, not a broken connection: not sent again', async () => {
    const malformed = () =>
      new Response('{"data": {"id": 7,,}}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    const { dbt, requests } = scriptedClient(malformed, { maxRetries: 3 });
    await expect(dbt.runs.get(7)).rejects.toBeInstanceOf(ResponseFormatError);
    expect(requests).toHaveLength(1);
  });

  it('a body without a length that is not JSON: dbt.api rejects with ResponseFormatError naming the request', async () => {
    // No Content-Length, as a chunked answer has: openapi-fetch parses such a body itself, and must still see the
    // transport's typed error rather than a bare SyntaxError.
    const chunked = () =>
      new Response(new Blob(['<html>maintenance</html>']).stream(), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      });
    const { dbt, requests } = scriptedClient(chunked, { maxRetries: 3 });
    const error = await dbt.api
      .GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path: { account_id: 43786, id: 7 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ method: 'GET', path: '/api/v2/accounts/43786/runs/7/', status: 200 });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(requests).toHaveLength(1);
  });

  it('the answer handed over says the length of the body it holds, without the wire framing', async () => {
    const body = JSON.stringify({ data: { id: 7, status: 10, name: 'é' }, status: { code: 200 } });
    const chunked = () =>
      new Response(new Blob([body]).stream(), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'X-Request-Id': 'req-1' },
      });
    const { dbt } = scriptedClient(chunked);
    const { data, response } = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: { path: { account_id: 43786, id: 7 } },
    });
    expect(data?.data.id).toBe(7);
    expect(response.headers.get('Content-Length')).toBe(String(new TextEncoder().encode(body).byteLength));
    expect(response.headers.get('Transfer-Encoding')).toBeNull();
    expect(response.headers.get('X-Request-Id')).toBe('req-1');
  });

  it('a list page broken mid-body is fetched again and the walk goes on', async () => {
    const page = (ids: number[], total: number) =>
      json({ data: ids.map((id) => ({ id })), extra: { pagination: { count: ids.length, total_count: total } } });
    let pageTwoCalls = 0;
    const { dbt, requests } = scriptedClient(
      (request) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'));
        if (offset === 0) return page([1, 2], 4);
        return ++pageTwoCalls === 1 ? brokenMidBody() : page([3, 4], 4);
      },
      { maxRetries: 2 },
    );
    const ids = (await dbt.runs.list({ pageSize: 2 }).toArray()).map((r) => r.id);
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(requests).toHaveLength(3);
  });
});
