// createDbtCloud: options → transport → typed openapi-fetch client, plus the ergonomic helpers.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createContext, registerContext } from './context.js';
import { type DbtCloudOptions, resolveOptions } from './options.js';
import type { PageItem, PaginateInit, PaginatedPath, Paginator } from './pagination.js';
import { artifactPathSerializer } from './paths.js';
import { type Artifacts, createArtifacts } from './resources/artifacts.js';
import { createEnvironments } from './resources/environments.js';
import { createProjects } from './resources/projects.js';
import { type Jobs, createJobs } from './resources/jobs.js';
import { type Runs, createRuns } from './resources/runs.js';
import { createTransport } from './transport/fetch-stack.js';

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
  // openapi-fetch parses the body the transport has already read in full; one that is not JSON rejects with the
  // transport's ResponseFormatError. Retries are the transport's alone.
  const transport = createTransport(config);
  const api = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: transport,
    Request: transport.Request,
    pathSerializer: artifactPathSerializer,
  });
  const ctx = createContext(api, config);
  const runs = createRuns(ctx);
  const client: DbtCloud = {
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
  registerContext(client, ctx);
  return client;
}
