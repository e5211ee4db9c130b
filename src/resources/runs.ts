// dbt.runs: trigger, follow and inspect runs. Listing and the run types are here; the run statuses and the checks of
// the run filters are in validate.ts; the calls load on first use (src/resources/run-calls.ts), so that importing the
// main entry stays small.
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import { lazyMethods } from '../lazy.js';
import type { Paginator } from '../pagination.js';
import { checkOneOf, compact, type relatedOfRun, runFilters, type runStatusNames } from '../validate.js';

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
