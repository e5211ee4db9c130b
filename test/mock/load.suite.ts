// 50 runs triggered at once, each polled to its end through Prism's validating proxy: no error, no spec violation.
// It prints the requests per second the mock held; it asserts no timing. test/mock/stateful.test.ts registers this
// suite on its own mock (one Prism start fewer per pass), which steps each run one state per poll.
import { describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/node.js';
import { apiClient } from './support.js';

const runCount = 50;
const maxPollsPerRun = 400;
/** The load suite, on the mock `currentMock` gives (started and reset by the file that registers it). */
export function describeLoad(currentMock: () => MockServer) {
  describe('load', () => {
    it(`triggers ${runCount} runs at once and polls each to Success with no error and no spec violation`, async () => {
      const mock = currentMock();
      const api = apiClient(mock.url);
      let requests = 0;
      const failures: string[] = [];
      const started = performance.now();

      const triggered = await Promise.all(
        Array.from({ length: runCount }, async (_, index) => {
          requests++;
          const answer = await api('POST', '/jobs/567183/run/', { cause: `load ${index}` });
          if (answer.status !== 200) failures.push(`trigger ${index}: ${answer.status} ${answer.text.slice(0, 200)}`);
          return answer.body?.data?.id as number;
        }),
      );
      expect(new Set(triggered).size).toBe(runCount);

      const finals = await Promise.all(
        triggered.map(async (id) => {
          for (let poll = 0; poll < maxPollsPerRun; poll++) {
            requests++;
            const answer = await api('GET', `/runs/${id}/`);
            if (answer.status !== 200) {
              failures.push(`run ${id}: ${answer.status} ${answer.text.slice(0, 200)}`);
              return undefined;
            }
            if (answer.body.data.is_complete) return answer.body.data.status as number;
            // Pace the polls a little, as a client would; the loop ends on the run's state, not on time.
            await new Promise((done) => setTimeout(done, 100));
          }
          return undefined;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `load: ${runCount} runs, ${requests} requests in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(0)} requests/s through Prism --errors`,
      );

      expect(failures).toEqual([]);
      expect(finals).toEqual(Array(runCount).fill(10));
      const state = await mock.state();
      expect(state?.violations.count).toBe(0);
      expect(state?.runs.byStatus['10']).toBe(runCount + 1); // and the seeded success
    });
  });
}
