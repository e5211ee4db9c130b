// What every resource helper shares: one typed operation call keyed by the generated `paths` (path, method,
// parameters and answer all derived from generated/schema.d.ts), pagination, and the account.
import type { Client } from 'openapi-fetch';
import type { components, paths } from '../generated/schema.js';
import { ResponseFormatError, ValidationError, errorFromResponse } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { type PageItem, type PaginatedPath, type Paginator, paginate } from './pagination.js';
import { artifactPathSerializer } from './paths.js';
import { type CallSettings, callSettingsKey, retryAfterOf } from './transport/fetch-stack.js';
import { type AttemptCount, parseRetryAfter } from './transport/retry-policy.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have an operation for `M`. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: infer O }
    ? [O] extends [{ responses: unknown }]
      ? P
      : never
    : never;
}[keyof paths];

/** The generated operation of a path and method. */
export type Operation<P extends keyof paths, M extends Method> = Extract<
  paths[P][M & keyof paths[P]],
  { responses: unknown }
>;

type ParametersOf<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> =
  ParametersOf<O> extends { path: infer A } ? A : ParametersOf<O> extends { path?: infer A } ? A : never;
type QueryParams<O> = ParametersOf<O> extends { query?: infer Q } ? NonNullable<Q> : never;
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type SuccessJson<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201 | 202
        ? R[S] extends { content: { 'application/json': infer J } }
          ? J
          : never
        : never;
    }[keyof R]
  : never;

/** The one envelope: a successful single-object answer, `{ data, status }`, with `data` typed as `T`. */
export type Envelope<T> = Omit<components['schemas']['Envelope'], 'data'> & { data: T };

/** What `data` holds in the successful answer of an operation. */
export type DataOf<P extends keyof paths, M extends Method> =
  SuccessJson<Operation<P, M>> extends Envelope<infer D> ? D : never;

export interface OperationInit<P extends keyof paths, M extends Method> {
  path: PathParams<Operation<P, M>>;
  query?: Partial<QueryParams<Operation<P, M>>> | undefined;
  body?: JsonBody<Operation<P, M>> | undefined;
  signal?: AbortSignal | undefined;
  /** Clock time by which the call must be over (a wait's deadline). */
  deadline?: number | undefined;
  /** The attempts made so far, when the caller retries what it is handed (see AttemptCount). */
  attempts?: AttemptCount | undefined;
}

export interface Context {
  api: Client<paths>;
  config: ResolvedOptions;
  /** The configured account id, or a ValidationError saying one is needed. */
  account(): number;
  /** Sends one operation and returns the `data` of its envelope, or throws the typed error for its status. */
  call<M extends Method, P extends keyof paths>(
    method: M,
    path: P,
    init: NoInfer<OperationInit<P, M>>,
  ): Promise<DataOf<P, M>>;
  /** Sends one operation whose answer carries nothing needed (a delete), throwing the typed error for its status. */
  perform<M extends Method, P extends keyof paths>(
    method: M,
    path: P,
    init: NoInfer<OperationInit<P, M>>,
  ): Promise<void>;
  /** Sends one operation and returns its body as it is (artifacts: JSON, text or a stream), or throws the typed error. */
  raw<P extends PathWith<'get'>>(
    path: P,
    init: NoInfer<OperationInit<P, 'get'>>,
    parseAs: 'json' | 'text' | 'stream',
  ): Promise<unknown>;
  /** Pages a list operation, throwing typed errors; the item type comes from the operation's answer. */
  list<P extends PaginatedPath>(
    template: P,
    pathParams: NoInfer<PathParams<Operation<P, 'get'>>>,
    query: Record<string, unknown>,
    options?: { concurrency?: number | undefined; maxPages?: number | undefined; signal?: AbortSignal | undefined },
  ): Paginator<PageItem<P>>;
}

type ApiResult = { data?: unknown; error?: unknown; response: Response };
/** The init of any operation, as the one untyped place below sees it. */
type AnyInit = {
  path: unknown;
  query?: unknown;
  body?: unknown;
  signal?: AbortSignal | undefined;
  deadline?: number | undefined;
  attempts?: AttemptCount | undefined;
};
type RawSend = (method: string, path: string, init: object) => Promise<ApiResult>;

