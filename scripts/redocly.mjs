// npm run lint:spec / npm run docs: Redocly CLI with its Node.js 20 end-of-life box left out.
// The package runs on Node 20.19 and later; Redocly is only a development tool here, pinned, and its own note
// that future releases will need Node 22 says nothing about ours (see CONTRIBUTING.md, "Node versions").
// Everything else Redocly prints, and its exit code, pass through unchanged.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Removes the boxed Node.js 20 notice (a `╔` line to the next `╚` line that mentions Node.js 20) and the blank line
 * around it; any other box, or any other line, is kept.
 */
export function withoutNodeNotice(text) {
  const lines = text.split('\n');
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trimStart().startsWith('╔')) {
      const end = lines.findIndex((line, j) => j > i && line.trimStart().startsWith('╚'));
      const box = end === -1 ? [] : lines.slice(i, end + 1);
      if (box.some((line) => /Node\.js 20\b/.test(line))) {
        if (kept.at(-1) === '') kept.pop();
        i = end + (lines[end + 1] === '' ? 1 : 0);
        continue;
      }
    }
    kept.push(lines[i]);
  }
  return kept.join('\n');
}

function redoclyBin() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
}

async function main(args) {
  const child = spawn(process.execPath, [redoclyBin(), ...args], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  // The notice is written to stderr before anything else, in one piece: hold stderr back until it has been seen
  // or cannot come any more, then pass it through as it arrives.
  let head = '';
  let passing = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    if (passing) return void process.stderr.write(chunk);
    head += chunk;
    const closed = head.includes('╚') || (!head.trimStart().startsWith('╔') && head.trim() !== '');
    if (closed) {
      passing = true;
      process.stderr.write(withoutNodeNotice(head));
    }
  });
  const code = await new Promise((resolve) => child.on('close', (status, signal) => resolve(signal ? 1 : status)));
  if (!passing) process.stderr.write(withoutNodeNotice(head));
  return code ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
