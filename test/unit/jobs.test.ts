import { describe, expect, it } from 'vitest';
import { LookupError, ValidationError, type JobCreate, type JobDefinition } from '../../src/index.js';
import {
  json,
  ok,
  scriptedFetch,
  bodyOf,
  listBody,
  queryOf,
  requestLine,
  scriptedClient,
} from '../support/scripted.js';
import { JobCreateFields } from '../../generated/fields.js';

const list = listBody;

const setup = (steps: Parameters<typeof scriptedFetch>[0]) => scriptedClient(steps);

const line = requestLine;
const query = queryOf;

/** A job as GET answers it: what a create accepts plus everything the API sets. */
const sourceJob = {
  id: 567183,
  account_id: 43786,
  project_id: 270542,
  environment_id: 218762,
  name: 'Nightly build',
  description: 'Builds everything',
  dbt_version: null,
  deferring_environment_id: 218700,
  deferring_job_definition_id: 567100,
  job_completion_trigger_condition: null,
  execute_steps: ['dbt build', 'dbt docs generate'],
  execution: { timeout_seconds: 3600 },
  generate_docs: true,
  generate_sources: false,
  run_generate_sources: false,
  job_type: 'scheduled',
  lifecycle_webhooks: false,
  run_compare_changes: false,
  run_lint: false,
  errors_on_lint_failure: true,
  settings: { threads: 4, target_name: 'prod' },
  state: 1,
  triggers_on_draft_pr: false,
  triggers: { github_webhook: false, git_provider_webhook: false, schedule: true, on_merge: false },
  schedule: {
    cron: '0 2 * * *',
    date: { type: 'custom_cron', cron: '0 2 * * *' },
    time: { type: 'every_hour', interval: 1 },
  },
  // Set by the API; a create must not carry them.
  created_at: '2026-01-02T03:04:05Z',
  updated_at: '2026-02-03T04:05:06Z',
  next_run: '2026-11-24T02:00:00Z',
  next_run_humanized: 'in 16 hours',
  most_recent_run: { id: 70403103, status: 10 },
  most_recent_completed_run: { id: 70403103, status: 10 },
  cron_humanized: 'At 02:00 AM',
  is_deferrable: true,
  is_system: false,
  deactivated: false,
  run_failure_count: 0,
  raw_dbt_version: null,
};

const readOnly = [
  'id',
  'created_at',
  'updated_at',
  'next_run',
  'next_run_humanized',
  'most_recent_run',
  'most_recent_completed_run',
  'cron_humanized',
  'is_deferrable',
  'is_system',
  'deactivated',
  'run_failure_count',
  'raw_dbt_version',
];

/** The source job's fields that a create accepts, without its place. */
const { id: _id, account_id: _a, project_id: _p, environment_id: _e, ...rest } = sourceJob;
const portable = Object.fromEntries(Object.entries(rest).filter(([key]) => !readOnly.includes(key)));

