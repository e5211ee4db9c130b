// Deletes and changes happen only to managed jobs inside the scope. Files with no jobs put nothing in scope; a scope
// list holds only what it names. Then, over random accounts, random files and random edits of a saved plan (with the
// digest forged to match), apply never deletes or changes a job that is unmanaged or outside the scope the plan was
// made with, and never deletes without permission.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud, type JobsConfig } from '../../src/index.js';
import { type JobsPlan, type PlanOptions, createJobsAsCode } from '../../src/jobs.js';
import { planDigest } from '../../src/jobs-as-code/plan.js';
import type { Job } from '../../src/mock/seed.js';
import { startEngine, type TestEngine } from '../support/engine.js';

// Two projects of two environments each.
const environments = { 11: 1, 12: 1, 21: 2, 22: 2 } as const;
const environmentIds = [11, 12, 21, 22];

const spec = (name: string, environmentId: number, threads = 4) => ({
  account_id: 43786,
  project_id: environments[environmentId as keyof typeof environments],
  environment_id: environmentId,
  name,
  execute_steps: ['dbt build'],
  generate_docs: false,
  run_generate_sources: false,
  settings: { threads, target_name: 'prod' },
  triggers: { github_webhook: false, schedule: true },
  schedule: { cron: '0 3 * * *' },
});

describe('scope', () => {
  let cloud: TestEngine;
  let dbt: DbtCloud;
  beforeEach(async () => {
    cloud = await startEngine({ environments, exampleJobs: false });
    dbt = createDbtCloud({ token: 'test-token', accountId: cloud.accountId, host: cloud.url, maxRetries: 0 });
  });
  afterEach(() => cloud.close());

  it('holds nothing for files with no jobs, whatever the options', async () => {
    const managed = cloud.seedJob({ name: 'Mine [[mine]]', project_id: 1, environment_id: 11 });
    for (const jobs of [null, {}]) {
      for (const options of [
        { allowDelete: true },
        { allowDelete: true, limitToConfig: true },
        { allowDelete: true, projectIds: [1] },
      ]) {
        const plan = await createJobsAsCode(dbt).plan({ jobs }, options);
        expect(plan.changes).toEqual([]);
        expect(plan.scope).toEqual({ projectIds: [], environmentIds: [] });
        await createJobsAsCode(dbt).apply(plan);
      }
    }
    expect(cloud.jobs.get(managed)!.state).toBe(1);
    expect(cloud.writes).toEqual([]);
  });

  it('holds only the projects and environments the files use with limitToConfig', async () => {
    const inScope = cloud.seedJob({ name: 'Gone [[gone]]', project_id: 1, environment_id: 11 });
    const otherEnvironment = cloud.seedJob({ name: 'Theirs [[theirs]]', project_id: 1, environment_id: 12 });
    const otherProject = cloud.seedJob({ name: 'Far [[far]]', project_id: 2, environment_id: 21 });
    const plan = await createJobsAsCode(dbt).plan(
      { jobs: { kept: spec('Kept', 11) } },
      { allowDelete: true, limitToConfig: true },
    );
    expect(plan.scope).toEqual({ projectIds: [1], environmentIds: [11] });
    expect(plan.changes.map((c) => [c.action, c.identifier])).toEqual([
      ['create', 'kept'],
      ['delete', 'gone'],
    ]);
    await createJobsAsCode(dbt).apply(plan);
    expect(cloud.jobs.get(inScope)!.state).toBe(2);
    expect(cloud.jobs.get(otherEnvironment)!.state).toBe(1);
    expect(cloud.jobs.get(otherProject)!.state).toBe(1);
  });

  it('intersects limitToConfig with the projects given', async () => {
    const plan = await createJobsAsCode(dbt).plan(
      { jobs: { a: spec('A', 11), b: spec('B', 21) } },
      { limitToConfig: true, projectIds: [2] },
    );
    expect(plan.scope).toEqual({ projectIds: [2], environmentIds: [11, 21] });
    expect(plan.changes.map((c) => c.identifier)).toEqual(['b']);
  });
});

// ---- the property ----

interface World {
  /** Jobs already in the account: environment, identifier (or none: unmanaged), threads. */
  remote: Array<{ environmentId: number; identifier: string | undefined; threads: number }>;
  /** Jobs the files hold. */
  files: Array<{ identifier: string; environmentId: number; threads: number }>;
  options: { allowDelete: boolean; limitToConfig: boolean; projectIds: number[] | undefined };
  /** How the saved plan is edited before apply (its digest then forged to match), or not at all. */
  edit: { kind: number; pick: number; target: number; value: number } | undefined;
}

