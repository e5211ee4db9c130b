// The runtime matrix: the smoke program (smoke.ts: a client, one run, a paged list, a webhook signature, the typed
// error of a 404) bundled from the main entry, run by Node 22, Node 24, Deno 2, Bun 1, Cloudflare's workerd and headless
// Chromium, each against the mock's engine that this test starts on 127.0.0.1 (`npm run test:node24` runs it).
// The runtimes are registry packages that ship their binary, installed apart from the main devDependencies:
// `npm ci --prefix test/runtimes` (.ci/run does it). Without them the matrix is skipped, with a message.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type TestEngine } from '../support/engine.js';
import type { SmokeInput, SmokeResult } from './smoke.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const installed = (path: string) => join(here, 'node_modules', path);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a binary to its end (never rejects); the caller reads code and output. */
function exec(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The one line the smoke program prints: `SMOKE {...}`. */
function smokeLine(result: Result, runtime: string): SmokeResult {
  const line = result.stdout.split('\n').find((text) => text.startsWith('SMOKE '));
  if (result.code !== 0 || !line) {
    throw new Error(`${runtime} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return JSON.parse(line.slice('SMOKE '.length)) as SmokeResult;
}

// A runner for the runtimes that run a module file: the input comes as the first argument.
const commandLineRunner = `import { runSmoke } from './smoke.mjs';
const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
console.log('SMOKE ' + JSON.stringify(await runSmoke(JSON.parse(args[0]))));
`;
// workerd runs a worker's test() handler with `workerd test`; the input comes as a text binding.
const workerModule = `import { runSmoke } from './smoke.mjs';
export default {
  async test(_controller, env) {
    console.log('SMOKE ' + JSON.stringify(await runSmoke(JSON.parse(env.INPUT))));
  },
};
`;
const workerdConfig = (input: string) => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smoke),
    # The engine is on the loopback interface, which a worker's default outbound does not reach.
    (name = "loopback", network = (allow = ["local"])),
  ],
);
const smoke :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "smoke.mjs", esModule = embed "smoke.mjs"),
  ],
  bindings = [(name = "INPUT", text = ${JSON.stringify(input)})],
  compatibilityDate = "2026-01-01",
  globalOutbound = "loopback",
);
`;

const expected = (input: SmokeInput): SmokeResult => ({
  runId: input.runId,
  succeeded: true,
  listed: 250,
  distinct: 250,
  notFound: 'NotFoundError 404',
  genuineWebhook: true,
  forgedWebhook: false,
});

// A runtime's first start (Deno, Chromium) can take long on a loaded machine: these limits only catch a hang.
describe('the smoke program on other runtimes', { timeout: 300_000 }, () => {
  let cloud: TestEngine;
  let work: string;
  let input: SmokeInput;
  let bundle: string;

  beforeAll(async () => {
    // 250 finished runs (the list spans three pages of 100), all successes but every seventh.
    cloud = await startEngine({ exampleJobs: false });
    const jobId = cloud.seedJob({ name: 'Nightly' });
    const runIds = cloud.seedRuns(
      jobId,
      Array.from({ length: 250 }, (_, i) => (i % 7 === 0 ? 'error' : 'success')),
    );
    work = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-runtimes-'));
    // One file holding the main entry and openapi-fetch, built for the browser platform: no Node built-in.
    await build({
      entryPoints: [join(here, 'smoke.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(work, 'smoke.mjs'),
      logLevel: 'silent',
    });
    bundle = await readFile(join(work, 'smoke.mjs'), 'utf8');
    await writeFile(join(work, 'run.mjs'), commandLineRunner);
    await writeFile(join(work, 'worker.mjs'), workerModule);
    const body = JSON.stringify({ eventType: 'job.run.completed', eventId: 'wev_smoke', data: { runId: '2' } });
    input = {
      baseUrl: cloud.url,
      accountId: cloud.accountId,
      runId: runIds[1]!,
      missingRunId: 999_999,
      webhook: {
        body,
        signature: createHmac('sha256', 'whsec_smoke').update(body).digest('hex'),
        secret: 'whsec_smoke',
      },
    };
  });

  afterAll(async () => {
    await cloud?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const runtimes: Array<{ name: string; binary: string; args: (input: string) => string[]; env?: NodeJS.ProcessEnv }> =
    [
      { name: 'Node 22', binary: installed('node22/bin/node'), args: (json) => ['run.mjs', json] },
      { name: 'Node 24', binary: installed('node24/bin/node'), args: (json) => ['run.mjs', json] },
      {
        name: 'Deno 2',
        binary: installed('@deno/linux-x64-glibc/deno'),
        // Network to the engine only; no prompt, no update check, a cache folder of its own.
        args: (json) => ['run', '--no-prompt', `--allow-net=${new URL(cloud.url).host}`, 'run.mjs', json],
        env: { PATH: process.env.PATH, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(tmpdir(), 'dbt-cloud-ts-deno') },
      },
      { name: 'Bun 1', binary: installed('@oven/bun-linux-x64/bin/bun'), args: (json) => ['run.mjs', json] },
      {
        name: 'workerd',
        binary: installed('@cloudflare/workerd-linux-64/bin/workerd'),
        args: () => ['test', 'config.capnp'],
      },
    ];

  for (const runtime of runtimes) {
    it(`${runtime.name}: client, get a run, paginate, verify a webhook, NotFoundError on 404`, async (ctx) => {
      if (!existsSync(runtime.binary)) {
        console.warn(`skipping ${runtime.name}: ${runtime.binary} is missing`);
        return ctx.skip(
          `${runtime.name} is not installed: run \`npm ci --prefix test/runtimes\` (as .ci/run does) to test it`,
        );
      }
      const json = JSON.stringify(input);
      if (runtime.name === 'workerd') await writeFile(join(work, 'config.capnp'), workerdConfig(json));
      const version = await exec(runtime.binary, ['--version'], { cwd: work });
      const result = await exec(runtime.binary, runtime.args(json), { cwd: work, env: runtime.env ?? process.env });
      console.log(`${runtime.name} (${version.stdout.trim().split('\n')[0]}): ok`);
      expect(smokeLine(result, runtime.name)).toEqual(expected(input));
    });
  }

  it('headless Chromium: the same program as a page script, same origin as the engine', async (ctx) => {
    if (!existsSync(chromiumPath)) {
      console.warn(`skipping Chromium: ${chromiumPath} is missing`);
      return ctx.skip(`${chromiumPath} is missing: install Debian's chromium or set CHROMIUM_PATH`);
    }
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      timeout: 240_000,
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      // The page and its module come from the engine's origin (served here); every other request goes to the engine.
      await page.route(`${cloud.url}/smoke/**`, (route) =>
        route.fulfill(
          route.request().url().endsWith('.mjs')
            ? { contentType: 'text/javascript', body: bundle }
            : { contentType: 'text/html', body: '<!doctype html><title>smoke</title>' },
        ),
      );
      await page.goto(`${cloud.url}/smoke/`);
      // A string, not a function: vitest would rewrite a function's import() into its own loader.
      const result: unknown = await page.evaluate(
        `import('/smoke/smoke.mjs').then((smoke) => smoke.runSmoke(${JSON.stringify(input)}))`,
      );
      console.log(`Chromium (${browser.version()}): ok`);
      expect(result).toEqual(expected(input));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
