// The checks `npm test` runs: `node scripts/checks.mjs [--beside <script>] <script>...` runs those npm scripts in the
// order given and prints each one's output whole when it ends, so the logs of two checks never interleave. Alone, it
// runs two at a time (as many as the machine has cores, at most two): each check is a single process (tsc, eslint,
// prettier, ...). With --beside, it starts that npm script at once with its output shown as it comes (the tests) and
// runs the checks one at a time next to it: the checks use the cores the tests leave idle while they wait on child
// processes. It waits for everything and exits 1 if anything failed, naming what.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const usage = 'usage: node scripts/checks.mjs [--beside <npm script>] <npm script>...';

const args = process.argv.slice(2);
let beside;
if (args[0] === '--beside') {
  beside = args[1];
  args.splice(0, 2);
  if (!beside) {
    console.error(usage);
    process.exit(2);
  }
}
const scripts = args;
if (scripts.length === 0) {
  console.error(usage);
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const slots = beside ? 1 : Math.max(1, Math.min(2, availableParallelism()));

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

/** Runs `npm run <script>` with the terminal as its own. */
function runShown(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { cwd: projectRoot, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`> npm run ${script}: ${error.message}`);
      resolve(false);
    });
    child.once('close', (code) => resolve(code === 0));
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
const shown = beside ? runShown(beside).then((ok) => ok || failed.push(beside)) : undefined;
await Promise.all([...Array.from({ length: slots }, worker), shown]);
if (failed.length > 0) {
  console.error(`checks: ${failed.join(', ')} failed`);
  process.exit(1);
}
console.log(`checks: ${scripts.length} passed${beside ? `, and ${beside}` : ''}`);
