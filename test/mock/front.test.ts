// The mock's front door against sloppy and hostile requests, and the request forms real clients send that dbt Cloud
// takes: paths without their trailing slash (308), `null` for optional fields, `include_related` in every form. None of
// it may take the mock down or change the format of its answers (the API's error envelope).
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/node.js';
import { apiClient, expectEnvelope, type Answer } from './support.js';

let mock: MockServer;
let api: ReturnType<typeof apiClient>;
const headers = { Authorization: 'Token dbtc_mock_key', 'Content-Type': 'application/json' };
const account = '/api/v2/accounts/43786';

beforeAll(async () => {
  mock = await startMockServer({ stepPerPoll: true });
  api = apiClient(mock.url);
});

afterAll(async () => {
  await mock?.stop();
});

beforeEach(async () => {
  await mock.reset();
});

async function raw(method: string, path: string, body?: string, redirect: RequestRedirect = 'manual') {
  const response = await fetch(mock.url + path, { method, headers, body, redirect });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
  } as Answer;
}

/** The mock still answers (Prism behind it alive). */
async function stillUp() {
  const job = await api('GET', '/jobs/567183/');
  expect(job.status, job.text).toBe(200);
}

describe('paths without their trailing slash', () => {
  it('are redirected with 308 to the slash form, query kept, where that form is an operation', async () => {
    const run = await raw('GET', `${account}/runs/70403103?include_related=trigger`);
    expect(run.status).toBe(308);
    expect(run.headers.get('location')).toBe(`${account}/runs/70403103/?include_related=trigger`);
    const projects = await raw('GET', '/api/v3/accounts/43786/projects');
    expect(projects.status).toBe(308);
    expect(projects.headers.get('location')).toBe('/api/v3/accounts/43786/projects/');
  });

  it('keep method, body and Authorization through the redirect, as Python requests and axios follow a 308', async () => {
    const triggered = await raw('POST', `${account}/jobs/567183/run`, JSON.stringify({ cause: 'no slash' }), 'follow');
    expect(triggered.status, triggered.text).toBe(200);
    expect(triggered.body.data).toMatchObject({ job_definition_id: 567183, status: 1 });
    const cancelled = await raw('POST', `${account}/runs/${triggered.body.data.id}/cancel`, undefined, 'follow');
    expect(cancelled.body.data).toMatchObject({ id: triggered.body.data.id, status: 30 });
    const deleted = await raw('DELETE', `${account}/jobs/567185`, undefined, 'follow');
    expect(deleted.body.data).toMatchObject({ id: 567185, state: 2 });
  });

  it('are left alone where the real path has no slash, and answered 404 where no operation is', async () => {
    const artifact = await raw('GET', `${account}/runs/70403103/artifacts/run_results.json`);
    expect(artifact.status).toBe(200);
    const webhooks = await raw('GET', '/api/v3/accounts/43786/webhooks/subscriptions');
    expect(webhooks.status).toBe(200);
    expectEnvelope(await raw('GET', `${account}/nothing-here`), 404);
    expectEnvelope(await raw('GET', `${account}/nothing-here/`), 404);
  });
});

describe('hostile or sloppy input', () => {
  it.each(['/jobs/%E0%A4%A/', '/jobs/%/', '/jobs/%zz/', '/jobs/%C0%80/', '/runs/%E0%A4%A'])(
    'answers a path with malformed %%-encoding (%s) with the error envelope, and stays up',
    async (path) => {
      const answer = await raw('GET', account + path);
      expect([400, 404]).toContain(answer.status);
      expectEnvelope(answer, answer.status);
      await stillUp();
    },
  );

  it('answers a body that is not JSON with 400 and the error envelope', async () => {
    const answer = await raw('POST', `${account}/jobs/567183/run/`, '{"cause":');
    expectEnvelope(answer, 400);
    expect(answer.headers.get('content-type')).toContain('application/json');
    await stillUp();
  });

  it('answers a body over the size limit with 413 and the error envelope', async () => {
    const huge = JSON.stringify({ cause: 'x', steps_override: [`dbt run ${'a'.repeat(11 * 1024 * 1024)}`] });
    const answer = await raw('POST', `${account}/jobs/567183/run/`, huge);
    expectEnvelope(answer, 413);
    await stillUp();
  });

  it('takes a chunked body (no Content-Length)', async () => {
    const url = new URL(`${mock.url}${account}/jobs/567183/run/`);
    const answer = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = request(
        { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
        },
      );
      req.on('error', reject);
      req.write('{"cause":');
      req.end('"chunked"}');
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.trigger.cause).toBe('chunked');
  });

  it('answers what Prism refuses in the API envelope, never problem+json', async () => {
    const wrongMethod = await raw('PUT', `${account}/runs/`, '{}');
    expect(wrongMethod.headers.get('content-type')).not.toContain('problem');
    expectEnvelope(wrongMethod, wrongMethod.status);
    const badQuery = await raw('GET', `${account}/runs/?status=7`);
    expectEnvelope(badQuery, 400);
  });
});

