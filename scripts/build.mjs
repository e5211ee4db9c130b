// npm run build: dist/ as the package ships it.
// - JavaScript: esbuild bundles each entry (the main entry, dbt-cloud-ts/jobs, dbt-cloud-ts/node, dbt-cloud-ts/validate, the CLI) as ESM in one build with
//   code splitting, so what entries share (the client, the error classes) lives in shared chunks and is loaded once:
//   an error thrown by dbt-cloud-ts/node is `instanceof` the class the main entry exports. Fewer, bundled files make
//   the cold import cheaper (issue 14 §5). The dependencies (openapi-fetch, commander) stay external.
// - Types: tsc emits the declarations (dist/src/*.d.ts); generated/schema.d.ts is hand-copied, as tsc does not copy
//   hand-made .d.ts files.
import { execFile } from 'node:child_process';
import { chmod, copyFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { projectRoot } from './lib/pipeline.mjs';

/** The package's entries, by the file they are built from (dist/src/<same path>.js). */
export const entries = [
  'src/index.ts',
  'src/jobs.ts',
  'src/node.ts',
  'src/validate-responses/index.ts',
  'src/cli/index.ts',
];

const run = promisify(execFile);
const dist = join(projectRoot, 'dist');
await rm(dist, { recursive: true, force: true });

const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8'));
await build({
  absWorkingDir: projectRoot,
  entryPoints: entries,
  outbase: 'src',
  outdir: join(dist, 'src'),
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

await run(
  process.execPath,
  [
    join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    join(projectRoot, 'tsconfig.build.json'),
    '--emitDeclarationOnly',
  ],
  { cwd: projectRoot },
);
await copyFile(join(projectRoot, 'generated', 'schema.d.ts'), join(dist, 'generated', 'schema.d.ts'));
await chmod(join(dist, 'src', 'cli', 'index.js'), 0o755);
console.log('built dist/');
