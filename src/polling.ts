// Waiting for a run to finish: poll get-run with a growing interval until the status is terminal.
import { AbortError, DbtCloudError, TimeoutError, ValidationError } from './errors.js';
import type { components } from '../generated/schema.js';
import type { Clock } from './options.js';
import { checkBoolean, checkInteger, checkObject } from './validate.js';

type Run = components['schemas']['Run'];

export const RunStatusCode = { Queued: 1, Starting: 2, Running: 3, Success: 10, Error: 20, Cancelled: 30 } as const;

/** The fields of a run the waiting logic reads. */
export interface PolledRun {
  id: number;
  status: number;
  status_humanized?: string | null;
  status_message?: string | null;
  run_steps?: Array<{ index?: number | null; name?: string | null; status?: number | null }> | null;
}

export interface WaitOptions<R extends PolledRun = Run> {
  /** First interval between polls, in ms. Default 1 000. */
  intervalMs?: number;
  /** The interval grows by half each poll up to this cap, in ms. Default 10 000. */
  maxIntervalMs?: number;
  /** Give up after this long, in ms. Default: no limit. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called when the status or the current step changes, with the run before the change (undefined at first). */
  onProgress?: (run: R, previous: R | undefined) => void;
  /** Throw RunFailedError / RunCancelledError for runs that end in error or cancelled. Default true. */
  throwOnFailure?: boolean;
  /** Transient errors (network, 5xx, 429) tolerated in a row before the wait fails. Default 5. */
  maxConsecutiveErrors?: number;
}

export class RunFailedError<R extends PolledRun = Run> extends DbtCloudError {
  override name = 'RunFailedError';
  constructor(readonly run: R) {
    super(`Run ${run.id} failed${run.status_message ? `: ${run.status_message}` : ''}`);
  }
  override toJSON() {
    return { ...super.toJSON(), runId: this.run.id, runStatus: this.run.status };
  }
}

export class RunCancelledError<R extends PolledRun = Run> extends DbtCloudError {
  override name = 'RunCancelledError';
  constructor(readonly run: R) {
    super(`Run ${run.id} was cancelled${run.status_message ? `: ${run.status_message}` : ''}`);
  }
  override toJSON() {
    return { ...super.toJSON(), runId: this.run.id, runStatus: this.run.status };
  }
}

export class WaitTimeoutError<R extends PolledRun = Run> extends TimeoutError {
  override name = 'WaitTimeoutError';
  constructor(
    readonly run: R,
    timeoutMs: number,
  ) {
    super(`Run ${run.id} was still ${run.status_humanized ?? `in status ${run.status}`} after ${timeoutMs} ms`);
  }
  override toJSON() {
    return { ...super.toJSON(), runId: this.run.id, runStatus: this.run.status };
  }
}

// A comparison, not a Set built on import: the main entry does no work when it is imported.
export function isTerminal(status: number): boolean {
  return status === RunStatusCode.Success || status === RunStatusCode.Error || status === RunStatusCode.Cancelled;
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof DbtCloudError) || error instanceof AbortError) return false;
  if (error.status === undefined) return error.name === 'ConnectionError' || error.name === 'TimeoutError';
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

function currentStep(run: PolledRun): string | undefined {
  const steps = run.run_steps ?? [];
  const active = [...steps].reverse().find((s) => s.status !== null && s.status !== undefined && !isTerminal(s.status));
  const step = active ?? steps[steps.length - 1];
  return step ? `${step.index ?? ''}:${step.name ?? ''}:${step.status ?? ''}` : undefined;
}

/** Checks wait options before the first request: a NaN or negative interval would poll the API without pause. */
export function checkWaitOptions(options: WaitOptions<never> | undefined): void {
  if (options === undefined) return;
  checkObject('options', options);
  if (options.intervalMs !== undefined) checkInteger('intervalMs', options.intervalMs, 1);
  if (options.maxIntervalMs !== undefined) checkInteger('maxIntervalMs', options.maxIntervalMs, 1);
  if (options.timeoutMs !== undefined) checkInteger('timeoutMs', options.timeoutMs, 0);
  if (options.maxConsecutiveErrors !== undefined) checkInteger('maxConsecutiveErrors', options.maxConsecutiveErrors, 0);
  if (options.throwOnFailure !== undefined) checkBoolean('throwOnFailure', options.throwOnFailure);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new ValidationError('onProgress', 'must be a function');
  }
}

export async function waitForRun<R extends PolledRun>(
  fetchRun: (signal?: AbortSignal) => Promise<R>,
  clock: Clock,
  options: WaitOptions<R> = {},
): Promise<R> {
  checkWaitOptions(options as WaitOptions<never>);
  const { signal, onProgress } = options;
  const maxIntervalMs = options.maxIntervalMs ?? 10_000;
  let interval = Math.min(options.intervalMs ?? 1_000, maxIntervalMs);
  const deadline = options.timeoutMs === undefined ? Infinity : clock.now() + options.timeoutMs;
  const maxErrors = options.maxConsecutiveErrors ?? 5;
  let previous: R | undefined;
  let errors = 0;

  const aborted = (reason: unknown) => new AbortError('Waiting for the run was aborted', { cause: reason });
  const finish = (run: R): R => {
    if (options.throwOnFailure === false || run.status === RunStatusCode.Success) return run;
    if (run.status === RunStatusCode.Cancelled) throw new RunCancelledError(run);
    throw new RunFailedError(run);
  };

  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason);
    let run: R | undefined;
    try {
      run = await fetchRun(signal);
      errors = 0;
    } catch (error) {
      if (signal?.aborted) throw aborted(signal.reason);
      if (!isTransient(error) || ++errors > maxErrors) throw error;
    }
    if (run) {
      if (!previous || previous.status !== run.status || currentStep(previous) !== currentStep(run)) {
        onProgress?.(run, previous);
      }
      previous = run;
      if (isTerminal(run.status)) return finish(run);
    }
    const now = clock.now();
    if (now >= deadline) {
      // One last look: the run may have finished while we slept.
      const last = await fetchRun(signal).catch(() => previous);
      if (last && isTerminal(last.status)) {
        if (last !== previous) onProgress?.(last, previous);
        return finish(last);
      }
      throw new WaitTimeoutError(last ?? ({ id: -1, status: 0 } as R), options.timeoutMs!);
    }
    try {
      await clock.sleep(Math.min(interval, deadline - now), signal);
    } catch (reason) {
      throw aborted(reason);
    }
    interval = Math.min(Math.round(interval * 1.5), maxIntervalMs);
  }
}
