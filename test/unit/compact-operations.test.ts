// Compacted operations (src/mock/compact-operations.ts) must validate exactly as Prism validated the full ones: the
// same exchanges pass, and the same ones fail with the same messages. Checked with Prism's own validator.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type BodyNormalizers, compactOperations } from '../../src/mock/compact-operations.js';

const prismRequire = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const httpRequire = createRequire(prismRequire.resolve('@stoplight/prism-http'));
const filters = httpRequire('@stoplight/prism-http/dist/utils/filterRequiredProperties.js') as Pick<
  BodyNormalizers,
  'stripReadOnlyProperties' | 'stripWriteOnlyProperties'
>;
const normalizers: BodyNormalizers = {
  mergeAllOf: httpRequire('@stoplight/json-schema-merge-allof') as BodyNormalizers['mergeAllOf'],
  ...filters,
};
type Diagnostics = Array<{ message: string; path?: string[] }>;
type Either = { _tag: 'Left'; left: Diagnostics } | { _tag: 'Right' };
const validator = httpRequire('@stoplight/prism-http/dist/validator/index.js') as {
  validateInput(input: { resource: unknown; element: unknown }): Either;
  validateOutput(input: { resource: unknown; element: unknown }): Either;
};

/** Prism's verdict on a response body: null when it passes, else its messages and paths. */
const outputVerdict = (operation: unknown, body: unknown) =>
  verdict(
    validator.validateOutput({
      resource: operation,
      element: { statusCode: 200, headers: { 'content-type': 'application/json' }, body },
    }),
  );
const inputVerdict = (operation: unknown, body: unknown) =>
  verdict(
    validator.validateInput({
      resource: operation,
      element: {
        method: 'post',
        url: { path: '/jobs/' },
        headers: { 'content-type': 'application/json' },
        body,
      },
    }),
  );
const verdict = (result: Either) =>
  result._tag === 'Right' ? null : result.left.map(({ message, path }) => ({ message, path })).sort(byMessage);
const byMessage = (a: { message: string }, b: { message: string }) => a.message.localeCompare(b.message);

// A job as a dereferenced spec writes it out: in full wherever it is used.
const job = () => ({
  type: 'object',
  required: ['id', 'name', 'secret', 'settings'],
  properties: {
    id: { type: 'integer', readOnly: true },
    name: { type: 'string', minLength: 1, description: 'The name shown in dbt Cloud, unique in its project.' },
    secret: { type: 'string', writeOnly: true },
    state: { type: 'integer', enum: [1, 2], description: 'Active (1) or deleted (2).' },
    settings: {
      type: 'object',
      required: ['threads'],
      properties: {
        threads: { type: 'integer', minimum: 1, maximum: 64, description: 'Threads dbt runs with.' },
        target_name: { type: 'string', description: 'The target name dbt runs against, as in profiles.yml.' },
      },
      additionalProperties: false,
    },
  },
});
// A long enum list, repeated: data, never to be replaced by a reference.
const colours = Array.from({ length: 60 }, (_, k) => `colour-${k}`);
const operation = () => ({
  id: 'create-job',
  method: 'post',
  path: '/jobs/',
  request: {
    body: {
      contents: [
        {
          mediaType: 'application/json',
          schema: { type: 'object', required: ['job'], properties: { job: job(), template: job() } },
        },
      ],
    },
  },
  responses: [
    {
      code: '200',
      contents: [
        {
          mediaType: 'application/json',
          schema: {
            allOf: [
              { type: 'object', required: ['status'], properties: { status: { type: 'object' } } },
              {
                type: 'object',
                required: ['data'],
                properties: {
                  data: job(),
                  previous: { anyOf: [job(), { type: 'null' }] },
                  history: { type: 'array', items: job() },
                  colour: { type: 'string', enum: colours, description: 'Its colour.' },
                  other_colour: { type: 'string', enum: colours, description: 'Its other colour.' },
                },
              },
            ],
          },
        },
      ],
    },
  ],
});

const goodJob = { id: 1, name: 'Nightly', state: 1, settings: { threads: 4 } };

