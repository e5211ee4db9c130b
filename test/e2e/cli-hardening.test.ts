// The CLI under input that should be refused or cleaned: flags checked before anything is sent (exit 4), one wait path
// for run --wait and runs wait, bounded and clean error output, CI heartbeats, no token in verbose logs, and Prism or a
// scenarios file missing or wrong before Prism starts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli, type CliResult, type RunningCli } from '../support/cli.js';
import { sendJson, startServer, type ScriptedServer } from '../support/http-server.js';

const token = 'dbtc_CLI_HARDENING_SECRET_9z8y7x';
const noPrism = fileURLToPath(new URL('../support/no-prism.cjs', import.meta.url));

const envelope = (data: unknown) => ({
  data,
  status: { code: 200, is_success: true, user_message: 'Success!', developer_message: '' },
});
const failure = (code: number, userMessage: string) => ({
  data: null,
  status: { code, is_success: false, user_message: userMessage, developer_message: '' },
});
const humanized: Record<number, string> = { 1: 'Queued', 3: 'Running', 10: 'Success', 20: 'Error', 30: 'Cancelled' };

function run(status: number, overrides: Record<string, unknown> = {}, carriedLog = '') {
  return {
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
        id: 502,
        run_id: 9001,
        account_id: 43786,
        index: 1,
        name: 'dbt build',
        status,
        status_humanized: humanized[status],
        created_at: '',
        updated_at: '',
        logs: carriedLog,
      },
    ],
    ...overrides,
  };
}

function expectNoToken(result: CliResult) {
  expect(result.stdout).not.toContain(token);
  expect(result.stderr).not.toContain(token);
}

const servers: ScriptedServer[] = [];
const running: RunningCli[] = [];
afterEach(() => running.splice(0).forEach((cli) => cli.kill()));
afterAll(() => Promise.all(servers.map((server) => server.close())));

