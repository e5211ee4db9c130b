// Ids and artifact paths are checked before anything is sent: a bad one is a ValidationError naming the argument, and
// the request log stays empty. Downloads never write outside their folder, not even through a symlink.
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, ValidationError, type DbtCloud } from '../../../src/index.js';
import { downloadArtifacts } from '../../../src/node.js';
import { fakeClock, ok, scriptedFetch, scriptedClient } from '../../support/scripted.js';

const anyRun = { id: 1, job_definition_id: 1, project_id: 1, environment_id: 1, status: 10, run_steps: [] };

/** A client whose fetch answers everything with success, so a check that is missing shows up as a request. */
function setup() {
  return scriptedClient(() => ok(anyRun), { maxRetries: 0 });
}

async function refusal(work: () => unknown): Promise<ValidationError> {
  let error: unknown;
  try {
    await work();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a ValidationError').toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const badIds: Array<[string, unknown]> = [
  ['1.5', 1.5],
  ['-1', -1],
  ['0', 0],
  ['-0', -0],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['"123"', '123'],
  ['"1/../2"', '1/../2'],
  ['2**53', 2 ** 53],
  ['1e300', 1e300],
  ['null', null],
  ['undefined', undefined],
  ['1n', 1n],
  ['{}', {}],
  ['[1]', [1]],
];

type IdCall = [string, string, (dbt: DbtCloud, id: any, dir: string) => unknown];
const idCalls: IdCall[] = [
  ['runs.get', 'runId', (dbt, id) => dbt.runs.get(id)],
  ['runs.cancel', 'runId', (dbt, id) => dbt.runs.cancel(id)],
  ['runs.retry', 'runId', (dbt, id) => dbt.runs.retry(id)],
  ['runs.wait', 'runId', (dbt, id) => dbt.runs.wait(id)],
  ['runs.failureDetails', 'runId', (dbt, id) => dbt.runs.failureDetails(id)],
  ['runs.steps', 'runId', (dbt, id) => dbt.runs.steps(id)],
  ['runs.stepLogs', 'stepId', (dbt, id) => dbt.runs.stepLogs(id)],
  ['runs.trigger', 'jobId', (dbt, id) => dbt.runs.trigger(id)],
  ['runs.trigger (reuseExisting)', 'jobId', (dbt, id) => dbt.runs.trigger(id, { reuseExisting: true })],
  ['runs.triggerAndWait', 'jobId', (dbt, id) => dbt.runs.triggerAndWait(id)],
  ['jobs.get', 'jobId', (dbt, id) => dbt.jobs.get(id)],
  ['jobs.update', 'jobId', (dbt, id) => dbt.jobs.update(id, { name: 'x' } as never)],
  ['jobs.delete', 'jobId', (dbt, id) => dbt.jobs.delete(id)],
  ['jobs.rerun', 'jobId', (dbt, id) => dbt.jobs.rerun(id)],
  ['jobs.copy', 'jobId', (dbt, id) => dbt.jobs.copy(id)],
  ['jobs.copy (dryRun)', 'jobId', (dbt, id) => dbt.jobs.copy(id, { dryRun: true })],
  ['jobs.export', 'jobId', (dbt, id) => dbt.jobs.export(id)],
  ['artifacts.list', 'runId', (dbt, id) => dbt.artifacts.list(id)],
  ['artifacts.get', 'runId', (dbt, id) => dbt.artifacts.get(id, 'run_results.json')],
  ['artifacts.download', 'runId', (dbt, id, dir) => downloadArtifacts(dbt, id, ['run_results.json'], dir)],
  ['artifacts.latestForJob', 'jobId', (dbt, id) => dbt.artifacts.latestForJob(id, 'manifest.json')],
  ['artifacts.findStep', 'runId', (dbt, id) => dbt.artifacts.findStep(id, () => true)],
  ['environments.get', 'environmentId', (dbt, id) => dbt.environments.get(id)],
  ['environments.copy', 'environmentId', (dbt, id) => dbt.environments.copy(id)],
  ['environments.copy (dryRun)', 'environmentId', (dbt, id) => dbt.environments.copy(id, { dryRun: true })],
  ['projects.get', 'projectId', (dbt, id) => dbt.projects.get(id)],
];

describe('ids are checked before any request', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-security-ids-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  describe.each(idCalls)('%s', (_name, field, call) => {
    it.each(badIds)('refuses %s, naming %s', async (_label, id) => {
      const { dbt, requests } = setup();
      const error = await refusal(() => call(dbt, id, dir));
      expect(error.field).toBe(field);
      expect(requests).toHaveLength(0);
      expect(await readdir(dir)).toEqual([]);
    });

    it('sends a request for a good id (so the refusals above are meaningful)', async () => {
      const { dbt, requests } = setup();
      await Promise.resolve(call(dbt, 2 ** 53 - 1, dir)).catch(() => undefined);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests[0]!.path).toContain(String(2 ** 53 - 1));
    });
  });
});

