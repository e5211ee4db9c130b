// The Prism process's entry (started by prism.ts, never imported): Prism's own HTTP server, started as its CLI starts
// it, but from the operations cache (operations-cache.ts) instead of processing the spec again on every start.
// Its one argument is the JSON of RunnerOptions. It prints `Prism is listening on <url>` once it listens, and exits
// when its stdin closes: the parent holds the other end, so however the parent ends, this process does not outlive it.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { type BodyNormalizers, compactOperations, compactionFormat } from './compact-operations.js';
import { loadPreparedSpec } from './operations-cache.js';
import { narrowRoute, type Route } from './prism-route.js';

export interface RunnerOptions {
  specPath: string;
  host: string;
  port: number;
  mode: 'mock' | 'proxy';
  upstream?: string;
  dynamic?: boolean;
  errors?: boolean;
  cacheDir: string | false;
}

interface PrismServer {
  listen(port: number, host: string): Promise<string>;
}
interface PrismLogger {
  child(bindings: Record<string, unknown>): PrismLogger;
  warn(message: string): void;
}

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

try {
  await run(JSON.parse(process.argv[2] ?? '') as RunnerOptions);
} catch (error) {
  process.stderr.write(
    `Prism could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}

async function run(options: RunnerOptions): Promise<void> {
  // Prism's packages are resolved from Prism's CLI, whichever way the package manager laid them out.
  const prismRequire = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
  const version = (name: string) => installedVersion(prismRequire, name);
  const httpRequire = createRequire(prismRequire.resolve('@stoplight/prism-http'));
  deferFaker(httpRequire);
  const prismHttp = prismRequire('@stoplight/prism-http') as {
    getHttpOperationsFromSpec: (spec: string) => Promise<unknown[]>;
  };
  const { createServer } = prismRequire('@stoplight/prism-http-server') as {
    createServer: (operations: unknown[], options: Record<string, unknown>) => PrismServer;
  };
  const { createLogger } = prismRequire('@stoplight/prism-core') as {
    createLogger: (name: string, options: Record<string, unknown>) => PrismLogger;
  };
  const { configureExtensionsUserProvided } = prismRequire('@stoplight/prism-cli/dist/extensions.js') as {
    configureExtensionsUserProvided: (spec: object, cliOptions: Record<string, unknown>) => Promise<void>;
  };

  const logger = createLogger('CLI', { level: 'warn' });
  // Compacted operations validate as before but compile several times faster (compact-operations.ts). Generating
  // responses from the schemas (dynamic) is left with the full ones: its generator follows only a few `$ref`s deep.
  const compact = options.dynamic !== true;
  const { operations, fakerOptions } = await loadPreparedSpec({
    specPath: options.specPath,
    cacheDir: options.cacheDir,
    versions:
      ['@stoplight/prism-cli', '@stoplight/prism-http', '@stoplight/http-spec']
        .map((name) => `${name}@${version(name)}`)
        .join(' ') +
      (compact
        ? ` compacted@${compactionFormat} with merge-allof@${installedVersion(httpRequire, '@stoplight/json-schema-merge-allof')}`
        : ''),
    compute: async (specPath) => {
      process.stdout.write('Prism is processing the spec\n');
      const operations = await prismHttp.getHttpOperationsFromSpec(specPath);
      return compact ? compactOperations(operations, bodyNormalizers(httpRequire)) : operations;
    },
    warn: (message) => logger.warn(message),
  });
  // What Prism's CLI does with the spec's root `x-json-schema-faker` (and resets the generator).
  await configureExtensionsUserProvided(fakerOptions === undefined ? {} : { 'x-json-schema-faker': fakerOptions }, {
    fillProperties: undefined,
  });
  if (operations.length === 0) throw new Error('No operations found in the current file.');

  // The configuration Prism's CLI builds for `prism mock` / `prism proxy` from its flags (--errors, --dynamic and the
  // defaults of the rest), built here directly.
  const shared = {
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: options.errors ?? false,
    upstreamProxy: undefined,
    mock: { dynamic: options.dynamic ?? false, ignoreExamples: false, seed: null },
  };
  const config =
    options.mode === 'proxy'
      ? { ...shared, isProxy: true, upstream: new URL(options.upstream ?? '') }
      : { ...shared, isProxy: false };
  const { default: route } = httpRequire('@stoplight/prism-http/dist/router/index.js') as { default: Route };
  const server = createServer(operations, {
    // Prism's CORS answers any Origin with credentials allowed; the mock answers no cross-origin request.
    cors: false,
    config,
    components: { logger: logger.child({ name: 'HTTP SERVER' }), route: narrowRoute(route) },
  });
  const address = await server.listen(options.port, options.host);
  process.stdout.write(`Prism is listening on ${address}\n`);
}

/**
 * Prism loads @faker-js/faker, every locale of it (about half of Prism's load time), for one use: responses generated
 * from a schema that asks for faker data. A stand-in goes into Node's module cache in its place; the real module loads
 * on the first use of anything the stand-in hands out.
 */
function deferFaker(httpRequire: NodeJS.Require): void {
  let path: string;
  try {
    path = httpRequire.resolve('@faker-js/faker');
  } catch {
    return;
  }
  if (httpRequire.cache[path]) return;
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!real) {
      delete httpRequire.cache[path];
      real = httpRequire('@faker-js/faker') as Record<string | symbol, unknown>;
    }
    return real;
  };
  // Prism reads the module's `default` at load time and hands it to json-schema-faker, so that is lazy too.
  const lazyDefault = forwarding(() => load().default as object);
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = forwarding(() => load(), { __esModule: true, default: lazyDefault });
  httpRequire.cache[path] = standIn;
}

/** An object that reads, writes and lists through to `target()`, called on first use; `own` answers before it. */
function forwarding(target: () => object, own: Record<string, unknown> = {}): object {
  return new Proxy(
    {},
    {
      get: (_, key): unknown => (Object.hasOwn(own, key) ? own[key as string] : Reflect.get(target(), key)),
      set: (_, key, value) => Reflect.set(target(), key, value),
      has: (_, key) => Object.hasOwn(own, key) || Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
}

/** What Prism's validator does to a body schema before validating (see compact-operations.ts), from Prism itself. */
function bodyNormalizers(httpRequire: NodeJS.Require): BodyNormalizers {
  const filters = httpRequire('@stoplight/prism-http/dist/utils/filterRequiredProperties.js') as Pick<
    BodyNormalizers,
    'stripReadOnlyProperties' | 'stripWriteOnlyProperties'
  >;
  return {
    mergeAllOf: httpRequire('@stoplight/json-schema-merge-allof') as BodyNormalizers['mergeAllOf'],
    stripReadOnlyProperties: filters.stripReadOnlyProperties,
    stripWriteOnlyProperties: filters.stripWriteOnlyProperties,
  };
}

/** A package's installed version, found above its main file: not every package exports its package.json. */
function installedVersion(require: NodeJS.Require, name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No package.json at this level.
    }
  }
  throw new Error(`cannot find the version of ${name}`);
}
