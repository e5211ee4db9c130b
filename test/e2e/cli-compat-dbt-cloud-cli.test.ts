// dbt-cloud-cli's command forms (`dbt-cloud job run --job-id N --wait`, `dbt-cloud run list --job-id N`, ...), run
// with the built `dbt-cloud` against the stateful mock through a recording loopback proxy. Each form must send the
// request dbt-cloud-cli sends (test/fixtures/clients/dbt-cloud-cli.json: method, query, body and Authorization; the
// path in the spec's form, which dbt Cloud redirects the bare one to), print the API's envelope as received on stdout
// (indented as Python's json.dumps(indent=2)), and end with that tool's exit codes: 0 done, 1 the API said no or the
// run failed, 2 a usage error. The flags beat the environment variables, and the token is never printed.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/node.js';
import { runCli, startCli, type CliResult } from '../support/cli.js';
import { sendJson, startServer, type ScriptedServer } from '../support/http-server.js';

const token = 'dbtc_COMPAT_SECRET_TOKEN_q7w8e9';

interface Call {
  name: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: unknown;
}
const corpus = JSON.parse(readFileSync(new URL('../fixtures/clients/dbt-cloud-cli.json', import.meta.url), 'utf8')) as {
  commit: string;
  calls: Call[];
};

/** The ids of the mock's starting data that the corpus's placeholders stand for. */
const seeded: Record<string, number> = {
  '<account_id>': 43786,
  '<project_id>': 270542,
  '<environment_id>': 218762,
  '<job_id>': 567183,
  '<run_id>': 70403103,
};

function fill(value: unknown, ids: Record<string, number | string>): unknown {
  if (typeof value === 'string') {
    if (value in ids) return ids[value];
    return value.replace(/<[a-z_]+>/g, (name) => {
      if (!(name in ids)) throw new Error(`no value for ${name}`);
      return String(ids[name]);
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, ids)]));
  return value;
}

