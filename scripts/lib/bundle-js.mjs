// The JavaScript half of `npm run build`, shared with the tests' global setup (which runs the CLI as built, not
// through tsx): esbuild bundles the entries as ESM with code splitting, dependencies and Node built-ins external.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from './pipeline.mjs';

/** The package's entries, by the file they are built from (<outdir>/<same path under src>.js). */
export const entries = [
  'src/index.ts',
  'src/jobs.ts',
  'src/node.ts',
  'src/validate-responses/index.ts',
  'src/cli/index.ts',
  // Not an export: the Prism process's own entry, started by the mock launcher (src/mock/prism.ts).
  'src/mock/prism-runner.ts',
];

/** Bundles `only` (default: every entry) into `outdir` (e.g. dist/src). */
export async function bundleEntries(outdir, only = entries) {
  const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8'));
  await build({
    absWorkingDir: projectRoot,
    entryPoints: only,
    outbase: 'src',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    // Node built-ins are used by the Node-only entries; the dependencies are installed beside the package.
    external: ['node:*', ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
}
