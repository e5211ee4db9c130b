// The package as a user gets it: `npm pack`, installed into a fresh project with TypeScript and Prism from the
// registry, then used the ways README promises: import, require (require(esm), Node >= 20.19), a strict
// NodeNext type check, the `dbt-cloud` command and its mock server. publint and attw lint the same tarball
// (what `npm run check:package` does, which is too slow to run on its own in `npm test`).
// Nothing here reads src/: only what is inside the tarball.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs a command to its end and never rejects: the caller looks at the code and the output. The limit only stops a
 * hang: packing, installing and type-checking take minutes on a loaded machine.
 */
function exec(file: string, args: string[], cwd: string, timeoutMs = 600_000): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({
          code,
          stdout,
          stderr: error && code !== 0 && !stderr ? String(error) : stderr,
          ms: Date.now() - started,
        });
      },
    );
  });
}

const ok = (what: string, result: Result) => {
  if (result.code !== 0)
    throw new Error(`${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  return result;
};

const timings: Record<string, number> = {};
let registryUp = false;
let work: string;
let project: string;
let lint: Promise<Result>;

beforeAll(async () => {
  // The registry is needed for TypeScript and Prism; without it, skip rather than fail.
  const ping = await exec(npm, ['ping', '--fetch-retries=0', '--fetch-timeout=10000'], root, 60_000);
  registryUp = ping.code === 0;
  if (!registryUp) {
    console.warn(
      `skipping the package consumer tests: npm ping failed (exit ${ping.code}) ${ping.stderr.split('\n').find((line) => /error/i.test(line)) ?? ''}`,
    );
    return;
  }

  work = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-consumer-'));
  project = join(work, 'app');
  await mkdir(project);
  // `npm pack` runs prepack, which builds dist/ first: the tarball is exactly what `npm publish` would upload.
  const pack = ok('npm pack', await exec(npm, ['pack', '--pack-destination', work], root));
  timings.pack = pack.ms;
  // stdout also holds the prepack build's output: take the tarball from the folder instead.
  const tarball = join(
    work,
    (await readdir(work)).find((name) => name.endsWith('.tgz'))!,
  );

  lint = exec(process.execPath, [join(root, 'scripts', 'check-package.mjs'), '--tarball', tarball], root);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  const install = ok(
    'npm install',
    await exec(
      npm,
      [
        'install',
        tarball,
        'typescript@5.9.3',
        '@stoplight/prism-cli@5.14.2',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
      ],
      project,
    ),
  );
  timings.install = install.ms;
});

afterAll(async () => {
  console.log(`consumer test timings (ms): ${JSON.stringify(timings)}`);
  // The lint runs beside the tests; a failed beforeAll may leave it running.
  await lint?.catch(() => undefined);
  if (work) await rm(work, { recursive: true, force: true });
});

// Each step runs a tool over the whole package (tsc, publint, attw, npx): minutes on a loaded machine.
describe('the packed package, installed in a fresh project', { timeout: 300_000 }, () => {
  it('is clean under publint and attw (npm run check:package)', async (ctx) => {
    if (!registryUp) ctx.skip('npm registry unreachable (npm ping failed): the packaging tests need it');
    const result = await lint;
    timings.publintAttw = result.ms;
    ok('publint + attw', result);
    expect(result.stdout).toContain('All good!');
    expect(result.stdout).toMatch(/check:package: attw ok/);
  });

  it('imports as ESM and creates a client without the network', async (ctx) => {
    if (!registryUp) ctx.skip('npm registry unreachable (npm ping failed): the packaging tests need it');
    await writeFile(
      join(project, 'use.mjs'),
      `import { existsSync } from 'node:fs';
import { createDbtCloud, RunStatus, version, NotFoundError, ValidationError } from 'dbt-cloud-ts';
import { bundledSpecPath, downloadArtifacts, startMockServer } from 'dbt-cloud-ts/node';
import { createJobsAsCode, JobsConfigError, pendingChanges } from 'dbt-cloud-ts/jobs';
const dbt = createDbtCloud({ token: 'dbtc_fake_token', accountId: 43786, region: 'emea' });
// Jobs as code works on a client the program made; its errors are the classes dbt-cloud-ts/jobs exports.
const badConfig = await createJobsAsCode(dbt).plan({ jobs: { nightly: { name: 'Nightly' } } }).catch((error) => error);
// The two entries share one copy of the error classes: a refusal from dbt-cloud-ts/node is the main entry's class.
const refusal = await downloadArtifacts(dbt, 0, ['run_results.json'], 'target').catch((error) => error);
console.log(JSON.stringify({
  baseUrl: dbt.baseUrl,
  api: typeof dbt.api.GET,
  runs: typeof dbt.runs.get,
  success: RunStatus.Success,
  version,
  spec: existsSync(bundledSpecPath) ? bundledSpecPath : null,
  specExport: import.meta.resolve('dbt-cloud-ts/openapi.yaml'),
  errors: typeof NotFoundError,
  nodeEntry: [typeof downloadArtifacts, typeof startMockServer],
  sharedErrors: refusal instanceof ValidationError && refusal.field,
  jobsEntry: [typeof pendingChanges, badConfig instanceof JobsConfigError, badConfig.issues?.length > 0],
}));
`,
    );
    const result = ok('node use.mjs', await exec(process.execPath, ['use.mjs'], project));
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      baseUrl: 'https://emea.dbt.com',
      api: 'function',
      runs: 'function',
      success: 10,
      version: (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version,
      errors: 'function',
      nodeEntry: ['function', 'function'],
      sharedErrors: 'runId',
      jobsEntry: ['function', true, true],
    });
    expect(out.spec).toBe(join(project, 'node_modules', 'dbt-cloud-ts', 'generated', 'openapi.yaml'));
    expect(out.specExport).toMatch(/\/node_modules\/dbt-cloud-ts\/generated\/openapi\.yaml$/);
  });

  it('loads with require() from CommonJS (require(esm), Node >= 20.19)', async (ctx) => {
    if (!registryUp) ctx.skip('npm registry unreachable (npm ping failed): the packaging tests need it');
    await writeFile(
      join(project, 'use.cjs'),
      `const { createHmac } = require('node:crypto');
const { createDbtCloud, RunStatus, verifyWebhookSignature } = require('dbt-cloud-ts');
const dbt = createDbtCloud({ token: 'dbtc_fake_token', accountId: 43786 });
// The webhook check, through require(esm): the packed package must ship all that it loads.
const body = '{"eventType":"job.run.completed","eventId":"wev_1","data":{}}';
const signature = createHmac('sha256', 'whsec_x').update(body).digest('hex');
verifyWebhookSignature(body, signature, 'whsec_x').then((verified) =>
  console.log(JSON.stringify({ baseUrl: dbt.baseUrl, success: RunStatus.Success, verified })),
);
`,
    );
    const result = ok('node use.cjs', await exec(process.execPath, ['use.cjs'], project));
    expect(JSON.parse(result.stdout)).toEqual({ baseUrl: 'https://cloud.getdbt.com', success: 10, verified: true });
  });

  it("type-checks a strict NodeNext program with the project's own tsc", async (ctx) => {
    if (!registryUp) ctx.skip('npm registry unreachable (npm ping failed): the packaging tests need it');
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        // No skipLibCheck: the package's own .d.ts files are checked too.
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: [],
        },
        include: ['program.ts'],
      }),
    );
    await writeFile(
      join(project, 'program.ts'),
      `import { createDbtCloud, RunStatus, type Run } from 'dbt-cloud-ts';

const dbt = createDbtCloud({ token: 'dbtc_fake_token', accountId: 43786 });

export async function isGreen(runId: number): Promise<boolean> {
  const { data, error } = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
    params: { path: { account_id: 43786, id: runId }, query: { include_related: 'job,run_steps' } },
  });
  if (error) throw new Error(error.status.user_message ?? 'dbt Cloud answered with an error');
  const status: number = data.data.status;
  return status === RunStatus.Success;
}

