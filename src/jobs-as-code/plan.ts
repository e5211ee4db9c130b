// plan: compares the jobs the files want with the managed jobs dbt Cloud has and lists what apply would do. A plan is
// plain JSON: it can be saved, reviewed and applied later. What it shows is what apply sends: every field of a
// create, every field an update changes. Secret values (DBT_ENV_SECRET_*) are never in it; a plan made in this
// process keeps them aside, where JSON.stringify cannot reach them.
import { DbtCloudError } from '../errors.js';
import {
  type ConfigIssue,
  type DesiredJob,
  formatIssue,
  JobsConfigError,
  type JobsConfig,
  type Locate,
  modelView,
  readJobsConfig,
} from './config.js';
import { type EnvVarChange, type FieldChange, diffEnvVars, diffFields, isSecretName, maskedValue } from './diff.js';
import { managedName, parseJobName } from './identifiers.js';
import { type Deps, type Scope, fingerprint, inScope, readRemote, sha256Of, writableFields } from './remote.js';

export const planFormat = 'dbt-cloud-ts/jobs-plan@2';

export interface PlanOptions {
  /** Let apply delete managed jobs that left the files. Without it the plan still lists them, marked skipped. */
  allowDelete?: boolean;
  /** Only these projects: jobs of the files elsewhere are left out, and dbt Cloud's jobs elsewhere are not touched. */
  projectIds?: number[];
  /** Only these environments, likewise. */
  environmentIds?: number[];
  /**
   * Only the projects and environments the files use (dbt-jobs-as-code's `--limit-projects-envs-to-yml`). Files that
   * hold no jobs put nothing in scope, with or without it: their plan changes nothing.
   */
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
  /**
   * Field by field, old → new: for a create, every field the request sends (old is null); for an update, every field
   * it changes. Apply sends exactly these (an update keeps every other field as dbt Cloud has it).
   */
  differences: FieldChange[];
  /** Job-level environment-variable overrides to create, change or remove with the job (secret values masked). */
  envVars: EnvVarChange[];
  /** Set when apply will not do this change: a delete the plan does not allow. */
  skipped?: string;
}

export interface JobsPlan {
  format: typeof planFormat;
  /** Null only in the plan of files that hold no jobs, which changes nothing in any account. */
  accountId: number | null;
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
  /** SHA-256 over everything above: apply refuses a plan edited after it was made. */
  digest: string;
}

/** Changes apply would make (skipped deletes excluded). Zero means apply has nothing to do. */
export const pendingChanges = (plan: JobsPlan) => plan.changes.filter((change) => !change.skipped);

export const deleteNotAllowed = 'deleting is not allowed by this plan';

export class DuplicateIdentifierError extends DbtCloudError {
  override name = 'DuplicateIdentifierError';
}

// Secret override values of plans made in this process, by plan and `identifier\nname`.
const secretValues = new WeakMap<JobsPlan, Map<string, string>>();
export const secretKey = (identifier: string, name: string) => `${identifier}\n${name}`;
/** The value a plan made in this process sets for a secret override; undefined for a plan read from a file. */
export const secretValueOf = (plan: JobsPlan, identifier: string, name: string) =>
  secretValues.get(plan)?.get(secretKey(identifier, name));

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

const sortedUnique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

export function scopeFor(desired: DesiredJob[], options: PlanOptions): Scope {
  const pick = (fromFiles: number[], given: number[] | undefined): number[] | null => {
    if (!options.limitToConfig) return given ? sortedUnique(given) : null;
    const files = sortedUnique(fromFiles);
    return given ? files.filter((id) => given.includes(id)) : files;
  };
  return {
    projectIds: pick(
      desired.map((job) => job.projectId),
      options.projectIds,
    ),
    environmentIds: pick(
      desired.map((job) => job.environmentId),
      options.environmentIds,
    ),
    ...(options.excludeIdentifiersMatching ? { excludeIdentifiersMatching: options.excludeIdentifiersMatching } : {}),
  };
}

/** The digest a plan carries: over every field but the digest itself. */
export const planDigest = ({
  digest: _digest,
  ...shown
}: JobsPlan | (Omit<JobsPlan, 'digest'> & { digest?: string })) => sha256Of(shown);

/**
 * A job as dbt Cloud holds it, seen as the jobs-file model sees it: its request fields, with the model's default for
 * any model field dbt Cloud did not return. Plans compare the files with this view, and apply checks against it.
 */
export function currentView(job: Record<string, unknown>): Record<string, unknown> {
  const current = writableFields(job);
  return { ...current, ...modelView(current) };
}

