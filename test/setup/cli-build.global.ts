// Vitest global setup: the CLI as `npm run build` bundles it (scripts/lib/bundle-js.mjs), into a folder of this run
// under .test-build/ (so two runs at once never remove each other's build), and the e2e tests run it as users run
// the built `dbt-cloud`: no TypeScript at run time, a third of the cost of running the sources through tsx.
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = fileURLToPath(new URL(`../../.test-build/run-${process.pid}`, import.meta.url));

export default async function setup() {
  await rm(outdir, { recursive: true, force: true });
  process.env.DBT_CLOUD_TEST_CLI = `${outdir}/src/cli/index.js`;
  const { bundleEntries } = (await import(pathToFileURL(`${root}scripts/lib/bundle-js.mjs`).href)) as {
    bundleEntries(outdir: string, only?: string[]): Promise<void>;
  };
  await bundleEntries(`${outdir}/src`, ['src/cli/index.ts', 'src/mock/prism-runner.ts']);
  return async () => {
    await rm(outdir, { recursive: true, force: true });
  };
}
