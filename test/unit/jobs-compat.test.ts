// Interchangeable with dbt-jobs-as-code: on every file of the compatibility suite (test/fixtures/jobs-as-code/compat,
// one per rule its tests and examples state; the verdicts and request bodies there were recorded from the tool
// itself), we give the same verdict and read the same job, field for field. Where we differ on purpose, the list
// below says why (and docs/jobs-as-code.md keeps the same table). Then the hand-over, both ways: after its sync, our
// plan shows no change; after our apply, dbt Cloud holds what its plan compares with.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cronProblem } from '../../src/jobs-as-code/cron.js';
import { createDbtCloud } from '../../src/index.js';
import { JobsConfigError, managedName, createJobsAsCode } from '../../src/jobs.js';
import { loadJobsConfig } from '../../src/node.js';
import { readJobsConfig } from '../../src/jobs-as-code/config.js';
import { startEngine, type TestEngine } from '../support/engine.js';

const suite = join(import.meta.dirname, '..', 'fixtures', 'jobs-as-code', 'compat');

interface Entry {
  verdict: 'valid' | 'invalid';
  rule: string;
  vars?: string | string[];
  with?: string[];
  jobs?: Record<string, Record<string, unknown>>;
  envVars?: Record<string, Record<string, string | null> | Array<[string, string | null]>>;
}
const expected = JSON.parse(await readFile(join(suite, 'expected.json'), 'utf8')) as Record<string, Entry>;

/** Files where our verdict differs on purpose, and why. */
const differentVerdicts: Record<string, string> = {
  'identifier-with-dot.yml':
    'refused: a marker holds letters, digits, _ and - only, so a job keyed `nightly.build` could never be found again (dbt-jobs-as-code re-creates it on every run)',
  'identifier-numeric.yml': 'accepted: a key YAML reads as a number is read as text (dbt-jobs-as-code crashes on it)',
  'name-with-other-marker.yml':
    'refused: a name marked for another key is never found again under its own key (dbt-jobs-as-code re-creates it on every run)',
  'execute-steps-not-dbt.yml': 'refused: dbt Cloud runs dbt commands only',
  'threads-zero.yml': 'refused: dbt Cloud runs a job with at least 1 thread',
  'job-type-unknown.yml': 'refused: dbt Cloud knows no other job type',
  'cost-features-unknown.yml': 'refused: dbt Cloud knows no other feature',
  'account-ids-differ.yml':
    'refused: one run works on one account (dbt-jobs-as-code logs an error and sends every job to the first account)',
};

/** Files both tools accept but read as a different job, and why. */
const differentJobs: Record<string, string> = {
  'name-marker-mid-name.yml':
    'a marker counts only at the end of a name, so `[[id]]` inside the name is text (dbt-jobs-as-code takes the first marker anywhere)',
};

/** Files whose jobs no tool can hand over, and why. */
const noHandOver: Record<string, string> = {
  'state-and-id-given.yml':
    'a job written with state 2 is created deleted: dbt Cloud no longer lists it, so either tool creates it again on every run',
};

async function load(name: string, entry: Entry) {
  const files = [join(suite, name), ...(entry.with ?? []).map((file) => join(suite, file))];
  const vars = entry.vars === undefined ? undefined : [entry.vars].flat().map((file) => join(suite, file));
  const loaded = await loadJobsConfig(files, vars ? { vars } : {});
  return { loaded, read: readJobsConfig(loaded.config, { locate: loaded.locate }) };
}

/** The create request we send for a job: what a plan's create shows, field for field. */
const requestOf = (job: { identifier: string; fields: Record<string, unknown> }) => ({
  ...job.fields,
  name: managedName(job.fields.name as string, job.identifier),
});

/** dbt-jobs-as-code's create body without what it sends and we do not: `id: null` (dbt Cloud gives the id). */
const withoutId = ({ id: _id, ...body }: Record<string, unknown>) => body;

/** The overrides a file asks for, the last value of a name repeated. */
const lastValues = (envVars: Entry['envVars'], identifier: string): Record<string, string | null> => {
  const given = envVars?.[identifier];
  return Array.isArray(given) ? Object.fromEntries(given) : (given ?? {});
};

