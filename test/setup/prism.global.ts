// Vitest global setup: one Prism for the whole run, on a free port, stopped at the end. It serves the spec's
// examples (static mode): the contract tests check the spec and its examples; test/mock/ starts stateful mocks.
// It also points every mock the tests start at the project's own cache folder (DBT_CLOUD_MOCK_CACHE_DIR, in
// node_modules/.cache, where build tools keep theirs), never at the user's: this first start fills it when the spec
// or Prism changed, so every later Prism start (of this run, of the Node 24 pass, of the next run) reads the processed
// spec instead of processing it again.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../src/node.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  process.env.DBT_CLOUD_MOCK_CACHE_DIR = fileURLToPath(
    new URL('../../node_modules/.cache/dbt-cloud-ts-mock', import.meta.url),
  );
  const mock = await startMockServer({ static: true });
  project.provide('prismUrl', mock.url);
  return async () => {
    await mock.stop();
  };
}
