// A short soak inside `npm test`: ~300 mixed operations through the fault proxy (see test/support/soak.ts and
// `npm run soak` for the long one). It also checks that the harness would notice a replayed trigger.
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../support/soak.js';

describe('soak', () => {
  it('300 operations, ~20% of requests faulted: nothing lost, no duplicate trigger, no unhandled rejection, no hang', async () => {
    const result = await runSoak({ operations: 300, faultRate: 0.2, seed: 42, concurrency: 16 });
    expect(result.lostSamples).toEqual([]);
    expect(result).toMatchObject({ lost: 0, duplicateTriggers: 0, unhandledRejections: 0, hangs: 0, ok: true });
    expect(result.faultsInjected).toBeGreaterThan(0);
    expect(result.succeeded).toBeGreaterThan(0);
    expect(result.succeeded + result.typedFailures).toBe(300);
    expect(result.acceptedTriggers).toBeLessThanOrEqual(result.triggerCalls);
    expect(result.line).toMatch(
      /^soak: 300 operations, \d+ faults injected, \d+ succeeded, \d+ typed failures, 0 lost, 0 duplicate triggers, 0 unhandled rejections, 0 hangs$/,
    );
  });

  it('the harness counts a replayed trigger as a duplicate (a fetch that sends every trigger twice)', async () => {
    const replaying = async (request: Request) => {
      if (request.method === 'POST' && request.url.endsWith('/run/')) await fetch(request.clone());
      return fetch(request);
    };
    const result = await runSoak({ operations: 60, faultRate: 0, seed: 7, concurrency: 4, fetch: replaying });
    expect(result.triggerCalls).toBeGreaterThan(0);
    expect(result.duplicateTriggers).toBeGreaterThan(0);
    expect(result.ok).toBe(false);
  });
});
