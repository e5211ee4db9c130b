// dbt.jobs: job definitions, finding them by name, rerunning, and copying or exporting them between projects. Listing
// is here; the calls (src/resources/job-calls.ts) and jobs as code (src/jobs-as-code/) load on first use, so that
// importing the main entry stays small.
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import type { JobsAsCode } from '../jobs-as-code/index.js';
import { lazyMethods } from '../lazy.js';
import type { Paginator } from '../pagination.js';
import { checkOptionalId, checkString, compact } from '../validate.js';
import type { JobCalls } from './job-calls.js';

export type Job = components['schemas']['Job'];
export type JobCreate = components['schemas']['JobCreate'];
export type JobUpdate = components['schemas']['JobUpdate'];

/** A job definition detached from its account, project and environment, ready to import elsewhere. */
export interface JobDefinition {
  format: 'dbt-cloud-ts/job@1';
  job: Omit<JobCreate, 'account_id' | 'project_id' | 'environment_id'>;
}

export interface CopyJobOptions {
  /** Target project; default: the source job's. */
  projectId?: number;
  /** Target environment; default: the source job's. */
  environmentId?: number;
  /** New name; default: the source job's name. */
  name?: string;
  /** Any other fields to change in the copy, as the API names them (e.g. `{ triggers: {...} }`). */
  changes?: Partial<JobCreate>;
  /** Return the body that would be sent, and create nothing. */
  dryRun?: boolean;
  signal?: AbortSignal;
}

export interface ListJobsOptions {
  projectId?: number;
  environmentId?: number;
  orderBy?: string;
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
}

/** A name lookup found no object, or more than one. */

type DryRun = { dryRun: true };
type ImportTarget = { projectId: number; environmentId: number; name?: string; dryRun?: boolean; signal?: AbortSignal };

/** `copy` and `import` answer with the request body under `dryRun: true`, and with the created job otherwise. */
interface JobCopying {
  copy(jobId: number, options: CopyJobOptions & DryRun): Promise<JobCreate>;
  copy(jobId: number, options?: CopyJobOptions & { dryRun?: false }): Promise<Job>;
  copy(jobId: number, options?: CopyJobOptions): Promise<Job | JobCreate>;
  import(definition: JobDefinition, target: ImportTarget & DryRun): Promise<JobCreate>;
  import(definition: JobDefinition, target: ImportTarget & { dryRun?: false }): Promise<Job>;
  import(definition: JobDefinition, target: ImportTarget): Promise<Job | JobCreate>;
}

export function createJobs(ctx: Context) {
  const list = (options: ListJobsOptions = {}): Paginator<Job> =>
    ctx.list(
      '/api/v2/accounts/{account_id}/jobs/',
      { account_id: ctx.account() },
      compact({
        project_id: checkOptionalId('projectId', options.projectId),
        environment_id: checkOptionalId('environmentId', options.environmentId),
        order_by: options.orderBy === undefined ? undefined : checkString('orderBy', options.orderBy, 1, 64),
        limit: options.pageSize,
      }),
      options,
    );
  const calls: JobCalls = lazyMethods(
    () => import('../helpers.js').then((module) => module.createJobCalls(ctx, list)),
    ['get', 'create', 'update', 'delete', 'rerun', 'findByName', 'export', 'import', 'copy'],
  );
  const jobs = { list, ...calls };
  const jobsAsCode: JobsAsCode = lazyMethods(
    () => import('../jobs-as-code/index.js').then((module) => module.createJobsAsCode(ctx, jobs)),
    ['plan', 'apply', 'validateConfig', 'importConfig', 'link', 'unlink', 'deactivate'],
  );
  // The overloads tie the answer's type to `dryRun`.
  return Object.assign(jobs, jobsAsCode) as Omit<typeof jobs, 'copy' | 'import'> & JobCopying & JobsAsCode;
}

export type Jobs = ReturnType<typeof createJobs>;
