import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
// @ts-expect-error: a plain .mjs script without type declarations
import { classifyChanges } from '../../scripts/spec-breaking.mjs';

const run = promisify(execFile);
const script = new URL('../../scripts/spec-breaking.mjs', import.meta.url).pathname;

type Change = {
  class: string;
  action: string;
  where: string;
  description: string;
  origin?: string;
  operations: string[];
};
type Spec = any;

const okResponse = (schema: unknown) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });

/** A small spec: list and get runs (responses share the Run schema), and create a job (request body). */
function base(): Spec {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/runs/': {
        get: {
          description: 'List runs.',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: okResponse({ type: 'array', items: { $ref: '#/components/schemas/Run' } }),
        },
      },
      '/runs/{id}/': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: okResponse({ $ref: '#/components/schemas/Run' }),
        },
      },
      '/jobs/': {
        post: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/JobCreate' } } },
          },
          responses: okResponse({ type: 'object' }),
        },
      },
    },
    components: {
      schemas: {
        Run: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'integer' }, status: { type: 'integer' }, href: { type: 'string' } },
        },
        JobCreate: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            job_type: { type: 'string', enum: ['scheduled', 'ci', 'other'] },
            threads: { type: 'integer' },
          },
        },
      },
    },
  };
}

/** The changes from the base spec to one edited by `edit`. */
function changesAfter(edit: (spec: Spec) => void): Change[] {
  const after = base();
  edit(after);
  return classifyChanges(base(), after);
}

const classesOf = (changes: Change[]) => [...new Set(changes.map((c) => c.class))];

