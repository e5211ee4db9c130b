// Turns the options a user passes (or the environment) into a checked configuration.
// Every problem is a ValidationError naming the option, raised before any request is sent.
import { ValidationError } from './errors.js';
import { checkInteger, maxTimerMs } from './validate.js';

export type Region = 'us' | 'emea' | 'au';
export type AuthScheme = 'Token' | 'Bearer';
export type TokenSource = string | (() => string | Promise<string>);

export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** Time as the client sees it; tests and simulations pass their own. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Calls `onFire` after `ms` unless the returned function cancels it first: the per-attempt timeout and a wait's
   * deadline. Optional; without it the runtime's `setTimeout` is used.
   */
  setTimer?(ms: number, onFire: () => void): () => void;
}

/** A fetch the client can be given: called as `fetch(request, init)`, so `(request)` and `(input, init)` both work. */
export type FetchFunction = (request: Request, init: RequestInit) => Promise<Response>;

export interface DbtCloudOptions {
  /** API key (personal access token or service token), or a function returning one. Default: `DBT_CLOUD_API_TOKEN`. */
  token?: TokenSource;
  /** Numeric account id. Default: `DBT_CLOUD_ACCOUNT_ID`. Needed by the helpers, not by `api`. */
  accountId?: number | string;
  /**
   * Where the API lives: `cloud.getdbt.com`, `emea.dbt.com`, an access URL such as `https://ab123.us1.dbt.com`,
   * with or without scheme, `/api` or trailing slash. Default: `DBT_CLOUD_HOST`, else the region's host.
   */
  host?: string;
  /** Multi-tenant region, when no host is given. Default `us`. */
  region?: Region;
  /** How the token is written in the Authorization header. Default `Token`. */
  authScheme?: AuthScheme;
  /**
   * The fetch to send requests with. Default: the global fetch. It is called as `fetch(request, init)`, where `init`
   * holds the same method, headers (Authorization included), body, signal and redirect as `request`; a wrapper may
   * read either.
   */
  fetch?: FetchFunction;
  /** Prepended to the User-Agent header, e.g. `my-orchestrator/2.1`. */
  userAgent?: string;
  /** Time limit of one attempt (the answer and its body), in ms, at most 2^31 − 1. Default 30 000. */
  timeoutMs?: number;
  /**
   * Largest answer body read into memory, in bytes; a larger one fails with ResponseFormatError. Default 256 MiB
   * (room for big manifests). Downloads streamed to disk are not capped.
   */
  maxResponseBytes?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Most requests in flight at once; the rest wait in a queue. Default 8. */
  maxConcurrency?: number;
  /** Receives one line per attempt and retry; never a token. */
  logger?: Logger;
  /** Replaces the wall clock (for tests and simulations). */
  clock?: Clock;
  /** Environment to read defaults from. Default `process.env` where there is one (Node, Bun, Deno), else none. */
  env?: Record<string, string | undefined>;
}

export interface ResolvedOptions {
  token: () => Promise<string>;
  /** The token when it is a fixed string (checked once), so a request needs no await to get it. */
  fixedToken: string | undefined;
  accountId: number | undefined;
  baseUrl: string;
  authScheme: AuthScheme;
  /** The caller's fetch; undefined means the global fetch. */
  fetch: FetchFunction | undefined;
  userAgent: string | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  maxRetries: number;
  maxConcurrency: number;
  logger: Logger | undefined;
  clock: Clock;
}

export const regionHosts: Record<Region, string> = {
  us: 'https://cloud.getdbt.com',
  emea: 'https://emea.dbt.com',
  au: 'https://au.dbt.com',
};

const loopbackHosts = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export const defaultMaxResponseBytes = 268_435_456; // 256 MiB, written out: an expression would be work on import

export const systemClock: Clock = {
  now: () => Date.now(),
  // Capped: a longer timer would fire at once.
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(ms, maxTimerMs),
      );
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * Checks a token value: non-empty, and only visible Latin-1 characters, which is what a header value can carry.
 * Whitespace, control characters (C0 and C1) and anything beyond U+00FF (a pasted €, emoji or zero-width space) are
 * refused here rather than failing every request later.
 */
export function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new ValidationError('token', 'an API token is required (option `token` or DBT_CLOUD_API_TOKEN)');
  }
  if (/[\s\u0000-\u001f\u007f-\u00a0]/.test(token)) {
    throw new ValidationError(
      'token',
      'the token contains whitespace or control characters; copy it again without them',
    );
  }
  if (/[^\u0021-\u00ff]/.test(token)) {
    throw new ValidationError(
      'token',
      'the token contains a character that cannot be sent in a header (beyond Latin-1); copy it again',
    );
  }
  return token;
}

