// Downloads a run's run_results.json and manifest.json (those it has) to a folder, streaming each to disk.
//
//   npx tsx examples/download-artifacts.ts <run-id> [out-dir] [--last-build]
//
// out-dir defaults to ./target. By default the artifacts are those of the run's last step. In a job whose last step is
// not the build (e.g. `dbt build` then `dbt docs generate`), that step's run_results.json holds no model results:
// pass --last-build to read the last step that built models instead.
//
// Configuration: DBT_CLOUD_API_TOKEN, DBT_CLOUD_ACCOUNT_ID, DBT_CLOUD_HOST (read by createDbtCloud()).
// Exit codes: 0 at least one file written; 1 the run has neither artifact; 4 anything else (arguments, API errors).
//
// Against the mock server: `npm run mock` in one terminal, then in another
//   DBT_CLOUD_HOST=http://127.0.0.1:4010 DBT_CLOUD_API_TOKEN=x DBT_CLOUD_ACCOUNT_ID=43786 \
//     npx tsx examples/download-artifacts.ts 70403103 ./target
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDbtCloud, DbtCloudError, type ArtifactOptions } from '../src/index.js';
import { downloadArtifacts } from '../src/node.js';

const WANTED = ['run_results.json', 'manifest.json'];
const usage = 'Usage: download-artifacts.ts <run-id> [out-dir] [--last-build]';

function fail(message: string, code = 4): never {
  console.error(message);
  process.exit(code);
}

function describeError(error: unknown): string {
  if (error instanceof DbtCloudError) {
    const details = [error.developerMessage, error.requestId && `request id ${error.requestId}`].filter(Boolean);
    return `${error.name}: ${error.message}${details.length ? ` (${details.join('; ')})` : ''}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

const args = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { 'last-build': { type: 'boolean', default: false } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
})();
const [runArg, outArg, ...extra] = args.positionals;
const runId = Number(runArg);
if (!runArg || extra.length > 0 || !Number.isInteger(runId) || runId < 1)
  fail(`${usage}   (run-id: a positive whole number)`);
const outDir = resolve(outArg ?? 'target');
const options: ArtifactOptions = args.values['last-build'] ? { step: 'last-build' } : {};

try {
  const dbt = createDbtCloud();
  const available = await dbt.artifacts.list(runId, options);
  console.log(`Run ${runId} saved ${available.length} artifacts${options.step ? ' in its last build step' : ''}`);
  const present = WANTED.filter((path) => available.includes(path));
  const missing = WANTED.filter((path) => !available.includes(path));
  if (missing.length) console.log(`  not saved by this run: ${missing.join(', ')}`);
  if (present.length === 0) fail(`Run ${runId} has none of ${WANTED.join(', ')}; nothing to download.`, 1);

  const files = await downloadArtifacts(dbt, runId, present, outDir, options);
  for (const file of files) {
    const { size } = await stat(file);
    const shown = relative(process.cwd(), file);
    console.log(`  wrote ${shown.startsWith('..') ? file : shown} (${humanSize(size)}, ${size} bytes)`);
  }
} catch (error) {
  fail(describeError(error));
}
