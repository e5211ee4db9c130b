// `npm start` on a fresh machine: the main job against the bundled mock, and no process left behind.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mockCacheEnv } from '../support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function start(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...mockCacheEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start hung:\n${stdout}\n${stderr}`));
    }, 240_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start', () => {
  it('follows one run to Success and a failing run to its failed step against the mock, exits 0, stops the mock', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dbt-cloud-start-'));
    try {
      const result = await start(['--out', out], {});
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout;
      expect(lines).toMatch(/Mock server started at http:\/\/127\.0\.0\.1:\d+/);
      expect(lines).toContain('Projects: jaffle_shop (270542)');
      const runId = /Triggered job 567183: run (\d+) is Queued/.exec(lines)?.[1];
      expect(runId).toBeDefined();
      // The same run goes through the lifecycle to Success.
      expect(lines).toContain(`run ${runId}: Running after`);
      expect(lines).toContain(`run ${runId}: Success after`);
      expect(lines).toContain(`Saved ${join(out, 'run_results.json')}`);
      expect(lines).toContain(`Summary: run ${runId} Success; 3 results`);
      // Then a job that fails in its dbt build step, and that step's log.
      const failedId = /Triggered job 567184: run (\d+) is Queued/.exec(lines)?.[1];
      expect(failedId).toBeDefined();
      expect(failedId).not.toBe(runId);
      expect(lines).toContain(`run ${failedId}: Error after`);
      expect(lines).toMatch(new RegExp(`Run ${failedId} ended Error; failed step: Invoke dbt with \`dbt build`));
      expect(lines).toContain("|   invalid identifier 'PAYMENTS.AMOUNT_CENTS'");
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
