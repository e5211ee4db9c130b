// createDbtCloud: options → transport → typed openapi-fetch client, plus the ergonomic helpers.
import createClient, { defaultPathSerializer, type Client, type PathSerializer } from 'openapi-fetch';
import type { components, paths } from '../generated/schema.js';
import { DbtCloudError, ResponseFormatError, ValidationError, errorFromResponse } from './errors.js';
import { type DbtCloudOptions, type ResolvedOptions, parseAccountId, resolveOptions } from './options.js';
import { type PageItem, type PaginateInit, type PaginatedPath, type Paginator, paginate } from './pagination.js';
import { type WaitOptions, waitForRun } from './polling.js';
import { createTransport } from './transport.js';

export type Run = components['schemas']['Run'];
export type Job = components['schemas']['Job'];
export type Project = components['schemas']['Project'];
export type Environment = components['schemas']['Environment'];
export type RunStatusValue = components['schemas']['RunStatus'];

// Artifact paths such as `compiled/pkg/models/x.sql` go to the API with their slashes; each segment is still encoded.
export const artifactPathSerializer: PathSerializer = (pathname, params) => {
  const remainder = params.remainder;
  if (typeof remainder !== 'string') return defaultPathSerializer(pathname, params);
  const { remainder: _raw, ...rest } = params;
  const encoded = remainder.split('/').map(encodeURIComponent).join('/');
  return defaultPathSerializer(pathname, rest).replace('{remainder}', encoded);
};

