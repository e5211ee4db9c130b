// npm start: the main job end to end against the bundled mock server (or, with --real, a real account).
// list projects and jobs → trigger a job → wait for it → download run_results.json → summary.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDbtCloud, startMockServer, type DbtCloud, type MockServer } from '../src/index.js';

const { values } = parseArgs({
  options: {
    real: { type: 'boolean', default: false },
    job: { type: 'string' },
    out: { type: 'string' },
  },
});

const env = process.env;
const usingRealAccount = Boolean(env.DBT_CLOUD_API_TOKEN && env.DBT_CLOUD_ACCOUNT_ID);
if (usingRealAccount && !(values.real && values.job)) {
  console.error(
    'DBT_CLOUD_API_TOKEN and DBT_CLOUD_ACCOUNT_ID are set: npm start will not trigger a job in a real account by accident.\n' +
      'Run `npm start -- --real --job <job-id>` to do that, or unset them to use the mock server.',
  );
  process.exit(4);
}

let mock: MockServer | undefined;
try {
  let dbt: DbtCloud;
  if (usingRealAccount) {
    dbt = createDbtCloud();
    console.log(`Using ${dbt.baseUrl}, account ${dbt.accountId}`);
  } else {
    mock = await startMockServer();
    console.log(`Mock server started at ${mock.url}`);
    dbt = createDbtCloud({ host: mock.url, token: 'mock-token', accountId: 43786 });
  }
  const accountId = dbt.accountId!;

  const projects = await dbt.projects.list().toArray({ max: 10 });
  console.log(`Projects: ${projects.map((p) => `${p.name} (${p.id})`).join(', ') || 'none'}`);
  const jobs = await dbt.jobs.list().toArray({ max: 10 });
  console.log(`Jobs: ${jobs.map((j) => `${j.name} (${j.id})`).join(', ') || 'none'}`);

  const jobId = values.job ? Number(values.job) : jobs[0]?.id;
  if (!jobId) throw new Error('No job to trigger.');
  const triggered = await dbt.api.POST('/api/v2/accounts/{account_id}/jobs/{job_id}/run/', {
    params: { path: { account_id: accountId, job_id: jobId } },
    body: { cause: 'Triggered by npm start (dbt-cloud-ts)' },
  });
  if (!triggered.data) throw new Error(`Trigger failed with ${triggered.response.status}`);
  const runId = triggered.data.data.id;
  console.log(`Triggered job ${jobId}: run ${runId} is ${triggered.data.data.status_humanized}`);

  const started = Date.now();
  const run = await dbt.runs.wait(runId, {
    throwOnFailure: false,
    onProgress: (current) =>
      console.log(`  run ${current.id}: ${current.status_humanized} after ${((Date.now() - started) / 1000).toFixed(1)} s`),
  });

  const artifact = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}', {
    params: { path: { account_id: accountId, run_id: run.id, remainder: 'run_results.json' } },
  });
  if (!artifact.data) throw new Error(`Downloading run_results.json failed with ${artifact.response.status}`);
  const outDir = values.out ?? join(tmpdir(), 'dbt-cloud-ts-start');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'run_results.json');
  await writeFile(file, JSON.stringify(artifact.data, null, 2));

  const results = 'results' in artifact.data && Array.isArray(artifact.data.results) ? artifact.data.results : [];
  const byStatus = new Map<string, number>();
  for (const result of results as Array<{ status?: string }>) byStatus.set(result.status ?? '?', (byStatus.get(result.status ?? '?') ?? 0) + 1);
  console.log(`Saved ${file}`);
  console.log(
    `Summary: run ${run.id} ${run.status_humanized}; ${results.length} results (${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')})`,
  );
  process.exitCode = run.status === 10 ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 5;
} finally {
  await mock?.stop();
  if (mock) console.log('Mock server stopped.');
}
