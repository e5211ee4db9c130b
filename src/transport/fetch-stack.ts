// The fetch that openapi-fetch is given: auth and headers, the throttle, per-attempt timeouts, the capped body read,
// POST redirects followed by hand, and the retry loop every call goes through. An attempt includes reading the body,
// so a status to retry, a connection lost before the answer and one lost mid-body are all decided here, once, by the
// retry policy. It sits under openapi-fetch's middleware, so middleware sees one call per logical request.
import { AbortError, ConnectionError, type DbtCloudError, ResponseFormatError, TimeoutError } from '../errors.js';
import { type ResolvedOptions, startTimer } from '../options.js';
import { packageName, packageVersion } from '../version.js';
import { answered, type ReadBody, readCapped, TooLarge } from './read-body.js';
import { detachedCause, redactToken } from './redact.js';
import {
  type AttemptCount,
  backoffDelay,
  errorCode,
  neverSent,
  parseRetryAfter,
  retryDecision,
} from './retry-policy.js';
import { Throttle } from './throttle.js';

/** A status no Response can carry (above 599). */
class OddStatus extends Error {
  constructor(readonly status: number) {
    super(`status ${status}`);
  }
}

/** What is read of an error and of each of its causes; any of it may be missing, and a cause may be anything. */
type ErrorLink = { message?: unknown; cause?: unknown } | null | undefined;

/** The messages of an error and its causes (`fetch failed: bad port`): the outer one alone often says nothing. */
function causeMessages(error: unknown): string {
  const messages: string[] = [];
  for (let e = error as ErrorLink, depth = 0; e && depth < 5; e = e.cause as ErrorLink, depth++) {
    if (typeof e.message === 'string' && e.message !== '' && !messages.includes(e.message)) messages.push(e.message);
  }
  return messages.join(': ');
}

/** What the commonest connection error codes mean, for a person reading the message. */
const connectionCodeMeaning: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts connections on that port',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up just now',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_SOCKET: 'the connection closed early',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed (trust it with NODE_EXTRA_CA_CERTS)",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate is not trusted (trust its CA with NODE_EXTRA_CA_CERTS)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "the server's TLS certificate is not trusted (trust its CA with NODE_EXTRA_CA_CERTS)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another host name",
};

/** Hops of a 307/308 answer to a POST that are followed by hand (other redirects of a POST are refused). */
const maxRedirects = 5;

/**
 * What a helper attaches to one call. openapi-fetch copies init keys that a Request does not know onto the Request
 * it hands to the transport, so this rides along without a header.
 */
export interface CallSettings {
  /** Hand the body over as a stream (downloads): not buffered, not capped, not retried once handed over. */
  stream?: boolean;
  /** Clock time by which the call must be over: attempt timeouts and retry sleeps are cut to it. */
  deadline?: number;
  /** The call's attempts so far, shared with a caller that retries what it was handed (a download's body). */
  attempts?: AttemptCount;
}
export const callSettingsKey = 'dbtCloudCall';

/** `Retry-After` of each answer the transport hands over, parsed once, in ms (undefined when absent). */
export const retryAfterOf = new WeakMap<Response, number | undefined>();

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
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export interface Transport {
  (request: Request, init?: RequestInit): Promise<Response>;
  readonly throttle: Throttle;
  /**
   * The Request openapi-fetch makes for each call (its `Request` option). A request always has a signal, but one the
   * caller never gave can never fire: such requests are marked, which spares every attempt listening to it. A request
   * from elsewhere (one a middleware returns, say) carries no mark and is listened to as before.
   */
  readonly Request: typeof Request;
}

