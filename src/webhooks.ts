// Verifying and parsing the events dbt Cloud POSTs to a webhook subscription's URL.
// dbt Cloud signs each delivery: the Authorization header holds the hex HMAC-SHA256 of the raw body, keyed with the
// subscription's secret (`hmac_secret`).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { components } from '../generated/schema.js';
import { DbtCloudError } from './errors.js';

export type WebhookJobRunStartedEvent = components['schemas']['WebhookJobRunStartedEvent'];
export type WebhookJobRunCompletedEvent = components['schemas']['WebhookJobRunCompletedEvent'];
export type WebhookJobRunErroredEvent = components['schemas']['WebhookJobRunErroredEvent'];
export type WebhookEvent = WebhookJobRunStartedEvent | WebhookJobRunCompletedEvent | WebhookJobRunErroredEvent;

const eventTypes = new Set(['job.run.started', 'job.run.completed', 'job.run.errored']);

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

function bodyBytes(rawBody: string | Uint8Array): Buffer {
  return typeof rawBody === 'string'
    ? Buffer.from(rawBody, 'utf8')
    : Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
}

/**
 * True when `authorizationHeader` is the HMAC-SHA256 of `rawBody` keyed with `secret`. Pass the body exactly as
 * received (before any JSON parsing). Never throws: a missing, short or non-hex header is simply false. The comparison
 * takes the same time wherever the first difference is.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  authorizationHeader: string | null | undefined,
  secret: string,
): boolean {
  if (typeof authorizationHeader !== 'string' || typeof secret !== 'string' || secret === '') return false;
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) return false;
  const given = authorizationHeader.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', secret).update(bodyBytes(rawBody)).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** Verifies a delivery and returns its typed event, or throws WebhookVerificationError. */
export function parseWebhookEvent(
  rawBody: string | Uint8Array,
  authorizationHeader: string | null | undefined,
  secret: string,
): WebhookEvent {
  if (!verifyWebhookSignature(rawBody, authorizationHeader, secret)) {
    throw new WebhookVerificationError('signature', 'The webhook signature does not match the body and secret');
  }
  let event: unknown;
  try {
    event = JSON.parse(bodyBytes(rawBody).toString('utf8'));
  } catch {
    throw new WebhookVerificationError('payload', 'The webhook body is not JSON');
  }
  const candidate = event as { eventType?: unknown; data?: unknown; eventId?: unknown };
  if (
    !candidate ||
    typeof candidate !== 'object' ||
    typeof candidate.eventType !== 'string' ||
    !eventTypes.has(candidate.eventType)
  ) {
    throw new WebhookVerificationError('payload', `Unknown webhook event type ${JSON.stringify(candidate?.eventType)}`);
  }
  if (typeof candidate.eventId !== 'string' || !candidate.data || typeof candidate.data !== 'object') {
    throw new WebhookVerificationError('payload', 'The webhook body lacks eventId or data');
  }
  return event as WebhookEvent;
}
