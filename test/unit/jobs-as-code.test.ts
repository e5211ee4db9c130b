// Jobs as code through the library (createJobsAsCode(dbt).plan / apply / ...) against the mock's engine in-process.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud, type JobsConfig } from '../../src/index.js';
import { type JobChange, JobsConfigError, PlanStaleError, pendingChanges, createJobsAsCode } from '../../src/jobs.js';
import { startEngine, type TestEngine } from '../support/engine.js';

let cloud: TestEngine;
let dbt: DbtCloud;

beforeEach(async () => {
  cloud = await startEngine({ exampleJobs: false });
  dbt = createDbtCloud({ token: 'test-token', accountId: cloud.accountId, host: cloud.url, maxRetries: 0 });
});
afterEach(() => cloud.close());

const config = (): JobsConfig => ({
  account_id: 43786,
  jobs: {
    nightly: {
      account_id: 43786,
      project_id: 270542,
      environment_id: 218762,
      name: 'Nightly build',
      execute_steps: ['dbt source freshness', 'dbt build'],
      generate_docs: true,
      run_generate_sources: false,
      settings: { threads: 8, target_name: 'prod' },
      triggers: { github_webhook: false, schedule: true },
      schedule: { cron: '0 3 * * *' },
      custom_environment_variables: [{ DBT_TARGET_SCHEMA: 'analytics' }, { DBT_FULL_REFRESH: 'false' }],
    },
    ci: {
      project_id: 270542,
      environment_id: 218763,
      name: 'CI check',
      execute_steps: ['dbt build --select state:modified+'],
      generate_docs: false,
      run_generate_sources: false,
      settings: {},
      job_type: 'ci',
      triggers: { github_webhook: true, schedule: false },
    },
  },
});

/** What a create sends: every field its differences show. */
const sentFields = (change: JobChange) => Object.fromEntries(change.differences.map((d) => [d.field, d.new]));

const jobNamed = (identifier: string) =>
  [...cloud.jobs.values()].find((job) => job.state === 1 && String(job.name).endsWith(`[[${identifier}]]`));

