// apply: carries out a plan, after checking that it is what was shown and that dbt Cloud still is what the plan saw.
// A saved plan is untrusted input (anyone who can edit the file writes it), so apply re-derives what it may do from
// dbt Cloud as it is now: each change must name a managed job of the plan's scope (or create one there), a delete
// needs the plan's allowDelete and the caller's, and requests are built from the differences the plan shows, never
// from anything else. Anything else refuses the whole plan before one request is sent.
// Order: creates, then updates, then deletes (nothing is removed before everything new is in place); each job's
// overrides right after the job itself.
import { DbtCloudError, refusalReason, ValidationError } from '../errors.js';
import { modelFields, refusedKey } from './config.js';
import { type EnvVarChange, isSecretName, maskedValue, type RemoteEnvVar, sameValue } from './diff.js';
import { parseJobName } from './identifiers.js';
import {
  currentView,
  deleteNotAllowed,
  type JobChange,
  type JobsPlan,
  planDigest,
  planFormat,
  secretValueOf,
} from './plan.js';
import { type Deps, fingerprint, inScope, readRemote, type RemoteState } from './remote.js';

export interface ApplyOptions {
  /** Stop at the first change that fails (default: go on with the others and report every failure). */
  failFast?: boolean;
  /** Told about each change as it is done or fails, e.g. to print progress. */
  onChange?: (event: AppliedChange | FailedChange) => void;
  /**
   * Whether deletes may happen at all. Deletes need both this and the plan's own allowDelete. Default: as the plan
   * says. The CLI passes its own `--allow-delete` when it applies a saved plan, so whoever runs apply decides.
   */
  allowDelete?: boolean;
  signal?: AbortSignal;
}

export interface AppliedChange {
  outcome: 'applied';
  action: JobChange['action'];
  identifier: string;
  jobId: number;
  projectId: number;
  environmentId: number;
  envVars: EnvVarChange[];
}

export interface FailedChange {
  outcome: 'failed';
  action: JobChange['action'];
  identifier: string;
  jobId?: number;
  /** `details`: why, as dbt Cloud said it (field errors, or its developer message), when it said more than the status. */
  error: { name: string; message: string; status?: number | undefined; details?: string };
}

export interface ApplyResult {
  success: boolean;
  applied: AppliedChange[];
  failed: FailedChange[];
  /** Deletes that were not allowed, and changes not reached after a fail-fast stop. */
  skipped: Array<Pick<JobChange, 'action' | 'identifier' | 'jobId'> & { reason: string }>;
}

/** The account changed since the plan was made; plan again. */
export class PlanStaleError extends DbtCloudError {
  override name = 'PlanStaleError';
}

/** A plan apply will not carry out: edited after it was made, or asking for more than its own terms allow. */
export class PlanRefusedError extends DbtCloudError {
  override name = 'PlanRefusedError';
  constructor(readonly reasons: string[]) {
    super(`the plan is refused, nothing was changed:\n${reasons.map((reason) => `  ${reason}`).join('\n')}`);
  }
  override toJSON() {
    return { ...super.toJSON(), reasons: this.reasons };
  }
}

