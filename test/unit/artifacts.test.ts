import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ConnectionError,
  createDbtCloud,
  NoMatchingStepError,
  PermissionDeniedError,
  ValidationError,
} from '../../src/index.js';
import { downloadArtifacts } from '../../src/node.js';
import { startServer, type ScriptedServer } from '../support/http-server.js';
import {
  errorBody,
  fakeClock,
  json,
  ok,
  scriptedFetch,
  type RecordedRequest,
  scriptedClient,
} from '../support/scripted.js';

const setup = (steps: Parameters<typeof scriptedFetch>[0]) => scriptedClient(steps, { maxRetries: 0 });

const text = (body: string) => new Response(body, { headers: { 'Content-Type': 'text/plain' } });
const line = (r: RecordedRequest) => `${r.method} ${r.path}`;

const runResults = (...uniqueIds: string[]) => ({
  metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json', dbt_version: '1.9.0' },
  results: uniqueIds.map((unique_id) => ({
    unique_id,
    status: 'success',
    execution_time: 1.2,
    thread_id: 'Thread-1',
    timing: [],
    message: null,
    failures: null,
    adapter_response: {},
  })),
  elapsed_time: 3.4,
  args: {},
});

describe('dbt.artifacts.list / get / latestForJob', () => {
  it('lists a run’s artifacts', async () => {
    const { dbt, requests } = setup([
      ok(['manifest.json', 'run_results.json', 'compiled/jaffle_shop/models/orders.sql']),
    ]);
    expect(await dbt.artifacts.list(70403103)).toEqual([
      'manifest.json',
      'run_results.json',
      'compiled/jaffle_shop/models/orders.sql',
    ]);
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/runs/70403103/artifacts/']);
  });

  it('lists one step’s artifacts with the step query', async () => {
    const { dbt, requests } = setup([ok(['run_results.json'])]);
    await dbt.artifacts.list(70403103, { step: 2 });
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/runs/70403103/artifacts/?step=2']);
  });

  it('parses run_results.json', async () => {
    const artifact = runResults('model.jaffle_shop.orders');
    const { dbt, requests } = setup([json(artifact)]);
    const got = await dbt.artifacts.get(70403103, 'run_results.json');
    expect(got).toEqual(artifact);
    expect(got.results[0]!.unique_id).toBe('model.jaffle_shop.orders');
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/runs/70403103/artifacts/run_results.json']);
  });

  it('reads a compiled file as text, with raw slashes in the URL', async () => {
    const { dbt, requests } = setup([text('select * from raw.orders\n')]);
    const sql = await dbt.artifacts.get(70403103, 'compiled/jaffle_shop/models/x.sql');
    expect(sql).toBe('select * from raw.orders\n');
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/runs/70403103/artifacts/compiled/jaffle_shop/models/x.sql',
    ]);
  });

  it('reads one step’s artifact with the step query', async () => {
    const { dbt, requests } = setup([json({ nodes: {} })]);
    await dbt.artifacts.get(70403103, 'manifest.json', { step: 3 });
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/runs/70403103/artifacts/manifest.json?step=3']);
  });

  it.each<[string, unknown, unknown, object, string]>([
    ['a bad run id', 0, 'manifest.json', {}, 'runId'],
    ['an absolute path', 1, '/etc/passwd', {}, 'path'],
    ['a .. segment', 1, 'target/../../secrets', {}, 'path'],
    ['a query in the path', 1, 'manifest.json?x=1', {}, 'path'],
    ['an empty path', 1, '', {}, 'path'],
    ['step 0', 1, 'manifest.json', { step: 0 }, 'step'],
    ['step 1.5', 1, 'manifest.json', { step: 1.5 }, 'step'],
    ['step "first"', 1, 'manifest.json', { step: 'first' }, 'step'],
  ])('get refuses %s before sending anything', async (_, runId, path, options, field) => {
    const { dbt, requests } = setup([json({})]);
    const error = await dbt.artifacts.get(runId as number, path as string, options as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(requests).toHaveLength(0);
  });

  it('reads the artifact of the job’s latest run', async () => {
    const { dbt, requests } = setup([json({ nodes: { 'model.jaffle_shop.orders': {} } }), text('select 1')]);
    expect(await dbt.artifacts.latestForJob(567183, 'manifest.json')).toEqual({
      nodes: { 'model.jaffle_shop.orders': {} },
    });
    expect(await dbt.artifacts.latestForJob(567183, 'compiled/jaffle_shop/models/orders.sql')).toBe('select 1');
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/jobs/567183/artifacts/manifest.json',
      'GET /api/v2/accounts/43786/jobs/567183/artifacts/compiled/jaffle_shop/models/orders.sql',
    ]);
  });

  it('latestForJob refuses a bad job id or path before sending anything', async () => {
    const { dbt, requests } = setup([json({})]);
    await expect(dbt.artifacts.latestForJob(-1, 'manifest.json')).rejects.toMatchObject({ field: 'jobId' });
    await expect(dbt.artifacts.latestForJob(1, 'a/../../b')).rejects.toMatchObject({ field: 'path' });
    expect(requests).toHaveLength(0);
  });
});

