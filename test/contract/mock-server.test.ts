import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/node.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startMockServer', () => {
  it('listens on a free loopback port, answers, and leaves no process after stop() (stateful mode)', async () => {
    const mock = await startMockServer();
    try {
      expect(mock.mode).toBe('stateful');
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(mock.port).toBeGreaterThan(0);
      const response = await fetch(`${mock.url}/api/v2/accounts/43786/`, { headers: { Authorization: 'Token t' } });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    } finally {
      await mock.stop();
    }
    expect(isAlive(mock.pid)).toBe(false);
  }, 120_000);

  it('rejects a port out of range before starting anything', async () => {
    await expect(startMockServer({ port: 70000 })).rejects.toThrow(/port must be an integer/);
  });

  it('reports Prism’s own output when it cannot start', async () => {
    await expect(startMockServer({ static: true, specPath: '/nonexistent/openapi.yaml' })).rejects.toThrow(
      /Prism exited before listening/,
    );
  });

  it('names the spec it cannot read in stateful mode, before starting anything', async () => {
    await expect(startMockServer({ specPath: '/nonexistent/openapi.yaml' })).rejects.toThrow(
      /\/nonexistent\/openapi\.yaml/,
    );
  });

  it.each([0, -1, Number.NaN, Infinity])('rejects speed %s before starting anything', async (speed) => {
    await expect(startMockServer({ speed })).rejects.toThrow(/speed must be a number above 0/);
  });

  it('rejects a webhook without a secret and a scenarios object that breaks the schema', async () => {
    await expect(startMockServer({ webhook: { url: 'http://127.0.0.1:1/', secret: '' } })).rejects.toThrow(
      /webhook.secret/,
    );
    await expect(startMockServer({ scenarios: { jobs: { '1': { outcome: 'maybe' as never } } } })).rejects.toThrow(
      /outcome must be/,
    );
  });
});
