// The benchmark measures in child processes; run each one small here so a change that breaks them shows in npm test,
// not only when someone next runs npm run bench. Nothing here looks at a timing or a memory figure.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, firstRunId, startBenchServer } from '../../bench/server.js';

const child = (name: string) => fileURLToPath(new URL(`../../bench/${name}`, import.meta.url));

function runChild(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The children load src/ here (bench/built.ts): dist/ is built by npm run bench, not by the tests.
    const process_ = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DBT_CLOUD_TS_BENCH_SOURCE: '1' },
    });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk) => (stdout += chunk));
    process_.stderr.on('data', (chunk) => (stderr += chunk));
    process_.once('error', reject);
    process_.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lastJsonLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!);

describe('bench children', () => {
  let server: BenchServer;
  const runs = 1_000;
  beforeAll(async () => {
    server = await startBenchServer({ totalRuns: runs });
  });
  afterAll(() => server.close());

  it.each(['stream', 'bare', 'toArray'])(
    'memory-child.ts %s walks every run once and reports its growth',
    async (mode) => {
      const out = await runChild(['--expose-gc', child('memory-child.ts'), server.url, String(runs), mode]);
      expect(out.stderr).not.toMatch(/Error/);
      expect(out.code).toBe(0);
      const measured = lastJsonLine(out.stdout);
      expect(measured).toMatchObject({ mode, runs });
      // ids firstRunId … firstRunId + runs − 1, each once
      expect(measured.idSum).toBe(runs * firstRunId + (runs * (runs - 1)) / 2);
      expect(measured.held).toBe(mode === 'toArray' ? runs : 0);
      expect(measured.checkpoints).toHaveLength(5);
      expect(typeof measured.rssGrowthMb).toBe('number');
    },
  );

  it('memory-child.ts refuses to run without --expose-gc or with an unknown mode', async () => {
    const withoutGc = await runChild([child('memory-child.ts'), server.url, '100', 'stream']);
    expect(withoutGc.code).not.toBe(0);
    expect(withoutGc.stderr).toContain('--expose-gc');
    const unknown = await runChild(['--expose-gc', child('memory-child.ts'), server.url, '100', 'sideways']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('usage');
  });

  it('overhead-child.ts times every client in every round', async () => {
    const out = await runChild([child('overhead-child.ts'), server.url, '3', '4']);
    expect(out.code).toBe(0);
    const measured = lastJsonLine(out.stdout);
    expect(measured.names).toEqual(['raw fetch', 'openapi-fetch (bare)', 'dbt.api', 'dbt.runs.get']);
    for (const name of measured.names) {
      expect(measured.wallMs[name]).toHaveLength(3);
      expect(measured.cpuMs[name]).toHaveLength(3);
      expect(measured.wallMs[name].every((ms: number) => ms > 0)).toBe(true);
    }
  });
});
