// The workflow helpers against the mock server, over real HTTP and the spec's validation of every request.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDbtCloud, RunCancelledError, RunStatus } from '../../src/index.js';
import { downloadArtifacts } from '../../src/node.js';

const host = inject('prismUrl');
function client(prefer?: string) {
  const fetchWithPrefer = (request: Request) => {
    if (prefer) request.headers.set('Prefer', prefer);
    return fetch(request);
  };
  return createDbtCloud({ token: 'dbtc_contract', accountId: 43786, host, fetch: fetchWithPrefer, env: {} });
}

describe('workflows against Prism', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-contract-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('triggers a run with every override the spec has, and the mock accepts the body', async () => {
    const run = await client().runs.trigger(567183, {
      cause: 'contract test',
      gitBranch: 'main',
      gitSha: '9f1c2e4b7a0d3c6e8f5a1b2c3d4e5f60718293a4',
      schemaOverride: 'dbt_ci',
      dbtVersionOverride: 'latest',
      threadsOverride: 8,
      targetNameOverride: 'ci',
      generateDocsOverride: false,
      timeoutSecondsOverride: 3600,
      stepsOverride: ['dbt build --select state:modified+'],
      githubPullRequestId: 42,
    });
    expect(run.status).toBe(RunStatus.Queued);
  });

  it('triggers and waits', async () => {
    const run = await client().runs.triggerAndWait(567183, { cause: 'contract test', intervalMs: 10 });
    expect(run.status).toBe(RunStatus.Success);
  });

  it('cancels, retries, reruns and reads failure details', async () => {
    const dbt = client();
    expect((await dbt.runs.cancel(70403107)).status).toBe(RunStatus.Cancelled);
    expect((await dbt.runs.retry(70403104)).status).toBe(RunStatus.Queued);
    expect((await dbt.jobs.rerun(567183)).id).toEqual(expect.any(Number));
    expect(await dbt.runs.failureDetails(70403104)).toHaveProperty('failed_step');
  });

  it('finds the latest run and a run’s steps and logs', async () => {
    const dbt = client();
    expect((await dbt.runs.latest({ jobId: 567183, status: 'success' }))?.id).toEqual(expect.any(Number));
    expect(await dbt.runs.latest()).toBeDefined();
    const steps = await dbt.runs.steps(70403103);
    expect(steps.length).toBeGreaterThan(0);
    expect(await dbt.runs.stepLogs(steps.at(-1)!.id)).toEqual(expect.any(String));
  });

  it('reads artifacts, typed, and downloads them to disk', async () => {
    const dbt = client();
    expect(await dbt.artifacts.list(70403103)).toContain('run_results.json');
    const runResults = await dbt.artifacts.get(70403103, 'run_results.json');
    expect(runResults.results.length).toBeGreaterThan(0);
    expect(runResults.metadata.dbt_schema_version).toContain('run-results');
    const [file] = await downloadArtifacts(dbt, 70403103, ['run_results.json'], join(dir, 'target'));
    expect(JSON.parse(await readFile(file!, 'utf8'))).toEqual(runResults);
    expect((await dbt.artifacts.latestForJob(567183, 'run_results.json')).results).toBeDefined();
  });

  it('gets, finds, copies, exports and imports jobs', async () => {
    const dbt = client();
    const job = await dbt.jobs.get(567183);
    const found = await dbt.jobs.findByName({ project: 'jaffle_shop', environment: 'Production', job: job.name });
    expect(found.id).toBe(567183);
    const body = await dbt.jobs.copy(567183, { environmentId: 218764, name: 'Nightly build (staging)', dryRun: true });
    expect(body).toMatchObject({ environment_id: 218764, name: 'Nightly build (staging)' });
    expect(body).not.toHaveProperty('id');
    const created = await dbt.jobs.copy(567183, { environmentId: 218764, name: 'Nightly build (staging)' });
    expect(created).toHaveProperty('id');
    const definition = await dbt.jobs.export(567183);
    expect(await dbt.jobs.import(definition, { projectId: 270542, environmentId: 218764 })).toHaveProperty('id');
  });

  it('copies an environment through the v3 API', async () => {
    const created = await client().environments.copy(218762, { name: 'Production copy' });
    expect(created).toHaveProperty('id');
  });

  it('throws RunCancelledError when the mock says the run was cancelled', async () => {
    await expect(client('example=cancelled').runs.wait(70403107)).rejects.toBeInstanceOf(RunCancelledError);
  });
});
