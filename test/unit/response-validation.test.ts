// dbt-cloud-ts/validate: the response-validation middleware and checkResponse, against scripted answers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DbtCloudError, NotFoundError, ResponseFormatError } from '../../src/index.js';
import {
  checkResponse,
  responseValidation,
  ResponseValidationError,
  type ResponseViolation,
  type ViolationContext,
} from '../../src/validate-responses/index.js';
import { errorBody, json, scriptedClient } from '../support/scripted.js';
import { listOperations, loadSpec } from '../support/spec.js';

const spec = loadSpec();
const operations = listOperations(spec);
const exampleOf = (operationId: string) => {
  const found = operations.find((operation) => operation.operationId === operationId);
  if (!found?.expectedBody) throw new Error(`no example for ${operationId}`);
  return structuredClone(found.expectedBody) as { data: Record<string, any> } & Record<string, any>;
};

// Looks like a dbt Cloud token; it must never show up in a violation, a message or a serialised error.
const secret = 'dbtc_Sup3rSecretValue_9f8e7d6c5b4a';
const getRun = 'GET /api/v2/accounts/{account_id}/runs/{id}/';

/** The getRun example with four kinds of drift, one of them carrying the secret. */
function driftedRun() {
  const body = exampleOf('getRun');
  delete body.data.status_humanized; // a required field missing
  body.data.git_branch = 12; // a wrong type (string | null expected)
  body.data.job_definition_id = null; // null where the spec does not allow it
  body.data.status = 40; // a value outside the enum
  body.data.project_id = secret; // a wrong type whose value is a secret
  return body;
}

function collecting() {
  const seen: Array<{ violations: ResponseViolation[]; context: ViolationContext }> = [];
  return {
    seen,
    onViolation: (violations: ResponseViolation[], context: ViolationContext) => seen.push({ violations, context }),
  };
}

const byPath = (violations: ResponseViolation[]) => Object.fromEntries(violations.map((v) => [v.path, v]));

afterEach(() => vi.restoreAllMocks());