describe('classifyChanges', () => {
  it('finds no change between a spec and itself', () => {
    expect(classifyChanges(base(), base())).toEqual([]);
  });

  it('a removed operation is breaking', () => {
    const changes = changesAfter((s) => delete s.paths['/runs/{id}/']);
    expect(changes).toEqual([
      expect.objectContaining({ class: 'breaking', action: 'remove', where: 'GET /runs/{id}/' }),
    ]);
  });

  it('an added operation is non-breaking', () => {
    const changes = changesAfter(
      (s) => (s.paths['/runs/{id}/cancel/'] = { post: { responses: okResponse({ type: 'object' }) } }),
    );
    expect(changes).toEqual([
      expect.objectContaining({ class: 'non-breaking', action: 'add', where: 'POST /runs/{id}/cancel/' }),
    ]);
  });

  it('a new optional query parameter is non-breaking, a new required one breaking', () => {
    const status = { name: 'status', in: 'query', schema: { type: 'integer' } };
    const optional = changesAfter((s) => s.paths['/runs/'].get.parameters.push(status));
    expect(optional).toEqual([expect.objectContaining({ class: 'non-breaking', where: 'GET /runs/ parameters.1' })]);
    expect(optional[0]?.description).toContain('query parameter `status`');
    const required = changesAfter((s) => s.paths['/runs/'].get.parameters.push({ ...status, required: true }));
    expect(classesOf(required)).toEqual(['breaking']);
  });

  it('a removed parameter is breaking', () => {
    const changes = changesAfter((s) => (s.paths['/runs/'].get.parameters = []));
    expect(changes).toEqual([
      expect.objectContaining({ class: 'breaking', action: 'remove', where: 'GET /runs/ parameters.0' }),
    ]);
  });

  it('a newly required request body field is breaking', () => {
    const changes = changesAfter((s) => s.components.schemas.JobCreate.required.push('threads'));
    expect(changes).toEqual([
      expect.objectContaining({
        class: 'breaking',
        where: 'schema JobCreate required.1',
        operations: ['POST /jobs/'],
      }),
    ]);
  });

  it('a removed request body field is breaking (api-smart-diff says non-breaking)', () => {
    const changes = changesAfter((s) => delete s.components.schemas.JobCreate.properties.threads);
    expect(changes).toEqual([expect.objectContaining({ class: 'breaking', action: 'remove' })]);
  });

  it('a removed response field is breaking, once for its schema, with every operation that returns it', () => {
    const optional = changesAfter((s) => delete s.components.schemas.Run.properties.status);
    expect(optional.map((c) => [c.class, c.where, c.operations])).toEqual([
      ['breaking', 'schema Run properties.status', ['GET /runs/', 'GET /runs/{id}/']],
    ]);
    const required = changesAfter((s) => {
      delete s.components.schemas.Run.properties.id;
      s.components.schemas.Run.required = [];
    });
    expect(classesOf(required)).toEqual(['breaking']);
  });

  it('an added response field is non-breaking', () => {
    const changes = changesAfter((s) => (s.components.schemas.Run.properties.url = { type: 'string' }));
    expect(classesOf(changes)).toEqual(['non-breaking']);
  });

  it('a narrowed enum on a request field is breaking, a widened one non-breaking', () => {
    const narrowed = changesAfter((s) => s.components.schemas.JobCreate.properties.job_type.enum.pop());
    expect(narrowed).toEqual([expect.objectContaining({ class: 'breaking', action: 'remove' })]);
    expect(narrowed[0]?.where).toBe('schema JobCreate properties.job_type.enum.2');
    const widened = changesAfter((s) => s.components.schemas.JobCreate.properties.job_type.enum.push('merge'));
    expect(widened).toEqual([expect.objectContaining({ class: 'non-breaking', action: 'add' })]);
  });

  it('a changed type is breaking on both sides; only a safe widening or narrowing is not', () => {
    const request = changesAfter((s) => (s.components.schemas.JobCreate.properties.threads.type = 'string'));
    expect(classesOf(request)).toEqual(['breaking']);
    // api-smart-diff calls this one non-breaking
    const response = changesAfter((s) => (s.components.schemas.Run.properties.status.type = 'string'));
    expect(classesOf(response)).toEqual(['breaking']);
    const nullableResponse = changesAfter(
      (s) => (s.components.schemas.Run.properties.status.type = ['integer', 'null']),
    );
    expect(classesOf(nullableResponse)).toEqual(['breaking']);
    const nullableRequest = changesAfter(
      (s) => (s.components.schemas.JobCreate.properties.threads.type = ['integer', 'null']),
    );
    expect(classesOf(nullableRequest)).toEqual(['non-breaking']);
  });

  it('a description change is an annotation', () => {
    const changes = changesAfter((s) => (s.paths['/runs/'].get.description = 'Lists the runs of an account.'));
    expect(changes).toEqual([
      expect.objectContaining({ class: 'annotation', action: 'replace', where: 'GET /runs/ description' }),
    ]);
  });

  it('a description edit to a shared schema is one change, under the schema', () => {
    const changes = changesAfter((s) => (s.components.schemas.Run.description = 'A run of a job.'));
    expect(changes).toEqual([
      expect.objectContaining({
        class: 'annotation',
        where: 'schema Run description',
        origin: 'schema Run',
        operations: ['GET /runs/', 'GET /runs/{id}/'],
      }),
    ]);
    expect(changes[0]?.description).not.toContain('Response 200');
  });

  it('a change in a schema nested in another is named by the inner schema', () => {
    const withSteps = (s: Spec) => {
      s.components.schemas.Step = { type: 'object', properties: { name: { type: 'string' } } };
      s.components.schemas.Run.properties.steps = { type: 'array', items: { $ref: '#/components/schemas/Step' } };
    };
    const before = base();
    withSteps(before);
    const after = base();
    withSteps(after);
    delete after.components.schemas.Step.properties.name;
    expect(classifyChanges(before, after)).toEqual([
      expect.objectContaining({ class: 'breaking', where: 'schema Step properties.name', origin: 'schema Step' }),
    ]);
  });

  it('examples are annotations: inline response examples, schema and parameter examples', () => {
    const withExamples = (s: Spec) => {
      s.paths['/runs/{id}/'].get.responses['200'].content['application/json'].example = { id: 1, status: 10 };
      s.paths['/runs/'].get.parameters[0].example = 20;
      s.components.schemas.Run.properties.id.examples = [1, 2];
      return s;
    };
    const after = withExamples(base());
    delete after.paths['/runs/{id}/'].get.responses['200'].content['application/json'].example.status;
    after.paths['/runs/'].get.parameters[0].example = 50;
    after.components.schemas.Run.properties.id.examples = [3];
    const changes: Change[] = classifyChanges(withExamples(base()), after);
    expect(changes.length).toBeGreaterThanOrEqual(3);
    expect(classesOf(changes)).toEqual(['annotation']);
    expect(changes.map((c) => c.where)).toContain('GET /runs/{id}/ response 200 example.status');
  });

  it('a removed property that happens to be named `example` is still breaking', () => {
    const before = base();
    before.components.schemas.Run.properties.example = { type: 'string' };
    expect(classesOf(classifyChanges(before, base()))).toEqual(['breaking']);
  });

  it('a new enum name is non-breaking, a renamed one breaking (they are the constants of generated/enums.ts)', () => {
    const named = (s: Spec, names: string[]) =>
      Object.assign(s.components.schemas.JobCreate.properties.job_type, { 'x-enum-varnames': names });
    const before = base();
    named(before, ['Scheduled', 'Ci', 'Other']);
    const added = base();
    named(added, ['Scheduled', 'Ci', 'Other', 'Merge']).enum.push('merge');
    expect(classesOf(classifyChanges(before, added))).toEqual(['non-breaking']);
    const renamed = base();
    named(renamed, ['Scheduled', 'CI', 'Other']);
    expect(classesOf(classifyChanges(before, renamed))).toEqual(['breaking']);
  });
});