/** What Python's json.dumps(value, indent=2) prints: two-space indent, everything beyond ASCII (and DEL) escaped. */
function pythonDumps(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

interface Recorded {
  method: string;
  path: string;
  search: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  answer: Buffer;
}

let mock: MockServer;
let proxy: ScriptedServer;
/** Each request the CLI sent, with the mock's answer as it went back. */
const recorded: Recorded[] = [];

beforeAll(async () => {
  mock = await startMockServer({ stepPerPoll: true });
  proxy = await startServer(async ({ method, url, body, headers }, res) => {
    const forward: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept']) {
      const value = headers[name];
      if (typeof value === 'string') forward[name] = value;
    }
    const upstream = await fetch(mock.url + url.pathname + url.search, {
      method,
      headers: forward,
      body: method === 'GET' || method === 'HEAD' || body === '' ? undefined : body,
      redirect: 'manual',
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    recorded.push({ method, path: url.pathname, search: url.search, headers, body, status: upstream.status, answer });
    const back: Record<string, string> = {};
    for (const name of ['content-type', 'location']) {
      const value = upstream.headers.get(name);
      if (value !== null) back[name] = value;
    }
    res.writeHead(upstream.status, back);
    res.end(answer);
  });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await mock?.stop();
});

beforeEach(async () => {
  await mock.reset();
  recorded.length = 0;
});

/** The CLI with a bare environment: the token, the account and the host through the proxy, as a script sets them. */
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runCli(args, {
    DBT_CLOUD_API_TOKEN: token,
    DBT_CLOUD_ACCOUNT_ID: '43786',
    DBT_CLOUD_HOST: proxy.url,
    ...env,
  });
}

function expectNoToken(result: CliResult) {
  expect(result.stdout).not.toContain(token);
  expect(result.stderr).not.toContain(token);
}

/** The request matches the corpus's record of what dbt-cloud-cli sends for `name`. */
function expectSentAsTheyDo(request: Recorded, name: string, ids: Record<string, number | string> = seeded) {
  const call = corpus.calls.find((candidate) => candidate.name === name);
  if (!call) throw new Error(`the corpus has no call named ${name}`);
  const where = `${name}: ${request.method} ${request.path}${request.search}`;
  expect(request.method, where).toBe(call.method);
  // The same path up to its trailing slash: ours is the spec's form, which dbt Cloud redirects the bare one to.
  const path = fill(call.path, ids) as string;
  expect(request.path.replace(/\/$/, ''), where).toBe(path.replace(/\/$/, ''));
  // The same parameters, in the same order (the encoding of each may differ: %20 or +, both decode alike).
  expect([...new URLSearchParams(request.search)], where).toEqual([
    ...new URLSearchParams(fill(call.query, ids) as string),
  ]);
  expect(request.headers.authorization, where).toBe(`Token ${token}`);
  if (call.body === undefined) {
    expect(request.body, where).toBe('');
    expect(request.headers['content-type'], where).toBeUndefined();
  } else {
    expect(request.headers['content-type'], where).toMatch(/^application\/json/);
    // Every field, in their order, null included.
    expect(JSON.stringify(JSON.parse(request.body)), where).toBe(JSON.stringify(fill(call.body, ids)));
  }
}

/** stdout is the envelope the API answered, as Python's json.dumps(indent=2) prints it. */
function expectEnvelope(result: CliResult, answer: Recorded, newline = true) {
  const envelope = JSON.parse(answer.answer.toString('utf8'));
  expect(JSON.parse(result.stdout)).toEqual(envelope);
  expect(result.stdout).toBe(`${pythonDumps(envelope)}${newline ? '\n' : ''}`);
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(mock.url + path, {
    method,
    headers: { Authorization: 'Token mock-token', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return ((await response.json()) as { data: { id: number } }).data;
}

describe('each form sends what dbt-cloud-cli sends and prints the envelope, exit 0', () => {
  const forms: Array<[call: string, args: string[]]> = [
    ['account list', ['account', 'list']],
    ['account get', ['account', 'get']],
    ['audit-log get', ['audit-log', 'get']],
    ['project list', ['project', 'list']],
    ['project get', ['project', 'get', '--project-id', '270542']],
    ['environment list', ['environment', 'list', '--project-id', '270542']],
    ['environment get', ['environment', 'get', '--project-id', '270542', '--environment-id', '218762']],
    ['job list', ['job', 'list', '--project-id', '270542']],
    ['job get', ['job', 'get', '--job-id', '567183']],
    ['job-run get', ['run', 'get', '--run-id', '70403103', '--include-related', 'trigger', '--include-related', 'job']],
    ['job-run list', ['run', 'list', '--job-id', '567183']],
    ['job-run list-artifacts', ['run', 'list-artifacts', '--run-id', '70403103']],
  ];
  it.each(forms)('%s: dbt-cloud %s', async (call, args) => {
    const result = await cli(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(recorded).toHaveLength(1);
    expectSentAsTheyDo(recorded[0]!, call);
    expect(recorded[0]!.status).toBe(200);
    expectEnvelope(result, recorded[0]!);
  });

  it('job create: every field with their defaults; the 201 envelope', async () => {
    const result = await cli([
      'job',
      'create',
      '--project-id',
      '270542',
      '--environment-id',
      '218762',
      '--name',
      'Nightly (dbt-cloud-cli)',
      '--execute-steps',
      '["dbt build"]',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectSentAsTheyDo(recorded[0]!, 'job create');
    expect(recorded[0]!.status).toBe(201);
    expectEnvelope(result, recorded[0]!);
    expect(JSON.parse(result.stdout).data).toMatchObject({ name: 'Nightly (dbt-cloud-cli)', state: 1 });
  });

  it('job delete: the deleted job', async () => {
    const job = await api('POST', '/api/v2/accounts/43786/jobs/', {
      account_id: 43786,
      project_id: 270542,
      environment_id: 218762,
      name: 'to delete',
      execute_steps: ['dbt build'],
    });
    const result = await cli(['job', 'delete', '--job-id', String(job.id)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectSentAsTheyDo(recorded[0]!, 'job delete', { ...seeded, '<job_id>': job.id });
    expectEnvelope(result, recorded[0]!);
    expect(JSON.parse(result.stdout).data).toMatchObject({ id: job.id, state: 2 });
  });

  it('job run: every trigger field, null where unset; the envelope without a newline at its end', async () => {
    const result = await cli(['job', 'run', '--job-id', '567183']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectSentAsTheyDo(recorded[0]!, 'job run');
    expectEnvelope(result, recorded[0]!, false);
    expect(JSON.parse(result.stdout).data).toMatchObject({ job_definition_id: 567183, status: 1 });
  });

  it('job run: the override flags, booleans with a value and the steps as a Python list', async () => {
    const result = await cli([
      'job',
      'run',
      '--job-id=567183',
      '--cause',
      'CI for PR 12',
      '--git-branch',
      'feature/x',
      '--github-pull-request-id',
      '12',
      '--threads-override',
      '4',
      '--timeout-seconds-override',
      '600',
      '--generate-docs-override',
      'Yes',
      '--steps-override',
      "['dbt seed', 'dbt run --select \"tag:nightly\"',]",
      '--no-wait',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(recorded[0]!.body)).toEqual({
      account_id: 43786,
      job_id: 567183,
      cause: 'CI for PR 12',
      git_sha: null,
      git_branch: 'feature/x',
      azure_pull_request_id: null,
      github_pull_request_id: 12,
      gitlab_merge_request_id: null,
      schema_override: null,
      dbt_version_override: null,
      threads_override: 4,
      target_name_override: null,
      generate_docs_override: true,
      timeout_seconds_override: 600,
      steps_override: ['dbt seed', 'dbt run --select "tag:nightly"'],
    });
    // An empty list is no override, as theirs sends it.
    recorded.length = 0;
    expect((await cli(['job', 'run', '--job-id', '567183', '--steps-override', '[]'])).code).toBe(0);
    expect(JSON.parse(recorded[0]!.body).steps_override).toBeNull();
  });

  it('run cancel: no body; the cancelled run', async () => {
    const run = await api('POST', '/api/v2/accounts/43786/jobs/567185/run/', { cause: 'to cancel' });
    const result = await cli(['run', 'cancel', '--run-id', String(run.id)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectSentAsTheyDo(recorded[0]!, 'job-run cancel', { ...seeded, '<run_id>': run.id });
    expectEnvelope(result, recorded[0]!);
    expect(JSON.parse(result.stdout).data).toMatchObject({ id: run.id, status: 30 });
  });

  it('run get-artifact: the body byte for byte on stdout, or in the -f file', async () => {
    const result = await cli(['run', 'get-artifact', '--run-id', '70403103', '--path', 'manifest.json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectSentAsTheyDo(recorded[0]!, 'job-run get-artifact');
    expect(result.stdout).toBe(recorded[0]!.answer.toString('utf8'));
    expect(JSON.parse(result.stdout).metadata.dbt_schema_version).toContain('/manifest/');

    const dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-compat-'));
    try {
      const file = join(dir, 'orders.sql');
      recorded.length = 0;
      const saved = await cli([
        'run',
        'get-artifact',
        '--run-id',
        '70403103',
        '--path',
        'compiled/jaffle_shop/models/marts/orders.sql',
        '--step',
        '3',
        '-f',
        file,
      ]);
      expect(saved.stderr).toBe('');
      expect(saved.code).toBe(0);
      expect(saved.stdout).toBe('');
      // Slashes of the path go as slashes; the step as a query parameter.
      expect(recorded[0]!.path).toBe(
        '/api/v2/accounts/43786/runs/70403103/artifacts/compiled/jaffle_shop/models/marts/orders.sql',
      );
      expect(recorded[0]!.search).toBe('?step=3');
      expect(await readFile(file)).toEqual(recorded[0]!.answer);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('run cancel-all -y: cancels what one page lists; progress on stderr, a JSON array of envelopes on stdout', async () => {
    const first = await api('POST', '/api/v2/accounts/43786/jobs/567185/run/', { cause: 'one' });
    const second = await api('POST', '/api/v2/accounts/43786/jobs/567185/run/', { cause: 'two' });
    const result = await cli(['run', 'cancel-all', '--job-id', '567185', '--status', 'Queued', '-y']);
    expect(result.code).toBe(0);
    const ids = [first.id, second.id].sort((a, b) => a - b);
    const listed = recorded[0]!;
    expect(listed.method).toBe('GET');
    expect([...new URLSearchParams(listed.search)]).toEqual([
      ['limit', '100'],
      ['job_definition_id', '567185'],
      ['status', '1'],
      ['offset', '0'],
    ]);
    const cancels = recorded.slice(1);
    expect(cancels.map((request) => `${request.method} ${request.path}`).sort()).toEqual(
      ids.map((id) => `POST /api/v2/accounts/43786/runs/${id}/cancel/`),
    );
    expect(result.stderr).toContain(`Runs to cancel: [`);
    for (const id of ids) expect(result.stderr).toContain(`Run ${id} has been cancelled.\n`);
    expect(result.stdout.endsWith('\n')).toBe(false);
    const printed = JSON.parse(result.stdout) as Array<{ data: { id: number; status: number } }>;
    expect(printed.map((envelope) => envelope.data.status)).toEqual([30, 30]);
    expect(printed).toEqual(cancels.map((request) => JSON.parse(request.answer.toString('utf8'))));
  });

  it('run cancel-all: --dry-run cancels nothing and prints []; without -y and no answer on stdin, "Aborted!" and exit 1', async () => {
    await api('POST', '/api/v2/accounts/43786/jobs/567185/run/', { cause: 'stays' });
    const dry = await cli(['run', 'cancel-all', '--job-id', '567185', '--status', 'Queued', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('[]');
    const unanswered = await cli(['run', 'cancel-all', '--job-id', '567185', '--status', 'Queued']);
    expect(unanswered.code).toBe(1);
    expect(unanswered.stdout).toBe('');
    expect(unanswered.stderr).toMatch(/Cancel run \d+\? \[y\/N\]: \nAborted!\n$/);
    expect(recorded.filter((request) => request.method === 'POST')).toEqual([]);
  });
});

describe('job run --wait', () => {
  const waitEnv = { DBT_CLOUD_CLI_POLL_MS: '1' };

  it('a job that fails: a status line per poll on stderr, the failure with its link, the last run envelope, exit 1', async () => {
    const result = await cli(['job', 'run', '--job-id', '567184', '--wait'], waitEnv);
    expect(result.code).toBe(1);
    const trigger = recorded[0]!;
    expectSentAsTheyDo(trigger, 'job run', { ...seeded, '<job_id>': 567184 });
    const runId = JSON.parse(trigger.answer.toString('utf8')).data.id as number;
    const polls = recorded.slice(1);
    expect(polls.length).toBeGreaterThan(1);
    for (const poll of polls) expectSentAsTheyDo(poll, 'job-run get (wait)', { ...seeded, '<run_id>': runId });
    const lines = result.stderr.trimEnd().split('\n');
    const statuses = polls.map((poll) => JSON.parse(poll.answer.toString('utf8')).data.status as number);
    const names: Record<number, string> = { 1: 'QUEUED', 2: 'STARTING', 3: 'RUNNING', 20: 'ERROR' };
    expect(lines.slice(0, -1)).toEqual(statuses.map((status) => `Job 567184 run ${runId}: ${names[status]} ...`));
    expect(statuses.at(-1)).toBe(20);
    const last = JSON.parse(polls.at(-1)!.answer.toString('utf8'));
    expect(lines.at(-1)).toBe(`Job run failed with ERROR status. For more information, see ${last.data.href}.`);
    expectEnvelope(result, polls.at(-1)!, false);
    expectNoToken(result);
  });

  it('a job that succeeds: exit 0, stdout the last poll’s envelope (not the trigger’s)', async () => {
    const result = await cli(['job', 'run', '--wait'], { ...waitEnv, DBT_CLOUD_JOB_ID: '567183' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/: SUCCESS \.\.\.\n$/);
    expect(JSON.parse(result.stdout).data.status).toBe(10);
    expectEnvelope(result, recorded.at(-1)!, false);
  });

  it('a run cancelled while it is followed: exit 1 with CANCELLED', async () => {
    const running = startCli(['job', 'run', '--job-id', '567185', '--wait'], {
      DBT_CLOUD_API_TOKEN: token,
      DBT_CLOUD_ACCOUNT_ID: '43786',
      DBT_CLOUD_HOST: proxy.url,
      DBT_CLOUD_CLI_POLL_MS: '20',
    });
    try {
      await running.printed(({ stderr }) => /: RUNNING \.\.\.\n/.test(stderr));
      const runId = Number(/run (\d+): RUNNING/.exec(running.output().stderr)![1]);
      await api('POST', `/api/v2/accounts/43786/runs/${runId}/cancel/`);
      const result = await running.exited;
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /: CANCELLED \.\.\.\nJob run failed with CANCELLED status\. For more information, see /,
      );
      expect(JSON.parse(result.stdout).data).toMatchObject({ id: runId, status: 30 });
    } finally {
      running.kill();
    }
  });
});

describe('errors', () => {
  it.each([
    [['job', 'run', '123'], 'Got unexpected extra argument (123)'],
    [['job', 'run', '--job-id', 'abc'], "Invalid value for '--job-id': 'abc' is not a valid integer."],
    [['job', 'run', '--job-id'], "Option '--job-id' requires an argument."],
    [
      ['job', 'run', '--job-id', '5', '--generate-docs-override', 'maybe'],
      "Invalid value for '--generate-docs-override': 'maybe' is not a valid boolean",
    ],
    [['job', 'run', '--job-id', '5', '--steps-override', 'dbt run'], "Invalid value for '--steps-override': dbt run"],
    [['job', 'run', '--job-id', '5', '--wait=yes'], "Option '--wait' does not take a value."],
    [['job', 'get', '--bogus'], "No such option '--bogus'."],
    [
      ['job', 'create', '--project-id', '1', '--environment-id', '2', '--name', 'x'],
      "Missing option '--execute-steps'.",
    ],
    [['run', 'get'], "Missing option '--run-id'."],
    [['run', 'list', '--status', 'success'], "Invalid value for '--status': 'success' is not one of"],
    [['run', 'list', '--limit', '0'], "Invalid value for '--limit': 0 is not in the range 1<=x<=100."],
    [['run', 'get-artifact', '--run-id', '1', '--path', '../secrets'], "Invalid value for '--path'"],
    [['account', 'list', '--account-id', '1'], "No such option '--account-id'."],
    [['job', 'jobs'], "No such command 'jobs'."],
    [['job', 'export'], "'dbt-cloud job export' is a dbt-cloud-cli command that dbt-cloud-ts does not accept"],
  ])('argument error, exit 2 before any request: dbt-cloud %j', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: dbt-cloud [a-z-]+ /);
    expect(result.stderr).toContain(`\nError: ${message}`);
    expect(recorded).toEqual([]);
  });

  it('a group without its command: its help on stderr, exit 2; --help: on stdout, exit 0', async () => {
    const bare = await cli(['job']);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: dbt-cloud job [OPTIONS] COMMAND [ARGS]...');
    const help = await cli(['run', 'list', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dbt-cloud run list [OPTIONS]');
    expect(help.stdout).toContain('--paginate');
    expect(recorded).toEqual([]);
  });

  it('an API 404: the error envelope on stdout, the status line on stderr, exit 1', async () => {
    const result = await cli(['job', 'get', '--job-id', '999999']);
    expect(result.code).toBe(1);
    expect(recorded[0]!.status).toBe(404);
    expectEnvelope(result, recorded[0]!);
    expect(JSON.parse(result.stdout).status).toMatchObject({ code: 404, is_success: false });
    expect(result.stderr).toBe(
      `404 Client Error: Not Found for url: ${proxy.url}/api/v2/accounts/43786/jobs/999999/: ` +
        `${JSON.parse(result.stdout).status.user_message}\n`,
    );
    const run = await cli(['run', 'get', '--run-id', '999999']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).status.code).toBe(404);
  });

  it('a value missing from flags and environment: one line, exit 1, nothing sent, no token', async () => {
    const result = await cli(['job', 'get']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('Error: DBT_CLOUD_JOB_ID is not defined (give --job-id or set DBT_CLOUD_JOB_ID)\n');
    const noAccount = await cli(['account', 'get'], { DBT_CLOUD_ACCOUNT_ID: undefined });
    expect(noAccount.code).toBe(1);
    expect(noAccount.stderr).toContain('DBT_CLOUD_ACCOUNT_ID is not defined');
    const noToken = await cli(['account', 'list'], { DBT_CLOUD_API_TOKEN: undefined });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('DBT_CLOUD_API_TOKEN is not defined');
    expect(recorded).toEqual([]);
    expectNoToken(result);
  });

  it('DBT_CLOUD_READONLY blocks the forms that change something, before anything is sent', async () => {
    for (const args of [
      ['job', 'run', '--job-id', '567183'],
      ['job', 'delete', '--job-id', '567183'],
      ['run', 'cancel', '--run-id', '70403103'],
      ['run', 'cancel-all', '-y'],
    ]) {
      const result = await cli(args, { DBT_CLOUD_READONLY: 'True' });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toBe(
        'Error: readonly mode is enabled (DBT_CLOUD_READONLY=true). Unset DBT_CLOUD_READONLY to allow mutating commands.\n',
      );
    }
    expect(recorded).toEqual([]);
    expect((await cli(['job', 'get', '--job-id', '567183'], { DBT_CLOUD_READONLY: '1' })).code).toBe(0);
  });

  it('never prints the token: not with LOG_LEVEL=DEBUG (request lines on stderr), not in an error', async () => {
    const debug = await cli(['job', 'get', '--job-id', '567183'], { LOG_LEVEL: 'DEBUG' });
    expect(debug.code).toBe(0);
    expect(debug.stderr).toMatch(
      /^DEBUG dbt-cloud request method=GET path=\/api\/v2\/accounts\/43786\/jobs\/567183\/ /m,
    );
    expectEnvelope(debug, recorded[0]!);
    expectNoToken(debug);
    const spaced = await cli(['account', 'list', '--api-token', `${token} extra`]);
    expect(spaced.code).toBe(1);
    expectNoToken(spaced);
    const missing = await cli(['project', 'get'], { LOG_LEVEL: 'DEBUG' });
    expect(missing.code).toBe(1);
    expectNoToken(missing);
  });
});

describe('flags beat environment variables', () => {
  it('--job-id over DBT_CLOUD_JOB_ID; the variable alone when no flag', async () => {
    await cli(['job', 'get', '--job-id', '567183'], { DBT_CLOUD_JOB_ID: '567184' });
    await cli(['job', 'get'], { DBT_CLOUD_JOB_ID: '567184' });
    expect(recorded.map((request) => request.path)).toEqual([
      '/api/v2/accounts/43786/jobs/567183/',
      '/api/v2/accounts/43786/jobs/567184/',
    ]);
  });

  it('--account-id and --api-token over DBT_CLOUD_ACCOUNT_ID and DBT_CLOUD_API_TOKEN', async () => {
    const result = await cli(['account', 'get', '--account-id', '43786', '--api-token', 'flag-token-123456'], {
      DBT_CLOUD_ACCOUNT_ID: '1',
    });
    expect(result.code).toBe(0);
    expect(recorded[0]!.path).toBe('/api/v2/accounts/43786/');
    expect(recorded[0]!.headers.authorization).toBe('Token flag-token-123456');
  });

  it('--project-id and --environment-id over DBT_CLOUD_PROJECT_ID and DBT_CLOUD_ENVIRONMENT_ID, which stand in alone', async () => {
    await cli(['environment', 'get', '--project-id', '270542', '--environment-id', '218762'], {
      DBT_CLOUD_PROJECT_ID: '1',
      DBT_CLOUD_ENVIRONMENT_ID: '2',
    });
    await cli(['environment', 'get'], { DBT_CLOUD_PROJECT_ID: '270542', DBT_CLOUD_ENVIRONMENT_ID: '218762' });
    await cli(['project', 'get'], { DBT_CLOUD_PROJECT_ID: '270542' });
    expect(recorded.map((request) => `${request.status} ${request.path}`)).toEqual([
      '200 /api/v3/accounts/43786/projects/270542/environments/218762/',
      '200 /api/v3/accounts/43786/projects/270542/environments/218762/',
      '200 /api/v3/accounts/43786/projects/270542/',
    ]);
  });

  it('--dbt-cloud-host over DBT_CLOUD_HOST', async () => {
    const elsewhere = await startServer((_request, res) => sendJson(res, 418, { status: { code: 418 } }));
    try {
      const result = await cli(['account', 'list', '--dbt-cloud-host', proxy.url], { DBT_CLOUD_HOST: elsewhere.url });
      expect(result.code).toBe(0);
      expect(recorded).toHaveLength(1);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('a bare host means https, as in dbt-cloud-cli (an http-only server cannot answer it: exit 1)', async () => {
    const bare = proxy.url.replace(/^http:\/\//, '');
    const result = await cli(['account', 'list'], { DBT_CLOUD_HOST: bare });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Error: /);
    expect(recorded).toEqual([]);
    expectNoToken(result);
  });
});

describe('run list --paginate and --timeout', () => {
  let server: ScriptedServer;
  const total = 250;
  const run = (id: number) => ({ id, status: 10, job_definition_id: 567183 });

  beforeAll(async () => {
    server = await startServer(({ url }, res) => {
      if (url.pathname === '/api/v2/accounts/43786/runs/70403103/') return; // never answers: --timeout's case
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      const ids = Array.from(
        { length: Math.max(0, Math.min(limit, total - offset)) },
        (_, index) => offset + index + 1,
      );
      sendJson(res, 200, {
        status: { code: 200, is_success: true, user_message: 'Success!', developer_message: '' },
        data: ids.map(run),
        extra: {
          filters: { limit, offset },
          order_by: null,
          pagination: { count: ids.length, total_count: total },
        },
      });
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('pages of 100 from offset 0 (--limit and --offset ignored), printed as the last page holding every run', async () => {
    server.requests.length = 0;
    const result = await cli(['run', 'list', '--job-id', '567183', '--limit', '5', '--offset', '7', '--paginate'], {
      DBT_CLOUD_HOST: server.url,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(server.requests.map((request) => request.path)).toEqual([
      '/api/v2/accounts/43786/runs/?limit=100&job_definition_id=567183&offset=0',
      '/api/v2/accounts/43786/runs/?limit=100&job_definition_id=567183&offset=100',
      '/api/v2/accounts/43786/runs/?limit=100&job_definition_id=567183&offset=200',
    ]);
    const printed = JSON.parse(result.stdout);
    expect(printed.data.map((item: { id: number }) => item.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(printed.extra).toEqual({
      filters: { limit: 100, offset: 200 },
      order_by: null,
      pagination: { count: total, total_count: total },
    });
    expect(result.stdout).toBe(`${pythonDumps(printed)}\n`);
  });

  it('--timeout is the time limit of each HTTP request, not of a wait: a request left unanswered fails, exit 1', async () => {
    const result = await cli(['run', 'get', '--run-id', '70403103', '--timeout', '1'], { DBT_CLOUD_HOST: server.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Error: .*no answer within 1000 ms/m);
  });
});

describe('the dispatch', () => {
  it('our own `run <job-id>` still reaches our program (not the envelope); `run list` reaches theirs', async () => {
    const ours = await cli(['run', '567183', '--json']);
    expect(ours.code).toBe(0);
    const run = JSON.parse(ours.stdout);
    expect(run).toMatchObject({ job_definition_id: 567183 });
    expect(run.id).toEqual(expect.any(Number));
    expect('data' in run).toBe(false);
    const theirs = await cli(['run', 'list', '--limit', '1']);
    expect(theirs.code).toBe(0);
    expect(JSON.parse(theirs.stdout)).toMatchObject({ status: { code: 200 }, data: [expect.any(Object)] });
  });

  it('reads the corpus of the dbt-cloud-cli commit the facts were taken from', () => {
    expect(corpus.commit).toBe('9fc4878179bf5ddaa322d166b379f73c1d991b67');
  });
});
