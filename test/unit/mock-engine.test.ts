// The mock's engine served in-process (src/mock/engine-server.ts, through test/support/engine.ts): the starting data a
// test chooses, what a job create fills in as dbt Cloud does, masked secrets, list filters, what it records, and the
// cache of the spec's examples that makes a start cheap.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../src/mock/prism.js';
import { loadSeed, seedCacheName } from '../../src/mock/seed.js';
import { startEngine, testCacheDir, type TestEngine } from '../support/engine.js';
import { apiClient } from '../mock/support.js';

let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe('starting data', () => {
  it('is the spec’s examples by default: its account, projects, environments, jobs and two finished runs', async () => {
    engine = await startEngine();
    expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const api = apiClient(engine.url, engine.accountId);
    expect(engine.accountId).toBe(43786);
    expect((await api('GET', '/projects/')).body.data.map((p: { id: number }) => p.id)).toEqual([270542]);
    expect((await api('GET', '/jobs/')).body.data.map((j: { id: number }) => j.id)).toEqual(
      expect.arrayContaining([567183, 567184]),
    );
    expect((await api('GET', '/runs/')).body.data.map((r: { id: number }) => r.id)).toEqual([70403103, 70403104]);
  });

  it('takes the account, projects and environments a test names, with no job and no run', async () => {
    engine = await startEngine({ accountId: 70403, environments: { 11: 1, 12: 1, 21: 2, 22: 2 }, exampleJobs: false });
    const api = apiClient(engine.url, 70403);
    const projects = (await api('GET', '/projects/')).body.data as Array<{ id: number; account_id: number }>;
    expect(projects.map((p) => [p.id, p.account_id])).toEqual([
      [1, 70403],
      [2, 70403],
    ]);
    const environments = (await api('GET', '/environments/')).body.data as Array<{ id: number; project_id: number }>;
    expect(environments.map((e) => [e.id, e.project_id])).toEqual([
      [11, 1],
      [12, 1],
      [21, 2],
      [22, 2],
    ]);
    expect((await api('GET', '/jobs/')).body.data).toEqual([]);
    expect((await api('GET', '/runs/')).body.data).toEqual([]);
    // The examples' account is not served any more.
    expect((await apiClient(engine.url, 43786)('GET', '/projects/')).status).toBe(404);
  });

  it('keeps an example project or environment a test names, and makes up the others', async () => {
    engine = await startEngine({ environments: { 218762: 270542, 300001: 300000 } });
    expect([...engine.projects.values()].map((p) => [p.id, p.name])).toEqual([
      [270542, 'jaffle_shop'],
      [300000, 'Project 300000'],
    ]);
    expect([...engine.environments.values()].map((e) => [e.id, e.name, e.project_id])).toEqual([
      [218762, 'Production', 270542],
      [300001, 'Environment 300001', 300000],
    ]);
  });
});

describe('jobs', () => {
  it('a create fills in the API’s defaults, picks the type from the triggers and derives the schedule from the cron', async () => {
    engine = await startEngine({ exampleJobs: false });
    const api = apiClient(engine.url);
    const created = await api('POST', '/jobs/', {
      project_id: 270542,
      environment_id: 218762,
      name: 'Nightly',
      triggers: { schedule: true },
      schedule: { cron: '0 3 * * *' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      name: 'Nightly',
      account_id: 43786,
      state: 1,
      job_type: 'scheduled',
      description: '',
      execute_steps: [],
      compare_changes_flags: '--select state:modified',
      triggers_on_draft_pr: false,
      settings: { threads: 4, target_name: 'default' },
      triggers: { github_webhook: false, schedule: true, git_provider_webhook: false, on_merge: false },
      schedule: {
        cron: '0 3 * * *',
        date: { type: 'custom_cron', days: null, cron: '0 3 * * *' },
        time: { type: 'every_hour', interval: 1, hours: null },
      },
    });
    const ci = await api('POST', '/jobs/', {
      project_id: 270542,
      environment_id: 218762,
      name: 'CI',
      triggers: { github_webhook: true },
    });
    expect(ci.body.data.job_type).toBe('ci');
    expect(engine.jobs.get(created.body.data.id)).toEqual(created.body.data);
  });

  it('an update derives the parts of a new cron, and keeps the parts it is sent', async () => {
    engine = await startEngine();
    const api = apiClient(engine.url);
    const job = (await api('GET', '/jobs/567183/')).body.data;
    const derived = await api('POST', '/jobs/567183/', { ...job, schedule: { cron: '15 2 * * 1' } });
    expect(derived.body.data.schedule).toEqual({
      cron: '15 2 * * 1',
      date: { type: 'custom_cron', days: null, cron: '15 2 * * 1' },
      time: { type: 'every_hour', interval: 1, hours: null },
    });
    const given = { cron: '0 5 * * *', date: { type: 'every_day' }, time: { type: 'at_exact_hours', hours: [5] } };
    expect((await api('POST', '/jobs/567183/', { ...job, schedule: given })).body.data.schedule).toEqual(given);
  });

  it('a create without a name, or in an environment of another project, is refused with the error envelope', async () => {
    engine = await startEngine({ environments: { 218762: 270542, 300001: 300000 } });
    const api = apiClient(engine.url);
    const unnamed = await api('POST', '/jobs/', { project_id: 270542, environment_id: 218762 });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({ status: { is_success: false }, data: { name: ['This field is required.'] } });
    const misplaced = await api('POST', '/jobs/', { project_id: 270542, environment_id: 300001, name: 'x' });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.data).toHaveProperty('environment_id');
  });

  it('lists jobs by project, by environment and by deleted state', async () => {
    engine = await startEngine({ environments: { 11: 1, 12: 1, 21: 2 }, exampleJobs: false });
    const a = engine.seedJob({ name: 'A', project_id: 1, environment_id: 11 });
    const b = engine.seedJob({ name: 'B', project_id: 1, environment_id: 12 });
    const c = engine.seedJob({ name: 'C', project_id: 2, environment_id: 21 });
    engine.jobs.get(b)!.state = 2;
    const api = apiClient(engine.url);
    const ids = async (query: string) =>
      (await api('GET', `/jobs/${query}`)).body.data.map((job: { id: number }) => job.id);
    expect(await ids('')).toEqual([a, c]);
    expect(await ids('?project_id=1')).toEqual([a]);
    expect(await ids('?environment_id=21')).toEqual([c]);
    expect(await ids('?state=2')).toEqual([b]);
  });
});

