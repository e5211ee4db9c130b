// dbt.runs: trigger, follow and inspect runs; the run types, the status vocabulary (names, filters, includes) and the
// checks of the trigger options.
import { RunStatus } from '../../generated/enums.js';
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import { ResponseFormatError, ValidationError } from '../errors.js';
import type { Paginator } from '../pagination.js';
import { checkWaitOptions, isTerminal, type WaitOptions, waitForRun } from '../polling.js';
import { checkBoolean, checkId, checkInteger, checkOneOf, checkOptionalId, checkString, compact } from '../validate.js';

export type Run = components['schemas']['Run'];
export type RunStep = components['schemas']['RunStep'];
export type RunFailureDetails = components['schemas']['RunFailureDetails'];
export type RunStatusValue = components['schemas']['RunStatus'];
export type RunStatusName = keyof typeof runStatusNames;

export type RunInclude = (typeof relatedOfRun)[number];
const runOrders = ['id', '-id', 'created_at', '-created_at', 'finished_at', '-finished_at'] as const;

export interface TriggerOptions {
  /** Why the run starts; 1 to 255 characters. Default `Triggered via dbt-cloud-ts`. */
  cause?: string;
  gitSha?: string;
  gitBranch?: string;
  schemaOverride?: string;
  dbtVersionOverride?: string;
  threadsOverride?: number;
  targetNameOverride?: string;
  generateDocsOverride?: boolean;
  timeoutSecondsOverride?: number;
  /** Commands to run instead of the job's steps; each begins with `dbt `. */
  stepsOverride?: string[];
  azurePullRequestId?: number;
  githubPullRequestId?: number;
  gitlabMergeRequestId?: number;
  nonNativePullRequestId?: number;
  /** Return the job's run that is already queued or running instead of starting another. */
  reuseExisting?: boolean;
  signal?: AbortSignal;
}

export interface ListRunsOptions {
  jobId?: number;
  projectId?: number;
  environmentId?: number;
  /** One status, by name or code, or several. */
  status?: RunStatusName | RunStatusValue | Array<RunStatusName | RunStatusValue>;
  /** `id`, `created_at`, `finished_at`, or with `-` for newest first. Default `id`. */
  orderBy?: (typeof runOrders)[number];
  include?: RunInclude[];
  /** Page size, 1..100. Default 100. */
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
}

export interface LatestRunOptions {
  jobId?: number;
  projectId?: number;
  environmentId?: number;
  status?: RunStatusName | RunStatusValue | Array<RunStatusName | RunStatusValue>;
  include?: RunInclude[];
  signal?: AbortSignal;
}

/**
 * The run statuses by lower-case name (`queued`, ..., `cancelled`). Written out rather than derived from RunStatus
 * at import, so importing the package does no work; `satisfies` keeps each value tied to the generated enum.
 */
export const runStatusNames = {
  queued: 1,
  starting: 2,
  running: 3,
  success: 10,
  error: 20,
  cancelled: 30,
} as const satisfies { readonly [N in keyof typeof RunStatus as Lowercase<N>]: (typeof RunStatus)[N] };

export const relatedOfRun = [
  'trigger',
  'job',
  'environment',
  'repository',
  'run_steps',
  'run_retries',
  'used_repo_cache',
  'repo_cache_restore',
  'audit',
  'debug_logs',
] as const;

export const defaultCause = 'Triggered via dbt-cloud-ts';

export function statusCodes(value: ListRunsOptions['status']): RunStatusValue[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((one) => {
    if (typeof one === 'string' && one in runStatusNames) return runStatusNames[one];
    if (typeof one === 'number' && (Object.values(runStatusNames) as number[]).includes(one)) return one;
    throw new ValidationError(
      'status',
      `must be one of ${Object.keys(runStatusNames).join(', ')} or ${Object.values(runStatusNames).join(', ')}; got ${JSON.stringify(one)}`,
    );
  });
}

export function includeList(include: RunInclude[] | undefined): string | undefined {
  if (include === undefined) return undefined;
  if (!Array.isArray(include)) throw new ValidationError('include', 'must be a list');
  include.forEach((name) => checkOneOf('include', name, relatedOfRun));
  return include.length ? include.join(',') : undefined;
}

export function runFilters(options: ListRunsOptions | LatestRunOptions) {
  const statuses = statusCodes(options.status);
  return compact({
    job_definition_id: checkOptionalId('jobId', options.jobId),
    project_id: checkOptionalId('projectId', options.projectId),
    environment_id: checkOptionalId('environmentId', options.environmentId),
    status: statuses.length === 1 ? statuses[0] : undefined,
    status__in: statuses.length > 1 ? `[${statuses.join(',')}]` : undefined,
    include_related: includeList(options.include),
  });
}

