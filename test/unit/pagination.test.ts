import { describe, expect, it } from 'vitest';
import { createDbtCloud, NotFoundError, ValidationError } from '../../src/index.js';
import { paginate } from '../../src/pagination.js';
import { errorBody, fakeClock, json, scriptedFetch } from '../support/scripted.js';

/** A list endpoint over `total` numbered items that honours limit and offset. */
function listServer(total: number | (() => number), delayed = false) {
  const totalNow = typeof total === 'function' ? total : () => total;
  return scriptedFetch(async (request) => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    if (delayed) await new Promise((r) => setTimeout(r, (offset / limit) % 3));
    const count = totalNow();
    const data = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => ({
      id: offset + i + 1,
    }));
    return json({
      data,
      extra: { filters: { limit, offset }, order_by: 'id', pagination: { count: data.length, total_count: count } },
      status: { code: 200, is_success: true },
    });
  });
}

const client = (fetch: (r: Request) => Promise<Response>) =>
  createDbtCloud({ token: 't', accountId: 43786, host: 'https://x.example', fetch, clock: fakeClock(), env: {} });

const ids = (items: Array<{ id: number }>) => items.map((item) => item.id);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('dbt.paginate', () => {
  it('yields every item of every page with for await, 100 per page by default, and stops at total_count', async () => {
    const { fetch, requests } = listServer(250);
    const dbt = client(fetch);
    const seen: number[] = [];
    for await (const run of dbt.paginate('/api/v2/accounts/{account_id}/runs/', {
      params: { path: { account_id: 43786 } },
    })) {
      seen.push(run.id);
    }
    expect(seen).toEqual(range(250));
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      '?limit=100&offset=0',
      '?limit=100&offset=100',
      '?limit=100&offset=200',
    ]);
  });

  it('passes the caller’s filters on every page', async () => {
    const { fetch, requests } = listServer(150);
    const dbt = client(fetch);
    await dbt
      .paginate('/api/v2/accounts/{account_id}/jobs/', {
        params: { path: { account_id: 43786 }, query: { project_id: 270542, limit: 50 } },
      })
      .toArray();
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => new URL(r.url).searchParams.get('project_id') === '270542')).toBe(true);
  });

  it('offers the pages themselves, with their offsets and totals', async () => {
    const { fetch } = listServer(120);
    const pages = [];
    for await (const page of client(fetch).runs.list({ pageSize: 50 }).pages()) pages.push(page);
    expect(pages.map((p) => [p.offset, p.items.length, p.totalCount])).toEqual([
      [0, 50, 120],
      [50, 50, 120],
      [100, 20, 120],
    ]);
  });

  it('stops early with toArray({ max }) and asks for no more pages than it needs', async () => {
    const { fetch, requests } = listServer(1000);
    const runs = await client(fetch).runs.list().toArray({ max: 150 });
    expect(ids(runs)).toEqual(range(150));
    expect(requests).toHaveLength(2);
  });

  it.each([2, 8])(
    'with concurrency %i, toArray({ max }) asks for no page past the items it needs',
    async (concurrency) => {
      const { fetch, requests } = listServer(1000);
      const runs = await client(fetch).runs.list({ concurrency }).toArray({ max: 150 });
      expect(ids(runs)).toEqual(range(150));
      expect(requests.map((r) => new URL(r.url).searchParams.get('offset'))).toEqual(['0', '100']);
    },
  );

  it('with concurrency, asks for the next pages before handing a page over; one after another, only when asked', async () => {
    const requestsWhenHanded = async (concurrency: number) => {
      const { fetch, requests } = listServer(500);
      const seen: number[] = [];
      for await (const _ of client(fetch).runs.list({ concurrency, pageSize: 100 }).pages()) seen.push(requests.length);
      return seen;
    };
    // Concurrency 2: when page k (from 1) is handed over, pages up to k + 2 have been asked for (5 pages in all).
    expect(await requestsWhenHanded(2)).toEqual([3, 4, 5, 5, 5]);
    expect(await requestsWhenHanded(1)).toEqual([1, 2, 3, 4, 5]);
  });

  it('makes one request for an empty list', async () => {
    const { fetch, requests } = listServer(0);
    expect(await client(fetch).projects.list().toArray()).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it.each([2, 4, 8])('with concurrency %i fetches pages at once and still yields in order', async (concurrency) => {
    let inFlight = 0;
    let peak = 0;
    const inner = listServer(1000, true);
    const fetch = async (request: Request) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await inner.fetch(request);
      } finally {
        inFlight--;
      }
    };
    const runs = await client(fetch).runs.list({ concurrency }).toArray();
    expect(ids(runs)).toEqual(range(1000));
    expect(peak).toBe(concurrency);
  });

  it('survives a total that grows while it pages (no crash, reaches the new end)', async () => {
    let calls = 0;
    const { fetch } = listServer(() => (++calls > 1 ? 260 : 200));
    const runs = await client(fetch).runs.list({ concurrency: 2 }).toArray();
    expect(ids(runs)).toEqual(range(260));
  });

  it('survives a total that shrinks while it pages (stops at the first empty page, no infinite loop)', async () => {
    let calls = 0;
    const { fetch, requests } = listServer(() => (++calls > 1 ? 120 : 400));
    const runs = await client(fetch).runs.list({ concurrency: 4 }).toArray();
    expect(ids(runs)).toEqual(range(120));
    expect(requests.length).toBeLessThanOrEqual(5);
  });

  it('terminates when the server omits total_count, at the first short page', async () => {
    const { fetch, requests } = scriptedFetch(async (request) => {
      const offset = Number(new URL(request.url).searchParams.get('offset'));
      const n = offset < 200 ? 100 : 30;
      return json({ data: Array.from({ length: n }, (_, i) => ({ id: offset + i + 1 })), status: { code: 200 } });
    });
    expect(await client(fetch).runs.list().toArray()).toHaveLength(230);
    expect(requests).toHaveLength(3);
  });

  it('throws the typed error of a failed page, in order', async () => {
    const { fetch } = scriptedFetch(async (request) => {
      const offset = Number(new URL(request.url).searchParams.get('offset'));
      if (offset === 200) return json(errorBody(404), 404);
      return json({
        data: [{ id: offset }],
        extra: { pagination: { count: 100, total_count: 500 } },
        status: { code: 200 },
      });
    });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const run of client(fetch).runs.list({ concurrency: 3 })) seen.push(run.id);
    })().catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(seen).toEqual([0, 100]);
  });

  it('filters runs by job, status names and order, in the API’s own formats', async () => {
    const { fetch, requests } = listServer(1);
    await client(fetch)
      .runs.list({ jobId: 567183, status: ['error', 'cancelled'], orderBy: '-finished_at', include: ['job'] })
      .toArray();
    const query = new URL(requests[0]!.url).searchParams;
    expect(query.get('job_definition_id')).toBe('567183');
    expect(query.get('status__in')).toBe('[20,30]');
    expect(query.get('order_by')).toBe('-finished_at');
    expect(query.get('include_related')).toBe('job');
    await client(fetch).runs.list({ status: 'success' }).toArray();
    expect(new URL(requests[1]!.url).searchParams.get('status')).toBe('10');
  });

  it.each([
    [{ pageSize: 0 }, 'limit'],
    [{ pageSize: 101 }, 'limit'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ jobId: -1 }, 'jobId'],
    [{ status: 'done' as never }, 'status'],
  ])('refuses %o before sending anything', (options, field) => {
    const { fetch, requests } = listServer(10);
    expect(() => client(fetch).runs.list(options)).toThrow(ValidationError);
    try {
      client(fetch).runs.list(options);
    } catch (error) {
      expect((error as ValidationError).field).toBe(field);
    }
    expect(requests).toHaveLength(0);
  });

  it('works on a bare page fetcher too', async () => {
    const pages = new Map([
      [0, { data: [1, 2], extra: { pagination: { total_count: 3 } } }],
      [2, { data: [3], extra: { pagination: { total_count: 3 } } }],
    ]);
    const items = await paginate<number>(async (q) => pages.get(q.offset as number), { limit: 2 }).toArray();
    expect(items).toEqual([1, 2, 3]);
  });
});
