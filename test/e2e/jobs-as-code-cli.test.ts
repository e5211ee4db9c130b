// `dbt-cloud jobs plan | apply | validate | import-jobs | link | unlink | deactivate` as processes, against the mock's
// engine on a free loopback port: exit codes (plan: 0 no change, 2 changes, 1 error), output, saved plans; no secret
// and no terminal escape from a file reaches the output.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startEngine, type TestEngine } from '../support/engine.js';

const token = 'cli-jobs-token-0000';
let cloud: TestEngine;
let dir: string;
let env: Record<string, string>;

const jobsFile = (threads = 8) => `jobs:
  nightly:
    account_id: 43786
    project_id: 270542
    environment_id: 218762
    name: Nightly build
    execute_steps: [dbt build]
    settings: { threads: ${threads}, target_name: prod }
    generate_docs: false
    run_generate_sources: false
    triggers: { github_webhook: false, schedule: true }
    schedule: { cron: "0 3 * * *" }
    custom_environment_variables:
      - DBT_TARGET_SCHEMA: analytics
`;

beforeEach(async () => {
  cloud = await startEngine({ exampleJobs: false });
  dir = await mkdtemp(join(tmpdir(), 'jobs-cli-'));
  env = { DBT_CLOUD_HOST: cloud.url, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: String(cloud.accountId) };
});
afterEach(async () => {
  await cloud.close();
  await rm(dir, { recursive: true, force: true });
});

const write = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

