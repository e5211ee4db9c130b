// `npm start` on a fresh machine: the main job against the bundled mock, and no process left behind.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function start(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start hung:\n${stdout}\n${stderr}`));
    }, 90_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start', () => {
  it('walks the main job against the mock and exits 0 with a summary, stopping the mock', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dbt-cloud-start-'));
    try {
      const result = await start(['--out', out], {});
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout;
      expect(lines).toMatch(/Mock server started at http:\/\/127\.0\.0\.1:\d+/);
      expect(lines).toContain('Projects: jaffle_shop (270542)');
      expect(lines).toMatch(/Triggered job 567183: run \d+ is Queued/);
      expect(lines).toMatch(/run \d+: Success after/);
      expect(lines).toContain(`Saved ${join(out, 'run_results.json')}`);
      expect(lines).toMatch(/Summary: run \d+ Success; 3 results/);
      expect(lines).toContain('Mock server stopped.');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses to touch a real account without --real and a job id', async () => {
    const result = await start([], { DBT_CLOUD_API_TOKEN: 'dbtc_REAL_TOKEN', DBT_CLOUD_ACCOUNT_ID: '1' });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('--real --job');
    expect(result.stderr + result.stdout).not.toContain('dbtc_REAL_TOKEN');
  });
});
