// Vitest global setup: one Prism for the whole run, on a free port, stopped at the end. It serves the spec's
// examples (static mode): the contract tests check the spec and its examples; test/mock/ starts stateful mocks.
// It also gives the run its own mock cache folder (DBT_CLOUD_MOCK_CACHE_DIR, removed at the end): this first start
// fills it, so every later Prism start in the run reads the processed spec instead of processing it again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../src/node.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cacheDir = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-mock-cache-'));
  process.env.DBT_CLOUD_MOCK_CACHE_DIR = cacheDir;
  const mock = await startMockServer({ static: true });
  project.provide('prismUrl', mock.url);
  return async () => {
    await mock.stop();
    await rm(cacheDir, { recursive: true, force: true });
  };
}
