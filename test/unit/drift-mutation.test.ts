// Drift detection, by mutation: for every field of every recorded response (test/fixtures/recorded), its JSON type is
// changed, and whenever the spec forbids the new type (Ajv over the whole spec is the judge), checkResponse must
// report a violation at that field's path. Then the worst cases for time: a schema pattern over a huge hostile value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/validate-responses/index.js';
import { responseSchemaDefs } from '../../generated/response-schemas.js';
import { foldedPath } from '../../src/validate-responses/validator.js';
import { createRecordedValidator, loadIndex, recordedDir } from '../support/recorded.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pointer = (path: Array<string | number>) =>
  path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Every field of a body: object properties at any depth, and the first item of each list (the others fold with it). */
function fields(value: Json, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (Array.isArray(value)) {
    if (value.length > 0) {
      out.push([...path, 0]);
      fields(value[0]!, [...path, 0], out);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push([...path, key]);
      fields(item, [...path, key], out);
    }
  }
  return out;
}

const jsonTypeOf = (value: Json) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value;
/** Values of every JSON type; a mutation takes the first whose type differs from the field's. */
const replacements: Json[] = [12345, 'drifted', true, null, [], { drifted: true }];

function mutated(body: Json, path: Array<string | number>, value: Json): Json {
  const copy = structuredClone(body);
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = value;
  return copy;
}

const oracle = createRecordedValidator();
const index = loadIndex();
const recorded = Object.entries(index).flatMap(([file, entry]) =>
  'operation' in entry && !entry.placeholder ? [{ file, ...entry.operation }] : [],
);

describe('drift detection catches a changed JSON type at every field of every recorded response', () => {
  const totals = { mutated: 0, forbidden: 0, reported: 0 };

  it.each(recorded)('$file', ({ file, method, path, status }) => {
    const body = JSON.parse(readFileSync(join(recordedDir, file), 'utf8')) as Json;
    const check = (candidate: Json) =>
      checkResponse({ method, template: path, status, contentType: 'application/json', body: candidate });
    expect(check(body), 'the recorded response itself matches').toEqual([]);
    const missed: string[] = [];
    for (const field of fields(body)) {
      let current: any = body;
      for (const key of field) current = current[key];
      for (const value of replacements) {
        if (jsonTypeOf(value) === jsonTypeOf(current)) continue;
        const candidate = mutated(body, field, value);
        totals.mutated++;
        const target = { operation: { method, path, status } };
        if (oracle.validate(target, candidate).length === 0) continue; // the spec allows this type here
        totals.forbidden++;
        const where = foldedPath(pointer(field));
        const violations = check(candidate);
        if (violations.some((violation) => violation.path === where)) totals.reported++;
        else
          missed.push(`${where} as ${jsonTypeOf(value)}: ${violations.map((v) => v.message).join('; ') || 'nothing'}`);
        break;
      }
    }
    expect(missed).toEqual([]);
  });

  it('mutated every field and reported every forbidden type', () => {
    expect(totals.forbidden).toBeGreaterThan(500);
    expect(totals.reported).toBe(totals.forbidden);
  });
});

describe('validation time stays linear in the size of the answer', () => {
  it('checks a 2 MB hostile connection host against its pattern at once', () => {
    // An unanchored `.*x.*` pattern is quadratic on a long value that lacks x; the spec's patterns must not be.
    const host = 'a'.repeat(2_000_000);
    const violations = checkResponse({
      method: 'GET',
      template: '/api/v3/accounts/{account_id}/projects/{project_id}/connections/{id}/',
      status: 200,
      contentType: 'application/json',
      body: {
        status: { code: 200, is_success: true, user_message: 'Success!', developer_message: '' },
        data: {
          id: 1,
          account_id: 1,
          name: 'x',
          type: 'adapter',
          state: 1,
          details: { adapter_version: 'databricks_v0', config: { host, http_path: '/sql/1' } },
        },
      },
    });
    expect(Array.isArray(violations)).toBe(true);
  });

  it('has no pattern in the response schemas that backtracks: none starts or ends with an unanchored .*', () => {
    const patterns: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object')
        for (const [key, value] of Object.entries(node)) {
          if (key === 'pattern' && typeof value === 'string') patterns.push(value);
          else walk(value);
        }
    };
    walk(responseSchemaDefs);
    expect(patterns.length).toBeGreaterThan(10);
    expect(patterns.filter((pattern) => /^\.\*|[^\\]\.\*$/.test(pattern))).toEqual([]);
  });
});
