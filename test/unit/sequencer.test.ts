// The order vitest starts test files in (test/setup/sequencer.ts), with vitest's context stubbed.
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LongestFirstSequencer } from '../setup/sequencer.js';

const root = '/project';
const file = (path: string) =>
  ({
    moduleId: `${root}/${path}`,
    project: { name: '', config: { sequence: { groupOrder: 0 }, isolate: true } },
  }) as unknown as TestSpecification;

function sequencer(lastSeconds: Record<string, number> = {}) {
  const ctx = {
    config: { root },
    cache: {
      getFileTestResults: (key: string) => {
        const seconds = lastSeconds[key.slice(1)];
        return seconds === undefined ? undefined : { duration: seconds * 1000, failed: false };
      },
      getFileStats: () => undefined,
    },
  };
  return new LongestFirstSequencer(ctx as unknown as Vitest);
}

const files = [
  'test/unit/lazy.test.ts',
  'test/contract/operations.test.ts',
  'test/unit/options.test.ts',
  'test/package/consumer.test.ts',
];
const order = async (seq: LongestFirstSequencer) =>
  (await seq.sort(files.map(file))).map((spec) => spec.moduleId.slice(root.length + 1));

describe('LongestFirstSequencer', () => {
  it('starts the files known to be slow first when vitest has no times of its own (a clean clone)', async () => {
    expect(await order(sequencer())).toEqual([
      'test/package/consumer.test.ts',
      'test/contract/operations.test.ts',
      'test/unit/lazy.test.ts',
      'test/unit/options.test.ts',
    ]);
  });

  it("follows vitest's own times of the last run when it has them", async () => {
    const last = {
      'test/unit/lazy.test.ts': 90,
      'test/contract/operations.test.ts': 1,
      'test/unit/options.test.ts': 2,
      'test/package/consumer.test.ts': 3,
    };
    expect(await order(sequencer(last))).toEqual([
      'test/unit/lazy.test.ts',
      'test/package/consumer.test.ts',
      'test/unit/options.test.ts',
      'test/contract/operations.test.ts',
    ]);
  });
});
