// dbt.environments' calls, loaded on the first one (see createEnvironments in environments.ts): read an environment,
// and copy it to another project.
import { EnvironmentV3CreateFields } from '../../generated/fields.js';
import type { Context } from '../context.js';
import { checkCopyOptions, checkId, checkObject, checkOptionalId, compact } from '../validate.js';
import type { CopyEnvironmentOptions, Environment, EnvironmentV3, EnvironmentV3Create } from './environments.js';

export function createEnvironmentCalls(ctx: Context) {
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
  return methods;
}

export type EnvironmentCalls = ReturnType<typeof createEnvironmentCalls>;
