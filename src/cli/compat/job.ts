// dbt-cloud-cli's `job` group: run (and --wait), get, list, create, delete. Each sends the request that tool sends
// (the same method, query and body; the path in the spec's form, with its trailing slash, where dbt Cloud redirects
// the bare one) and prints the API's envelope.
import type { paths } from '../../index.js';
import type { OptionSpec } from './args.js';
import {
  accountFlags,
  connect,
  dropUndefined,
  exitCodes,
  idFrom,
  idOption,
  report,
  sinkFor,
  stderrLine,
  CompatFailure,
  type CompatCommand,
  type CompatGroup,
  type Env,
} from './shared.js';

const fileFlag: OptionSpec = {
  name: 'file',
  short: 'f',
  kind: 'file',
  help: 'Write the response to this file instead of stdout (`-`).',
  shows: '-',
};

const text = (name: string, help: string, shows?: string): OptionSpec => ({
  name,
  kind: 'text',
  help,
  ...(shows === undefined ? {} : { shows }),
});
const int = (name: string, help: string, shows?: string): OptionSpec => ({
  name,
  kind: 'int',
  help,
  ...(shows === undefined ? {} : { shows }),
});
const bool = (name: string, help: string): OptionSpec => ({ name, kind: 'bool', help, shows: 'false' });

/** Run statuses as dbt Cloud numbers them, by the names dbt-cloud-cli prints while it waits. */
export const waitStatusNames: Record<number, string> = {
  1: 'QUEUED',
  2: 'STARTING',
  3: 'RUNNING',
  10: 'SUCCESS',
  20: 'ERROR',
  30: 'CANCELLED',
};

/** Between polls of `job run --wait`: 5 s, or DBT_CLOUD_CLI_POLL_MS (meant for tests). */
function pollInterval(env: Env): number {
  const value = env.DBT_CLOUD_CLI_POLL_MS;
  if (value === undefined || value === '') return 5_000;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2 ** 31 - 1)
    throw new CompatFailure(
      `DBT_CLOUD_CLI_POLL_MS must be a whole number of milliseconds, got ${JSON.stringify(value)}`,
    );
  return Number(value);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type JobListQuery = NonNullable<paths['/api/v2/accounts/{account_id}/jobs/']['get']['parameters']['query']>;
type JobCreateBody = NonNullable<
  paths['/api/v2/accounts/{account_id}/jobs/']['post']['requestBody']
>['content']['application/json'];

const jobRun: CompatCommand = {
  name: 'run',
  summary: 'Trigger a run of a job; with --wait, follow it to its end.',
  mutating: true,
  options: [
    ...accountFlags,
    idOption('job-id', 'the job', 'DBT_CLOUD_JOB_ID'),
    text('cause', 'Why the run starts.', 'Triggered via API'),
    text('git-sha', 'Check out this commit.'),
    text('git-branch', 'Check out this branch.'),
    int('azure-pull-request-id', 'Azure DevOps pull request id (the run is treated as CI).'),
    int('github-pull-request-id', 'GitHub pull request id (the run is treated as CI).'),
    int('gitlab-merge-request-id', 'GitLab merge request id (the run is treated as CI).'),
    text('schema-override', 'Build into this schema.'),
    text('dbt-version-override', 'Run with this dbt version.'),
    int('threads-override', 'Thread count.'),
    text('target-name-override', 'Set target.name.'),
    { name: 'generate-docs-override', kind: 'bool', help: 'Generate docs or not (true or false).' },
    int('timeout-seconds-override', "The run's time limit, in seconds."),
    {
      name: 'steps-override',
      kind: 'list',
      help: `Commands to run instead of the job's steps, as a list: '["dbt seed", "dbt run"]'.`,
    },
    { name: 'wait', negation: 'no-wait', kind: 'flag', help: 'Wait for the run to end.', shows: '--no-wait' },
    fileFlag,
  ],
  async run(invocation) {
    const { parsed, env } = invocation;
    const intervalMs = pollInterval(env);
    const { dbt, accountId } = connect(invocation, true);
    const jobId = idFrom(parsed, 'job-id', env, 'DBT_CLOUD_JOB_ID');
    const steps = parsed.list('steps-override');
    // Every field, in this order, unset ones as null: the body dbt-cloud-cli sends.
    const body = {
      account_id: accountId,
      job_id: jobId,
      cause: parsed.text('cause') ?? 'Triggered via API',
      git_sha: parsed.text('git-sha') ?? null,
      git_branch: parsed.text('git-branch') ?? null,
      azure_pull_request_id: parsed.int('azure-pull-request-id') ?? null,
      github_pull_request_id: parsed.int('github-pull-request-id') ?? null,
      gitlab_merge_request_id: parsed.int('gitlab-merge-request-id') ?? null,
      schema_override: parsed.text('schema-override') ?? null,
      dbt_version_override: parsed.text('dbt-version-override') ?? null,
      threads_override: parsed.int('threads-override') ?? null,
      target_name_override: parsed.text('target-name-override') ?? null,
      generate_docs_override: parsed.bool('generate-docs-override') ?? null,
      timeout_seconds_override: parsed.int('timeout-seconds-override') ?? null,
      // An empty list means no override.
      steps_override: steps && steps.length > 0 ? steps : null,
    };
    const sink = sinkFor(parsed.text('file'));
    const trigger = await dbt.api.POST('/api/v2/accounts/{account_id}/jobs/{job_id}/run/', {
      params: { path: { account_id: accountId, job_id: jobId } },
      body,
    });
    const triggerUrl = `${dbt.baseUrl}/api/v2/accounts/${accountId}/jobs/${jobId}/run/`;
    // This form prints its JSON without a newline at the end, as dbt-cloud-cli does.
    if (!trigger.response.ok || !parsed.flag('wait')) return report(trigger, triggerUrl, sink, false);

    const runId = (trigger.data as { data?: { id?: unknown } } | undefined)?.data?.id;
    if (typeof runId !== 'number') {
      await report(trigger, triggerUrl, sink, false);
      throw new CompatFailure('the trigger answer holds no run id (data.id) to wait for');
    }
    const runUrl = `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/${runId}/`;
    for (;;) {
      const poll = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
        params: { path: { account_id: accountId, id: runId } },
      });
      if (!poll.response.ok) return report(poll, runUrl, sink, false);
      const run = (poll.data as { data?: { status?: unknown; href?: unknown } } | undefined)?.data;
      const name = typeof run?.status === 'number' ? waitStatusNames[run.status] : undefined;
      if (name === undefined) {
        await report(poll, runUrl, sink, false);
        throw new CompatFailure(
          `run ${runId} has status ${JSON.stringify(run?.status)}, which dbt Cloud does not define`,
        );
      }
      stderrLine(`Job ${jobId} run ${runId}: ${name} ...`);
      if (name === 'SUCCESS') return report(poll, runUrl, sink, false);
      if (name === 'ERROR' || name === 'CANCELLED') {
        stderrLine(`Job run failed with ${name} status. For more information, see ${String(run?.href)}.`);
        await report(poll, runUrl, sink, false);
        return exitCodes.failed;
      }
      await sleep(intervalMs);
    }
  },
};

