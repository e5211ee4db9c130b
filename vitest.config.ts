import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/prism.global.ts', 'test/setup/cli-build.global.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Most suites wait on child processes (Prism, the CLI) and sockets rather than on their own thread, so three
    // workers keep a 2-core machine busier than two: the Node 20 pass took 256 s with three against 280 to 297 s
    // with two, on the same machine the same day, every file passing.
    maxWorkers: 3,
  },
});