describe('checkResponse', () => {
  it('accepts every 2xx JSON example of the spec', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const operation of operations) {
      if (!operation.expectedMediaType?.includes('json') || operation.expectedBody === undefined) continue;
      checked++;
      const violations = checkResponse({
        method: operation.method,
        template: operation.path,
        status: operation.expectedStatus,
        contentType: operation.expectedMediaType,
        body: operation.expectedBody,
      });
      failures.push(...violations.map((violation) => violation.message));
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('reports each drift by operation, JSON path, expected and seen type, never by value', () => {
    const violations = checkResponse({
      method: 'GET',
      template: '/api/v2/accounts/{account_id}/runs/{id}/',
      status: 200,
      contentType: 'application/json',
      body: driftedRun(),
    });
    const found = byPath(violations);
    expect(Object.keys(found).sort()).toEqual([
      '$.data.git_branch',
      '$.data.job_definition_id',
      '$.data.project_id',
      '$.data.status',
      '$.data.status_humanized',
    ]);
    expect(found['$.data.status_humanized']).toMatchObject({
      operation: getRun,
      operationId: 'getRun',
      status: 200,
      keyword: 'required',
      expected: 'one of "Queued" | "Starting" | "Running" | "Success" | "Error" | "Cancelled"',
      seen: 'missing',
      instancePath: '/data/status_humanized',
    });
    expect(found['$.data.git_branch']).toMatchObject({ expected: 'string | null', seen: 'integer' });
    expect(found['$.data.job_definition_id']).toMatchObject({ keyword: 'type', expected: 'integer', seen: 'null' });
    expect(found['$.data.status']).toMatchObject({ keyword: 'enum', seen: 'integer outside the allowed values' });
    expect(found['$.data.status']!.expected).toBe('one of 1 | 2 | 3 | 10 | 20 | 30');
    expect(found['$.data.project_id']).toMatchObject({ expected: 'integer', seen: 'string' });
    expect(found['$.data.project_id']!.message).toBe(`${getRun} 200: $.data.project_id: expected integer, seen string`);
    expect(JSON.stringify(violations)).not.toContain(secret);
    expect(JSON.stringify(violations)).not.toContain('Sup3rSecret');
  });

  it('reports a value of the wrong type once, not also as outside its enum', () => {
    const body = exampleOf('getRun');
    body.data.status = 'Success';
    const violations = checkResponse({
      method: 'GET',
      template: '/api/v2/accounts/{account_id}/runs/{id}/',
      status: 200,
      contentType: 'application/json',
      body,
    });
    expect(violations.map((v) => [v.path, v.keyword, v.expected, v.seen])).toEqual([
      ['$.data.status', 'type', 'one of 1 | 2 | 3 | 10 | 20 | 30', 'string'],
    ]);
  });

  it('folds the same drift in many list items into one violation with a count', () => {
    const body = exampleOf('listRuns');
    const item = body.data[0];
    body.data = [1, 2, 3].map((id) => {
      const run = { ...item, id };
      delete run.created_at;
      return run;
    });
    const violations = checkResponse({
      method: 'GET',
      template: '/api/v2/accounts/{account_id}/runs/',
      status: 200,
      contentType: 'application/json',
      body,
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      path: '$.data[*].created_at',
      instancePath: '/data/0/created_at',
      occurrences: 3,
      seen: 'missing',
    });
    expect(violations[0]!.message).toMatch(/\(3 times\)$/);
  });

  it('checks a tagged union against the shape its tag names (OpenAPI discriminator)', () => {
    const template = '/api/v3/accounts/{account_id}/projects/{project_id}/credentials/{id}/';
    const body = exampleOf('getCredentials');
    const check = (data: unknown) =>
      checkResponse({ method: 'GET', template, status: 200, contentType: 'application/json', body: { ...body, data } });
    expect(check(body.data)).toEqual([]);
    // A wrong type inside the chosen shape is reported where it is, not as "matches none of the shapes".
    const wrongUser = check({ ...body.data, type: 'snowflake', user: 5 });
    expect(wrongUser.map((v) => [v.path, v.expected, v.seen])).toEqual([['$.data.user', 'string | null', 'integer']]);
    // A tag the spec does not know is an enum violation on the tag.
    const unknownTag = check({ ...body.data, type: 'oracle' });
    expect(unknownTag.map((v) => [v.path, v.keyword])).toEqual([['$.data.type', 'enum']]);
  });

  it('reports a 2xx status or a content type the spec does not declare, and skips error statuses', () => {
    const base = { method: 'GET', template: '/api/v2/accounts/{account_id}/runs/{id}/', body: exampleOf('getRun') };
    expect(checkResponse({ ...base, status: 201, contentType: 'application/json' })).toMatchObject([
      { keyword: 'status', expected: '200', seen: '201' },
    ]);
    expect(
      checkResponse({ ...base, status: 200, contentType: 'text/html; charset=utf-8', body: undefined }),
    ).toMatchObject([{ keyword: 'contentType', expected: 'application/json', seen: 'text/html' }]);
    expect(checkResponse({ ...base, status: 200, contentType: 'application/json', body: undefined })).toMatchObject([
      { path: '$', seen: 'empty body' },
    ]);
    expect(checkResponse({ ...base, status: 404, contentType: 'application/json', body: { anything: true } })).toEqual(
      [],
    );
    expect(checkResponse({ ...base, template: '/not/in/the/spec/', status: 200, contentType: null })).toEqual([]);
  });
});

describe('responseValidation middleware', () => {
  it('warn mode: reports through onViolation and still returns the data, helpers included', async () => {
    const { dbt } = scriptedClient([json(driftedRun())]);
    const sink = collecting();
    dbt.api.use(responseValidation({ mode: 'warn', onViolation: sink.onViolation }));
    const run = await dbt.runs.get(70403103);
    expect(run.project_id).toBe(secret as unknown as number);
    expect(sink.seen).toHaveLength(1);
    expect(sink.seen[0]!.context).toEqual({
      operation: getRun,
      path: '/api/v2/accounts/43786/runs/70403103/',
      status: 200,
    });
    expect(sink.seen[0]!.violations.map((v) => v.path).sort()).toEqual([
      '$.data.git_branch',
      '$.data.job_definition_id',
      '$.data.project_id',
      '$.data.status',
      '$.data.status_humanized',
    ]);
    expect(JSON.stringify(sink.seen)).not.toContain(secret);
  });

  it('warn mode without onViolation writes one console.warn line per violation, without values', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { dbt } = scriptedClient([json(driftedRun())]);
    dbt.api.use(responseValidation());
    await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path: { account_id: 43786, id: 1 } } });
    expect(warn).toHaveBeenCalledTimes(5);
    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines.every((line) => line.includes(getRun))).toBe(true);
    expect(lines.join('\n')).not.toContain(secret);
  });

  it('throw mode: the call fails with ResponseValidationError, a DbtCloudError that holds no value', async () => {
    const { dbt } = scriptedClient([json(driftedRun())]);
    dbt.api.use(responseValidation({ mode: 'throw' }));
    const error = await dbt.runs.get(70403103).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(DbtCloudError);
    const typed = error as ResponseValidationError;
    expect(typed.name).toBe('ResponseValidationError');
    expect(typed.operation).toBe(getRun);
    expect(typed.method).toBe('GET');
    expect(typed.path).toBe('/api/v2/accounts/43786/runs/70403103/');
    expect(typed.status).toBe(200);
    expect(typed.body).toBeUndefined();
    expect(typed.violations).toHaveLength(5);
    expect(typed.message).toMatch(/^GET \/api\/v2\/accounts\/43786\/runs\/70403103\/ answered 200 .*\(and 4 more\)$/);
    for (const text of [typed.message, JSON.stringify(typed), String(typed.stack), JSON.stringify(typed.violations)]) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(JSON.stringify(typed))).toMatchObject({ name: 'ResponseValidationError', operation: getRun });
  });

  it('throw mode fails on a nullable timestamp that comes back as a number, naming it as the README shows', async () => {
    for (const field of ['finished_at', 'started_at', 'dequeued_at']) {
      const body = exampleOf('getRun');
      body.data[field] = 12345;
      const { dbt } = scriptedClient([json(body)]);
      dbt.api.use(responseValidation({ mode: 'throw' }));
      const error = (await dbt.runs.get(70403103).catch((caught: unknown) => caught)) as ResponseValidationError;
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect(error.violations.map((v) => v.message)).toEqual([
        `${getRun} 200: $.data.${field}: expected string | null, seen integer`,
      ]);
    }
  });

  it('throw mode lets a valid answer through', async () => {
    const { dbt } = scriptedClient([json(exampleOf('getRun'))]);
    dbt.api.use(responseValidation({ mode: 'throw' }));
    const run = await dbt.runs.get(70403103);
    expect(run.id).toBe(exampleOf('getRun').data.id);
  });

  it('leaves error statuses to their typed errors, and a non-JSON 2xx to ResponseFormatError', async () => {
    const notFound = scriptedClient([json(errorBody(404, 'no such run'), 404)]);
    notFound.dbt.api.use(responseValidation({ mode: 'throw' }));
    await expect(notFound.dbt.runs.get(1)).rejects.toBeInstanceOf(NotFoundError);

    const html = scriptedClient([
      new Response('<html>maintenance</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ]);
    html.dbt.api.use(responseValidation({ mode: 'throw' }));
    await expect(html.dbt.runs.get(1)).rejects.toBeInstanceOf(ResponseFormatError);
  });

  it('throw mode fails on an empty 200 where the spec promises JSON', async () => {
    const { dbt } = scriptedClient([
      new Response('', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    ]);
    dbt.api.use(responseValidation({ mode: 'throw' }));
    const error = (await dbt.runs.get(1).catch((caught: unknown) => caught)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.violations[0]).toMatchObject({ path: '$', seen: 'empty body' });
  });

  it('does not read answers asked for as text or a stream', async () => {
    const { dbt } = scriptedClient([json(driftedRun())]);
    const sink = collecting();
    dbt.api.use(responseValidation({ mode: 'throw', onViolation: sink.onViolation }));
    const { data } = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: { path: { account_id: 43786, id: 1 } },
      parseAs: 'text',
    });
    expect(typeof data).toBe('string');
    expect(sink.seen).toEqual([]);
  });

  it('checks list helpers page by page', async () => {
    const body = exampleOf('listRuns');
    body.data = body.data.map((run: Record<string, unknown>) => ({ ...run, trigger_id: 'x' }));
    const { dbt } = scriptedClient([json(body)]);
    const sink = collecting();
    dbt.api.use(responseValidation({ onViolation: sink.onViolation }));
    await dbt.runs.list().toArray({ max: 1 });
    expect(sink.seen[0]!.violations).toMatchObject([
      { operation: 'GET /api/v2/accounts/{account_id}/runs/', path: '$.data[*].trigger_id', seen: 'string' },
    ]);
  });

  it('rejects an unknown mode', () => {
    expect(() => responseValidation({ mode: 'loud' as 'warn' })).toThrow(TypeError);
  });
});
