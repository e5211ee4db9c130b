// The main entry runs everywhere: bundled for the browser it pulls in no Node built-in, it touches no
// Node global (`process`, `Buffer`, `require`, ...) while it is imported, it does no work on import (so
// `"sideEffects": false` is true), and a client and a webhook check work in a context that has only web globals.
// Runtime by runtime (Deno, Bun, workerd, Chromium, other Node versions) it is test/runtimes/runtimes.test.ts.
import { createHmac } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles source text (resolved from the project root) for the browser; rejects when esbuild cannot. */
async function bundleForBrowser(contents: string, extra: BuildOptions = {}) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'dbtCloud',
    logLevel: 'silent',
    ...extra,
  });
  return { code: result.outputFiles![0]!.text, inputs: Object.keys(result.metafile!.inputs) };
}

/** The web platform's globals, and nothing of Node's. */
function webGlobals(): Record<string, unknown> {
  const names = [
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'crypto',
    'fetch',
    'Request',
    'Response',
    'Headers',
    'AbortController',
    'AbortSignal',
    'ReadableStream',
    'TransformStream',
    'DOMException',
    'setTimeout',
    'clearTimeout',
    'queueMicrotask',
    'structuredClone',
    'console',
  ];
  return Object.fromEntries(names.map((name) => [name, (globalThis as Record<string, unknown>)[name]]));
}

const nodeGlobals = ['process', 'Buffer', 'require', 'module', 'global', 'setImmediate', '__dirname', '__filename'];

