// dbt Cloud in a box, driven with plain fetch (no Prefer headers) through Prism's validating proxy with --errors:
// every engine answer that broke the spec would come back as a 500 and be counted in /__mock/state.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/node.js';
import { Engine } from '../../src/mock/engine.js';
import { describeJobsAsCode } from './jobs-as-code.suite.js';
import { describeLoad } from './load.suite.js';
import { apiClient, expectEnvelope } from './support.js';

let mock: MockServer;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  mock = await startMockServer({ stepPerPoll: true });
  api = apiClient(mock.url);
});

afterAll(async () => {
  await mock?.stop();
});

beforeEach(async () => {
  await mock.reset();
});

async function trigger(jobId: number, extra: Record<string, unknown> = {}) {
  const answer = await api('POST', `/jobs/${jobId}/run/`, { cause: 'from the test', ...extra });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.data as { id: number; status: number; trigger: { cause: string } };
}

/** Polls the run (one state per poll) until it ends; returns the statuses seen. */
async function pollToEnd(runId: number, include = 'run_steps') {
  const seen: number[] = [];
  for (let poll = 0; poll < 10; poll++) {
    const answer = await api('GET', `/runs/${runId}/?include_related=${include}`);
    expect(answer.status, answer.text).toBe(200);
    seen.push(answer.body.data.status);
    if (answer.body.data.is_complete) return { seen, run: answer.body.data };
  }
  return { seen, run: undefined };
}