describe("step: 'last-build'", () => {
  const steps = [
    { id: 501, index: 1, name: 'Clone git repository', status: 10 },
    { id: 502, index: 2, name: 'Invoke dbt with `dbt seed`', status: 10 },
    { id: 503, index: 3, name: 'Invoke dbt with `dbt build`', status: 10 },
    { id: 504, index: 4, name: 'Invoke dbt with `dbt docs generate`', status: 10 },
  ];

  /** A run with steps 1..4: git clone (no artifacts), seed, build, docs generate. `build` says what step 3 built. */
  function server(build: string[]) {
    return setup((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v2/accounts/43786/runs/70403103/') {
        // Steps come back out of order; the search must go by index.
        return ok({ id: 70403103, status: 10, run_steps: [steps[2], steps[0], steps[3], steps[1]] });
      }
      const step = url.searchParams.get('step');
      if (url.pathname.endsWith('/artifacts/run_results.json')) {
        if (step === '1') return json(errorBody(404, 'No artifacts for this step'), 404);
        if (step === '2') return json(runResults('seed.jaffle_shop.raw_orders'));
        if (step === '3') return json(runResults(...build));
        if (step === '4') return json(runResults());
      }
      if (url.pathname.endsWith('/artifacts/manifest.json')) return json({ step });
      return json(errorBody(404), 404);
    });
  }

  it('picks the last step whose run_results has model results, not the docs step', async () => {
    const { dbt, requests } = server(['test.jaffle_shop.not_null', 'model.jaffle_shop.orders']);
    expect(await dbt.artifacts.get(70403103, 'manifest.json', { step: 'last-build' })).toEqual({ step: '3' });
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/runs/70403103/?include_related=run_steps',
      'GET /api/v2/accounts/43786/runs/70403103/artifacts/run_results.json?step=4',
      'GET /api/v2/accounts/43786/runs/70403103/artifacts/run_results.json?step=3',
      'GET /api/v2/accounts/43786/runs/70403103/artifacts/manifest.json?step=3',
    ]);
  });

  it('lists the artifacts of that step', async () => {
    const { dbt, requests } = setup((request) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/70403103/')) return ok({ id: 70403103, status: 10, run_steps: steps });
      if (url.pathname.endsWith('/run_results.json'))
        return json(runResults(...(url.searchParams.get('step') === '3' ? ['model.a.b'] : [])));
      return ok(['manifest.json']);
    });
    await dbt.artifacts.list(70403103, { step: 'last-build' });
    expect(line(requests.at(-1)!)).toBe('GET /api/v2/accounts/43786/runs/70403103/artifacts/?step=3');
  });

  it('skips a step without artifacts (404) and throws NoMatchingStepError when no step built a model', async () => {
    const { dbt, requests } = server(['test.jaffle_shop.not_null']);
    const error = await dbt.artifacts.get(70403103, 'manifest.json', { step: 'last-build' }).catch((e) => e);
    expect(error).toBeInstanceOf(NoMatchingStepError);
    expect(error.runId).toBe(70403103);
    expect(requests.map((r) => new URL(r.url).searchParams.get('step'))).toEqual([null, '4', '3', '2', '1']);
    expect(requests.some((r) => r.path.includes('manifest.json'))).toBe(false);
  });

  it('does not skip an error other than 404', async () => {
    const { dbt } = setup((request) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/70403103/')) return ok({ id: 70403103, status: 10, run_steps: steps });
      return json(errorBody(403), 403);
    });
    await expect(dbt.artifacts.get(70403103, 'manifest.json', { step: 'last-build' })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });

  it('findStep takes any predicate', async () => {
    const { dbt } = server(['model.jaffle_shop.orders']);
    expect(
      await dbt.artifacts.findStep(70403103, (rr) => rr.results.some((r) => r.unique_id.startsWith('seed.'))),
    ).toBe(2);
  });
});

