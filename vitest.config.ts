import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/setup/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/prism.global.ts', 'test/setup/cli-build.global.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Most suites wait on child processes and sockets rather than the CPU, so two workers fit a 2-core machine.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