const jobGet: CompatCommand = {
  name: 'get',
  summary: 'Print a job.',
  options: [
    ...accountFlags,
    idOption('job-id', 'the job', 'DBT_CLOUD_JOB_ID'),
    text('include-related', 'Related objects to embed, as the API takes them (e.g. environment,most_recent_run).'),
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed, env } = invocation;
    const jobId = idFrom(parsed, 'job-id', env, 'DBT_CLOUD_JOB_ID');
    const include = parsed.text('include-related');
    const result = await dbt.api.GET('/api/v2/accounts/{account_id}/jobs/{id}/', {
      params: {
        path: { account_id: accountId, id: jobId },
        query: include === undefined ? {} : { include_related: include },
      },
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/jobs/${jobId}/`, sinkFor(undefined));
  },
};

const jobList: CompatCommand = {
  name: 'list',
  summary: 'Print one page of the account’s jobs.',
  options: [
    ...accountFlags,
    text('order-by', 'Sort by this field (prefix - for descending).'),
    { name: 'limit', kind: 'int', min: 0, help: 'At most this many jobs.' },
    text('project-id', 'Only jobs of this project.'),
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed } = invocation;
    // Text values are sent as typed, as dbt-cloud-cli sends them; the API judges them.
    const query = dropUndefined({
      order_by: parsed.text('order-by') as JobListQuery['order_by'],
      project_id: parsed.text('project-id') as unknown as JobListQuery['project_id'],
      limit: parsed.int('limit'),
    });
    const result = await dbt.api.GET('/api/v2/accounts/{account_id}/jobs/', {
      params: { path: { account_id: accountId }, query },
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/jobs/`, sinkFor(undefined));
  },
};

const jobTypes = ['ci', 'scheduled', 'other', 'merge', 'adaptive', 'exposure_sync'] as const;

