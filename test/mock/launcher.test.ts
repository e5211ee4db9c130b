// startMockServer as a CI job meets it. Ready means ready: nothing answers on the port before the data is final, so a
// run triggered at the first moment the port answers is still there afterwards. HTTPS on loopback with a CA file the
// client trusts. Control endpoints that answer only the mock's own loopback origin, and no CORS with credentials. And
// what start-up says while it goes on.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/node.js';

const auth = { Authorization: 'Token dbtc_mock_key', 'Content-Type': 'application/json' };
const account = '/api/v2/accounts/43786';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

/** One request with node:http(s), which (unlike fetch) sends the Host and Origin headers it is given. */
function call(
  mock: MockServer,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; ca?: string } = {},
): Promise<Answer> {
  const url = new URL(mock.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: options.headers ?? {},
        ca: options.ca,
        // The name the certificate is checked against, whatever Host header the test sends.
        ...(url.protocol === 'https:' ? { servername: 'localhost' } : {}),
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

describe('ready means ready', () => {
  it('refuses connections until the data is final; a run triggered at the first answer is still there after', async () => {
    const port = await freePort();
    const starting = startMockServer({ port, stepPerPoll: true });
    let failed = false;
    starting.catch(() => (failed = true));
    const refusals = new Set<string>();
    let runId: number | undefined;
    // A CI job polling for the mock from the moment it starts it: every attempt before the mock is ready must fail
    // to connect; the first one that connects triggers a run.
    while (runId === undefined && !failed) {
      let answer: Response;
      try {
        answer = await fetch(`http://127.0.0.1:${port}${account}/jobs/567183/run/`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ cause: 'the first request' }),
        });
      } catch (error) {
        refusals.add(((error as { cause?: { code?: string } }).cause?.code ?? String(error)) as string);
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      expect(answer.status).toBe(200);
      runId = ((await answer.json()) as { data: { id: number } }).data.id;
    }
    const mock = await starting;
    try {
      expect([...refusals].every((code) => ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(code))).toBe(true);
      const run = await fetch(`${mock.url}${account}/runs/${runId}/`, { headers: auth });
      expect(run.status).toBe(200);
      expect(((await run.json()) as { data: { id: number; trigger_id: number } }).data.id).toBe(runId);
      const state = await mock.state();
      expect(state!.runs.total).toBe(3); // the two runs of the seeded history, and this one
      expect(state!.operations).toEqual({ triggerJobRun: 1, getRun: 1 });
    } finally {
      await mock.stop();
    }
  });
});