describe('dbt.jobs basics', () => {
  it('gets a job', async () => {
    const { dbt, requests } = setup([ok(sourceJob)]);
    expect((await dbt.jobs.get(567183)).name).toBe('Nightly build');
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/jobs/567183/']);
  });

  it('lists jobs of a project and environment across pages', async () => {
    const { dbt, requests } = setup((request) => {
      const offset = Number(new URL(request.url).searchParams.get('offset'));
      const data = offset === 0 ? [{ id: 1 }, { id: 2 }] : [{ id: 3 }];
      return json({ data, extra: { pagination: { count: data.length, total_count: 3 } }, status: { code: 200 } });
    });
    const jobs = await dbt.jobs
      .list({ projectId: 270542, environmentId: 218762, orderBy: '-id', pageSize: 2 })
      .toArray();
    expect(jobs.map((j) => j.id)).toEqual([1, 2, 3]);
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/jobs/', 'GET /api/v2/accounts/43786/jobs/']);
    expect(query(requests[0]!)).toEqual({
      project_id: '270542',
      environment_id: '218762',
      order_by: '-id',
      limit: '2',
      offset: '0',
    });
    expect(query(requests[1]!)).toMatchObject({ project_id: '270542', environment_id: '218762', offset: '2' });
  });

  it('refuses a bad list filter before sending anything', () => {
    const { dbt, requests } = setup([list([])]);
    expect(() => dbt.jobs.list({ projectId: 0 })).toThrow(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it('creates a job with a POST carrying the account id', async () => {
    const { dbt, requests } = setup([ok({ ...sourceJob, id: 600000 })]);
    const job = { project_id: 270542, environment_id: 218762, name: 'CI', execute_steps: ['dbt build'] } as JobCreate;
    expect((await dbt.jobs.create(job)).id).toBe(600000);
    expect(requests.map(line)).toEqual(['POST /api/v2/accounts/43786/jobs/']);
    expect(bodyOf(requests[0]!)).toEqual({ ...job, account_id: 43786 });
  });

  it.each<[string, unknown, string]>([
    ['no name', { project_id: 1, environment_id: 2 }, 'job.name'],
    ['no project', { name: 'x', environment_id: 2 }, 'job.project_id'],
    ['a bad environment', { name: 'x', project_id: 1, environment_id: '2' }, 'job.environment_id'],
    ['a list', [], 'job'],
  ])('refuses to create a job with %s, sending nothing', async (_, job, field) => {
    const { dbt, requests } = setup([ok(sourceJob)]);
    await expect(dbt.jobs.create(job as JobCreate)).rejects.toMatchObject({ name: 'ValidationError', field });
    expect(requests).toHaveLength(0);
  });

  it('updates a job with a POST to the job, sending only writable fields plus id and account', async () => {
    const { dbt, requests } = setup([ok(sourceJob)]);
    await dbt.jobs.update(567183, { ...sourceJob, name: 'Renamed' } as never);
    expect(requests.map(line)).toEqual(['POST /api/v2/accounts/43786/jobs/567183/']);
    const body = bodyOf(requests[0]!);
    expect(body).toEqual({
      ...portable,
      name: 'Renamed',
      id: 567183,
      account_id: 43786,
      project_id: 270542,
      environment_id: 218762,
    });
    for (const field of readOnly.filter((f) => f !== 'id')) expect(body).not.toHaveProperty(field);
  });

  it('deletes a job with DELETE', async () => {
    const { dbt, requests } = setup([ok({ ...sourceJob, state: 2 })]);
    await expect(dbt.jobs.delete(567183)).resolves.toBeUndefined();
    expect(requests.map(line)).toEqual(['DELETE /api/v2/accounts/43786/jobs/567183/']);
    expect(requests[0]!.body).toBe('');
  });

  it('reruns a job with a POST to …/rerun/', async () => {
    const { dbt, requests } = setup([ok({ id: 70403110, status: 1 })]);
    expect((await dbt.jobs.rerun(567183)).id).toBe(70403110);
    expect(requests.map(line)).toEqual(['POST /api/v2/accounts/43786/jobs/567183/rerun/']);
  });

  it.each(['get', 'delete', 'rerun', 'copy', 'export'] as const)(
    '%s refuses a bad job id before sending anything',
    async (method) => {
      const { dbt, requests } = setup([ok(sourceJob)]);
      await expect((dbt.jobs[method] as (id: unknown) => Promise<unknown>)(1.5)).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'jobId',
      });
      expect(requests).toHaveLength(0);
    },
  );
});

describe('dbt.jobs.findByName', () => {
  const projects = [
    { id: 1, name: 'Analytics' },
    { id: 2, name: 'Marketing' },
  ];
  const environments = [
    { id: 10, name: 'Production', project_id: 1 },
    { id: 11, name: 'Staging', project_id: 1 },
  ];
  const jobs = [
    { id: 100, name: 'Nightly', environment_id: 10, project_id: 1 },
    { id: 101, name: 'Hourly', environment_id: 10, project_id: 1 },
    { id: 102, name: 'Hourly', environment_id: 10, project_id: 1 },
  ];
  const server = (data: { projects?: unknown[]; environments?: unknown[]; jobs?: unknown[] } = {}) =>
    setup((request) => {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/projects/')) return list(data.projects ?? projects);
      if (path.endsWith('/environments/')) return list(data.environments ?? environments);
      if (path.endsWith('/jobs/')) return list(data.jobs ?? jobs);
      return json({}, 404);
    });

  it('resolves project → environment → job through three list calls', async () => {
    const { dbt, requests } = server();
    const job = await dbt.jobs.findByName({ project: 'Analytics', environment: 'Production', job: 'Nightly' });
    expect(job.id).toBe(100);
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/projects/',
      'GET /api/v2/accounts/43786/environments/',
      'GET /api/v2/accounts/43786/jobs/',
    ]);
    expect(query(requests[1]!)).toMatchObject({ project_id: '1' });
    expect(query(requests[2]!)).toMatchObject({ project_id: '1', environment_id: '10' });
  });

  it('throws LookupError with no candidates when no project has the name', async () => {
    const { dbt, requests } = server();
    const error = await dbt.jobs
      .findByName({ project: 'Finance', environment: 'Production', job: 'Nightly' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect(error).toMatchObject({ kind: 'project', wanted: 'Finance', candidates: [] });
    expect(requests).toHaveLength(1);
  });

  it('throws LookupError for an environment of another name', async () => {
    const { dbt } = server();
    const error = await dbt.jobs
      .findByName({ project: 'Analytics', environment: 'Prod', job: 'Nightly' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect(error).toMatchObject({ kind: 'environment', candidates: [] });
  });

  it('throws LookupError listing the candidates when several jobs share the name', async () => {
    const { dbt } = server();
    const error = await dbt.jobs
      .findByName({ project: 'Analytics', environment: 'Production', job: 'Hourly' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect(error.kind).toBe('job');
    expect(error.candidates).toEqual([
      { id: 101, name: 'Hourly' },
      { id: 102, name: 'Hourly' },
    ]);
    expect(error.message).toContain('101, 102');
  });

  it('throws LookupError when two projects share the name', async () => {
    const { dbt } = server({ projects: [...projects, { id: 3, name: 'Analytics' }] });
    const error = await dbt.jobs
      .findByName({ project: 'Analytics', environment: 'Production', job: 'Nightly' })
      .catch((e) => e);
    expect(error).toMatchObject({
      kind: 'project',
      candidates: [
        { id: 1, name: 'Analytics' },
        { id: 3, name: 'Analytics' },
      ],
    });
  });

  it('refuses an empty name before sending anything', async () => {
    const { dbt, requests } = server();
    await expect(dbt.jobs.findByName({ project: 'Analytics', environment: '', job: 'Nightly' })).rejects.toMatchObject({
      field: 'environment',
    });
    expect(requests).toHaveLength(0);
  });
});

describe('dbt.jobs.copy', () => {
  it('with dryRun returns only create fields, moved to the target, renamed, with changes applied, and sends no POST', async () => {
    const { dbt, requests } = setup([ok(sourceJob)]);
    const triggers = { github_webhook: false, git_provider_webhook: false, schedule: false, on_merge: true };
    const body = (await dbt.jobs.copy(567183, {
      projectId: 270999,
      environmentId: 218999,
      name: 'Nightly build (prod)',
      changes: { triggers, description: 'Promoted', id: 1, next_run: 'x' } as never,
      dryRun: true,
    })) as Record<string, unknown>;
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/jobs/567183/']);
    const {
      deferring_environment_id: _d1,
      deferring_job_definition_id: _d2,
      job_completion_trigger_condition: _d3,
      ...withoutDeferral
    } = portable;
    expect(body).toEqual({
      ...withoutDeferral,
      account_id: 43786,
      project_id: 270999,
      environment_id: 218999,
      name: 'Nightly build (prod)',
      description: 'Promoted',
      triggers,
    });
    for (const field of readOnly) expect(body).not.toHaveProperty(field);
    for (const field of Object.keys(body)) expect(JobCreateFields).toContain(field);
  });

  it('keeps deferral when the environment stays the same', async () => {
    const { dbt } = setup([ok(sourceJob)]);
    const body = (await dbt.jobs.copy(567183, { name: 'Copy', dryRun: true })) as Record<string, unknown>;
    expect(body).toEqual({ ...portable, account_id: 43786, project_id: 270542, environment_id: 218762, name: 'Copy' });
  });

  it('keeps new deferral given in changes when the environment changes', async () => {
    const { dbt } = setup([ok(sourceJob)]);
    const body = (await dbt.jobs.copy(567183, {
      environmentId: 218999,
      changes: { deferring_environment_id: 218998 },
      dryRun: true,
    })) as Record<string, unknown>;
    expect(body.deferring_environment_id).toBe(218998);
    expect(body).not.toHaveProperty('deferring_job_definition_id');
    expect(body.name).toBe('Nightly build');
  });

  it('without dryRun POSTs that body to create the job', async () => {
    const { dbt, requests } = setup([ok(sourceJob), ok({ ...sourceJob, id: 600001 })]);
    const preview = await setup([ok(sourceJob)]).dbt.jobs.copy(567183, {
      environmentId: 218999,
      name: 'Prod',
      dryRun: true,
    });
    const created = await dbt.jobs.copy(567183, { environmentId: 218999, name: 'Prod' });
    expect((created as { id: number }).id).toBe(600001);
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/jobs/567183/',
      'POST /api/v2/accounts/43786/jobs/',
    ]);
    expect(bodyOf(requests[1]!)).toEqual(preview);
  });

  it.each<[string, object, string]>([
    ['projectId 0', { projectId: 0 }, 'projectId'],
    ['environmentId -1', { environmentId: -1 }, 'environmentId'],
    ['an empty name', { name: '' }, 'name'],
    ['changes that are not an object', { changes: [] }, 'changes'],
    ['a non-boolean dryRun', { dryRun: 'yes' }, 'dryRun'],
  ])('refuses %s before sending anything', async (_, options, field) => {
    const { dbt, requests } = setup([ok(sourceJob), ok(sourceJob)]);
    await expect(dbt.jobs.copy(567183, options as never)).rejects.toMatchObject({ name: 'ValidationError', field });
    expect(requests).toHaveLength(0);
  });
});

describe('dbt.jobs.export / import', () => {
  it('exports a portable definition without ids, place or deferral', async () => {
    const { dbt, requests } = setup([ok(sourceJob)]);
    const definition = await dbt.jobs.export(567183);
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/jobs/567183/']);
    const {
      deferring_environment_id: _d1,
      deferring_job_definition_id: _d2,
      job_completion_trigger_condition: _d3,
      ...job
    } = portable;
    expect(definition).toEqual({ format: 'dbt-cloud-ts/job@1', job });
    for (const field of ['id', 'account_id', 'project_id', 'environment_id', ...readOnly])
      expect(definition.job).not.toHaveProperty(field);
  });

  it('imports a definition into a target project and environment', async () => {
    const { dbt, requests } = setup([ok(sourceJob), ok({ ...sourceJob, id: 600002 })]);
    const definition = await dbt.jobs.export(567183);
    const created = await dbt.jobs.import(definition, { projectId: 300001, environmentId: 400001, name: 'Imported' });
    expect((created as { id: number }).id).toBe(600002);
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/jobs/567183/',
      'POST /api/v2/accounts/43786/jobs/',
    ]);
    expect(bodyOf(requests[1]!)).toEqual({
      ...definition.job,
      account_id: 43786,
      project_id: 300001,
      environment_id: 400001,
      name: 'Imported',
    });
  });

  it('with dryRun returns the body and sends nothing', async () => {
    const { dbt, requests } = setup([ok(sourceJob)]);
    const definition: JobDefinition = {
      format: 'dbt-cloud-ts/job@1',
      job: { name: 'Nightly', execute_steps: ['dbt build'] } as JobDefinition['job'],
    };
    const body = await dbt.jobs.import(definition, { projectId: 3, environmentId: 4, dryRun: true });
    expect(body).toEqual({
      name: 'Nightly',
      execute_steps: ['dbt build'],
      account_id: 43786,
      project_id: 3,
      environment_id: 4,
    });
    expect(requests).toHaveLength(0);
  });

  it.each<[string, unknown, unknown, string]>([
    [
      'a wrong format',
      { format: 'dbt-cloud-ts/job@2', job: { name: 'x' } },
      { projectId: 3, environmentId: 4 },
      'definition.format',
    ],
    ['no format', { job: { name: 'x' } }, { projectId: 3, environmentId: 4 }, 'definition.format'],
    ['no job', { format: 'dbt-cloud-ts/job@1' }, { projectId: 3, environmentId: 4 }, 'definition.job'],
    [
      'a bad project',
      { format: 'dbt-cloud-ts/job@1', job: { name: 'x' } },
      { projectId: 0, environmentId: 4 },
      'projectId',
    ],
    ['no environment', { format: 'dbt-cloud-ts/job@1', job: { name: 'x' } }, { projectId: 3 }, 'environmentId'],
  ])('refuses an import with %s, sending nothing', async (_, definition, target, field) => {
    const { dbt, requests } = setup([ok(sourceJob)]);
    const error = await dbt.jobs.import(definition as JobDefinition, target as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(requests).toHaveLength(0);
  });
});