describe('runs', () => {
  it('gives each trigger its own run, which get and list agree on, and walks it Queued → Starting → Running → Success', async () => {
    const first = await trigger(567183);
    const second = await trigger(567183);
    expect(first.id).not.toBe(second.id);
    expect(first.status).toBe(1);
    expect(first.trigger.cause).toBe('from the test');

    const { seen, run } = await pollToEnd(first.id);
    expect(seen).toEqual([2, 3, 10]);
    expect(run).toMatchObject({
      id: first.id,
      job_definition_id: 567183,
      status_humanized: 'Success',
      in_progress: false,
      is_complete: true,
      is_success: true,
      is_error: false,
      is_cancelled: false,
    });
    expect(run.started_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(run.finished_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(run.duration).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(run.run_steps.map((step: { name: string }) => step.name)).toEqual([
      'Clone git repository',
      'Create profile from connection Snowflake',
      'Invoke dbt with `dbt deps`',
      'Invoke dbt with `dbt source freshness`',
      'Invoke dbt with `dbt build`',
    ]);
    expect(run.run_steps.every((step: { status: number }) => step.status === 10)).toBe(true);

    const listed = await api('GET', `/runs/?pk=${first.id}`);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ id: first.id, status: 10 });
    const untouched = await api('GET', `/runs/?pk=${second.id}`);
    expect(untouched.body.data[0].status).toBe(1);
  });

  it('shows a running run in progress, with the step that is executing', async () => {
    const run = await trigger(567183);
    await api('GET', `/runs/${run.id}/`);
    const running = (await api('GET', `/runs/${run.id}/?include_related=run_steps,trigger,job,environment`)).body.data;
    expect(running).toMatchObject({ status: 3, status_humanized: 'Running', in_progress: true, is_running: true });
    expect(running.finished_at).toBeNull();
    expect(running.run_steps.at(-1).status).toBe(3);
    expect(running.trigger.cause).toBe('from the test');
    expect(running.job.id).toBe(567183);
    expect(running.environment.id).toBe(218762);
  });

  it('honours include_related: no steps, trigger or job unless asked for', async () => {
    const run = await trigger(567183);
    const plain = (await api('GET', `/runs/${run.id}/`)).body.data;
    expect(plain.run_steps).toEqual([]);
    expect(plain).not.toHaveProperty('trigger');
    expect(plain).not.toHaveProperty('job');
  });

  it('fails the failing job in its dbt build step, with a log that says why, and failure details and artifacts that agree', async () => {
    const run = await trigger(567184);
    const { seen, run: failed } = await pollToEnd(run.id);
    expect(seen).toEqual([2, 3, 20]);
    expect(failed).toMatchObject({ is_error: true, status_humanized: 'Error', can_retry: true });
    expect(failed.status_message).toContain("invalid identifier 'PAYMENTS.AMOUNT_CENTS'");
    const step = failed.run_steps.at(-1);
    expect(step).toMatchObject({ status: 20, name: 'Invoke dbt with `dbt build --select state:modified+`' });
    expect(step.logs).toContain('Database Error in model fct_orders');

    const fetched = await api('GET', `/steps/${step.id}/`);
    expect(fetched.body.data).toMatchObject({ id: step.id, status: 20, run_id: run.id });

    const details = await api('GET', `/runs/${run.id}/retry/`);
    expect(details.body.data).toEqual({ failed_step: 'dbt build --select state:modified+', skipped_steps: [] });

    const results = await api('GET', `/runs/${run.id}/artifacts/run_results.json`);
    expect(results.status).toBe(200);
    const failing = results.body.results.filter((result: { status: string }) => result.status === 'error');
    expect(failing).toHaveLength(1);
    expect(failing[0].message).toContain('PAYMENTS.AMOUNT_CENTS');
    expect(results.body.metadata.env.DBT_CLOUD_RUN_ID).toBe(String(run.id));
  });

  it('retries a failed run as a new run from the failed step, and reruns a job from its point of failure', async () => {
    const run = await trigger(567184);
    await pollToEnd(run.id);
    const retried = await api('POST', `/runs/${run.id}/retry/`);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body.data).toMatchObject({ status: 1, retrying_run_id: run.id, job_definition_id: 567184 });
    expect(retried.body.data.id).not.toBe(run.id);
    const { run: retriedEnd } = await pollToEnd(retried.body.data.id);
    expect(retriedEnd.status).toBe(10);
    expect(retriedEnd.run_steps.at(-1).name).toBe('Invoke dbt with `dbt build --select state:modified+`');

    // The failed run is no longer the job's latest: it cannot be retried again.
    const again = await api('POST', `/runs/${run.id}/retry/`);
    expectEnvelope(again, 400);
    // A successful run cannot be retried at all.
    const success = await api('POST', `/runs/${retried.body.data.id}/retry/`);
    expectEnvelope(success, 400);

    const failedAgain = await trigger(567184);
    await pollToEnd(failedAgain.id);
    const rerun = await api('POST', '/jobs/567184/rerun/');
    expect(rerun.status, rerun.text).toBe(200);
    expect(rerun.body.data.retrying_run_id).toBe(failedAgain.id);
    // The last run of 567183 succeeded: its rerun is a fresh full run.
    await pollToEnd((await trigger(567183)).id);
    const fresh = await api('POST', '/jobs/567183/rerun/');
    expect(fresh.body.data).toMatchObject({ status: 1, retrying_run_id: null, job_definition_id: 567183 });
  });

  it('keeps the long job running until it is cancelled, then shows it Cancelled everywhere', async () => {
    const run = await trigger(567185);
    const { seen, run: ended } = await pollToEnd(run.id);
    expect(ended).toBeUndefined(); // still running after ten polls
    expect(seen.slice(-3)).toEqual([3, 3, 3]);
    const cancelled = await api('POST', `/runs/${run.id}/cancel/`);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.data).toMatchObject({ id: run.id, status: 30, is_cancelled: true, is_complete: true });
    const fetched = (await api('GET', `/runs/${run.id}/?include_related=run_steps`)).body.data;
    expect(fetched.status).toBe(30);
    expect(fetched.run_steps.at(-1).status).toBe(30);
    const listed = await api('GET', '/runs/?status=30&job_definition_id=567185');
    expect(listed.body.data.map((r: { id: number }) => r.id)).toEqual([run.id]);
  });

  it('cancels a queued run before it starts', async () => {
    const run = await trigger(567183);
    const cancelled = await api('POST', `/runs/${run.id}/cancel/`);
    expect(cancelled.body.data).toMatchObject({ status: 30, started_at: null });
    expect((await api('GET', `/runs/${run.id}/`)).body.data.status).toBe(30);
  });

  it('times the long job out when the trigger sets a timeout', async () => {
    const run = await trigger(567185, { timeout_seconds_override: 60 });
    const { seen, run: ended } = await pollToEnd(run.id, 'run_steps');
    expect(seen).toEqual([2, 3, 20]);
    expect(ended.status_message).toContain('timed out');
    expect(ended.run_steps.at(-1)).toMatchObject({ status: 20 });
  });
});