describe('plan and apply', () => {
  it('creates every job from empty, then plans no change', async () => {
    const plan = await createJobsAsCode(dbt).plan(config());
    expect(plan.changes.map((c) => [c.action, c.identifier])).toEqual([
      ['create', 'ci'],
      ['create', 'nightly'],
    ]);
    const nightlyPlan = plan.changes.find((c) => c.identifier === 'nightly')!;
    expect(nightlyPlan.envVars.map((v) => [v.action, v.name, v.new])).toEqual([
      ['create', 'DBT_FULL_REFRESH', 'false'],
      ['create', 'DBT_TARGET_SCHEMA', 'analytics'],
    ]);
    const result = await createJobsAsCode(dbt).apply(plan);
    expect(result.success).toBe(true);
    expect(result.applied).toHaveLength(2);

    const nightly = jobNamed('nightly')!;
    expect(nightly.name).toBe('Nightly build [[nightly]]');
    expect(nightly.settings).toEqual({ threads: 8, target_name: 'prod' });
    const overrides = [...cloud.variables.values()].filter((v) => v.job_definition_id === nightly.id);
    expect(overrides.map((v) => [v.name, v.raw_value]).sort()).toEqual([
      ['DBT_FULL_REFRESH', 'false'],
      ['DBT_TARGET_SCHEMA', 'analytics'],
    ]);

    const again = await createJobsAsCode(dbt).plan(config());
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toEqual(['ci', 'nightly']);
  });

  it('shows exactly the field that changed, old → new, and applies only that', async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
    const changed = config();
    changed.jobs!.nightly!.settings = { threads: 16, target_name: 'prod' };
    const plan = await createJobsAsCode(dbt).plan(changed);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({
      action: 'update',
      identifier: 'nightly',
      differences: [{ field: 'settings.threads', old: 8, new: 16 }],
      envVars: [],
    });
    const writesBefore = cloud.writes.length;
    await createJobsAsCode(dbt).apply(plan);
    expect(cloud.writes.slice(writesBefore)).toEqual([`POST /api/v2/accounts/43786/jobs/${jobNamed('nightly')!.id}/`]);
    expect(jobNamed('nightly')!.settings).toEqual({ threads: 16, target_name: 'prod' });
    // The rest of the job was sent back unchanged.
    expect(jobNamed('nightly')!.execute_steps).toEqual(['dbt source freshness', 'dbt build']);
    expect((await createJobsAsCode(dbt).plan(changed)).changes).toEqual([]);
  });

  it('plans override changes with the job, in one diff', async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
    const changed = config();
    changed.jobs!.nightly!.custom_environment_variables = [{ DBT_TARGET_SCHEMA: 'marts' }, { DBT_NEW: 'x' }];
    const plan = await createJobsAsCode(dbt).plan(changed);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]!.differences).toEqual([]);
    expect(plan.changes[0]!.envVars.map((v) => [v.action, v.name, v.old, v.new])).toEqual([
      ['delete', 'DBT_FULL_REFRESH', 'false', null],
      ['create', 'DBT_NEW', null, 'x'],
      ['update', 'DBT_TARGET_SCHEMA', 'analytics', 'marts'],
    ]);
    await createJobsAsCode(dbt).apply(plan);
    expect((await createJobsAsCode(dbt).plan(changed)).changes).toEqual([]);
  });

  it('never touches an unmanaged job, even one with the same name', async () => {
    const unmanaged = cloud.seedJob({ name: 'Nightly build', environment_id: 218762 });
    const before = JSON.stringify(cloud.jobs.get(unmanaged));
    const plan = await createJobsAsCode(dbt).plan(config(), { allowDelete: true });
    expect(plan.changes.every((c) => c.jobId !== unmanaged)).toBe(true);
    await createJobsAsCode(dbt).apply(plan);
    expect(JSON.stringify(cloud.jobs.get(unmanaged))).toBe(before);
    expect(cloud.writes.some((w) => w.includes(`/jobs/${unmanaged}/`))).toBe(false);
  });

  it('deletes a managed job that left the files only with allowDelete; the plan lists it either way', async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
    const fewer = config();
    delete fewer.jobs!.ci;
    const ciId = jobNamed('ci')!.id;

    const cautious = await createJobsAsCode(dbt).plan(fewer);
    expect(cautious.changes).toMatchObject([
      { action: 'delete', identifier: 'ci', jobId: ciId, skipped: expect.any(String) },
    ]);
    expect(pendingChanges(cautious)).toEqual([]);
    const kept = await createJobsAsCode(dbt).apply(cautious);
    expect(kept.skipped).toMatchObject([{ action: 'delete', identifier: 'ci' }]);
    expect(cloud.jobs.get(ciId)!.state).toBe(1);

    for (const options of [{ allowDelete: true }, { allowDelete: true, limitToConfig: true }]) {
      const empty = await createJobsAsCode(dbt).plan({ jobs: null }, options);
      expect(empty.warnings).toEqual([expect.stringMatching(/the files hold no jobs/)]);
      expect(empty.changes).toEqual([]);
      expect((await createJobsAsCode(dbt).apply(empty)).applied).toEqual([]);
    }
    expect(cloud.jobs.get(ciId)!.state).toBe(1);

    const allowed = await createJobsAsCode(dbt).plan(fewer, { allowDelete: true });
    expect(pendingChanges(allowed)).toMatchObject([{ action: 'delete', identifier: 'ci' }]);
    await createJobsAsCode(dbt).apply(allowed);
    expect(cloud.jobs.get(ciId)!.state).toBe(2);
    expect((await createJobsAsCode(dbt).plan(fewer, { allowDelete: true })).changes).toEqual([]);
  });

  it('keeps jobs outside the scope out of the plan (limitToConfig, projectIds, excludeIdentifiersMatching)', async () => {
    const elsewhere = cloud.seedJob({ name: 'Other team [[other]]', project_id: 999, environment_id: 998 });
    const plain = await createJobsAsCode(dbt).plan(config(), { allowDelete: true });
    expect(plain.changes.find((c) => c.identifier === 'other')?.action).toBe('delete');
    const limited = await createJobsAsCode(dbt).plan(config(), { allowDelete: true, limitToConfig: true });
    expect(limited.changes.map((c) => c.identifier)).not.toContain('other');
    const excluded = await createJobsAsCode(dbt).plan(config(), {
      allowDelete: true,
      excludeIdentifiersMatching: '^oth',
    });
    expect(excluded.changes.map((c) => c.identifier)).not.toContain('other');
    const byEnvironment = await createJobsAsCode(dbt).plan(config(), { environmentIds: [218763] });
    expect(byEnvironment.changes.map((c) => c.identifier)).toEqual(['ci']);
    expect(byEnvironment.warnings.join('\n')).toMatch(/nightly: left out/);
    expect(cloud.jobs.get(elsewhere)!.state).toBe(1);
  });

  it('refuses a saved plan after dbt Cloud changed, and applies it exactly when nothing did', async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
    const changed = config();
    changed.jobs!.ci!.execute_steps = ['dbt build --select state:modified+ --fail-fast'];
    const saved = JSON.parse(JSON.stringify(await createJobsAsCode(dbt).plan(changed)));

    // Someone edits a job in the UI after the plan was made.
    cloud.jobs.get(jobNamed('nightly')!.id)!.run_lint = true;
    const writesBefore = cloud.writes.length;
    await expect(createJobsAsCode(dbt).apply(saved)).rejects.toBeInstanceOf(PlanStaleError);
    expect(cloud.writes.length).toBe(writesBefore);

    cloud.jobs.get(jobNamed('nightly')!.id)!.run_lint = false;
    const result = await createJobsAsCode(dbt).apply(saved);
    expect(result.success).toBe(true);
    expect(jobNamed('ci')!.execute_steps).toEqual(['dbt build --select state:modified+ --fail-fast']);
  });

  it('refuses a saved plan after an override changed', async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
    const saved = await createJobsAsCode(dbt).plan(config());
    const override = [...cloud.variables.values()].find((v) => v.name === 'DBT_TARGET_SCHEMA')!;
    override.raw_value = 'changed-in-ui';
    await expect(createJobsAsCode(dbt).apply(saved)).rejects.toThrow(/changed since this plan was made/);
  });

  it('goes on after a failed change, or stops with failFast', async () => {
    const two = config();
    two.jobs!.nightly!.environment_id = 218762;
    // dbt Cloud refuses the first create (ci); the plan itself is as made.
    const refusingCi: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && (await request.clone().text()).includes('[[ci]]'))
        return Response.json(
          { status: { code: 400, is_success: false, user_message: 'No.' }, data: null },
          { status: 400 },
        );
      return fetch(request);
    };
    const client = () =>
      createDbtCloud({
        token: 'test-token',
        accountId: cloud.accountId,
        host: cloud.url,
        maxRetries: 0,
        fetch: refusingCi,
      });
    const loose = await createJobsAsCode(client()).apply(await createJobsAsCode(client()).plan(two));
    expect(loose.success).toBe(false);
    expect(loose.failed.map((f) => f.identifier)).toEqual(['ci']);
    expect(loose.applied.map((a) => a.identifier)).toEqual(['nightly']);

    cloud.reset();
    const strict = await createJobsAsCode(client()).apply(await createJobsAsCode(client()).plan(two), {
      failFast: true,
    });
    expect(strict.failed.map((f) => f.identifier)).toEqual(['ci']);
    expect(strict.applied).toEqual([]);
    expect(strict.skipped).toMatchObject([{ identifier: 'nightly', reason: expect.stringMatching(/failFast/) }]);
  });

  it('compares secret overrides by presence only (dbt Cloud masks their values)', async () => {
    const secret = config();
    secret.jobs!.nightly!.custom_environment_variables = [{ DBT_ENV_SECRET_TOKEN: 'v1' }];
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(secret));
    expect([...cloud.variables.values()].map((v) => [v.name, v.raw_value])).toEqual([['DBT_ENV_SECRET_TOKEN', 'v1']]);
    secret.jobs!.nightly!.custom_environment_variables = [{ DBT_ENV_SECRET_TOKEN: 'v2' }];
    expect((await createJobsAsCode(dbt).plan(secret)).changes).toEqual([]);
    // An import never writes the masked value into a file.
    const imported = await createJobsAsCode(dbt).importConfig({ managedOnly: true });
    expect(imported.jobs!.nightly!.custom_environment_variables).toEqual([]);
  });

  it('refuses to plan when two dbt Cloud jobs carry the same identifier', async () => {
    const a = cloud.seedJob({ name: 'A [[twin]]' });
    const b = cloud.seedJob({ name: 'B [[twin]]' });
    await expect(createJobsAsCode(dbt).plan(config())).rejects.toThrow(`[[twin]] on jobs ${a}, ${b}`);
  });
});

