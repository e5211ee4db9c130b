// npm start: the main job end to end against the bundled mock server (or, with --real, a real account).
// list projects and jobs → trigger a job → wait for it with progress → download run_results.json → summary; against
// the mock, then a job that fails in its `dbt build` step, and that step's log.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createDbtCloud, RunStatus, type DbtCloud, type Run, type RunResultsArtifact } from '../src/index.js';
import { downloadArtifacts, startMockServer, type MockServer } from '../src/node.js';

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
const stop = async () => {
  await mock?.stop();
  if (mock) console.log('Mock server stopped.');
  mock = undefined;
};
process.once('SIGINT', () => void stop().then(() => process.exit(130)));

try {
  let dbt: DbtCloud;
  if (usingRealAccount) {
    dbt = createDbtCloud();
    console.log(`Using ${dbt.baseUrl}, account ${dbt.accountId}`);
  } else {
    mock = await startMockServer({ speed: 2 });
    console.log(`Mock server started at ${mock.url} (dbt Cloud in a box: runs move on their own)`);
    dbt = createDbtCloud({ host: mock.url, token: 'mock-token', accountId: 43786, env: {} });
  }

  const projects = await dbt.projects.list().toArray({ max: 10 });
  console.log(`Projects: ${projects.map((p) => `${p.name} (${p.id})`).join(', ') || 'none'}`);
  const jobs = await dbt.jobs.list().toArray({ max: 10 });
  console.log(`Jobs: ${jobs.map((j) => `${j.name} (${j.id})`).join(', ') || 'none'}`);

  const jobId = values.job ? Number(values.job) : jobs[0]?.id;
  if (!jobId) throw new Error('No job to trigger.');
  const triggered = await dbt.runs.trigger(jobId, { cause: 'Triggered by npm start (dbt-cloud-ts)' });
  console.log(`Triggered job ${jobId}: run ${triggered.id} is ${triggered.status_humanized}`);

  const run = await follow(dbt, triggered);

  const outDir = values.out ?? join(tmpdir(), 'dbt-cloud-ts-start');
  const [file] = await downloadArtifacts(dbt, run.id, ['run_results.json'], outDir);
  const runResults = JSON.parse(await readFile(file!, 'utf8')) as RunResultsArtifact;
  const byStatus = new Map<string, number>();
  for (const result of runResults.results) byStatus.set(result.status, (byStatus.get(result.status) ?? 0) + 1);
  console.log(`Saved ${file}`);
  console.log(
    `Summary: run ${run.id} ${run.status_humanized}; ${runResults.results.length} results (${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')}); dbt ${runResults.metadata.dbt_version}`,
  );
  process.exitCode = run.status === RunStatus.Success ? 0 : 1;

  if (mock) {
    // The mock's job 567184 fails in its `dbt build` step: show what a failure looks like.
    const failing = await dbt.runs.trigger(567184, { cause: 'A failing job, from npm start' });
    console.log(`Triggered job 567184: run ${failing.id} is ${failing.status_humanized}`);
    const failed = await follow(dbt, failing);
    const steps = await dbt.runs.steps(failed.id);
    const step = steps.find((each) => each.status === RunStatus.Error);
    console.log(`Run ${failed.id} ended ${failed.status_humanized}; failed step: ${step?.name ?? 'none'}`);
    for (const line of (step?.logs ?? '').split('\n')) console.log(`  | ${line}`);
    if (failed.status !== RunStatus.Error || !step) process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 5;
} finally {
  await stop();
}

/** Polls the run to its end, printing each status it goes through. */
async function follow(dbt: DbtCloud, triggered: Run): Promise<Run> {
  const started = Date.now();
  return dbt.runs.wait(triggered.id, {
    intervalMs: 250,
    maxIntervalMs: 500,
    throwOnFailure: false,
    onProgress: (current) =>
      console.log(
        `  run ${current.id}: ${current.status_humanized} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ),
  });
}
