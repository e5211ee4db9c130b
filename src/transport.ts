// The fetch that openapi-fetch is given: auth, a concurrency limit with a queue-wide pause on 429, per-attempt
// timeouts, and retries. It sits under openapi-fetch's middleware, so middleware sees one call per logical request.
import { AbortError, ConnectionError, DbtCloudError, TimeoutError } from './errors.js';
import type { Clock, ResolvedOptions } from './options.js';
import { packageName, packageVersion } from './version.js';

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);
// Errors raised before a connection exists: the server never saw the request, so even a POST may be resent.
const neverSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

export const retryDefaults = { baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 120_000 };

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds, capped. */
export function parseRetryAfter(
  value: string | null,
  now: number,
  capMs = retryDefaults.maxRetryAfterMs,
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
  else {
    // An HTTP date names its weekday and month; anything else (like "-5") is malformed.
    if (!/[a-z]{3}/i.test(text)) return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(0, Math.ceil(ms)), capMs);
}

/** Full-jitter exponential backoff: a random delay up to base·2^attempt, capped. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(retryDefaults.maxDelayMs, retryDefaults.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Limits requests in flight; on a 429 it holds every queued request until Retry-After has passed. */
export class Throttle {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private pausedUntil = 0;

  constructor(
    private readonly limit: number,
    private readonly clock: Clock,
  ) {}

  pauseUntil(moment: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, moment);
  }

  /** Takes a slot at once when one is free, nobody waits and no pause holds; else false (call acquire). */
  tryAcquire(): boolean {
    if (this.active >= this.limit || this.waiting.length > 0 || this.pausedUntil > this.clock.now()) return false;
    this.active++;
    return true;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.active >= this.limit || this.waiting.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const at = this.waiting.indexOf(grant);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal!.reason);
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(grant);
      });
    }
    this.active++;
    // Holding the slot while paused keeps the whole queue behind the pause.
    try {
      for (let wait = this.pausedUntil - this.clock.now(); wait > 0; wait = this.pausedUntil - this.clock.now()) {
        await this.clock.sleep(wait, signal);
      }
    } catch (error) {
      this.release();
      throw error;
    }
  }

  release(): void {
    this.active--;
    const next = this.waiting.shift();
    if (next) next();
  }
}

export function errorCode(error: unknown): string | undefined {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

function settleBeforeAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Handle the work's outcome even when the signal has already fired, or its rejection would go unhandled.
    work.catch(() => {});
    if (signal.aborted) return reject(new Error('aborted'));
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export interface Transport {
  (request: Request): Promise<Response>;
  readonly throttle: Throttle;
}

export function createTransport(options: ResolvedOptions): Transport {
  const { clock, logger } = options;
  const throttle = new Throttle(options.maxConcurrency, clock);
  const userAgent = `${options.userAgent ? `${options.userAgent} ` : ''}${packageName}/${packageVersion}`;

  const send = async (incoming: Request): Promise<Response> => {
    const method = incoming.method.toUpperCase();
    const url = incoming.url;
    // The path, for messages and log lines: parsed only when one is written.
    let path: string | undefined;
    const pathOf = () => (path ??= new URL(url).pathname);
    const where = () => ({ method, path: pathOf() });
    const callerSignal = incoming.signal;
    // Read the body once so every attempt sends the same bytes.
    const body = incoming.body === null ? undefined : await incoming.arrayBuffer();
    const headers = new Headers(incoming.headers);
    headers.set('Authorization', `${options.authScheme} ${await options.token()}`);
    headers.set('User-Agent', userAgent);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');

    for (let attempt = 0; ; attempt++) {
      if (callerSignal.aborted)
        throw new AbortError(`${method} ${pathOf()} was aborted`, { ...where(), cause: callerSignal.reason });
      if (!throttle.tryAcquire()) {
        await throttle.acquire(callerSignal).catch((reason) => {
          throw new AbortError(`${method} ${pathOf()} was aborted`, { ...where(), cause: reason });
        });
      }
      // One controller per attempt, aborted by the timer or the caller (AbortSignal.any is slow on Node 20).
      const attemptAbort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        attemptAbort.abort();
      }, options.timeoutMs);
      const onCallerAbort = () => attemptAbort.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      const started = clock.now();
      let response: Response | undefined;
      let failure: DbtCloudError | undefined;
      let neverSent = false;
      try {
        const init: RequestInit = {
          method,
          headers,
          body: body ?? null,
          signal: attemptAbort.signal,
          redirect: incoming.redirect,
        };
        // The global fetch takes the URL and init directly: a Request built first would be copied once more inside it.
        const sending = options.fetch ? options.fetch(new Request(url, init)) : globalThis.fetch(url, init);
        // Race the fetch against the signal as well: a fetch that loses or ignores its signal must not hang the caller.
        response = await settleBeforeAbort(sending, attemptAbort.signal);
      } catch (error) {
        if (callerSignal.aborted) {
          throw new AbortError(`${method} ${pathOf()} was aborted`, { ...where(), cause: callerSignal.reason });
        }
        if (timedOut) {
          failure = new TimeoutError(`${method} ${pathOf()} got no answer within ${options.timeoutMs} ms`, where());
        } else {
          const code = errorCode(error);
          neverSent = code !== undefined && neverSentCodes.has(code);
          failure = new ConnectionError(
            `${method} ${pathOf()} failed: ${code ?? (error as Error)?.message ?? 'network error'}`,
            { ...where(), cause: error },
          );
        }
      } finally {
        clearTimeout(timer);
        callerSignal.removeEventListener('abort', onCallerAbort);
        throttle.release();
      }

      const status = response?.status;
      const retryAfterMs = response ? parseRetryAfter(response.headers.get('Retry-After'), clock.now()) : undefined;
      if (status === 429) throttle.pauseUntil(clock.now() + (retryAfterMs ?? backoffDelay(attempt)));
      if (logger?.debug) {
        logger.debug('dbt-cloud request', {
          method,
          path: pathOf(),
          attempt: attempt + 1,
          status,
          error: failure?.name,
          ms: clock.now() - started,
        });
      }

      const retryable = failure ? true : retryableStatuses.has(status!);
      // A POST or PATCH is resent only when the server provably did not act on it.
      const safeToResend =
        idempotentMethods.has(method) || neverSent || status === 429 || (status === 503 && retryAfterMs !== undefined);
      if (!retryable || !safeToResend || attempt >= options.maxRetries) {
        if (failure) throw failure;
        return response!;
      }
      const delay = retryAfterMs ?? backoffDelay(attempt);
      logger?.info?.('dbt-cloud retry', {
        method,
        path: pathOf(),
        attempt: attempt + 1,
        status,
        error: failure?.name,
        delayMs: delay,
      });
      // Free the connection; not awaited, as a cancelled stream may settle only once its other readers do.
      response?.body?.cancel().catch(() => {});
      try {
        await clock.sleep(delay, callerSignal);
      } catch (reason) {
        throw new AbortError(`${method} ${pathOf()} was aborted`, { ...where(), cause: reason });
      }
    }
  };
  return Object.assign(send, { throttle });
}
