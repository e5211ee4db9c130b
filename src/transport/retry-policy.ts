// The one retry policy every call obeys, downloads included: which failures and statuses are worth another attempt,
// when a POST may be sent again, how long to wait (Retry-After, else jittered backoff), and how many attempts a call
// gets in all (maxRetries + 1, counted across every layer that retries the same call).
import { AbortError, ConnectionError, DbtCloudError, TimeoutError } from '../errors.js';

export const retryDefaults = { baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 120_000 };

/** Statuses worth trying again: the fetch stack retries them, and a wait for a run tolerates them. */
export const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);

/** Whether a failure is worth trying again later (the fetch stack's own rule, for callers that poll). */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof DbtCloudError) || error instanceof AbortError) return false;
  if (error.status !== undefined) return retryableStatuses.has(error.status) || error.status >= 500;
  // A TimeoutError of an attempt, not one of its subclasses (a whole wait that timed out).
  return error instanceof ConnectionError || Object.getPrototypeOf(error) === TimeoutError.prototype;
}

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

/** What is read of an error and of each of its causes; any of it may be missing, and a cause may be anything. */
type ErrorLink = { code?: unknown; cause?: unknown; errors?: ArrayLike<unknown> } | null | undefined;

/**
 * The `code` of an error or of one of its causes (`ECONNRESET`, `UND_ERR_SOCKET`, ...); a connection tried on several
 * addresses fails with an AggregateError, whose first error has the code.
 */
export function errorCode(error: unknown): string | undefined {
  for (let e = error as ErrorLink, depth = 0; e && depth < 5; e = (e.cause ?? e.errors?.[0]) as ErrorLink, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** Whether a failure happened before any byte left: the server cannot have acted on the request. */
export const neverSent = (error: unknown): boolean => {
  const code = errorCode(error);
  return code !== undefined && neverSentCodes.has(code);
};

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

/**
 * The attempts a call has made so far, shared by every layer that retries it (the fetch stack, then a download
 * writing the body it was handed): together they make at most maxRetries + 1.
 */
export interface AttemptCount {
  made: number;
}

/** How one attempt ended. */
export interface AttemptOutcome {
  method: string;
  /** The status answered, when an answer came (and was read whole). */
  status?: number | undefined;
  /** The failure, when there was no usable answer. */
  failure?: DbtCloudError | undefined;
  /** Whether the failure happened before the request left (see neverSent). */
  neverSent?: boolean;
  /** The answer's Retry-After, in ms. */
  retryAfterMs?: number | undefined;
  /** The attempt was cut short by the call's deadline (not by the per-attempt timeout). */
  cutByDeadline?: boolean;
}

export interface RetryLimits {
  maxRetries: number;
  /** Clock time by which the call must be over. */
  deadline: number;
  now: number;
}

/**
 * Whether to make another attempt, and after how long. `attempt` counts from 0 (the attempt that just ended).
 * A POST or PATCH is resent only when the server provably did not act on it: it was never sent, or the answer was
 * a 429, or a 503 with Retry-After.
 */
export function retryDecision(
  outcome: AttemptOutcome,
  attempt: number,
  limits: RetryLimits,
): { retry: false } | { retry: true; delayMs: number } {
  const { method, status, failure, retryAfterMs } = outcome;
  const retryable = failure
    ? !(failure instanceof TimeoutError && outcome.cutByDeadline)
    : status !== undefined && retryableStatuses.has(status);
  const safeToResend =
    idempotentMethods.has(method) ||
    outcome.neverSent === true ||
    status === 429 ||
    (status === 503 && retryAfterMs !== undefined);
  const delayMs = retryAfterMs ?? backoffDelay(attempt);
  // A retry that could only start after the deadline is not made: the caller would wait past it for nothing.
  const pastDeadline = limits.now + delayMs >= limits.deadline;
  if (!retryable || !safeToResend || attempt >= limits.maxRetries || pastDeadline) return { retry: false };
  return { retry: true, delayMs };
}
