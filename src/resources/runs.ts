// dbt.runs: trigger, follow and inspect runs. Listing and the run statuses are here; the calls load on first use
// (src/resources/run-calls.ts), so that importing the main entry stays small.
import { RunStatus } from '../../generated/enums.js';
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import { ValidationError } from '../errors.js';
import { lazyMethods } from '../lazy.js';
import type { Paginator } from '../pagination.js';
import { checkOneOf, checkOptionalId, compact } from '../validate.js';

export type Run = components['schemas']['Run'];
export type RunStep = components['schemas']['RunStep'];
export type RunFailureDetails = components['schemas']['RunFailureDetails'];
export type RunStatusValue = components['schemas']['RunStatus'];

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
export type RunStatusName = keyof typeof runStatusNames;

// A comparison, not a Set built on import: the main entry does no work when it is imported.
export function isTerminal(status: number): boolean {
  return status === RunStatus.Success || status === RunStatus.Error || status === RunStatus.Cancelled;
}

const relatedOfRun = [
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
export type RunInclude = (typeof relatedOfRun)[number];
const runOrders = ['id', '-id', 'created_at', '-created_at', 'finished_at', '-finished_at'] as const;

export const defaultCause = 'Triggered via dbt-cloud-ts';

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

export function statusCodes(value: ListRunsOptions['status']): RunStatusValue[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((one) => {
    if (typeof one === 'string' && one in runStatusNames) return runStatusNames[one as RunStatusName];
    if (typeof one === 'number' && (Object.values(runStatusNames) as number[]).includes(one))
      return one as RunStatusValue;
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

export function createRuns(ctx: Context) {
  const list = (options: ListRunsOptions = {}): Paginator<Run> => {
    const query = compact({
      ...runFilters(options),
      order_by: options.orderBy === undefined ? undefined : checkOneOf('orderBy', options.orderBy, runOrders),
      limit: options.pageSize,
    });
    return ctx.list('/api/v2/accounts/{account_id}/runs/', { account_id: ctx.account() }, query, options);
  };
  const calls = lazyMethods(
    () => import('../helpers.js').then((module) => module.createRunCalls(ctx)),
    ['get', 'latest', 'wait', 'trigger', 'triggerAndWait', 'cancel', 'retry', 'failureDetails', 'steps', 'stepLogs'],
  );
  return { list, ...calls };
}

export type Runs = ReturnType<typeof createRuns>;