/** Normalises a host or access URL to `https://host[:port]`; `http://` only for loopback. */
export function normaliseHost(input: string): string {
  const raw = input.trim();
  if (raw === '') throw new ValidationError('host', 'must not be empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ValidationError('host', `not a host name or URL: ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password) throw new ValidationError('host', 'must not contain credentials');
  if (url.search || url.hash) throw new ValidationError('host', 'must not contain a query string or fragment');
  if (url.protocol === 'http:' && !loopbackHosts.test(url.hostname)) {
    throw new ValidationError('host', 'http:// is allowed for loopback addresses only; use https://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError('host', `unsupported scheme ${url.protocol}`);
  }
  // Accept `https://host/`, `https://host/api` and `https://host/api/`: the operation paths start with /api/.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  if (path !== '')
    throw new ValidationError('host', `unexpected path ${JSON.stringify(url.pathname)}; give the host only`);
  return `${url.protocol}//${url.host}`;
}

function wholeNumber(name: string, value: unknown, fallback: number, min: number, max?: number): number {
  return value === undefined ? fallback : checkInteger(name, value, min, max);
}

export function parseAccountId(value: unknown, field = 'accountId'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,15}$/.test(text) || Number(text) < 1) {
    throw new ValidationError(field, `must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return Number(text);
}

export function resolveOptions(options: DbtCloudOptions = {}): ResolvedOptions {
  // Read here, not on import, and only where a `process` exists: browsers and workers have none.
  const env = options.env ?? globalThis.process?.env ?? {};

  const tokenSource = options.token ?? env.DBT_CLOUD_API_TOKEN;
  // A fixed token is checked once and handed out as one settled promise: no new promise per request.
  const fixedToken = typeof tokenSource === 'function' ? undefined : checkToken(tokenSource);
  const settledToken = fixedToken === undefined ? undefined : Promise.resolve(fixedToken);
  const token = typeof tokenSource === 'function' ? async () => checkToken(await tokenSource()) : () => settledToken!;

  const accountRaw = options.accountId ?? (env.DBT_CLOUD_ACCOUNT_ID || undefined);
  const accountId = accountRaw === undefined ? undefined : parseAccountId(accountRaw);

  if (options.region !== undefined && !(options.region in regionHosts)) {
    throw new ValidationError(
      'region',
      `must be one of ${Object.keys(regionHosts).join(', ')}, got ${JSON.stringify(options.region)}`,
    );
  }
  if (options.region !== undefined && options.host !== undefined) {
    throw new ValidationError('host', 'give either host or region, not both');
  }
  const host = options.host ?? (options.region ? undefined : env.DBT_CLOUD_HOST || undefined);
  const baseUrl = host !== undefined ? normaliseHost(host) : regionHosts[options.region ?? 'us'];

  const authScheme = options.authScheme ?? 'Token';
  if (authScheme !== 'Token' && authScheme !== 'Bearer') {
    throw new ValidationError('authScheme', `must be Token or Bearer, got ${JSON.stringify(authScheme)}`);
  }
  if (
    options.userAgent !== undefined &&
    (typeof options.userAgent !== 'string' || /[^\u0020-\u007e\u00a1-\u00ff]/.test(options.userAgent))
  ) {
    throw new ValidationError('userAgent', 'must be a single-line string of visible Latin-1 characters');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ValidationError('fetch', 'must be a function');
  }

  return {
    token,
    fixedToken,
    accountId,
    baseUrl,
    authScheme,
    fetch: options.fetch,
    userAgent: options.userAgent,
    timeoutMs: wholeNumber('timeoutMs', options.timeoutMs, 30_000, 1, maxTimerMs),
    maxResponseBytes: wholeNumber('maxResponseBytes', options.maxResponseBytes, defaultMaxResponseBytes, 1),
    maxRetries: wholeNumber('maxRetries', options.maxRetries, 3, 0),
    maxConcurrency: wholeNumber('maxConcurrency', options.maxConcurrency, 8, 1),
    logger: options.logger,
    clock: options.clock ?? systemClock,
  };
}

/** Starts a timer on the client's clock (its `setTimer` when it has one), returning its cancel. */
export function startTimer(clock: Clock, ms: number, onFire: () => void): () => void {
  if (clock.setTimer) return clock.setTimer(Math.min(ms, maxTimerMs), onFire);
  const id = setTimeout(onFire, Math.min(Math.max(0, ms), maxTimerMs));
  return () => clearTimeout(id);
}