/** The body of a successful answer, or the typed error for an unsuccessful one. */
export function unwrap(result: ApiResult, method: string, path: string, now: number): unknown {
  const { response } = result;
  if (response.ok) return result.data;
  // Seconds or an HTTP date, read once by the transport (again only for an answer that did not come through it).
  const retryAfterMs = retryAfterOf.has(response)
    ? retryAfterOf.get(response)
    : parseRetryAfter(response.headers.get('Retry-After'), now);
  throw errorFromResponse(response, result.error, { method, path }, retryAfterMs);
}

/** The `data` of a single-object envelope; anything else (null, a bare array, `{}`, `{ data: null }`) is refused. */
function envelopeData(body: unknown, method: string, path: string, status: number): unknown {
  const data =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (data === undefined || data === null) {
    const what = body === undefined ? 'no body' : 'a body without the `data` it promises';
    throw new ResponseFormatError(`${method} ${path} answered ${status} with ${what}`, { method, path, status });
  }
  return data;
}

export function createContext(api: Client<paths>, config: ResolvedOptions): Context {
  const request = (api as unknown as { request: RawSend }).request;
  const send = async (method: string, path: string, init: AnyInit, parseAs?: string) => {
    const settings: CallSettings | undefined =
      parseAs === 'stream' || init.deadline !== undefined || init.attempts !== undefined
        ? {
            stream: parseAs === 'stream',
            ...(init.deadline === undefined ? {} : { deadline: init.deadline }),
            ...(init.attempts === undefined ? {} : { attempts: init.attempts }),
          }
        : undefined;
    const pathParams = init.path as Record<string, unknown>;
    const result = await request(method, path, {
      params: { path: pathParams, query: init.query ?? {} },
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal ? { signal: init.signal } : {}),
      ...(parseAs ? { parseAs } : {}),
      ...(settings ? { [callSettingsKey]: settings } : {}),
    });
    const upper = method.toUpperCase();
    const concrete = artifactPathSerializer(path, pathParams);
    return {
      body: unwrap(result, upper, concrete, config.clock.now()),
      upper,
      concrete,
      status: result.response.status,
    };
  };
  const call = async (method: Method, path: string, init: AnyInit) => {
    const answer = await send(method, path, init);
    return envelopeData(answer.body, answer.upper, answer.concrete, answer.status);
  };
  return {
    api,
    config,
    account() {
      if (config.accountId === undefined) {
        throw new ValidationError(
          'accountId',
          'this call needs an account id (option `accountId` or DBT_CLOUD_ACCOUNT_ID)',
        );
      }
      return config.accountId;
    },
    call: call as unknown as Context['call'],
    async perform(method, path, init) {
      await send(method, path, init);
    },
    async raw(path, init, parseAs) {
      const answer = await send('get', path, init, parseAs);
      if (answer.body === undefined || answer.body === null) {
        throw new ResponseFormatError(`GET ${answer.concrete} answered ${answer.status} with no body`, {
          method: 'GET',
          path: answer.concrete,
          status: answer.status,
        });
      }
      return answer.body;
    },
    list<P extends PaginatedPath>(
      template: P,
      pathParams: PathParams<Operation<P, 'get'>>,
      query: Record<string, unknown>,
      options: {
        concurrency?: number | undefined;
        maxPages?: number | undefined;
        signal?: AbortSignal | undefined;
      } = {},
    ) {
      return paginate<PageItem<P>>(
        async (pageQuery, signal) => (await send('get', template, { path: pathParams, query: pageQuery, signal })).body,
        query,
        {
          ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
          ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
    },
  };
}

// The context behind each client, for the parts of the package that work on a client they are given (saving
// artifacts to disk, jobs as code) without putting their needs on its public object.
const contexts = new WeakMap<object, Context>();

export function registerContext(client: object, ctx: Context): void {
  contexts.set(client, ctx);
}

/** The context of a client made by createDbtCloud; a ValidationError for anything else. */
export function contextOf(client: unknown): Context {
  const ctx = client !== null && typeof client === 'object' ? contexts.get(client) : undefined;
  if (!ctx) throw new ValidationError('dbt', 'must be a client made by createDbtCloud');
  return ctx;
}
