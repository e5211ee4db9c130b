// What a person meets when something goes wrong, and the help they read first: an argument error is one line (or one
// JSON line), a refused request says why, a connection error says where, a failed run is still written to stdout;
// each command's --help lists the exit codes it can end with.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sendJson, startServer, type ScriptedServer } from '../support/http-server.js';
import { runBody } from '../support/scripted.js';

const token = 'dbtc_cli_errors_token_5d4c3b';
const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const ok = (data: unknown) => ({
  data,
  status: { code: 200, is_success: true, user_message: 'Success!', developer_message: '' },
});
const refused = (userMessage: string, developerMessage: string, data: unknown = null) => ({
  data,
  status: { code: 400, is_success: false, user_message: userMessage, developer_message: developerMessage },
});
const run = (status: number) =>
  runBody(status, {
    project_id: 270542,
    environment_id: 218762,
    finished_at: status >= 10 ? '2026-11-23 10:05:00.000000+00:00' : null,
  });

async function server(handler: Parameters<typeof startServer>[0]) {
  const started = await startServer(handler);
  servers.push(started);
  return {
    started,
    env: { DBT_CLOUD_HOST: started.url, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' },
  };
}

describe('an argument error', () => {
  const cases: Array<[string[], RegExp, string]> = [
    [['run', 'abc'], /invalid for argument 'job-id'\. must be a positive whole number, got "abc"/, 'dbt-cloud run'],
    [['runs', 'list', '--bogus'], /unknown option '--bogus'/, 'dbt-cloud runs list'],
    [['runs', 'get'], /missing required argument 'run-id'/, 'dbt-cloud runs get'],
    [['bogus'], /unknown command 'bogus'/, 'dbt-cloud'],
    [['run', '567183', '--timeout', '5m'], /--timeout: only applies with --wait/, 'dbt-cloud run'],
  ];

  it.each(cases)('%j is one line and a pointer to the help, not the help itself', async (args, message, command) => {
    const result = await runCli(args, { DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^✗ /);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toBe(`  see \`${command} --help\``);
    expect(result.stderr).not.toContain('Usage:');
  });

  it.each(cases)('%j with --json is one JSON line on stderr', async (args, message) => {
    const result = await runCli([...args, '--json'], { DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const payload = JSON.parse(lines[0]!);
    expect(payload).toMatchObject({ error: { name: 'UsageError' }, exitCode: 4 });
    expect(payload.error.message).toMatch(message);
  });
});

describe('a request that fails', () => {
  it('shows why the API refused it: its field errors, or its developer message', async () => {
    const { env } = await server((request, response) => {
      if (request.path.includes('/rerun/'))
        return sendJson(response, 400, refused('The request was invalid.', 'A newer run of this job exists'));
      sendJson(
        response,
        400,
        refused('The request was invalid.', '', { environment_id: ['Environment 999999 does not exist.'] }),
      );
    });
    const fields = await runCli(['run', '567183'], env);
    expect(fields.code).toBe(5);
    expect(fields.stderr).toContain('environment_id: Environment 999999 does not exist.');
    const developer = await runCli(['runs', 'retry', '9001'], env);
    expect(developer.code).toBe(5);
    expect(developer.stderr + developer.stdout).toMatch(/failed with 400: The request was invalid\./);
  });

  it('that cannot connect says to which host and port, and why', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const env = { DBT_CLOUD_HOST: `http://127.0.0.1:${free}`, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '1' };
    const result = await runCli(['runs', 'get', '1'], env);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(
      `to 127.0.0.1:${free} failed: ECONNREFUSED (nothing accepts connections on that port)`,
    );
  });
});

describe('run --wait', () => {
  it('writes the run to stdout when it fails, so that --json > run.json holds it', async () => {
    const { env } = await server((request, response) =>
      sendJson(response, 200, ok(run(request.method === 'POST' ? 1 : 20))),
    );
    const result = await runCli(['run', '567183', '--wait', '--json'], { ...env, DBT_CLOUD_CLI_HEARTBEAT_MS: '50' });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ run: { id: 9001, status: 20 }, files: [] });
    expect(JSON.parse(result.stderr.trimEnd().split('\n').at(-1)!)).toMatchObject({
      error: { name: 'RunFailedError' },
      exitCode: 1,
    });
    const waited = await runCli(['runs', 'wait', '9001', '--json'], env);
    expect(waited.code).toBe(1);
    expect(JSON.parse(waited.stdout)).toMatchObject({ id: 9001, status: 20 });
  });

  it('sends the pull request, timeout and docs overrides', async () => {
    const { started, env } = await server((_request, response) => sendJson(response, 200, ok(run(1))));
    const result = await runCli(
      [
        'run',
        '567183',
        '--github-pull-request-id',
        '42',
        '--timeout-seconds-override',
        '0',
        '--generate-docs-override',
        'false',
      ],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(started.requests[0]!.body)).toMatchObject({
      github_pull_request_id: 42,
      timeout_seconds_override: 0,
      generate_docs_override: false,
    });
  });
});

describe('--help', () => {
  it('lists on each command the exit codes it can end with', async () => {
    const waits = (await runCli(['run', '--help'])).stdout;
    expect(waits).toContain('1  the run failed');
    expect(waits).toContain('3  waiting timed out');
    const lists = (await runCli(['runs', 'list', '--help'])).stdout;
    expect(lists).toContain('Exit codes:');
    expect(lists).not.toContain('the run failed');
    const plans = (await runCli(['jobs', 'plan', '--help'])).stdout;
    expect(plans).toContain('2  plan only: there are changes to apply');
    expect(plans).not.toContain('the run was cancelled');
  });
});

describe('what the commands print', () => {
  it('runs list has a header row; jobs get shows the job, not only its steps', async () => {
    const job = {
      id: 567183,
      account_id: 43786,
      project_id: 270542,
      environment_id: 218762,
      name: 'Nightly',
      job_type: 'scheduled',
      state: 1,
      execute_steps: ['dbt build'],
      settings: { threads: 8, target_name: 'prod' },
      triggers: { schedule: true, github_webhook: false },
      cron_humanized: 'At 05:00 AM',
    };
    const { env } = await server((request, response) =>
      request.path.includes('/jobs/') ? sendJson(response, 200, ok(job)) : sendJson(response, 200, ok([run(10)])),
    );
    const listed = await runCli(['runs', 'list'], env);
    expect(listed.stdout.split('\n')[0]).toMatch(/^RUN\s+STATUS\s+JOB\s+CREATED/);
    expect(listed.stdout.split('\n')[1]).toMatch(/^9001\s+Success\s+567183/);
    const shown = await runCli(['jobs', 'get', '567183'], env);
    expect(shown.stdout).toContain('project 270542  environment 218762  type scheduled');
    expect(shown.stdout).toContain('triggers: schedule  schedule: At 05:00 AM');
    expect(shown.stdout).toContain('threads 8  target prod');
    expect(shown.stdout).toContain('1. dbt build');
  });
});
