// Vitest global setup: the CLI as `npm run build` bundles it (scripts/lib/bundle-js.mjs), into .test-build/ under
// the project root, so the e2e tests run `node .test-build/src/cli/index.js` as users run the built `dbt-cloud`. A
// process per CLI call then costs a third of what `node --import tsx src/cli/index.ts` did (no TypeScript at run time).
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = fileURLToPath(new URL('../../.test-build', import.meta.url));

export default async function setup() {
  await rm(outdir, { recursive: true, force: true });
  const { bundleEntries } = (await import(pathToFileURL(`${root}scripts/lib/bundle-js.mjs`).href)) as {
    bundleEntries(outdir: string, only?: string[]): Promise<void>;
  };
  await bundleEntries(`${outdir}/src`, ['src/cli/index.ts', 'src/mock/prism-runner.ts']);
  return async () => {
    await rm(outdir, { recursive: true, force: true });
  };
}
