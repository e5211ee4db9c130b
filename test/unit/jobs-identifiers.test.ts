// Keys, identifiers and job names are untrusted text: from files anyone may edit, and from dbt Cloud, where anyone with
// access names jobs. None of them may change the objects that hold them or make the name parser slow; a marker counts
// only at the end of a name, and `link` takes only jobs it may take. (What the CLI prints of them, terminal escapes
// stripped: test/e2e/jobs-as-code-cli.test.ts.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud } from '../../src/index.js';
import { JobsConfigError, parseJobName, parseJobsConfig, createJobsAsCode } from '../../src/jobs.js';
import { loadJobsConfig } from '../../src/node.js';
import { startEngine, type TestEngine } from '../support/engine.js';

const jobYaml = (key: string, extra = '') =>
  `jobs:\n  ${key}:\n    account_id: 43786\n    project_id: 1\n    environment_id: 2\n    name: n\n    execute_steps: [dbt build]\n    generate_docs: false\n    run_generate_sources: false\n    settings: {}\n    triggers: {}\n    schedule: { cron: "0 1 * * *" }\n${extra}`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobs-identifiers-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const loadError = async (text: string) => {
  await writeFile(join(dir, 'jobs.yml'), text);
  const error = await loadJobsConfig(['jobs.yml'], { cwd: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(JobsConfigError);
  return (error as JobsConfigError).issues;
};

describe('reserved names', () => {
  it('refuses a job keyed __proto__ instead of losing it', async () => {
    expect(await loadError(jobYaml('__proto__'))).toMatchObject([
      { field: 'jobs.__proto__', message: 'is a reserved name and cannot be used as a key', line: 2 },
    ]);
    // The same from JSON, where __proto__ is an own key too.
    const fromJson = JSON.parse('{"jobs":{"__proto__":{"project_id":1,"environment_id":2,"name":"n"}}}');
    expect(() => parseJobsConfig(fromJson)).toThrow(/jobs.__proto__: is a reserved name/);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'refuses %s as a field, at any depth, before it reaches a request',
    async (name) => {
      const issues = await loadError(
        `${jobYaml('nightly', `    ${name}: 1\n`)}  other:\n    settings:\n      ${name}: 2\n`,
      );
      expect(issues.map((issue) => issue.field)).toEqual(
        expect.arrayContaining([`jobs.nightly.${name}`, `jobs.other.settings.${name}`]),
      );
      expect(issues.every((issue) => issue.message === 'is a reserved name and cannot be used as a key')).toBe(true);
    },
  );
});

describe('names from dbt Cloud', () => {
  it('counts a marker only at the end of a name', () => {
    expect(parseJobName('Legacy [[legacy]] export').identifier).toBeUndefined();
    expect(parseJobName('Nightly [[nightly]]')).toEqual({ name: 'Nightly', identifier: 'nightly', importFilter: '' });
    expect(parseJobName('Nightly [[prod:nightly]] \n')).toEqual({
      name: 'Nightly',
      identifier: 'nightly',
      importFilter: 'prod',
    });
    expect(parseJobName('x [[a]] [[b]]').identifier).toBe('b');
    for (const name of ['[[]]', 'x [[a b]]', 'x [[a:b:c]]', 'x [[a:]]', 'x [a]]', ']]']) {
      expect(parseJobName(name).identifier, name).toBeUndefined();
    }
  });

  it('reads names of millions of characters in one pass', () => {
    // Each of these takes a backtracking pattern such as /\s*\[\[([...]+)\]\]/ quadratic time in the name's length.
    const long = 2_000_000;
    for (const name of [
      ' '.repeat(long),
      `${' '.repeat(long)}[[`,
      `[[${'a'.repeat(long)}`,
      `${'[['.repeat(long / 2)} x]]`,
    ]) {
      expect(parseJobName(name).identifier).toBeUndefined();
    }
  });
});

describe('link', () => {
  let cloud: TestEngine;
  let dbt: DbtCloud;
  beforeEach(async () => {
    cloud = await startEngine({ environments: { 218762: 270542, 300001: 300000 }, exampleJobs: false });
    dbt = createDbtCloud({ token: 'test-token', accountId: cloud.accountId, host: cloud.url, maxRetries: 0 });
  });
  afterEach(() => cloud.close());

  const linking = (identifier: string, linkedId: number) => ({
    jobs: {
      [identifier]: {
        account_id: 43786,
        project_id: 270542,
        environment_id: 218762,
        name: 'Linked',
        execute_steps: ['dbt build'],
        generate_docs: false,
        run_generate_sources: false,
        settings: {},
        triggers: {},
        schedule: { cron: '0 4 * * *' },
        linked_id: linkedId,
      },
    },
  });

  it('refuses a job another identifier manages, and changes nothing', async () => {
    const managed = cloud.seedJob({ name: 'Nightly [[nightly]]' });
    await expect(createJobsAsCode(dbt).link(linking('mine', managed) as never)).rejects.toThrow(
      /already managed as \[\[nightly\]\]/,
    );
    expect(cloud.jobs.get(managed)!.name).toBe('Nightly [[nightly]]');
    expect(cloud.writes).toEqual([]);
  });

  it('refuses a job outside --project-id, whatever the file says of it', async () => {
    const elsewhere = cloud.seedJob({ name: 'Their job', project_id: 300000, environment_id: 300001 });
    await expect(
      createJobsAsCode(dbt).link(linking('mine', elsewhere) as never, { projectIds: [270542] }),
    ).rejects.toThrow(/outside the scope/);
    expect(cloud.jobs.get(elsewhere)!.name).toBe('Their job');
    expect(cloud.writes).toEqual([]);
  });
});