describe('lists', () => {
  it('filters by job, status, status__in, project and environment, orders, and pages with a total count', async () => {
    const a = await trigger(567183);
    const b = await trigger(567184);
    const c = await trigger(567183);
    await pollToEnd(a.id);
    await pollToEnd(b.id);

    const byJob = await api('GET', '/runs/?job_definition_id=567183&order_by=-id');
    // 70403103 and 70403104 are the seeded history of job 567183.
    expect(byJob.body.data.map((r: { id: number }) => r.id)).toEqual([c.id, a.id, 70403104, 70403103]);
    expect(byJob.body.extra.pagination).toEqual({ count: 4, total_count: 4 });
    expect(byJob.body.extra.filters).toMatchObject({ job_definition_id: 567183, limit: 100, offset: 0 });

    const errors = await api('GET', '/runs/?status=20');
    expect(errors.body.data.map((r: { id: number }) => r.id).sort()).toEqual([70403104, b.id].sort());
    const unfinished = await api('GET', '/runs/?status__in=[1,2,3]');
    expect(unfinished.body.data.map((r: { id: number }) => r.id)).toEqual([c.id]);

    const page = await api('GET', '/runs/?order_by=id&limit=2&offset=1');
    expect(page.body.data.map((r: { id: number }) => r.id)).toEqual([70403104, a.id]);
    expect(page.body.extra.pagination).toEqual({ count: 2, total_count: 5 });

    const staging = await api('GET', '/runs/?environment_id=218764');
    expect(staging.body.data.map((r: { id: number }) => r.id)).toEqual([b.id]);
    const project = await api('GET', '/runs/?project_id=270542&limit=1');
    expect(project.body.extra.pagination.total_count).toBe(5);
    const none = await api('GET', '/runs/?project_id=999');
    expect(none.body.data).toEqual([]);

    const finished = await api('GET', '/runs/?job_definition_id=567183&order_by=-finished_at&limit=1');
    expect(finished.body.data[0].id).toBe(a.id);

    const newer = await api('GET', `/runs/?id__gt=${a.id}&include_related=trigger,job`);
    expect(newer.body.data.map((r: { id: number }) => r.id)).toEqual([b.id, c.id]);
    expect(newer.body.data[0].trigger.cause).toBe('from the test');
    expect(newer.body.data[0].job.id).toBe(567184);
    const some = await api('GET', `/runs/?pk__in=[${a.id},${c.id}]`);
    expect(some.body.data.map((r: { id: number }) => r.id)).toEqual([a.id, c.id]);
  });
});

describe('artifacts', () => {
  it('exist once the run has finished, as the files they are named after, nested paths included', async () => {
    const run = await trigger(567183);
    expectEnvelope(await api('GET', `/runs/${run.id}/artifacts/`), 404);
    expectEnvelope(await api('GET', `/runs/${run.id}/artifacts/manifest.json`), 404);
    await pollToEnd(run.id);

    const listing = await api('GET', `/runs/${run.id}/artifacts/`);
    expect(listing.body.data).toEqual(
      expect.arrayContaining(['run_results.json', 'manifest.json', 'catalog.json', 'sources.json']),
    );
    const manifest = await api('GET', `/runs/${run.id}/artifacts/manifest.json`);
    expect(manifest.body.metadata.dbt_schema_version).toContain('/manifest/');
    expect(manifest.body.nodes).toBeTypeOf('object');
    const catalog = await api('GET', `/runs/${run.id}/artifacts/catalog.json`);
    expect(catalog.body.metadata.dbt_schema_version).toContain('/catalog/');
    const sources = await api('GET', `/runs/${run.id}/artifacts/sources.json`);
    expect(sources.body.metadata.dbt_schema_version).toContain('/sources/');
    const results = await api('GET', `/runs/${run.id}/artifacts/run_results.json?step=5`);
    expect(results.body.metadata.dbt_schema_version).toContain('/run-results/');
    expect(results.body.results.every((r: { status: string }) => r.status !== 'error')).toBe(true);

    const nested = await api('GET', `/runs/${run.id}/artifacts/compiled/jaffle_shop/models/marts/orders.sql`);
    expect(nested.status).toBe(200);
    expect(nested.headers.get('content-type')).toContain('text/plain');
    expect(nested.text).toContain('select');

    const latest = await api('GET', '/jobs/567183/artifacts/run_results.json');
    expect(latest.body.metadata.env.DBT_CLOUD_RUN_ID).toBe(String(run.id));
    expectEnvelope(await api('GET', `/runs/${run.id}/artifacts/compiled/nope.sql`), 404);
    expectEnvelope(await api('GET', `/runs/${run.id}/artifacts/run_results.json?step=9`), 404);
    expectEnvelope(await api('GET', '/jobs/567185/artifacts/run_results.json'), 404);
  });
});

