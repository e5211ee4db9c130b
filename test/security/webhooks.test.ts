// Webhook signatures: anything but the exact HMAC of the exact body under the exact secret is false, and odd input
// never throws.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookEvent, verifyWebhookSignature, WebhookVerificationError } from '../../src/index.js';

const secret = 'whsec_3f9a7c1e';
const body = JSON.stringify({
  accountId: 43786,
  webhooksID: 'wsu_12345abcde',
  eventId: 'wev_2L6Z3l8uPedXKPq9D2nWbPIip7Z',
  timestamp: '2026-11-23T10:00:00.000Z',
  eventType: 'job.run.completed',
  webhookName: 'test',
  data: { jobId: '567183', runId: '70403103', runStatus: 'Success', runStatusCode: 10 },
});
const sign = (payload: string | Buffer, key = secret) => createHmac('sha256', key).update(payload).digest('hex');
const good = sign(body);

/** Flips one hex digit of `signature` at `index`, keeping its length. */
const flipAt = (signature: string, index: number) =>
  signature.slice(0, index) + (signature[index] === '0' ? '1' : '0') + signature.slice(index + 1);

describe('verifyWebhookSignature', () => {
  it('accepts the genuine signature, as a string, Buffer or Uint8Array body, in either hex case', () => {
    expect(verifyWebhookSignature(body, good, secret)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(body), good, secret)).toBe(true);
    expect(verifyWebhookSignature(new Uint8Array(Buffer.from(body)), good.toUpperCase(), secret)).toBe(true);
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyWebhookSignature(body, sign(body, 'whsec_other'), secret)).toBe(false);
    expect(verifyWebhookSignature(body, good, 'whsec_other')).toBe(false);
    expect(verifyWebhookSignature(body, good, `${secret} `)).toBe(false);
  });

  it('refuses a body altered by one byte, wherever the byte is', () => {
    const bytes = Buffer.from(body);
    for (const index of [0, 1, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[index] = altered[index]! ^ 0x01;
      expect(verifyWebhookSignature(altered, good, secret), `byte ${index}`).toBe(false);
    }
    expect(verifyWebhookSignature(`${body} `, good, secret)).toBe(false);
    expect(verifyWebhookSignature(body.slice(0, -1), good, secret)).toBe(false);
    // Re-serialised JSON is a different body, even if it means the same.
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(body), null, 2), good, secret)).toBe(false);
  });

  it.each([
    ['missing (undefined)', undefined],
    ['missing (null)', null],
    ['empty', ''],
    ['blank', '   '],
    ['short by one digit', good.slice(0, -1)],
    ['half', good.slice(0, 32)],
    ['non-hex of the right length', `${good.slice(0, -1)}g`],
    ['non-hex garbage', 'z'.repeat(64)],
    ['too long by one digit', `${good}0`],
    ['doubled', good + good],
    ['with a scheme prefix', `sha256=${good}`],
    ['base64 of the digest', Buffer.from(good, 'hex').toString('base64')],
    ['with an embedded NUL', `${good.slice(0, 32)}\u0000${good.slice(33)}`],
  ])('refuses a header that is %s', (_name, header) => {
    expect(verifyWebhookSignature(body, header as string | undefined, secret)).toBe(false);
  });

  it.each([
    ['a number body', 42, good, secret],
    ['a null body', null, good, secret],
    ['an object body', { toString: () => body }, good, secret],
    ['an array header', body, [good], secret],
    ['a number header', body, 123, secret],
    ['an object header', body, { toString: () => good }, secret],
    ['a symbol header', body, Symbol('x'), secret],
    ['an empty secret', body, sign(body, ''), ''],
    ['a missing secret', body, good, undefined],
    ['a Buffer secret', body, good, Buffer.from(secret)],
    ['a number secret', body, good, 5],
  ])('never throws on %s, and answers false', (_name, rawBody, header, key) => {
    let answer: unknown;
    expect(() => {
      answer = verifyWebhookSignature(rawBody as never, header as never, key as never);
    }).not.toThrow();
    expect(answer).toBe(false);
  });

  it('an empty body with its genuine signature verifies (the empty body is still a body)', () => {
    expect(verifyWebhookSignature('', sign(''), secret)).toBe(true);
    expect(verifyWebhookSignature(new Uint8Array(0), sign(''), secret)).toBe(true);
  });

  it('reads a Uint8Array view over a larger buffer by its own bytes only', () => {
    const backing = Buffer.from(`xxxx${body}yyyy`);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, Buffer.byteLength(body));
    expect(verifyWebhookSignature(view, good, secret)).toBe(true);
    expect(
      verifyWebhookSignature(new Uint8Array(backing.buffer, backing.byteOffset, backing.length), good, secret),
    ).toBe(false);
  });

  // The comparison is crypto.timingSafeEqual (src/webhooks.ts). node:crypto's ESM exports cannot be spied on, and a
  // timing measurement would be flaky, so this checks the behaviour such a comparison must have: signatures of the
  // right length that differ only in their first, a middle, or their last digit are all refused, in any order.
  it('refuses equal-length wrong signatures whether they differ in the first, a middle or the last digit', () => {
    for (const index of [0, 1, 31, 32, 62, 63]) {
      expect(verifyWebhookSignature(body, flipAt(good, index), secret), `digit ${index}`).toBe(false);
    }
    expect(verifyWebhookSignature(body, '0'.repeat(64), secret)).toBe(false);
    expect(verifyWebhookSignature(body, good, secret)).toBe(true);
  });
});

describe('parseWebhookEvent', () => {
  it('returns the event for a genuine delivery', () => {
    expect(parseWebhookEvent(body, good, secret).eventType).toBe('job.run.completed');
  });

  it.each([
    ['a wrong signature', body, flipAt(good, 10)],
    ['no signature', body, undefined],
    ['an altered body', body.replace('Success', 'Failure'), good],
  ])('throws WebhookVerificationError(signature) for %s, before parsing', (_name, payload, header) => {
    const error = (() => {
      try {
        parseWebhookEvent(payload, header, secret);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('signature');
    expect(JSON.stringify(error)).not.toContain(secret);
  });

  it.each([
    ['not JSON', 'not json'],
    ['JSON null', 'null'],
    ['an unknown event type', JSON.stringify({ eventType: 'job.run.deleted', eventId: 'x', data: {} })],
    ['no data', JSON.stringify({ eventType: 'job.run.started', eventId: 'x' })],
  ])('throws WebhookVerificationError(payload) for a signed body that is %s', (_name, payload) => {
    let error: unknown;
    try {
      parseWebhookEvent(payload, sign(payload), secret);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('payload');
  });

  it('a signed body with __proto__ pollutes nothing (JSON.parse keeps it an own key)', () => {
    const payload = '{"__proto__":{"polluted":true},"eventType":"job.run.started","eventId":"x","data":{}}';
    expect(parseWebhookEvent(payload, sign(payload), secret).eventType).toBe('job.run.started');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
