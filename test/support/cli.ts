// Runs the `dbt-cloud` CLI, as built by the global setup (test/setup/cli-build.global.ts), in a child process and
// collects what it printed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The run's mock cache folder (test/setup/prism.global.ts sets it), handed on to the processes the tests start with a
 * bare environment, so that no test writes to the user's own cache.
 */
export const mockCacheEnv: Record<string, string> = process.env.DBT_CLOUD_MOCK_CACHE_DIR
  ? { DBT_CLOUD_MOCK_CACHE_DIR: process.env.DBT_CLOUD_MOCK_CACHE_DIR }
  : {};

/** The CLI the global setup built for this run (test/setup/cli-build.global.ts). */
export const cliEntry =
  process.env.DBT_CLOUD_TEST_CLI ?? fileURLToPath(new URL('../../.test-build/src/cli/index.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  timeoutMs = 240_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...mockCacheEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dbt-cloud ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningCli {
  /** What the CLI printed so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves once `predicate` holds for what was printed (checked on every chunk). */
  printed(predicate: (output: { stdout: string; stderr: string }) => boolean): Promise<void>;
  /** Resolves when the process has ended. */
  exited: Promise<CliResult>;
  kill(): void;
}

/** Starts the CLI and lets a test react to what it prints while it runs. */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): RunningCli {
  const child = spawn(process.execPath, [cliEntry, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...mockCacheEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = { stdout: '', stderr: '' };
  const watchers = new Set<() => void>();
  const onChunk = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    printed[stream] += chunk;
    for (const watcher of watchers) watcher();
  };
  child.stdout.on('data', onChunk('stdout'));
  child.stderr.on('data', onChunk('stderr'));
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, ...printed }));
  });
  return {
    output: () => ({ ...printed }),
    printed: (predicate) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(printed)) return;
          watchers.delete(check);
          resolve();
        };
        watchers.add(check);
        check();
        exited.then(() => {
          if (watchers.delete(check))
            reject(
              new Error(`the CLI ended before it printed what was awaited:\n${printed.stdout}\n${printed.stderr}`),
            );
        }, reject);
      }),
    exited,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
