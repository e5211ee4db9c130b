// The fetch that openapi-fetch is given: auth, a concurrency limit with a queue-wide pause on 429, per-attempt
// timeouts, a response size cap, and the one retry loop of the client. An attempt includes reading the body, so a
// status to retry, a connection lost before the answer and one lost mid-body are all decided here, once, and a call
// makes at most maxRetries + 1 attempts whatever failed. It sits under openapi-fetch's middleware, so middleware sees
// one call per logical request.
import {
  AbortError,
  ConnectionError,
  DbtCloudError,
  ResponseFormatError,
  TimeoutError,
  retryableStatuses,
} from './errors.js';
import type { Clock, ResolvedOptions } from './options.js';
import { maxTimerMs } from './validate.js';
import { packageName, packageVersion } from './version.js';

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
// Errors raised before a connection exists: the server never saw the request, so even a POST may be resent.
const neverSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
/** Hops of a 307/308 answer to a POST that are followed by hand (other redirects of a POST are refused). */
const maxRedirects = 5;

export const retryDefaults = { baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 120_000 };

/**
 * What a helper attaches to one call. openapi-fetch copies init keys that a Request does not know onto the Request
 * it hands to the transport, so this rides along without a header.
 */
export interface CallSettings {
  /** Hand the body over as a stream (downloads): not buffered, not capped, not retried once handed over. */
  stream?: boolean;
  /** Clock time by which the call must be over: attempt timeouts and retry sleeps are cut to it. */
  deadline?: number;
}
export const callSettingsKey = 'dbtCloudCall';

/** `Retry-After` of each answer the transport hands over, parsed once, in ms (undefined when absent). */
export const retryAfterOf = new WeakMap<Response, number | undefined>();

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

/** Starts a timer on the client's clock (its `setTimer` when it has one), returning its cancel. */
export function startTimer(clock: Clock, ms: number, onFire: () => void): () => void {
  if (clock.setTimer) return clock.setTimer(Math.min(ms, maxTimerMs), onFire);
  const id = setTimeout(onFire, Math.min(Math.max(0, ms), maxTimerMs));
  return () => clearTimeout(id);
}

/** Limits requests in flight; on a 429 it holds every queued request until Retry-After has passed. */
export class Throttle {
  // Private fields (#): their names are minified, unlike TypeScript's `private`, and the class is in the main entry.
  #active = 0;
  readonly #waiting: Array<() => void> = [];
  #pausedUntil = 0;
  readonly #limit: number;
  readonly #clock: Clock;

  constructor(limit: number, clock: Clock) {
    this.#limit = limit;
    this.#clock = clock;
  }

  pauseUntil(moment: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, moment);
  }

  /** Takes a slot at once when one is free, nobody waits and no pause holds; else false (call acquire). */
  tryAcquire(): boolean {
    if (this.#active >= this.#limit || this.#waiting.length > 0 || this.#pausedUntil > this.#clock.now()) return false;
    this.#active++;
    return true;
  }

  /** Whether a 429 pause holds the queue until at least `moment`. */
  holdsUntil(moment: number): boolean {
    return this.#pausedUntil >= moment;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.#active >= this.#limit || this.#waiting.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const at = this.#waiting.indexOf(grant);
          if (at >= 0) this.#waiting.splice(at, 1);
          reject(signal!.reason);
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        this.#waiting.push(grant);
      });
    }
    this.#active++;
    // Holding the slot while paused keeps the whole queue behind the pause.
    try {
      for (let wait = this.#pausedUntil - this.#clock.now(); wait > 0; wait = this.#pausedUntil - this.#clock.now()) {
        await this.#clock.sleep(wait, signal);
      }
    } catch (error) {
      this.release();
      throw error;
    }
  }

  release(): void {
    this.#active--;
    const next = this.#waiting.shift();
    if (next) next();
  }
}

