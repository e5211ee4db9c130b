// Starts Prism on the bundled spec, as a mock of the examples or as a validating proxy in front of an upstream, in a
// process of its own (prism-runner.ts). Prism is asked for port 0 so the OS picks a free one; the real port is read
// from the line the runner prints once Prism listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageFile } from '../package-files.js';
import { MockServerError } from './mock-error.js';
import type { RunnerOptions } from './prism-runner.js';

export interface PrismOptions {
  /** Path of the OpenAPI document. */
  specPath: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to bind. */
  host: string;
  /** `mock` serves the spec's examples; `proxy` forwards to `upstream` and validates both directions. */
  mode: 'mock' | 'proxy';
  /** Where `proxy` forwards to. */
  upstream?: string;
  /** `mock` only: generate responses from the schemas instead of returning the examples. */
  dynamic?: boolean;
  /** `proxy` only: answer a request or response that breaks the spec with an error instead of a header. */
  errors?: boolean;
  /** How long to wait for Prism to start listening. */
  startTimeoutMs: number;
  /** Where the processed spec is kept between starts (see operations-cache.ts); false: processed on every start. */
  cacheDir: string | false;
  /** Called when Prism starts processing the spec (no cache entry to read it from): the slow part of a start. */
  onProcessing?: () => void;
}

export interface PrismProcess {
  readonly url: string;
  readonly port: number;
  /** Prism's process id (the leader of its own process group). */
  readonly pid: number;
  /** Stops Prism and every process it started; resolves once it has exited. */
  stop(): Promise<void>;
}

// The folder holding generated/openapi.yaml: the project root from src/mock/, or the package root from dist/src/mock/.
const listeningLine = /Prism is listening on (http:\/\/[^\s]+?):(\d+)/;
const processingLine = /^Prism is processing the spec$/m;

/** Where the spec shipped with this package lives. */
export const bundledSpecPath = packageFile('generated', 'openapi.yaml');

/** Prism must be installed (an optional peer dependency): say how, before anything starts. */
export function checkPrismInstalled(): void {
  try {
    createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new MockServerError(
      'The mock server needs @stoplight/prism-cli: install it with `npm install -D @stoplight/prism-cli@5.14.2`.',
      'prism-not-installed',
    );
  }
}

/**
 * How to start prism-runner: the built file beside this package's other entries, or, when this module runs from
 * source (tests, `npm run mock`), the TypeScript file through tsx, unless DBT_CLOUD_MOCK_RUNNER names a runner built
 * from that source (the tests' global setup builds one: tsx's loader would sit in front of every module Prism loads).
 * `here` is where this code runs from.
 */
export function runnerCommand(here = fileURLToPath(import.meta.url), env = process.env): string[] {
  if (here.endsWith('.ts')) {
    if (env.DBT_CLOUD_MOCK_RUNNER) return [env.DBT_CLOUD_MOCK_RUNNER];
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return ['--import', tsx, join(dirname(here), 'prism-runner.ts')];
  }
  // Bundled, this code sits in dist/src/ or in one of its sub-folders (chunks/, cli/); the runner is dist/src/mock/.
  for (let dir = dirname(here), up = 0; up < 3; up++, dir = dirname(dir)) {
    const candidate = join(dir, 'mock', 'prism-runner.js');
    if (existsSync(candidate)) return [candidate];
  }
  throw new MockServerError(
    `The mock server's Prism runner (mock/prism-runner.js) is missing beside ${here}`,
    'runner-missing',
  );
}

/** Starts Prism; the launcher has already checked that it is installed (checkPrismInstalled). */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const runnerOptions: RunnerOptions = {
    specPath: options.specPath,
    host: options.host,
    port: options.port,
    mode: options.mode,
    ...(options.mode === 'proxy' ? { upstream: options.upstream ?? '', errors: Boolean(options.errors) } : {}),
    ...(options.mode === 'mock' ? { dynamic: Boolean(options.dynamic) } : {}),
    cacheDir: options.cacheDir,
  };
  const args = [...runnerCommand(), JSON.stringify(runnerOptions)];

  // detached: Prism leads its own process group, so stop() can end it and anything it forks in one signal.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  const recent: string[] = [];
  // If this process ends without calling stop(), take Prism down with it rather than leave it orphaned.
  const onParentExit = () => killGroup(child);
  process.once('exit', onParentExit);
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      process.removeListener('exit', onParentExit);
      done();
    }),
  );

  const url = await new Promise<{ url: string; port: number }>((ready, fail) => {
    const timer = setTimeout(() => {
      killGroup(child);
      fail(
        new MockServerError(
          `Prism did not start within ${options.startTimeoutMs} ms:\n${recent.join('')}`,
          'prism-timeout',
        ),
      );
    }, options.startTimeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      recent.push(text);
      if (recent.length > 50) recent.shift();
      if (processingLine.test(text)) options.onProcessing?.();
      const match = listeningLine.exec(text);
      if (match) {
        clearTimeout(timer);
        ready({ url: `${match[1]}:${match[2]}`, port: Number(match[2]) });
      }
    };
    // Keep reading after start-up too: an unread pipe fills up and stalls Prism.
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(
        new MockServerError(
          `Prism exited before listening (code ${code}, signal ${signal}):\n${recent.join('')}`,
          'prism-exited',
        ),
      );
    });
  });

  return {
    url: url.url,
    port: url.port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) killGroup(child);
      await exited;
    },
  };
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