describe('dbt.artifacts.download', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-artifacts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const files: Record<string, string> = {
    'manifest.json': '{"nodes":{"model.jaffle_shop.orders":{}}}',
    'run_results.json': '{"results":[]}',
    'compiled/jaffle_shop/models/staging/stg_orders.sql': 'select * from raw.orders\n',
  };
  const fileServer = () =>
    setup((request) => {
      const path = decodeURIComponent(
        new URL(request.url).pathname.replace('/api/v2/accounts/43786/runs/70403103/artifacts/', ''),
      );
      const body = files[path];
      return body === undefined
        ? json(errorBody(404), 404)
        : new Response(body, { headers: { 'Content-Type': 'application/octet-stream' } });
    });

  it('streams several files into the folder, creating nested folders', async () => {
    const { dbt, requests } = fileServer();
    const written = await downloadArtifacts(dbt, 70403103, Object.keys(files), dir);
    expect(written).toEqual(Object.keys(files).map((path) => join(dir, path)));
    for (const [path, content] of Object.entries(files)) expect(await readFile(join(dir, path), 'utf8')).toBe(content);
    expect(requests.map(line)).toEqual(
      Object.keys(files).map((path) => `GET /api/v2/accounts/43786/runs/70403103/artifacts/${path}`),
    );
    // No temporary files are left behind.
    expect((await readdir(dir, { recursive: true })).filter((name) => String(name).endsWith('.part'))).toEqual([]);
  });

  it('downloads from one step with the step query', async () => {
    const { dbt, requests } = fileServer();
    await downloadArtifacts(dbt, 70403103, ['manifest.json'], dir, { step: 2 });
    expect(line(requests[0]!)).toBe('GET /api/v2/accounts/43786/runs/70403103/artifacts/manifest.json?step=2');
  });

  it.each(['../x', '/etc/passwd', 'a/../../b', 'a\\b', 'a?b', 'a#b', 'a\u0001b', 'a//b', './x'])(
    'refuses %j with a ValidationError, fetching nothing',
    async (bad) => {
      const { dbt, requests } = fileServer();
      const error = await downloadArtifacts(dbt, 70403103, ['manifest.json', bad], dir).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.field).toBe('paths[1]');
      expect(requests).toHaveLength(0);
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it.each<[string, unknown, unknown, string]>([
    ['an empty list', [], 'dir', 'paths'],
    ['paths that are not a list', 'manifest.json', 'dir', 'paths'],
    ['an empty folder name', ['manifest.json'], '', 'dir'],
  ])('refuses %s', async (_, paths, folder, field) => {
    const { dbt, requests } = fileServer();
    await expect(
      downloadArtifacts(dbt, 70403103, paths as string[], folder === 'dir' ? dir : (folder as string)),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      field,
    });
    expect(requests).toHaveLength(0);
  });

  it('leaves no partial file when the body fails midway', async () => {
    const { dbt } = setup((request) => {
      if (request.path.endsWith('/manifest.json')) return new Response(files['manifest.json']);
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(new TextEncoder().encode('{"results":[{"unique_id":"model.'));
          } else {
            controller.error(new Error('connection reset mid-body'));
          }
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'application/octet-stream' } });
    });
    const error = await downloadArtifacts(dbt, 70403103, ['manifest.json', 'target/run_results.json'], dir).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error.message)).toContain('connection reset mid-body');
    // The completed file stays; the broken one is neither in place nor left as a temporary file.
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe(files['manifest.json']);
    expect(existsSync(join(dir, 'target/run_results.json'))).toBe(false);
    expect(existsSync(join(dir, 'target/run_results.json.part'))).toBe(false);
  });

  it('keeps the file already in place when downloading it again fails midway', async () => {
    const { dbt } = setup(() => {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return controller.error(new Error('connection reset mid-body'));
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"trunc'));
        },
      });
      return new Response(body);
    });
    await writeFile(join(dir, 'manifest.json'), 'previous download');
    await expect(downloadArtifacts(dbt, 70403103, ['manifest.json'], dir)).rejects.toThrow('connection reset mid-body');
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe('previous download');
    expect(await readdir(dir)).toEqual(['manifest.json']);
  });

  it('answers a 404 for a missing artifact with NotFoundError and writes nothing for it', async () => {
    const { dbt } = fileServer();
    await expect(downloadArtifacts(dbt, 70403103, ['catalog.json'], dir)).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
    });
    expect(existsSync(join(dir, 'catalog.json'))).toBe(false);
  });
});

