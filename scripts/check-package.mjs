// npm run check:package: build, check that the built main entry imports no Node built-in, pack once, then lint the
// tarball a user would install with publint and @arethetypeswrong/cli (attw). Exits non-zero on any problem.
// `node scripts/check-package.mjs --tarball <file.tgz>` lints a tarball packed already (test/package/consumer.test.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './lib/pipeline.mjs';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const bin = (name) => join(projectRoot, 'node_modules', '.bin', name);

async function step(label, file, args, options = {}) {
  const started = Date.now();
  try {
    const { stdout, stderr } = await run(file, args, { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024, ...options });
    process.stdout.write(stdout);
    process.stderr.write(stderr.replace(/^npm warn Unknown user config.*\n/gm, ''));
  } catch (error) {
    process.stdout.write(error.stdout ?? '');
    process.stderr.write(error.stderr ?? '');
    console.error(`check:package: ${label} failed`);
    process.exit(1);
  }
  console.log(`check:package: ${label} ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** The built main entry and every module it imports, statically or not, must be free of Node built-ins. */
async function checkUniversal(entry) {
  const seen = new Set();
  const nodeImports = [];
  const visit = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*["']([^"']+)["']/g)) {
      if (specifier.startsWith('.')) await visit(resolve(dirname(file), specifier));
      else if (specifier.startsWith('node:') || builtinModules.includes(specifier))
        nodeImports.push(`${file}: ${specifier}`);
    }
  };
  await visit(entry);
  if (nodeImports.length > 0) {
    console.error(`check:package: the main entry imports Node built-ins:\n${nodeImports.join('\n')}`);
    process.exit(1);
  }
  console.log(`check:package: main entry universal ok (${seen.size} modules, no Node built-in)`);
}

const given = process.argv.indexOf('--tarball');
const scratch = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-pack-'));
try {
  let tarball;
  if (given > 0 && process.argv[given + 1]) {
    tarball = resolve(process.argv[given + 1]);
  } else {
    await step('build', npm, ['run', 'build', '--silent']);
    // --ignore-scripts: the build above already ran; prepack would only build a second time.
    const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], {
      cwd: projectRoot,
    });
    tarball = join(scratch, JSON.parse(stdout)[0].filename);
    console.log(`check:package: packed ${tarball}`);
    await checkUniversal(join(projectRoot, 'dist', 'src', 'index.js'));
  }

  // --strict: warnings count as errors too; suggestions are printed (there are none today).
  await step('publint', bin('publint'), ['run', '--strict', tarball]);

  // attw, with two choices that are by design:
  // --profile esm-only: the package is ESM only ("type": "module", no CJS build). It skips the `node10` and
  //   `node16 (from CJS)` resolutions, whose only findings are "CJSResolvesToESM" and, for the `./node` subpath,
  //   node10's "NoResolution" (node10 predates `exports` and its subpaths; no supported Node resolves that way). On the Node versions we support
  //   (engines: >= 20.19) `require('dbt-cloud-ts')` works anyway through require(esm); test/package/consumer.test.ts
  //   proves it on the installed tarball. TypeScript consumers on `module: node20`/`nodenext` (TS >= 5.8) type it too.
  // --exclude-entrypoints ./openapi.yaml: the `./openapi.yaml` export is a data file (the bundled OpenAPI spec,
  //   for tools and `require.resolve`), not a module; attw would report it as "NoResolution" because it has no
  //   JavaScript or type declarations, which it never should have. The same holds for `./jobs.schema.json`.
  await step('attw', bin('attw'), [
    tarball,
    '--profile',
    'esm-only',
    '--exclude-entrypoints',
    './openapi.yaml',
    './jobs.schema.json',
  ]);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