describe('the compatibility suite', () => {
  const entries = Object.entries(expected).filter(([name]) => !name.includes('.vars'));

  it.each(entries)('%s: the same verdict and the same job', async (name, entry) => {
    const outcome = await load(name, entry).then(
      (result) => ({ valid: true as const, ...result }),
      (error: unknown) => {
        expect(error).toBeInstanceOf(JobsConfigError);
        return { valid: false as const, error: error as JobsConfigError };
      },
    );
    const ours = outcome.valid ? 'valid' : 'invalid';
    if (differentVerdicts[name]) {
      expect(ours, differentVerdicts[name]).not.toBe(entry.verdict);
      return;
    }
    expect(ours, outcome.valid ? '' : outcome.error.message).toBe(entry.verdict);
    if (!outcome.valid || differentJobs[name]) return;
    const jobs = Object.fromEntries(outcome.read.jobs.map((job) => [job.identifier, job]));
    expect(Object.keys(jobs).sort()).toEqual(Object.keys(entry.jobs ?? {}).sort());
    for (const [identifier, body] of Object.entries(entry.jobs ?? {})) {
      expect(requestOf(jobs[identifier]!), identifier).toEqual(withoutId(body));
      expect(jobs[identifier]!.envVars, identifier).toEqual(lastValues(entry.envVars, identifier));
    }
  });

  it('names a file of the suite for every difference it keeps', () => {
    for (const name of Object.keys({ ...differentVerdicts, ...differentJobs, ...noHandOver }))
      expect(expected).toHaveProperty([name]);
  });
});

describe('cron expressions', () => {
  it('are valid exactly when croniter 1.4 (which dbt-jobs-as-code pins) takes them', async () => {
    const recorded = JSON.parse(
      await readFile(join(import.meta.dirname, '..', 'fixtures', 'jobs-as-code', 'cron.json'), 'utf8'),
    ) as { cases: Array<{ cron: string; valid: boolean }> };
    const wrong = recorded.cases.filter(({ cron, valid }) => (cronProblem(cron) === undefined) !== valid);
    expect(wrong).toEqual([]);
    expect(recorded.cases.length).toBeGreaterThan(600);
  });
});

/** The environments (and their projects) the jobs of a file of the suite run in and defer to. */
const environmentsOf = (bodies: Array<[string, Record<string, unknown>]>): Record<number, number> =>
  Object.fromEntries(
    bodies.flatMap(([, body]) =>
      [body.environment_id, body.deferring_environment_id]
        .filter((id): id is number => typeof id === 'number')
        .map((id) => [id, body.project_id as number]),
    ),
  );

describe('handing an account over', () => {
  let cloud: TestEngine | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  // Every file of the suite both tools accept, with jobs, in one account.
  const handOver = Object.entries(expected).filter(
    ([name, entry]) =>
      entry.verdict === 'valid' &&
      !differentVerdicts[name] &&
      !differentJobs[name] &&
      !noHandOver[name] &&
      Object.keys(entry.jobs ?? {}).length > 0,
  );

  it.each(handOver)('%s: after dbt-jobs-as-code’s sync our plan changes nothing', async (name, entry) => {
    const bodies = Object.entries(entry.jobs!);
    const accountId = bodies[0]![1].account_id as number;
    cloud = await startEngine({ accountId, environments: environmentsOf(bodies), exampleJobs: false });
    // dbt Cloud as its sync leaves it: each job created from its request, each override from its own.
    for (const [identifier, body] of bodies) {
      const jobId = cloud.seedJob(withoutId(body) as never);
      for (const [variable, value] of Object.entries(lastValues(entry.envVars, identifier))) {
        if (value === null) continue;
        cloud.seedVariable({
          name: variable,
          project_id: body.project_id as number,
          type: 'job',
          job_definition_id: jobId,
          value,
        });
      }
    }
    const dbt = createDbtCloud({ token: 't', accountId, host: cloud.url, maxRetries: 0 });
    const { loaded } = await load(name, entry);
    const plan = await createJobsAsCode(dbt).plan(loaded.config);
    // A secret comes back masked, so only its presence is compared: it needs no change either.
    expect(plan.changes, JSON.stringify(plan.changes, null, 2)).toEqual([]);
  });

  it.each(handOver)('%s: after our apply dbt Cloud holds what dbt-jobs-as-code compares with', async (name, entry) => {
    const bodies = Object.entries(entry.jobs!);
    const accountId = bodies[0]![1].account_id as number;
    cloud = await startEngine({ accountId, environments: environmentsOf(bodies), exampleJobs: false });
    const dbt = createDbtCloud({ token: 't', accountId, host: cloud.url, maxRetries: 0 });
    const { loaded } = await load(name, entry);
    const result = await createJobsAsCode(dbt).apply(await createJobsAsCode(dbt).plan(loaded.config));
    expect(result.failed).toEqual([]);
    for (const [identifier, body] of bodies) {
      const held: Record<string, unknown> = [...cloud.jobs.values()].find((job) =>
        job.name.endsWith(`[[${identifier}]]`),
      )!;
      // What its plan compares: every field of its model (the schedule by its cron; dbt Cloud derives the rest).
      for (const [field, value] of Object.entries(withoutId(body))) {
        if (field === 'schedule')
          expect((held.schedule as { cron: string }).cron).toBe((value as { cron: string }).cron);
        else expect(held[field], `${identifier}.${field}`).toEqual(value);
      }
    }
  });
});
