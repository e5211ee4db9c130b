// Redirects through the client's default fetch (the global, undici's): Authorization must never follow a redirect to
// another origin, while a redirect within the same origin keeps working with the token.
import { afterEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud } from '../../../src/index.js';
import { sendJson, startServer, type ScriptedServer } from '../../support/http-server.js';

const token = 'dbtc_REDIRECT_5c1d';
const envelope = (data: unknown) => ({
  data,
  status: { code: 200, is_success: true, user_message: 'Success!', developer_message: '' },
});
const run = (id: number) => ({ id, status: 10, status_humanized: 'Success' });

describe('redirects', () => {
  const servers: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  /** Server B: answers like the API would, to anyone, and records the headers it got. */
  const startB = async () => {
    const b = await startServer(({ path }, res) => {
      const id = Number(/runs\/(\d+)/.exec(path)?.[1] ?? 0);
      sendJson(res, 200, envelope(run(id)));
    });
    servers.push(b);
    return b;
  };
  const client = (host: string): DbtCloud => createDbtCloud({ token, accountId: 1, host, env: {}, maxRetries: 0 });

  it.each([301, 302, 303, 307, 308])('%i to another origin: B never sees the Authorization header', async (status) => {
    const b = await startB();
    const a = await startServer(({ url }, res) => {
      res.writeHead(status, { Location: `${b.url}${url.pathname}${url.search}` });
      res.end();
    });
    servers.push(a);
    const dbt = client(a.url);
    await dbt.runs.get(7).catch(() => undefined);
    expect(a.requests).toHaveLength(1);
    expect(a.requests[0]!.headers.authorization).toBe(`Token ${token}`);
    expect(b.requests, 'the redirect was followed to B').toHaveLength(1);
    for (const request of b.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toContain(token);
    }
  });

  it('a POST redirected (307) to another origin does not carry the token either', async () => {
    const b = await startB();
    const a = await startServer(({ url }, res) => {
      res.writeHead(307, { Location: `${b.url}${url.pathname}` });
      res.end();
    });
    servers.push(a);
    await client(a.url)
      .runs.cancel(7)
      .catch(() => undefined);
    expect(b.requests.map((r) => r.method)).toEqual(['POST']);
    for (const request of b.requests) expect(request.headers.authorization).toBeUndefined();
  });

  it('302 within the same origin is followed and keeps the token', async () => {
    const a = await startServer(({ path }, res) => {
      if (path === '/api/v2/accounts/1/runs/7/') {
        res.writeHead(302, { Location: '/api/v2/accounts/1/runs/8/' });
        res.end();
        return;
      }
      sendJson(res, 200, envelope(run(8)));
    });
    servers.push(a);
    const result = await client(a.url).runs.get(7);
    expect(result.id).toBe(8);
    expect(a.requests.map((r) => r.path)).toEqual(['/api/v2/accounts/1/runs/7/', '/api/v2/accounts/1/runs/8/']);
    expect(a.requests.map((r) => r.headers.authorization)).toEqual([`Token ${token}`, `Token ${token}`]);
  });

  it('a same-origin redirect by absolute URL keeps the token too', async () => {
    let self = '';
    const a = await startServer(({ path }, res) => {
      if (path === '/api/v2/accounts/1/runs/7/') {
        res.writeHead(301, { Location: `${self}/api/v2/accounts/1/runs/9/` });
        res.end();
        return;
      }
      sendJson(res, 200, envelope(run(9)));
    });
    self = a.url;
    servers.push(a);
    expect((await client(a.url).runs.get(7)).id).toBe(9);
    expect(a.requests[1]!.headers.authorization).toBe(`Token ${token}`);
  });
});
