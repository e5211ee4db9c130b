// Secret overrides (DBT_ENV_SECRET_*) reach dbt Cloud and nothing else: not a plan, not its JSON, not a saved plan
// file, not the CLI's output, not an error a server echoes back. Plan files are readable by their owner only.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud, type JobsConfig } from '../../src/index.js';
import { type JobsPlan, PlanRefusedError, createJobsAsCode } from '../../src/jobs.js';
import { runCli } from '../support/cli.js';
import { startFakeJobsCloud, type FakeJobsCloud } from '../support/fake-jobs-cloud.js';

const secret = 'sf-password-7d1e5c';
let fake: FakeJobsCloud;
let dbt: DbtCloud;

beforeEach(async () => {
  fake = await startFakeJobsCloud();
  dbt = createDbtCloud({ token: 'test-token', accountId: fake.accountId, host: fake.url, maxRetries: 0 });
});
afterEach(() => fake.close());

const config = (): JobsConfig => ({
  jobs: {
    nightly: {
      account_id: 43786,
      project_id: 270542,
      environment_id: 218762,
      name: 'Nightly',
      execute_steps: ['dbt build'],
      generate_docs: false,
      run_generate_sources: false,
      settings: { threads: 4, target_name: 'prod' },
      triggers: { github_webhook: false, schedule: true },
      schedule: { cron: '0 3 * * *' },
      custom_environment_variables: [{ DBT_ENV_SECRET_PASSWORD: secret }, { DBT_SCHEMA: 'analytics' }],
    },
  },
});

describe('in the library', () => {
  it('keeps the value out of the plan and its JSON, and still sets it when the plan is applied in-process', async () => {
    const plan = await createJobsAsCode(dbt).plan(config());
    expect(JSON.stringify(plan)).not.toContain(secret);
    expect(plan.changes[0]!.envVars).toContainEqual(
      expect.objectContaining({ name: 'DBT_ENV_SECRET_PASSWORD', new: '*****' }),
    );
    await createJobsAsCode(dbt).apply(plan);
    const stored = [...fake.envVars.values()].find((v) => v.name === 'DBT_ENV_SECRET_PASSWORD')!;
    expect(stored.value).toBe(secret);
  });

  it('refuses to set a secret from a plan read back from JSON, which never held its value', async () => {
    const saved = JSON.parse(JSON.stringify(await createJobsAsCode(dbt).plan(config()))) as JobsPlan;
    const error = await createJobsAsCode(dbt)
      .apply(saved)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanRefusedError);
    expect(String(error)).toMatch(/DBT_ENV_SECRET_PASSWORD, whose value is never saved in a plan/);
    expect(fake.writes).toEqual([]);
  });

  it('masks the value in a failure a server echoes back', async () => {
    const echoing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.url.includes('environment-variables') && request.method === 'POST') {
        const body = await request.text();
        return Response.json(
          { status: { code: 400, is_success: false, user_message: `bad: ${body}` }, data: { raw_value: [body] } },
          { status: 400 },
        );
      }
      return fetch(request);
    };
    const client = createDbtCloud({
      token: 'test-token',
      accountId: fake.accountId,
      host: fake.url,
      maxRetries: 0,
      fetch: echoing,
    });
    const result = await createJobsAsCode(client).apply(await createJobsAsCode(client).plan(config()));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe('in the CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jobs-secrets-'));
    env = { DBT_CLOUD_HOST: fake.url, DBT_CLOUD_API_TOKEN: 'test-token', DBT_CLOUD_ACCOUNT_ID: '43786' };
    await writeFile(join(dir, 'vars.yml'), `password: ${secret}\n`);
    await writeFile(
      join(dir, 'jobs.yml'),
      [
        'jobs:',
        '  nightly:',
        '    account_id: 43786',
        '    project_id: 270542',
        '    environment_id: 218762',
        '    name: Nightly',
        '    execute_steps: [dbt build]',
        '    generate_docs: false',
        '    run_generate_sources: false',
        '    settings: { threads: 4, target_name: prod }',
        '    triggers: { github_webhook: false, schedule: true }',
        '    schedule: { cron: "0 3 * * *" }',
        '    custom_environment_variables:',
        '      - DBT_ENV_SECRET_PASSWORD: "{{ password }}"',
        '',
      ].join('\n'),
    );
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints no secret in plan or apply output, text or JSON, and saves plans 0600 without it', async () => {
    const files = [join(dir, 'jobs.yml'), '-v', join(dir, 'vars.yml')];
    const planOut = join(dir, 'plan.json');
    await writeFile(planOut, 'an older, world-readable file\n', { mode: 0o644 });
    const runs: Array<[string[], number]> = [
      [['jobs', 'plan', ...files, '--out', planOut], 2],
      [['jobs', 'plan', ...files, '--json'], 2],
      [['jobs', 'apply', ...files, '--dry-run', '--json'], 0],
    ];
    for (const [args, code] of runs) {
      const run = await runCli(args, env);
      expect(run.code, run.stderr).toBe(code);
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
    expect(await readFile(planOut, 'utf8')).not.toContain(secret);
    expect((await stat(planOut)).mode & 0o777).toBe(0o600);

    const applied = await runCli(['jobs', 'apply', ...files], env);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout + applied.stderr).not.toContain(secret);
    expect([...fake.envVars.values()].find((v) => v.name === 'DBT_ENV_SECRET_PASSWORD')!.value).toBe(secret);
  });
});