export function errorCode(error: unknown): string | undefined {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** Replaces every occurrence of the token in foreign text (short test tokens are left alone: they are no secret). */
export function redactToken(text: string, token: string | undefined): string {
  if (!token || token.length < 8 || !text.includes(token)) return text;
  return text.split(token).join('[redacted]');
}

/**
 * A copy of a foreign error holding only its name, code and message (token redacted), with its causes copied the same
 * way. A fetch wrapper's error may keep the Request (and with it the Authorization header) or quote it; the copy
 * keeps nothing but text.
 */
export function detachedCause(error: unknown, token: string | undefined, depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 4) return undefined;
  const source = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const message = redactToken(typeof source.message === 'string' ? source.message : String(error), token);
  const copy = new Error(message, { cause: detachedCause(source.cause, token, depth + 1) });
  if (copy.cause === undefined) delete copy.cause;
  if (typeof source.name === 'string') copy.name = redactToken(source.name, token);
  if (typeof source.code === 'string') Object.assign(copy, { code: source.code });
  copy.stack = `${copy.name}: ${message}`;
  return copy;
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

class TooLarge extends Error {}

/**
 * A body read whole: its bytes, or for JSON (which is UTF-8 text) the text the runtime decoded from its own buffer.
 * Taking JSON as text saves copying every body once more, a page of 100 runs being 200 kB.
 */
type ReadBody = Uint8Array | string | null;

/** `application/json` and the `+json` types, whose bodies are UTF-8 text. */
const jsonType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a whole body, refusing one larger than `cap` bytes as soon as it is known to be. `trustLength`: the body
 * comes from the runtime's fetch, whose HTTP framing never yields more than a declared Content-Length, so the fast
 * native read is safe; a body from a custom fetch is counted chunk by chunk.
 */
async function readCapped(response: Response, cap: number, trustLength: boolean): Promise<ReadBody> {
  const stream = response.body;
  if (stream === null) return null;
  const length = response.headers.get('Content-Length');
  const declared = length === null ? NaN : Number(length);
  if (declared > cap) {
    stream.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (trustLength && declared >= 0) {
    return jsonType.test(response.headers.get('Content-Type') ?? '')
      ? await response.text()
      : new Uint8Array(await response.arrayBuffer());
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

// Made on first use: the package does no work when it is imported.
let decoder: TextDecoder | undefined;
const utf8 = {
  decode: (body: Uint8Array | string) =>
    typeof body === 'string' ? body : (decoder ??= new TextDecoder()).decode(body),
  encode: (body: Uint8Array | string) =>
    (typeof body === 'string' ? new TextEncoder().encode(body) : body) as Uint8Array<ArrayBuffer>,
};

type ResponseSource = { status: number; statusText: string; headers: Headers };
/** The request an answer belongs to, for the message of a body that is not JSON; worked out only then. */
type RequestOf = () => { method: string; path: string };

/**
 * An answer whose body was already read: it serves the body it holds, so parsing it needs no second stream (web
 * streams cost more than the parse). It is still a Response for middleware and callers: `body`, `clone()` and the
 * readers work, each body once, as on any Response. A body that is not JSON rejects `json()` with ResponseFormatError
 * (openapi-fetch passes it on), not a bare SyntaxError.
 *
 * The class is defined on first use: reading the global `Response` makes Node 20 load its fetch implementation,
 * which takes longer than the rest of the import put together.
 */
function defineReadResponse() {
  return class ReadResponse extends Response {
    readonly #held: ReadBody;
    #used = false;
    #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
    readonly #request: RequestOf;

    constructor(body: ReadBody, source: ResponseSource, request: RequestOf) {
      super(null, { status: source.status, statusText: source.statusText, headers: source.headers });
      this.#held = body;
      this.#request = request;
      if (body !== null) {
        // The whole body is here: say how long it is (openapi-fetch parses a body without a length itself, past
        // json() below; text comes only with the declared length it had), and drop the wire framing.
        if (typeof body !== 'string') this.headers.set('Content-Length', String(body.byteLength));
        this.headers.delete('Transfer-Encoding');
      }
    }

    #take(): Uint8Array | string {
      if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
      this.#used = true;
      return this.#held ?? '';
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      const held = this.#held;
      if (held === null) return null;
      this.#stream ??= new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(utf8.encode(held));
          controller.close();
        },
      });
      return this.#stream;
    }
    override get bodyUsed(): boolean {
      return this.#used || this.#stream?.locked === true;
    }
    override async text(): Promise<string> {
      return utf8.decode(this.#take());
    }
    override async json(): Promise<any> {
      const text = utf8.decode(this.#take());
      try {
        return JSON.parse(text);
      } catch (error) {
        const request = this.#request();
        throw new ResponseFormatError(`${request.method} ${request.path} answered with a body that is not valid JSON`, {
          ...request,
          status: this.status,
          cause: error,
        });
      }
    }
    override async arrayBuffer(): Promise<ArrayBuffer> {
      const bytes = utf8.encode(this.#take());
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return new Uint8Array(await this.arrayBuffer());
    }
    override async blob(): Promise<Blob> {
      return new Blob([await this.arrayBuffer()], { type: this.headers.get('Content-Type') ?? '' });
    }
    override clone(): Response {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      return readResponse(this.#held, this, this.#request);
    }
  };
}

let ReadResponse: (new (body: ReadBody, source: ResponseSource, request: RequestOf) => Response) | undefined;
const readResponse = (body: ReadBody, source: ResponseSource, request: RequestOf): Response =>
  new (ReadResponse ??= defineReadResponse())(body, source, request);

/** The answer handed to openapi-fetch: the body already read, with the token taken out of an error's text. */
function answered(response: Response, read: ReadBody, token: string | undefined, request: RequestOf): Response {
  // A browser's answer to redirect: 'manual' is opaque (status 0): it has no body, and no Response can be built so.
  if (response.status < 200) return response;
  let body: ReadBody = nullBodyStatuses.has(response.status) ? null : read;
  if (body !== null && !response.ok && token && token.length >= 8) {
    const text = utf8.decode(body);
    const escaped = JSON.stringify(token).slice(1, -1);
    const clean = redactToken(redactToken(text, token), escaped);
    // As bytes, which carry their own length: the text's declared one no longer holds.
    if (clean !== text) body = utf8.encode(clean);
  }
  return readResponse(body, response, request);
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

    for (let attempt = 0; ; attempt++) {
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
      let neverSent = false;
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
        if (!stream) {
          const reading = readCapped(response, options.maxResponseBytes, !ownFetch);
          read = await (ownFetch ? settleBeforeAbort(reading, attemptAbort.signal) : reading);
        }
      } catch (error) {
        if (callerSignal?.aborted) throw aborted(callerSignal.reason);
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
          neverSent = response === undefined && code !== undefined && neverSentCodes.has(code);
          const detail = code ?? redactToken(String((error as Error)?.message ?? 'network error'), token);
          failure = new ConnectionError(
            response === undefined
              ? `${method} ${pathOf()} failed: ${detail}`
              : `${method} ${pathOf()} failed while its answer was read: ${detail}`,
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

      const retryable = failure
        ? !(failure instanceof TimeoutError && limitMs < options.timeoutMs)
        : retryableStatuses.has(status!);
      // A POST or PATCH is resent only when the server provably did not act on it.
      const safeToResend =
        idempotentMethods.has(method) || neverSent || status === 429 || (status === 503 && retryAfterMs !== undefined);
      const delay = retryAfterMs ?? backoffDelay(attempt);
      // A retry that could only start after the deadline is not made: the caller would wait past it for nothing.
      const pastDeadline = clock.now() + delay >= deadline;
      if (!retryable || !safeToResend || attempt >= options.maxRetries || pastDeadline) {
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
        delayMs: delay,
      });
      // Free the connection; not awaited, as a cancelled stream may settle only once its other readers do.
      if (stream || failure) response?.body?.cancel().catch(() => {});
      try {
        await clock.sleep(delay, callerSignal);
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
