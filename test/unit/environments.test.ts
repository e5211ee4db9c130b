import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { json, ok, scriptedFetch, bodyOf, queryOf, requestLine, scriptedClient } from '../support/scripted.js';
import { EnvironmentV3CreateFields } from '../../generated/fields.js';

const setup = (steps: Parameters<typeof scriptedFetch>[0]) => scriptedClient(steps);

const line = requestLine;
const query = queryOf;

/** An environment as the v2 GET answers it: create fields, read-only fields, nested objects and nulls. */
const sourceEnvironment = {
  id: 218762,
  account_id: 43786,
  project_id: 270542,
  name: 'Production',
  type: 'deployment',
  deployment_type: 'production',
  connection_id: 9001,
  credentials_id: 7001,
  extended_attributes_id: null,
  dbt_version: 'latest',
  use_custom_branch: true,
  custom_branch: 'main',
  supports_docs: true,
  enable_model_query_history: false,
  state: 1,
  // Not part of a create:
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-02-01T00:00:00Z',
  created_by_id: 5,
  repository_id: 3001,
  credentials: { id: 7001, schema: 'analytics', threads: 4 },
  connection: { id: 9001, type: 'snowflake' },
  custom_environment_variables: [],
  raw_dbt_version: 'latest',
};

/** What a copy within the same project keeps (create fields, nulls dropped). */
const kept = {
  account_id: 43786,
  project_id: 270542,
  name: 'Production',
  type: 'deployment',
  deployment_type: 'production',
  connection_id: 9001,
  credentials_id: 7001,
  dbt_version: 'latest',
  use_custom_branch: true,
  custom_branch: 'main',
  supports_docs: true,
  enable_model_query_history: false,
  state: 1,
};

describe('dbt.environments.copy', () => {
  it('with dryRun returns only create fields and sends nothing but the read', async () => {
    const { dbt, requests } = setup([ok(sourceEnvironment)]);
    const body = (await dbt.environments.copy(218762, { name: 'Production copy', dryRun: true })) as Record<
      string,
      unknown
    >;
    expect(requests.map(line)).toEqual(['GET /api/v2/accounts/43786/environments/218762/']);
    expect(body).toEqual({ ...kept, name: 'Production copy' });
    for (const field of Object.keys(body)) expect(EnvironmentV3CreateFields).toContain(field);
    for (const field of [
      'id',
      'created_at',
      'updated_at',
      'credentials',
      'connection',
      'repository_id',
      'extended_attributes_id',
    ]) {
      expect(body).not.toHaveProperty(field);
    }
  });

  it('drops the source’s credentials when copying into another project', async () => {
    const { dbt } = setup([ok(sourceEnvironment)]);
    const body = (await dbt.environments.copy(218762, { projectId: 270999, dryRun: true })) as Record<string, unknown>;
    const { credentials_id: _c, ...rest } = kept;
    expect(body).toEqual({ ...rest, project_id: 270999 });
  });

  it('uses credentialsId when given, in another project or the same', async () => {
    const { dbt } = setup([ok(sourceEnvironment)]);
    const moved = (await dbt.environments.copy(218762, {
      projectId: 270999,
      credentialsId: 7999,
      dryRun: true,
    })) as Record<string, unknown>;
    expect(moved).toEqual({ ...kept, project_id: 270999, credentials_id: 7999 });
    const same = (await dbt.environments.copy(218762, { credentialsId: 7002, dryRun: true })) as Record<
      string,
      unknown
    >;
    expect(same.credentials_id).toBe(7002);
  });

  it('applies changes to create fields and ignores any other field', async () => {
    const { dbt } = setup([ok(sourceEnvironment)]);
    const body = (await dbt.environments.copy(218762, {
      name: 'Staging',
      changes: { deployment_type: 'staging', custom_branch: 'develop', id: 1, created_at: 'now' } as never,
      dryRun: true,
    })) as Record<string, unknown>;
    expect(body).toEqual({ ...kept, name: 'Staging', deployment_type: 'staging', custom_branch: 'develop' });
  });

  it('creates the copy with a POST to the target project’s v3 environments', async () => {
    const { dbt, requests } = setup([
      ok(sourceEnvironment),
      ok({ ...sourceEnvironment, id: 218999, project_id: 270999 }),
    ]);
    const created = await dbt.environments.copy(218762, {
      projectId: 270999,
      credentialsId: 7999,
      name: 'Prod (new project)',
    });
    expect((created as { id: number }).id).toBe(218999);
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/environments/218762/',
      'POST /api/v3/accounts/43786/projects/270999/environments/',
    ]);
    expect(bodyOf(requests[1]!)).toEqual({
      ...kept,
      project_id: 270999,
      credentials_id: 7999,
      name: 'Prod (new project)',
    });
  });

  it('POSTs to the source’s own project when no projectId is given', async () => {
    const { dbt, requests } = setup([ok(sourceEnvironment), ok({ ...sourceEnvironment, id: 218998 })]);
    await dbt.environments.copy(218762, { name: 'Copy' });
    expect(line(requests[1]!)).toBe('POST /api/v3/accounts/43786/projects/270542/environments/');
    expect(bodyOf(requests[1]!)).toEqual({ ...kept, name: 'Copy' });
  });

  it.each<[string, unknown, object, string]>([
    ['a bad environment id', 0, {}, 'environmentId'],
    ['projectId -1', 218762, { projectId: -1 }, 'projectId'],
    ['credentialsId "7"', 218762, { credentialsId: '7' }, 'credentialsId'],
    ['an empty name', 218762, { name: '' }, 'name'],
    ['changes that are not an object', 218762, { changes: 'x' }, 'changes'],
    ['a non-boolean dryRun', 218762, { dryRun: 1 }, 'dryRun'],
  ])('refuses %s before sending anything', async (_, environmentId, options, field) => {
    const { dbt, requests } = setup([ok(sourceEnvironment)]);
    const error = await dbt.environments.copy(environmentId as number, options as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(requests).toHaveLength(0);
  });
});

