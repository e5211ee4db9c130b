// The mock launcher (src/mock/launcher.ts), without starting Prism. Who may use the control endpoints
// (controlRequestAllowed): requests to the mock's own loopback address and port, with no Origin or the mock's own; a
// web page's form POST (a foreign Origin) and a page on a name that resolves to this machine (DNS rebinding: a foreign
// Host) are refused. And a port that is taken fails the start at once, before anything starts.
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { controlRequestAllowed } from '../../src/mock/launcher.js';
import { MockServerError, startMockServer } from '../../src/node.js';

const http = { scheme: 'http', port: 4010, host: '127.0.0.1' } as const;
const https = { scheme: 'https', port: 4010, host: '127.0.0.1' } as const;

describe('the control endpoints guard', () => {
  it('accepts the loopback names with the mock port, and no Origin', () => {
    for (const host of ['127.0.0.1:4010', 'localhost:4010', 'LOCALHOST:4010', '[::1]:4010'])
      expect(controlRequestAllowed({ host }, http), host).toBe(true);
  });

  it('accepts the Origin of the mock itself, under any of its names', () => {
    for (const origin of ['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010'])
      expect(controlRequestAllowed({ host: '127.0.0.1:4010', origin }, http), origin).toBe(true);
    expect(controlRequestAllowed({ host: 'localhost:4010', origin: 'https://localhost:4010' }, https)).toBe(true);
  });

  it('refuses a foreign Host (DNS rebinding), another port, or none', () => {
    for (const host of [
      'evil.example',
      'evil.example:4010',
      '127.0.0.1.evil.example:4010',
      '127.0.0.1:4011',
      '127.0.0.1',
      'localhost.:4010',
      '10.0.0.1:4010',
      '',
    ])
      expect(controlRequestAllowed({ host }, http), host).toBe(false);
    expect(controlRequestAllowed({}, http)).toBe(false);
  });

  it('refuses a foreign Origin, a null one, and the right host on the wrong scheme or port', () => {
    for (const origin of [
      'https://evil.example',
      'http://evil.example:4010',
      'null',
      'http://127.0.0.1:4011',
      'https://127.0.0.1:4010',
      'not a url',
    ])
      expect(controlRequestAllowed({ host: '127.0.0.1:4010', origin }, http), origin).toBe(false);
    expect(controlRequestAllowed({ host: '127.0.0.1:4010', origin: 'http://127.0.0.1:4010' }, https)).toBe(false);
  });

  it('takes a port left out of Host as the scheme default', () => {
    expect(controlRequestAllowed({ host: 'localhost' }, { ...http, port: 80 })).toBe(true);
    expect(controlRequestAllowed({ host: 'localhost' }, { ...https, port: 443 })).toBe(true);
    expect(controlRequestAllowed({ host: 'localhost' }, { ...https, port: 80 })).toBe(false);
  });

  it('also answers to the address the mock binds when it names one, never to the unspecified one', () => {
    expect(controlRequestAllowed({ host: '10.0.0.1:4010' }, { ...http, host: '10.0.0.1' })).toBe(true);
    expect(controlRequestAllowed({ host: '[fd00::1]:4010' }, { ...http, host: 'fd00::1' })).toBe(true);
    expect(controlRequestAllowed({ host: '0.0.0.0:4010' }, { ...http, host: '0.0.0.0' })).toBe(false);
    expect(controlRequestAllowed({ host: 'evil.example:4010' }, { ...http, host: '0.0.0.0' })).toBe(false);
  });
});

describe('a port that is taken', () => {
  it('fails startMockServer at once with port-unavailable, before it says it is starting', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    const said: string[] = [];
    try {
      const error = await startMockServer({ port, onProgress: (line) => said.push(line) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MockServerError);
      expect(error).toMatchObject({ reason: 'port-unavailable' });
      expect((error as Error).message).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*port 0`));
      expect(said).toEqual([]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
