// apply: carries out a plan, exactly as planned, after checking that dbt Cloud still is what the plan saw. Order:
// creates, then updates, then deletes (nothing is removed before everything new is in place); each job's overrides
// right after the job itself.
import { DbtCloudError, ValidationError } from '../errors.js';
import type { EnvVarChange } from './diff.js';
import { type JobChange, type JobsPlan, planFormat } from './plan.js';
import { type Deps, fingerprint, readRemote } from './remote.js';

export interface ApplyOptions {
  /** Stop at the first change that fails (default: go on with the others and report every failure). */
  failFast?: boolean;
  /** Told about each change as it is done or fails, e.g. to print progress. */
  onChange?: (event: AppliedChange | FailedChange) => void;
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
  /** Changes the plan marks skipped (deletes without allowDelete), and those not reached after a fail-fast stop. */
  skipped: Array<Pick<JobChange, 'action' | 'identifier' | 'jobId'> & { reason: string }>;
}

/** The account changed since the plan was made; plan again. */
export class PlanStaleError extends DbtCloudError {
  override name = 'PlanStaleError';
}

async function applyEnvVar(deps: Deps, change: EnvVarChange, projectId: number, jobId: number, signal?: AbortSignal) {
  const { ctx } = deps;
  const account_id = ctx.account();
  const body = {
    account_id,
    project_id: projectId,
    name: change.name,
    type: 'job' as const,
    job_definition_id: jobId,
    ...(change.new === null ? {} : { raw_value: change.new }),
  };
  // An update or delete names the override dbt Cloud listed; a plan without that id was not made by jobs.plan.
  const id = () => {
    if (change.id === undefined) throw new ValidationError(`envVars.${change.name}.id`, 'is missing from the plan');
    return change.id;
  };
  if (change.action === 'create') {
    await ctx.perform('post', '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/', {
      path: { account_id, project_id: projectId },
      body,
      signal,
    });
  } else if (change.action === 'update') {
    await ctx.perform('post', '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/{id}/', {
      path: { account_id, project_id: projectId, id: id() },
      body,
      signal,
    });
  } else {
    await ctx.perform('delete', '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/{id}/', {
      path: { account_id, project_id: projectId, id: id() },
      signal,
    });
  }
}

function checkPlan(plan: JobsPlan, accountId: number) {
  if (!plan || typeof plan !== 'object' || plan.format !== planFormat) {
    throw new ValidationError('plan.format', `must be ${JSON.stringify(planFormat)} (a plan made by jobs.plan)`);
  }
  if (plan.accountId !== accountId) {
    throw new ValidationError(
      'plan.accountId',
      `the plan is for account ${plan.accountId}, the client for ${accountId}`,
    );
  }
  if (!Array.isArray(plan.changes)) throw new ValidationError('plan.changes', 'must be a list');
}

export async function applyPlan(deps: Deps, plan: JobsPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  checkPlan(plan, deps.ctx.account());
  const { signal } = options;
  const now = await fingerprint(await readRemote(deps, plan.scope, plan.identifiers, signal));
  if (now !== plan.basedOn) {
    throw new PlanStaleError(
      'dbt Cloud changed since this plan was made (jobs or overrides in its scope differ); make a new plan',
    );
  }
  const result: ApplyResult = { success: true, applied: [], failed: [], skipped: [] };
  const pending = plan.changes.filter((change) => {
    if (change.skipped) result.skipped.push({ ...pick(change), reason: change.skipped });
    return !change.skipped;
  });
  for (const [index, change] of pending.entries()) {
    try {
      let jobId = change.jobId;
      if (change.action === 'create') {
        jobId = (await deps.jobs.create(change.body as never, signal ? { signal } : {})).id;
      } else if (change.action === 'update' && change.differences.length > 0) {
        await deps.jobs.update(change.jobId!, change.body as never, signal ? { signal } : {});
      } else if (change.action === 'delete') {
        await deps.jobs.delete(change.jobId!, signal ? { signal } : {});
      }
      for (const envVar of change.envVars) await applyEnvVar(deps, envVar, change.projectId, jobId!, signal);
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
      const failed: FailedChange = {
        outcome: 'failed',
        ...pick(change),
        error: { name: error.name, message: error.message, status: error.status, ...detailsOf(error) },
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

/** dbt Cloud's reasons for refusing a change: `{ data: { field: [messages] } }`, or else its developer message. */
function detailsOf(error: DbtCloudError): { details?: string } {
  const data = (error.body as { data?: unknown } | null | undefined)?.data;
  const fields =
    data && typeof data === 'object' && !Array.isArray(data)
      ? Object.entries(data).flatMap(([field, messages]) =>
          Array.isArray(messages) ? [`${field}: ${messages.map(String).join(' ')}`] : [],
        )
      : [];
  const details = fields.length > 0 ? fields.join('; ') : error.developerMessage;
  return details ? { details } : {};
}
