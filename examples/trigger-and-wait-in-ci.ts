// Triggers a dbt Cloud job from CI, waits for it with one progress line per change, and exits with a code CI can act on.
//
//   npx tsx examples/trigger-and-wait-in-ci.ts <job-id> [--timeout-minutes 60]
//
// Configuration comes from the environment:
//   DBT_CLOUD_API_TOKEN, DBT_CLOUD_ACCOUNT_ID, DBT_CLOUD_HOST   the client (createDbtCloud() reads them)
//   DBT_CLOUD_GIT_BRANCH, DBT_CLOUD_GIT_SHA                      optional: run this branch / commit instead of the job's
//                                                                (in GitHub Actions, e.g. `DBT_CLOUD_GIT_SHA: ${{ github.sha }}`)
//   GITHUB_* (GitHub Actions), CI_* (GitLab CI), CI             used to write the run's cause
//
// Exit codes: 0 the run succeeded; 1 it failed (the failed step's log tail is printed); 2 it was cancelled;
// 3 it was still going after --timeout-minutes; 4 anything else (bad arguments, configuration, API errors).
//
// Against the mock server: `npm run mock` in one terminal, then in another
//   DBT_CLOUD_HOST=http://127.0.0.1:4010 DBT_CLOUD_API_TOKEN=x DBT_CLOUD_ACCOUNT_ID=43786 \
//     npx tsx examples/trigger-and-wait-in-ci.ts 567183
import { parseArgs } from 'node:util';
import {
  createDbtCloud,
  DbtCloudError,
  RunCancelledError,
  RunFailedError,
  RunStatus,
  WaitTimeoutError,
  type DbtCloud,
  type Run,
  type TriggerOptions,
} from '../src/index.js';

const LOG_TAIL_LINES = 40;

function fail(message: string, code = 4): never {
  console.error(message);
  process.exit(code);
}

function describeError(error: unknown): string {
  if (error instanceof DbtCloudError) {
    const details = [error.developerMessage, error.requestId && `request id ${error.requestId}`].filter(Boolean);
    return `${error.name}: ${error.message}${details.length ? ` (${details.join('; ')})` : ''}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Why the run starts, from what the CI system tells us about itself; at most 255 characters. */
function causeFromCi(env: NodeJS.ProcessEnv): string {
  let cause: string;
  if (env.GITHUB_ACTIONS === 'true') {
    const where = [env.GITHUB_REPOSITORY, env.GITHUB_WORKFLOW && `workflow "${env.GITHUB_WORKFLOW}"`]
      .filter(Boolean)
      .join(' ');
    const what = [
      env.GITHUB_EVENT_NAME,
      env.GITHUB_REF_NAME && `on ${env.GITHUB_REF_NAME}`,
      env.GITHUB_ACTOR && `by ${env.GITHUB_ACTOR}`,
    ]
      .filter(Boolean)
      .join(' ');
    const url =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : '';
    cause = `GitHub Actions: ${[where, what, url].filter(Boolean).join(', ')}`;
  } else if (env.GITLAB_CI === 'true') {
    cause = `GitLab CI: ${[env.CI_PROJECT_PATH, env.CI_COMMIT_REF_NAME && `on ${env.CI_COMMIT_REF_NAME}`, env.CI_PIPELINE_URL].filter(Boolean).join(', ')}`;
  } else if (env.CI) {
    cause = 'Triggered from CI';
  } else {
    cause = 'Triggered from the command line';
  }
  return cause.length > 255 ? `${cause.slice(0, 254)}…` : cause;
}

function stepLabel(run: Run): string {
  const steps = run.run_steps ?? [];
  const current = [...steps].reverse().find((s) => s.status !== RunStatus.Success) ?? steps.at(-1);
  return current ? `, step ${current.index}/${steps.length}: ${current.name}` : '';
}

/** Prints the last lines of the step that failed (or the last step, if none is marked as failed). */
async function printFailedStepLog(dbt: DbtCloud, run: Run): Promise<void> {
  try {
    const steps = await dbt.runs.steps(run.id);
    const failed = steps.find((s) => s.status === RunStatus.Error) ?? steps.at(-1);
    if (!failed) {
      console.error('The run has no steps to show a log for.');
      return;
    }
    const lines = (await dbt.runs.stepLogs(failed.id)).trimEnd().split('\n');
    console.error(
      `--- last ${Math.min(LOG_TAIL_LINES, lines.length)} lines of step ${failed.index} (${failed.name}) ---`,
    );
    console.error(lines.slice(-LOG_TAIL_LINES).join('\n'));
    console.error('--- end of log ---');
  } catch (error) {
    console.error(`Could not read the failed step's log: ${describeError(error)}`);
  }
}

const usage = 'Usage: trigger-and-wait-in-ci.ts <job-id> [--timeout-minutes 60]';
const args = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { 'timeout-minutes': { type: 'string', default: '60' } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
})();
const [jobArg, ...extra] = args.positionals;
const jobId = Number(jobArg);
if (!jobArg || extra.length > 0 || !Number.isInteger(jobId) || jobId < 1)
  fail(`${usage}   (job-id: a positive whole number)`);
const timeoutMinutes = Number(args.values['timeout-minutes']);
if (!(timeoutMinutes > 0)) fail(`--timeout-minutes must be a positive number, got ${args.values['timeout-minutes']}`);

const env = process.env;
const options: TriggerOptions = { cause: causeFromCi(env) };
if (env.DBT_CLOUD_GIT_BRANCH) options.gitBranch = env.DBT_CLOUD_GIT_BRANCH;
if (env.DBT_CLOUD_GIT_SHA) options.gitSha = env.DBT_CLOUD_GIT_SHA;

let dbt: DbtCloud;
try {
  dbt = createDbtCloud();
} catch (error) {
  fail(`Configuration: ${describeError(error)}`);
}

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
try {
  const run = await dbt.runs.trigger(jobId, options);
  console.log(`Triggered job ${jobId}: run ${run.id}${run.href ? ` ${run.href}` : ''}`);
  console.log(
    `  cause: ${options.cause}${options.gitBranch ? `, branch ${options.gitBranch}` : ''}${options.gitSha ? `, sha ${options.gitSha}` : ''}`,
  );
  const finished = await dbt.runs.wait(run.id, {
    timeoutMs: timeoutMinutes * 60_000,
    onProgress: (current) =>
      console.log(
        `[${elapsed()}] run ${current.id}: ${current.status_humanized ?? current.status}${stepLabel(current)}`,
      ),
  });
  console.log(`Run ${finished.id}: ${finished.status_humanized ?? 'Success'} after ${elapsed()}`);
  process.exitCode = 0;
} catch (error) {
  if (error instanceof RunFailedError) {
    const run = error.run as Run;
    console.error(`Run ${run.id} failed after ${elapsed()}: ${run.status_message ?? 'no message'}`);
    await printFailedStepLog(dbt, run);
    process.exitCode = 1;
  } else if (error instanceof RunCancelledError) {
    console.error(
      `Run ${error.run.id} was cancelled${error.run.status_message ? `: ${error.run.status_message}` : ''}`,
    );
    process.exitCode = 2;
  } else if (error instanceof WaitTimeoutError) {
    console.error(`${error.message}; it keeps running in dbt Cloud (cancel it there if needed)`);
    process.exitCode = 3;
  } else {
    console.error(describeError(error));
    process.exitCode = 4;
  }
}