type TriggerRunRequest = components['schemas']['TriggerRunRequest'];

const triggerFields: Record<string, (value: unknown) => [keyof TriggerRunRequest, unknown]> = {
  cause: (v) => ['cause', checkString('cause', v, 1, 255)],
  gitSha: (v) => {
    const sha = checkString('gitSha', v, 4, 64);
    if (!/^[0-9a-f]+$/i.test(sha))
      throw new ValidationError('gitSha', `must be a hexadecimal commit id, got ${JSON.stringify(sha)}`);
    return ['git_sha', sha];
  },
  gitBranch: (v) => {
    const branch = checkString('gitBranch', v, 1, 255);
    if (/[\s\u0000-\u001f\u007f~^:?*[\\]/.test(branch))
      throw new ValidationError('gitBranch', `is not a valid git branch name: ${JSON.stringify(branch)}`);
    return ['git_branch', branch];
  },
  schemaOverride: (v) => ['schema_override', checkString('schemaOverride', v, 1, 255)],
  dbtVersionOverride: (v) => ['dbt_version_override', checkString('dbtVersionOverride', v, 1, 64)],
  threadsOverride: (v) => ['threads_override', checkInteger('threadsOverride', v, 1, 1024)],
  targetNameOverride: (v) => ['target_name_override', checkString('targetNameOverride', v, 1, 255)],
  generateDocsOverride: (v) => ['generate_docs_override', checkBoolean('generateDocsOverride', v)],
  timeoutSecondsOverride: (v) => [
    'timeout_seconds_override',
    checkInteger('timeoutSecondsOverride', v, 0, 2_147_483_647),
  ],
  stepsOverride: (v) => ['steps_override', checkSteps('stepsOverride', v)],
  azurePullRequestId: (v) => ['azure_pull_request_id', checkId('azurePullRequestId', v)],
  githubPullRequestId: (v) => ['github_pull_request_id', checkId('githubPullRequestId', v)],
  gitlabMergeRequestId: (v) => ['gitlab_merge_request_id', checkId('gitlabMergeRequestId', v)],
  nonNativePullRequestId: (v) => ['non_native_pull_request_id', checkId('nonNativePullRequestId', v)],
};

export function checkSteps(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    throw new ValidationError(field, 'must be a list of 1 to 100 dbt commands');
  }
  return value.map((step, i) => {
    const command = checkString(`${field}[${i}]`, step, 5, 10_000);
    if (!/^dbt \S/.test(command) || /[\r\n\u0000]/.test(command)) {
      throw new ValidationError(
        `${field}[${i}]`,
        `must be one line beginning with "dbt ", got ${JSON.stringify(command)}`,
      );
    }
    return command;
  });
}

/** Builds the trigger body from camelCase options, checking each; unknown options are refused. */
export function triggerBody(options: TriggerOptions = {}): TriggerRunRequest {
  const body: Record<string, unknown> = { cause: defaultCause };
  for (const [key, value] of Object.entries(options)) {
    if (key === 'reuseExisting' || key === 'signal' || value === undefined) continue;
    const field = triggerFields[key];
    if (!field)
      throw new ValidationError(
        key,
        `is not a trigger option (known: ${Object.keys(triggerFields).join(', ')}, reuseExisting, signal)`,
      );
    const [name, checked] = field(value);
    body[name] = checked;
  }
  return body as TriggerRunRequest;
}

/** A list answer whose `data` is not a list. */
const listFormatError = (path: string) =>
  new ResponseFormatError(`GET ${path} answered with a \`data\` that is not a list`, { method: 'GET', path });