describe('npm run spec:breaking', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spec-breaking-'));
    const after = base();
    delete after.paths['/runs/{id}/']; // breaking
    after.paths['/runs/'].get.parameters.push({ name: 'status', in: 'query', schema: { type: 'integer' } }); // non-breaking
    after.paths['/runs/'].get.description = 'Lists runs.'; // annotation
    const widened = base();
    widened.components.schemas.JobCreate.properties.job_type.enum.push('merge');
    await writeFile(join(dir, 'old.yaml'), stringify(base()));
    await writeFile(join(dir, 'new.yaml'), stringify(after));
    await writeFile(join(dir, 'widened.yaml'), stringify(widened));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 1 and groups the report by class when a change is breaking', async () => {
    const failure = await run(process.execPath, [script, join(dir, 'old.yaml'), join(dir, 'new.yaml')]).catch((e) => e);
    expect(failure.code).toBe(1);
    const lines = failure.stdout.trim().split('\n');
    expect(lines).toEqual([
      'breaking (1):',
      expect.stringMatching(/^ {2}breaking {2}remove {2}GET \/runs\/\{id\}\/ {2}\[Removed\] operation/),
      'non-breaking (1):',
      expect.stringMatching(
        /^ {2}non-breaking {2}add {2}GET \/runs\/ parameters\.1 {2}\[Added\] query parameter `status`/,
      ),
      'annotation (1):',
      expect.stringMatching(/^ {2}annotation {2}replace {2}GET \/runs\/ description /),
      'spec:breaking: 1 breaking, 1 non-breaking, 1 annotation',
    ]);
  });

  it('exits 0 when no change is breaking', async () => {
    const { stdout } = await run(process.execPath, [script, join(dir, 'old.yaml'), join(dir, 'widened.yaml')]);
    expect(stdout.trim().split('\n').at(-1)).toBe('spec:breaking: 0 breaking, 1 non-breaking, 0 annotation');
  });

  it('a key removed from an inline response example is not breaking (exit 0)', async () => {
    const withExample = (s: Spec) => {
      s.paths['/runs/{id}/'].get.responses['200'].content['application/json'].example = { id: 1, status: 10 };
      return s;
    };
    const after = withExample(base());
    delete after.paths['/runs/{id}/'].get.responses['200'].content['application/json'].example.status;
    await writeFile(join(dir, 'example-old.yaml'), stringify(withExample(base())));
    await writeFile(join(dir, 'example-new.yaml'), stringify(after));
    const { stdout } = await run(process.execPath, [
      script,
      join(dir, 'example-old.yaml'),
      join(dir, 'example-new.yaml'),
    ]);
    expect(stdout.trim().split('\n')).toEqual([
      'annotation (1):',
      '  annotation  remove  GET /runs/{id}/ response 200 example.status  example (not part of the contract)',
      'spec:breaking: 0 breaking, 0 non-breaking, 1 annotation',
    ]);
  });

  it('keeps every line within 120 characters', async () => {
    const long = `/runs/${'very-long-segment/'.repeat(12)}{id}/`;
    const before = base();
    before.paths[long] = structuredClone(before.paths['/runs/{id}/']);
    before.paths[long].get.responses['200'].content['application/json'].schema = {
      type: 'object',
      properties: { [`a_${'long_'.repeat(20)}name`]: { type: 'string', description: 'x'.repeat(400) } },
    };
    const after = structuredClone(before);
    after.paths[long].get.responses['200'].content['application/json'].schema.properties = {};
    await writeFile(join(dir, 'long-old.yaml'), stringify(before));
    await writeFile(join(dir, 'long-new.yaml'), stringify(after));
    const failure = await run(process.execPath, [script, join(dir, 'long-old.yaml'), join(dir, 'long-new.yaml')]).catch(
      (e) => e,
    );
    expect(failure.code).toBe(1);
    const lines: string[] = failure.stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^ {2}breaking {2}remove {2}GET \/runs\/very-long-segment\/.*…$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('a description or example edit in our spec is one line per component, however the component is used', async () => {
    const ours = parse(await readFile(new URL('../../generated/openapi.yaml', import.meta.url), 'utf8'));
    const edited = structuredClone(ours);
    const schemas = edited.components.schemas;
    schemas.Run.description = 'A run of a job (edited).';
    // Used inside an allOf in a oneOf of request bodies, where api-smart-diff's paths leave the document.
    schemas.EntityState.description = 'Whether the object is active or deleted (edited).';
    // A $ref beside a description in a oneOf ([steps, null]) of a request body.
    schemas.JobExecuteSteps.description = 'The commands, in order (edited).';
    schemas.JobExecuteSteps.examples = [['dbt build --select edited']];
    // Every use gives its own description, so no operation shows it; a named example no schema holds.
    schemas.NullableTimestamp.description = 'A moment, or null (edited).';
    edited.components.examples.JobExample.summary = 'A nightly job (edited)';
    await writeFile(join(dir, 'ours.yaml'), stringify(ours));
    await writeFile(join(dir, 'ours-edited.yaml'), stringify(edited));
    const { stdout } = await run(process.execPath, [script, join(dir, 'ours.yaml'), join(dir, 'ours-edited.yaml')]);
    const lines = stdout.trim().split('\n');
    const where = lines
      .slice(1, -1)
      .map((line) => /^ {2}annotation {2}(?:replace|change) {2}(.+?)(?: \(\d+ operations?\))? {2}/.exec(line)?.[1]);
    expect(where.sort()).toEqual([
      'example JobExample',
      'schema EntityState description',
      'schema JobExecuteSteps description',
      'schema JobExecuteSteps examples',
      'schema NullableTimestamp description',
      'schema Run description',
    ]);
    expect(lines.at(-1)).toBe('spec:breaking: 0 breaking, 0 non-breaking, 6 annotation');
  });

  it('exits 2 with a clear message when a file is missing', async () => {
    const failure = await run(process.execPath, [script, join(dir, 'old.yaml'), join(dir, 'nope.yaml')]).catch(
      (e) => e,
    );
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain(`spec:breaking: cannot read ${join(dir, 'nope.yaml')}`);
    expect(failure.stderr).toContain('ENOENT');
  });

  it('exits 2 with its usage when a file is not given', async () => {
    const failure = await run(process.execPath, [script, join(dir, 'old.yaml')]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('usage: npm run spec:breaking -- <old.yaml> <new.yaml>');
  });
});
