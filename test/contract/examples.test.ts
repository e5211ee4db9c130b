// The programs under examples/, run as a user runs them (a child process, `node --import tsx`), against the mock server.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const prismUrl = inject('prismUrl');
// Distinctive, so that "the token appears nowhere in the output" means something.
const TOKEN = 'dbtc_examples_contract_9c41e7';
const ACCOUNT_ID = '43786';

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const children = new Set<ChildProcessWithoutNullStreams>();

/** The environment the examples see: ours, minus any DBT_CLOUD_* of the machine running the tests. */
function exampleEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('DBT_CLOUD_')) env[key] = value;
  return { ...env, ...extra };
}

function start(example: string, args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  // `--import tsx` resolves tsx from the working directory, hence cwd: the repository root.
  const child = spawn(process.execPath, ['--import', 'tsx', join('examples', example), ...args], {
    cwd: root,
    env: exampleEnv(env),
    stdio: 'pipe',
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stdin.end();
  return child;
}

function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

function apiEnv(host = prismUrl): Record<string, string> {
  return { DBT_CLOUD_HOST: host, DBT_CLOUD_API_TOKEN: TOKEN, DBT_CLOUD_ACCOUNT_ID: ACCOUNT_ID };
}

/** Runs an example to its end; the child is killed if the test gives up first. */
async function run(example: string, args: string[], env: Record<string, string> = apiEnv()): Promise<Finished> {
  const child = start(example, args, env);
  try {
    const result = await finished(child);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    return result;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/**
 * A pass-through to Prism that asks for a named example of get-run (`Prefer: example=<name>`), so the examples can meet a
 * failed, cancelled or never-ending run without knowing about the mock.
 */
function preferProxy(example: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
          headers.set(name, value);
      }
      const path = new URL(req.url ?? '/', 'http://proxy').pathname;
      if (req.method === 'GET' && /^\/api\/v2\/accounts\/\d+\/runs\/\d+\/$/.test(path))
        headers.set('prefer', `example=${example}`);
      const upstream = await fetch(`${prismUrl}${req.url}`, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('examples/trigger-and-wait-in-ci.ts', () => {
  const proxies: Server[] = [];
  afterAll(async () => {
    for (const server of proxies) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
  async function through(example: string): Promise<string> {
    const { url, server } = await preferProxy(example);
    proxies.push(server);
    return url;
  }

  it('triggers the job, prints progress and exits 0 on success', async () => {
    const result = await run('trigger-and-wait-in-ci.ts', ['567183'], {
      ...apiEnv(),
      DBT_CLOUD_GIT_BRANCH: 'feature/orders',
      DBT_CLOUD_GIT_SHA: '9f1c2e4b7a0d3c6e8f5a1b2c3d4e5f60718293a4',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Triggered job 567183: run \d+/m);
    expect(result.stdout).toContain('branch feature/orders, sha 9f1c2e4b7a0d3c6e8f5a1b2c3d4e5f60718293a4');
    expect(result.stdout).toMatch(/^\[\d+s\] run \d+: Success/m);
    expect(result.stdout).toMatch(/^Run \d+: Success after \d+s$/m);
  });

  it('exits 1 on a failed run and prints the failed step’s log tail', async () => {
    const result = await run('trigger-and-wait-in-ci.ts', ['567183'], apiEnv(await through('error')));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Run \d+ failed after \d+s: Database Error in model fct_orders/m);
    expect(result.stderr).toMatch(/^--- last \d+ lines of step 5 \(Invoke dbt with `dbt build`\) ---$/m);
    expect(result.stderr).toContain('--- end of log ---');
  });

  it('exits 2 on a cancelled run', async () => {
    const result = await run('trigger-and-wait-in-ci.ts', ['567183'], apiEnv(await through('cancelled')));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Run \d+ was cancelled/m);
  });

  it('exits 3 when the run is still going at the time limit', async () => {
    const result = await run(
      'trigger-and-wait-in-ci.ts',
      // 3 s: long enough for the first poll to answer on a loaded machine (a poll still in flight at the deadline
      // ends the wait with "No answer about run ..."), short enough for the run, which never ends, to outlast it.
      ['567183', '--timeout-minutes', '0.05'],
      apiEnv(await through('running')),
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^Run \d+ was still Running after 3000 ms/m);
  });

  it('exits 4 with the usage on a bad job id, before any request', async () => {
    const result = await run('trigger-and-wait-in-ci.ts', ['nightly'], apiEnv('http://127.0.0.1:9'));
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Usage: trigger-and-wait-in-ci.ts <job-id>');
  });
});

describe('examples/download-artifacts.ts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-examples-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('streams run_results.json and manifest.json into the folder and prints their sizes', async () => {
    const out = join(dir, 'default');
    const result = await run('download-artifacts.ts', ['70403103', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const runResults = join(out, 'run_results.json');
    const { size } = await stat(runResults);
    expect(size).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(runResults, 'utf8'))).toHaveProperty('results');
    expect(result.stdout).toContain(`wrote ${runResults} (`);
    expect(result.stdout).toContain(`${size} bytes)`);
    expect(result.stdout).toContain(`wrote ${join(out, 'manifest.json')} (`);
  });

  it('reads the last build step with --last-build', async () => {
    const out = join(dir, 'last-build');
    const result = await run('download-artifacts.ts', ['70403103', out, '--last-build']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('in its last build step');
    expect((await stat(join(out, 'run_results.json'))).size).toBeGreaterThan(0);
  });
});

describe('examples/copy-job-to-prod.ts', () => {
  it('prints the body of the copy without --apply, and creates nothing', async () => {
    const result = await run('copy-job-to-prod.ts', ['567183', '218764']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(body.environment_id).toBe(218764);
    expect(body).not.toHaveProperty('id');
    expect(body).toMatchObject({ account_id: 43786, project_id: 270542, name: 'Nightly build' });
    expect(result.stderr).toContain('Dry run: nothing was created');
  });

  it('creates the job with --apply and prints its id', async () => {
    const result = await run('copy-job-to-prod.ts', ['567183', '218764', '--apply']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created job \d+ "/m);
  });
});

describe('examples/webhook-receiver.ts', () => {
  const secret = 'whsec_examples_contract';
  const sign = (body: string, key = secret) => createHmac('sha256', key).update(body).digest('hex');
  const event = JSON.stringify({
    timestamp: '2026-11-03T02:12:51.204518733Z',
    eventId: 'wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP',
    eventType: 'job.run.completed',
    webhookName: 'Slack alerts for nightly runs',
    webhookId: 'wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD',
    accountId: 43786,
    data: {
      jobId: '567183',
      jobName: 'Nightly build',
      runId: '70403103',
      environmentName: 'Production',
      runStatus: 'Success',
      runStatusCode: 10,
    },
  });

  it('answers 200 to a signed event, 401 to a bad signature, 400 to a bad payload, and closes on SIGTERM', async () => {
    const child = start('webhook-receiver.ts', [], { PORT: '0', DBT_CLOUD_WEBHOOK_SECRET: secret });
    const result = finished(child);
    try {
      const url = await new Promise<string>((ready, fail) => {
        let seen = '';
        const onData = (chunk: string) => {
          seen += chunk;
          const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/m.exec(seen);
          if (match && match[2] !== '0') {
            child.stdout.off('data', onData);
            ready(match[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.once('exit', (code) => fail(new Error(`the receiver exited (code ${code}) before listening: ${seen}`)));
      });
      const post = (body: string, authorization: string) =>
        fetch(url, { method: 'POST', body, headers: { authorization, 'content-type': 'application/json' } });

      const accepted = await post(event, sign(event));
      expect(accepted.status).toBe(200);
      await accepted.text();
      const forged = await post(event, sign(event, 'not-the-secret'));
      expect(forged.status).toBe(401);
      await forged.text();
      const notAnEvent = JSON.stringify({ hello: 'world' });
      const badPayload = await post(notAnEvent, sign(notAnEvent));
      expect(badPayload.status).toBe(400);
      await badPayload.text();

      child.kill('SIGTERM');
      const { code, signal, stdout, stderr } = await result;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(stderr).toBe('');
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toMatch(
        / job\.run\.completed run 70403103 of job 567183 "Nightly build" in Production: Success \(event wev_/,
      );
      expect(lines[2]).toMatch(/ rejected: bad signature/);
      expect(lines[3]).toMatch(/ rejected: Unknown webhook event type/);
      expect(lines[4]).toBe('SIGTERM: closing');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await result.catch(() => undefined);
    }
  });

  it('refuses to start without a secret', async () => {
    const result = await run('webhook-receiver.ts', [], { PORT: '0' });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('DBT_CLOUD_WEBHOOK_SECRET');
  });
});
