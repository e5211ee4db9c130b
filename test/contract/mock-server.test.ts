import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DbtCloudError, ValidationError } from '../../src/index.js';
import { MockServerError, startMockServer } from '../../src/node.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Each file of a folder with its inode: a file written anew (to a temporary name, then renamed) gets another. */
async function listing(dir: string): Promise<Record<string, number>> {
  const names = await readdir(dir);
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await stat(join(dir, name))).ino])));
}

describe('startMockServer', () => {
  it('listens on a free loopback port, answers, and leaves no process after stop() (stateful mode)', async () => {
    // A copy of the run's cache, which the run's first start filled (test/setup/prism.global.ts): a start that reads
    // its entry leaves the folder's files in place, one that processed the spec again would write the entry anew.
    const cacheDir = await mkdtemp(join(tmpdir(), 'mock-server-cache-'));
    try {
      await cp(process.env.DBT_CLOUD_MOCK_CACHE_DIR!, cacheDir, { recursive: true, preserveTimestamps: true });
      const before = await listing(cacheDir);
      expect(Object.keys(before).length).toBeGreaterThan(0);
      const mock = await startMockServer({ cacheDir });
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
      expect(await listing(cacheDir)).toEqual(before);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('serves the operations it finds in the cache: an operation taken out of the entry is one Prism no longer has', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mock-server-cache-'));
    try {
      await cp(process.env.DBT_CLOUD_MOCK_CACHE_DIR!, cacheDir, { recursive: true });
      // Prism's entries (the engine keeps its starting data there too).
      for (const name of (await readdir(cacheDir)).filter((name) => name.startsWith('prism-operations-'))) {
        const file = join(cacheDir, name);
        const entry = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as {
          operations: Array<{ method: string; path: string }>;
        };
        entry.operations = entry.operations.filter(
          (op) => !(op.method === 'get' && op.path === '/api/v2/accounts/{account_id}/'),
        );
        await writeFile(file, gzipSync(JSON.stringify(entry)));
      }
      const mock = await startMockServer({ static: true, cacheDir });
      try {
        const headers = { Authorization: 'Token t' };
        const removed = await fetch(`${mock.url}/api/v2/accounts/43786/`, { headers });
        // Prism matches the path to other operations of the spec but has no GET for it any more (a plain start: 200).
        expect(removed.status).toBe(405);
        await removed.arrayBuffer();
        const kept = await fetch(`${mock.url}/api/v2/accounts/43786/runs/70403103/`, { headers });
        expect(kept.status).toBe(200);
        await kept.arrayBuffer();
      } finally {
        await mock.stop();
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  /** What `start` rejects with: a ValidationError naming `field`, with a message matching `message`. */
  async function rejectsInput(start: Promise<unknown>, field: string, message: RegExp) {
    const error = await start.then(
      () => expect.unreachable('it started'),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, message: expect.stringMatching(message) });
  }

  it('rejects a port out of range before starting anything', async () => {
    await rejectsInput(
      startMockServer({ port: 70000 }),
      'port',
      /^port: must be a whole number from 0 to 65535, got 70000$/,
    );
  });

  it('reports Prism’s own output when it cannot start, as a MockServerError', async () => {
    const start = startMockServer({ static: true, specPath: '/nonexistent/openapi.yaml' });
    await expect(start).rejects.toBeInstanceOf(MockServerError);
    await expect(start).rejects.toBeInstanceOf(DbtCloudError);
    await expect(start).rejects.toMatchObject({
      reason: 'prism-exited',
      message: expect.stringMatching(/Prism exited before listening[^]*ENOENT[^]*\/nonexistent\/openapi\.yaml/),
    });
  });

  it.each(['', 0, true])('rejects cacheDir %j before starting anything', async (cacheDir) => {
    await rejectsInput(startMockServer({ cacheDir: cacheDir as never }), 'cacheDir', /must be a string/);
  });

  it('rejects a start-up time limit that is not a whole number of ms', async () => {
    await rejectsInput(startMockServer({ startTimeoutMs: 0 }), 'startTimeoutMs', /whole number from 1/);
  });

  it('names the spec it cannot read in stateful mode, before starting anything', async () => {
    await rejectsInput(
      startMockServer({ specPath: '/nonexistent/openapi.yaml' }),
      'specPath',
      /cannot read \/nonexistent\/openapi\.yaml/,
    );
  });

  it.each([0, -1, Number.NaN, Infinity])('rejects speed %s before starting anything', async (speed) => {
    await rejectsInput(startMockServer({ speed }), 'speed', /speed: must be a number above 0/);
  });

  it('rejects a webhook without a secret or an http(s) URL, and scenarios that break the schema or cannot be read', async () => {
    await rejectsInput(
      startMockServer({ webhook: { url: 'http://127.0.0.1:1/', secret: '' } }),
      'webhook.secret',
      /string/,
    );
    await rejectsInput(
      startMockServer({ webhook: { url: 'ftp://127.0.0.1/', secret: 's' } }),
      'webhook.url',
      /http\(s\) URL/,
    );
    await rejectsInput(
      startMockServer({ scenarios: { jobs: { '1': { outcome: 'maybe' as never } } } }),
      'scenarios',
      /outcome must be/,
    );
    await rejectsInput(
      startMockServer({ scenarios: '/nonexistent/scenarios.yaml' }),
      'scenarios',
      /cannot read \/nonexistent/,
    );
  });
});
