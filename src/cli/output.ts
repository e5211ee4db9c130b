// How the CLI talks: human lines or JSON only, progress on a terminal or in CI logs, and exit codes.
import {
  DbtCloudError,
  RunCancelledError,
  RunFailedError,
  ValidationError,
  WaitTimeoutError,
  type Run,
} from '../index.js';

export const exitCodes = { ok: 0, runFailed: 1, runCancelled: 2, waitTimedOut: 3, usage: 4, api: 5 } as const;

export const exitCodeHelp = `Exit codes:
  0  success
  1  the run failed
  2  the run was cancelled
  3  waiting timed out
  4  usage or configuration error
  5  API or network error`;

export interface Output {
  json: boolean;
  /** Data for stdout: JSON in --json mode, else the human text. */
  result(data: unknown, human?: string | (() => string)): void;
  /** A human line on stderr (silent in --json mode). */
  info(line: string): void;
  error(error: unknown): number;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof RunFailedError) return exitCodes.runFailed;
  if (error instanceof RunCancelledError) return exitCodes.runCancelled;
  if (error instanceof WaitTimeoutError) return exitCodes.waitTimedOut;
  if (error instanceof ValidationError || error instanceof UsageError) return exitCodes.usage;
  return exitCodes.api;
}

/** Bad command-line input that is not about the API. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function createOutput(
  json: boolean,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Output {
  return {
    json,
    result(data, human) {
      if (json) stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else stdout.write(`${typeof human === 'function' ? human() : (human ?? JSON.stringify(data, null, 2))}\n`);
    },
    info(line) {
      if (!json) stderr.write(`${line}\n`);
    },
    error(error) {
      const code = exitCodeFor(error);
      if (json) {
        const payload =
          error instanceof DbtCloudError
            ? error.toJSON()
            : { name: (error as Error)?.name ?? 'Error', message: String((error as Error)?.message ?? error) };
        stderr.write(`${JSON.stringify({ error: payload, exitCode: code })}\n`);
      } else {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        stderr.write(`✗ ${message}\n`);
      }
      return code;
    },
  };
}

export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m ${String(s).padStart(2, '0')}s` : `${s}s`;
}

/** Parses `90`, `90s`, `30m`, `2h`, `1500ms` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`not a duration: ${JSON.stringify(text)} (use e.g. 90s, 30m, 2h)`);
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(match[1]) * factor);
}

function currentStep(run: Run): string {
  const steps = [...(run.run_steps ?? [])].sort((a, b) => a.index - b.index);
  const active = steps.find((step) => step.status < 10) ?? steps.at(-1);
  return active ? ` · step ${active.index}/${steps.length} ${active.name}` : '';
}

/**
 * Reports a run's progress: on a terminal one line rewritten in place, elsewhere (CI logs) one line per change.
 */
export function progressReporter(out: Output, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  const tty = Boolean(stream.isTTY) && !out.json;
  return {
    update(run: Run) {
      if (out.json) return;
      const line = `run ${run.id}: ${run.status_humanized} · ${formatDuration(Date.now() - started)}${currentStep(run)}`;
      if (tty) stream.write(`\r\x1b[2K${line}`);
      else stream.write(`${line}\n`);
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
