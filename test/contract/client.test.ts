// The client against the mock server: the typed api, pagination and waiting, over real HTTP.
import { describe, expect, inject, it } from 'vitest';
import { createDbtCloud, NotFoundError, RunFailedError, RunStatus, type DbtCloudOptions } from '../../src/index.js';

const host = inject('prismUrl');

/** A client whose requests carry a Prism `Prefer` header, the way a downstream team picks a mock answer. */
function client(prefer?: string, extra: Partial<DbtCloudOptions> = {}) {
  const fetchWithPrefer = (request: Request) => {
    if (prefer) request.headers.set('Prefer', prefer);
    return fetch(request);
  };
  return createDbtCloud({ token: 'dbtc_contract', accountId: 43786, host, fetch: fetchWithPrefer, env: {}, ...extra });
}

describe('the client against Prism', () => {
  it('calls a typed operation through dbt.api and gets { data, response }', async () => {
    const { data, error, response } = await client().api.GET('/api/v2/accounts/{account_id}/jobs/{id}/', {
      params: { path: { account_id: 43786, id: 567183 } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data.name).toBe('Nightly build');
  });

  it('keeps openapi-fetch’s { error } for an unsuccessful status in dbt.api, and throws typed errors in helpers', async () => {
    const dbt = client('code=404');
    const { data, error, response } = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: { path: { account_id: 43786, id: 1 } },
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ status: { code: 404 } });
    await expect(dbt.runs.get(1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('works with the Bearer scheme too', async () => {
    const run = await client(undefined, { authScheme: 'Bearer' }).runs.get(70403103);
    expect(run.status).toBe(RunStatus.Success);
  });

  it('pages a list with dbt.paginate and the typed list helpers', async () => {
    const dbt = client();
    const jobs = await dbt
      .paginate('/api/v2/accounts/{account_id}/jobs/', { params: { path: { account_id: 43786 } } })
      .toArray();
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs[0]).toHaveProperty('execute_steps');
    const runs = await dbt.runs.list({ jobId: 567183, status: ['error', 'success'], orderBy: '-id' }).toArray();
    expect(runs.map((r) => r.id)).toContain(70403103);
    expect((await dbt.projects.list().toArray())[0]?.name).toBe('jaffle_shop');
    expect((await dbt.environments.list({ projectId: 270542 }).toArray()).length).toBeGreaterThan(0);
  });

  it('pages a v3 list too', async () => {
    const groups = await client()
      .paginate('/api/v3/accounts/{account_id}/groups/', { params: { path: { account_id: 43786 } } })
      .toArray();
    expect(groups.length).toBeGreaterThan(0);
  });

  it('waits for a run: success returns it, error throws RunFailedError', async () => {
    expect((await client().runs.wait(70403103)).status).toBe(RunStatus.Success);
    const failure = await client('example=error')
      .runs.wait(70403104)
      .catch((e) => e);
    expect(failure).toBeInstanceOf(RunFailedError);
    expect(failure.run.status).toBe(RunStatus.Error);
  });

  it('fetches an artifact by a path with slashes', async () => {
    const { data, response } = await client().api.GET(
      '/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}',
      {
        params: { path: { account_id: 43786, run_id: 70403103, remainder: 'run_results.json' } },
      },
    );
    expect(response.status).toBe(200);
    expect(data).toHaveProperty('results');
  });
});