describe('dbt-cloud jobs plan / apply', () => {
  it('plans (exit 2), applies a saved plan (exit 0), then plans no change (exit 0)', async () => {
    const file = await write('jobs.yml', jobsFile());
    const planFile = join(dir, 'plan.json');
    const planned = await runCli(['jobs', 'plan', file, '--out', planFile], env);
    expect(planned.stderr).not.toContain('✗');
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain('+ create nightly: "Nightly build [[nightly]]"');
    expect(planned.stdout).toContain('+ env DBT_TARGET_SCHEMA = "analytics"');
    expect(planned.stdout).toContain('Plan: 1 to create, 0 to update, 0 to delete, 0 unchanged.');
    expect(cloud.writes).toEqual([]);

    const applied = await runCli(['jobs', 'apply', planFile], env);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/✓ create nightly \(job \d+\), 1 override change/);
    expect(cloud.jobs.size).toBe(1);

    const again = await runCli(['jobs', 'plan', file], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. 1 job up to date.');
    expect(again.stderr + again.stdout).not.toContain(token);
  });

  it('shows one changed field old → new, and `sync` applies it', async () => {
    const file = await write('jobs.yml', jobsFile());
    expect((await runCli(['jobs', 'apply', file], env)).code).toBe(0);
    await write('jobs.yml', jobsFile(16));
    const planned = await runCli(['jobs', 'plan', file], env);
    expect(planned.code).toBe(2);
    expect(planned.stdout).toMatch(/~ update nightly \(job \d+\)/);
    expect(planned.stdout).toContain('    settings.threads: 8 → 16');
    expect(planned.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged.');
    const synced = await runCli(['jobs', 'sync', file], env);
    expect(synced.code).toBe(0);
    expect([...cloud.jobs.values()][0]!.settings).toEqual({ threads: 16, target_name: 'prod' });
  });

  it('refuses a saved plan after dbt Cloud changed (exit 1, nothing written)', async () => {
    const file = await write('jobs.yml', jobsFile());
    const planFile = join(dir, 'plan.json');
    expect((await runCli(['jobs', 'plan', file, '--out', planFile], env)).code).toBe(2);
    cloud.seedJob({ name: 'Made in the UI meanwhile' });
    const writesBefore = cloud.writes.length;
    const applied = await runCli(['jobs', 'apply', planFile], env);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(/PlanStaleError: dbt Cloud changed since this plan was made/);
    expect(cloud.writes.length).toBe(writesBefore);
  });

  it('prints JSON with --json, in our shape and dbt-jobs-as-code’s', async () => {
    const file = await write('jobs.yml', jobsFile());
    const planned = await runCli(['jobs', 'plan', file, '--json'], env);
    expect(planned.code).toBe(2);
    const body = JSON.parse(planned.stdout);
    expect(body.changes).toMatchObject([{ action: 'create', identifier: 'nightly' }]);
    expect(body.job_changes).toMatchObject([{ action: 'CREATE', type: 'Job', identifier: 'nightly' }]);
    expect(body.env_var_overwrite_changes).toMatchObject([
      {
        action: 'CREATE',
        identifier: 'nightly:DBT_TARGET_SCHEMA',
        differences: { old_value: null, new_value: 'analytics' },
      },
    ]);
    const applied = JSON.parse((await runCli(['jobs', 'apply', file, '--json'], env)).stdout);
    expect(applied.apply_success).toBe(true);
    expect(applied.result.applied).toHaveLength(1);
  });

  it('lists a delete but skips it without --allow-delete, naming the flag', async () => {
    const old = cloud.seedJob({ name: 'Old job [[old]]', project_id: 270542, environment_id: 218762 });
    const file = await write('jobs.yml', jobsFile());
    const planned = await runCli(['jobs', 'plan', file], env);
    expect(planned.code).toBe(2);
    expect(planned.stdout).toMatch(/- delete old \(job \d+\): "Old job \[\[old\]\]".*SKIPPED: needs --allow-delete/);
    expect(planned.stdout).not.toContain('allowDelete');
    const deleting = await runCli(['jobs', 'apply', file, '--allow-delete'], env);
    expect(deleting.code).toBe(0);
    expect(cloud.jobs.get(old)!.state).toBe(2);
  });

  it('plans nothing for files that hold no jobs, even with --allow-delete and no account', async () => {
    const kept = cloud.seedJob({ name: 'Other team [[other]]', project_id: 270542, environment_id: 218762 });
    const file = await write('jobs.yml', 'jobs: {}\n');
    for (const flags of [['--allow-delete'], ['--allow-delete', '--limit-projects-envs-to-yml']]) {
      const applied = await runCli(['jobs', 'apply', file, ...flags], env);
      expect(applied.code).toBe(0);
      expect(applied.stderr + applied.stdout).toContain('the files hold no jobs');
    }
    const { DBT_CLOUD_ACCOUNT_ID: _account, ...noAccount } = env;
    expect((await runCli(['jobs', 'plan', file], noAccount)).code).toBe(0);
    expect(cloud.jobs.get(kept)!.state).toBe(1);
    expect(cloud.writes).toEqual([]);
  });

  it('names file, line and field of bad input, exits 1 and sends nothing', async () => {
    const file = await write('jobs.yml', jobsFile().replace('threads: 8', 'threads: "many"'));
    const result = await runCli(['jobs', 'plan', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'jobs.yml')}:8:`);
    expect(result.stderr).toMatch(/jobs\.nightly\.settings\.threads: must be integer, got string "many"/);
    expect(cloud.requests).toEqual([]);
  });

  it('sets the client up like every other command: --token "" is refused, not read from the environment', async () => {
    const file = await write('jobs.yml', jobsFile());
    const result = await runCli(['jobs', 'plan', file, '--token', ''], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--token: must not be empty');
    expect(cloud.requests).toEqual([]);
  });

  it('renders templated files with --vars-yml', async () => {
    const file = await write('jobs.yml', jobsFile().replace('project_id: 270542', 'project_id: "{{ project }}"'));
    const vars = await write('vars.yml', 'project: 270542\n');
    const result = await runCli(['jobs', 'plan', file, '-v', vars], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('project 270542, environment 218762');
  });
});

describe('dbt-cloud jobs validate / import-jobs / link / unlink / deactivate', () => {
  it('validates offline and online', async () => {
    const good = await write('jobs.yml', jobsFile());
    const ok = await runCli(['jobs', 'validate', good], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ 1 file, 1 job: valid');
    const bad = await write('bad.yml', jobsFile().replace('environment_id: 218762', 'environment_id: 5'));
    const online = await runCli(['jobs', 'validate', bad, '--online'], env);
    expect(online.code).toBe(1);
    expect(online.stdout).toMatch(/bad\.yml:\d+:\d+: jobs\.nightly\.environment_id: environment 5 does not exist/);
  });

  it('imports jobs as YAML that plans with no change; links, unlinks and deactivates', async () => {
    const file = await write('jobs.yml', jobsFile());
    expect((await runCli(['jobs', 'apply', file], env)).code).toBe(0);
    const unmanaged = cloud.seedJob({ name: 'Hand made', triggers: { schedule: true, github_webhook: false } });

    const importedFile = join(dir, 'imported.yml');
    const imported = await runCli(['jobs', 'import-jobs', '--include-linked-id', '--out', importedFile], env);
    expect(imported.code).toBe(0);
    const yaml = await readFile(importedFile, 'utf8');
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=/);
    expect(yaml).toContain('  nightly:\n');
    expect(yaml).toContain('  import_2:\n');
    expect(yaml).toContain(`linked_id: ${unmanaged}`);

    // Linking the imported file marks the hand-made job; a plan then sees everything in place.
    const linked = await runCli(['jobs', 'link', importedFile], env);
    expect(linked.code).toBe(0);
    expect(linked.stdout).toContain(`renamed job ${unmanaged}: "Hand made" → "Hand made [[import_2]]"`);
    const planned = await runCli(['jobs', 'plan', importedFile], env);
    expect(planned.stdout).toContain('No changes. 2 jobs up to date.');
    expect(planned.code).toBe(0);

    const unlinked = await runCli(['jobs', 'unlink', '-i', 'import_2'], env);
    expect(unlinked.code).toBe(0);
    expect(cloud.jobs.get(unmanaged)!.name).toBe('Hand made');

    const deactivated = await runCli(['jobs', 'deactivate-jobs', '--job-id', String(unmanaged)], env);
    expect(deactivated.code).toBe(0);
    expect(deactivated.stdout).toContain(`deactivated job ${unmanaged}: "Hand made"`);
    expect((cloud.jobs.get(unmanaged)!.triggers as { schedule: boolean }).schedule).toBe(false);
  });
});

describe('dbt-jobs-as-code’s spellings', () => {
  it('takes its short flags and its environment variables', async () => {
    const file = await write('jobs.yml', jobsFile().replace('project_id: 270542', 'project_id: "{{ project }}"'));
    const vars = await write('vars.yml', 'project: 270542\n');
    const theirs = { DBT_BASE_URL: cloud.url, DBT_API_KEY: token, DBT_ACCOUNT_ID: String(cloud.accountId) };
    const planned = await runCli(['jobs', 'plan', file, '-v', vars, '-p', '270542', '-e', '218762', '-l'], theirs);
    expect(planned.code, planned.stderr).toBe(2);
    expect(planned.stdout).toContain('+ create nightly');
    // Ours win where both are set.
    const both = await runCli(['jobs', 'plan', file, '-v', vars], {
      ...theirs,
      ...env,
      DBT_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(both.code, both.stderr).toBe(2);
  });

  it('prints the applied job ids where its sync --json does', async () => {
    const file = await write('jobs.yml', jobsFile());
    const synced = await runCli(['jobs', 'sync', file, '--json'], env);
    expect(synced.code, synced.stderr).toBe(0);
    const json = JSON.parse(synced.stdout);
    const job = [...cloud.jobs.values()].find((candidate) => candidate.name.endsWith('[[nightly]]'))!;
    expect(json.apply_success).toBe(true);
    expect(json.applied.job_changes).toEqual([
      {
        action: 'CREATE',
        type: 'job',
        identifier: 'nightly',
        project_id: 270542,
        environment_id: 218762,
        job_id: job.id,
      },
    ]);
    expect(json.applied.env_var_overwrite_changes).toMatchObject([
      { action: 'CREATE', type: 'env var overwrite', identifier: 'nightly:DBT_TARGET_SCHEMA', job_id: job.id },
    ]);
  });

  it('refuses to turn TLS checks off, saying how to trust a private CA', async () => {
    const file = await write('jobs.yml', jobsFile());
    for (const [args, extra] of [
      [['jobs', 'plan', file, '--disable-ssl-verification'], {}],
      [['jobs', 'plan', file], { DBT_JOBS_AS_CODE_DISABLE_SSL_VERIFICATION: 'true' }],
    ] as const) {
      const result = await runCli([...args], { ...env, ...extra });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('NODE_EXTRA_CA_CERTS');
    }
    expect(cloud.requests).toEqual([]);
  });

  it('imports with --templated-fields and --config, into a file that renders back to the same jobs', async () => {
    const file = await write('jobs.yml', jobsFile());
    expect((await runCli(['jobs', 'apply', file], env)).code).toBe(0);
    const templates = await write(
      'templates.yml',
      'environment_id: {{ environment_id }}\ntriggers.schedule: {{ env_name == "prod" }}\n',
    );
    const imported = join(dir, 'imported.yml');
    const { DBT_CLOUD_ACCOUNT_ID: _account, ...noAccount } = env;
    const result = await runCli(
      ['jobs', 'import-jobs', '--managed-only', '--templated-fields', templates, '--config', file, '--out', imported],
      noAccount,
    );
    expect(result.code, result.stderr).toBe(0);
    const yaml = await readFile(imported, 'utf8');
    expect(yaml).toContain('environment_id: "{{ environment_id }}"');
    expect(yaml).toContain(`schedule: '{{ env_name == "prod" }}'`);
    const vars = await write('vars.yml', 'environment_id: 218762\nenv_name: prod\n');
    const planned = await runCli(['jobs', 'plan', imported, '-v', vars], env);
    expect(planned.stdout + planned.stderr).toContain('No changes. 1 job up to date.');
    expect(planned.code).toBe(0);
  });
});

describe('secret overrides (DBT_ENV_SECRET_*) in the CLI', () => {
  const secret = 'sf-password-7d1e5c';

  it('prints no secret in plan or apply output, text or JSON, and saves plans 0600 without it', async () => {
    const vars = await write('vars.yml', `password: ${secret}\n`);
    const file = await write(
      'jobs.yml',
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
    const files = [file, '-v', vars];
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
    expect([...cloud.variables.values()].find((v) => v.name === 'DBT_ENV_SECRET_PASSWORD')!.raw_value).toBe(secret);
  });
});

describe('keys and names from files in the CLI’s output', () => {
  const jobYaml = (key: string) =>
    `jobs:\n  ${key}:\n    account_id: 43786\n    project_id: 1\n    environment_id: 2\n    name: n\n    execute_steps: [dbt build]\n    generate_docs: false\n    run_generate_sources: false\n    settings: {}\n    triggers: {}\n    schedule: { cron: "0 1 * * *" }\n`;

  it('strips terminal escapes from the keys and names it quotes', async () => {
    const escape = '\\e]0;pwned\\a\\e[2J';
    const file = await write('jobs.yml', jobYaml(`"nightly${escape}"`));
    const result = await runCli(['jobs', 'validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nightly');
    expect(result.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it('names no flag for a template error in --json mode', async () => {
    const file = await write('jobs.yml', 'jobs:\n  a:\n    name: "{{ missing }}"\n');
    const vars = await write('vars.yml', 'other: 1\n');
    const result = await runCli(['jobs', 'validate', file, '-v', vars, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('--(template)');
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1)!)).toMatchObject({
      error: { name: 'JobsConfigError', issues: [{ field: '(template)', line: 3 }] },
    });
  });
});