export function createRuns(ctx: Context) {
  const list = (options: ListRunsOptions = {}): Paginator<Run> => {
    const query = compact({
      ...runFilters(options),
      order_by: options.orderBy === undefined ? undefined : checkOneOf('orderBy', options.orderBy, runOrders),
      limit: options.pageSize,
    });
    return ctx.list('/api/v2/accounts/{account_id}/runs/', { account_id: ctx.account() }, query, options);
  };

  const get = async (
    runId: number,
    options: { include?: RunInclude[]; signal?: AbortSignal; /** @internal */ deadline?: number } = {},
  ): Promise<Run> => {
    checkId('runId', runId);
    return ctx.call('get', '/api/v2/accounts/{account_id}/runs/{id}/', {
      path: { account_id: ctx.account(), id: runId },
      query: compact({ include_related: includeList(options.include) }),
      signal: options.signal,
      deadline: options.deadline,
    });
  };

  const latest = async (options: LatestRunOptions = {}): Promise<Run | undefined> => {
    const statuses = statusCodes(options.status);
    // Finished runs are ordered by when they finished; otherwise the newest created wins.
    const finishedOnly = statuses.length > 0 && statuses.every((s) => isTerminal(s));
    const runs = await ctx.call('get', '/api/v2/accounts/{account_id}/runs/', {
      path: { account_id: ctx.account() },
      query: { ...runFilters(options), order_by: finishedOnly ? '-finished_at' : '-id', limit: 1 },
      signal: options.signal,
    });
    if (!Array.isArray(runs)) throw listFormatError('/api/v2/accounts/{account_id}/runs/');
    return runs[0];
  };

  const wait = async (runId: number, options: WaitOptions<Run> = {}): Promise<Run> => {
    checkId('runId', runId);
    const include: RunInclude[] | undefined = options.onProgress ? ['run_steps'] : undefined;
    return waitForRun<Run>(
      (signal, deadline) => get(runId, compact({ include, signal, deadline })),
      ctx.config.clock,
      options,
      runId,
    );
  };

  const trigger = async (jobId: number, options: TriggerOptions = {}): Promise<Run> => {
    checkId('jobId', jobId);
    const body = triggerBody(options);
    if (options.reuseExisting !== undefined) checkBoolean('reuseExisting', options.reuseExisting);
    if (options.reuseExisting) {
      const active = await latest({
        jobId,
        status: ['queued', 'starting', 'running'],
        ...compact({ signal: options.signal }),
      });
      if (active) return active;
    }
    return ctx.call('post', '/api/v2/accounts/{account_id}/jobs/{job_id}/run/', {
      path: { account_id: ctx.account(), job_id: jobId },
      body,
      signal: options.signal,
    });
  };

  return {
    list,
    get,
    latest,
    wait,
    trigger,
    /** Triggers a run and waits for it; wait options (timeoutMs, onProgress, ...) sit beside the trigger options. */
    async triggerAndWait(jobId: number, options: TriggerOptions & WaitOptions<Run> = {}): Promise<Run> {
      // The wait options are taken off for the trigger; the wait reads only its own options from the rest.
      const {
        intervalMs,
        maxIntervalMs,
        timeoutMs,
        onProgress,
        throwOnFailure,
        maxConsecutiveErrors,
        ...triggerOptions
      } = options;
      // Refuse bad wait options before the trigger starts a run.
      checkWaitOptions(options);
      const run = await trigger(jobId, triggerOptions);
      return wait(run.id, options);
    },
    /** Cancels a run; the API answers with the run, status 30 once it has stopped. */
    cancel: async (runId: number, options: { signal?: AbortSignal } = {}): Promise<Run> =>
      ctx.call('post', '/api/v2/accounts/{account_id}/runs/{run_id}/cancel/', {
        path: { account_id: ctx.account(), run_id: checkId('runId', runId) },
        signal: options.signal,
      }),
    /** Retries a failed run from its failed step; the API answers with the new run. */
    retry: async (runId: number, options: { signal?: AbortSignal } = {}): Promise<Run> =>
      ctx.call('post', '/api/v2/accounts/{account_id}/runs/{run_id}/retry/', {
        path: { account_id: ctx.account(), run_id: checkId('runId', runId) },
        signal: options.signal,
      }),
    /** Which step failed and which were skipped: `{ failed_step?: string | null; skipped_steps?: string[] }`. */
    failureDetails: async (runId: number, options: { signal?: AbortSignal } = {}): Promise<RunFailureDetails> =>
      ctx.call('get', '/api/v2/accounts/{account_id}/runs/{run_id}/retry/', {
        path: { account_id: ctx.account(), run_id: checkId('runId', runId) },
        signal: options.signal,
      }),
    /** The steps of a run, in order. */
    async steps(runId: number, options: { signal?: AbortSignal } = {}): Promise<RunStep[]> {
      const run = await get(runId, compact({ include: ['run_steps'] as RunInclude[], signal: options.signal }));
      return [...(run.run_steps ?? [])].sort((a, b) => a.index - b.index);
    },
    /** The log of one step (its id, from `steps()`); `debug: true` for the full debug log. */
    async stepLogs(stepId: number, options: { debug?: boolean; signal?: AbortSignal } = {}): Promise<string> {
      checkId('stepId', stepId);
      if (options.debug !== undefined) checkBoolean('debug', options.debug);
      const step = await ctx.call('get', '/api/v2/accounts/{account_id}/steps/{id}/', {
        path: { account_id: ctx.account(), id: stepId },
        query: options.debug ? { include_related: 'debug_logs' } : {},
        signal: options.signal,
      });
      return (options.debug ? step.debug_logs : step.logs) ?? '';
    },
  };
}

export type Runs = ReturnType<typeof createRuns>;
