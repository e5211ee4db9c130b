// Jobs files on disk: our example files (plain, templated, anchors) round-trip through apply → import → plan with no
// change; globs, templating and anchors; errors that name file, line and field.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud } from '../../src/index.js';
import { JobsConfigError, jobsFileSchema, createJobsAsCode } from '../../src/jobs.js';
import { loadJobsConfig, toJobsYaml } from '../../src/node.js';
import { startEngine, type TestEngine } from '../support/engine.js';

const examples = join(import.meta.dirname, '..', '..', 'examples', 'jobs');
const example = (name: string) => join(examples, name);

let cloud: TestEngine;
let dbt: DbtCloud;
let scratch: string;

beforeEach(async () => {
  cloud = await startEngine({ exampleJobs: false });
  dbt = createDbtCloud({ token: 'test-token', accountId: cloud.accountId, host: cloud.url, maxRetries: 0 });
  scratch = await mkdtemp(join(tmpdir(), 'jobs-as-code-'));
});
afterEach(async () => {
  await cloud.close();
  await rm(scratch, { recursive: true, force: true });
});

const loadError = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the load to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(JobsConfigError);
      return error as JobsConfigError;
    },
  );

describe('example files', () => {
  const cases: Array<[string, string[], string[] | undefined]> = [
    ['plain', ['jobs.yml'], undefined],
    ['templated with a vars file', ['jobs_templated.yml'], ['vars_qa.yml']],
    ['with anchors', ['jobs_with_anchors.yml'], undefined],
  ];
  it.each(cases)('%s: apply, then plan and import → plan show no change', async (_, files, vars) => {
    const loaded = await loadJobsConfig(files.map(example), vars ? { vars: vars.map(example) } : {});
    const first = await createJobsAsCode(dbt).plan(loaded.config);
    expect(first.changes.length).toBe(Object.keys(loaded.config.jobs!).length);
    expect((await createJobsAsCode(dbt).apply(first)).success).toBe(true);
    expect((await createJobsAsCode(dbt).plan(loaded.config)).changes).toEqual([]);

    // Import what dbt Cloud now has, write it as YAML, read it back: it describes the same jobs.
    const imported = await createJobsAsCode(dbt).importConfig({ managedOnly: true });
    const file = join(scratch, 'imported.yml');
    await writeFile(file, toJobsYaml(imported));
    const reread = await loadJobsConfig([file]);
    expect(Object.keys(reread.config.jobs!).sort()).toEqual(Object.keys(loaded.config.jobs!).sort());
    const replanned = await createJobsAsCode(dbt).plan(reread.config);
    expect(replanned.changes).toEqual([]);
  });

  it('renders the template: ids, booleans and names from the vars file', async () => {
    const { config } = await loadJobsConfig([example('jobs_templated.yml')], { vars: [example('vars_qa.yml')] });
    const plan = await createJobsAsCode(dbt).plan(config);
    const hourly = plan.changes.find((change) => change.identifier === 'hourly_orders')!;
    expect(Object.fromEntries(hourly.differences.map((d) => [d.field, d.new]))).toMatchObject({
      project_id: 270542,
      environment_id: 218763,
      name: 'Hourly orders (qa) [[hourly_orders]]',
      settings: { threads: 4, target_name: 'qa' },
      triggers: { schedule: false },
    });
    expect(hourly.envVars).toMatchObject([{ action: 'create', name: 'DBT_ORDERS_SOURCE', new: 'raw_qa.orders' }]);
  });

  it('merges anchors: shared keys come from the anchor, the job’s own keys win', async () => {
    const { config } = await loadJobsConfig([example('jobs_with_anchors.yml')]);
    expect(config.jobs!.marketing_models).toMatchObject({
      project_id: 270542,
      settings: { threads: 6, target_name: 'prod' },
      generate_docs: true,
      schedule: { cron: '0 */6 * * *' },
    });
    expect(config.jobs!.finance_models!.generate_docs).toBe(false);
  });

  it('together use every field of the job schema', async () => {
    const plain = await loadJobsConfig([example('jobs.yml'), example('jobs_with_anchors.yml')]);
    const templated = await loadJobsConfig([example('jobs_templated.yml')], { vars: [example('vars_qa.yml')] });
    const used = new Set<string>();
    const collect = (value: unknown, prefix: string) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return;
      for (const [key, item] of Object.entries(value)) {
        used.add(prefix + key);
        collect(item, `${prefix}${key}.`);
      }
    };
    for (const job of [...Object.values(plain.config.jobs!), ...Object.values(templated.config.jobs!)])
      collect(job, '');
    const wanted: string[] = [];
    const walk = (schema: Record<string, unknown>, prefix: string) => {
      for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        wanted.push(prefix + key);
        const objectPart = (sub.anyOf as Array<Record<string, unknown>> | undefined)?.find((o) => o.properties) ?? sub;
        walk(objectPart, `${prefix}${key}.`);
      }
    };
    walk((jobsFileSchema.$defs as Record<string, Record<string, unknown>>).job!, '');
    // linked_id is read by `jobs link` only; account_id is set at the top level in our examples; deactivated and id
    // are read for dbt-jobs-as-code's files and ignored; schedule.date and time are derived from the cron.
    const notInExamples = ['linked_id', 'account_id', 'deactivated', 'id', 'schedule.date', 'schedule.time'];
    expect(wanted.filter((field) => !used.has(field) && !notInExamples.includes(field))).toEqual([]);
  });
});

