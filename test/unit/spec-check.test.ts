// checkSpec against a local stand-in for an account: the spec's own examples everywhere, drift where the test says.
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createDbtCloud } from '../../src/index.js';
import { checkSpec } from '../../src/validate-responses/index.js';
import type { ScriptedServer } from '../support/http-server.js';
import { startSpecAccount, type SpecAccountOptions } from '../support/spec-account.js';

const token = 'dbtc_SPEC_CHECK_SECRET_0a1b2c';
const secret = 'sk_live_ShouldNeverBeShown_77';
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function account(options: SpecAccountOptions = {}) {
  server = await startSpecAccount(options);
  return createDbtCloud({ token, accountId: 43786, host: server.url, env: {}, maxRetries: 0 });
}

// Three kinds of drift, at three depths: a list, a get found through that list, a get two lists deep.
const drift: SpecAccountOptions['drift'] = {
  listRuns: (body) => ({ ...body, data: body.data.map((run: object) => ({ ...run, trigger_id: secret })) }),
  getJob: (body) => {
    delete body.data.name;
    return body;
  },
  getProjectEnvironment: (body) => ({ ...body, data: { ...body.data, dbt_version: 1.9 } }),
};

describe('checkSpec', () => {
  it('reports exactly the drifted operations, by operation, path and types, after sending only GETs', async () => {
    const dbt = await account({ drift });
    const report = await checkSpec(dbt);

    expect(report.ok).toBe(false);
    expect(report.violations.map((v) => [v.operation, v.path, v.expected, v.seen])).toEqual([
      ['GET /api/v2/accounts/{account_id}/runs/', '$.data[*].trigger_id', 'integer', 'string'],
      ['GET /api/v2/accounts/{account_id}/jobs/{id}/', '$.data.name', 'string', 'missing'],
      [
        'GET /api/v3/accounts/{account_id}/projects/{project_id}/environments/{id}/',
        '$.data.dbt_version',
        'string | null',
        'number',
      ],
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);

    const methods = new Set(server!.requests.map((request) => request.method));
    expect([...methods]).toEqual(['GET']);
    expect(server!.requests).toHaveLength(report.requests);
    // Ids come from the lists: the nested get used the project id the project list gave.
    const checked = report.entries.filter((entry) => entry.outcome === 'checked').map((entry) => entry.operationId);
    expect(checked).toEqual(expect.arrayContaining(['listRuns', 'getRun', 'getJob', 'getProjectEnvironment']));
    // The webhook test delivery is a GET that acts: never sent.
    expect(server!.requests.some((request) => /\/test$/.test(request.path.split('?')[0]!))).toBe(false);
    expect(report.entries.find((entry) => entry.operationId === 'testWebhookSubscription')).toMatchObject({
      outcome: 'skipped',
    });
    // Lists that take `limit` are asked for a small page.
    expect(server!.requests.find((request) => request.path.startsWith('/api/v2/accounts/43786/runs/?'))?.path).toBe(
      '/api/v2/accounts/43786/runs/?limit=10',
    );
  });

  it('is clean when every answer matches the spec', async () => {
    const dbt = await account();
    const report = await checkSpec(dbt);
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries.filter((entry) => entry.outcome === 'checked').length).toBeGreaterThan(40);
  });

  it('sends no more than maxRequests', async () => {
    const dbt = await account();
    const report = await checkSpec(dbt, { maxRequests: 5 });
    expect(report.requests).toBe(5);
    expect(server!.requests).toHaveLength(5);
    expect(report.entries.some((entry) => entry.reason === 'request budget of 5 reached')).toBe(true);
  });

  it('stops at a rejected token with AuthenticationError, which holds no token', async () => {
    const dbt = await account({ status: 401 });
    const error = await checkSpec(dbt).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server!.requests).toHaveLength(1);
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it('needs an account id', async () => {
    const dbt = createDbtCloud({ token, host: 'http://127.0.0.1:9', env: {} });
    await expect(checkSpec(dbt)).rejects.toThrow(/accountId/);
  });
});