describe('environment variables', () => {
  it('answers a DBT_ENV_SECRET_ override masked, and keeps its value', async () => {
    engine = await startEngine();
    const api = apiClient(engine.url);
    const base = '/api/v3/accounts/43786/projects/270542/environment-variables';
    for (const [name, raw_value] of [
      ['DBT_ENV_SECRET_PASSWORD', 'hunter2'],
      ['DBT_SCHEMA', 'analytics'],
    ]) {
      const made = await api('POST', `${base}/`, {
        account_id: 43786,
        project_id: 270542,
        name,
        type: 'job',
        job_definition_id: 567183,
        raw_value,
      });
      expect(made.status, made.text).toBe(200);
    }
    const listed = await api('GET', `${base}/job/?job_definition_id=567183`);
    expect(listed.body.data).toMatchObject({
      DBT_ENV_SECRET_PASSWORD: { job: { value: '**********' } },
      DBT_SCHEMA: { job: { value: 'analytics' } },
    });
    expect(listed.text).not.toContain('hunter2');
    const held = [...engine.variables.values()].find((v) => v.name === 'DBT_ENV_SECRET_PASSWORD')!;
    expect(held.raw_value).toBe('hunter2');
  });

  it('shows a variable seeded as if set in the UI at its level', async () => {
    engine = await startEngine();
    engine.seedVariable({ name: 'DBT_TARGET', value: 'prod', job_definition_id: 567183 });
    engine.seedVariable({ name: 'DBT_TARGET', value: 'dev', type: 'project' });
    const listed = await apiClient(engine.url)(
      'GET',
      '/api/v3/accounts/43786/projects/270542/environment-variables/job/?job_definition_id=567183',
    );
    expect(listed.body.data).toMatchObject({ DBT_TARGET: { job: { value: 'prod' }, project: { value: 'dev' } } });
  });
});

describe('what the engine records', () => {
  it('every request in order with its status, the writes, and the runs the API made', async () => {
    engine = await startEngine({ stepPerPoll: true });
    const api = apiClient(engine.url);
    const seeded = engine.seedRuns(567183, ['success', 'error']);
    const run = (await api('POST', '/jobs/567183/run/', { cause: 'test' })).body.data;
    await api('GET', `/runs/${run.id}/`);
    await api('GET', '/users/');
    expect(engine.requests).toEqual([
      { method: 'POST', path: '/api/v2/accounts/43786/jobs/567183/run/', status: 200 },
      { method: 'GET', path: `/api/v2/accounts/43786/runs/${run.id}/`, status: 200 },
      // Behind Prism, Prism answers what the engine does not serve; in-process it stays 501.
      { method: 'GET', path: '/api/v2/accounts/43786/users/', status: 501 },
    ]);
    expect(engine.writes).toEqual(['POST /api/v2/accounts/43786/jobs/567183/run/']);
    expect(engine.runsMade).toEqual([run.id]);
    expect(seeded.map((id) => engine!.runs.get(id)!.status)).toEqual([10, 20]);
  });

  it('reset brings back the starting data', async () => {
    engine = await startEngine({ exampleJobs: false });
    engine.seedJob({ name: 'Temporary' });
    expect(engine.jobs.size).toBe(1);
    engine.reset();
    expect(engine.jobs.size).toBe(0);
  });
});

describe('the cache of the spec’s examples', () => {
  it('is read by the spec’s bytes, whatever its path, and an unreadable entry is replaced', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-seed-cache-'));
    try {
      const copy = async (name: string) => {
        await copyFile(bundledSpecPath, join(dir, name));
        return join(dir, name);
      };
      // The entry a test run keeps for the bundled spec, copied into a cache of this test's own.
      const expected = loadSeed(bundledSpecPath, { cacheDir: testCacheDir });
      const entry = seedCacheName(await readFile(bundledSpecPath));
      const cacheDir = join(dir, 'cache');
      await mkdir(cacheDir);
      const kept = JSON.parse(await readFile(join(testCacheDir, entry), 'utf8'));
      expect(kept.seed.accountId).toBe(expected.accountId);

      // An entry changed behind its back is what a start with these bytes reads: the spec is not parsed.
      kept.seed.accountId = 1234;
      await writeFile(join(cacheDir, entry), JSON.stringify(kept));
      const fromCache = loadSeed(await copy('a.yaml'), { cacheDir });
      expect(fromCache.accountId).toBe(1234);
      expect(fromCache.fields.job.known).toEqual(expected.fields.job.known);

      await writeFile(join(cacheDir, entry), '{ not json');
      expect(loadSeed(await copy('b.yaml'), { cacheDir })).toEqual(expected);
      expect(JSON.parse(await readFile(join(cacheDir, entry), 'utf8')).seed.accountId).toBe(43786);
      expect(await readdir(cacheDir)).toEqual([entry]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
