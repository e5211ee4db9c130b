// Webhook signatures: anything but the exact HMAC of the exact body under the exact secret is false, and odd input
// never throws.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookEvent, verifyWebhookSignature, WebhookVerificationError } from '../../../src/index.js';

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
  it('accepts the genuine signature, as a string, Buffer or Uint8Array body, in either hex case', async () => {
    expect(await verifyWebhookSignature(body, good, secret)).toBe(true);
    expect(await verifyWebhookSignature(Buffer.from(body), good, secret)).toBe(true);
    expect(await verifyWebhookSignature(new Uint8Array(Buffer.from(body)), good.toUpperCase(), secret)).toBe(true);
  });

  it('refuses a signature made with another secret', async () => {
    expect(await verifyWebhookSignature(body, sign(body, 'whsec_other'), secret)).toBe(false);
    expect(await verifyWebhookSignature(body, good, 'whsec_other')).toBe(false);
    expect(await verifyWebhookSignature(body, good, `${secret} `)).toBe(false);
  });

  it('refuses a body altered by one byte, wherever the byte is', async () => {
    const bytes = Buffer.from(body);
    for (const index of [0, 1, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[index] = altered[index]! ^ 0x01;
      expect(await verifyWebhookSignature(altered, good, secret), `byte ${index}`).toBe(false);
    }
    expect(await verifyWebhookSignature(`${body} `, good, secret)).toBe(false);
    expect(await verifyWebhookSignature(body.slice(0, -1), good, secret)).toBe(false);
    // Re-serialised JSON is a different body, even if it means the same.
    expect(await verifyWebhookSignature(JSON.stringify(JSON.parse(body), null, 2), good, secret)).toBe(false);
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
  ])('refuses a header that is %s', async (_name, header) => {
    expect(await verifyWebhookSignature(body, header as string | undefined, secret)).toBe(false);
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
  ])('never throws on %s, and answers false', async (_name, rawBody, header, key) => {
    // Neither throws synchronously nor rejects.
    let answer: Promise<boolean> | undefined;
    expect(() => {
      answer = verifyWebhookSignature(rawBody as never, header as never, key as never);
    }).not.toThrow();
    await expect(answer).resolves.toBe(false);
  });

  it('an empty body with its genuine signature verifies (the empty body is still a body)', async () => {
    expect(await verifyWebhookSignature('', sign(''), secret)).toBe(true);
    expect(await verifyWebhookSignature(new Uint8Array(0), sign(''), secret)).toBe(true);
  });

  it('reads a Uint8Array view over a larger buffer by its own bytes only', async () => {
    const backing = Buffer.from(`xxxx${body}yyyy`);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, Buffer.byteLength(body));
    expect(await verifyWebhookSignature(view, good, secret)).toBe(true);
    expect(
      await verifyWebhookSignature(new Uint8Array(backing.buffer, backing.byteOffset, backing.length), good, secret),
    ).toBe(false);
  });

  // The comparison is WebCrypto's HMAC verify (src/webhooks.ts), constant-time in every runtime's implementation; a
  // timing measurement would be flaky, so this checks the behaviour such a comparison must have: signatures of the
  // right length that differ only in their first, a middle, or their last digit are all refused, in any order.
  it('refuses equal-length wrong signatures whether they differ in the first, a middle or the last digit', async () => {
    for (const index of [0, 1, 31, 32, 62, 63]) {
      expect(await verifyWebhookSignature(body, flipAt(good, index), secret), `digit ${index}`).toBe(false);
    }
    expect(await verifyWebhookSignature(body, '0'.repeat(64), secret)).toBe(false);
    expect(await verifyWebhookSignature(body, good, secret)).toBe(true);
  });
});

// String.prototype.trim strips Unicode spaces too, so a check built on it would accept a header padded with NBSP; and a
// body whose getters throw must make verify answer false, not throw.
describe('verifyWebhookSignature on hostile padding and bodies', () => {
  it.each([
    ['NBSP (U+00A0)', '\u00a0'],
    ['a BOM (U+FEFF)', '\ufeff'],
    ['an em space (U+2003)', '\u2003'],
    ['an ideographic space (U+3000)', '\u3000'],
    ['a line separator (U+2028)', '\u2028'],
  ])('refuses a genuine signature padded with %s', async (_name, pad) => {
    expect(await verifyWebhookSignature(body, `${pad}${good}`, secret)).toBe(false);
    expect(await verifyWebhookSignature(body, `${good}${pad}`, secret)).toBe(false);
  });

  it('still accepts a genuine signature padded with ASCII spaces, tabs and line ends', async () => {
    expect(await verifyWebhookSignature(body, ` \t${good}\r\n`, secret)).toBe(true);
  });

  it('answers false, never throwing, for a body whose every property access throws', async () => {
    const hostile = new Proxy(new Uint8Array(Buffer.from(body)), {
      get() {
        throw new Error('getter exploded');
      },
    });
    let answer: Promise<boolean> | undefined;
    expect(() => {
      answer = verifyWebhookSignature(hostile, good, secret);
    }).not.toThrow();
    await expect(answer).resolves.toBe(false);
    const error = await parseWebhookEvent(hostile, good, secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('signature');
  });

  it('reads a Uint8Array by its bytes, not through getters a caller overrode to throw', async () => {
    const bytes = new Uint8Array(Buffer.from(body));
    for (const name of ['buffer', 'byteOffset', 'byteLength']) {
      Object.defineProperty(bytes, name, {
        get() {
          throw new Error(`${name} exploded`);
        },
      });
    }
    await expect(verifyWebhookSignature(bytes, good, secret)).resolves.toBe(true);
    await expect(verifyWebhookSignature(bytes, flipAt(good, 5), secret)).resolves.toBe(false);
  });
});

describe('parseWebhookEvent', () => {
  it('returns the event for a genuine delivery', async () => {
    expect((await parseWebhookEvent(body, good, secret)).eventType).toBe('job.run.completed');
  });

  it.each([
    ['a wrong signature', body, flipAt(good, 10)],
    ['no signature', body, undefined],
    ['an altered body', body.replace('Success', 'Failure'), good],
  ])('throws WebhookVerificationError(signature) for %s, before parsing', async (_name, payload, header) => {
    const error = await (async () => {
      try {
        await parseWebhookEvent(payload, header, secret);
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
  ])('throws WebhookVerificationError(payload) for a signed body that is %s', async (_name, payload) => {
    let error: unknown;
    try {
      await parseWebhookEvent(payload, sign(payload), secret);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('payload');
  });

  it('a signed body with __proto__ pollutes nothing (JSON.parse keeps it an own key)', async () => {
    const payload = '{"__proto__":{"polluted":true},"eventType":"job.run.started","eventId":"x","data":{}}';
    expect((await parseWebhookEvent(payload, sign(payload), secret)).eventType).toBe('job.run.started');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
