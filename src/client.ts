// createDbtCloud: options → transport → typed openapi-fetch client, plus the ergonomic helpers.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createContext } from './context.js';
import { type DbtCloudOptions, resolveOptions } from './options.js';
import type { PageItem, PaginateInit, PaginatedPath, Paginator } from './pagination.js';
import { artifactPathSerializer } from './paths.js';
import { type Artifacts, createArtifacts } from './resources/artifacts.js';
import { createEnvironments, createProjects } from './resources/environments.js';
import { type Jobs, createJobs } from './resources/jobs.js';
import { type Runs, createRuns } from './resources/runs.js';
import { bodyReadError } from './errors.js';
import { createTransport, errorCode } from './transport.js';

const httpMethods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type SendInit = { params?: { path?: Record<string, unknown> } };
type Send = (url: string, init?: SendInit) => Promise<unknown>;

/**
 * openapi-fetch parses the body the transport has already read in full, so the one failure left here is a body that is
 * not JSON (a bare SyntaxError): this types it (see bodyReadError). Retries are the transport's alone.
 */
function withTypedBodyErrors(api: Client<paths>): Client<paths> {
  const typed = async (method: string, url: string, init: SendInit | undefined, send: () => Promise<unknown>) => {
    try {
      return await send();
    } catch (error) {
      const where = { method, path: artifactPathSerializer(url, init?.params?.path ?? {}) };
      throw bodyReadError(error, where, errorCode(error));
    }
  };
  const wrapped: Record<string, unknown> = { ...api };
  const untyped = api as unknown as Record<string, Send> & {
    request: (method: string, url: string, init?: SendInit) => Promise<unknown>;
  };
  for (const method of httpMethods) {
    const send = untyped[method]!;
    wrapped[method] = (url: string, init?: SendInit) => typed(method, url, init, () => send(url, init));
  }
  wrapped.request = (method: string, url: string, init?: SendInit) =>
    typed(method.toUpperCase(), url, init, () => untyped.request(method, url, init));
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
      return ctx.list(path, pathParams as never, query, init);
    },
    runs,
    jobs: createJobs(ctx),
    artifacts: createArtifacts(ctx, runs),
    environments: createEnvironments(ctx),
    projects: createProjects(ctx),
  };
}
