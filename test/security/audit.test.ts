// No known vulnerability in the runtime dependencies, by `npm audit --omit=dev`. Needs the registry: skipped (with the
// reason) when it does not answer, or when it answers but offers no audit endpoint (some mirrors and proxies).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmRun(
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    execFile(npm, args, { cwd: root, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({
        code: error ? (((error as { code?: unknown }).code as number | null) ?? 1) : 0,
        stdout,
        stderr,
        ...(error ? { error } : {}),
      });
    });
  });
}

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> & { total?: number } };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  error?: unknown;
  message?: string;
}

describe('npm audit', () => {
  it('reports no known vulnerability in runtime dependencies', { timeout: 120_000 }, async (ctx) => {
    const ping = await npmRun(['ping', '--fetch-timeout=5000', '--fetch-retries=0'], 15_000);
    if (ping.code !== 0)
      ctx.skip(
        `the npm registry does not answer (npm ping: ${ping.stderr.trim().split('\n').at(-1) ?? ping.error?.message})`,
      );

    const audit = await npmRun(['audit', '--omit=dev', '--json'], 90_000);
    let report: AuditReport;
    try {
      report = JSON.parse(audit.stdout) as AuditReport;
    } catch {
      return ctx.skip(`npm audit printed no JSON (exit ${audit.code}): ${audit.stderr.trim().split('\n').at(-1)}`);
    }
    const counts = report.metadata?.vulnerabilities;
    if (!counts)
      return ctx.skip(`the registry offers no audit endpoint: ${report.message ?? JSON.stringify(report.error)}`);

    const found = Object.entries(report.vulnerabilities ?? {}).map(([name, v]) => `${name} (${v.severity})`);
    const total = counts.total ?? Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(found, 'vulnerable runtime packages').toEqual([]);
    expect(total).toBe(0);
  });
});