/** Checks an id argument: a positive whole number. */
export function checkId(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(field, `must be a positive whole number, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
  return value;
}

const runStatusNames = { queued: 1, starting: 2, running: 3, success: 10, error: 20, cancelled: 30 } as const;
export type RunStatusName = keyof typeof runStatusNames;

function statusCode(value: RunStatusName | RunStatusValue): RunStatusValue {
  if (typeof value === 'string' && value in runStatusNames) return runStatusNames[value];
  if (typeof value === 'number' && Object.values(runStatusNames).includes(value as never)) return value;
  throw new ValidationError('status', `must be one of ${Object.keys(runStatusNames).join(', ')} or 1, 2, 3, 10, 20, 30; got ${JSON.stringify(value)}`);
}

export interface ListRunsOptions {
  jobId?: number;
  projectId?: number;
  environmentId?: number;
  /** One status, by name or code; or several. */
  status?: RunStatusName | RunStatusValue | Array<RunStatusName | RunStatusValue>;
  /** `id`, `created_at`, `finished_at`, or with `-` for newest first. Default `id`. */
  orderBy?: 'id' | '-id' | 'created_at' | '-created_at' | 'finished_at' | '-finished_at';
  /** Related objects to embed, e.g. `['job', 'trigger']`. */
  include?: string[];
  /** Page size, 1..100. Default 100. */
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
}

export interface ListJobsOptions {
  projectId?: number;
  environmentId?: number;
  orderBy?: string;
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
}

export interface ListEnvironmentsOptions {
  projectId?: number;
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
}

export interface ListProjectsOptions {
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
}

type ApiResult = { data?: unknown; error?: unknown; response: Response };

export interface DbtCloud {
  /** Every operation, typed; answers `{ data, error, response }` as openapi-fetch does and never throws on a status. */
  readonly api: Client<paths>;
  /** The account id the helpers use. */
  readonly accountId: number | undefined;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** Iterates every item of a list operation that takes limit and offset. */
  paginate<P extends PaginatedPath>(path: P, init: PaginateInit<P>): Paginator<PageItem<P>>;
  readonly runs: {
    get(runId: number, options?: { include?: string[]; signal?: AbortSignal }): Promise<Run>;
    list(options?: ListRunsOptions): Paginator<Run>;
    wait(runId: number, options?: WaitOptions<Run>): Promise<Run>;
  };
  readonly jobs: { list(options?: ListJobsOptions): Paginator<Job> };
  readonly projects: { list(options?: ListProjectsOptions): Paginator<Project> };
  readonly environments: { list(options?: ListEnvironmentsOptions): Paginator<Environment> };
}

/** Turns an openapi-fetch result into its data, or throws the typed error for its status. */
export function unwrap<T>(result: ApiResult, method: string, path: string): T {
  if (result.response.ok) {
    if (result.data === undefined && result.response.status !== 204) {
      throw new ResponseFormatError(`${method} ${path} answered ${result.response.status} without a body`, {
        method,
        path,
        status: result.response.status,
      });
    }
    return result.data as T;
  }
  const retryAfter = result.response.headers.get('Retry-After');
  const retryAfterMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
  throw errorFromResponse(result.response, result.error, { method, path }, retryAfterMs);
}

export function createDbtCloud(options: DbtCloudOptions = {}): DbtCloud {
  const config: ResolvedOptions = resolveOptions(options);
  const transport = createTransport(config);
  const api = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: transport,
    pathSerializer: artifactPathSerializer,
  });

  const account = (): number => {
    if (config.accountId === undefined) {
      throw new ValidationError('accountId', 'this call needs an account id (option `accountId` or DBT_CLOUD_ACCOUNT_ID)');
    }
    return config.accountId;
  };

  // One typed call for the helpers: send, then return the data or throw the typed error.
  const call = async <T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    template: string,
    init: { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal | undefined },
  ): Promise<T> => {
    const request = (api as unknown as Record<string, (path: string, init: object) => Promise<ApiResult>>)[method]!;
    const result = await request(template, {
      params: { path: init.path ?? {}, query: init.query ?? {} },
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    return unwrap<T>(result, method, artifactPathSerializer(template, init.path ?? {}));
  };

  const paginateAny = <T>(path: string, pathParams: Record<string, unknown>, query: Record<string, unknown>, opts: { concurrency?: number; signal?: AbortSignal }) =>
    paginate<T>((pageQuery, signal) => call('GET', path, { path: pathParams, query: pageQuery, signal }), query, opts);

  const compact = (query: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));

  const getRun = async (runId: number, opts: { include?: string[]; signal?: AbortSignal } = {}): Promise<Run> => {
    checkId('runId', runId);
    const include = opts.include?.length ? opts.include.join(',') : undefined;
    const envelope = await call<{ data: Run }>('GET', '/api/v2/accounts/{account_id}/runs/{id}/', {
      path: { account_id: account(), id: runId },
      query: compact({ include_related: include }),
      signal: opts.signal,
    });
    return envelope.data;
  };

  return {
    api,
    accountId: config.accountId,
    baseUrl: config.baseUrl,
    paginate(path, init) {
      const { query = {}, path: pathParams = {} } = (init?.params ?? {}) as { query?: Record<string, unknown>; path?: Record<string, unknown> };
      return paginateAny(path, pathParams, query, init);
    },
    runs: {
      get: getRun,
      list(opts = {}) {
        const statuses = opts.status === undefined ? [] : (Array.isArray(opts.status) ? opts.status : [opts.status]).map(statusCode);
        const query = compact({
          job_definition_id: opts.jobId === undefined ? undefined : checkId('jobId', opts.jobId),
          project_id: opts.projectId === undefined ? undefined : checkId('projectId', opts.projectId),
          environment_id: opts.environmentId === undefined ? undefined : checkId('environmentId', opts.environmentId),
          status: statuses.length === 1 ? statuses[0] : undefined,
          status__in: statuses.length > 1 ? statuses : undefined,
          order_by: opts.orderBy,
          include_related: opts.include?.length ? opts.include.join(',') : undefined,
          limit: opts.pageSize,
        });
        return paginateAny<Run>('/api/v2/accounts/{account_id}/runs/', { account_id: account() }, query, opts);
      },
      wait(runId, opts = {}) {
        checkId('runId', runId);
        const include = opts.onProgress ? ['run_steps'] : undefined;
        return waitForRun<Run>((signal) => getRun(runId, { ...(include ? { include } : {}), ...(signal ? { signal } : {}) }), config.clock, opts);
      },
    },
    jobs: {
      list(opts = {}) {
        const query = compact({
          project_id: opts.projectId === undefined ? undefined : checkId('projectId', opts.projectId),
          environment_id: opts.environmentId === undefined ? undefined : checkId('environmentId', opts.environmentId),
          order_by: opts.orderBy,
          limit: opts.pageSize,
        });
        return paginateAny<Job>('/api/v2/accounts/{account_id}/jobs/', { account_id: account() }, query, opts);
      },
    },
    projects: {
      list(opts = {}) {
        return paginateAny<Project>('/api/v2/accounts/{account_id}/projects/', { account_id: account() }, compact({ limit: opts.pageSize }), opts);
      },
    },
    environments: {
      list(opts = {}) {
        const query = compact({
          project_id: opts.projectId === undefined ? undefined : checkId('projectId', opts.projectId),
          limit: opts.pageSize,
        });
        return paginateAny<Environment>('/api/v2/accounts/{account_id}/environments/', { account_id: account() }, query, opts);
      },
    },
  };
}

export { DbtCloudError, parseAccountId };