describe('files, globs and templating', () => {
  // A job with every required field: the lines after `execute_steps` are 6 to 11 of its block.
  const job = (name: string, extra = '') =>
    `  ${name}:\n    account_id: 43786\n    project_id: 270542\n    environment_id: 218762\n    name: ${name}\n    execute_steps: [dbt build]\n    generate_docs: false\n    run_generate_sources: false\n    triggers: {}\n    schedule: { cron: "0 4 * * *" }\n${extra.includes('settings:') ? '' : '    settings: {}\n'}${extra}`;

  it('reads a directory, a ** glob and plain paths, each file once', async () => {
    await mkdir(join(scratch, 'team_a', 'nested'), { recursive: true });
    await writeFile(join(scratch, 'team_a', 'one.yml'), `jobs:\n${job('one')}`);
    await writeFile(join(scratch, 'team_a', 'nested', 'two.yaml'), `jobs:\n${job('two')}`);
    await writeFile(join(scratch, 'team_a', 'notes.txt'), 'not yaml: [');

    const byGlob = await loadJobsConfig(['team_a/**/*.{yml,yaml}'], { cwd: scratch });
    expect(byGlob.files).toEqual([join('team_a', 'nested', 'two.yaml'), join('team_a', 'one.yml')]);
    expect(Object.keys(byGlob.config.jobs!).sort()).toEqual(['one', 'two']);

    const byDirectory = await loadJobsConfig(['team_a'], { cwd: scratch });
    expect(byDirectory.files).toEqual([join('team_a', 'one.yml')]);

    const twice = await loadJobsConfig(['team_a/one.yml', 'team_a/*.yml'], { cwd: scratch });
    expect(twice.files).toEqual([join('team_a', 'one.yml')]);

    const none = await loadError(loadJobsConfig(['missing/*.yml'], { cwd: scratch }));
    expect(none.message).toMatch(/missing\/\*\.yml: \(files\): no file matches/);
  });

  it('warns, naming both files, when an identifier is defined twice, and uses the later one', async () => {
    await writeFile(join(scratch, 'a.yml'), `jobs:\n${job('same')}`);
    await writeFile(join(scratch, 'b.yml'), `jobs:\n${job('other')}${job('same', '    description: from b\n')}`);
    const loaded = await loadJobsConfig(['*.yml'], { cwd: scratch });
    expect(loaded.warnings).toEqual([
      {
        file: 'b.yml',
        line: 13,
        column: 3,
        field: 'jobs.same',
        message: 'is also defined in a.yml; this later definition is used',
      },
    ]);
    expect(loaded.config.jobs!.same!.description).toBe('from b');
  });

  it('points at file, line and field of a value the schema rejects', async () => {
    await writeFile(
      join(scratch, 'jobs.yml'),
      ['jobs:', job('nightly', '    settings:\n      threads: 0\n      target_name: prod\n').trimEnd(), ''].join('\n'),
    );
    const error = await loadError(loadJobsConfig(['jobs.yml'], { cwd: scratch }));
    const message = 'must be at least 1 (dbt Cloud runs a job with at least 1 thread)';
    expect(error.issues).toEqual([
      { file: 'jobs.yml', line: 13, column: 7, field: 'jobs.nightly.settings.threads', message },
    ]);
    expect(error.message).toContain(`jobs.yml:13:7: jobs.nightly.settings.threads: ${message}`);
  });

  it('points at the job when a required field is missing', async () => {
    await writeFile(
      join(scratch, 'jobs.yml'),
      'jobs:\n  nameless:\n    account_id: 1\n    project_id: 1\n    environment_id: 2\n    execute_steps: [dbt build]\n    generate_docs: false\n    settings: {}\n    triggers: {}\n',
    );
    const error = await loadError(loadJobsConfig(['jobs.yml'], { cwd: scratch }));
    expect(error.issues).toEqual([
      { file: 'jobs.yml', line: 2, column: 3, field: 'jobs.nameless.name', message: 'is required' },
      { file: 'jobs.yml', line: 2, column: 3, field: 'jobs.nameless.run_generate_sources', message: 'is required' },
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    await writeFile(join(scratch, 'jobs.yml'), 'jobs:\n  broken:\n    name: [unclosed\n');
    const error = await loadError(loadJobsConfig(['jobs.yml'], { cwd: scratch }));
    expect(error.issues[0]).toMatchObject({ file: 'jobs.yml', field: '(yaml)' });
    expect(error.issues[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('asks for a vars file when a file is templated, and names a variable the vars do not set', async () => {
    await writeFile(
      join(scratch, 'jobs.yml'),
      'jobs:\n  nightly:\n    project_id: "{{ project_id }}"\n    environment_id: "{{ environment_id }}"\n    name: n\n    execute_steps: [dbt build]\n',
    );
    const noVars = await loadError(loadJobsConfig(['jobs.yml'], { cwd: scratch }));
    expect(noVars.issues).toEqual([
      {
        file: 'jobs.yml',
        line: 3,
        field: '(template)',
        message: 'the file is templated (project_id, environment_id); give a vars file (--vars-yml)',
      },
    ]);
    await writeFile(join(scratch, 'vars.yml'), 'project_id: 270542\n');
    const missing = await loadError(loadJobsConfig(['jobs.yml'], { cwd: scratch, vars: ['vars.yml'] }));
    expect(missing.issues[0]).toMatchObject({ file: 'jobs.yml', line: 4, field: '(template)' });
    expect(missing.issues[0]!.message).toBe('environment_id has no value: the vars files do not set it');
  });

  it('refuses a variable set in two vars files', async () => {
    await writeFile(join(scratch, 'a.yml'), 'project_id: 1\n');
    await writeFile(join(scratch, 'b.yml'), 'project_id: 2\n');
    await writeFile(join(scratch, 'jobs.yml'), 'jobs: {}\n');
    const error = await loadError(loadJobsConfig(['jobs.yml'], { cwd: scratch, vars: ['a.yml', 'b.yml'] }));
    expect(error.issues).toEqual([
      { file: 'b.yml', field: 'project_id', message: 'is also set in a.yml; set each variable once' },
    ]);
  });

  it('ships an editor schema that accepts template strings where numbers and booleans go', async () => {
    const editor = JSON.parse(
      await readFile(join(import.meta.dirname, '..', '..', 'schemas', 'jobs.schema.json'), 'utf8'),
    );
    const job = editor.$defs.job.properties;
    expect(job.project_id.type).toEqual(['integer', 'string']);
    expect(job.triggers.properties.schedule.type).toEqual(['boolean', 'null', 'string']);
    expect(editor.$defs.job.additionalProperties).toBe(false);
    // The library's strict flavour wants the rendered types.
    const strict = (jobsFileSchema.$defs as Record<string, { properties: Record<string, { type: unknown }> }>).job!;
    expect(strict.properties.project_id!.type).toBe('integer');
  });
});
