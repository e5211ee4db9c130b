// What dbt Cloud has: the jobs in scope, the job-level overrides of the managed ones, and a fingerprint of both so a
// saved plan can tell whether the account changed since it was made.
import { JobCreateFields } from '../../generated/fields.js';
import type { Context } from '../context.js';
import type { Paginator } from '../pagination.js';
import type { Job, JobCreate, JobUpdate, ListJobsOptions } from '../resources/jobs.js';
import type { RemoteEnvVar } from './diff.js';
import { parseJobName } from './identifiers.js';

/** The job calls jobs as code needs; `dbt.jobs` provides them. */
export interface JobCalls {
  list(options?: ListJobsOptions): Paginator<Job>;
  get(jobId: number, options?: { signal?: AbortSignal }): Promise<Job>;
  create(job: JobCreate, options?: { signal?: AbortSignal }): Promise<Job>;
  update(jobId: number, job: JobUpdate, options?: { signal?: AbortSignal }): Promise<Job>;
  delete(jobId: number, options?: { signal?: AbortSignal }): Promise<void>;
}

export interface Deps {
  ctx: Context;
  jobs: JobCalls;
}

/**
 * Which jobs of the account a plan may look at and change. `null` means every project (or environment); a list means
 * only those, and an empty list means none: files that hold no jobs put nothing in scope, never the whole account.
 */
export interface Scope {
  projectIds: number[] | null;
  environmentIds: number[] | null;
  /** Managed jobs whose identifier matches are left alone (regular expression source). */
  excludeIdentifiersMatching?: string | undefined;
}

export interface RemoteState {
  /** Active jobs in scope. */
  jobs: Job[];
  /** Managed jobs in scope by identifier (after exclusions). */
  managed: Map<string, Job[]>;
  /** Job-level overrides by job id, for the managed jobs the files name. */
  envVars: Map<number, Record<string, RemoteEnvVar>>;
}

const overrideReadsAtOnce = 4;

export const inScope = (scope: Scope, projectId: number, environmentId: number) =>
  (scope.projectIds === null || scope.projectIds.includes(projectId)) &&
  (scope.environmentIds === null || scope.environmentIds.includes(environmentId));

/** A scope from lists a caller gave (undefined: every one). */
export const scopeOf = (projectIds?: number[], environmentIds?: number[]): Scope => ({
  projectIds: projectIds ?? null,
  environmentIds: environmentIds ?? null,
});

/** The fields a request may send, taken from a job as dbt Cloud returns it. */
export function writableFields(job: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of JobCreateFields) if (job[field] !== undefined) out[field] = job[field];
  return out;
}

export async function listEnvVarOverrides(
  ctx: Context,
  projectId: number,
  jobId: number,
  signal?: AbortSignal,
): Promise<Record<string, RemoteEnvVar>> {
  const data = await ctx.call('get', '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/job/', {
    path: { account_id: ctx.account(), project_id: projectId },
    query: { job_definition_id: jobId },
    signal,
  });
  const overrides: Record<string, RemoteEnvVar> = {};
  for (const [name, levels] of Object.entries(data ?? {})) {
    if (levels.job) overrides[name] = { id: levels.job.id, value: levels.job.value ?? null };
  }
  return overrides;
}

export async function readRemote(
  deps: Deps,
  scope: Scope,
  identifiers: Iterable<string>,
  signal?: AbortSignal,
): Promise<RemoteState> {
  const exclude = scope.excludeIdentifiersMatching ? new RegExp(scope.excludeIdentifiersMatching) : undefined;
  const all = await deps.jobs.list(signal ? { signal } : {}).toArray();
  const jobs = all
    .filter((job) => job.state !== 2 && inScope(scope, job.project_id, job.environment_id))
    .sort((a, b) => a.id - b.id);
  const managed = new Map<string, Job[]>();
  for (const job of jobs) {
    const { identifier } = parseJobName(job.name);
    if (identifier === undefined || exclude?.test(identifier)) continue;
    managed.set(identifier, [...(managed.get(identifier) ?? []), job]);
  }
  const envVars = new Map<number, Record<string, RemoteEnvVar>>();
  const toRead = [...new Set(identifiers)].flatMap((identifier) => managed.get(identifier) ?? []);
  // One listing per job; a few at a time (the client's throttle and retries still apply to each).
  for (let start = 0; start < toRead.length; start += overrideReadsAtOnce) {
    const batch = toRead.slice(start, start + overrideReadsAtOnce);
    const read = await Promise.all(batch.map((job) => listEnvVarOverrides(deps.ctx, job.project_id, job.id, signal)));
    batch.forEach((job, i) => envVars.set(job.id, read[i]!));
  }
  return { jobs, managed, envVars };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 (Web Crypto, so the main entry stays runtime-neutral) of a value's canonical JSON. */
export async function sha256Of(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(canonical(value)));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return `sha256:${[...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** SHA-256 of what the plan relied on: every job in scope (id, name and writable fields) and the overrides read. */
export function fingerprint(state: RemoteState): Promise<string> {
  return sha256Of({
    jobs: state.jobs.map((job) => ({ id: job.id, ...writableFields(job as unknown as Record<string, unknown>) })),
    envVars: [...state.envVars.entries()].sort(([a], [b]) => a - b),
  });
}