export async function latest(): Promise<Run> {
  return dbt.runs.get(70403103);
}

// The types are real, not any: a wrong path and a missing parameter do not compile.
// @ts-expect-error no such operation
void dbt.api.GET('/api/v2/accounts/{account_id}/no-such-thing/', {});
// @ts-expect-error the path needs account_id and id
void dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path: { id: 1 } } });
`,
    );
    const tsc = await exec(
      process.execPath,
      [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      project,
    );
    timings.tsc = tsc.ms;
    ok('tsc', tsc);
  });

  it('runs `npx dbt-cloud --help`', async (ctx) => {
    if (!registryUp) ctx.skip('npm registry unreachable (npm ping failed): the packaging tests need it');
    const result = ok('npx dbt-cloud --help', await exec(npx, ['--no-install', 'dbt-cloud', '--help'], project));
    expect(result.stdout).toMatch(/Usage: dbt-cloud/);
    expect(result.stdout).toMatch(/\bmock\b/);
  });

  it('runs `npx dbt-cloud mock --port 0 --json`, serves a run, and exits 0 on SIGTERM', async (ctx) => {
    if (!registryUp) ctx.skip('npm registry unreachable (npm ping failed): the packaging tests need it');
    const started = Date.now();
    // detached: npx and what it starts form one process group, so the finally block can end all of it.
    const child = spawn(npx, ['--no-install', 'dbt-cloud', 'mock', '--port', '0', '--json'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let ready: { url: string; pid: number } | undefined;
    let cliPid: number | undefined;
    try {
      // --json prints one JSON document, { url, pid } (pid: Prism's), once Prism listens.
      ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no URL from dbt-cloud mock within 240 s\n${stdout}\n${stderr}`)),
          240_000,
        );
        child.stdout.on('data', () => {
          try {
            const parsed = JSON.parse(stdout) as { url: string; pid: number };
            clearTimeout(timer);
            resolve(parsed);
          } catch {
            // Not all of it yet.
          }
        });
        child.once('exit', (code) =>
          reject(new Error(`dbt-cloud mock exited ${code} before listening\n${stdout}\n${stderr}`)),
        );
      });
      timings.mockStart = Date.now() - started;
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const response = await fetch(`${ready.url}/api/v2/accounts/43786/runs/70403103/`, {
        headers: { Authorization: 'Token x' },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { id: number; status: number } };
      expect(body.data.id).toBe(70403103);

      // SIGTERM the dbt-cloud process itself (Prism's parent), as a process manager would. Signalling npx
      // instead would test npm: it re-raises the signal on itself and exits by signal, not with the CLI's code.
      const stat = await readFile(`/proc/${ready.pid}/stat`, 'utf8');
      cliPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      expect(await readFile(`/proc/${cliPid}/cmdline`, 'utf8')).toContain('dbt-cloud');
      process.kill(cliPid, 'SIGTERM');
      expect(await exited).toBe(0);
      // Prism (its own process group) went down with it.
      expect(() => process.kill(ready!.pid, 0)).toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM (not SIGKILL) so the CLI still stops Prism; then make sure Prism's group is gone too.
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // Already gone.
        }
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      }
      if (ready) {
        try {
          process.kill(-ready.pid, 'SIGKILL');
        } catch {
          // Already gone, as it should be.
        }
      }
    }
  });
});