describe('unknown ids and bad input', () => {
  it.each([
    ['GET', '/runs/1/'],
    ['POST', '/runs/1/cancel/'],
    ['GET', '/runs/1/retry/'],
    ['POST', '/runs/1/retry/'],
    ['GET', '/steps/1/'],
    ['GET', '/runs/1/artifacts/'],
    ['GET', '/runs/1/artifacts/run_results.json'],
    ['GET', '/jobs/1/artifacts/manifest.json'],
    ['GET', '/jobs/1/'],
    ['POST', '/jobs/1/run/'],
    ['POST', '/jobs/1/rerun/'],
    ['DELETE', '/jobs/1/'],
    ['GET', '/projects/1/'],
    ['GET', '/environments/1/'],
  ])('%s %s is 404 with the error envelope', async (method, path) => {
    const body = method === 'POST' && path.endsWith('/run/') ? { cause: 'x' } : undefined;
    expectEnvelope(await api(method, path, body), 404);
  });

  it('answers a trigger without a cause with 400 and the field that is wrong', async () => {
    const answer = await api('POST', '/jobs/567183/run/', { git_branch: 'main' });
    expectEnvelope(answer, 400);
    expect(answer.body.data).toEqual({ cause: ['This field is required.'] });
  });

  it('answers a bad query parameter with 400', async () => {
    expectEnvelope(await api('GET', '/runs/?status=7'), 400);
  });

  it('answers a job in an environment of another project with 400', async () => {
    const project = await api('POST', '/projects/', { name: 'other' });
    const answer = await api('POST', '/jobs/', {
      account_id: 43786,
      project_id: project.body.data.id,
      environment_id: 218762,
      name: 'misplaced',
      execute_steps: ['dbt build'],
    });
    expectEnvelope(answer, 400);
    expect(answer.body.data).toHaveProperty('environment_id');
  });
});

describe('faults', () => {
  it('rate-limits the export job now and then with 429 and Retry-After, and answers 500 now and then', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let request = 0; request < 7; request++) {
      const answer = await api('GET', '/jobs/567186/');
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = answer.headers.get('retry-after');
      if (answer.status !== 200) expectEnvelope(answer, answer.status);
    }
    // Every 3rd request about the job is a 429, every 7th a 500 (the default scenario).
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429, 500]);
    expect(retryAfter).toBe('1');
  });
});