// Downloads: faults over a real socket, temporary names, and what can be refused before any request.
describe('downloadArtifacts: broken and aborted bodies over a real connection', () => {
  let dir: string;
  let server: ScriptedServer | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-download-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const manifest = JSON.stringify({
    nodes: { 'model.jaffle_shop.orders': { name: 'orders' } },
    padding: 'x'.repeat(5000),
  });
  const client = (url: string, maxRetries: number) =>
    createDbtCloud({ token: 'dbtc_t', accountId: 43786, host: url, maxRetries, clock: fakeClock(), env: {} });
  /** Sends the headers and half the body, then resets the connection. */
  const resetMidBody = (response: import('node:http').ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(manifest.length) });
    response.write(manifest.slice(0, manifest.length / 2), () => response.socket?.resetAndDestroy());
  };
  const leftovers = async () => (await readdir(dir, { recursive: true })).map(String).sort();

  it('sends the GET again after a reset mid-body and writes the whole file', async () => {
    let calls = 0;
    server = await startServer((_request, response) => {
      if (++calls === 1) return resetMidBody(response);
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(manifest);
    });
    const written = await downloadArtifacts(client(server.url, 2), 70403103, ['manifest.json'], dir);
    expect(written).toEqual([join(dir, 'manifest.json')]);
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(server.requests).toHaveLength(2);
    expect(await leftovers()).toEqual(['manifest.json']);
  });

  it('throws ConnectionError (not a bare TypeError) once maxRetries resets are spent, leaving nothing', async () => {
    server = await startServer((_request, response) => resetMidBody(response));
    const error = await downloadArtifacts(client(server.url, 1), 70403103, ['manifest.json'], dir).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.path).toBe('/api/v2/accounts/43786/runs/70403103/artifacts/manifest.json');
    expect(server.requests).toHaveLength(2);
    expect(await leftovers()).toEqual([]);
  });

  it('makes maxRetries + 1 attempts in all, whether a status or a broken body failed them, and no more', async () => {
    // Two 503s, then a body that breaks on every attempt: the request's retries and the body's retries count
    // together, under the one retry policy.
    let calls = 0;
    server = await startServer((_request, response) => {
      if (++calls <= 2) response.writeHead(503, { 'Content-Type': 'application/json' }).end('{}');
      else resetMidBody(response);
    });
    const error = await downloadArtifacts(client(server.url, 3), 70403103, ['manifest.json'], dir).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(4);
    expect(await leftovers()).toEqual([]);

    // A status the policy does not retry ends the download at once.
    const refusing = await startServer((_request, response) => {
      response.writeHead(400, { 'Content-Type': 'application/json' }).end('{"status":{"code":400}}');
    });
    try {
      const refused = await downloadArtifacts(client(refusing.url, 3), 70403103, ['manifest.json'], dir).catch(
        (e) => e,
      );
      expect(refused).toMatchObject({ name: 'BadRequestError', status: 400 });
      expect(refusing.requests).toHaveLength(1);
    } finally {
      await refusing.close();
    }
  });

  it('throws our AbortError when the caller aborts mid-stream, and sends nothing again', async () => {
    const controller = new AbortController();
    server = await startServer((_request, response) => {
      // Half a body, then silence: the abort comes while the body is being read.
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).write(manifest.slice(0, 1000));
    });
    // The caller aborts once the first bytes of the body have reached the file writer.
    const abortOnFirstChunk = async (request: Request) => {
      const response = await fetch(request);
      const body = response.body!.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, stream) {
            stream.enqueue(chunk);
            controller.abort();
          },
        }),
      );
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const dbt = createDbtCloud({
      token: 'dbtc_t',
      accountId: 43786,
      host: server.url,
      maxRetries: 3,
      clock: fakeClock(),
      env: {},
      fetch: abortOnFirstChunk,
    });
    const error = await downloadArtifacts(dbt, 70403103, ['manifest.json'], dir, { signal: controller.signal }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
    expect(await leftovers()).toEqual([]);
  });
});

