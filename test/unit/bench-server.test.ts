// The benchmark's server must page like the API does, or the listing and memory numbers measure nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawFetchWindow } from '../../bench/raw-walk.js';
import { type BenchServer, firstRunId, startBenchServer } from '../../bench/server.js';
import { createDbtCloud } from '../../src/index.js';

describe('bench server', () => {
  let server: BenchServer;
  beforeAll(async () => {
    server = await startBenchServer({ totalRuns: 250 });
  });
  afterAll(() => server.close());

  const get = (path: string, token = 'Token t') => fetch(`${server.url}${path}`, { headers: { Authorization: token } });

  it('pages by limit and offset and reports the total', async () => {
    const pages = await Promise.all(
      [0, 100, 200, 300].map((offset) =>
        get(`/api/v2/accounts/1/runs/?limit=100&offset=${offset}`).then((r) => r.json()),
      ),
    );
    expect(pages.map((page) => page.data.length)).toEqual([100, 100, 50, 0]);
    expect(pages.every((page) => page.extra.pagination.total_count === 250)).toBe(true);
    expect(pages[2].data[49].id).toBe(firstRunId + 249);
    expect((await get('/api/v2/accounts/1/runs/?limit=101')).status).toBe(400);
  });

  it('answers get-run with the id asked for, and 401 without a token', async () => {
    const body = await (await get('/api/v2/accounts/1/runs/42/')).json();
    expect(body.data).toMatchObject({ id: 42, status: 10 });
    expect(body.data.href).toContain('/runs/42/');
    expect((await get('/api/v2/accounts/1/runs/42/', '')).status).toBe(401);
  });

  it('the raw fetch reference walk keeps every run once, in order, as toArray does', async () => {
    for (const inFlight of [1, 8]) {
      const runs = await rawFetchWindow(server.url, inFlight, { accountId: 1, token: 't' });
      expect(runs.map((run) => run.id)).toEqual(Array.from({ length: 250 }, (_, k) => firstRunId + k));
    }
    await expect(rawFetchWindow(server.url, 8, { accountId: 1, token: '' })).rejects.toThrow('status 401');
  });

  it('gives the client every run once, in order, at any concurrency', async () => {
    const dbt = createDbtCloud({ token: 't', accountId: 1, host: server.url });
    for (const concurrency of [1, 8]) {
      const runs = await dbt.runs.list({ concurrency }).toArray();
      expect(runs.map((run) => run.id)).toEqual(Array.from({ length: 250 }, (_, k) => firstRunId + k));
    }
  });
});
