// Typed errors. Each carries what is needed to act on a failure (method, path, status, the API's messages,
// the body) and never the token: nothing here ever sees request headers.

export interface ErrorDetails {
  method?: string | undefined;
  /** URL path of the request, without host or query string. */
  path?: string | undefined;
  status?: number | undefined;
  /** `status.user_message` of the API's envelope. */
  userMessage?: string | undefined;
  /** `status.developer_message` of the API's envelope. */
  developerMessage?: string | undefined;
  /** The parsed response body (or its text when it was not JSON). */
  body?: unknown;
  /** The request id the API or a proxy sent back, for support tickets. */
  requestId?: string | undefined;
  cause?: unknown;
}

/**
 * A copy of a body a server sent, small enough to serialise: nesting, list lengths and the number of values are
 * capped, so that JSON.stringify of an error never throws (a body nested 100,000 levels deep would overflow the stack).
 */
function within(value: unknown, depth = 0, budget = { nodes: 10_000 }): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 32 || --budget.nodes < 0) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, 1000).map((item) => within(item, depth + 1, budget));
    return value.length > 1000 ? [...items, `… ${value.length - 1000} more items`] : items;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, 1000)) copy[key] = within(item, depth + 1, budget);
  return copy;
}

export class DbtCloudError extends Error {
  override name = 'DbtCloudError';
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly userMessage: string | undefined;
  readonly developerMessage: string | undefined;
  readonly body: unknown;
  readonly requestId: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.userMessage = details.userMessage;
    this.developerMessage = details.developerMessage;
    this.body = details.body;
    this.requestId = details.requestId;
  }

  /** The error as plain data; the fields of an HTTP exchange only when there was one. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = {
      name: this.name,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      userMessage: this.userMessage,
      developerMessage: this.developerMessage,
      requestId: this.requestId,
      body: within(this.body),
    };
    for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
    return fields;
  }
}

/** 400 (and 422): the API rejected the request's content. */
export class BadRequestError extends DbtCloudError {
  override name = 'BadRequestError';
}
/** 401: no token, or one the API does not accept. */
export class AuthenticationError extends DbtCloudError {
  override name = 'AuthenticationError';
}
/** 403: the token is valid but may not do this. */
export class PermissionDeniedError extends DbtCloudError {
  override name = 'PermissionDeniedError';
}
/** 404: no such object, or the token cannot see it. */
export class NotFoundError extends DbtCloudError {
  override name = 'NotFoundError';
}
/** 409: the object changed or already exists. */
export class ConflictError extends DbtCloudError {
  override name = 'ConflictError';
}
/** 429 after the retries ran out. */
export class RateLimitError extends DbtCloudError {
  override name = 'RateLimitError';
  /** What `Retry-After` asked for, in milliseconds, when the API sent it. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number | undefined } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
  override toJSON() {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
/** 5xx after the retries ran out. */
export class ServerError extends DbtCloudError {
  override name = 'ServerError';
}
/** The request never got an HTTP answer: refused, reset, DNS failure, TLS failure. */
export class ConnectionError extends DbtCloudError {
  override name = 'ConnectionError';
}
/** An attempt, or a wait, took longer than allowed. */
export class TimeoutError extends DbtCloudError {
  override name = 'TimeoutError';
}
/** The caller's AbortSignal fired. */
export class AbortError extends DbtCloudError {
  override name = 'AbortError';
}
/** Bad input, caught before any request was sent. `field` names the option or argument. */
export class ValidationError extends DbtCloudError {
  override name = 'ValidationError';
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
  override toJSON() {
    return { ...super.toJSON(), field: this.field };
  }
}
/** The answer was not what the API promises (malformed JSON, a missing envelope). */
export class ResponseFormatError extends DbtCloudError {
  override name = 'ResponseFormatError';
}

/** A list walk that would not end: a page that brings nothing new (a server ignoring `offset`), or too many pages. */
export class PaginationError extends DbtCloudError {
  override name = 'PaginationError';
  constructor(
    message: string,
    /** `repeated-page`: a page held only items of the page before; `page-limit`: more pages than `maxPages`. */
    readonly reason: 'repeated-page' | 'page-limit',
    details: ErrorDetails = {},
  ) {
    super(message, details);
  }
  override toJSON() {
    return { ...super.toJSON(), reason: this.reason };
  }
}

// Errors raised without an HTTP exchange of their own: finding by name, artifacts, webhooks. (The errors of waiting
// for a run are with the waiting, in polling.ts.)

/** A name (of a project, environment or job) that matches no item, or several. */
export class LookupError extends DbtCloudError {
  override name = 'LookupError';
  constructor(
    readonly kind: 'project' | 'environment' | 'job',
    readonly wanted: string,
    readonly candidates: Array<{ id: number; name: string }>,
  ) {
    super(
      candidates.length === 0
        ? `No ${kind} is named ${JSON.stringify(wanted)}`
        : `${candidates.length} ${kind}s are named ${JSON.stringify(wanted)} (ids ${candidates.map((c) => c.id).join(', ')}); use an id instead`,
    );
  }
}

export class NoMatchingStepError extends DbtCloudError {
  override name = 'NoMatchingStepError';
  constructor(readonly runId: number) {
    super(`No step of run ${runId} has run_results.json matching the predicate`);
  }
}

/** A delivery whose signature does not match, or whose body is not a dbt Cloud event. */
export class WebhookVerificationError extends DbtCloudError {
  override name = 'WebhookVerificationError';
  constructor(
    readonly reason: 'signature' | 'payload',
    message: string,
  ) {
    super(message);
  }
}

interface StatusEnvelope {
  status?: { user_message?: unknown; developer_message?: unknown };
}

const requestIdHeaders = ['x-request-id', 'x-dbt-request-id', 'cf-ray'];

/** Builds the typed error for an unsuccessful HTTP response whose body was already read. */
/**
 * Why the API refused a request, when its answer says more than its user message: the field errors of `data`
 * (`{ "environment_id": ["Environment 999999 does not exist."] }`), else its developer message ("A newer run of this
 * job exists").
 */
export function refusalReason(
  body: unknown,
  userMessage: string | undefined,
  developerMessage: string | undefined,
): string | undefined {
  const data = (body as { data?: unknown } | null | undefined)?.data;
  const fields =
    data && typeof data === 'object' && !Array.isArray(data)
      ? Object.entries(data)
          .slice(0, 20)
          .flatMap(([field, messages]) =>
            Array.isArray(messages) && messages.every((message) => typeof message === 'string')
              ? [`${field}: ${messages.join(' ')}`]
              : typeof messages === 'string'
                ? [`${field}: ${messages}`]
                : [],
          )
      : [];
  const reason = fields.length > 0 ? fields.join('; ') : developerMessage;
  if (!reason || reason === userMessage) return undefined;
  return reason.length > 1000 ? `${reason.slice(0, 1000)}…` : reason;
}

export function errorFromResponse(
  response: Response,
  body: unknown,
  request: { method: string; path: string },
  retryAfterMs?: number,
): DbtCloudError {
  const envelope = (body && typeof body === 'object' ? body : {}) as StatusEnvelope;
  const userMessage = typeof envelope.status?.user_message === 'string' ? envelope.status.user_message : undefined;
  const developerMessage =
    typeof envelope.status?.developer_message === 'string' && envelope.status.developer_message !== ''
      ? envelope.status.developer_message
      : undefined;
  const requestId = requestIdHeaders.map((h) => response.headers.get(h)).find((v): v is string => !!v);
  const details: ErrorDetails = {
    method: request.method,
    path: request.path,
    status: response.status,
    userMessage,
    developerMessage,
    body,
    requestId,
  };
  const redirect =
    response.status >= 300 && response.status < 400 && request.method !== 'GET' && request.method !== 'HEAD'
      ? ` (a redirect to ${JSON.stringify(response.headers.get('Location') ?? '')}, not followed: it would resend ${request.method} as GET)`
      : '';
  const reason = refusalReason(body, userMessage, developerMessage);
  const message = `${request.method} ${request.path} failed with ${response.status}${userMessage ? `: ${userMessage}` : ''}${reason ? ` (${reason})` : ''}${redirect}`;
  const status = response.status;
  if (status === 400 || status === 422) return new BadRequestError(message, details);
  if (status === 401) return new AuthenticationError(message, details);
  if (status === 403) return new PermissionDeniedError(message, details);
  if (status === 404) return new NotFoundError(message, details);
  if (status === 409) return new ConflictError(message, details);
  if (status === 429) return new RateLimitError(message, { ...details, retryAfterMs });
  if (status >= 500) return new ServerError(message, details);
  return new DbtCloudError(message, details);
}
