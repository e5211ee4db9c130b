// Jobs as code (`dbt-cloud-ts/jobs`): plan and apply job definitions kept in files (the dbt-jobs-as-code format), check
// them, write them from existing jobs, and link, unlink or deactivate jobs, on a client the caller made.
// Runtime-neutral: reading files is in load.ts.
import type { DbtCloud } from '../client.js';
import { contextOf } from '../context.js';
import { ValidationError } from '../errors.js';
import type { Job } from '../resources/jobs.js';
import { checkId } from '../validate.js';
import { type ApplyOptions, type ApplyResult, applyPlan } from './apply.js';
import {
  type ConfigIssue,
  type DesiredJob,
  type JobSpec,
  type JobsConfig,
  type Locate,
  modelView,
  parseJobsConfig,
} from './config.js';
import { keptByImportFilter, managedName, parseJobName } from './identifiers.js';
import { type JobsPlan, type PlanOptions, planJobs } from './plan.js';
import { type JobCalls, inScope, listEnvVarOverrides, scopeOf, writableFields } from './remote.js';
import { isSecretName } from './diff.js';

export interface ValidateOptions {
  /** Also ask dbt Cloud whether the projects, environments and jobs the files point at exist. */
  online?: boolean;
  /** Where values sit in the files (from loadJobsConfig), so online problems name file and line too. */
  locate?: Locate;
  signal?: AbortSignal;
}

export interface ImportOptions {
  projectIds?: number[];
  environmentIds?: number[];
  jobIds?: number[];
  /** Only jobs that already carry an `[[identifier]]`. */
  managedOnly?: boolean;
  /** Write `linked_id` (the job's id) so `link` can mark unmanaged jobs later. */
  includeLinkedId?: boolean;
  /** Keep jobs whose `[[filter:identifier]]` filter is empty, `*` or contains this. */
  filter?: string;
  signal?: AbortSignal;
}

export interface MarkerChange {
  jobId: number;
  identifier: string;
  from: string;
  to: string;
  /** False under dryRun, or when the job already had that name. */
  done: boolean;
}

export interface SelectOptions {
  projectIds?: number[];
  environmentIds?: number[];
  dryRun?: boolean;
  signal?: AbortSignal;
}

const triggerNames = ['github_webhook', 'git_provider_webhook', 'schedule', 'on_merge'] as const;

/**
 * Jobs as code on a client: `createJobsAsCode(dbt).plan(config)`. It reads and changes jobs with the client's own
 * settings (token, account, retries, throttle).
 */