const identifiers = ['a', 'b', 'c', 'd', 'e'];
const world: fc.Arbitrary<World> = fc.record({
  remote: fc.array(
    fc.record({
      environmentId: fc.constantFrom(...environmentIds),
      identifier: fc.option(fc.constantFrom(...identifiers), { nil: undefined }),
      threads: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 8 },
  ),
  files: fc.uniqueArray(
    fc.record({
      identifier: fc.constantFrom(...identifiers),
      environmentId: fc.constantFrom(...environmentIds),
      threads: fc.integer({ min: 1, max: 3 }),
    }),
    { selector: (job) => job.identifier, maxLength: 5 },
  ),
  options: fc.record({
    allowDelete: fc.boolean(),
    limitToConfig: fc.boolean(),
    projectIds: fc.option(fc.subarray([1, 2]), { nil: undefined }),
  }),
  edit: fc.option(
    fc.record({
      kind: fc.integer({ min: 0, max: 9 }),
      pick: fc.nat(),
      target: fc.nat(),
      value: fc.integer({ min: 1, max: 30 }),
    }),
    { nil: undefined, freq: 8 },
  ),
});

/** One random edit of a saved plan: the kinds of change an attacker with write access to plan.json would try. */
function editPlan(plan: JobsPlan, edit: NonNullable<World['edit']>, jobIds: number[]) {
  // Most edits are of a change the plan holds; a plan without one gets an update to aim at.
  if (plan.changes.length === 0 && plan.accountId !== null)
    plan.changes.push({
      action: 'update',
      identifier: identifiers[edit.value % identifiers.length]!,
      jobId: jobIds[0],
      projectId: 1,
      environmentId: 11,
      name: 'x',
      differences: [{ field: 'settings.threads', old: null, new: edit.value }],
      envVars: [],
    });
  const change = plan.changes[edit.pick % Math.max(plan.changes.length, 1)];
  const someJob = jobIds[edit.target % Math.max(jobIds.length, 1)];
  switch (edit.kind) {
    case 0:
      if (change) change.jobId = someJob;
      break;
    case 1:
      if (change) delete change.skipped;
      break;
    case 2:
      plan.allowDelete = true;
      break;
    case 3:
      plan.scope = { projectIds: null, environmentIds: null };
      break;
    case 4:
      if (change) change.action = (['create', 'update', 'delete'] as const)[edit.value % 3]!;
      break;
    case 5:
      if (change) change.differences.push({ field: 'settings.threads', old: null, new: edit.value });
      break;
    case 6:
      if (change) change.differences.push({ field: 'environment_id', old: change.environmentId, new: 22 });
      break;
    case 7:
      if (someJob !== undefined)
        plan.changes.push({
          action: 'delete',
          identifier: identifiers[edit.value % identifiers.length]!,
          jobId: someJob,
          projectId: 1,
          environmentId: 11,
          name: 'x',
          differences: [],
          envVars: [],
        });
      break;
    case 8:
      if (change) Object.assign(change, { projectId: 2, environmentId: 21 });
      break;
    default:
      plan.identifiers = identifiers.slice(0, edit.value % identifiers.length);
  }
}

const untouchable = (job: Job, scope: { projectIds: number[] | null; environmentIds: number[] | null }) => {
  const managed = /\[\[[a-e]\]\]$/.test(job.name);
  const inScope =
    (scope.projectIds === null || scope.projectIds.includes(job.project_id)) &&
    (scope.environmentIds === null || scope.environmentIds.includes(job.environment_id));
  return !managed || !inScope;
};

describe('apply, over random accounts, files and edited plans', () => {
  it('never deletes or changes a job outside the managed set and the scope, nor deletes without permission', async () => {
    const cloud = await startEngine({ environments, exampleJobs: false });
    try {
      await fc.assert(
        fc.asyncProperty(world, async (w) => {
          // A fresh account for every world.
          cloud.reset();
          const dbt = createDbtCloud({ token: 't', accountId: cloud.accountId, host: cloud.url, maxRetries: 0 });
          const taken = new Set<string>();
          for (const job of w.remote) {
            // One managed job per identifier: two would make the plan refuse at once, which proves nothing here.
            const identifier = job.identifier && !taken.has(job.identifier) ? job.identifier : undefined;
            if (identifier) taken.add(identifier);
            cloud.seedJob({
              name: identifier ? `Job ${identifier} [[${identifier}]]` : `Hand-made ${job.threads}`,
              project_id: environments[job.environmentId as keyof typeof environments],
              environment_id: job.environmentId,
              settings: { threads: job.threads, target_name: 'prod' },
            });
          }
          const config: JobsConfig = {
            jobs: Object.fromEntries(
              w.files.map((f) => [f.identifier, spec(`Job ${f.identifier}`, f.environmentId, f.threads)]),
            ),
          };
          const options: PlanOptions = {
            allowDelete: w.options.allowDelete,
            limitToConfig: w.options.limitToConfig,
            ...(w.options.projectIds ? { projectIds: w.options.projectIds } : {}),
          };
          const honest = await createJobsAsCode(dbt).plan(config, options);
          const before = new Map([...cloud.jobs].map(([id, job]) => [id, JSON.stringify(job)]));
          const protectedIds = [...cloud.jobs.values()]
            .filter((job) => untouchable(job, honest.scope))
            .map((job) => job.id);

          const plan = JSON.parse(JSON.stringify(honest)) as JobsPlan;
          if (w.edit) {
            // The attacker aims at the jobs that must not be touched, when there are any.
            editPlan(plan, w.edit, protectedIds.length > 0 ? protectedIds : [...cloud.jobs.keys()]);
            plan.digest = await planDigest(plan);
          }
          // As the CLI applies a saved plan: deletes need the caller's --allow-delete too.
          await createJobsAsCode(dbt)
            .apply(plan, { allowDelete: w.options.allowDelete })
            .catch(() => undefined);

          for (const id of protectedIds) expect(JSON.stringify(cloud.jobs.get(id))).toBe(before.get(id));
          if (!w.options.allowDelete) {
            for (const [id, job] of cloud.jobs) if (before.has(id)) expect(job.state).toBe(1);
          }
        }),
        { numRuns: 300 },
      );
    } finally {
      await cloud.close();
    }
  });
});
