// createDbtCloud: options → transport → typed openapi-fetch client, plus the ergonomic helpers.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createContext } from './context.js';
import { type DbtCloudOptions, type ResolvedOptions, resolveOptions } from './options.js';
import type { PageItem, PaginateInit, PaginatedPath, Paginator } from './pagination.js';
import { artifactPathSerializer } from './paths.js';
import { type Artifacts, createArtifacts } from './resources/artifacts.js';
import { createEnvironments, createProjects } from './resources/environments.js';
import { type Jobs, createJobs } from './resources/jobs.js';
import { type Runs, createRuns } from './resources/runs.js';
import { AbortError, ConnectionError, DbtCloudError, bodyReadError } from './errors.js';
import { backoffDelay, createTransport, errorCode } from './transport.js';

const httpMethods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type SendInit = { params?: { path?: Record<string, unknown> }; signal?: AbortSignal | null };
type Send = (url: string, init?: SendInit) => Promise<unknown>;
/** Reads whose answer may be asked for again when the connection broke while its body was read. */
const rereadable = new Set(['GET', 'HEAD']);

/**
 * openapi-fetch reads the body after the transport returned, so a body cut short or not JSON would surface as a bare
 * TypeError or SyntaxError; this turns those into the typed errors (see bodyReadError). A GET whose connection broke
 * mid-body is sent again, up to maxRetries times: the transport could not, as it had already handed the answer over.
 */
function withTypedBodyErrors(api: Client<paths>, config: ResolvedOptions): Client<paths> {
  const typed = async (method: string, url: string, init: SendInit | undefined, send: () => Promise<unknown>) => {
    const signal = init?.signal ?? undefined;
    for (let retry = 0; ; retry++) {
      try {
        return await send();
      } catch (error) {
        const where = { method, path: artifactPathSerializer(url, init?.params?.path ?? {}) };
        const typedError = bodyReadError(error, where, errorCode(error));
        const brokenMidBody = !(error instanceof DbtCloudError) && typedError instanceof ConnectionError;
        if (!brokenMidBody || !rereadable.has(method) || retry >= config.maxRetries || signal?.aborted) {
          throw typedError;
        }
        const delayMs = backoffDelay(retry);
        config.logger?.info?.('dbt-cloud retry', {
          ...where,
          attempt: retry + 1,
          error: 'ConnectionError',
          phase: 'body',
          delayMs,
        });
        await config.clock.sleep(delayMs, signal).catch((reason: unknown) => {
          throw new AbortError(`${method} ${where.path} was aborted`, { ...where, cause: reason });
        });
      }
    }
  };
  const wrapped: Record<string, unknown> = { ...api };
  for (const method of httpMethods) {
    const send = (api as unknown as Record<string, Send>)[method]!;
    wrapped[method] = (url: string, init?: SendInit) => typed(method, url, init, () => send(url, init));
  }
  const request = (api as unknown as { request: (method: string, url: string, init?: SendInit) => Promise<unknown> })
    .request;
  wrapped.request = (method: string, url: string, init?: SendInit) =>
    typed(method.toUpperCase(), url, init, () => request(method, url, init));
  return wrapped as unknown as Client<paths>;
}

export interface DbtCloud {
  /** Every operation, typed; answers `{ data, error, response }` as openapi-fetch does and never throws on a status. */
  readonly api: Client<paths>;
  /** The account id the helpers use. */
  readonly accountId: number | undefined;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** Iterates every item of a list operation that takes limit and offset. */
  paginate<P extends PaginatedPath>(path: P, init: PaginateInit<P>): Paginator<PageItem<P>>;
  readonly runs: Runs;
  readonly jobs: Jobs;
  readonly artifacts: Artifacts;
  readonly environments: ReturnType<typeof createEnvironments>;
  readonly projects: ReturnType<typeof createProjects>;
}

export function createDbtCloud(options: DbtCloudOptions = {}): DbtCloud {
  const config = resolveOptions(options);
  const api = withTypedBodyErrors(
    createClient<paths>({
      baseUrl: config.baseUrl,
      fetch: createTransport(config),
      pathSerializer: artifactPathSerializer,
    }),
    config,
  );
  const ctx = createContext(api, config);
  const runs = createRuns(ctx);
  return {
    api,
    accountId: config.accountId,
    baseUrl: config.baseUrl,
    paginate(path, init) {
      const { query = {}, path: pathParams = {} } = (init?.params ?? {}) as {
        query?: Record<string, unknown>;
        path?: Record<string, unknown>;
      };
      return ctx.list(path, pathParams, query, init);
    },
    runs,
    jobs: createJobs(ctx),
    artifacts: createArtifacts(ctx, runs),
    environments: createEnvironments(ctx),
    projects: createProjects(ctx),
  };
}