export function createJobsAsCode(dbt: Pick<DbtCloud, 'jobs'>) {
  const ctx = contextOf(dbt);
  const jobs: JobCalls = dbt.jobs;
  const deps = { ctx, jobs };
  const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});
  const selected = async (options: SelectOptions & { jobIds?: number[] }) => {
    const scope = scopeOf(options.projectIds, options.environmentIds);
    const all = await jobs.list(signalOf(options.signal)).toArray();
    return all.filter(
      (job) =>
        job.state !== 2 &&
        inScope(scope, job.project_id, job.environment_id) &&
        (!options.jobIds?.length || options.jobIds.includes(job.id)),
    );
  };
  const rename = async (job: Job, to: string, identifier: string, options: SelectOptions): Promise<MarkerChange> => {
    const change = { jobId: job.id, identifier, from: job.name, to, done: false };
    if (options.dryRun || job.name === to) return change;
    await jobs.update(job.id, { ...writableFields(job), name: to } as never, signalOf(options.signal));
    return { ...change, done: true };
  };

  return {
    /** What `apply` would do to make dbt Cloud's managed jobs match `config`. */
    plan: (config: JobsConfig, options?: PlanOptions): Promise<JobsPlan> => planJobs(deps, config, options),
    /** Does what `plan` listed, refusing with PlanStaleError when dbt Cloud changed since. */
    apply: (plan: JobsPlan, options?: ApplyOptions): Promise<ApplyResult> => applyPlan(deps, plan, options),

    /**
     * Checks a config against the schema and the format's rules (throws JobsConfigError); with `online`, also that
     * the projects, environments and jobs it points at exist, returning those problems.
     */
    async validateConfig(config: JobsConfig, options: ValidateOptions = {}): Promise<ConfigIssue[]> {
      const desired = parseJobsConfig(config, options.locate ? { locate: options.locate } : {});
      if (!options.online) return [];
      const account_id = ctx.account();
      const signal = options.signal;
      const projects = await ctx
        .list('/api/v2/accounts/{account_id}/projects/', { account_id }, {}, { signal })
        .toArray();
      const environments = await ctx
        .list(
          '/api/v2/accounts/{account_id}/environments/',
          { account_id },
          {},
          {
            signal,
          },
        )
        .toArray();
      const jobIds = new Set((await jobs.list(signalOf(signal)).toArray()).map((job) => job.id));
      const projectIds = new Set(projects.map((project) => project.id));
      const environmentProject = new Map(environments.map((environment) => [environment.id, environment.project_id]));
      const issues: ConfigIssue[] = [];
      for (const job of desired) {
        const add = (field: string, message: string) =>
          issues.push({
            ...(options.locate?.(['jobs', job.identifier, ...field.split('.')]) ?? job.source),
            field: `jobs.${job.identifier}.${field}`,
            message,
          });
        if (!projectIds.has(job.projectId)) add('project_id', `project ${job.projectId} does not exist`);
        const owner = environmentProject.get(job.environmentId);
        if (owner === undefined) add('environment_id', `environment ${job.environmentId} does not exist`);
        else if (owner !== job.projectId)
          add('environment_id', `environment ${job.environmentId} belongs to project ${owner}`);
        const deferTo = job.fields.deferring_environment_id;
        if (typeof deferTo === 'number' && !environmentProject.has(deferTo))
          add('deferring_environment_id', `environment ${deferTo} does not exist`);
        const deferJob = job.fields.deferring_job_definition_id;
        if (typeof deferJob === 'number' && !jobIds.has(deferJob))
          add('deferring_job_definition_id', `job ${deferJob} does not exist`);
        const upstream = (job.fields.job_completion_trigger_condition as { condition?: { job_id?: number } } | null)
          ?.condition?.job_id;
        if (typeof upstream === 'number' && !jobIds.has(upstream))
          add('job_completion_trigger_condition.condition.job_id', `job ${upstream} does not exist`);
        if (job.linkedId !== undefined && !jobIds.has(job.linkedId))
          add('linked_id', `job ${job.linkedId} does not exist`);
      }
      return issues;
    },

    /** A config holding existing jobs, keyed by their identifier (or `import_<n>` for unmanaged ones). */
    async importConfig(options: ImportOptions = {}): Promise<JobsConfig> {
      for (const id of options.jobIds ?? []) checkId('jobIds[]', id);
      const found = (await selected(options)).filter((job) => {
        const parsed = parseJobName(job.name);
        return (
          (!options.managedOnly || parsed.identifier !== undefined) &&
          keptByImportFilter(parsed.importFilter, options.filter)
        );
      });
      const out: Record<string, JobSpec> = {};
      for (const [position, job] of found.entries()) {
        const parsed = parseJobName(job.name);
        // As dbt-jobs-as-code numbers them: by the job's place among all the jobs written.
        const key = parsed.identifier ?? `import_${position + 1}`;
        // The job-file model's fields, as dbt Cloud holds them; its id and state are not part of a file.
        const { state: _state, ...fields } = modelView(writableFields(job));
        const cron = (fields.schedule as { cron?: unknown } | null | undefined)?.cron;
        if (typeof cron === 'string') fields.schedule = { cron };
        else delete fields.schedule;
        const overrides = await listEnvVarOverrides(ctx, job.project_id, job.id, options.signal);
        out[key] = {
          ...(options.includeLinkedId ? { linked_id: job.id } : {}),
          ...fields,
          name: parsed.name,
          custom_environment_variables: Object.entries(overrides)
            .filter(([name, value]) => !isSecretName(name) && value.value !== null)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, value]) => ({ [name]: value.value as string })),
        } as JobSpec;
      }
      return { jobs: out };
    },

    /**
     * Marks the jobs named by `linked_id` in the config as managed: adds `[[identifier]]` to their names. Refuses a job
     * outside the scope (where it is in dbt Cloud, whatever the file says), a job another identifier already manages,
     * and an identifier another job already carries.
     */
    async link(config: JobsConfig, options: SelectOptions = {}): Promise<MarkerChange[]> {
      const scope = scopeOf(options.projectIds, options.environmentIds);
      const desired = parseJobsConfig(config).filter(
        (job) => job.linkedId !== undefined && inScope(scope, job.projectId, job.environmentId),
      );
      const all = await jobs.list(signalOf(options.signal)).toArray();
      const taken = new Map<string, number>();
      for (const job of all) {
        const { identifier } = parseJobName(job.name);
        if (identifier !== undefined && job.state !== 2) taken.set(identifier, job.id);
      }
      const targets: Array<[DesiredJob, Job]> = [];
      for (const job of desired) {
        const holder = taken.get(job.identifier);
        if (holder !== undefined && holder !== job.linkedId) {
          throw new ValidationError(`jobs.${job.identifier}`, `is already the identifier of job ${holder}`);
        }
        const existing = await jobs.get(job.linkedId!, signalOf(options.signal));
        const current = parseJobName(existing.name).identifier;
        if (current !== undefined && current !== job.identifier) {
          throw new ValidationError(
            `jobs.${job.identifier}.linked_id`,
            `job ${existing.id} is already managed as [[${current}]]; unlink it first`,
          );
        }
        if (!inScope(scope, existing.project_id, existing.environment_id)) {
          throw new ValidationError(
            `jobs.${job.identifier}.linked_id`,
            `job ${existing.id} is in project ${existing.project_id} / environment ${existing.environment_id}, outside the scope`,
          );
        }
        targets.push([job, existing]);
      }
      // Every job is checked before the first rename, so a refusal leaves dbt Cloud as it was.
      const changes: MarkerChange[] = [];
      for (const [job, existing] of targets) {
        changes.push(await rename(existing, managedName(existing.name, job.identifier), job.identifier, options));
      }
      return changes;
    },

    /** Removes the `[[identifier]]` marker from managed jobs (all in scope, or those with the given identifiers). */
    async unlink(options: SelectOptions & { identifiers?: string[] } = {}): Promise<MarkerChange[]> {
      const changes: MarkerChange[] = [];
      for (const job of await selected(options)) {
        const parsed = parseJobName(job.name);
        if (parsed.identifier === undefined) continue;
        if (options.identifiers?.length && !options.identifiers.includes(parsed.identifier)) continue;
        changes.push(await rename(job, parsed.name, parsed.identifier, options));
      }
      return changes;
    },

    /** Turns every trigger off (schedule, CI, merge) on the selected jobs, keeping the jobs. */
    async deactivate(
      options: SelectOptions & { jobIds?: number[] } = {},
    ): Promise<Array<{ jobId: number; name: string; done: boolean; alreadyInactive: boolean }>> {
      const out = [];
      for (const job of await selected(options)) {
        const triggers = (job.triggers ?? {}) as Record<string, unknown>;
        const active = triggerNames.some((name) => triggers[name] === true);
        if (active && !options.dryRun) {
          const off = { ...triggers, ...Object.fromEntries(triggerNames.map((name) => [name, false])) };
          await jobs.update(job.id, { ...writableFields(job), triggers: off } as never, signalOf(options.signal));
        }
        out.push({ jobId: job.id, name: job.name, done: active && !options.dryRun, alreadyInactive: !active });
      }
      return out;
    },
  };
}

export type JobsAsCode = ReturnType<typeof createJobsAsCode>;