async function server(handler: Parameters<typeof startServer>[0]) {
  const started = await startServer(handler);
  servers.push(started);
  const env = { DBT_CLOUD_HOST: started.url, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' };
  return { server: started, env };
}

/** A server that answers every request with a queued run, so any request the CLI sends is recorded. */
const anyRequest = () => server((_request, res) => sendJson(res, 200, envelope(run(1))));

describe('the wait options and the wait path', () => {
  it.each(['0', '0s', '0.4ms'])('--timeout %s is refused with exit 4 before the trigger', async (value) => {
    const { server: api, env } = await anyRequest();
    const result = await runCli(['run', '567183', '--wait', '--timeout', value], env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('must be more than 0');
    expect(api.requests).toEqual([]);
    const wait = await runCli(['runs', 'wait', '9001', '--timeout', value], env);
    expect(wait.code).toBe(4);
    expect(api.requests).toEqual([]);
  });

  it('--help says a timeout must be more than 0', async () => {
    for (const command of [['run'], ['runs', 'wait']]) {
      const help = await runCli([...command, '--help']);
      expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--timeout <duration> [^()]*\(more than 0\)/);
    }
  });

  it.each([
    ['fails', (res: Parameters<typeof sendJson>[0]) => sendJson(res, 404, failure(404, 'Step not found'))],
    ['returns no log', (res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, envelope({ id: 502, logs: '' }))],
  ])("a failed run whose step endpoint %s prints the log the run's own run_steps carry", async (_name, stepAnswer) => {
    const carried = 'carried line 1\nDatabase Error in model orders (carried)\nDone. ERROR=1';
    const { env } = await server(({ method, path }, res) => {
      if (method === 'POST') return sendJson(res, 200, envelope(run(1)));
      if (path === '/api/v2/accounts/43786/steps/502/') return stepAnswer(res);
      sendJson(res, 200, envelope(run(20, {}, carried)));
    });
    const result = await runCli(['run', '567183', '--wait'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--- step 1 "dbt build" (last 3 lines) ---');
    expect(result.stderr).toContain('Database Error in model orders (carried)');
    expectNoToken(result);
  });

  it('run --wait and runs wait share the wait path: the same progress and failed-step log', async () => {
    const { env } = await server(({ method, path }, res) => {
      if (method === 'POST') return sendJson(res, 200, envelope(run(1)));
      if (path.endsWith('/steps/502/')) return sendJson(res, 200, envelope({ id: 502, logs: 'step log tail' }));
      sendJson(res, 200, envelope(run(20)));
    });
    const triggered = await runCli(['run', '567183', '--wait'], env);
    const waited = await runCli(['runs', 'wait', '9001'], env);
    expect([triggered.code, waited.code]).toEqual([1, 1]);
    // From the first progress line on, with the elapsed time left out.
    const fromWait = (stderr: string) => stderr.slice(stderr.indexOf('run 9001: Error')).replace(/ · \d+s · /g, ' · ');
    expect(fromWait(waited.stderr)).toBe(fromWait(triggered.stderr));
    expect(waited.stderr).toContain('step log tail');
  });
});

describe('flags, output and logs', () => {
  it.each([
    ['--token', 'DBT_CLOUD_API_TOKEN'],
    ['--host', 'DBT_CLOUD_HOST'],
    ['--account-id', 'DBT_CLOUD_ACCOUNT_ID'],
  ])('CLI: %s "" is refused, not taken from %s: exit 4, no request', async (flag) => {
    const { server: api, env } = await anyRequest();
    const result = await runCli(['runs', 'get', '9001', flag, ''], env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`${flag}: must not be empty`);
    expect(api.requests).toEqual([]);
  });

  it('CLI --json: a 500 whose body nests 20,000 levels gives a bounded JSON error on stderr and exit 5', async () => {
    const nested = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const { env } = await server((_request, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(`{"status":{"code":500,"is_success":false,"user_message":"boom"},"data":${nested}}`);
    });
    const result = await runCli(['runs', 'get', '9001', '--json'], env);
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    const printed = JSON.parse(result.stderr);
    expect(printed.error.name).toBe('ServerError');
    expect(printed.error.userMessage).toBe('boom');
    expect(printed.exitCode).toBe(5);
    expect(result.stderr.length).toBeLessThan(10_000);
  });

  it('CLI output: terminal escapes, OSC titles and \\r in server text are stripped before they reach a terminal', async () => {
    const hostile = 'gone\x1b[2J\x1b]0;pwned title\x07\rOVERWRITE\x9b31m\u202eevil';
    const { env } = await server(({ path }, res) => {
      if (path.endsWith('/runs/404/')) return sendJson(res, 404, failure(404, hostile));
      sendJson(res, 200, envelope(run(20, { status_message: hostile, status_humanized: `Error${hostile}` })));
    });
    const refused = await runCli(['runs', 'get', '404'], env);
    expect(refused.code).toBe(5);
    const shown = await runCli(['runs', 'get', '9001'], env);
    const waited = await runCli(['runs', 'wait', '9001'], env);
    for (const text of [refused.stderr, shown.stdout, waited.stderr]) {
      expect(text).toContain('goneOVERWRITE');
      expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
      expect(text).not.toContain('pwned title');
    }
  });

  describe('every option is checked before the trigger', () => {
    it.each([
      [['--wait', '--timeout', '5x'], 'not a duration'],
      [['--wait', '--download', '../x'], '.. segments'],
      [['--download', 'run_results.json,/etc/passwd'], 'must be relative'],
      [['--timeout', '30m'], 'only applies with --wait'],
      [['--wait', '--cancel-on-timeout'], 'needs --timeout'],
    ])('run 567183 %j exits 4 and sends nothing', async (options, message) => {
      const { server: api, env } = await anyRequest();
      const result = await runCli(['run', '567183', ...options], env);
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(message);
      expect(api.requests).toEqual([]);
    });
  });

  it('CI logs: without a TTY, a heartbeat line repeats the progress while nothing changes', async () => {
    let finished = false;
    const { env } = await server((_request, res) => sendJson(res, 200, envelope(run(finished ? 10 : 3))));
    // A 20 ms heartbeat instead of a minute (DBT_CLOUD_CLI_HEARTBEAT_MS is meant for tests).
    const cli = startCli(['runs', 'wait', '9001'], { ...env, DBT_CLOUD_CLI_HEARTBEAT_MS: '20' });
    running.push(cli);
    const runningLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('run 9001: Running'));
    // The status never changes while the server says Running, so every line after the first is a heartbeat.
    await cli.printed(({ stderr }) => runningLines(stderr).length >= 3);
    finished = true;
    const result = await cli.exited;
    expect(result.code).toBe(0);
    expect(
      runningLines(result.stderr).every((line) => /^run 9001: Running · \d+s · step 1 dbt build$/.test(line)),
    ).toBe(true);
  });

  it('CI logs: the heartbeat interval variable is checked (exit 4)', async () => {
    const { server: api, env } = await anyRequest();
    const result = await runCli(['runs', 'wait', '9001'], { ...env, DBT_CLOUD_CLI_HEARTBEAT_MS: 'soon' });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('DBT_CLOUD_CLI_HEARTBEAT_MS');
    expect(api.requests).toEqual([]);
  });

  it('CLI errors name the flags (--token, --account-id, --steps), not library options', async () => {
    const { env } = await anyRequest();
    const noToken = await runCli(['runs', 'get', '9001'], { ...env, DBT_CLOUD_API_TOKEN: undefined });
    expect(noToken.code).toBe(4);
    expect(noToken.stderr).toContain('--token');
    expect(noToken.stderr).not.toContain('`token`');
    const noAccount = await runCli(['runs', 'get', '9001'], { ...env, DBT_CLOUD_ACCOUNT_ID: undefined });
    expect(noAccount.code).toBe(4);
    expect(noAccount.stderr).toContain('--account-id');
    expect(noAccount.stderr).not.toContain('accountId');
    const badStep = await runCli(['run', '567183', '--steps', 'rm -rf /', '--json'], env);
    expect(badStep.code).toBe(4);
    expect(badStep.stderr).toContain('--steps');
    expect(badStep.stderr).not.toContain('stepsOverride');
    expect(JSON.parse(badStep.stderr).error.flag).toMatch(/^--steps/);
  });

  it('CLI: --verbose --json logs every request as JSON lines on stderr, without the token', async () => {
    const { env } = await server((_request, res) => sendJson(res, 200, envelope(run(10))));
    const result = await runCli(['runs', 'get', '9001', '--verbose', '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).id).toBe(9001);
    const logged = result.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'debug',
        message: 'dbt-cloud request',
        method: 'GET',
        path: '/api/v2/accounts/43786/runs/9001/',
        status: 200,
      }),
    ]);
    expectNoToken(result);
  });

  it('CLI: group commands (runs, jobs, spec, ...) and the root show examples in --help', async () => {
    for (const group of [[], ['runs'], ['artifacts'], ['jobs'], ['environments'], ['projects'], ['spec']]) {
      const help = await runCli([...group, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout, group.join(' ')).toMatch(/Examples:\n {2}\$ dbt-cloud /);
      // Exit codes belong to the commands that run; a group only lists its commands.
      expect(help.stdout.includes('Exit codes:'), group.join(' ')).toBe(group.length === 0);
    }
  });

  it('CLI: a missing Prism is a configuration error (exit 4), with the install command', async () => {
    const result = await runCli(['mock', '--port', '0'], { NODE_OPTIONS: `--require ${noPrism}` });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('npm install -D @stoplight/prism-cli@5.14.2');
  });

  it('CLI: mock refuses a --port or --speed out of range with the flag named (exit 4), before Prism starts', async () => {
    const port = await runCli(['mock', '--port', '70000']);
    expect(port.code, port.stderr).toBe(4);
    expect(port.stderr).toMatch(/--port.*must be a whole number from 0 to 65535, got 70000/);
    const speed = await runCli(['mock', '--speed', '0']);
    expect(speed.code, speed.stderr).toBe(4);
    expect(speed.stderr).toMatch(/--speed.*must be a number above 0, got 0/);
  });

  it('CLI: a scenarios file that is missing or breaks the schema is a configuration error (exit 4), before Prism starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-scenarios-'));
    try {
      const missing = await runCli(['mock', '--port', '0', '--scenarios', join(dir, 'none.yaml')]);
      expect(missing.code, missing.stderr).toBe(4);
      expect(missing.stderr).toMatch(/scenarios: cannot read .*none\.yaml/);
      await writeFile(join(dir, 'bad.yaml'), 'jobs:\n  "1": { outcome: maybe }\n');
      const bad = await runCli(['mock', '--port', '0', '--scenarios', join(dir, 'bad.yaml')]);
      expect(bad.code, bad.stderr).toBe(4);
      expect(bad.stderr).toMatch(/scenarios: .*outcome must be/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
