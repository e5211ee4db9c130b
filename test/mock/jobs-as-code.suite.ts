// Jobs as code against the stateful mock behind Prism's validating proxy: every request the plan/apply code
// sends and every answer it reads is checked against the spec, and the mock keeps jobs and job-level environment
// variable overrides between calls, as dbt Cloud does. test/mock/stateful.test.ts registers this suite on its own mock
// (one Prism start fewer; Prism takes about 10 s of CPU to start) and then checks that Prism saw no violation.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud, type JobsConfig, type JobsPlan } from '../../src/index.js';
import { PlanStaleError, createJobsAsCode } from '../../src/jobs.js';
import { loadJobsConfig, toJobsYaml, type MockServer } from '../../src/node.js';
import { runCli } from '../support/cli.js';
import { apiClient } from './support.js';

const examples = join(import.meta.dirname, '..', '..', 'examples', 'jobs');
const token = 'dbtc_jobs_as_code_mock_token';

let mock: MockServer;
let dbt: DbtCloud;
let api: ReturnType<typeof apiClient>;
let scratch: string;

/** Two managed jobs in the production environment, one with a job-level override. */
const config = (threads = 8, schema = 'analytics'): JobsConfig =>
  ({
    account_id: 43786,
    jobs: {
      nightly_marts: {
        project_id: 270542,
        environment_id: 218762,
        name: 'Nightly marts',
        execute_steps: ['dbt build --select marts+'],
        generate_docs: false,
        run_generate_sources: false,
        settings: { threads, target_name: 'prod' },
        triggers: { github_webhook: false, schedule: true },
        schedule: { cron: '0 4 * * *' },
        custom_environment_variables: [{ DBT_TARGET_SCHEMA: schema }],
      },
      staging_check: {
        project_id: 270542,
        environment_id: 218764,
        name: 'Staging check',
        execute_steps: ['dbt build --select state:modified+'],
        generate_docs: false,
        run_generate_sources: false,
        job_type: 'ci',
        settings: { threads: 4, target_name: 'staging' },
        triggers: { github_webhook: false, schedule: false },
      },
    },
  }) as JobsConfig;

/** Jobs dbt Cloud holds now, by name (deleted ones left out). */
async function jobsByName() {
  const jobs = await dbt.jobs.list().toArray();
  return new Map(jobs.map((job) => [job.name, job]));
}

/** Applies the plan and expects every change to succeed (naming the ones that failed, and why). */
async function applyAll(plan: Promise<JobsPlan> | JobsPlan) {
  const result = await createJobsAsCode(dbt).apply(await plan);
  expect(
    result.failed.map(
      (failed) =>
        `${failed.identifier}: ${failed.error.message} ${JSON.stringify((failed.error as { body?: unknown }).body)}`,
    ),
  ).toEqual([]);
  return result;
}

async function overridesOf(jobId: number) {
  const answer = await api(
    'GET',
    `/api/v3/accounts/43786/projects/270542/environment-variables/job/?job_definition_id=${jobId}`,
  );
  expect(answer.status, answer.text).toBe(200);
  return answer.body.data as Record<string, { job?: { id: number; value: string } }>;
}

