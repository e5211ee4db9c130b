// dbt.environments: list and read environments, and copy one to another project.
import { EnvironmentV3CreateFields } from '../../generated/fields.js';
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import type { Paginator } from '../pagination.js';
import { checkCopyOptions, checkId, checkObject, checkOptionalId, compact } from '../validate.js';

export type Environment = components['schemas']['Environment'];
export type EnvironmentV3 = components['schemas']['EnvironmentV3'];
export type EnvironmentV3Create = components['schemas']['EnvironmentV3Create'];

export interface CopyEnvironmentOptions {
  /** Target project; default: the source environment's. */
  projectId?: number;
  /** New name; default: the source's name. */
  name?: string;
  /**
   * Credentials for the copy. Credentials belong to one project, so a copy into another project drops the source's
   * unless you give these.
   */
  credentialsId?: number;
  /** Any other fields to change in the copy, as the API names them. */
  changes?: Partial<EnvironmentV3Create>;
  dryRun?: boolean;
  signal?: AbortSignal;
}

/** `copy` answers with the request body under `dryRun: true`, and with the created environment otherwise. */
interface EnvironmentCopying {
  copy(environmentId: number, options: CopyEnvironmentOptions & { dryRun: true }): Promise<EnvironmentV3Create>;
  copy(environmentId: number, options?: CopyEnvironmentOptions & { dryRun?: false }): Promise<EnvironmentV3>;
  copy(environmentId: number, options?: CopyEnvironmentOptions): Promise<EnvironmentV3 | EnvironmentV3Create>;
}

export function createEnvironments(ctx: Context) {
  const get = async (environmentId: number, options: { signal?: AbortSignal } = {}): Promise<Environment> => {
    checkId('environmentId', environmentId);
    return ctx.call('get', '/api/v2/accounts/{account_id}/environments/{id}/', {
      path: { account_id: ctx.account(), id: environmentId },
      signal: options.signal,
    });
  };
  const methods = {
    get,
    async copy(
      environmentId: number,
      options: CopyEnvironmentOptions = {},
    ): Promise<EnvironmentV3 | EnvironmentV3Create> {
      checkObject('options', options);
      // Check every option before the first request.
      checkId('environmentId', environmentId);
      const targetProjectId = checkOptionalId('projectId', options.projectId);
      const credentialsId = checkOptionalId('credentialsId', options.credentialsId);
      const { name, changes, dryRun } = checkCopyOptions(options);
      const source: Record<string, unknown> = await get(environmentId, compact({ signal: options.signal }));
      const body: Record<string, unknown> = {};
      for (const field of EnvironmentV3CreateFields)
        if (source[field] !== undefined && source[field] !== null) body[field] = source[field];
      const projectId = targetProjectId ?? (source.project_id as number);
      if (projectId !== source.project_id) delete body.credentials_id;
      Object.assign(body, {
        account_id: ctx.account(),
        project_id: projectId,
        name: name ?? source.name,
        ...compact({ credentials_id: credentialsId }),
      });
      if (changes !== undefined) {
        for (const [field, value] of Object.entries(changes)) {
          if ((EnvironmentV3CreateFields as readonly string[]).includes(field)) body[field] = value;
        }
      }
      if (dryRun) return body as EnvironmentV3Create;
      return ctx.call('post', '/api/v3/accounts/{account_id}/projects/{project_id}/environments/', {
        path: { account_id: ctx.account(), project_id: projectId },
        body: body as EnvironmentV3Create,
        signal: options.signal,
      });
    },
  };
  const environments = {
    ...methods,
    list(
      options: { projectId?: number; pageSize?: number; concurrency?: number; signal?: AbortSignal } = {},
    ): Paginator<Environment> {
      return ctx.list(
        '/api/v2/accounts/{account_id}/environments/',
        { account_id: ctx.account() },
        compact({ project_id: checkOptionalId('projectId', options.projectId), limit: options.pageSize }),
        options,
      );
    },
  };
  // The overload ties the answer's type to `dryRun`.
  return environments as Omit<typeof environments, 'copy'> & EnvironmentCopying;
}