const jobCreate: CompatCommand = {
  name: 'create',
  summary: 'Create a job.',
  mutating: true,
  options: [
    ...accountFlags,
    idOption('project-id', 'the project', 'DBT_CLOUD_PROJECT_ID'),
    idOption('environment-id', 'the environment', 'DBT_CLOUD_ENVIRONMENT_ID'),
    { name: 'name', kind: 'text', required: true, help: 'The job’s name.' },
    { name: 'execute-steps', kind: 'list', required: true, help: `The job's commands, as a list: '["dbt build"]'.` },
    text('dbt-version', 'The dbt version (default: the environment’s).'),
    text('description', 'A description.', '""'),
    { name: 'job-type', kind: 'choice', choices: jobTypes, help: 'The type of job.' },
    bool('triggers-github-webhook', 'Run on GitHub pull requests.'),
    bool('triggers-schedule', 'Run on the schedule.'),
    bool('triggers-custom-branch-only', 'Run on the custom branch only.'),
    bool('triggers-git-provider-webhook', 'Run on pull requests of other git providers.'),
    bool('triggers-on-merge', 'Run on merges.'),
    int('settings-threads', 'Thread count.', '1'),
    text('settings-target-name', 'target.name.', 'default'),
    int('execution-timeout-seconds', 'Time limit of a run, in seconds (0: none).', '0'),
    int('state', '1 active, 2 deleted.', '1'),
    bool('generate-docs', 'Generate docs after each run.'),
    text('schedule-cron', 'Cron schedule.', '0 * * * *'),
    {
      name: 'schedule-date-type',
      kind: 'choice',
      choices: ['every_day', 'days_of_week', 'custom_cron'],
      help: 'Schedule date type.',
      shows: 'every_day',
    },
    {
      name: 'schedule-time-type',
      kind: 'choice',
      choices: ['every_hour', 'at_exact_hours'],
      help: 'Schedule time type.',
      shows: 'every_hour',
    },
    int('schedule-time-interval', 'Hours between scheduled runs.', '1'),
    int('deferring-job-definition-id', 'The job to defer to.'),
    int('deferring-environment-id', 'The environment to defer to.'),
    bool('run-generate-sources', 'Check source freshness first.'),
    bool('run-compare-changes', 'Compare changes with the previous run.'),
    bool('run-lint', 'Run the linter.'),
    bool('errors-on-lint-failure', 'Fail the run when the linter finds errors.'),
    bool('lifecycle-webhooks', 'Send lifecycle webhooks.'),
    bool('triggers-on-draft-pr', 'Run on draft pull requests too.'),
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed, env } = invocation;
    const projectId = idFrom(parsed, 'project-id', env, 'DBT_CLOUD_PROJECT_ID');
    const environmentId = idFrom(parsed, 'environment-id', env, 'DBT_CLOUD_ENVIRONMENT_ID');
    const flag = (name: string) => parsed.bool(name) ?? false;
    // Every field, in this order, with dbt-cloud-cli's defaults: the body it sends.
    const body = {
      account_id: accountId,
      id: null,
      project_id: projectId,
      environment_id: environmentId,
      name: parsed.text('name')!,
      execute_steps: parsed.list('execute-steps')!,
      dbt_version: parsed.text('dbt-version') ?? null,
      description: parsed.text('description') ?? '',
      job_type: parsed.text('job-type') ?? null,
      triggers: {
        github_webhook: flag('triggers-github-webhook'),
        schedule: flag('triggers-schedule'),
        custom_branch_only: flag('triggers-custom-branch-only'),
        git_provider_webhook: flag('triggers-git-provider-webhook'),
        on_merge: flag('triggers-on-merge'),
      },
      settings: {
        threads: parsed.int('settings-threads') ?? 1,
        target_name: parsed.text('settings-target-name') ?? 'default',
      },
      execution: { timeout_seconds: parsed.int('execution-timeout-seconds') ?? 0 },
      state: parsed.int('state') ?? 1,
      generate_docs: flag('generate-docs'),
      schedule: {
        cron: parsed.text('schedule-cron') ?? '0 * * * *',
        date: { type: parsed.text('schedule-date-type') ?? 'every_day' },
        time: {
          type: parsed.text('schedule-time-type') ?? 'every_hour',
          interval: parsed.int('schedule-time-interval') ?? 1,
        },
      },
      deferring_job_definition_id: parsed.int('deferring-job-definition-id') ?? null,
      deferring_environment_id: parsed.int('deferring-environment-id') ?? null,
      run_generate_sources: flag('run-generate-sources'),
      run_compare_changes: flag('run-compare-changes'),
      run_lint: flag('run-lint'),
      errors_on_lint_failure: flag('errors-on-lint-failure'),
      lifecycle_webhooks: flag('lifecycle-webhooks'),
      triggers_on_draft_pr: flag('triggers-on-draft-pr'),
    };
    const result = await dbt.api.POST('/api/v2/accounts/{account_id}/jobs/', {
      params: { path: { account_id: accountId } },
      body: body as unknown as JobCreateBody,
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/jobs/`, sinkFor(undefined));
  },
};

const jobDelete: CompatCommand = {
  name: 'delete',
  summary: 'Delete a job.',
  mutating: true,
  options: [...accountFlags, idOption('job-id', 'the job', 'DBT_CLOUD_JOB_ID')],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const jobId = idFrom(invocation.parsed, 'job-id', invocation.env, 'DBT_CLOUD_JOB_ID');
    const result = await dbt.api.DELETE('/api/v2/accounts/{account_id}/jobs/{id}/', {
      params: { path: { account_id: accountId, id: jobId } },
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/jobs/${jobId}/`, sinkFor(undefined));
  },
};

export const jobGroup: CompatGroup = {
  name: 'job',
  summary: 'Jobs: trigger a run, get, list, create, delete.',
  commands: [jobRun, jobGet, jobList, jobCreate, jobDelete],
  notImplemented: ['delete-all', 'export', 'import'],
};