describe('dbt.environments.get / list', () => {
  it('gets an environment and lists a project’s environments', async () => {
    const { dbt, requests } = setup([
      ok(sourceEnvironment),
      json({ data: [sourceEnvironment], extra: { pagination: { total_count: 1 } } }),
    ]);
    expect((await dbt.environments.get(218762)).name).toBe('Production');
    expect((await dbt.environments.list({ projectId: 270542 }).toArray()).map((e) => e.id)).toEqual([218762]);
    expect(requests.map(line)).toEqual([
      'GET /api/v2/accounts/43786/environments/218762/',
      'GET /api/v2/accounts/43786/environments/',
    ]);
    expect(query(requests[1]!)).toEqual({ project_id: '270542', limit: '100', offset: '0' });
  });
});

describe('dbt.projects', () => {
  it('gets a project', async () => {
    const { dbt, requests } = setup([ok({ id: 270542, name: 'Analytics', account_id: 43786 })]);
    expect(await dbt.projects.get(270542)).toMatchObject({ id: 270542, name: 'Analytics' });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/accounts/43786/projects/270542/']);
  });

  it('refuses a bad project id before sending anything', async () => {
    const { dbt, requests } = setup([ok({})]);
    await expect(dbt.projects.get('270542' as never)).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'projectId',
    });
    expect(requests).toHaveLength(0);
  });

  it('lists every project across pages with the page size asked for', async () => {
    const { dbt, requests } = setup((request) => {
      const offset = Number(new URL(request.url).searchParams.get('offset'));
      const data =
        offset === 0
          ? [
              { id: 1, name: 'A' },
              { id: 2, name: 'B' },
            ]
          : [{ id: 3, name: 'C' }];
      return json({ data, extra: { pagination: { count: data.length, total_count: 3 } }, status: { code: 200 } });
    });
    const projects = await dbt.projects.list({ pageSize: 2 }).toArray();
    expect(projects.map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(requests.map((r) => r.path)).toEqual([
      '/api/v2/accounts/43786/projects/?limit=2&offset=0',
      '/api/v2/accounts/43786/projects/?limit=2&offset=2',
    ]);
  });
});