describe('over TLS', () => {
  let mock: MockServer;
  let ca: string;

  beforeAll(async () => {
    mock = await startMockServer({ tls: true, stepPerPoll: true });
    ca = readFileSync(mock.caFile!, 'utf8');
  });

  afterAll(async () => {
    await mock?.stop();
  });

  it('serves https on loopback, trusted through the CA file it names; a client without it is refused', async () => {
    expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const answer = await call(mock, 'GET', `${account}/runs/70403103/`, { headers: auth, ca });
    expect(answer.status).toBe(200);
    expect(answer.json().data.id).toBe(70403103);
    await expect(call(mock, 'GET', `${account}/runs/70403103/`, { headers: auth })).rejects.toMatchObject({
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
  });

  it.skipIf(!existsSync('/usr/bin/curl'))('is reached by curl --cacert under the name localhost', async () => {
    const url = mock.url.replace('127.0.0.1', 'localhost');
    const curl = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        'curl',
        ['-sS', '--cacert', mock.caFile!, '--resolve', `localhost:${mock.port}:127.0.0.1`, `${url}/__mock/state`],
        (error, stdout) => resolve({ code: error ? Number((error as { code?: unknown }).code) || 1 : 0, stdout }),
      ),
    );
    expect(curl.code).toBe(0);
    expect(JSON.parse(curl.stdout)).toMatchObject({ mode: 'stateful', accountId: 43786 });
  });

  it("refuses a form another site posts to the control endpoints (403), and keeps the mock's data", async () => {
    const triggered = await call(mock, 'POST', `${account}/jobs/567183/run/`, {
      headers: auth,
      body: JSON.stringify({ cause: 'kept' }),
      ca,
    });
    expect(triggered.status).toBe(200);
    const form = await call(mock, 'POST', '/__mock/reset', {
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: 'reset=1',
      ca,
    });
    expect(form.status).toBe(403);
    expect(form.headers['content-type']).toBe('application/json');
    expect(form.json().error).toMatch(/loopback/);
    expect(form.headers['access-control-allow-origin']).toBeUndefined();
    const kept = await call(mock, 'GET', `${account}/runs/${triggered.json().data.id}/`, { headers: auth, ca });
    expect(kept.status).toBe(200);

    const own = await call(mock, 'POST', '/__mock/reset', { headers: { Origin: new URL(mock.url).origin }, ca });
    expect(own.status).toBe(200);
    const gone = await call(mock, 'GET', `${account}/runs/${triggered.json().data.id}/`, { headers: auth, ca });
    expect(gone.status).toBe(404);
  });

  it('refuses the control endpoints to a foreign Host (DNS rebinding), and keeps the data', async () => {
    const triggered = await call(mock, 'POST', `${account}/jobs/567183/run/`, {
      headers: auth,
      body: JSON.stringify({ cause: 'kept' }),
      ca,
    });
    expect(triggered.status).toBe(200);
    const host = `evil.example:${mock.port}`;
    expect((await call(mock, 'GET', '/__mock/state', { headers: { Host: host }, ca })).status).toBe(403);
    expect((await call(mock, 'POST', '/__mock/reset', { headers: { Host: host }, ca })).status).toBe(403);
    const kept = await call(mock, 'GET', `${account}/runs/${triggered.json().data.id}/`, { headers: auth, ca });
    expect(kept.status).toBe(200);
    expect((await call(mock, 'GET', '/__mock/state', { headers: { Host: `localhost:${mock.port}` }, ca })).status).toBe(
      200,
    );
  });

  it('answers no cross-origin request with credentials allowed', async () => {
    const origin = { Origin: 'https://evil.example' };
    const api = await call(mock, 'GET', `${account}/runs/70403103/`, { headers: { ...auth, ...origin }, ca });
    const preflight = await call(mock, 'OPTIONS', `${account}/runs/70403103/`, {
      headers: { ...origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      ca,
    });
    for (const answer of [api, preflight]) {
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('static mode over TLS', () => {
  it('serves the examples over https, with the CA file where it was asked for; stop() removes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-static-tls-'));
    const caFile = join(dir, 'ca.pem');
    try {
      const mock = await startMockServer({ static: true, tls: { caFile } });
      try {
        expect(mock.caFile).toBe(caFile);
        expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const answer = await call(mock, 'GET', `${account}/runs/70403103/`, {
          headers: { ...auth, Prefer: 'example=error' },
          ca: readFileSync(caFile, 'utf8'),
        });
        expect(answer.status).toBe(200);
        expect(answer.json().data.status).toBe(20);
      } finally {
        await mock.stop();
      }
      expect(existsSync(caFile)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('what start-up says', () => {
  it('says it is starting, then that it processes the spec when the cache has no entry for it, and not when it has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-progress-'));
    try {
      const specPath = join(dir, 'openapi.yaml');
      await writeFile(
        specPath,
        [
          'openapi: 3.1.0',
          'info: { title: tiny, version: "1" }',
          'paths:',
          '  /ping/:',
          '    get:',
          '      responses:',
          "        '200':",
          '          description: pong',
          '          content: { application/json: { example: { pong: true } } }',
          '',
        ].join('\n'),
      );
      const cacheDir = join(dir, 'cache');
      const said: string[][] = [];
      for (let start = 0; start < 2; start++) {
        const lines: string[] = [];
        said.push(lines);
        const mock = await startMockServer({
          static: true,
          specPath,
          cacheDir,
          onProgress: (line) => lines.push(line),
        });
        try {
          expect(await (await fetch(`${mock.url}/ping/`)).json()).toEqual({ pong: true });
        } finally {
          await mock.stop();
        }
      }
      expect(said[0]).toEqual([
        `starting the mock: Prism serving the examples of ${specPath}; the URL follows once it listens`,
        `processing the spec for Prism (once: the next start reads it from the cache in ${cacheDir})`,
      ]);
      expect(said[1]).toEqual([said[0]![0]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
