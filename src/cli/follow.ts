// The one wait path of the CLI, for `run --wait` and `runs wait`: progress while the run goes, the failed step's
// log when it fails, a cancel when the wait times out and that was asked for.
import {
  RunCancelledError,
  RunFailedError,
  RunStatus,
  WaitTimeoutError,
  type DbtCloud,
  type Run,
  type RunStep,
} from '../index.js';
import { progressReporter, type Output, UsageError } from './output.js';
import { given } from './parse.js';

export interface FollowOptions {
  timeoutMs?: number | undefined;
  cancelOnTimeout?: boolean | undefined;
  /** Longest silence in CI logs, from `heartbeatInterval()`. */
  heartbeatMs: number;
  /** Told the run a wait ended on without success (failed, cancelled, or still going at the timeout). */
  onEnd?: (run: Run) => void;
}

const defaultHeartbeatMs = 60_000;

/**
 * How often a waiting CLI without a TTY repeats its progress line: every minute, or what
 * DBT_CLOUD_CLI_HEARTBEAT_MS says (meant for tests, so they need not wait a minute).
 */
export function heartbeatInterval(env: Record<string, string | undefined>): number {
  const value = env.DBT_CLOUD_CLI_HEARTBEAT_MS;
  if (value === undefined || value === '') return defaultHeartbeatMs;
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > 2 ** 31 - 1)
    throw new UsageError(
      `must be a whole number of milliseconds, got ${JSON.stringify(value)}`,
      'DBT_CLOUD_CLI_HEARTBEAT_MS',
    );
  return Number(value);
}

/** Waits for a run to end; resolves with it on success, throws the library's typed error otherwise. */
export async function followRun(dbt: DbtCloud, out: Output, runId: number, options: FollowOptions): Promise<Run> {
  const progress = progressReporter(out, { heartbeatMs: options.heartbeatMs });
  try {
    const run = await dbt.runs.wait(runId, {
      ...given({ timeoutMs: options.timeoutMs }),
      onProgress: (current) => progress.update(current),
    });
    progress.done();
    return run;
  } catch (error) {
    progress.done();
    if (error instanceof WaitTimeoutError && options.cancelOnTimeout) {
      // The timeout stays the outcome (exit 3) whether or not the cancel goes through.
      try {
        await dbt.runs.cancel(runId);
        out.info(`Cancelled run ${runId} after the timeout`);
      } catch (cancelError) {
        out.info(`Could not cancel run ${runId}: ${(cancelError as Error).message}`);
      }
    }
    if (error instanceof RunFailedError) await printFailedStep(dbt, out, error.run as Run);
    const ended = (error as { run?: unknown }).run;
    if (
      options.onEnd &&
      ended &&
      (error instanceof RunFailedError || error instanceof RunCancelledError || error instanceof WaitTimeoutError)
    )
      options.onEnd(ended as Run);
    throw error;
  }
}

/**
 * Prints the tail of the failed step's log, which is what a person needs to see first. The step endpoint has the
 * fuller log; when it fails or sends none, the log the run's own `run_steps` carry is printed instead.
 */
export async function printFailedStep(dbt: DbtCloud, out: Output, run: Run, lines = 40): Promise<void> {
  if (out.json) return;
  const carried: RunStep[] = [...(run.run_steps ?? [])].sort((a, b) => a.index - b.index);
  const steps = carried.length ? carried : await dbt.runs.steps(run.id).catch((): RunStep[] => []);
  const failed = steps.find((step) => step.status === RunStatus.Error) ?? steps.at(-1);
  if (!failed) return;
  let log = await dbt.runs.stepLogs(failed.id).catch(() => '');
  if (log.trim() === '') log = failed.logs ?? '';
  if (log.trim() === '') {
    out.info(`--- step ${failed.index} "${failed.name}": no log available ---`);
    return;
  }
  const tail = log.trimEnd().split('\n').slice(-lines);
  out.info(`--- step ${failed.index} "${failed.name}" (last ${tail.length} lines) ---`);
  out.info(tail.join('\n'));
}
