// Vitest global setup of the projects that start Prism: one static Prism (the spec's examples) for the whole run, on a
// free port, shared by every project that lists this setup, and stopped when the last of them ends. The contract
// tests read it through `inject('prismUrl')`; the other projects start their own mocks.
// It also points every mock the tests start at the project's own cache folder (DBT_CLOUD_MOCK_CACHE_DIR, in
// node_modules/.cache, where build tools keep theirs), never at the user's, and fills it when the spec or Prism
// changed (Prism's operations by this start, the engine's starting data beside it), so every later start (of this run,
// and of the next) reads the processed spec instead of processing it again.
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { bundledSpecPath, startMockServer, type MockServer } from '../../src/node.js';
import { loadSeed } from '../../src/mock/seed.js';
import { testCacheDir } from '../support/engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

/** Global setups run in vitest's own process: the one Prism is kept there, with a count of the projects using it. */
const shared = Symbol.for('dbt-cloud-ts.test.prism');
type Holder = { [shared]?: { mock: Promise<MockServer>; users: number } };

const root = fileURLToPath(new URL('../..', import.meta.url));
const runnerDir = `${root}.test-build/prism-runner-${process.pid}`;

/**
 * Prism's process entry bundled as `npm run build` bundles it, for every mock this run starts from source: through
 * tsx, its loader would stand in front of each of the thousands of modules Prism loads, a second of CPU per start.
 */
async function buildRunner(): Promise<void> {
  const { bundleEntries } = (await import(pathToFileURL(`${root}scripts/lib/bundle-js.mjs`).href)) as {
    bundleEntries(outdir: string, only?: string[]): Promise<void>;
  };
  await bundleEntries(runnerDir, ['src/mock/prism-runner.ts']);
  process.env.DBT_CLOUD_MOCK_RUNNER = `${runnerDir}/mock/prism-runner.js`;
}

export default async function setup(project: TestProject) {
  process.env.DBT_CLOUD_MOCK_CACHE_DIR = testCacheDir;
  const holder = globalThis as Holder;
  const entry = (holder[shared] ??= {
    mock: buildRunner().then(() => startMockServer({ static: true })),
    users: 0,
  });
  // While Prism starts in its own process.
  loadSeed(bundledSpecPath, { cacheDir: testCacheDir });
  entry.users++;
  const mock = await entry.mock;
  project.provide('prismUrl', mock.url);
  return async () => {
    if (--entry.users > 0) return;
    delete holder[shared];
    await mock.stop();
    await rm(runnerDir, { recursive: true, force: true });
  };
}
