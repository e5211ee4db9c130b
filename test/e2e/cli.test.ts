// The dbt-cloud CLI end to end: spawned as a process against Prism or a scripted server.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cliEntry, runCli, type CliResult } from '../support/cli.js';
import { sendJson, startServer, type ScriptedServer } from '../support/http-server.js';

const token = 'dbtc_CLI_SECRET_TOKEN_a1b2c3';
const prism = () => ({ DBT_CLOUD_HOST: inject('prismUrl'), DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' });

function expectNoToken(result: CliResult) {
  expect(result.stdout).not.toContain(token);
  expect(result.stderr).not.toContain(token);
}

const humanized: Record<number, string> = { 1: 'Queued', 3: 'Running', 10: 'Success', 20: 'Error', 30: 'Cancelled' };
const envelope = (data: unknown) => ({
  data,
  status: { code: 200, is_success: true, user_message: 'Success!', developer_message: '' },
});
const run = (status: number) => ({
  id: 9001,
  trigger_id: 1,
  account_id: 43786,
  project_id: 270542,
  environment_id: 218762,
  job_definition_id: 567183,
  status,
  status_humanized: humanized[status],
  created_at: '2026-11-23 10:00:00.000000+00:00',
  updated_at: '2026-11-23 10:00:00.000000+00:00',
  finished_at: status >= 10 ? '2026-11-23 10:05:00.000000+00:00' : null,
  status_message: status === 20 ? 'Database Error in model orders' : null,
  run_steps: [
    {
      id: 501,
      run_id: 9001,
      account_id: 43786,
      index: 1,
      name: 'Clone repository',
      status: 10,
      status_humanized: 'Success',
      created_at: '',
      updated_at: '',
    },
    {
      id: 502,
      run_id: 9001,
      account_id: 43786,
      index: 2,
      name: 'dbt build',
      status: status === 20 ? 20 : status,
      status_humanized: humanized[status],
      created_at: '',
      updated_at: '',
    },
  ],
});

/** A dbt Cloud stand-in whose runs end in `finalStatus` (or never, for 3). */
async function runServer(finalStatus: number, options: { unauthorized?: boolean } = {}) {
  return startServer(({ method, path }, res) => {
    if (options.unauthorized)
      return sendJson(res, 401, {
        status: { code: 401, is_success: false, user_message: 'Invalid token.' },
        data: null,
      });
    if (method === 'POST' && path.endsWith('/run/')) return sendJson(res, 200, envelope(run(1)));
    if (method === 'POST' && path.endsWith('/cancel/')) return sendJson(res, 200, envelope(run(30)));
    if (path.startsWith('/api/v2/accounts/43786/runs/9001/')) return sendJson(res, 200, envelope(run(finalStatus)));
    if (path === '/api/v2/accounts/43786/steps/502/') {
      return sendJson(
        res,
        200,
        envelope({
          ...run(finalStatus).run_steps[1],
          logs: 'line 1\nCompilation Error in model orders\nDone. PASS=3 ERROR=1',
        }),
      );
    }
    sendJson(res, 404, { status: { code: 404, is_success: false, user_message: 'not found' }, data: null });
  });
}

describe('dbt-cloud CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints help with the commands and the exit codes, and examples on every command', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['run', 'runs', 'artifacts', 'jobs', 'environments', 'projects', 'doctor', 'mock'])
      expect(top.stdout).toContain(command);
    expect(top.stdout).toContain('4  usage or configuration error');
    const sub = await runCli(['runs', 'list', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Examples:');
    expect(sub.stdout).toContain('Exit codes:');
  });

  it('triggers, waits, downloads run_results.json and prints JSON only with --json (exit 0)', async () => {
    const out = join(dir, 'target');
    const result = await runCli(
      ['run', '567183', '--wait', '--download', 'run_results.json', '--out', out, '--json'],
      prism(),
    );
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.run.status).toBe(10);
    expect(parsed.files).toEqual([join(out, 'run_results.json')]);
    expect(JSON.parse(await readFile(parsed.files[0], 'utf8'))).toHaveProperty('results');
    expectNoToken(result);
  });

  it.each([
    ['runs', 'list', '--limit', '2'],
    ['runs', 'get', '70403103'],
    ['jobs', 'list'],
    ['jobs', 'get', '567183'],
    ['projects', 'list'],
    ['environments', 'list'],
    ['artifacts', 'list', '70403103'],
    ['artifacts', 'get', '70403103', 'run_results.json'],
    ['jobs', 'copy', '567183', '--environment', '218764', '--dry-run'],
    ['runs', 'logs', '70403103', '--step', '5'],
  ])('%s %s … answers valid JSON with --json', async (...args) => {
    const result = await runCli([...args, '--json'], prism());
    expect(result.code, result.stderr).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toBe('');
    expectNoToken(result);
  });

  it('passes --step, --project and --timeout on to the requests, and leaves them out when not given', async () => {
    const server = await startServer(({ path }, res) => {
      if (path.startsWith('/api/v2/accounts/43786/runs/9001/artifacts/')) {
        return path.endsWith('/artifacts/')
          ? sendJson(res, 200, envelope(['run_results.json']))
          : sendJson(res, 200, {});
      }
      if (path === '/api/v2/accounts/43786/runs/9001/') return sendJson(res, 200, envelope(run(3)));
      sendJson(res, 200, { ...envelope([]), extra: { pagination: { count: 0, total_count: 0 } } });
    });
    const vars = { DBT_CLOUD_HOST: server.url, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' };
    const paths = async (args: string[], code = 0) => {
      const from = server.requests.length;
      const result = await runCli(args, vars);
      expect(result.code, result.stderr).toBe(code);
      return server.requests.slice(from).map((request) => request.path);
    };
    try {
      expect(await paths(['artifacts', 'list', '9001', '--step', '2'])).toEqual([
        '/api/v2/accounts/43786/runs/9001/artifacts/?step=2',
      ]);
      expect(await paths(['artifacts', 'list', '9001'])).toEqual(['/api/v2/accounts/43786/runs/9001/artifacts/']);
      expect(await paths(['artifacts', 'get', '9001', 'run_results.json', '--step', '3'])).toEqual([
        '/api/v2/accounts/43786/runs/9001/artifacts/run_results.json?step=3',
      ]);
      const filtered = await paths(['environments', 'list', '--project', '270542']);
      expect(filtered).toHaveLength(1);
      expect(new URL(filtered[0]!, server.url).searchParams.get('project_id')).toBe('270542');
      const all = await paths(['environments', 'list']);
      expect(new URL(all[0]!, server.url).searchParams.has('project_id')).toBe(false);
      // The run stays queued (status 3), so only the timeout ends the wait: exit 3.
      expect((await paths(['runs', 'wait', '9001', '--timeout', '1s'], 3)).length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('shows a run in human form, and lists runs newest first', async () => {
    const result = await runCli(['runs', 'list', '--limit', '3'], prism());
    expect(result.code).toBe(0);
    const ids = result.stdout
      .trim()
      .split('\n')
      .map((line) => Number(line.split(/\s+/)[0]));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  describe('exit codes', () => {
    const servers: ScriptedServer[] = [];
    afterAll(() => Promise.all(servers.map((s) => s.close())));
    const env = async (finalStatus: number, options?: { unauthorized?: boolean }) => {
      const server = await runServer(finalStatus, options);
      servers.push(server);
      return { env: { DBT_CLOUD_HOST: server.url, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' }, server };
    };

    it('exits 1 when the run fails, and prints the failed step’s log', async () => {
      const { env: vars } = await env(20);
      const result = await runCli(['run', '567183', '--wait'], vars);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Compilation Error in model orders');
      expect(result.stderr).toContain('RunFailedError');
      expectNoToken(result);
    });

    it('exits 2 when the run is cancelled', async () => {
      const { env: vars } = await env(30);
      expect((await runCli(['run', '567183', '--wait'], vars)).code).toBe(2);
    });

    it('exits 3 when the wait times out, and cancels with --cancel-on-timeout', async () => {
      const { env: vars, server } = await env(3);
      const result = await runCli(['run', '567183', '--wait', '--timeout', '1s', '--cancel-on-timeout'], vars);
      expect(result.code).toBe(3);
      expect(server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel/'))).toBe(true);
    });

    it('exits 4 on a usage or configuration error', async () => {
      expect((await runCli(['run', 'abc'], prism())).code).toBe(4);
      expect((await runCli(['runs', 'frobnicate'], prism())).code).toBe(4);
      expect((await runCli(['runs', 'list'], { DBT_CLOUD_ACCOUNT_ID: '43786' })).code).toBe(4);
      expect((await runCli(['run', '567183', '--steps', 'rm -rf /'], prism())).code).toBe(4);
    });

    it('exits 5 on an API error, in JSON on stderr with --json, without the token', async () => {
      const { env: vars } = await env(10, { unauthorized: true });
      const result = await runCli(['runs', 'get', '9001', '--json', '--verbose'], vars);
      expect(result.code).toBe(5);
      expect(result.stdout).toBe('');
      // stderr holds JSON lines only: the --verbose log of each request, then the error.
      const lines = result.stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.at(-1).error.name).toBe('AuthenticationError');
      expect(lines.slice(0, -1).every((line) => line.message === 'dbt-cloud request')).toBe(true);
      expectNoToken(result);
    });
  });

  describe('doctor', () => {
    it('shows ✓ for every check against the mock', async () => {
      const result = await runCli(['doctor'], prism());
      expect(result.code).toBe(0);
      expect(result.stderr.match(/✓/g)).toHaveLength(4);
    });

    it('shows ✗ and exits non-zero when the token is refused', async () => {
      const server = await runServer(10, { unauthorized: true });
      try {
        const result = await runCli(['doctor', '--verbose'], {
          DBT_CLOUD_HOST: server.url,
          DBT_CLOUD_API_TOKEN: token,
          DBT_CLOUD_ACCOUNT_ID: '43786',
        });
        expect(result.code).toBe(5);
        expect(result.stderr).toContain('✓ host answers');
        expect(result.stderr).toContain('✗ token accepted');
        expectNoToken(result);
      } finally {
        await server.close();
      }
    });

    it('shows ✗ for the account when no account id is configured', async () => {
      const { DBT_CLOUD_ACCOUNT_ID: _unset, ...withoutAccount } = prism();
      const result = await runCli(['doctor'], withoutAccount);
      expect(result.code).toBe(5);
      expect(result.stderr).toContain('✓ token accepted');
      expect(result.stderr).toContain('✗ account visible: no account id');
    });

    it('shows ✗ when the host does not answer', async () => {
      const server = await startServer((_req, res) => {
        res.end();
      });
      const url = server.url;
      await server.close();
      const result = await runCli(['doctor'], {
        DBT_CLOUD_HOST: url,
        DBT_CLOUD_API_TOKEN: token,
        DBT_CLOUD_ACCOUNT_ID: '43786',
      });
      expect(result.code).toBe(5);
      expect(result.stderr).toContain('✗ host answers');
    });
  });

  it('serves the static mock (--static), answers, and stops cleanly on SIGTERM leaving no process', async () => {
    const { child, started: starting } = startMockCli('--static');
    try {
      const started = await starting;
      const response = await fetch(`${started.url}/api/v2/accounts/43786/runs/70403103/`, {
        headers: { Authorization: 'Token x', Prefer: 'example=error' },
      });
      expect(((await response.json()) as { data: { status: number } }).data.status).toBe(20);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(() => process.kill(started.pid, 0)).toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('serves the stateful mock by default: a triggered run keeps its id and steps to Success with --step-per-poll', async () => {
    const { child, started: starting } = startMockCli('--step-per-poll');
    try {
      const started = await starting;
      expect(started.mode).toBe('stateful');
      const api = `${started.url}/api/v2/accounts/${started.accountId}`;
      const headers = { Authorization: 'Token x', 'Content-Type': 'application/json' };
      const triggered = await fetch(`${api}/jobs/567183/run/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ cause: 'e2e' }),
      });
      expect(triggered.status).toBe(200);
      const runId = ((await triggered.json()) as { data: { id: number } }).data.id;
      const seen: number[] = [];
      for (let poll = 0; poll < 10 && seen.at(-1) !== 10; poll++) {
        const response = await fetch(`${api}/runs/${runId}/`, { headers });
        const run = ((await response.json()) as { data: { id: number; status: number } }).data;
        expect(run.id).toBe(runId);
        seen.push(run.status);
      }
      expect(seen.at(-1)).toBe(10);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

/** `dbt-cloud mock --port 0 --json` plus `flags`, and the JSON line it prints once it listens. */
function startMockCli(...flags: string[]) {
  const child = spawn(process.execPath, [cliEntry, 'mock', '--port', '0', '--json', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = new Promise<{ url: string; pid: number; mode: string; accountId: number }>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      try {
        resolve(JSON.parse(stdout));
      } catch {
        // not complete yet
      }
    });
    child.once('exit', (code) => reject(new Error(`mock exited early with ${code}`)));
  });
  return { child, started };
}