const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The plan's shape, as JSON read from a file may break it. Throws ValidationError naming the first bad part. */
function checkShape(plan: JobsPlan, accountId: number | null) {
  const bad = (field: string, message: string): never => {
    throw new ValidationError(field, message);
  };
  if (!isPlainObject(plan) || plan.format !== planFormat)
    bad('plan.format', `must be ${JSON.stringify(planFormat)} (a plan made by jobs.plan)`);
  if (plan.accountId !== accountId)
    bad('plan.accountId', `the plan is for account ${String(plan.accountId)}, the client for ${accountId}`);
  const ids = (value: unknown) => value === null || (Array.isArray(value) && value.every(isInteger));
  if (!isPlainObject(plan.scope) || !ids(plan.scope.projectIds) || !ids(plan.scope.environmentIds))
    bad('plan.scope', 'must hold projectIds and environmentIds, each null or a list of ids');
  const exclude = plan.scope.excludeIdentifiersMatching;
  if (exclude !== undefined && typeof exclude !== 'string')
    bad('plan.scope.excludeIdentifiersMatching', 'must be text');
  if (!Array.isArray(plan.identifiers) || !plan.identifiers.every((id) => typeof id === 'string'))
    bad('plan.identifiers', 'must be a list of identifiers');
  if (typeof plan.allowDelete !== 'boolean') bad('plan.allowDelete', 'must be true or false');
  if (typeof plan.digest !== 'string' || typeof plan.basedOn !== 'string') bad('plan.digest', 'is missing');
  if (!Array.isArray(plan.changes)) bad('plan.changes', 'must be a list');
  plan.changes.forEach((change, i) => {
    const at = `plan.changes[${i}]`;
    if (!isPlainObject(change) || !['create', 'update', 'delete'].includes(change.action))
      bad(`${at}.action`, 'must be create, update or delete');
    if (typeof change.identifier !== 'string' || typeof change.name !== 'string')
      bad(`${at}`, 'must name an identifier and a job name');
    if (!isInteger(change.projectId) || !isInteger(change.environmentId))
      bad(`${at}`, 'must name a project and an environment by id');
    if (change.action !== 'create' && !isInteger(change.jobId)) bad(`${at}.jobId`, 'must be a job id');
    if (
      !Array.isArray(change.differences) ||
      !change.differences.every((d) => isPlainObject(d) && typeof d.field === 'string')
    )
      bad(`${at}.differences`, 'must be a list of { field, old, new }');
    const envVarActions = ['create', 'update', 'delete'];
    if (
      !Array.isArray(change.envVars) ||
      !change.envVars.every(
        (e) =>
          isPlainObject(e) &&
          envVarActions.includes(e.action) &&
          typeof e.name === 'string' &&
          (e.id === undefined || isInteger(e.id)) &&
          (e.new === null || typeof e.new === 'string'),
      )
    )
      bad(`${at}.envVars`, 'must be a list of { action, name, old, new, id }');
  });
}

const pathOf = (field: string) => field.split('.');

