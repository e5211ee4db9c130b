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
  it('listens on a free loopback port, answers, and leaves no process after stop()', async () => {
    const mock = await startMockServer();
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(mock.port).toBeGreaterThan(0);
      const response = await fetch(`${mock.url}/api/v2/accounts/43786/`, { headers: { Authorization: 'Token t' } });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    } finally {
      await mock.stop();
    }
    expect(isAlive(mock.pid)).toBe(false);
  });

  it('rejects a port out of range before starting anything', async () => {
    await expect(startMockServer({ port: 70000 })).rejects.toThrow(/port must be an integer/);
  });

  it('reports Prism’s own output when it cannot start', async () => {
    await expect(startMockServer({ specPath: '/nonexistent/openapi.yaml' })).rejects.toThrow(
      /Prism exited before listening/,
    );
  });
});