/** Runs an IIFE bundle in a fresh context with web globals only; `touched` lists the Node globals it read. */
function runInWebContext(code: string) {
  const touched: string[] = [];
  const sandbox = webGlobals();
  for (const name of nodeGlobals) {
    Object.defineProperty(sandbox, name, {
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
  const context = vm.createContext(sandbox);
  vm.runInContext(`${code};globalThis.dbtCloud = dbtCloud;`, context);
  return { exports: (context as { dbtCloud: Record<string, any> }).dbtCloud, touched };
}

describe('the main entry (src/index.ts) bundled for the browser', () => {
  it('bundles with esbuild --platform=browser, from src/, generated/ and openapi-fetch only', async () => {
    const { inputs } = await bundleForBrowser("export * from './src/index.ts';");
    const outside = inputs.filter(
      (input) => !/^(src|generated)\//.test(input) && !input.startsWith('node_modules/openapi-fetch/'),
    );
    expect(outside).toEqual(['entry.ts']);
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('(disabled)'))).toEqual([]);
  });

  it('and the Node entry does not (the check can fail)', async () => {
    // The first errors esbuild lists may come from a dependency of the Node entry (`fs`, `path`) or from our own
    // `node:` imports; either is a Node built-in the browser does not have.
    await expect(bundleForBrowser("export * from './src/node.ts';")).rejects.toThrow(
      /Could not resolve "(node:)?(fs|path|url|os|module|child_process|crypto|stream|util|events)(\/[a-z]+)?"/,
    );
  });

  it('reads no Node global while it is imported', async () => {
    const { code } = await bundleForBrowser("export * from './src/index.ts';");
    const { exports, touched } = runInWebContext(code);
    expect(touched).toEqual([]);
    expect(typeof exports.createDbtCloud).toBe('function');
    // The check sees an access: the same bundle plus one top-level read of process is caught.
    expect(runInWebContext(`void globalThis.process;${code}`).touched).toEqual(['process']);
  });

  it('creates a client, gets a run and verifies a webhook where there is no process at all', async () => {
    const { code } = await bundleForBrowser("export * from './src/index.ts';");
    const context = vm.createContext(webGlobals());
    vm.runInContext(`${code};globalThis.dbtCloud = dbtCloud;`, context);
    const dbt = (context as { dbtCloud: Record<string, any> }).dbtCloud;

    // No token and no process.env to read one from: a ValidationError, not a ReferenceError.
    expect(() => dbt.createDbtCloud({ accountId: 1 })).toThrow(/token/);
    const seen: string[] = [];
    const client = dbt.createDbtCloud({
      token: 'dbtc_browser',
      accountId: 43786,
      fetch: async (request: Request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('authorization')}`);
        return new Response(JSON.stringify({ data: { id: 70403103, status: 10 }, status: { code: 200 } }), {
          headers: { 'Content-Type': 'application/json' },
        });
      },
    });
    expect(client.baseUrl).toBe('https://cloud.getdbt.com');
    expect((await client.runs.get(70403103)).id).toBe(70403103);
    expect(seen).toEqual(['GET /api/v2/accounts/43786/runs/70403103/ Token dbtc_browser']);

    const body = '{"eventType":"job.run.completed","eventId":"wev_1","data":{"runId":"70403103"}}';
    const signature = createHmac('sha256', 'whsec_x').update(body).digest('hex');
    expect(await dbt.verifyWebhookSignature(body, signature, 'whsec_x')).toBe(true);
    expect(await dbt.verifyWebhookSignature(body, signature, 'whsec_y')).toBe(false);
  });

  it('leaves jobs as code out of the main entry: it is dbt-cloud-ts/jobs, which most programs never import', async () => {
    const { inputs } = await bundleForBrowser("export * from './src/index.ts';");
    expect(inputs.filter((input) => /jobs-as-code|jobs-schema/.test(input))).toEqual([]);
    const jobs = await bundleForBrowser("export * from './src/jobs.ts';");
    expect(jobs.inputs).toEqual(expect.arrayContaining(['src/jobs-as-code/plan.ts', 'generated/jobs-schema.ts']));
  });

  const effectsOnly = (contents: string) =>
    bundleForBrowser(contents, { format: 'esm', globalName: undefined, minify: true, ignoreAnnotations: true });

  it.each([
    ['the main entry', './src/index.ts'],
    ['dbt-cloud-ts/jobs', './src/jobs.ts'],
  ])(
    'does no work on import (%s): with sideEffects ignored, importing it for its effects bundles to nothing',
    async (_, file) => {
      expect(JSON.parse(await readFile(`${root}/package.json`, 'utf8')).sideEffects).toBe(false);
      // ignoreAnnotations makes esbuild disregard "sideEffects": false, so only code it can prove free of effects
      // is dropped: any top-level call, getter or `new` with arguments would remain.
      const { code } = await effectsOnly(`import '${file}';`);
      expect(code.trim()).toBe('');
      // The same check on a module with a top-level effect keeps it.
      const effect = await effectsOnly(`import '${file}'; new Set([globalThis.x]);`);
      expect(effect.code.trim()).not.toBe('');
    },
  );
});

describe('the main entry on Node', () => {
  it("does not load Node's fetch implementation while it is imported (it costs more than the import itself)", async (ctx) => {
    // Node defines fetch, Response, Request and Headers as getters that load undici on first read; importing the
    // client must leave them unread. The bundle (openapi-fetch included) runs in a fresh node.
    const dir = await mkdtemp(join(tmpdir(), 'main-entry-'));
    try {
      const { code } = await bundleForBrowser("export * from './src/index.ts';", {
        format: 'esm',
        globalName: undefined,
      });
      await writeFile(join(dir, 'entry.mjs'), code);
      const probe = `
        const names = ['fetch', 'Response', 'Request', 'Headers'];
        const unread = () => names.filter((name) => typeof Object.getOwnPropertyDescriptor(globalThis, name)?.get === 'function');
        const before = unread();
        const entry = await import(${JSON.stringify(join(dir, 'entry.mjs'))});
        const after = unread();
        const client = entry.createDbtCloud({ token: 'dbtc_probe_token', accountId: 1 });
        console.log(JSON.stringify({ before, after, client: typeof client.runs.get }));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probe]);
      const seen = JSON.parse(stdout) as { before: string[]; after: string[]; client: string };
      // Node 20 defines them as getters that load undici on first read; Node 22 and 24 have them ready at start-up,
      // so there is nothing to keep unread there.
      if (seen.before.length === 0) ctx.skip(`Node ${process.version} has no lazily loaded fetch globals`);
      expect(seen.after).toEqual(seen.before);
      expect(seen.client).toBe('function');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