describe('config errors', () => {
  it('names every bad field before any request, and warns of keys outside the format', async () => {
    const bad = {
      jobs: {
        nightly: {
          account_id: 43786,
          project_id: 270542,
          environment_id: 218762,
          name: 'Nightly',
          execute_steps: ['run everything'],
          generate_docs: false,
          run_generate_sources: false,
          settings: { threads: 0, target_name: 'prod' },
          triggers: {},
          schedule: { cron: '0 25 * * *' },
          job_type: 'weekly',
          custom_environment_variables: [{ TARGET: 'x' }, { DBT_N: 3 }],
        },
        'bad key': { project_id: 1, environment_id: 2, name: 'x', execute_steps: ['dbt build'] },
      },
    };
    const error = await createJobsAsCode(dbt)
      .plan(bad as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobsConfigError);
    const issues = (error as JobsConfigError).issues;
    expect(issues.map((issue) => issue.field)).toEqual([
      'jobs.bad key',
      'jobs.nightly.custom_environment_variables[0].TARGET',
      'jobs.nightly.custom_environment_variables[1].DBT_N',
      'jobs.nightly.execute_steps[0]',
      'jobs.nightly.job_type',
      'jobs.nightly.settings.threads',
    ]);
    expect(issues.find((issue) => issue.field === 'jobs.nightly.settings.threads')!.message).toBe(
      'must be at least 1 (dbt Cloud runs a job with at least 1 thread)',
    );
    expect(cloud.requests).toEqual([]);

    const odd = config();
    Object.assign(odd.jobs!.nightly!, { genrate_docs: true, owner: 'data team' });
    odd.jobs!.nightly!.settings = { threads: 8, target_name: 'prod', thread: 2 } as never;
    const plan = await createJobsAsCode(dbt).plan(odd);
    expect(plan.warnings).toEqual([
      'jobs.nightly.genrate_docs: is not a known field (did you mean generate_docs?); it is not part of the jobs file format, and is ignored',
      'jobs.nightly.owner: is not a known field; it is not part of the jobs file format, and is ignored',
      'jobs.nightly.settings.thread: is not a known field (did you mean threads?); it is not part of the jobs file format, and is ignored',
    ]);
    const sent = sentFields(plan.changes.find((change) => change.identifier === 'nightly')!);
    expect(sent).not.toHaveProperty('genrate_docs');
    expect(sent).not.toHaveProperty('owner');
    expect(sent.settings).toEqual({ threads: 8, target_name: 'prod' });
  });

  it('follows a nullable object into its fields (job_completion_trigger_condition)', async () => {
    const bad = config();
    bad.jobs!.ci!.job_completion_trigger_condition = {
      condition: { job_id: 500, project_id: 270542, statuses: [10, 40] },
    } as never;
    const error = (await createJobsAsCode(dbt)
      .plan(bad)
      .catch((e: unknown) => e)) as JobsConfigError;
    expect(error.issues).toEqual([
      {
        field: 'jobs.ci.job_completion_trigger_condition.condition.statuses[1]',
        message: 'must be one of 10, 20, 30, got 40',
      },
    ]);
  });

  it('reads templated strings as numbers and booleans', async () => {
    const templated = config();
    Object.assign(templated.jobs!.nightly!, { project_id: '270542', environment_id: '218762' });
    templated.jobs!.nightly!.triggers = { github_webhook: 'False' as never, schedule: 'true' as never };
    const plan = await createJobsAsCode(dbt).plan(templated);
    const body = sentFields(plan.changes.find((c) => c.identifier === 'nightly')!);
    expect(body).toMatchObject({ project_id: 270542, triggers: { github_webhook: false, schedule: true } });
  });

  it('refuses a file for another account', async () => {
    const other = config();
    other.account_id = 1;
    other.jobs!.nightly!.account_id = 1;
    await expect(createJobsAsCode(dbt).plan(other)).rejects.toThrow(
      /jobs\.nightly\.account_id: is 1, but the client works on account 43786/,
    );
  });

  it('refuses a name whose marker disagrees with the key', async () => {
    const other = config();
    other.jobs!.nightly!.name = 'Nightly [[daily]]';
    await expect(createJobsAsCode(dbt).plan(other)).rejects.toThrow(
      /carries the marker \[\[daily\]\] but the job's key is nightly/,
    );
  });
});

