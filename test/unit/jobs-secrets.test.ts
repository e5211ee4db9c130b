// Secret overrides (DBT_ENV_SECRET_*) reach dbt Cloud and nothing else: not a plan, not its JSON, not a saved plan,
// not an error a server echoes back. (The CLI's output and plan files: test/e2e/jobs-as-code-cli.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbtCloud, type DbtCloud, type JobsConfig } from '../../src/index.js';
import { type JobsPlan, PlanRefusedError, createJobsAsCode } from '../../src/jobs.js';
import { startEngine, type TestEngine } from '../support/engine.js';

const secret = 'sf-password-7d1e5c';
let cloud: TestEngine;
let dbt: DbtCloud;

beforeEach(async () => {
  cloud = await startEngine({ exampleJobs: false });
  dbt = createDbtCloud({ token: 'test-token', accountId: cloud.accountId, host: cloud.url, maxRetries: 0 });
});
afterEach(() => cloud.close());

const config = (): JobsConfig => ({
  jobs: {
    nightly: {
      account_id: 43786,
      project_id: 270542,
      environment_id: 218762,
      name: 'Nightly',
      execute_steps: ['dbt build'],
      generate_docs: false,
      run_generate_sources: false,
      settings: { threads: 4, target_name: 'prod' },
      triggers: { github_webhook: false, schedule: true },
      schedule: { cron: '0 3 * * *' },
      custom_environment_variables: [{ DBT_ENV_SECRET_PASSWORD: secret }, { DBT_SCHEMA: 'analytics' }],
    },
  },
});

describe('in the library', () => {
  it('keeps the value out of the plan and its JSON, and still sets it when the plan is applied in-process', async () => {
    const plan = await createJobsAsCode(dbt).plan(config());
    expect(JSON.stringify(plan)).not.toContain(secret);
    expect(plan.changes[0]!.envVars).toContainEqual(
      expect.objectContaining({ name: 'DBT_ENV_SECRET_PASSWORD', new: '*****' }),
    );
    await createJobsAsCode(dbt).apply(plan);
    const stored = [...cloud.variables.values()].find((v) => v.name === 'DBT_ENV_SECRET_PASSWORD')!;
    expect(stored.raw_value).toBe(secret);
  });

  it('refuses to set a secret from a plan read back from JSON, which never held its value', async () => {
    const saved = JSON.parse(JSON.stringify(await createJobsAsCode(dbt).plan(config()))) as JobsPlan;
    const error = await createJobsAsCode(dbt)
      .apply(saved)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanRefusedError);
    expect(String(error)).toMatch(/DBT_ENV_SECRET_PASSWORD, whose value is never saved in a plan/);
    expect(cloud.writes).toEqual([]);
  });

  it('masks the value in a failure a server echoes back', async () => {
    const echoing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.url.includes('environment-variables') && request.method === 'POST') {
        const body = await request.text();
        return Response.json(
          { status: { code: 400, is_success: false, user_message: `bad: ${body}` }, data: { raw_value: [body] } },
          { status: 400 },
        );
      }
      return fetch(request);
    };
    const client = createDbtCloud({
      token: 'test-token',
      accountId: cloud.accountId,
      host: cloud.url,
      maxRetries: 0,
      fetch: echoing,
    });
    const result = await createJobsAsCode(client).apply(await createJobsAsCode(client).plan(config()));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
