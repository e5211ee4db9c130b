// A saved plan is a file anyone who can edit it writes. Apply does only what the plan shows and what its own terms
// allow: an edited plan is refused, and even a plan whose digest was forged to match cannot reach an unmanaged job, a
// job outside the scope, or a delete that was not allowed; nothing is sent before the whole plan is checked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud, type JobsConfig } from '../../src/index.js';
import { type JobChange, type JobsPlan, PlanRefusedError, createJobsAsCode } from '../../src/jobs.js';
import { planDigest } from '../../src/jobs-as-code/plan.js';
import { startEngine, type TestEngine } from '../support/engine.js';

let cloud: TestEngine;
let dbt: DbtCloud;

beforeEach(async () => {
  cloud = await startEngine({
    environments: { 218762: 270542, 218763: 270542, 300001: 300000 },
    exampleJobs: false,
  });
  dbt = createDbtCloud({ token: 'test-token', accountId: cloud.accountId, host: cloud.url, maxRetries: 0 });
});
afterEach(() => cloud.close());

const job = (name: string, environment_id = 218762) => ({
  account_id: 43786,
  project_id: 270542,
  environment_id,
  name,
  execute_steps: ['dbt build'],
  generate_docs: false,
  run_generate_sources: false,
  settings: { threads: 4, target_name: 'prod' },
  triggers: { github_webhook: false, schedule: true },
  schedule: { cron: '0 3 * * *' },
});
const config = (): JobsConfig => ({ jobs: { nightly: job('Nightly'), hourly: job('Hourly', 218763) } });

/** A saved plan as read back from its file: plain JSON. */
const saved = async (plan: Promise<JobsPlan>): Promise<JobsPlan> => JSON.parse(JSON.stringify(await plan));

/** An edit of a saved plan whose digest is then recomputed, as an attacker who read our source would do. */
async function forged(plan: JobsPlan, edit: (plan: JobsPlan) => void): Promise<JobsPlan> {
  const copy = JSON.parse(JSON.stringify(plan)) as JobsPlan;
  edit(copy);
  copy.digest = await planDigest(copy);
  return copy;
}

const jobNamed = (identifier: string) =>
  [...cloud.jobs.values()].find((j) => j.state === 1 && j.name.endsWith(`[[${identifier}]]`))!;

async function expectRefused(plan: JobsPlan, reason: RegExp) {
  const writes = cloud.writes.length;
  const error = await createJobsAsCode(dbt)
    .apply(plan)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PlanRefusedError);
  expect((error as PlanRefusedError).reasons.join('\n')).toMatch(reason);
  expect(cloud.writes.length).toBe(writes);
}

describe('an edited plan', () => {
  beforeEach(async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
  });

  it('is refused when a skipped delete is made pending by removing its skip', async () => {
    const fewer = config();
    delete fewer.jobs!.hourly;
    const plan = await saved(createJobsAsCode(dbt).plan(fewer));
    expect(plan.allowDelete).toBe(false);
    const edited = JSON.parse(JSON.stringify(plan)) as JobsPlan;
    delete edited.changes[0]!.skipped;
    await expectRefused(edited, /edited after it was made/);
    // With the digest forged too, the plan's own allowDelete still rules: the delete is skipped, not done.
    const result = await createJobsAsCode(dbt).apply(await forged(plan, (p) => delete p.changes[0]!.skipped));
    expect(result.skipped).toMatchObject([{ action: 'delete', identifier: 'hourly' }]);
    expect(jobNamed('hourly').state).toBe(1);
  });

  it('is refused when any shown value changes', async () => {
    const changed = config();
    changed.jobs!.nightly!.settings = { threads: 8, target_name: 'prod' };
    const plan = await saved(createJobsAsCode(dbt).plan(changed));
    const edits: Array<(p: JobsPlan) => void> = [
      (p) => (p.changes[0]!.differences[0]!.new = 64),
      (p) => (p.changes[0]!.jobId = 1),
      (p) => (p.scope.projectIds = [270542, 300000]),
      (p) => (p.allowDelete = true),
      (p) => p.identifiers.push('extra'),
    ];
    for (const edit of edits) {
      const copy = JSON.parse(JSON.stringify(plan)) as JobsPlan;
      edit(copy);
      await expectRefused(copy, /edited after it was made/);
    }
  });
});