/** Registers the suite on a running stateful mock (`mockOf` is called once the mock has started). */
export function describeJobsAsCode(mockOf: () => MockServer): void {
  describe('jobs as code against the stateful mock', () => {
    beforeAll(async () => {
      mock = mockOf();
      dbt = createDbtCloud({ token, accountId: 43786, host: mock.url, maxRetries: 0 });
      api = apiClient(mock.url);
      scratch = await mkdtemp(join(tmpdir(), 'jobs-as-code-mock-'));
    });

    afterAll(async () => {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    });

    beforeEach(async () => {
      await mock.reset();
    });

    it('lists every job as dbt-jobs-as-code reads it (it parses each job of the account and stops at a null)', async () => {
      const answer = await api('GET', '/jobs/?limit=100');
      expect(answer.status, answer.text).toBe(200);
      const jobs = answer.body.data as Array<Record<string, unknown>>;
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) {
        const triggers = job.triggers as Record<string, unknown>;
        expect(typeof job.description, `job ${job.id}: description`).toBe('string');
        expect(typeof job.job_type, `job ${job.id}: job_type`).toBe('string');
        expect(typeof job.compare_changes_flags, `job ${job.id}`).toBe('string');
        expect(typeof job.triggers_on_draft_pr, `job ${job.id}`).toBe('boolean');
        expect(Array.isArray(job.cost_optimization_features), `job ${job.id}`).toBe(true);
        expect(typeof triggers.github_webhook, `job ${job.id}`).toBe('boolean');
        if (!['ci', 'merge'].includes(job.job_type as string)) expect(job.schedule, `job ${job.id}`).toBeTruthy();
      }
      expect(answer.body.extra).toMatchObject({
        filters: { limit: 100, offset: 0 },
        pagination: { total_count: expect.any(Number) },
      });
    });

    it('applies from empty, plans exactly one changed field and override, applies it, then plans nothing', async () => {
      const first = await createJobsAsCode(dbt).plan(config());
      expect(first.changes.map((change) => [change.action, change.identifier])).toEqual([
        ['create', 'nightly_marts'],
        ['create', 'staging_check'],
      ]);
      await applyAll(first);

      const jobs = await jobsByName();
      const nightly = jobs.get('Nightly marts [[nightly_marts]]')!;
      expect(nightly).toMatchObject({ project_id: 270542, environment_id: 218762, settings: { threads: 8 } });
      expect(jobs.get('Staging check [[staging_check]]')?.environment_id).toBe(218764);
      // The override is a job-level value of the mock, seen by that job only.
      expect((await overridesOf(nightly.id)).DBT_TARGET_SCHEMA?.job?.value).toBe('analytics');
      expect(await overridesOf(jobs.get('Staging check [[staging_check]]')!.id)).toEqual({});
      // The seeded jobs carry no marker: they are not managed and stay as they were.
      expect(jobs.get('Nightly build')?.id).toBe(567183);

      expect((await createJobsAsCode(dbt).plan(config())).changes).toEqual([]);

      const changed = await createJobsAsCode(dbt).plan(config(16, 'analytics_v2'));
      expect(changed.changes).toHaveLength(1);
      const [update] = changed.changes;
      expect(update).toMatchObject({ action: 'update', identifier: 'nightly_marts', jobId: nightly.id });
      expect(update!.differences).toEqual([{ field: 'settings.threads', old: 8, new: 16 }]);
      expect(update!.envVars).toMatchObject([
        { action: 'update', name: 'DBT_TARGET_SCHEMA', old: 'analytics', new: 'analytics_v2' },
      ]);
      await applyAll(changed);

      expect((await dbt.jobs.get(nightly.id)).settings.threads).toBe(16);
      expect((await overridesOf(nightly.id)).DBT_TARGET_SCHEMA?.job?.value).toBe('analytics_v2');
      expect((await createJobsAsCode(dbt).plan(config(16, 'analytics_v2'))).changes).toEqual([]);

      // An override that left the file is deleted with the job's next apply.
      const withoutOverride = config(16);
      delete (withoutOverride.jobs!.nightly_marts as Record<string, unknown>).custom_environment_variables;
      const dropped = await createJobsAsCode(dbt).plan(withoutOverride);
      expect(dropped.changes.map((change) => change.envVars)).toMatchObject([[{ action: 'delete' }]]);
      await applyAll(dropped);
      expect(await overridesOf(nightly.id)).toEqual({});
      expect((await createJobsAsCode(dbt).plan(withoutOverride)).changes).toEqual([]);
    });

    it('lists the delete of a managed job that left the files, and deletes it only with allowDelete', async () => {
      const unmanaged = [...(await jobsByName()).keys()];
      expect(unmanaged.length).toBeGreaterThan(0);
      await applyAll(createJobsAsCode(dbt).plan(config()));
      const onlyNightly = config();
      delete onlyNightly.jobs!.staging_check;

      const cautious = await createJobsAsCode(dbt).plan(onlyNightly);
      expect(cautious.changes.map((change) => [change.action, change.identifier])).toEqual([
        ['delete', 'staging_check'],
      ]);
      await createJobsAsCode(dbt).apply(cautious);
      expect((await jobsByName()).has('Staging check [[staging_check]]')).toBe(true);

      const allowed = await createJobsAsCode(dbt).plan(onlyNightly, { allowDelete: true });
      await applyAll(allowed);
      const after = await jobsByName();
      expect(after.has('Staging check [[staging_check]]')).toBe(false);
      // Unmanaged jobs are never deleted, whatever the files say.
      expect([...after.keys()].filter((name) => !name.includes('[['))).toEqual(unmanaged);
      expect((await createJobsAsCode(dbt).plan(onlyNightly, { allowDelete: true })).changes).toEqual([]);
    });

    it('refuses a saved plan after dbt Cloud changed (a job or an override), and sends nothing', async () => {
      await applyAll(createJobsAsCode(dbt).plan(config()));
      const nightly = (await jobsByName()).get('Nightly marts [[nightly_marts]]')!;

      const saved = JSON.parse(JSON.stringify(await createJobsAsCode(dbt).plan(config(12))));
      await dbt.jobs.update(nightly.id, { ...nightly, description: 'changed by hand' } as never);
      await expect(createJobsAsCode(dbt).apply(saved)).rejects.toBeInstanceOf(PlanStaleError);
      expect((await dbt.jobs.get(nightly.id)).settings.threads).toBe(8);

      const savedAgain = JSON.parse(JSON.stringify(await createJobsAsCode(dbt).plan(config(12))));
      const overrideId = (await overridesOf(nightly.id)).DBT_TARGET_SCHEMA!.job!.id;
      const edited = await api('POST', `/api/v3/accounts/43786/projects/270542/environment-variables/${overrideId}/`, {
        account_id: 43786,
        project_id: 270542,
        name: 'DBT_TARGET_SCHEMA',
        type: 'job',
        job_definition_id: nightly.id,
        raw_value: 'edited_by_hand',
      });
      expect(edited.status, edited.text).toBe(200);
      await expect(createJobsAsCode(dbt).apply(savedAgain)).rejects.toBeInstanceOf(PlanStaleError);
      expect((await dbt.jobs.get(nightly.id)).settings.threads).toBe(8);

      // A fresh plan of the same files applies.
      await applyAll(createJobsAsCode(dbt).plan(config(12)));
      expect((await dbt.jobs.get(nightly.id)).settings.threads).toBe(12);
    });

    it('says why dbt Cloud refused a change, field by field, and goes on with the others', async () => {
      const misplaced = config();
      misplaced.jobs!.staging_check!.environment_id = 999_999;
      const result = await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(misplaced));
      expect(result.success).toBe(false);
      expect(result.applied.map((change) => change.identifier)).toEqual(['nightly_marts']);
      expect(result.failed).toMatchObject([
        {
          identifier: 'staging_check',
          error: { name: 'BadRequestError', status: 400, details: expect.stringMatching(/^environment_id: .*999999/) },
        },
      ]);
    });

    it('reads templated files through a glob with a vars file, applies them, then plans nothing', async () => {
      const dir = join(scratch, 'globbed');
      await mkdir(join(dir, 'team'), { recursive: true });
      const job = (key: string, name: string) => `jobs:
    ${key}:
      account_id: 43786
      project_id: '{{ project_id }}'
      environment_id: '{{ environment_id }}'
      name: '${name} ({{ env_name }})'
      execute_steps: [dbt build --select ${key}]
      generate_docs: false
      run_generate_sources: false
      schedule: { cron: '0 5 * * *' }
      settings: { threads: '{{ threads }}', target_name: '{{ env_name }}' }
      triggers: { github_webhook: false, schedule: "{{ env_name == 'prod' }}" }
      custom_environment_variables:
        - DBT_SOURCE_DATABASE: '{{ env_name }}_raw'
  `;
      await writeFile(join(dir, 'finance.yml'), job('finance', 'Finance'));
      await writeFile(join(dir, 'team', 'marketing.yml'), job('marketing', 'Marketing'));
      await writeFile(join(dir, 'ignored.txt'), 'not a jobs file');
      const vars = join(scratch, 'vars_staging.yml');
      await writeFile(vars, 'env_name: staging\nproject_id: 270542\nenvironment_id: 218764\nthreads: 3\n');

      const loaded = await loadJobsConfig([join(dir, '**', '*.yml')], { vars: [vars] });
      expect(Object.keys(loaded.config.jobs!).sort()).toEqual(['finance', 'marketing']);
      await applyAll(createJobsAsCode(dbt).plan(loaded.config));
      const finance = (await jobsByName()).get('Finance (staging) [[finance]]')!;
      expect(finance).toMatchObject({
        environment_id: 218764,
        settings: { threads: 3 },
        triggers: { schedule: false },
      });
      expect((await overridesOf(finance.id)).DBT_SOURCE_DATABASE?.job?.value).toBe('staging_raw');
      expect((await createJobsAsCode(dbt).plan(loaded.config)).changes).toEqual([]);
    });

    const exampleCases: Array<[string, string[], string[]]> = [
      ['plain', ['jobs.yml'], []],
      ['templated with a vars file', ['jobs_templated.yml'], ['vars_qa.yml']],
      ['with anchors', ['jobs_with_anchors.yml'], []],
    ];
    it.each(exampleCases)('our example files (%s) apply, and import → plan shows no change', async (_, files, vars) => {
      const loaded = await loadJobsConfig(
        files.map((file) => join(examples, file)),
        { vars: vars.map((file) => join(examples, file)) },
      );
      await applyAll(createJobsAsCode(dbt).plan(loaded.config));
      expect((await createJobsAsCode(dbt).plan(loaded.config)).changes).toEqual([]);

      const file = join(scratch, `imported-${files[0]}`);
      await writeFile(file, toJobsYaml(await createJobsAsCode(dbt).importConfig({ managedOnly: true })));
      const reread = await loadJobsConfig([file]);
      expect(Object.keys(reread.config.jobs!).sort()).toEqual(Object.keys(loaded.config.jobs!).sort());
      expect((await createJobsAsCode(dbt).plan(reread.config)).changes).toEqual([]);
    });

    it('the CLI: plan --json exits 2 with the changes, apply exits 0, plan exits 0 with none', async () => {
      const file = join(scratch, 'cli-jobs.yml');
      await writeFile(file, toJobsYaml(config()));
      const env = { DBT_CLOUD_HOST: mock.url, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' };

      const planned = await runCli(['jobs', 'plan', file, '--json'], env);
      expect(planned.code, planned.stderr).toBe(2);
      const json = JSON.parse(planned.stdout);
      expect(json.changes.map((change: { action: string; identifier: string }) => change.identifier)).toEqual([
        'nightly_marts',
        'staging_check',
      ]);
      expect(json.env_var_overwrite_changes).toMatchObject([
        { action: 'CREATE', identifier: 'nightly_marts:DBT_TARGET_SCHEMA', differences: { new_value: 'analytics' } },
      ]);

      const applied = await runCli(['jobs', 'apply', file], env);
      expect(applied.code, applied.stderr).toBe(0);
      const again = await runCli(['jobs', 'plan', file, '--json'], env);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).changes).toEqual([]);
      expect(planned.stdout + planned.stderr + applied.stdout + applied.stderr).not.toContain(token);

      const state = await mock.state();
      expect(state?.violations.count).toBe(0);
    });
  });
}
