// npm run build: compile src/ and generated/ to dist/ (ESM + .d.ts). tsc does not copy hand-made .d.ts files,
// so generated/schema.d.ts is copied beside the compiled enums and fields.
import { execFile } from 'node:child_process';
import { chmod, copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './lib/pipeline.mjs';

const run = promisify(execFile);
const dist = join(projectRoot, 'dist');
await rm(dist, { recursive: true, force: true });
await run(
  process.execPath,
  [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(projectRoot, 'tsconfig.build.json')],
  {
    cwd: projectRoot,
  },
);
await copyFile(join(projectRoot, 'generated', 'schema.d.ts'), join(dist, 'generated', 'schema.d.ts'));
await chmod(join(dist, 'src', 'cli', 'index.js'), 0o755);
console.log('built dist/');