describe('downloadArtifacts: temporary files and checks before any request', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-download-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Each artifact's content is its own path, so a lost or swapped file shows. */
  const echoServer = () =>
    setup((request) => {
      const path = decodeURIComponent(request.path.replace('/api/v2/accounts/43786/runs/70403103/artifacts/', ''));
      return new Response(`content of ${path}`, { headers: { 'Content-Type': 'application/octet-stream' } });
    });

  it('leaves a file of the caller’s named like a temporary file alone', async () => {
    const { dbt } = echoServer();
    await writeFile(join(dir, 'manifest.json.part'), 'my own notes');
    await downloadArtifacts(dbt, 70403103, ['manifest.json'], dir);
    expect(await readFile(join(dir, 'manifest.json.part'), 'utf8')).toBe('my own notes');
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe('content of manifest.json');
  });

  it.each([[['x.sql.part', 'x.sql']], [['x.sql', 'x.sql.part']]])(
    'downloads %j together without losing either',
    async (paths) => {
      const { dbt } = echoServer();
      await downloadArtifacts(dbt, 70403103, paths, dir);
      expect((await readdir(dir)).sort()).toEqual(['x.sql', 'x.sql.part']);
      for (const path of paths) expect(await readFile(join(dir, path), 'utf8')).toBe(`content of ${path}`);
    },
  );

  const refusedBeforeAnyRequest = async (paths: string[], folder: string, field: string) => {
    const { dbt, requests } = echoServer();
    const error = await downloadArtifacts(dbt, 70403103, paths, folder).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(requests).toHaveLength(0);
    return error as ValidationError;
  };

  it('refuses a name longer than 255 bytes (also in multi-byte characters)', async () => {
    await refusedBeforeAnyRequest(['manifest.json', `compiled/${'m'.repeat(305)}.sql`], dir, 'paths[1]');
    await refusedBeforeAnyRequest([`${'é'.repeat(130)}.sql`], dir, 'paths[0]');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a dir that is a file', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    await refusedBeforeAnyRequest(['manifest.json'], file, 'dir');
  });

  it.each([
    [['a', 'a/b'], 'paths[1]'],
    [['a/b', 'a'], 'paths[1]'],
    [['a/b/c.sql', 'x.sql', 'a/b'], 'paths[2]'],
  ])('refuses %j together: one would be the other’s folder', async (paths, field) => {
    await refusedBeforeAnyRequest(paths, dir, field);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a path through a file already in dir, and a path that is a folder already in dir', async () => {
    await writeFile(join(dir, 'compiled'), 'a file');
    await refusedBeforeAnyRequest(['manifest.json', 'compiled/x.sql'], dir, 'paths[1]');
    await mkdir(join(dir, 'target'));
    await refusedBeforeAnyRequest(['target'], dir, 'paths[0]');
  });
});
