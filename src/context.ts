// What every resource helper shares: the typed client, one call that throws typed errors, pagination, the account.
import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { ResponseFormatError, ValidationError, errorFromResponse } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { type Paginator, paginate } from './pagination.js';
import { parseRetryAfter } from './transport.js';
import { artifactPathSerializer } from './paths.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type ApiResult = { data?: unknown; error?: unknown; response: Response };

export interface CallInit {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  parseAs?: 'json' | 'text' | 'stream';
}

export interface Context {
  api: Client<paths>;
  config: ResolvedOptions;
  /** The configured account id, or a ValidationError saying one is needed. */
  account(): number;
  /** Sends one operation and returns its body, or throws the typed error for its status. */
  call<T>(method: HttpMethod, template: string, init?: CallInit): Promise<T>;
  /** Pages a list operation, throwing typed errors. */
  list<T>(
    template: string,
    pathParams: Record<string, unknown>,
    query: Record<string, unknown>,
    options?: { concurrency?: number | undefined; signal?: AbortSignal | undefined },
  ): Paginator<T>;
}

/** Turns an openapi-fetch result into its data, or throws the typed error for its status. */
export function unwrap<T>(result: ApiResult, method: string, path: string, now: number = Date.now()): T {
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
  // Seconds or an HTTP date, as the transport reads it.
  const retryAfterMs = parseRetryAfter(result.response.headers.get('Retry-After'), now);
  throw errorFromResponse(result.response, result.error, { method, path }, retryAfterMs);
}

export function createContext(api: Client<paths>, config: ResolvedOptions): Context {
  const call = async <T>(method: HttpMethod, template: string, init: CallInit = {}): Promise<T> => {
    const send = (api as unknown as Record<HttpMethod, (path: string, init: object) => Promise<ApiResult>>)[method];
    const result = await send(template, {
      params: { path: init.path ?? {}, query: init.query ?? {} },
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal ? { signal: init.signal } : {}),
      ...(init.parseAs ? { parseAs: init.parseAs } : {}),
    });
    return unwrap<T>(result, method, artifactPathSerializer(template, init.path ?? {}), config.clock.now());
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
    call,
    list<T>(
      template: string,
      pathParams: Record<string, unknown>,
      query: Record<string, unknown>,
      options: { concurrency?: number | undefined; signal?: AbortSignal | undefined } = {},
    ) {
      return paginate<T>(
        (pageQuery, signal) => call('GET', template, { path: pathParams, query: pageQuery, signal }),
        query,
        {
          ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
    },
  };
}
