// npm run build: dist/ as the package ships it.
// - JavaScript: esbuild bundles each entry (the main entry, dbt-cloud-ts/jobs, dbt-cloud-ts/node, dbt-cloud-ts/validate, the CLI) as ESM in one build with
//   code splitting, so what entries share (the client, the error classes) lives in shared chunks and is loaded once:
//   an error thrown by dbt-cloud-ts/node is `instanceof` the class the main entry exports. Fewer, bundled files make
//   the cold import cheaper. The dependencies (openapi-fetch, commander) stay external.
// - Types: tsc emits the declarations (dist/src/*.d.ts); generated/schema.d.ts is hand-copied, as tsc does not copy
//   hand-made .d.ts files.
import { execFile } from 'node:child_process';
import { chmod, copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleEntries } from './lib/bundle-js.mjs';
import { projectRoot } from './lib/pipeline.mjs';

const run = promisify(execFile);
const dist = join(projectRoot, 'dist');
await rm(dist, { recursive: true, force: true });
await bundleEntries(join(dist, 'src'));

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