/**
 * What an update sends: dbt Cloud's fields with the file's model fields laid over them, nested objects key by key
 * (so that parts of the job outside the model stay as they are). Where only the marker's filter differs, dbt Cloud's
 * name stays; where the cron is the same, dbt Cloud's schedule stays (its date and time are what it derived, which
 * need not be the custom-cron parts a create sends).
 */
function updateBody(current: Record<string, unknown>, job: DesiredJob, name: string): Record<string, unknown> {
  const sent = mergeDeep(current, { ...job.fields, name });
  const remoteName = typeof current.name === 'string' ? parseJobName(current.name) : undefined;
  if (remoteName?.identifier === job.identifier && remoteName.name === job.fields.name) sent.name = current.name;
  const cron = (job.fields.schedule as { cron?: unknown } | null | undefined)?.cron;
  const currentSchedule = current.schedule as { cron?: unknown } | null | undefined;
  if (currentSchedule && cron !== undefined && currentSchedule.cron === cron) sent.schedule = currentSchedule;
  return sent;
}

/** Every top-level field of a create as a difference from nothing. */
const createDifferences = (body: Record<string, unknown>): FieldChange[] =>
  Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ field, old: null, new: value }));

function maskEnvVars(changes: EnvVarChange[]): EnvVarChange[] {
  return changes.map((change) =>
    isSecretName(change.name)
      ? {
          ...change,
          old: change.old === null ? null : maskedValue,
          new: change.new === null ? null : maskedValue,
        }
      : change,
  );
}

/** The plan of files that hold no jobs: nothing to do, whatever any account holds, so it names none. */
async function emptyPlan(options: PlanOptions, warnings: string[]): Promise<JobsPlan> {
  const shown: Omit<JobsPlan, 'digest'> = {
    format: planFormat,
    accountId: null,
    createdAt: new Date().toISOString(),
    scope: { projectIds: [], environmentIds: [] },
    allowDelete: Boolean(options.allowDelete),
    identifiers: [],
    basedOn: '',
    changes: [],
    unchanged: [],
    warnings: [...warnings, 'the files hold no jobs: nothing is in scope, nothing will change'],
  };
  return { ...shown, digest: await planDigest(shown) };
}

export async function planJobs(deps: Deps, config: JobsConfig, options: PlanOptions = {}): Promise<JobsPlan> {
  const read = readJobsConfig(config, options.locate ? { locate: options.locate } : {});
  const parsed = read.jobs;
  if (parsed.length === 0) return emptyPlan(options, read.warnings.map(formatIssue));
  const accountId = deps.ctx.account();
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
  const warnings: string[] = read.warnings.map(formatIssue);
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

  const remote = await readRemote(deps, scope, identifiers, options.signal);
  const duplicates = [...remote.managed.entries()].filter(([, jobs]) => jobs.length > 1);
  if (duplicates.length > 0) {
    throw new DuplicateIdentifierError(
      `dbt Cloud has several jobs with the same identifier; rename or unlink all but one: ${duplicates
        .map(([identifier, jobs]) => `[[${identifier}]] on jobs ${jobs.map((job) => job.id).join(', ')}`)
        .join('; ')}`,
    );
  }

  const secrets = new Map<string, string>();
  const keepSecrets = (job: DesiredJob, changes: EnvVarChange[]) => {
    for (const change of changes) {
      if (isSecretName(change.name) && change.new !== null)
        secrets.set(secretKey(job.identifier, change.name), change.new);
    }
    return maskEnvVars(changes);
  };

  const changes: JobChange[] = [];
  const unchanged: string[] = [];
  for (const job of desired) {
    const name = managedName(job.fields.name as string, job.identifier);
    const existing = remote.managed.get(job.identifier)?.[0];
    if (!existing) {
      changes.push({
        action: 'create',
        identifier: job.identifier,
        projectId: job.projectId,
        environmentId: job.environmentId,
        name,
        differences: createDifferences({ ...job.fields, name }),
        envVars: keepSecrets(job, diffEnvVars(job.envVars, {})),
      });
      continue;
    }
    const current = currentView(existing);
    const differences = diffFields(updateBody(current, job, name), current);
    const envVars = keepSecrets(job, diffEnvVars(job.envVars, remote.envVars.get(existing.id) ?? {}));
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
      ...(options.allowDelete ? {} : { skipped: deleteNotAllowed }),
    });
  }
  const order = { create: 0, update: 1, delete: 2 } as const;
  changes.sort((a, b) => order[a.action] - order[b.action] || a.identifier.localeCompare(b.identifier));

  const shown: Omit<JobsPlan, 'digest'> = {
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
  const plan: JobsPlan = { ...shown, digest: await planDigest(shown) };
  if (secrets.size > 0) secretValues.set(plan, secrets);
  return plan;
}