describe('compactOperations', () => {
  it('writes each repeated subschema once, in __bundled__, and leaves data keywords alone', () => {
    const full = operation();
    const [compacted] = compactOperations([operation()], normalizers) as [ReturnType<typeof operation>];
    const text = JSON.stringify(compacted);
    expect(text.length).toBeLessThan(JSON.stringify(full).length);
    const shared = Object.keys((compacted as { __bundled__?: object }).__bundled__ ?? {});
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((name) => name.startsWith('shared_'))).toBe(true);
    // The job in `data` and in `history` (the same once writeOnly is stripped) point at one copy.
    expect(text.split('"$ref":"#/__bundled__/shared_').length - 1).toBeGreaterThanOrEqual(2);
    // Two different schemas with the same long enum: the enum is data, and stays in both, in place.
    expect(text.split(JSON.stringify(colours)).length - 1).toBe(2);
  });

  it('answers every response as Prism did on the full schema', () => {
    const full = operation();
    const [compacted] = compactOperations([operation()], normalizers);
    const bodies: unknown[] = [
      { status: {}, data: goodJob, previous: null, history: [goodJob, goodJob] },
      // Prism strips writeOnly properties only along `properties` and `items`: inside anyOf `secret` stays required.
      { status: {}, data: goodJob, previous: goodJob, history: [], colour: 'colour-7' },
      { status: {}, data: goodJob, previous: { ...goodJob, secret: 's' }, history: [], colour: 'colour-7' },
      // Wrong deep inside the copies of the job, and outside them.
      { status: {}, data: goodJob, previous: { ...goodJob, settings: { threads: 0 } }, history: [] },
      { status: {}, data: { ...goodJob, name: '' }, previous: null, history: [{ ...goodJob, id: 'one' }] },
      { status: {}, data: { ...goodJob, settings: { threads: 2, extra: true } }, previous: null, history: [] },
      { status: {}, data: goodJob, previous: null, history: [], colour: 'mauve' },
      { data: { name: 'x' }, previous: 3, history: {} },
    ];
    const verdicts = bodies.map((body) => outputVerdict(full, body));
    expect(verdicts.map((v) => v === null)).toEqual([true, false, true, false, false, false, false, false]);
    expect(bodies.map((body) => outputVerdict(compacted, body))).toEqual(verdicts);
  });

  it('answers every request as Prism did: readOnly properties stripped from the body schema', () => {
    const full = operation();
    const [compacted] = compactOperations([operation()], normalizers);
    const { id: _id, ...withoutId } = goodJob;
    const job = { ...withoutId, secret: 's' }; // readOnly id left out, writeOnly secret given: fine in a request
    const bodies: unknown[] = [
      { job, template: job },
      { job: withoutId },
      { job, template: { ...job, settings: { threads: 'four' } } },
      { job: { name: 3, secret: 's', settings: {} } },
    ];
    const verdicts = bodies.map((body) => inputVerdict(full, body));
    expect(verdicts[0]).toBeNull();
    expect(verdicts.slice(1).every((v) => v !== null)).toBe(true);
    expect(bodies.map((body) => inputVerdict(compacted, body))).toEqual(verdicts);
  });

  it('leaves a body schema whose allOf cannot be merged as it was', () => {
    const original = operation();
    const schema = original.responses[0]!.contents[0]!.schema;
    compactOperations([original], {
      ...normalizers,
      mergeAllOf: () => {
        throw new Error('cannot merge');
      },
    });
    expect(original.responses[0]!.contents[0]!.schema).toBe(schema);
    expect(JSON.stringify(original.responses[0])).not.toContain('__bundled__');
  });

  it('keeps the references Prism already made for cyclic schemas, and shares inside what they point at', () => {
    const node = { type: 'object', properties: { child: { $ref: '#/__bundled__/node' }, job: job(), again: job() } };
    const cyclic = {
      ...operation(),
      responses: [
        { code: '200', contents: [{ mediaType: 'application/json', schema: { $ref: '#/__bundled__/node' } }] },
      ],
      __bundled__: { node },
    };
    const full = structuredClone(cyclic);
    const [compacted] = compactOperations([cyclic], normalizers) as [typeof cyclic];
    expect(compacted.__bundled__.node.properties.child).toEqual({ $ref: '#/__bundled__/node' });
    expect(JSON.stringify(compacted.__bundled__.node)).toContain('#/__bundled__/shared_');
    const tree = {
      child: { child: { job: { ...goodJob, secret: 's' }, again: { ...goodJob, id: 'x', secret: 's' } } },
    };
    expect(outputVerdict(compacted, tree)).toEqual(outputVerdict(full, tree));
    expect(outputVerdict(full, tree)).not.toBeNull();
  });
});
