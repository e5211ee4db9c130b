import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
// @ts-expect-error: a plain .mjs script without type declarations
import { compareSpecs } from '../../scripts/spec-compare.mjs';

const run = promisify(execFile);
const script = new URL('../../scripts/spec-compare.mjs', import.meta.url).pathname;

function spec(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas } };
}

const okResponse = (schema: unknown) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });

const ours = spec(
  {
    '/runs/': {
      get: {
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
        responses: okResponse({ $ref: '#/components/schemas/RunList' }),
      },
    },
    '/runs/{id}/': { get: { responses: okResponse({ $ref: '#/components/schemas/Run' }) } },
    '/only-ours/': { post: { responses: okResponse({ type: 'object' }) } },
  },
  {
    Run: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        job: { $ref: '#/components/schemas/Run' },
        finished_at: { type: ['string', 'null'] },
      },
    },
    RunList: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Run' } } } },
  },
);

const theirs = spec({
  '/runs/': {
    get: {
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer' } },
        { name: 'status', in: 'query', schema: { type: 'integer' } },
      ],
      responses: okResponse({
        type: 'object',
        properties: { data: { type: 'array', items: { type: 'object', properties: { id: {}, href: {} } } } },
      }),
    },
  },
  '/runs/{id}/': {
    get: { responses: okResponse({ type: 'object', properties: { id: {}, finished_at: {}, job: {} } }) },
  },
  '/runs/{id}/cancel/': { post: { responses: okResponse({ type: 'object' }) } },
});

describe('compareSpecs', () => {
  const report = compareSpecs(ours, theirs);

  it('lists operations missing from ours and operations only ours has', () => {
    expect(report.missing).toEqual(['POST /runs/{id}/cancel/']);
    expect(report.extra).toEqual(['POST /only-ours/']);
  });

  it('lists parameters and response fields that differ on shared operations', () => {
    const list = report.changed.find((c: { operation: string }) => c.operation === 'GET /runs/');
    expect(list.parametersOnlyInTheirs).toEqual(['query:status']);
    expect(list.parametersOnlyInOurs).toEqual([]);
    expect(list.fieldsOnlyInTheirs).toEqual(['data[].href']);
    expect(list.fieldsOnlyInOurs).toEqual(['data[].finished_at', 'data[].job']);
  });

  it('stops at recursive schemas instead of looping', () => {
    const get = report.changed.find((c: { operation: string }) => c.operation === 'GET /runs/{id}/');
    expect(get).toBeUndefined(); // id, job and finished_at on both sides; the recursion under job is not expanded
  });
});

describe('npm run spec:compare', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spec-compare-'));
    await writeFile(join(dir, 'ours.yaml'), stringify(ours));
    await writeFile(join(dir, 'theirs.yaml'), stringify(theirs));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 1 and names the missing operation when the other spec has more', async () => {
    const failure = await run(process.execPath, [script, join(dir, 'theirs.yaml'), join(dir, 'ours.yaml')]).catch(
      (e) => e,
    );
    expect(failure.code).toBe(1);
    expect(failure.stdout).toContain('missing from ours: 1');
    expect(failure.stdout).toContain('- POST /runs/{id}/cancel/');
  });

  it('exits 0 when nothing is missing', async () => {
    const { stdout } = await run(process.execPath, [script, join(dir, 'ours.yaml'), join(dir, 'ours.yaml')]);
    expect(stdout).toContain('missing from ours: 0');
  });

  it('explains its usage when called without a file', async () => {
    const failure = await run(process.execPath, [script]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('usage: npm run spec:compare');
  });
});
