// Every helper refuses bad arguments with a ValidationError naming the argument, before sending anything.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbtCloud, ValidationError, type DbtCloud } from '../../../src/index.js';
import { downloadArtifacts } from '../../../src/node.js';
import { ok, scriptedFetch, scriptedClient } from '../../support/scripted.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dbt-security-inputs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const anything = {
  id: 1,
  name: 'x',
  job_definition_id: 1,
  project_id: 1,
  environment_id: 1,
  status: 10,
  run_steps: [],
  execute_steps: ['dbt build'],
};

/** Runs a helper's call to completion: a paginator is walked, a promise awaited. */
async function drive(result: unknown): Promise<void> {
  if (result && typeof (result as { toArray?: unknown }).toArray === 'function')
    await (result as { toArray(): Promise<unknown> }).toArray();
  else await result;
}

const long = 'x'.repeat(256);
const job = { name: 'j', project_id: 1, environment_id: 1 } as never;
const definition = { format: 'dbt-cloud-ts/job@1', job: { name: 'j' } } as never;

// [helper, bad input, the field the error must name, the call]
type Case = [string, string, string, (dbt: DbtCloud) => unknown];
const x = (v: unknown) => v as never;

const cases: Case[] = [
  // runs.get / steps / stepLogs
  ['runs.get', 'include not a list', 'include', (d) => d.runs.get(1, { include: x('job') })],
  ['runs.get', 'include name not allowed', 'include', (d) => d.runs.get(1, { include: x(['job', 'secrets']) })],
  ['runs.get', 'include with a comma smuggled', 'include', (d) => d.runs.get(1, { include: x(['job,audit']) })],
  ['runs.stepLogs', 'debug not a boolean', 'debug', (d) => d.runs.stepLogs(1, { debug: x('yes') })],
  // runs.list / latest
  ['runs.list', "status 'done'", 'status', (d) => d.runs.list({ status: x('done') })],
  ['runs.list', 'status code 11', 'status', (d) => d.runs.list({ status: x(11) })],
  ['runs.list', 'status list with an unknown one', 'status', (d) => d.runs.list({ status: x(['error', 'done']) })],
  ['runs.list', "orderBy 'name'", 'orderBy', (d) => d.runs.list({ orderBy: x('name') })],
  ['runs.list', 'orderBy with an injection', 'orderBy', (d) => d.runs.list({ orderBy: x('-id&limit=1000') })],
  ['runs.list', 'jobId a string', 'jobId', (d) => d.runs.list({ jobId: x('567183') })],
  ['runs.list', 'projectId 0', 'projectId', (d) => d.runs.list({ projectId: 0 })],
  ['runs.list', 'environmentId 1.5', 'environmentId', (d) => d.runs.list({ environmentId: 1.5 })],
  ['runs.list', 'include name not allowed', 'include', (d) => d.runs.list({ include: x(['nope']) })],
  // The page size is checked by the paginator, which names it by its query name, `limit`.
  ['runs.list', 'pageSize 0', 'limit', (d) => d.runs.list({ pageSize: 0 })],
  ['runs.list', 'pageSize 101', 'limit', (d) => d.runs.list({ pageSize: 101 })],
  ['runs.list', 'pageSize a string', 'limit', (d) => d.runs.list({ pageSize: x('10') })],
  ['runs.list', 'concurrency 0', 'concurrency', (d) => d.runs.list({ concurrency: 0 })],
  ['runs.list', 'concurrency 1000', 'concurrency', (d) => d.runs.list({ concurrency: 1000 })],
  ['runs.latest', "status 'done'", 'status', (d) => d.runs.latest({ status: x('done') })],
  ['runs.latest', 'jobId -1', 'jobId', (d) => d.runs.latest({ jobId: -1 })],
  ['runs.latest', 'include name not allowed', 'include', (d) => d.runs.latest({ include: x(['x']) })],
  // runs.wait
  ['runs.wait', 'intervalMs NaN', 'intervalMs', (d) => d.runs.wait(1, { intervalMs: NaN })],
  ['runs.wait', 'intervalMs -5', 'intervalMs', (d) => d.runs.wait(1, { intervalMs: -5 })],
  ['runs.wait', 'maxIntervalMs 0', 'maxIntervalMs', (d) => d.runs.wait(1, { maxIntervalMs: 0 })],
  ['runs.wait', 'timeoutMs a string', 'timeoutMs', (d) => d.runs.wait(1, { timeoutMs: x('30m') })],
  ['runs.wait', 'maxConsecutiveErrors -1', 'maxConsecutiveErrors', (d) => d.runs.wait(1, { maxConsecutiveErrors: -1 })],
  ['runs.wait', 'throwOnFailure a string', 'throwOnFailure', (d) => d.runs.wait(1, { throwOnFailure: x('no') })],
  ['runs.wait', 'onProgress not a function', 'onProgress', (d) => d.runs.wait(1, { onProgress: x('log') })],
  // runs.trigger (and triggerAndWait, which must refuse before starting a run)
  ['runs.trigger', 'unknown option', 'branch', (d) => d.runs.trigger(1, x({ branch: 'main' }))],
  ['runs.trigger', 'snake_case option', 'git_branch', (d) => d.runs.trigger(1, x({ git_branch: 'main' }))],
  ['runs.trigger', 'cause empty', 'cause', (d) => d.runs.trigger(1, { cause: '' })],
  ['runs.trigger', 'cause of 256 characters', 'cause', (d) => d.runs.trigger(1, { cause: long })],
  ['runs.trigger', 'cause a number', 'cause', (d) => d.runs.trigger(1, { cause: x(5) })],
  ['runs.trigger', 'gitSha not hex', 'gitSha', (d) => d.runs.trigger(1, { gitSha: 'main;rm' })],
  ['runs.trigger', 'gitBranch with a space', 'gitBranch', (d) => d.runs.trigger(1, { gitBranch: 'a b' })],
  ['runs.trigger', 'gitBranch with a line break', 'gitBranch', (d) => d.runs.trigger(1, { gitBranch: 'a\nb' })],
  ['runs.trigger', 'schemaOverride empty', 'schemaOverride', (d) => d.runs.trigger(1, { schemaOverride: '' })],
  [
    'runs.trigger',
    'dbtVersionOverride too long',
    'dbtVersionOverride',
    (d) => d.runs.trigger(1, { dbtVersionOverride: long }),
  ],
  ['runs.trigger', 'threadsOverride 0', 'threadsOverride', (d) => d.runs.trigger(1, { threadsOverride: 0 })],
  ['runs.trigger', 'threadsOverride 1.5', 'threadsOverride', (d) => d.runs.trigger(1, { threadsOverride: 1.5 })],
  [
    'runs.trigger',
    'targetNameOverride a number',
    'targetNameOverride',
    (d) => d.runs.trigger(1, { targetNameOverride: x(1) }),
  ],
  [
    'runs.trigger',
    'generateDocsOverride a string',
    'generateDocsOverride',
    (d) => d.runs.trigger(1, { generateDocsOverride: x('true') }),
  ],
  [
    'runs.trigger',
    'timeoutSecondsOverride -1',
    'timeoutSecondsOverride',
    (d) => d.runs.trigger(1, { timeoutSecondsOverride: -1 }),
  ],
  [
    'runs.trigger',
    'stepsOverride not a list',
    'stepsOverride',
    (d) => d.runs.trigger(1, { stepsOverride: x('dbt build') }),
  ],
  ['runs.trigger', 'stepsOverride empty', 'stepsOverride', (d) => d.runs.trigger(1, { stepsOverride: [] })],
  [
    'runs.trigger',
    'stepsOverride of 101',
    'stepsOverride',
    (d) => d.runs.trigger(1, { stepsOverride: Array(101).fill('dbt build') }),
  ],
  [
    'runs.trigger',
    'a step not starting with dbt',
    'stepsOverride[0]',
    (d) => d.runs.trigger(1, { stepsOverride: ['rm -rf /'] }),
  ],
  [
    'runs.trigger',
    'a step with a line break',
    'stepsOverride[1]',
    (d) => d.runs.trigger(1, { stepsOverride: ['dbt build', 'dbt run\nrm -rf /'] }),
  ],
  ['runs.trigger', 'a step not a string', 'stepsOverride[0]', (d) => d.runs.trigger(1, { stepsOverride: x([5]) })],
  [
    'runs.trigger',
    'githubPullRequestId 0',
    'githubPullRequestId',
    (d) => d.runs.trigger(1, { githubPullRequestId: 0 }),
  ],
  [
    'runs.trigger',
    'azurePullRequestId a string',
    'azurePullRequestId',
    (d) => d.runs.trigger(1, { azurePullRequestId: x('1') }),
  ],
  [
    'runs.trigger',
    'gitlabMergeRequestId NaN',
    'gitlabMergeRequestId',
    (d) => d.runs.trigger(1, { gitlabMergeRequestId: NaN }),
  ],
  [
    'runs.trigger',
    'nonNativePullRequestId -1',
    'nonNativePullRequestId',
    (d) => d.runs.trigger(1, { nonNativePullRequestId: -1 }),
  ],
  ['runs.trigger', 'reuseExisting a string', 'reuseExisting', (d) => d.runs.trigger(1, { reuseExisting: x('yes') })],
  ['runs.triggerAndWait', 'unknown option', 'status', (d) => d.runs.triggerAndWait(1, x({ status: 'done' }))],
  [
    'runs.triggerAndWait',
    'threadsOverride -2',
    'threadsOverride',
    (d) => d.runs.triggerAndWait(1, { threadsOverride: -2 }),
  ],
  [
    'runs.triggerAndWait',
    'intervalMs NaN (a wait option)',
    'intervalMs',
    (d) => d.runs.triggerAndWait(1, { intervalMs: NaN }),
  ],
  [
    'runs.triggerAndWait',
    'onProgress not a function',
    'onProgress',
    (d) => d.runs.triggerAndWait(1, { onProgress: x(1) }),
  ],
  // jobs
  ['jobs.list', 'projectId a string', 'projectId', (d) => d.jobs.list({ projectId: x('1') })],
  ['jobs.list', 'environmentId 0', 'environmentId', (d) => d.jobs.list({ environmentId: 0 })],
  ['jobs.list', 'orderBy a number', 'orderBy', (d) => d.jobs.list({ orderBy: x(1) })],
  ['jobs.list', 'orderBy empty', 'orderBy', (d) => d.jobs.list({ orderBy: '' })],
  ['jobs.list', 'pageSize 1000', 'limit', (d) => d.jobs.list({ pageSize: 1000 })],
  ['jobs.create', 'job null', 'job', (d) => d.jobs.create(x(null))],
  ['jobs.create', 'job a list', 'job', (d) => d.jobs.create(x([]))],
  ['jobs.create', 'name empty', 'job.name', (d) => d.jobs.create(x({ name: '', project_id: 1, environment_id: 1 }))],
  [
    'jobs.create',
    'project_id a string',
    'job.project_id',
    (d) => d.jobs.create(x({ name: 'j', project_id: '1', environment_id: 1 })),
  ],
  [
    'jobs.create',
    'environment_id missing',
    'job.environment_id',
    (d) => d.jobs.create(x({ name: 'j', project_id: 1 })),
  ],
  ['jobs.update', 'job a string', 'job', (d) => d.jobs.update(1, x('job'))],
  ['jobs.findByName', 'names null', 'names', (d) => d.jobs.findByName(x(null))],
  [
    'jobs.findByName',
    'project empty',
    'project',
    (d) => d.jobs.findByName({ project: '', environment: 'e', job: 'j' }),
  ],
  [
    'jobs.findByName',
    'environment a number',
    'environment',
    (d) => d.jobs.findByName(x({ project: 'p', environment: 1, job: 'j' })),
  ],
  ['jobs.findByName', 'job missing', 'job', (d) => d.jobs.findByName(x({ project: 'p', environment: 'e' }))],
  ['jobs.copy', 'options a string', 'options', (d) => d.jobs.copy(1, x('prod'))],
  ['jobs.copy', 'projectId 0', 'projectId', (d) => d.jobs.copy(1, { projectId: 0 })],
  ['jobs.copy', 'environmentId a string', 'environmentId', (d) => d.jobs.copy(1, { environmentId: x('2') })],
  ['jobs.copy', 'name empty', 'name', (d) => d.jobs.copy(1, { name: '' })],
  ['jobs.copy', 'name of 256 characters', 'name', (d) => d.jobs.copy(1, { name: long })],
  ['jobs.copy', 'changes a list', 'changes', (d) => d.jobs.copy(1, { changes: x([]) })],
  ['jobs.copy', 'dryRun a string', 'dryRun', (d) => d.jobs.copy(1, { dryRun: x('yes') })],
  ['jobs.import', 'definition null', 'definition', (d) => d.jobs.import(x(null), { projectId: 1, environmentId: 1 })],
  [
    'jobs.import',
    'unknown format',
    'definition.format',
    (d) => d.jobs.import(x({ format: 'other', job: {} }), { projectId: 1, environmentId: 1 }),
  ],
  [
    'jobs.import',
    'job missing',
    'definition.job',
    (d) => d.jobs.import(x({ format: 'dbt-cloud-ts/job@1' }), { projectId: 1, environmentId: 1 }),
  ],
  ['jobs.import', 'target missing', 'target', (d) => d.jobs.import(definition, x(undefined))],
  ['jobs.import', 'projectId missing', 'projectId', (d) => d.jobs.import(definition, x({ environmentId: 1 }))],
  [
    'jobs.import',
    'environmentId -1',
    'environmentId',
    (d) => d.jobs.import(definition, { projectId: 1, environmentId: -1 }),
  ],
  ['jobs.import', 'name empty', 'name', (d) => d.jobs.import(definition, { projectId: 1, environmentId: 1, name: '' })],
  [
    'jobs.import',
    'dryRun a number',
    'dryRun',
    (d) => d.jobs.import(definition, { projectId: 1, environmentId: 1, dryRun: x(1) }),
  ],
  // environments and projects
  ['environments.list', 'projectId -1', 'projectId', (d) => d.environments.list({ projectId: -1 })],
  ['environments.list', 'pageSize 0', 'limit', (d) => d.environments.list({ pageSize: 0 })],
  ['environments.copy', 'options null', 'options', (d) => d.environments.copy(1, x(null))],
  ['environments.copy', 'projectId NaN', 'projectId', (d) => d.environments.copy(1, { projectId: NaN })],
  [
    'environments.copy',
    'credentialsId a string',
    'credentialsId',
    (d) => d.environments.copy(1, { credentialsId: x('3') }),
  ],
  ['environments.copy', 'name empty', 'name', (d) => d.environments.copy(1, { name: '' })],
  ['environments.copy', 'changes a string', 'changes', (d) => d.environments.copy(1, { changes: x('x') })],
  ['environments.copy', 'dryRun a string', 'dryRun', (d) => d.environments.copy(1, { dryRun: x('true') })],
  ['projects.list', 'pageSize 101', 'limit', (d) => d.projects.list({ pageSize: 101 })],
  ['projects.list', 'concurrency -1', 'concurrency', (d) => d.projects.list({ concurrency: -1 })],
  // artifacts
  ['artifacts.list', 'step 0', 'step', (d) => d.artifacts.list(1, { step: 0 })],
  ['artifacts.list', "step 'first'", 'step', (d) => d.artifacts.list(1, { step: x('first') })],
  ['artifacts.list', 'step 1.5', 'step', (d) => d.artifacts.list(1, { step: 1.5 })],
  ['artifacts.get', 'path a number', 'path', (d) => d.artifacts.get(1, x(5))],
  ['artifacts.get', 'path empty', 'path', (d) => d.artifacts.get(1, '')],
  ['artifacts.get', 'step -1', 'step', (d) => d.artifacts.get(1, 'run_results.json', { step: -1 })],
  ['artifacts.latestForJob', 'path null', 'path', (d) => d.artifacts.latestForJob(1, x(null))],
  ['artifacts.download', 'paths a string', 'paths', (d) => downloadArtifacts(d, 1, x('run_results.json'), dir)],
  ['artifacts.download', 'paths empty', 'paths', (d) => downloadArtifacts(d, 1, [], dir)],
  ['artifacts.download', 'a path not a string', 'paths[0]', (d) => downloadArtifacts(d, 1, x([5]), dir)],
  ['artifacts.download', 'dir empty', 'dir', (d) => downloadArtifacts(d, 1, ['run_results.json'], '')],
  ['artifacts.download', 'dir a number', 'dir', (d) => downloadArtifacts(d, 1, ['run_results.json'], x(5))],
  ['artifacts.download', 'step 0', 'step', (d) => downloadArtifacts(d, 1, ['run_results.json'], dir, { step: 0 })],
  ['artifacts.findStep', 'predicate not a function', 'predicate', (d) => d.artifacts.findStep(1, x('model.'))],
];

