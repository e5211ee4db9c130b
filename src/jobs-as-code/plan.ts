// plan: compares the jobs the files want with the managed jobs dbt Cloud has and lists what apply would do. A plan is
// plain JSON: it can be saved, reviewed and applied later, exactly as planned.
import { DbtCloudError } from '../errors.js';
import {
  type ConfigIssue,
  type DesiredJob,
  JobsConfigError,
  type JobsConfig,
  type Locate,
  parseJobsConfig,
} from './config.js';
import { type EnvVarChange, type FieldChange, diffEnvVars, diffFields } from './diff.js';
import { managedName } from './identifiers.js';
import { type Deps, type Scope, fingerprint, inScope, readRemote, writableFields } from './remote.js';

export const planFormat = 'dbt-cloud-ts/jobs-plan@1';

export interface PlanOptions {
  /** Let apply delete managed jobs that left the files. Without it the plan still lists them, marked skipped. */
  allowDelete?: boolean;
  /** Only these projects: jobs of the files elsewhere are left out, and dbt Cloud's jobs elsewhere are not touched. */
  projectIds?: number[];
  /** Only these environments, likewise. */
  environmentIds?: number[];
  /** Only the projects and environments the files use (dbt-jobs-as-code's `--limit-projects-envs-to-yml`). */
  limitToConfig?: boolean;
  /** Leave managed jobs whose identifier matches this regular expression alone (in the files and in dbt Cloud). */
  excludeIdentifiersMatching?: string;
  /** Where values sit in the files (from loadJobsConfig), so problems name file and line. */
  locate?: Locate;
  signal?: AbortSignal;
}

export interface JobChange {
  action: 'create' | 'update' | 'delete';
  identifier: string;
  /** The existing job (update and delete). */
  jobId?: number;
  projectId: number;
  environmentId: number;
  /** The job's name as dbt Cloud shows it, marker included. */
  name: string;
  /** Field by field, old → new. For a create, every field the file gives (old is null). */
  differences: FieldChange[];
  /** Job-level environment-variable overrides to create, change or remove with the job. */
  envVars: EnvVarChange[];
  /** The request body create or update sends. */
  body?: Record<string, unknown>;
  /** Set when apply will not do this change: a delete without `allowDelete`. */
  skipped?: string;
}

export interface JobsPlan {
  format: typeof planFormat;
  accountId: number;
  createdAt: string;
  scope: Scope;
  allowDelete: boolean;
  /** The identifiers the files hold (also the unchanged ones): whose overrides the plan read. */
  identifiers: string[];
  /** Fingerprint of the dbt Cloud state the plan was made from; apply refuses the plan when it no longer matches. */
  basedOn: string;
  changes: JobChange[];
  unchanged: string[];
  /** Things a person should know: jobs left out by the scope or the exclusion pattern. */
  warnings: string[];
}

/** Changes apply would make (skipped deletes excluded). Zero means apply has nothing to do. */
export const pendingChanges = (plan: JobsPlan) => plan.changes.filter((change) => !change.skipped);

export class DuplicateIdentifierError extends DbtCloudError {
  override name = 'DuplicateIdentifierError';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `over` laid onto `base`, objects key by key (an update sends whole objects, the file may give part of one). */
function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isPlainObject(value) && isPlainObject(base[key]) ? mergeDeep(base[key], value) : value;
  }
  return out;
}

export function scopeFor(desired: DesiredJob[], options: PlanOptions): Scope {
  const unique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
  return {
    projectIds: unique(options.limitToConfig ? desired.map((job) => job.projectId) : (options.projectIds ?? [])),
    environmentIds: unique(
      options.limitToConfig ? desired.map((job) => job.environmentId) : (options.environmentIds ?? []),
    ),
    ...(options.excludeIdentifiersMatching ? { excludeIdentifiersMatching: options.excludeIdentifiersMatching } : {}),
  };
}