export function createTransport(options: ResolvedOptions): Transport {
  const { clock, logger } = options;
  const throttle = new Throttle(options.maxConcurrency, clock);
  const userAgent = `${options.userAgent ? `${options.userAgent} ` : ''}${packageName}/${packageVersion}`;
  const globalFetch = (url: string, init: RequestInit) => globalThis.fetch(url, init);
  const ownFetch = options.fetch !== undefined;
  const noCallerSignal = Symbol();
  type Marked = Request & { [noCallerSignal]?: true };
  // openapi-fetch calls it with `new` (a function that returns an object hands that object to `new`), and checks what
  // a middleware returns with `instanceof` it: its prototype is Request's, set on use (reading the global Request
  // makes Node 20 load fetch).
  const callRequest = function callRequest(input: string | URL | Request, init?: RequestInit): Request {
    callRequest.prototype = Request.prototype;
    const request: Marked = new Request(input, init);
    if (init?.signal == null) request[noCallerSignal] = true;
    return request;
  };
  // Both `(request) => …` and `(input, init) => …` wrappers get everything they need: a Request and its init.
  const send: (url: string, init: RequestInit) => Promise<Response> = options.fetch
    ? (url, init) => options.fetch!(new Request(url, init), init)
    : globalFetch;

  /** Sends with redirect 'manual' for a POST-like request: a 307/308 is followed by hand, any other is answered. */
  const sendWrite = async (url: string, init: RequestInit): Promise<Response> => {
    let target = url;
    for (let hop = 0; ; hop++) {
      const response = await send(target, { ...init, redirect: 'manual' });
      const location = response.headers.get('Location');
      if ((response.status !== 307 && response.status !== 308) || location === null || hop >= maxRedirects) {
        return response;
      }
      response.body?.cancel().catch(() => {});
      const next = new URL(location, target);
      const headers = new Headers(init.headers);
      // The token stays with its origin.
      if (next.origin !== new URL(target).origin) headers.delete('Authorization');
      init = { ...init, headers };
      target = next.href;
    }
  };

  const transport = async (incoming: Request): Promise<Response> => {
    const method = incoming.method.toUpperCase();
    const url = incoming.url;
    const settings = (incoming as Request & { [callSettingsKey]?: CallSettings })[callSettingsKey];
    const stream = settings?.stream === true;
    const deadline = settings?.deadline ?? Infinity;
    // The path, for messages and log lines: parsed only when one is written.
    let path: string | undefined;
    const pathOf = () => (path ??= new URL(url).pathname);
    const where = () => ({ method, path: pathOf() });
    const callerSignal = (incoming as Marked)[noCallerSignal] ? undefined : incoming.signal;
    const aborted = (reason: unknown) =>
      new AbortError(`${method} ${pathOf()} was aborted`, { ...where(), cause: reason });
    // Read the body once so every attempt sends the same bytes.
    const body = incoming.body === null ? undefined : await incoming.arrayBuffer();
    const token = options.fixedToken ?? (await tokenWithin(options, incoming, deadline, aborted, where));
    const headers = new Headers(incoming.headers);
    headers.set('Authorization', `${options.authScheme} ${token}`);
    headers.set('User-Agent', userAgent);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    // Following a 301/302/303 turns a POST into a GET: the caller would get an answer to a request it never made.
    const fetchOnce = method === 'GET' || method === 'HEAD' || incoming.redirect !== 'follow' ? send : sendWrite;

    // Attempts are counted where a caller that retries the handed body can see them too.
    const attempts = settings?.attempts ?? { made: 0 };
    for (;;) {
      const attempt = attempts.made++;
      if (callerSignal?.aborted) throw aborted(callerSignal.reason);
      if (!throttle.tryAcquire()) {
        // A rate-limit pause that outlasts the deadline: waiting for it would only end past the deadline.
        if (throttle.holdsUntil(deadline)) {
          throw new TimeoutError(
            `${method} ${pathOf()} is held by a rate-limit pause past the call's deadline`,
            where(),
          );
        }
        await throttle.acquire(callerSignal).catch((reason) => {
          throw aborted(reason);
        });
      }
      // One controller per attempt, aborted by the timer or the caller (AbortSignal.any is slow on Node 20).
      const attemptAbort = new AbortController();
      const limitMs = Math.min(options.timeoutMs, deadline - clock.now());
      let timedOut = false;
      const cancelTimer = startTimer(clock, limitMs, () => {
        timedOut = true;
        attemptAbort.abort();
      });
      const onCallerAbort = () => attemptAbort.abort(callerSignal!.reason);
      callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
      const started = clock.now();
      let response: Response | undefined;
      let read: ReadBody = null;
      let failure: DbtCloudError | undefined;
      let sentNever = false;
      try {
        const init: RequestInit = {
          method,
          headers,
          body: body ?? null,
          signal: attemptAbort.signal,
          redirect: incoming.redirect,
        };
        // The runtime's fetch settles (headers and body) when the attempt's signal fires. A custom fetch is raced
        // against the signal as well: one that loses or ignores its signal must not hang the caller.
        const sending = fetchOnce(url, init);
        response = await (ownFetch ? settleBeforeAbort(sending, attemptAbort.signal) : sending);
        // HTTP defines statuses up to 599; a Response cannot even be made with another (the runtime throws RangeError).
        if (response.status > 599) throw new OddStatus(response.status);
        if (!stream) {
          const reading = readCapped(response, options.maxResponseBytes, !ownFetch);
          read = await (ownFetch ? settleBeforeAbort(reading, attemptAbort.signal) : reading);
        }
      } catch (error) {
        if (callerSignal?.aborted) throw aborted(callerSignal.reason);
        if (error instanceof OddStatus) {
          response?.body?.cancel().catch(() => {});
          throw new ResponseFormatError(
            `${method} ${pathOf()} answered with status ${error.status}, which HTTP does not define`,
            { ...where(), status: error.status },
          );
        }
        if (error instanceof TooLarge) {
          throw new ResponseFormatError(
            `${method} ${pathOf()} answered with a body larger than ${options.maxResponseBytes} bytes (option maxResponseBytes)`,
            { ...where(), status: response?.status },
          );
        }
        if (timedOut) {
          failure =
            limitMs < options.timeoutMs
              ? new TimeoutError(`${method} ${pathOf()} was still running at the call's deadline`, where())
              : new TimeoutError(`${method} ${pathOf()} got no answer within ${options.timeoutMs} ms`, where());
        } else {
          const code = errorCode(error);
          sentNever = response === undefined && neverSent(error);
          const detail = code
            ? `${code}${connectionCodeMeaning[code] ? ` (${connectionCodeMeaning[code]})` : ''}`
            : redactToken(causeMessages(error) || 'network error', token);
          // Where it went: a connection error is most often the wrong host or port, or nothing listening there.
          const to = new URL(url).host;
          failure = new ConnectionError(
            response === undefined
              ? `${method} ${pathOf()} to ${to} failed: ${detail}`
              : `${method} ${pathOf()} to ${to} failed while its answer was read: ${detail}`,
            { ...where(), cause: detachedCause(error, token) },
          );
        }
      } finally {
        cancelTimer();
        callerSignal?.removeEventListener('abort', onCallerAbort);
        throttle.release();
      }

      // A failed attempt's status is not an answer: a body broken mid-read is retried as a failure.
      const status = failure ? undefined : response?.status;
      // Retry-After matters only for an answer that is not a success; read once, here.
      const retryAfterMs =
        response && !response.ok ? parseRetryAfter(response.headers.get('Retry-After'), clock.now()) : undefined;
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

      const decision = retryDecision(
        { method, status, failure, neverSent: sentNever, retryAfterMs, cutByDeadline: limitMs < options.timeoutMs },
        attempt,
        { maxRetries: options.maxRetries, deadline, now: clock.now() },
      );
      if (!decision.retry) {
        if (failure) throw failure;
        if (stream) return response!;
        const handed = answered(response!, read, token, where);
        if (!handed.ok) retryAfterOf.set(handed, retryAfterMs);
        return handed;
      }
      logger?.info?.('dbt-cloud retry', {
        method,
        path: pathOf(),
        attempt: attempt + 1,
        status,
        error: failure?.name,
        ...(failure && response ? { phase: 'body' } : {}),
        delayMs: decision.delayMs,
      });
      // Free the connection; not awaited, as a cancelled stream may settle only once its other readers do.
      if (stream || failure) response?.body?.cancel().catch(() => {});
      try {
        await clock.sleep(decision.delayMs, callerSignal);
      } catch (reason) {
        throw aborted(reason);
      }
    }
  };
  return Object.assign(transport, { throttle, Request: callRequest as unknown as typeof Request });
}

/** The token from a token function, within the attempt's time limit and the caller's signal. */
async function tokenWithin(
  options: ResolvedOptions,
  incoming: Request,
  deadline: number,
  aborted: (reason: unknown) => AbortError,
  where: () => { method: string; path: string },
): Promise<string> {
  const signal = incoming.signal;
  if (signal.aborted) throw aborted(signal.reason);
  const limitMs = Math.min(options.timeoutMs, deadline - options.clock.now());
  return new Promise<string>((resolve, reject) => {
    const done = () => {
      cancelTimer();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(aborted(signal.reason));
    };
    const cancelTimer = startTimer(options.clock, limitMs, () => {
      done();
      const { method, path } = where();
      reject(new TimeoutError(`${method} ${path}: the token function gave no token within ${limitMs} ms`, where()));
    });
    signal.addEventListener('abort', onAbort, { once: true });
    options.token().then(
      (token) => {
        done();
        resolve(token);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
