import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookEvent, verifyWebhookSignature, WebhookVerificationError } from '../../src/index.js';

const secret = 'whsec_0123456789abcdefFOR_TESTS';
const sign = (body: string | Uint8Array, key = secret) => createHmac('sha256', key).update(body).digest('hex');

const event = {
  accountId: 43786,
  webhooksID: 'wsu_12345abcde',
  eventId: 'wev_2L6Z3l8uPedXKPq9D2nWbPIip7Z',
  timestamp: '2026-11-23T10:00:00.000Z',
  eventType: 'job.run.completed',
  webhookName: 'orchestrator',
  data: {
    jobId: '567183',
    jobName: 'Nightly build',
    runId: '70403103',
    environmentId: '218762',
    environmentName: 'Production',
    dbtVersion: '1.9.0',
    projectName: 'Analytics',
    projectId: '270542',
    runStatus: 'Success',
    runStatusCode: 10,
    runStatusMessage: 'None',
    runReason: 'Triggered via dbt-cloud-ts',
    runStartedAt: '2026-11-23T09:58:00Z',
    runFinishedAt: '2026-11-23T10:00:00Z',
  },
};
// As delivered: exact bytes, including spacing the signature covers.
const rawBody = JSON.stringify(event, null, 1);
const signature = sign(rawBody);

describe('verifyWebhookSignature', () => {
  it('is true for the HMAC-SHA256 of the body keyed with the secret', async () => {
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature(rawBody, signature, secret)).toBe(true);
  });

  it('accepts the hex in upper case and surrounding whitespace', async () => {
    expect(await verifyWebhookSignature(rawBody, signature.toUpperCase(), secret)).toBe(true);
    expect(await verifyWebhookSignature(rawBody, ` ${signature}\n`, secret)).toBe(true);
  });

  it('is false for another secret', async () => {
    expect(await verifyWebhookSignature(rawBody, signature, 'whsec_other')).toBe(false);
    expect(await verifyWebhookSignature(rawBody, sign(rawBody, 'whsec_other'), secret)).toBe(false);
  });

  it('is false for an altered body, even by one byte or only in whitespace', async () => {
    expect(await verifyWebhookSignature(rawBody.replace('"Success"', '"Errored"'), signature, secret)).toBe(false);
    expect(await verifyWebhookSignature(`${rawBody} `, signature, secret)).toBe(false);
    expect(await verifyWebhookSignature(JSON.stringify(event), signature, secret)).toBe(false);
  });

  it('is false for a signature differing in its last character only', async () => {
    const last = signature.at(-1) === '0' ? '1' : '0';
    expect(await verifyWebhookSignature(rawBody, signature.slice(0, -1) + last, secret)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['missing (undefined)', undefined],
    ['null', null],
    ['empty', ''],
    ['short', signature.slice(0, 63)],
    ['half', signature.slice(0, 32)],
    ['65 characters', `${signature}0`],
    ['non-hex', `${signature.slice(0, 63)}g`],
    ['prefixed', `sha256=${signature}`],
    ['a number', 12345],
    ['an array', [signature]],
  ])('is false, never throwing, for a header that is %s', async (_, header) => {
    await expect(verifyWebhookSignature(rawBody, header as string, secret)).resolves.toBe(false);
  });

  it.each<[string, unknown, unknown]>([
    ['a number body', 42, secret],
    ['a null body', null, secret],
    ['an object body', event, secret],
    ['an ArrayBuffer body', new TextEncoder().encode(rawBody).buffer, secret],
    ['an undefined secret', rawBody, undefined],
    ['a number secret', rawBody, 123],
    ['an empty secret', rawBody, ''],
  ])('is false, never throwing, for %s', async (_, body, key) => {
    await expect(verifyWebhookSignature(body as string, signature, key as string)).resolves.toBe(false);
  });

  it('works with a Buffer body', async () => {
    expect(await verifyWebhookSignature(Buffer.from(rawBody, 'utf8'), signature, secret)).toBe(true);
    expect(await verifyWebhookSignature(Buffer.from(`${rawBody}x`, 'utf8'), signature, secret)).toBe(false);
  });

  it('reads only the bytes of a view into a larger buffer', async () => {
    const bytes = new TextEncoder().encode(rawBody);
    const larger = new Uint8Array(bytes.length + 20);
    larger.set(bytes, 10);
    expect(await verifyWebhookSignature(larger.subarray(10, 10 + bytes.length), signature, secret)).toBe(true);
    expect(await verifyWebhookSignature(larger, signature, secret)).toBe(false);
  });

  it('signs the UTF-8 bytes of a string body', async () => {
    const unicode = JSON.stringify({ ...event, data: { ...event.data, jobName: 'Nächtlicher Build ✓' } });
    expect(await verifyWebhookSignature(unicode, sign(Buffer.from(unicode, 'utf8')), secret)).toBe(true);
  });
});

describe('parseWebhookEvent', () => {
  it('returns the event of a validly signed job.run.completed delivery', async () => {
    const parsed = await parseWebhookEvent(rawBody, signature, secret);
    expect(parsed).toEqual(event);
    expect(parsed.eventType).toBe('job.run.completed');
  });

  it('parses a Buffer body too', async () => {
    expect((await parseWebhookEvent(Buffer.from(rawBody), signature, secret)).eventId).toBe(event.eventId);
  });

  it('throws WebhookVerificationError (signature) for a bad signature, before reading the body', async () => {
    const error = await (async () => {
      try {
        await parseWebhookEvent('not json at all', signature, secret);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('signature');
    await expect(parseWebhookEvent(rawBody, undefined, secret)).rejects.toThrow(WebhookVerificationError);
  });

  const signedReason = async (body: string) => {
    try {
      await parseWebhookEvent(body, sign(body), secret);
    } catch (e) {
      expect(e).toBeInstanceOf(WebhookVerificationError);
      return (e as WebhookVerificationError).reason;
    }
    return 'no error';
  };

  it.each<[string, string]>([
    ['a non-JSON body', '{"eventType": "job.run.completed",'],
    ['plain text', 'hello'],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['an unknown eventType', JSON.stringify({ ...event, eventType: 'job.run.paused' })],
    ['no eventType', JSON.stringify({ ...event, eventType: undefined })],
    ['no eventId', JSON.stringify({ ...event, eventId: undefined })],
    ['no data', JSON.stringify({ ...event, data: null })],
  ])('throws WebhookVerificationError (payload) for a signed body with %s', async (_, body) => {
    expect(await signedReason(body)).toBe('payload');
  });

  it.each(['job.run.started', 'job.run.errored'])('accepts a signed %s event', async (eventType) => {
    const body = JSON.stringify({ ...event, eventType });
    expect((await parseWebhookEvent(body, sign(body), secret)).eventType).toBe(eventType);
  });
});
