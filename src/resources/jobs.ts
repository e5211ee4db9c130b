// dbt.jobs: job definitions, finding them by name, rerunning, and copying or exporting them between projects.
import { JobCreateFields } from '../../generated/fields.js';
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import { LookupError, ValidationError } from '../errors.js';
import type { Paginator } from '../pagination.js';
import {
  checkBoolean,
  checkCopyOptions,
  checkId,
  checkObject,
  checkOptionalId,
  checkString,
  compact,
} from '../validate.js';
import type { Run } from './runs.js';

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

// Fields that identify the source's place; a copy gets them from the target instead.
const placeFields = new Set(['account_id', 'project_id', 'environment_id']);
// Deferral points at another job or environment of the source project: meaningless after a move.
const deferralFields = ['deferring_environment_id', 'deferring_job_definition_id', 'job_completion_trigger_condition'];

/** Keeps only what a create request accepts (the API sets the rest: ids, timestamps, next_run, humanized fields...). */
export function writableJobFields(job: Record<string, unknown>): Partial<JobCreate> {
  const out: Record<string, unknown> = {};
  for (const field of JobCreateFields) {
    if (field in job && job[field] !== undefined) out[field] = job[field];
  }
  return out;
}

function exactlyOne<T extends { id: number; name: string }>(kind: LookupError['kind'], wanted: string, items: T[]): T {
  const matches = items.filter((item) => item.name === wanted);
  if (matches.length !== 1)
    throw new LookupError(
      kind,
      wanted,
      matches.map(({ id, name }) => ({ id, name })),
    );
  return matches[0]!;
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

  const get = async (jobId: number, options: { signal?: AbortSignal } = {}): Promise<Job> => {
    checkId('jobId', jobId);
    return ctx.call('get', '/api/v2/accounts/{account_id}/jobs/{id}/', {
      path: { account_id: ctx.account(), id: jobId },
      signal: options.signal,
    });
  };

  const create = async (job: JobCreate, options: { signal?: AbortSignal } = {}): Promise<Job> => {
    checkObject('job', job);
    checkString('job.name', job.name, 1, 255);
    checkId('job.project_id', job.project_id);
    checkId('job.environment_id', job.environment_id);
    return ctx.call('post', '/api/v2/accounts/{account_id}/jobs/', {
      path: { account_id: ctx.account() },
      body: { ...job, account_id: ctx.account() },
      signal: options.signal,
    });
  };

  const exportJob = async (jobId: number, options: { signal?: AbortSignal } = {}): Promise<JobDefinition> => {
    const source = writableJobFields(await get(jobId, options)) as Record<string, unknown>;
    for (const field of [...placeFields, ...deferralFields]) delete source[field];
    return { format: 'dbt-cloud-ts/job@1', job: source as JobDefinition['job'] };
  };

  const methods = {
    get,
    create,
    /** Replaces a job's definition (send the whole job, as from `get`). */
    async update(jobId: number, job: JobUpdate, options: { signal?: AbortSignal } = {}): Promise<Job> {
      checkId('jobId', jobId);
      checkObject('job', job);
      return ctx.call('post', '/api/v2/accounts/{account_id}/jobs/{id}/', {
        path: { account_id: ctx.account(), id: jobId },
        body: {
          ...writableJobFields(job as Record<string, unknown>),
          id: jobId,
          account_id: ctx.account(),
        } as JobUpdate,
        signal: options.signal,
      });
    },
    async delete(jobId: number, options: { signal?: AbortSignal } = {}): Promise<void> {
      checkId('jobId', jobId);
      await ctx.perform('delete', '/api/v2/accounts/{account_id}/jobs/{id}/', {
        path: { account_id: ctx.account(), id: jobId },
        signal: options.signal,
      });
    },
    /** Reruns the job from the point of failure of its last run; answers with the new run. */
    async rerun(jobId: number, options: { signal?: AbortSignal } = {}): Promise<Run> {
      checkId('jobId', jobId);
      return ctx.call('post', '/api/v2/accounts/{account_id}/jobs/{job_id}/rerun/', {
        path: { account_id: ctx.account(), job_id: jobId },
        signal: options.signal,
      });
    },
    /** The job named `job` in environment `environment` of project `project` (names as shown in dbt Cloud). */
    async findByName(
      names: { project: string; environment: string; job: string },
      options: { signal?: AbortSignal } = {},
    ): Promise<Job> {
      checkObject('names', names);
      const project = checkString('project', names.project);
      const environment = checkString('environment', names.environment);
      const job = checkString('job', names.job);
      const signal = compact({ signal: options.signal });
      const projects = await ctx
        .list('/api/v2/accounts/{account_id}/projects/', { account_id: ctx.account() }, {}, signal)
        .toArray();
      const foundProject = exactlyOne('project', project, projects);
      const environments = await ctx
        .list(
          '/api/v2/accounts/{account_id}/environments/',
          { account_id: ctx.account() },
          { project_id: foundProject.id },
          signal,
        )
        .toArray();
      const foundEnvironment = exactlyOne(
        'environment',
        environment,
        environments.filter(
          (e) => !('project_id' in e) || (e as { project_id?: number }).project_id === foundProject.id,
        ),
      );
      const jobs = await list({ projectId: foundProject.id, environmentId: foundEnvironment.id, ...signal }).toArray();
      return exactlyOne(
        'job',
        job,
        jobs.filter((j) => j.environment_id === foundEnvironment.id),
      );
    },
    /** A portable definition of the job: what a create request needs, minus where it lives. */
    export: exportJob,
    /** Creates a job from an exported definition in the given project and environment. */
    async import(definition: JobDefinition, target: ImportTarget): Promise<Job | JobCreate> {
      checkObject('definition', definition);
      if (definition.format !== 'dbt-cloud-ts/job@1') {
        throw new ValidationError(
          'definition.format',
          `must be "dbt-cloud-ts/job@1", got ${JSON.stringify(definition.format)}`,
        );
      }
      checkObject('definition.job', definition.job);
      checkObject('target', target);
      const body = {
        ...writableJobFields(definition.job),
        account_id: ctx.account(),
        project_id: checkId('projectId', target.projectId),
        environment_id: checkId('environmentId', target.environmentId),
        ...(target.name === undefined ? {} : { name: checkString('name', target.name, 1, 255) }),
      } as JobCreate;
      if (target.dryRun !== undefined && checkBoolean('dryRun', target.dryRun)) return body;
      return create(body, compact({ signal: target.signal }));
    },
    /**
     * Copies a job (dev → prod promotion): reads it, drops what the API sets, moves it to the target project and
     * environment, applies the changes and creates it. Deferral settings point into the source project, so a copy to
     * another environment drops them unless `changes` gives new ones. `dryRun` returns the body instead.
     */
    async copy(jobId: number, options: CopyJobOptions = {}): Promise<Job | JobCreate> {
      checkId('jobId', jobId);
      checkObject('options', options);
      // Check every option before the first request.
      const targetProjectId = checkOptionalId('projectId', options.projectId);
      const targetEnvironmentId = checkOptionalId('environmentId', options.environmentId);
      const { name, changes, dryRun } = checkCopyOptions(options);
      const source = await get(jobId, compact({ signal: options.signal }));
      const body = writableJobFields(source) as Record<string, unknown>;
      const environmentId = targetEnvironmentId ?? source.environment_id;
      if (environmentId !== source.environment_id) for (const field of deferralFields) delete body[field];
      Object.assign(body, {
        account_id: ctx.account(),
        project_id: targetProjectId ?? source.project_id,
        environment_id: environmentId,
        name: name ?? source.name,
      });
      if (changes !== undefined) Object.assign(body, writableJobFields(changes));
      if (dryRun) return body as JobCreate;
      return create(body as JobCreate, compact({ signal: options.signal }));
    },
  };
  // The overloads tie the answer's type to `dryRun`.
  return { list, ...methods } as Omit<typeof methods, 'copy' | 'import'> & { list: typeof list } & JobCopying;
}

export type Jobs = ReturnType<typeof createJobs>;