describe('bad inputs are refused before any request', () => {
  it.each(cases)('%s: %s → ValidationError(%s), nothing sent', async (_helper, _input, field, call) => {
    const { dbt, requests } = scriptedClient(() => ok(anything), { maxRetries: 0 });
    const scripted = { requests };
    let error: unknown;
    try {
      await drive(call(dbt));
    } catch (e) {
      error = e;
    }
    expect(error, 'expected a ValidationError').toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(scripted.requests).toHaveLength(0);
  });

  it('a helper that needs the account refuses without one, sending nothing', async () => {
    const scripted = scriptedFetch(() => ok(anything));
    const dbt = createDbtCloud({ token: 't', host: 'https://x.example', fetch: scripted.fetch, env: {} });
    await expect(dbt.runs.get(1)).rejects.toMatchObject({ name: 'ValidationError', field: 'accountId' });
    expect(() => dbt.jobs.list()).toThrow(ValidationError);
    expect(scripted.requests).toHaveLength(0);
  });

  it('the same helpers send a request once the input is good (the table is not vacuous)', async () => {
    const { dbt, requests } = scriptedClient(() => ok(anything), { maxRetries: 0 });
    const scripted = { requests };
    await dbt.runs.trigger(1, { cause: 'ok', stepsOverride: ['dbt build'], threadsOverride: 4 });
    await dbt.runs.wait(1, {
      intervalMs: 1,
      timeoutMs: 0,
      maxConsecutiveErrors: 0,
      throwOnFailure: false,
      onProgress: () => {},
    });
    await dbt.jobs.copy(1, { environmentId: 2, name: 'copy', dryRun: true });
    await dbt.environments.copy(1, { name: 'copy', dryRun: true });
    await dbt.jobs.create(job);
    expect(scripted.requests.length).toBeGreaterThanOrEqual(5);
  });
});