/** The value at a dotted path, or undefined. */
function valueAt(object: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** A copy of `object` with the value at a dotted path replaced (objects on the way are copied, or made). */
function withValueAt(object: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = path as [string, ...string[]];
  const copy = { ...object };
  if (rest.length === 0) copy[key] = value;
  else copy[key] = withValueAt(isPlainObject(object[key]) ? object[key] : {}, rest, value);
  return copy;
}

/** Why a change may not be done, from dbt Cloud as it is now; empty when it may. */
function refusals(plan: JobsPlan, change: JobChange, remote: RemoteState): string[] {
  const reasons: string[] = [];
  const about = `${change.action} ${change.identifier}`;
  const fromFiles = plan.identifiers.includes(change.identifier);
  const managed = remote.managed.get(change.identifier)?.[0];
  if (!inScope(plan.scope, change.projectId, change.environmentId))
    reasons.push(`${about}: project ${change.projectId} / environment ${change.environmentId} is outside the scope`);
  for (const difference of change.differences) {
    const path = pathOf(difference.field);
    if (!modelFields().includes(path[0]!) || path.some((key) => key === '' || refusedKey(key)))
      reasons.push(`${about}: ${difference.field} is not a job field a request may set`);
  }
  const after = (field: string): unknown => change.differences.find((d) => d.field === field)?.new;
  const movesTo = (field: 'project_id' | 'environment_id', current: number) => {
    const target = after(field);
    return target === undefined ? current : target;
  };
  if (change.differences.some((d) => (d.field === 'account_id' ? d.new !== plan.accountId : false)))
    reasons.push(`${about}: account_id must be the plan's account, ${plan.accountId}`);
  if (change.action === 'create') {
    if (!fromFiles) reasons.push(`${about}: the identifier is not one of the plan's files`);
    const fields = change.differences.map((d) => d.field);
    if (fields.some((field) => field.includes('.')) || new Set(fields).size !== fields.length)
      reasons.push(`${about}: a create gives each field once, whole`);
    if (managed) reasons.push(`${about}: job ${managed.id} already has this identifier`);
    if (after('project_id') !== change.projectId || after('environment_id') !== change.environmentId)
      reasons.push(`${about}: the job's project and environment differ from the change's`);
    if (after('name') !== change.name || parseJobName(change.name).identifier !== change.identifier)
      reasons.push(`${about}: the name must be ${JSON.stringify(change.name)}, marked [[${change.identifier}]]`);
    if (change.envVars.some((envVar) => envVar.action !== 'create'))
      reasons.push(`${about}: a new job has no overrides to change or remove`);
    return reasons;
  }
  if (!managed || managed.id !== change.jobId) {
    reasons.push(`${about}: job ${change.jobId} is not the managed job [[${change.identifier}]] of the scope`);
    return reasons;
  }
  if (change.action === 'delete') {
    if (fromFiles) reasons.push(`${about}: the files still hold this job`);
    if (change.differences.length > 0 || change.envVars.length > 0)
      reasons.push(`${about}: a delete changes no field and no override`);
    return reasons;
  }
  if (!fromFiles) reasons.push(`${about}: the identifier is not one of the plan's files`);
  const current = currentView(managed);
  for (const difference of change.differences) {
    if (!sameValue(valueAt(current, pathOf(difference.field)), difference.old))
      reasons.push(`${about}: ${difference.field} is not ${JSON.stringify(difference.old)} in dbt Cloud`);
  }
  const name = after('name') ?? managed.name;
  if (typeof name !== 'string' || parseJobName(name).identifier !== change.identifier)
    reasons.push(`${about}: the job would lose its [[${change.identifier}]] marker`);
  const project = movesTo('project_id', managed.project_id);
  const environment = movesTo('environment_id', managed.environment_id);
  if (!isInteger(project) || !isInteger(environment) || !inScope(plan.scope, project, environment))
    reasons.push(`${about}: the job would move outside the scope`);
  const overrides: Record<string, RemoteEnvVar> = remote.envVars.get(managed.id) ?? {};
  for (const envVar of change.envVars) {
    const existing = Object.hasOwn(overrides, envVar.name) ? overrides[envVar.name] : undefined;
    if (envVar.action === 'create' ? existing !== undefined : existing?.id !== envVar.id)
      reasons.push(`${about}: override ${envVar.name} is not as the plan saw it`);
  }
  return reasons;
}

async function applyEnvVar(
  deps: Deps,
  change: EnvVarChange,
  value: string | null,
  projectId: number,
  jobId: number,
  signal?: AbortSignal,
) {
  const { ctx } = deps;
  const account_id = ctx.account();
  const body = {
    account_id,
    project_id: projectId,
    name: change.name,
    type: 'job' as const,
    job_definition_id: jobId,
    ...(value === null ? {} : { raw_value: value }),
  };
  if (change.action === 'create') {
    await ctx.perform('post', '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/', {
      path: { account_id, project_id: projectId },
      body,
      signal,
    });
  } else if (change.action === 'update') {
    await ctx.perform('post', '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/{id}/', {
      path: { account_id, project_id: projectId, id: change.id! },
      body,
      signal,
    });
  } else {
    await ctx.perform('delete', '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/{id}/', {
      path: { account_id, project_id: projectId, id: change.id! },
      signal,
    });
  }
}

export async function applyPlan(deps: Deps, plan: JobsPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  // The plan of files that hold no jobs may have no account (see emptyPlan); it changes nothing either way.
  const accountId = isPlainObject(plan) && plan.accountId === null ? null : deps.ctx.account();
  checkShape(plan, accountId);
  if ((await planDigest(plan)) !== plan.digest)
    throw new PlanRefusedError(['the plan was edited after it was made (its digest does not match); make a new plan']);
  if (accountId === null) {
    if (plan.changes.length === 0) return { success: true, applied: [], failed: [], skipped: [] };
    throw new ValidationError('plan.accountId', 'a plan with changes names its account');
  }
  const { signal } = options;
  const remote = await readRemote(deps, plan.scope, plan.identifiers, signal);
  if ((await fingerprint(remote)) !== plan.basedOn) {
    throw new PlanStaleError(
      'dbt Cloud changed since this plan was made (jobs or overrides in its scope differ); make a new plan',
    );
  }
  const deletes = plan.allowDelete && options.allowDelete !== false;
  const result: ApplyResult = { success: true, applied: [], failed: [], skipped: [] };
  const reasons: string[] = [];
  const secrets = new Map<EnvVarChange, string>();
  const pending = plan.changes.filter((change) => {
    if (change.action === 'delete' && !deletes) {
      result.skipped.push({ ...pick(change), reason: deleteNotAllowed });
      return false;
    }
    reasons.push(...refusals(plan, change, remote));
    for (const envVar of change.envVars) {
      if (!isSecretName(envVar.name) || envVar.new === null) continue;
      const value = secretValueOf(plan, change.identifier, envVar.name);
      if (value === undefined)
        reasons.push(
          `${change.action} ${change.identifier}: sets the secret ${envVar.name}, whose value is never saved in a plan; apply from the jobs files instead`,
        );
      else secrets.set(envVar, value);
    }
    return true;
  });
  if (reasons.length > 0) throw new PlanRefusedError([...new Set(reasons)]);

  const masked = (text: string) =>
    [...secrets.values()].reduce((out, secret) => out.split(secret).join(maskedValue), text);
  for (const [index, change] of pending.entries()) {
    try {
      let jobId = change.jobId;
      const callOptions = signal ? { signal } : {};
      if (change.action === 'create') {
        const body = Object.fromEntries(change.differences.map((d) => [d.field, d.new]));
        jobId = (await deps.jobs.create(body as never, callOptions)).id;
      } else if (change.action === 'update' && change.differences.length > 0) {
        const managed = remote.managed.get(change.identifier)![0]!;
        let body: Record<string, unknown> = {
          ...currentView(managed),
          id: managed.id,
          account_id: accountId,
        };
        for (const difference of change.differences) body = withValueAt(body, pathOf(difference.field), difference.new);
        await deps.jobs.update(change.jobId!, body as never, callOptions);
      } else if (change.action === 'delete') {
        await deps.jobs.delete(change.jobId!, callOptions);
      }
      for (const envVar of change.envVars) {
        const value = secrets.get(envVar) ?? envVar.new;
        await applyEnvVar(deps, envVar, value, change.projectId, jobId!, signal);
      }
      const applied: AppliedChange = {
        outcome: 'applied',
        action: change.action,
        identifier: change.identifier,
        jobId: jobId!,
        projectId: change.projectId,
        environmentId: change.environmentId,
        envVars: change.envVars,
      };
      result.applied.push(applied);
      options.onChange?.(applied);
    } catch (error) {
      if (!(error instanceof DbtCloudError) || signal?.aborted) throw error;
      result.success = false;
      const details = detailsOf(error);
      const failed: FailedChange = {
        outcome: 'failed',
        ...pick(change),
        error: {
          name: error.name,
          message: masked(error.message),
          status: error.status,
          ...(details === undefined ? {} : { details: masked(details) }),
        },
      };
      result.failed.push(failed);
      options.onChange?.(failed);
      if (options.failFast) {
        for (const rest of pending.slice(index + 1)) {
          result.skipped.push({ ...pick(rest), reason: 'not attempted: an earlier change failed (failFast)' });
        }
        break;
      }
    }
  }
  return result;
}

function pick(change: JobChange) {
  return {
    action: change.action,
    identifier: change.identifier,
    ...(change.jobId === undefined ? {} : { jobId: change.jobId }),
  };
}

/** dbt Cloud's reasons for refusing a change: its field errors, or else its developer message. */
function detailsOf(error: DbtCloudError): string | undefined {
  return refusalReason(error.body, undefined, error.developerMessage);
}