const badPaths: Array<[string, string]> = [
  ['..', '..'],
  ['../secrets', '../secrets'],
  ['a/../../b', 'a/../../b'],
  ['a/..', 'a/..'],
  ['./a', './a'],
  ['leading /', '/etc/passwd'],
  ['backslash', 'a\\b'],
  ['backslash traversal', '..\\..\\b'],
  ['?', 'run_results.json?step=1'],
  ['#', 'run_results.json#x'],
  ['NUL', 'run_results.json\u0000.txt'],
  ['LF', 'a\nb'],
  ['CR LF', 'a\r\nHost: evil'],
  ['tab', 'a\tb'],
  ['DEL', 'a\u007fb'],
  ['empty', ''],
  ['empty segment', 'a//b'],
  ['trailing slash', 'a/'],
  ['longer than 1024', 'a'.repeat(1025)],
];

describe('artifact paths are checked before any request', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-security-paths-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each(badPaths)('get refuses %s', async (_name, path) => {
    const { dbt, requests } = setup();
    expect((await refusal(() => dbt.artifacts.get(1, path))).field).toBe('path');
    expect(requests).toHaveLength(0);
  });

  it.each(badPaths)('latestForJob refuses %s', async (_name, path) => {
    const { dbt, requests } = setup();
    expect((await refusal(() => dbt.artifacts.latestForJob(1, path))).field).toBe('path');
    expect(requests).toHaveLength(0);
  });

  it.each(badPaths)('download refuses %s (even after a good path), writing nothing', async (_name, path) => {
    const { dbt, requests } = setup();
    expect((await refusal(() => downloadArtifacts(dbt, 1, ['run_results.json', path], dir))).field).toBe('paths[1]');
    expect(requests).toHaveLength(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('percent signs cannot smuggle a traversal: each segment is encoded, and the file stays inside', async () => {
    const scripted = scriptedFetch(() => new Response('x'));
    const dbt = createDbtCloud({
      token: 't',
      accountId: 1,
      host: 'https://x.example',
      fetch: scripted.fetch,
      clock: fakeClock(),
      env: {},
    });
    await dbt.artifacts.get(1, '%2e%2e/%2e%2e/x.sql');
    expect(scripted.requests[0]!.path).toBe('/api/v2/accounts/1/runs/1/artifacts/%252e%252e/%252e%252e/x.sql');
    const written = await downloadArtifacts(dbt, 1, ['%2e%2e/x.sql'], dir);
    expect(written).toEqual([join(dir, '%2e%2e', 'x.sql')]);
  });
});

describe('download stays inside its folder through symlinks', () => {
  let base: string;
  let dir: string;
  let outside: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'dbt-security-symlink-'));
    dir = join(base, 'target');
    outside = join(base, 'outside');
    await mkdir(dir);
    await mkdir(outside);
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  const fileClient = () => {
    const scripted = scriptedFetch(() => new Response('{"results":[]}'));
    const dbt = createDbtCloud({
      token: 't',
      accountId: 1,
      host: 'https://x.example',
      fetch: scripted.fetch,
      clock: fakeClock(),
      env: {},
    });
    return { dbt, requests: scripted.requests };
  };

  it('refuses a path through a symlinked folder inside the target that points outside, before any request', async () => {
    await symlink(outside, join(dir, 'link'), 'dir');
    const { dbt, requests } = fileClient();
    const error = await refusal(() => downloadArtifacts(dbt, 1, ['link/run_results.json'], dir));
    expect(error.field).toBe('paths[0]');
    expect(requests).toHaveLength(0);
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses a path whose deeper, not yet existing folders sit under such a symlink', async () => {
    await symlink(outside, join(dir, 'link'), 'dir');
    const { dbt, requests } = fileClient();
    expect((await refusal(() => downloadArtifacts(dbt, 1, ['link/a/b/run_results.json'], dir))).field).toBe('paths[0]');
    expect(requests).toHaveLength(0);
    expect(existsSync(join(outside, 'a'))).toBe(false);
  });

  it('allows a symlink inside the target that points inside it', async () => {
    await mkdir(join(dir, 'real'));
    await symlink(join(dir, 'real'), join(dir, 'alias'), 'dir');
    const { dbt } = fileClient();
    await downloadArtifacts(dbt, 1, ['alias/run_results.json'], dir);
    expect(await readFile(join(dir, 'real', 'run_results.json'), 'utf8')).toBe('{"results":[]}');
  });

  it('allows a target folder that is itself a symlink (the user chose it)', async () => {
    const viaLink = join(base, 'target-link');
    await symlink(dir, viaLink, 'dir');
    const { dbt } = fileClient();
    await downloadArtifacts(dbt, 1, ['run_results.json'], viaLink);
    expect(await readFile(join(dir, 'run_results.json'), 'utf8')).toBe('{"results":[]}');
  });

  it('does not write through a planted symlink at the temporary .part name', async () => {
    const victim = join(outside, 'victim.txt');
    await writeFile(victim, 'untouched');
    await symlink(victim, join(dir, 'run_results.json.part'));
    const { dbt } = fileClient();
    await downloadArtifacts(dbt, 1, ['run_results.json'], dir);
    expect(await readFile(victim, 'utf8')).toBe('untouched');
    expect(await readFile(join(dir, 'run_results.json'), 'utf8')).toBe('{"results":[]}');
  });

  it('replaces a symlink at the final name instead of writing through it', async () => {
    const victim = join(outside, 'victim.txt');
    await writeFile(victim, 'untouched');
    await symlink(victim, join(dir, 'run_results.json'));
    const { dbt } = fileClient();
    await downloadArtifacts(dbt, 1, ['run_results.json'], dir);
    expect(await readFile(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(join(dir, 'run_results.json')).isSymbolicLink()).toBe(false);
  });
});
