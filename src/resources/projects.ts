// dbt.projects: list and read projects.
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import type { Paginator } from '../pagination.js';
import { checkId, compact } from '../validate.js';

export type Project = components['schemas']['Project'];

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
