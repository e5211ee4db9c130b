// The checks `npm test` runs before the tests: `node scripts/checks.mjs <script>...` runs those npm scripts two at a
// time (as many as the machine has cores, at most two), in the order given, and prints each one's output whole when
// it ends, so the logs of two checks never interleave. It waits for every check and exits 1 if any failed, naming them.
// Two at once roughly halves the wall time on two cores: each check is a single process (tsc, eslint, prettier, ...).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/checks.mjs <npm script>...');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const slots = Math.max(1, Math.min(2, availableParallelism()));

/** Runs `npm run <script>`, its stdout and stderr kept in the order they came. */
function run(script) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(npm, ['run', '--silent', script], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (code, error) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      const verdict = code === 0 ? 'ok' : `failed (${error ?? `exit ${code}`})`;
      console.log(`> npm run ${script}: ${verdict} in ${seconds} s${text ? `\n${text}` : ''}\n`);
      resolve(code === 0);
    };
    child.once('error', (error) => finish(1, error.message));
    child.once('close', (code, signal) => finish(code ?? 1, signal ? `ended by ${signal}` : undefined));
  });
}

const failed = [];
let next = 0;
async function worker() {
  while (next < scripts.length) {
    const script = scripts[next++];
    if (!(await run(script))) failed.push(script);
  }
}
await Promise.all(Array.from({ length: slots }, worker));
if (failed.length > 0) {
  console.error(`checks: ${failed.join(', ')} failed`);
  process.exit(1);
}
console.log(`checks: ${scripts.length} passed`);