describe('a plan whose digest was forged', () => {
  let base: JobsPlan;
  let unmanaged: number;
  let otherTeam: number;

  beforeEach(async () => {
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(config()));
    unmanaged = cloud.seedJob({ name: 'Hand-made job', project_id: 270542, environment_id: 218762 });
    otherTeam = cloud.seedJob({ name: 'Other team [[other]]', project_id: 300000, environment_id: 300001 });
    const changed = config();
    changed.jobs!.nightly!.settings = { threads: 8, target_name: 'prod' };
    base = await saved(createJobsAsCode(dbt).plan(changed, { limitToConfig: true }));
    expect(base.changes.map((c) => [c.action, c.identifier])).toEqual([['update', 'nightly']]);
  });

  const update = (p: JobsPlan) => p.changes[0]!;

  it('cannot point an update at an unmanaged job or one outside the scope', async () => {
    await expectRefused(await forged(base, (p) => (update(p).jobId = unmanaged)), /not the managed job/);
    await expectRefused(
      await forged(base, (p) => Object.assign(update(p), { jobId: otherTeam, identifier: 'other' })),
      /not the managed job|not one of the plan's files/,
    );
  });

  it('cannot widen its scope to reach another team’s job', async () => {
    const wide = await forged(base, (p) => {
      p.scope = { projectIds: null, environmentIds: null };
      p.allowDelete = true;
      p.changes.push({
        action: 'delete',
        identifier: 'other',
        jobId: otherTeam,
        projectId: 300000,
        environmentId: 300001,
        name: 'Other team [[other]]',
        differences: [],
        envVars: [],
      });
    });
    // The fingerprint of the wider scope is not the one the plan was made from.
    await expect(createJobsAsCode(dbt).apply(wide)).rejects.toThrow(/changed since this plan was made/);
    expect(cloud.jobs.get(otherTeam)!.state).toBe(1);
  });

  it('cannot delete without the plan’s allowDelete, nor without the caller’s', async () => {
    const fewer = config();
    delete fewer.jobs!.hourly;
    const plan = await saved(createJobsAsCode(dbt).plan(fewer, { allowDelete: true, projectIds: [270542] }));
    const result = await createJobsAsCode(dbt).apply(plan, { allowDelete: false });
    expect(result.skipped).toMatchObject([{ action: 'delete', identifier: 'hourly' }]);
    expect(jobNamed('hourly').state).toBe(1);
    // A delete of a job the files still hold is refused, even with every permission.
    const stillHeld = await forged(plan, (p) => {
      p.identifiers.push('hourly');
    });
    const writes = cloud.writes.length;
    await expect(createJobsAsCode(dbt).apply(stillHeld)).rejects.toThrow(/the files still hold this job|changed since/);
    expect(cloud.writes.length).toBe(writes);
    expect(jobNamed('hourly').state).toBe(1);
  });

  it('cannot set fields a job request does not have, or prototype keys', async () => {
    for (const field of ['__proto__.polluted', 'constructor', 'settings.__proto__', 'created_at', 'id']) {
      await expectRefused(
        await forged(base, (p) => update(p).differences.push({ field, old: null, new: 1 })),
        /is not a job field a request may set/,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cannot move a job out of its scope, drop its marker or claim an old value dbt Cloud does not hold', async () => {
    await expectRefused(
      await forged(base, (p) => update(p).differences.push({ field: 'project_id', old: 270542, new: 300000 })),
      /outside the scope/,
    );
    await expectRefused(
      await forged(base, (p) =>
        update(p).differences.push({ field: 'name', old: 'Nightly [[nightly]]', new: 'Nightly (mine now)' }),
      ),
      /lose its \[\[nightly\]\] marker/,
    );
    await expectRefused(await forged(base, (p) => (update(p).differences[0]!.old = 99)), /is not 99 in dbt Cloud/);
  });

  it('cannot create a job outside the scope, under a taken identifier, or without its marker', async () => {
    const more = config();
    more.jobs!.weekly = job('Weekly');
    const plan = await saved(createJobsAsCode(dbt).plan(more, { limitToConfig: true }));
    const create = (p: JobsPlan) => p.changes.find((c) => c.action === 'create')!;
    const set = (change: JobChange, field: string, value: unknown) => {
      change.differences.find((d) => d.field === field)!.new = value;
    };
    await expectRefused(
      await forged(plan, (p) => {
        create(p).projectId = 300000;
        set(create(p), 'project_id', 300000);
      }),
      /outside the scope/,
    );
    await expectRefused(
      await forged(plan, (p) => set(create(p), 'environment_id', 218763)),
      /project and environment differ/,
    );
    await expectRefused(
      await forged(plan, (p) => Object.assign(create(p), { identifier: 'nightly' })),
      /already has this identifier/,
    );
    await expectRefused(await forged(plan, (p) => set(create(p), 'name', 'Weekly')), /marked \[\[weekly\]\]/);
    await expectRefused(
      await forged(plan, (p) => set(create(p), 'account_id', 1)),
      /account_id must be the plan's account/,
    );
  });

  it('cannot change an override of another job', async () => {
    const stranger = cloud.seedVariable({
      name: 'DBT_TARGET',
      project_id: 270542,
      type: 'job',
      job_definition_id: unmanaged,
      value: 'x',
    });
    await expectRefused(
      await forged(base, (p) =>
        update(p).envVars.push({ action: 'delete', name: 'DBT_TARGET', old: 'x', new: null, id: stranger }),
      ),
      /override DBT_TARGET is not as the plan saw it/,
    );
    expect(cloud.variables.get(stranger)).toMatchObject({ state: 1, raw_value: 'x' });
  });
});

describe('what apply sends', () => {
  it('is what the plan shows: every field of a create, the changed fields of an update', async () => {
    const plan = await createJobsAsCode(dbt).plan(config());
    const create = plan.changes.find((c) => c.identifier === 'nightly')!;
    expect(Object.fromEntries(create.differences.map((d) => [d.field, d.new]))).toMatchObject({
      name: 'Nightly [[nightly]]',
      account_id: 43786,
      settings: { threads: 4, target_name: 'prod' },
      schedule: { cron: '0 3 * * *', date: { type: 'custom_cron', cron: '0 3 * * *' } },
    });
    await createJobsAsCode(dbt).apply(plan);
    expect(jobNamed('nightly')).toMatchObject({ settings: { threads: 4, target_name: 'prod' } });

    // A field outside the jobs-file model (set in the UI) is kept; the file's fields are as it says.
    cloud.jobs.get(jobNamed('nightly').id)!.lifecycle_webhooks = true;
    const changed = config();
    changed.jobs!.nightly!.settings = { threads: 8, target_name: 'prod' };
    const update = (await createJobsAsCode(dbt).plan(changed)).changes[0]!;
    expect(update.differences).toEqual([{ field: 'settings.threads', old: 4, new: 8 }]);
    await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(changed));
    expect(jobNamed('nightly')).toMatchObject({
      settings: { threads: 8, target_name: 'prod' },
      lifecycle_webhooks: true,
    });
  });
});
