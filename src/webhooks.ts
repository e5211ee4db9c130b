// Verifying and parsing the events dbt Cloud POSTs to a webhook subscription's URL.
// dbt Cloud signs each delivery: the Authorization header holds the hex HMAC-SHA256 of the raw body, keyed with the
// subscription's secret (`hmac_secret`). WebCrypto (`crypto.subtle`) does the work, so a receiver runs wherever
// there is a global `crypto`: Node 20+, Deno, Bun, Cloudflare Workers, edge functions and browsers. The code loads on
// the first call (src/webhook-checks.ts, through src/helpers.ts): most programs that import the client never receive a webhook.
import type { components } from '../generated/schema.js';

export type WebhookJobRunStartedEvent = components['schemas']['WebhookJobRunStartedEvent'];
export type WebhookJobRunCompletedEvent = components['schemas']['WebhookJobRunCompletedEvent'];
export type WebhookJobRunErroredEvent = components['schemas']['WebhookJobRunErroredEvent'];
export type WebhookEvent = WebhookJobRunStartedEvent | WebhookJobRunCompletedEvent | WebhookJobRunErroredEvent;

/** The raw body as received: text, or its bytes (a Buffer, or `new Uint8Array(await request.arrayBuffer())`). */
export type WebhookBody = string | Uint8Array;

// The runtime keeps a module once it has loaded it, so each call can simply ask for it again.
const loadChecks = () => import('./helpers.js');

/**
 * Resolves to true when `authorizationHeader` is the HMAC-SHA256 of `rawBody` keyed with `secret`. Pass the body
 * exactly as received (before any JSON parsing). A missing, short or non-hex header, or anything that is not a body,
 * is simply false: it rejects only when its code cannot be loaded (a chunk a browser failed to fetch). The comparison
 * is WebCrypto's `verify`, which takes the same time wherever the first difference is.
 */
export async function verifyWebhookSignature(
  rawBody: WebhookBody,
  authorizationHeader: string | null | undefined,
  secret: string,
): Promise<boolean> {
  return (await loadChecks()).verifyWebhookSignature(rawBody, authorizationHeader, secret);
}

/** Verifies a delivery and resolves to its typed event, or rejects with WebhookVerificationError. */
export async function parseWebhookEvent(
  rawBody: WebhookBody,
  authorizationHeader: string | null | undefined,
  secret: string,
): Promise<WebhookEvent> {
  return (await loadChecks()).parseWebhookEvent(rawBody, authorizationHeader, secret);
}
