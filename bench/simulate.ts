// Waiting, in simulated time: a clock whose sleeps move time forward at once, and a fetch that answers get-run from
// that time (Running before the run finishes, Success after). Nothing really sleeps and nothing leaves the process.
import { type Clock, type WaitOptions, createDbtCloud } from '../src/index.js';
import { benchAccountId, benchRunId, benchToken, exampleRun } from './server.js';

export interface SimulatedClock extends Clock {
  advance(ms: number): void;
}

export function simulatedClock(start = 0): SimulatedClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      now += Math.max(0, ms);
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
    },
  };
}

export interface WaitOutcome {
  finishesAfterMs: number;
  requests: number;
  /** From the moment the run finished to the moment wait() returned, in simulated ms. */
  detectionDelayMs: number;
  /** Simulated time wait() took in all. */
  waitedMs: number;
}

/**
 * Starts waiting at simulated time 0 for a run that finishes at `finishesAfterMs`. Every request takes
 * `roundTripMs` of simulated time, and the server reads the run's state halfway through it.
 */
export async function simulateWait(
  finishesAfterMs: number,
  options: Omit<WaitOptions, 'signal' | 'onProgress'>,
  roundTripMs = 200,
): Promise<WaitOutcome> {
  const clock = simulatedClock();
  const template = exampleRun();
  let requests = 0;
  const fetch = async (request: Request): Promise<Response> => {
    if (!new URL(request.url).pathname.endsWith(`/runs/${benchRunId}/`))
      throw new Error(`unexpected request ${request.url}`);
    requests++;
    clock.advance(roundTripMs / 2);
    const finished = clock.now() >= finishesAfterMs;
    clock.advance(roundTripMs / 2);
    const data = {
      ...template,
      status: finished ? 10 : 3,
      status_humanized: finished ? 'Success' : 'Running',
      is_complete: finished,
    };
    return new Response(JSON.stringify({ data, status: { code: 200, is_success: true } }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  // The host is never contacted: every request goes to the fetch above.
  const dbt = createDbtCloud({
    token: benchToken,
    accountId: benchAccountId,
    host: 'http://127.0.0.1:9',
    fetch,
    clock,
  });
  const run = await dbt.runs.wait(benchRunId, options);
  if (run.status !== 10) throw new Error(`wait returned status ${run.status}`);
  return { finishesAfterMs, requests, detectionDelayMs: clock.now() - finishesAfterMs, waitedMs: clock.now() };
}
