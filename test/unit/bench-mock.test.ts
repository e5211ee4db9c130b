// The mock section's helpers (bench/mock.ts), run small against a local server and a stand-in process, so that a
// change that breaks them shows in npm test. Nothing here looks at a timing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, startUntil } from '../../bench/mock.js';

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/fails' ? 500 : 200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('bench/mock.ts', () => {
  it('polls with the given concurrency and counts answers that are not 2xx as errors', async () => {
    const ok = await poll(`${url}/run`, {}, 5, 200);
    expect(ok.concurrency).toBe(5);
    expect(ok.requests).toBeGreaterThanOrEqual(5);
    expect(ok.errors).toBe(0);
    expect(ok.p95Ms).toBeGreaterThanOrEqual(ok.p50Ms);
    const failing = await poll(`${url}/fails`, {}, 2, 100);
    expect(failing.errors).toBe(failing.requests);
  });

  it('starts a process, reads the URL from the line that names it, and stops the process', async () => {
    const script =
      'console.log("warming up"); console.log("listening on http://127.0.0.1:1234"); setInterval(() => {}, 1000);';
    const started = await startUntil(process.execPath, ['-e', script], /listening on (\S+)/);
    expect(started.url).toBe('http://127.0.0.1:1234');
    await started.stop();
    await expect(startUntil(process.execPath, ['-e', 'process.exit(3)'], /never/)).rejects.toThrow(/exited with 3/);
  });
});