export async function planJobs(deps: Deps, config: JobsConfig, options: PlanOptions = {}): Promise<JobsPlan> {
  const accountId = deps.ctx.account();
  const parsed = parseJobsConfig(config, options.locate ? { locate: options.locate } : {});
  const issues: ConfigIssue[] = parsed
    .filter((job) => job.accountId !== undefined && job.accountId !== accountId)
    .map((job) => ({
      ...(options.locate?.(['jobs', job.identifier, 'account_id']) ?? job.source),
      field: `jobs.${job.identifier}.account_id`,
      message: `is ${job.accountId}, but the client works on account ${accountId}`,
    }));
  if (issues.length > 0) throw new JobsConfigError(issues);
  if (options.excludeIdentifiersMatching !== undefined) new RegExp(options.excludeIdentifiersMatching); // throws early

  const scope = scopeFor(parsed, options);
  const exclude = scope.excludeIdentifiersMatching ? new RegExp(scope.excludeIdentifiersMatching) : undefined;
  const warnings: string[] = [];
  const desired = parsed.filter((job) => {
    if (exclude?.test(job.identifier)) {
      warnings.push(`${job.identifier}: left out, its identifier matches ${scope.excludeIdentifiersMatching}`);
      return false;
    }
    if (!inScope(scope, job.projectId, job.environmentId)) {
      warnings.push(
        `${job.identifier}: left out, project ${job.projectId} / environment ${job.environmentId} is outside the scope`,
      );
      return false;
    }
    return true;
  });
  const identifiers = desired.map((job) => job.identifier).sort();
  if (desired.length === 0) {
    warnings.push('the files hold no jobs in scope: every managed job in scope would be deleted (with allowDelete)');
  }

  const remote = await readRemote(deps, scope, identifiers, options.signal);
  const duplicates = [...remote.managed.entries()].filter(([, jobs]) => jobs.length > 1);
  if (duplicates.length > 0) {
    throw new DuplicateIdentifierError(
      `dbt Cloud has several jobs with the same identifier; rename or unlink all but one: ${duplicates
        .map(([identifier, jobs]) => `[[${identifier}]] on jobs ${jobs.map((job) => job.id).join(', ')}`)
        .join('; ')}`,
    );
  }

  const changes: JobChange[] = [];
  const unchanged: string[] = [];
  for (const job of desired) {
    const name = managedName(job.fields.name as string, job.identifier);
    const wanted = { ...job.fields, name };
    const existing = remote.managed.get(job.identifier)?.[0];
    if (!existing) {
      changes.push({
        action: 'create',
        identifier: job.identifier,
        projectId: job.projectId,
        environmentId: job.environmentId,
        name,
        differences: Object.entries(wanted).map(([field, value]) => ({ field, old: null, new: value })),
        envVars: diffEnvVars(job.envVars, {}),
        body: withScheduleParts({ ...wanted, account_id: accountId }, job.fields.schedule),
      });
      continue;
    }
    const current = existing as unknown as Record<string, unknown>;
    const differences = diffFields(wanted, current);
    const envVars = diffEnvVars(job.envVars, remote.envVars.get(existing.id) ?? {});
    if (differences.length === 0 && envVars.length === 0) {
      unchanged.push(job.identifier);
      continue;
    }
    changes.push({
      action: 'update',
      identifier: job.identifier,
      jobId: existing.id,
      projectId: job.projectId,
      environmentId: job.environmentId,
      name,
      differences,
      envVars,
      body: withScheduleParts(
        { ...mergeDeep(writableFields(current), wanted), id: existing.id, account_id: accountId },
        job.fields.schedule,
      ),
    });
  }
  const kept = new Set(identifiers);
  for (const [identifier, [job]] of remote.managed) {
    if (kept.has(identifier) || !job) continue;
    changes.push({
      action: 'delete',
      identifier,
      jobId: job.id,
      projectId: job.project_id,
      environmentId: job.environment_id,
      name: job.name,
      differences: [],
      envVars: [],
      ...(options.allowDelete ? {} : { skipped: 'deleting needs allowDelete (--allow-delete)' }),
    });
  }
  const order = { create: 0, update: 1, delete: 2 } as const;
  changes.sort((a, b) => order[a.action] - order[b.action] || a.identifier.localeCompare(b.identifier));

  return {
    format: planFormat,
    accountId,
    createdAt: new Date().toISOString(),
    scope,
    allowDelete: Boolean(options.allowDelete),
    identifiers,
    basedOn: await fingerprint(remote),
    changes,
    unchanged: unchanged.sort(),
    warnings,
  };
}

/**
 * dbt Cloud wants a schedule's `date` and `time` parts with its `cron` (the API answers 400 without them). A file that
 * gives only `cron` gets what dbt-jobs-as-code sends: a custom-cron date of that cron, and every hour as the time
 * (which a custom cron ignores). Parts the file gives are sent as they are. The diff compares only what the file has.
 */
function withScheduleParts(body: Record<string, unknown>, fromFile: unknown): Record<string, unknown> {
  const schedule = fromFile as { cron?: unknown; date?: unknown; time?: unknown } | null | undefined;
  if (!schedule || typeof schedule !== 'object' || typeof schedule.cron !== 'string') return body;
  const sent: Record<string, unknown> = { ...(body.schedule as Record<string, unknown>) };
  if (schedule.date === undefined) sent.date = { type: 'custom_cron', cron: schedule.cron };
  if (schedule.time === undefined) sent.time = { type: 'every_hour', interval: 1 };
  return { ...body, schedule: sent };
}
