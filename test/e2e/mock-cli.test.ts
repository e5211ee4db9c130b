// `dbt-cloud mock` as a CI job runs it (the built CLI): it says at once that it is starting, prints the URL only once
// the mock is ready, serves HTTPS with --tls and names the CA file to trust, and fails at once (exit 4, with the way
// out) on a port that is taken.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cliEntry, mockCacheEnv, runCli } from '../support/cli.js';

function exitCode(file: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) =>
    execFile(file, args, { env: { PATH: process.env.PATH, ...env } }, (error) =>
      resolve(error ? Number((error as { code?: unknown }).code) || 1 : 0),
    ),
  );
}

describe('dbt-cloud mock', () => {
  it('exits 4 at once on a port that is taken, with a hint to use --port 0, before it starts anything', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const result = await runCli(['mock', '--port', String(port)]);
      expect(result.code, result.stderr).toBe(4);
      expect(result.stderr).toContain(`--port: port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('--port 0');
      expect(result.stderr).not.toContain('starting the mock');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('says at once that it is starting, then serves HTTPS with --tls and names the CA file; SIGINT removes it', async () => {
    const child = spawn(process.execPath, [cliEntry, 'mock', '--port', '0', '--tls', '--step-per-poll'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...mockCacheEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const printed = { stdout: '', stderr: '', stdoutWhenStarting: undefined as string | undefined };
    child.stderr.on('data', (chunk) => {
      printed.stderr += chunk;
      if (printed.stderr.includes('starting the mock')) printed.stdoutWhenStarting ??= printed.stdout;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          printed.stdout += chunk;
          if (printed.stdout.includes('Press Ctrl-C to stop.')) resolve();
        });
        exited.then((code) => reject(new Error(`exited with ${code}:\n${printed.stderr}`)));
      });
      // The starting line came first, while stdout (the URL) was still empty.
      expect(printed.stdoutWhenStarting).toBe('');
      expect(printed.stderr).toMatch(/^starting the mock: Prism's validating proxy on the bundled spec/);
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+) /.exec(printed.stdout)?.[1];
      const caFile = /TLS: trust (\S+)/.exec(printed.stdout)?.[1];
      expect(url, printed.stdout).toBeDefined();
      expect(caFile, printed.stdout).toBeDefined();
      expect(existsSync(caFile!)).toBe(true);

      const script = `fetch(${JSON.stringify(`${url}/__mock/state`)}).then((r) => process.exit(r.status === 200 ? 0 : 1), (e) => { console.error(e.cause?.code); process.exit(2); })`;
      expect(await exitCode(process.execPath, ['-e', script], { NODE_EXTRA_CA_CERTS: caFile! })).toBe(0);
      expect(await exitCode(process.execPath, ['-e', script])).toBe(2);
      if (existsSync('/usr/bin/curl'))
        expect(await exitCode('curl', ['-sSf', '-o', '/dev/null', '--cacert', caFile!, `${url}/__mock/state`])).toBe(0);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(existsSync(caFile!)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
