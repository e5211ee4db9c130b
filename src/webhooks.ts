// Verifying and parsing the events dbt Cloud POSTs to a webhook subscription's URL.
// dbt Cloud signs each delivery: the Authorization header holds the hex HMAC-SHA256 of the raw body, keyed with the
// subscription's secret (`hmac_secret`). WebCrypto (`crypto.subtle`) does the work, so a receiver runs wherever
// there is a global `crypto`: Node 20+, Deno, Bun, Cloudflare Workers, edge functions and browsers.
import type { components } from '../generated/schema.js';
import { WebhookVerificationError } from './errors.js';

export type WebhookJobRunStartedEvent = components['schemas']['WebhookJobRunStartedEvent'];
export type WebhookJobRunCompletedEvent = components['schemas']['WebhookJobRunCompletedEvent'];
export type WebhookJobRunErroredEvent = components['schemas']['WebhookJobRunErroredEvent'];
export type WebhookEvent = WebhookJobRunStartedEvent | WebhookJobRunCompletedEvent | WebhookJobRunErroredEvent;

/** The raw body as received: text, or its bytes (a Buffer, or `new Uint8Array(await request.arrayBuffer())`). */
export type WebhookBody = string | Uint8Array;

/** The body's bytes, or undefined for anything that is not a body. */
function bodyBytes(rawBody: WebhookBody): Uint8Array | undefined {
  if (typeof rawBody === 'string') return new TextEncoder().encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  return undefined;
}

// Only the whitespace a header may carry around its value (RFC 9110's OWS, plus line ends from a pasted value):
// String.prototype.trim would also strip NBSP and other Unicode spaces, which no genuine header has.
const asciiWhitespace = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/**
 * Resolves to true when `authorizationHeader` is the HMAC-SHA256 of `rawBody` keyed with `secret`. Pass the body
 * exactly as received (before any JSON parsing). A missing, short or non-hex header, or anything that is not a body,
 * is simply false: it never rejects. The comparison is WebCrypto's `verify`, which takes the same time wherever the
 * first difference is.
 */
export async function verifyWebhookSignature(
  rawBody: WebhookBody,
  authorizationHeader: string | null | undefined,
  secret: string,
): Promise<boolean> {
  try {
    if (typeof authorizationHeader !== 'string' || typeof secret !== 'string' || secret === '') return false;
    const given = authorizationHeader.replace(asciiWhitespace, '');
    if (!/^[0-9a-fA-F]{64}$/.test(given)) return false;
    const data = bodyBytes(rawBody);
    if (data === undefined) return false;
    const signature = new Uint8Array(32);
    for (let i = 0; i < 32; i++) signature[i] = Number.parseInt(given.slice(i * 2, i * 2 + 2), 16);
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify('HMAC', key, signature, data as Uint8Array<ArrayBuffer>);
  } catch {
    // A body whose getters throw, a detached buffer, a runtime without WebCrypto: not a verified delivery.
    return false;
  }
}

const eventTypes = ['job.run.started', 'job.run.completed', 'job.run.errored'];

/** Verifies a delivery and resolves to its typed event, or rejects with WebhookVerificationError. */
export async function parseWebhookEvent(
  rawBody: WebhookBody,
  authorizationHeader: string | null | undefined,
  secret: string,
): Promise<WebhookEvent> {
  if (!(await verifyWebhookSignature(rawBody, authorizationHeader, secret))) {
    throw new WebhookVerificationError('signature', 'The webhook signature does not match the body and secret');
  }
  let event: unknown;
  try {
    event = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(bodyBytes(rawBody)));
  } catch {
    throw new WebhookVerificationError('payload', 'The webhook body is not JSON');
  }
  const candidate = event as { eventType?: unknown; data?: unknown; eventId?: unknown };
  if (
    !candidate ||
    typeof candidate !== 'object' ||
    typeof candidate.eventType !== 'string' ||
    !eventTypes.includes(candidate.eventType)
  ) {
    throw new WebhookVerificationError('payload', `Unknown webhook event type ${JSON.stringify(candidate?.eventType)}`);
  }
  if (typeof candidate.eventId !== 'string' || !candidate.data || typeof candidate.data !== 'object') {
    throw new WebhookVerificationError('payload', 'The webhook body lacks eventId or data');
  }
  return event as WebhookEvent;
}
