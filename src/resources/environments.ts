// dbt.environments and dbt.projects: listing, reading, and copying an environment to another project. Reading and
// copying an environment load on first use (src/resources/environment-calls.ts), so that importing the main entry
// stays small.
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import type { Paginator } from '../pagination.js';
import { lazyMethods } from '../lazy.js';
import { checkId, checkOptionalId, compact } from '../validate.js';
import type { EnvironmentCalls } from './environment-calls.js';

export type Environment = components['schemas']['Environment'];
export type EnvironmentV3 = components['schemas']['EnvironmentV3'];
export type EnvironmentV3Create = components['schemas']['EnvironmentV3Create'];
export type Project = components['schemas']['Project'];

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
  const calls: EnvironmentCalls = lazyMethods(
    () => import('../helpers.js').then((module) => module.createEnvironmentCalls(ctx)),
    ['get', 'copy'],
  );
  const environments = {
    ...calls,
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

export function createProjects(ctx: Context) {
  return {
    async get(projectId: number, options: { signal?: AbortSignal } = {}): Promise<Project> {
      checkId('projectId', projectId);
      return ctx.call('get', '/api/v2/accounts/{account_id}/projects/{id}/', {
        path: { account_id: ctx.account(), id: projectId },
        signal: options.signal,
      });
    },
    list(options: { pageSize?: number; concurrency?: number; signal?: AbortSignal } = {}): Paginator<Project> {
      return ctx.list(
        '/api/v2/accounts/{account_id}/projects/',
        { account_id: ctx.account() },
        compact({ limit: options.pageSize }),
        options,
      );
    },
  };
}