describe('what real clients send', () => {
  it('accepts null for every optional trigger field, and extra fields', async () => {
    const nulls = Object.fromEntries(
      [
        'git_sha',
        'git_branch',
        'azure_pull_request_id',
        'github_pull_request_id',
        'gitlab_merge_request_id',
        'non_native_pull_request_id',
        'schema_override',
        'dbt_version_override',
        'threads_override',
        'target_name_override',
        'generate_docs_override',
        'timeout_seconds_override',
        'steps_override',
      ].map((field) => [field, null]),
    );
    const answer = await api('POST', '/jobs/567183/run/', {
      cause: 'nulls',
      ...nulls,
      account_id: 43786,
      job_id: 567183,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data.trigger).toMatchObject({ cause: 'nulls', git_branch: null, steps_override: null });
  });

  it('creates a job from the project, environment and name alone, and one with job_type null', async () => {
    const minimal = await api('POST', '/jobs/', { project_id: 270542, environment_id: 218762, name: 'Bare' });
    expect(minimal.status, minimal.text).toBe(201);
    expect(minimal.body.data).toMatchObject({ name: 'Bare', execute_steps: [], job_type: 'other', state: 1 });
    const untyped = await api('POST', '/jobs/', {
      id: null,
      account_id: 43786,
      project_id: 270542,
      environment_id: 218762,
      name: 'Untyped',
      execute_steps: ['dbt build'],
      job_type: null,
      dbt_version: null,
      description: '',
    });
    expect(untyped.status, untyped.text).toBe(201);
    expect(untyped.body.data).toMatchObject({ name: 'Untyped', job_type: 'other', description: '' });
    expect(untyped.body.data.id).not.toBe(minimal.body.data.id);
  });

  it.each([
    ['a comma list', 'include_related=trigger,job'],
    ['a JSON array', 'include_related=%5B%22trigger%22%2C+%22job%22%5D'],
    ['a bracketed list without quotes', 'include_related=[trigger,job]'],
    ['the key repeated', 'include_related=trigger&include_related=job'],
  ])('understands include_related as %s', async (_form, query) => {
    const answer = await api('GET', `/runs/70403103/?${query}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data.trigger.cause).toBe('Kicked off from schedule');
    expect(answer.body.data.job.id).toBe(567183);
    const listed = await api('GET', `/runs/?pk=70403103&${query}`);
    expect(listed.body.data[0].job.id).toBe(567183);
  });

  it('takes an empty include_related, as dbtc sends it', async () => {
    const answer = await api('GET', '/runs/70403103/?include_related=');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data).not.toHaveProperty('trigger');
  });

  it('lists the runs that finished in a window (finished_at__range, as dagster-dbt sends it)', async () => {
    const window = (from: string, to: string) =>
      `finished_at__range=${encodeURIComponent(JSON.stringify([from, to]).replace(',', ', '))}`;
    const past = await api('GET', `/runs/?${window('2000-01-01T00:00:00+00:00', '2100-01-01T00:00:00+00:00')}`);
    expect(past.status, past.text).toBe(200);
    expect(past.body.data.map((run: { id: number }) => run.id)).toEqual([70403103, 70403104]);
    const future = await api('GET', `/runs/?${window('2100-01-01T00:00:00+00:00', '2101-01-01T00:00:00+00:00')}`);
    expect(future.body.data).toEqual([]);
  });

  it('links each run (href) to the mock itself', async () => {
    const run = await api('GET', '/runs/70403103/');
    expect(run.body.data.href).toBe(`${mock.url}/deploy/43786/projects/270542/runs/70403103/`);
  });

  it('answered all of it without a response that broke the spec', async () => {
    const state = await mock.state();
    expect(state?.violations.recent).toEqual([]);
  });
});
