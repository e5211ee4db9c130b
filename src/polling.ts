// Waiting for a run to finish: poll get-run with a growing interval until the status is terminal, and the errors a
// wait ends in (the run failed, was cancelled, or was still going at the deadline).
import { RunStatus } from '../generated/enums.js';
import type { components } from '../generated/schema.js';
import { AbortError, DbtCloudError, ResponseFormatError, TimeoutError, ValidationError } from './errors.js';
import type { Clock } from './options.js';
import { isTransientError } from './transport/retry-policy.js';
import { checkBoolean, checkDuration, checkInteger, checkObject } from './validate.js';

type Run = components['schemas']['Run'];

/** Whether a run's status is final: success, error or cancelled. */
export function isTerminal(status: number): boolean {
  return status === RunStatus.Success || status === RunStatus.Error || status === RunStatus.Cancelled;
}

/** The fields of a run the waiting logic reads. */
export interface PolledRun {
  id: number;
  status: number;
  status_humanized?: string | null;
  status_message?: string | null;
  run_steps?: Array<{ index?: number | null; name?: string | null; status?: number | null }> | null;
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
  /** The last run seen, or undefined when no poll answered before the deadline. */
  readonly run: R | undefined;
  constructor(run: R | undefined, timeoutMs: number, runId?: number) {
    super(
      run
        ? `Run ${run.id} was still ${run.status_humanized ?? `in status ${run.status}`} after ${timeoutMs} ms`
        : `No answer about run ${runId ?? '(unknown)'} within ${timeoutMs} ms`,
    );
    this.run = run;
  }
  override toJSON() {
    return { ...super.toJSON(), ...(this.run ? { runId: this.run.id, runStatus: this.run.status } : {}) };
  }
}

/** How long the last look at the deadline may take beyond it. */
const lastLookGraceMs = 2_000;

export interface WaitOptions<R extends PolledRun = Run> {
  /** First interval between polls, in ms. Default 1 000. */
  intervalMs?: number;
  /** The interval grows by half each poll up to this cap, in ms. Default 10 000. */
  maxIntervalMs?: number;
  /**
   * Give up after this long, in ms: a deadline. Sleeps between polls, retry waits (even a long `Retry-After`) and a
   * poll in flight are all cut to it; one last look may take up to 2 s more. Default: no limit.
   */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called when the status or the current step changes, with the run before the change (undefined at first). */
  onProgress?: (run: R, previous: R | undefined) => void;
  /** Throw RunFailedError / RunCancelledError for runs that end in error or cancelled. Default true. */
  throwOnFailure?: boolean;
  /** Transient errors (network, 5xx, 429) tolerated in a row before the wait fails. Default 5. */
  maxConsecutiveErrors?: number;
}

function isKnownStatus(status: unknown): boolean {
  return (Object.values(RunStatus) as unknown[]).includes(status);
}

/** A run whose status is not one the spec defines would never be terminal: refuse it rather than poll forever. */
function checkStatus<R extends PolledRun>(run: R): R {
  if (run === null || typeof run !== 'object' || !isKnownStatus(run.status)) {
    const status = run !== null && typeof run === 'object' ? (JSON.stringify(run.status) ?? 'missing') : 'missing';
    throw new ResponseFormatError(`The run's status is ${status}, not one of ${Object.values(RunStatus).join(', ')}`);
  }
  return run;
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
  if (options.intervalMs !== undefined) checkDuration('intervalMs', options.intervalMs, 1);
  if (options.maxIntervalMs !== undefined) checkDuration('maxIntervalMs', options.maxIntervalMs, 1);
  if (options.timeoutMs !== undefined) checkDuration('timeoutMs', options.timeoutMs, 0);
  if (options.maxConsecutiveErrors !== undefined) checkInteger('maxConsecutiveErrors', options.maxConsecutiveErrors, 0);
  if (options.throwOnFailure !== undefined) checkBoolean('throwOnFailure', options.throwOnFailure);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new ValidationError('onProgress', 'must be a function');
  }
}

/**
 * Polls until the run is terminal. `fetchRun` gets the caller's signal and the deadline (clock time), which the
 * transport applies to its attempts and retry waits, so a wait with `timeoutMs` ends on time.
 */
export async function waitForRun<R extends PolledRun>(
  fetchRun: (signal: AbortSignal | undefined, deadline: number | undefined) => Promise<R>,
  clock: Clock,
  options: WaitOptions<R> = {},
  runId?: number,
): Promise<R> {
  checkWaitOptions(options);
  const { signal, onProgress } = options;
  const maxIntervalMs = options.maxIntervalMs ?? 10_000;
  let interval = Math.min(options.intervalMs ?? 1_000, maxIntervalMs);
  const deadline = options.timeoutMs === undefined ? undefined : clock.now() + options.timeoutMs;
  const maxErrors = options.maxConsecutiveErrors ?? 5;
  let previous: R | undefined;
  let errors = 0;

  const aborted = (reason: unknown) => new AbortError('Waiting for the run was aborted', { cause: reason });
  const finish = (run: R): R => {
    if (options.throwOnFailure === false || run.status === RunStatus.Success) return run;
    if (run.status === RunStatus.Cancelled) throw new RunCancelledError(run);
    throw new RunFailedError(run);
  };

  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason);
    let run: R | undefined;
    try {
      run = checkStatus(await fetchRun(signal, deadline));
      errors = 0;
    } catch (error) {
      if (signal?.aborted) throw aborted(signal.reason);
      // The deadline ended the poll in flight: we were looking just now, so no last look.
      if (deadline !== undefined && error instanceof TimeoutError && clock.now() >= deadline) {
        throw new WaitTimeoutError(previous, options.timeoutMs!, runId);
      }
      if (!isTransientError(error) || ++errors > maxErrors) throw error;
    }
    if (run) {
      if (!previous || previous.status !== run.status || currentStep(previous) !== currentStep(run)) {
        onProgress?.(run, previous);
      }
      previous = run;
      if (isTerminal(run.status)) return finish(run);
    }
    const now = clock.now();
    if (deadline !== undefined && now >= deadline) {
      // One last look: the run may have finished while we slept. An abort now is still an abort.
      let last: R | undefined = previous;
      try {
        last = checkStatus(await fetchRun(signal, now + lastLookGraceMs));
      } catch (error) {
        if (signal?.aborted) throw aborted(signal.reason);
        if (error instanceof ResponseFormatError) throw error;
      }
      // The caller's abort wins over what the last look found.
      if (signal?.aborted) throw aborted(signal.reason);
      if (last && isTerminal(last.status)) {
        if (last !== previous) onProgress?.(last, previous);
        return finish(last);
      }
      throw new WaitTimeoutError(last, options.timeoutMs!, runId);
    }
    try {
      await clock.sleep(deadline === undefined ? interval : Math.min(interval, deadline - now), signal);
    } catch (reason) {
      throw aborted(reason);
    }
    interval = Math.min(Math.round(interval * 1.5), maxIntervalMs);
  }
}