describe('jobs, projects and environments', () => {
  const job = {
    account_id: 43786,
    project_id: 270542,
    environment_id: 218764,
    name: 'Hourly build',
    execute_steps: ['dbt build --select tag:hourly'],
  };

  it('creates, reads, lists, updates and deletes a job, and each call sees the one before', async () => {
    const created = await api('POST', '/jobs/', job);
    expect(created.status, created.text).toBe(201);
    expect(created.body.status.code).toBe(201);
    const id = created.body.data.id;
    expect(created.body.data).toMatchObject({ ...job, state: 1 });

    expect((await api('GET', `/jobs/${id}/`)).body.data.name).toBe('Hourly build');
    const listed = await api('GET', '/jobs/?environment_id=218764');
    expect(listed.body.data.map((j: { id: number }) => j.id)).toContain(id);

    const whole = (await api('GET', `/jobs/${id}/`)).body.data;
    const updated = await api('POST', `/jobs/${id}/`, { ...whole, name: 'Hourly build (renamed)' });
    expect(updated.status, updated.text).toBe(200);
    expect((await api('GET', `/jobs/${id}/`)).body.data.name).toBe('Hourly build (renamed)');
    expectEnvelope(await api('POST', `/jobs/${id}/`, { ...whole, id: id + 1 }), 400);

    const run = await trigger(id);
    expect(run.status).toBe(1);
    const { run: ended } = await pollToEnd(run.id);
    expect(ended.run_steps.at(-1).name).toBe('Invoke dbt with `dbt build --select tag:hourly`');

    const deleted = await api('DELETE', `/jobs/${id}/`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toMatchObject({ id, name: 'Hourly build (renamed)', state: 2 });
    expectEnvelope(await api('GET', `/jobs/${id}/`), 404);
    const active = await api('GET', '/jobs/');
    expect(active.body.data.map((j: { id: number }) => j.id)).not.toContain(id);
    const gone = await api('GET', '/jobs/?state=deleted');
    expect(gone.body.data.map((j: { id: number; state: number }) => [j.id, j.state])).toEqual([[id, 2]]);
  });

  it('lists jobs by project, name and order, with a total count', async () => {
    const page = await api('GET', '/jobs/?order_by=-name&limit=2');
    expect(page.body.data.map((j: { name: string }) => j.name)).toEqual([
      'Nightly build',
      'Hourly export (rate-limited)',
    ]);
    expect(page.body.extra.pagination).toEqual({ count: 2, total_count: 4 });
    const named = await api('GET', '/jobs/?name__icontains=NIGHTLY');
    expect(named.body.data.map((j: { id: number }) => j.id)).toEqual([567183]);
  });

  it('creates, updates and deletes projects and environments', async () => {
    const project = await api('POST', '/projects/', { name: 'analytics' });
    expect(project.status, project.text).toBe(200);
    const projectId = project.body.data.id;
    const environment = await api('POST', '/environments/', {
      name: 'CI',
      project_id: projectId,
      type: 'deployment',
      dbt_version: '1.9.0-latest',
    });
    expect(environment.status, environment.text).toBe(200);
    const environmentId = environment.body.data.id;
    const inProject = await api('GET', `/environments/?project_id=${projectId}`);
    expect(inProject.body.data.map((e: { id: number }) => e.id)).toEqual([environmentId]);

    const renamed = await api('POST', `/environments/${environmentId}/`, {
      ...environment.body.data,
      name: 'CI (renamed)',
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await api('GET', `/environments/${environmentId}/`)).body.data.name).toBe('CI (renamed)');
    const project2 = await api('POST', `/projects/${projectId}/`, { name: 'analytics 2' });
    expect(project2.status, project2.text).toBe(200);
    expect((await api('GET', `/projects/${projectId}/`)).body.data.name).toBe('analytics 2');

    // A job in the new project and environment runs.
    const created = await api('POST', '/jobs/', {
      account_id: 43786,
      project_id: projectId,
      environment_id: environmentId,
      name: 'New project build',
      execute_steps: ['dbt build'],
    });
    expect(created.status, created.text).toBe(201);
    const run = await trigger(created.body.data.id);
    expect((await api('GET', `/runs/?project_id=${projectId}`)).body.data.map((r: { id: number }) => r.id)).toEqual([
      run.id,
    ]);

    const deletedEnvironment = await api('DELETE', `/environments/${environmentId}/`);
    expect(deletedEnvironment.status).toBe(200);
    expect(deletedEnvironment.body.data).toMatchObject({ id: environmentId, name: 'CI (renamed)', state: 2 });
    expectEnvelope(await api('GET', `/environments/${environmentId}/`), 404);
    const deletedProject = await api('DELETE', `/projects/${projectId}/`);
    expect(deletedProject.body.data).toMatchObject({ id: projectId, state: 2 });
    expect((await api('GET', '/projects/')).body.data.map((p: { id: number }) => p.id)).toEqual([270542]);
  });

  it('keeps environment variables (v3): a job sees its project default, its environment value and its own override', async () => {
    const variables = '/api/v3/accounts/43786/projects/270542/environment-variables';
    const value = (fields: Record<string, unknown>) => ({ account_id: 43786, project_id: 270542, ...fields });
    const create = async (fields: Record<string, unknown>) => {
      const answer = await api('POST', `${variables}/`, value(fields));
      expect(answer.status, answer.text).toBe(200);
      return answer.body.data as { id: number; display_value: string | null; type: string };
    };
    const seen = async (jobId: number) => {
      const answer = await api('GET', `${variables}/job/?job_definition_id=${jobId}`);
      expect(answer.status, answer.text).toBe(200);
      return answer.body.data;
    };

    expect(await seen(567183)).toEqual({});
    const projectDefault = await create({ name: 'DBT_TARGET_SCHEMA', type: 'project', raw_value: 'analytics' });
    const production = await create({
      name: 'DBT_TARGET_SCHEMA',
      type: 'environment',
      environment_id: 218762,
      raw_value: 'prod',
    });
    const override = await create({
      name: 'DBT_TARGET_SCHEMA',
      type: 'job',
      job_definition_id: 567183,
      raw_value: 'nightly',
    });
    const secret = await create({
      name: 'DBT_ENV_SECRET_TOKEN',
      type: 'job',
      job_definition_id: 567183,
      raw_value: 'do-not-show',
    });
    expect(override).toMatchObject({ type: 'job', display_value: 'nightly' });
    expect(secret.display_value).toBe('**********');
    expect(await seen(567183)).toEqual({
      DBT_TARGET_SCHEMA: {
        project: { id: projectDefault.id, value: 'analytics' },
        environment: { id: production.id, value: 'prod' },
        job: { id: override.id, value: 'nightly' },
      },
      DBT_ENV_SECRET_TOKEN: { job: { id: secret.id, value: '**********' } },
    });
    // A job of another environment (567184 is in staging) sees the project default only.
    expect(await seen(567184)).toEqual({
      DBT_TARGET_SCHEMA: { project: { id: projectDefault.id, value: 'analytics' } },
    });

    // A second override of the same name for the same job is refused; the existing one is updated instead.
    expectEnvelope(
      await api(
        'POST',
        `${variables}/`,
        value({ name: 'DBT_TARGET_SCHEMA', type: 'job', job_definition_id: 567183, raw_value: 'x' }),
      ),
      400,
    );
    const updated = await api(
      'POST',
      `${variables}/${override.id}/`,
      value({ name: 'DBT_TARGET_SCHEMA', type: 'job', job_definition_id: 567183, raw_value: 'nightly_v2' }),
    );
    expect(updated.status, updated.text).toBe(200);
    expect((await seen(567183)).DBT_TARGET_SCHEMA.job).toEqual({ id: override.id, value: 'nightly_v2' });

    const deleted = await api('DELETE', `${variables}/${override.id}/`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toMatchObject({ id: override.id, name: 'DBT_TARGET_SCHEMA', state: 2 });
    expect((await seen(567183)).DBT_TARGET_SCHEMA.job).toBeUndefined();
    expectEnvelope(await api('DELETE', `${variables}/${override.id}/`), 404);
    expectEnvelope(
      await api('GET', `/api/v3/accounts/43786/projects/999/environment-variables/job/?job_definition_id=567183`),
      404,
    );
    expectEnvelope(
      await api(
        'POST',
        `${variables}/`,
        value({ name: 'DBT_X', type: 'job', job_definition_id: 999999, raw_value: 'x' }),
      ),
      400,
    );
  });
});

describe('v3 objects', () => {
  const v3 = '/api/v3/accounts/43786';

  it('keeps projects and environments, which the v2 endpoints show the same: new ids, renames, 404 after delete', async () => {
    const project = await api('POST', `${v3}/projects/`, { name: 'marketing', type: 0, account_id: 43786 });
    expect(project.status, project.text).toBe(201);
    const projectId = project.body.data.id;
    expect(projectId).not.toBe(270542);
    expect((await api('GET', `/projects/${projectId}/`)).body.data.name).toBe('marketing');
    const renamed = await api('POST', `${v3}/projects/${projectId}/`, { id: projectId, name: 'marketing 2' });
    expect(renamed.body.data.name).toBe('marketing 2');
    expect((await api('GET', `${v3}/projects/${projectId}/`)).body.data.name).toBe('marketing 2');
    expect((await api('GET', `${v3}/projects/?name__icontains=MARKETING`)).body.data).toHaveLength(1);

    const inProject = `${v3}/projects/${projectId}/environments/`;
    const environment = await api('POST', inProject, {
      account_id: 43786,
      project_id: projectId,
      name: 'Prod',
      type: 'deployment',
      deployment_type: 'production',
      dbt_version: 'latest',
    });
    expect(environment.status, environment.text).toBe(201);
    const environmentId = environment.body.data.id;
    expect(environment.body.data).toMatchObject({ project_id: projectId, name: 'Prod', state: 1 });
    const updated = await api('POST', `${inProject}${environmentId}/`, {
      ...environment.body.data,
      name: 'Production',
    });
    expect(updated.status, updated.text).toBe(200);
    expect((await api('GET', `/environments/${environmentId}/`)).body.data.name).toBe('Production');
    expect((await api('GET', `${inProject}${environmentId}/`)).body.data.name).toBe('Production');
    expect((await api('GET', inProject)).body.data.map((e: { id: number }) => e.id)).toEqual([environmentId]);
    expect(
      (await api('GET', `${v3}/environments/?project_id=${projectId}`)).body.data.map((e: { id: number }) => e.id),
    ).toEqual([environmentId]);
    // The environment is not in the seeded project.
    expectEnvelope(await api('GET', `${v3}/projects/270542/environments/${environmentId}/`), 404);

    const second = await api('POST', inProject, {
      account_id: 43786,
      project_id: projectId,
      name: 'CI',
      type: 'deployment',
    });
    const deleted = await api('DELETE', `${v3}/environments/${second.body.data.id}/`);
    expect(deleted.body.data).toMatchObject({ id: second.body.data.id, state: 2 });
    const gone = await api('DELETE', `${inProject}${environmentId}/`);
    expect(gone.status).toBe(200);
    expect(gone.body.data).toMatchObject({ id: environmentId, name: 'Production', state: 2 });
    expectEnvelope(await api('GET', `${inProject}${environmentId}/`), 404);
    expectEnvelope(await api('GET', `/environments/${environmentId}/`), 404);

    const removed = await api('DELETE', `${v3}/projects/${projectId}/`);
    expect(removed.body.data).toMatchObject({ id: projectId, state: 2 });
    expectEnvelope(await api('GET', `${v3}/projects/${projectId}/`), 404);
    expectEnvelope(await api('GET', `/projects/${projectId}/`), 404);
  });

  it('keeps connections, repositories and credentials per project, and account connections', async () => {
    const project = `${v3}/projects/270542`;
    const connection = await api('POST', `${project}/connections/`, {
      account_id: 43786,
      project_id: 270542,
      name: 'Snowflake dev',
      type: 'snowflake',
      state: 1,
      details: { account: 'xy123', database: 'DEV', warehouse: 'WH', role: 'DEV', allow_sso: false },
    });
    expect(connection.status, connection.text).toBe(201);
    const connectionId = connection.body.data.id;
    expect(connection.body.data.details).toMatchObject({ database: 'DEV' });
    const renamed = await api('POST', `${project}/connections/${connectionId}/`, {
      ...connection.body.data,
      name: 'Snowflake development',
    });
    expect(renamed.body.data.name).toBe('Snowflake development');
    expect((await api('GET', `${project}/connections/${connectionId}/`)).body.data.name).toBe('Snowflake development');
    expect((await api('GET', `${project}/connections/`)).body.data.map((c: { id: number }) => c.id)).toContain(
      connectionId,
    );
    expect((await api('DELETE', `${project}/connections/${connectionId}/`)).body.data.state).toBe(2);
    expectEnvelope(await api('GET', `${project}/connections/${connectionId}/`), 404);

    const config = { account: 'xy123', database: 'ANALYTICS', warehouse: 'WH', role: 'LOADER', allow_sso: false };
    const account = await api('POST', `${v3}/connections/`, {
      name: 'Snowflake loader',
      account_id: 43786,
      adapter_version: 'snowflake_v0',
      config,
    });
    expect(account.status, account.text).toBe(200);
    const accountId = account.body.data.id;
    expect(account.body.data).toMatchObject({ adapter_version: 'snowflake_v0', config: { role: 'LOADER' } });
    const patched = await api('PATCH', `${v3}/connections/${accountId}/`, {
      name: 'Snowflake loaders',
      account_id: 43786,
      config,
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.data.name).toBe('Snowflake loaders');
    expect((await api('GET', `${v3}/connections/${accountId}/`)).body.data.name).toBe('Snowflake loaders');
    expect((await api('GET', `${v3}/connections/`)).body.data.map((c: { id: number }) => c.id)).toContain(accountId);
    expect((await api('DELETE', `${v3}/connections/${accountId}/`)).body.data.state).toBe(2);
    expectEnvelope(await api('GET', `${v3}/connections/${accountId}/`), 404);

    const repository = await api('POST', `${project}/repositories/`, {
      account_id: 43786,
      project_id: 270542,
      remote_url: 'git@github.com:jaffle-labs/marketing.git',
      git_clone_strategy: 'deploy_key',
    });
    expect(repository.status, repository.text).toBe(200);
    const repositoryId = repository.body.data.id;
    const moved = await api('POST', `${project}/repositories/${repositoryId}/`, {
      ...repository.body.data,
      pull_request_url_template: 'https://github.com/jaffle-labs/marketing/compare/{{destination}}...{{source}}',
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await api('GET', `${project}/repositories/${repositoryId}/`)).body.data.remote_url).toBe(
      'git@github.com:jaffle-labs/marketing.git',
    );
    expect((await api('GET', `${project}/repositories/`)).body.data).toHaveLength(2);
    expect((await api('DELETE', `${project}/repositories/${repositoryId}/`)).body.data.state).toBe(2);
    expectEnvelope(await api('GET', `${project}/repositories/${repositoryId}/`), 404);

    const credentials = await api('POST', `${project}/credentials/`, {
      account_id: 43786,
      project_id: 270542,
      type: 'snowflake',
      state: 1,
      threads: 4,
      target_name: 'dev',
      auth_type: 'password',
      user: 'DEV_USER',
      password: 'secret',
      schema: 'dbt_dev',
    });
    expect(credentials.status, credentials.text).toBe(200);
    const credentialsId = credentials.body.data.id;
    expect(credentials.body.data).toMatchObject({ type: 'snowflake', user: 'DEV_USER', schema: 'dbt_dev' });
    const replaced = await api('POST', `${project}/credentials/${credentialsId}/`, {
      ...credentials.body.data,
      schema: 'dbt_dev2',
    });
    expect(replaced.body.data.schema).toBe('dbt_dev2');
    const threads = await api('PATCH', `${project}/credentials/${credentialsId}/`, { type: 'snowflake', threads: 8 });
    expect(threads.body.data).toMatchObject({ threads: 8, schema: 'dbt_dev2' });
    expect((await api('GET', `${project}/credentials/`)).body.data.map((c: { id: number }) => c.id)).toContain(
      credentialsId,
    );
    expect((await api('GET', `${project}/credentials/${credentialsId}/`)).body.data.threads).toBe(8);
    expect((await api('DELETE', `${project}/credentials/${credentialsId}/`)).body.data.state).toBe(2);
    expectEnvelope(await api('GET', `${project}/credentials/${credentialsId}/`), 404);
    expectEnvelope(await api('GET', `${v3}/projects/999/credentials/`), 404);
  });

  it('lists environment variables by environment: the project default and each environment’s value by name', async () => {
    const variables = `${v3}/projects/270542/environment-variables`;
    const value = (fields: Record<string, unknown>) => ({ account_id: 43786, project_id: 270542, ...fields });
    const base = await api('POST', `${variables}/`, value({ name: 'DBT_SCHEMA', type: 'project', raw_value: 'x' }));
    const staging = await api(
      'POST',
      `${variables}/`,
      value({ name: 'DBT_SCHEMA', type: 'environment', environment_id: 218764, raw_value: 'staging' }),
    );
    const listed = await api('GET', `${variables}/environment/`);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.data.environments).toEqual(['project', 'Production', 'Development', 'Staging']);
    expect(listed.body.data.variables).toEqual({
      DBT_SCHEMA: {
        project: { id: base.body.data.id, value: 'x' },
        Staging: { id: staging.body.data.id, value: 'staging' },
      },
    });
  });
});

describeJobsAsCode(() => mock);
describeLoad(() => mock);

describe('Prism in front', () => {
  it('answers what the engine leaves to it (501) from the spec’s examples', async () => {
    const account = await api('GET', '/');
    expect(account.status).toBe(200);
    expect(account.body.data.id).toBe(43786);
    const users = await api('GET', '/users/');
    expect(users.status).toBe(200);
    expect(Array.isArray(users.body.data)).toBe(true);
  });

  it('answers a request without a token with 401 and the error envelope', async () => {
    const response = await fetch(`${mock.url}/api/v2/accounts/43786/runs/`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: { code: 401, is_success: false } });
  });

  it('has a control endpoint for state and one for reset', async () => {
    await trigger(567183);
    const before = await (await fetch(`${mock.url}/__mock/state`)).json();
    expect(before).toMatchObject({ mode: 'stateful', accountId: 43786, stepPerPoll: true, runs: { total: 3 } });
    const reset = await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    await reset.arrayBuffer();
    const after = await (await fetch(`${mock.url}/__mock/state`)).json();
    expect(after.runs.total).toBe(2);
    const unknown = await fetch(`${mock.url}/__mock/nothing`);
    expect(unknown.status).toBe(404);
    await unknown.arrayBuffer();
  });

  it('served every operation the engine holds at least once, and saw no response that broke the spec', async () => {
    const state = await mock.state();
    const served = Object.keys(state?.operations ?? {}).sort();
    const operations = new Engine(() => undefined as never).operations().map((operation) => operation.operationId);
    expect(state?.violations.recent).toEqual([]);
    expect(served).toEqual(operations.sort());
    expect(state?.violations.count).toBe(0);
  });
});
