// The mock as a CI job meets it, for bench/run.ts section 7: the built `dbt-cloud mock` (or Prism's own CLI, for
// reference) started as a process and timed from spawn to the line that says where it listens; and a fixed number of
// concurrent pollers, each asking for the same URL again as soon as it has its answer, for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { median } from './stats.js';

export interface StartedProcess {
  /** Milliseconds from spawn to the line naming the URL. */
  ms: number;
  url: string;
  /** Ends the process (SIGTERM, then SIGKILL) and waits for it. */
  stop(): Promise<void>;
}

/** Spawns `command args` and waits for `ready` to match its output (stdout and stderr); `ready`'s group 1 is the URL. */
export function startUntil(
  command: string,
  args: string[],
  ready: RegExp,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; detached?: boolean } = {},
): Promise<StartedProcess> {
  const started = performance.now();
  // Detached: the process leads its own group, so stop() also ends what it started (Prism's own child processes).
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) signal(child, 'SIGTERM', options.detached);
    const timer = setTimeout(() => signal(child, 'SIGKILL', options.detached), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} ${args.join(' ')} did not start within ${options.timeoutMs ?? 120_000} ms`));
    }, options.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      // Only what a line says once it is whole.
      const match = ready.exec(output.slice(0, output.lastIndexOf('\n') + 1));
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      // Keep reading: an unread pipe fills up and stalls the process.
      child.stdout.resume();
      child.stderr.resume();
      resolve({ ms: performance.now() - started, url: match[1]!, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function signal(child: ChildProcess, name: NodeJS.Signals, group = false): void {
  try {
    if (group) process.kill(-child.pid!, name);
    else child.kill(name);
  } catch {
    // Already gone.
  }
}

/** `dbt-cloud mock --port 0 --json` from the built CLI, with `cacheDir` as its operations cache. */
export function startMockCli(cliEntry: string, cacheDir: string, flags: string[] = []): Promise<StartedProcess> {
  return startUntil(process.execPath, [cliEntry, 'mock', '--port', '0', '--json', ...flags], /"url": "([^"]+)"/, {
    env: { ...process.env, DBT_CLOUD_MOCK_CACHE_DIR: cacheDir },
  });
}

/** Prism's own CLI as a validating proxy on `specPath` (it processes the spec on every start, and warms nothing up). */
export function startPrismCli(specPath: string): Promise<StartedProcess> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist');
  return startUntil(
    process.execPath,
    [join(cli, 'index.js'), 'proxy', specPath, 'http://127.0.0.1:9', '--errors', '--port', '0', '-h', '127.0.0.1'],
    /Prism is listening on (http:\/\/\S+)/,
    { detached: true },
  );
}

export interface PollResult {
  concurrency: number;
  seconds: number;
  requests: number;
  /** Answers that were not 2xx, and requests that failed. */
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * `concurrency` pollers, each sending GET `url` again as soon as it has read the answer, for `durationMs`; a request
 * still in flight at the end is waited for and counted.
 */
export async function poll(
  url: string,
  headers: Record<string, string>,
  concurrency: number,
  durationMs: number,
): Promise<PollResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + durationMs;
  const poller = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      try {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, poller));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    concurrency,
    seconds,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50Ms: median(sorted),
    p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN,
  };
}