describe('runtime neutrality', () => {
  it('keeps Node built-ins out of everything but the file loader', async () => {
    const folder = join(import.meta.dirname, '..', '..', 'src', 'jobs-as-code');
    const files = (await readdir(folder)).filter((name) => name.endsWith('.ts') && name !== 'load.ts');
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const text = await readFile(join(folder, name), 'utf8');
      expect(text, name).not.toMatch(/from '(node:|fs|path|os)|from '\.\/load\.js'|from '(yaml|tinyglobby)'/);
    }
  });
});

describe('validate, import, link, unlink, deactivate', () => {
  it('validates online: missing project, environment of another project, missing deferral job', async () => {
    const bad = config();
    Object.assign(bad.jobs!.nightly!, { project_id: 1, deferring_job_definition_id: 77 });
    const issues = await createJobsAsCode(dbt).validateConfig(bad, { online: true });
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      'jobs.nightly.project_id: project 1 does not exist',
      'jobs.nightly.environment_id: environment 218762 belongs to project 270542',
      'jobs.nightly.deferring_job_definition_id: job 77 does not exist',
    ]);
    expect(await createJobsAsCode(dbt).validateConfig(config(), { online: true })).toEqual([]);
  });

  it('imports existing jobs as a config that plans without change', async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
    cloud.seedJob({ name: 'Made in the UI', settings: { threads: 2, target_name: 'ui' } });
    const imported = await createJobsAsCode(dbt).importConfig();
    expect(Object.keys(imported.jobs!).sort()).toEqual(['ci', 'import_3', 'nightly']);
    expect(imported.jobs!.nightly!.name).toBe('Nightly build');
    expect(imported.jobs!.nightly!.custom_environment_variables).toEqual([
      { DBT_FULL_REFRESH: 'false' },
      { DBT_TARGET_SCHEMA: 'analytics' },
    ]);
    const managed = await createJobsAsCode(dbt).importConfig({ managedOnly: true });
    expect(Object.keys(managed.jobs!).sort()).toEqual(['ci', 'nightly']);
    expect((await createJobsAsCode(dbt).plan(managed)).changes).toEqual([]);
  });

  it('links a job by linked_id, after which the plan sees it as managed; unlink removes the marker', async () => {
    const existing = cloud.seedJob({ name: 'Nightly build', environment_id: 218762 });
    const linking = config();
    delete linking.jobs!.ci;
    linking.jobs!.nightly!.linked_id = existing;
    const dry = await createJobsAsCode(dbt).link(linking, { dryRun: true });
    expect(dry).toEqual([
      { jobId: existing, identifier: 'nightly', from: 'Nightly build', to: 'Nightly build [[nightly]]', done: false },
    ]);
    expect(cloud.jobs.get(existing)!.name).toBe('Nightly build');
    await createJobsAsCode(dbt).link(linking);
    expect(cloud.jobs.get(existing)!.name).toBe('Nightly build [[nightly]]');
    const plan = await createJobsAsCode(dbt).plan(linking);
    expect(plan.changes.map((c) => [c.action, c.jobId])).toEqual([['update', existing]]);

    const unlinked = await createJobsAsCode(dbt).unlink({ identifiers: ['nightly'] });
    expect(unlinked.map((c) => [c.jobId, c.to, c.done])).toEqual([[existing, 'Nightly build', true]]);
    expect(cloud.jobs.get(existing)!.name).toBe('Nightly build');
  });

  it('deactivates jobs by id: every trigger off, the rest kept', async () => {
    const id = cloud.seedJob({ name: 'Hourly', triggers: { schedule: true, github_webhook: false } });
    const other = cloud.seedJob({ name: 'Other', triggers: { schedule: true, github_webhook: false } });
    const result = await createJobsAsCode(dbt).deactivate({ jobIds: [id] });
    expect(result).toEqual([{ jobId: id, name: 'Hourly', done: true, alreadyInactive: false }]);
    expect(cloud.jobs.get(id)!.triggers).toMatchObject({ schedule: false, github_webhook: false, on_merge: false });
    expect(cloud.jobs.get(id)!.name).toBe('Hourly');
    expect((cloud.jobs.get(other)!.triggers as { schedule: boolean }).schedule).toBe(true);
  });
});
