// startMockServer: dbt Cloud in a box. By default a stateful mock: our run engine behind Prism's validating proxy,
// behind a small front router (see front.ts). With `static: true`, Prism alone serves the spec's examples. With `tls`,
// the mock answers over HTTPS (tls.ts).
//
// The port the caller asked for is tried at once (a busy one fails before anything starts), then let go, and listened
// on again only when the mock is ready: Prism listens and the data is final. So nothing can reach the mock before the
// promise resolves, and nothing done at start-up changes the data afterwards: Prism's warm-up (see warmUp) runs after
// it, on a scratch copy of the data that no client sees.
import { randomBytes } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, isIP, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { ValidationError } from '../errors.js';
import { checkDuration, checkInteger, checkObject, checkPositiveNumber, checkString } from '../validate.js';
import { Engine } from './engine.js';
import { createFrontServer, type ViolationLog } from './front.js';
import { MockServerError } from './mock-error.js';
import { defaultCacheDir } from './operations-cache.js';
import { bundledSpecPath, checkPrismInstalled, startPrism } from './prism.js';
import type { RunRecord, Transition } from './runs.js';
import { loadScenarios, mergeScenarios, validateScenarios, type Scenarios } from './scenarios.js';
import { loadSeed, loadSpecPaths } from './seed.js';
import { MockState } from './state.js';
import { makeLoopbackCertificate, writeCaFile, type LoopbackCertificate } from './tls.js';
import { WebhookSender, type WebhookTarget } from './webhook-sender.js';

export interface MockServerOptions {
  /** Serve the spec's examples with Prism alone (`Prefer` headers pick examples), as `dbt-cloud mock --static`. */
  static?: boolean;
  /** Static mode only: generate responses from the schemas instead of returning the examples. */
  dynamic?: boolean;
  /** A scenarios file (YAML or JSON, see schemas/mock-scenarios.schema.json) or the object itself; laid over the defaults. */
  scenarios?: string | Scenarios;
  /** How many times faster than the scenarios' durations runs go (default 1: a run takes about 3 s). */
  speed?: number;
  /** Each poll of a run (getRun) moves it exactly one state on, instead of the clock. */
  stepPerPoll?: boolean;
  /** POST signed job.run.* events here as runs change state. */
  webhook?: WebhookTarget;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Path of the OpenAPI document. Default: the package's `generated/openapi.yaml`. */
  specPath?: string;
  /** How long to wait for Prism to start listening. Default 60 s. */
  startTimeoutMs?: number;
  /**
   * Where the processed spec is kept (Prism's operations, the engine's starting data), so that the next start skips
   * processing it (about 8 s of CPU for the bundled spec). Default: `DBT_CLOUD_MOCK_CACHE_DIR`, else
   * `$XDG_CACHE_HOME/dbt-cloud-ts`, else `~/.cache/dbt-cloud-ts`. `false`: no cache.
   */
  cacheDir?: string | false;
  /**
   * Serve HTTPS, with a certificate made at start-up for 127.0.0.1, ::1 and localhost (and `host`), signed by a CA made
   * with it. The CA certificate (PEM) is written to `caFile`, or, with `true`, to a new temporary folder; either way
   * the returned object's `caFile` names it, and stop() removes it. The private keys are never written.
   */
  tls?: boolean | { caFile?: string };
  /** Called with a line as start-up begins, and when it does something slow (processing the spec). */
  onProgress?: (message: string) => void;
}

/** What `/__mock/state` answers. */
export interface MockStateSummary {
  mode: 'stateful';
  accountId: number;
  speed: number;
  stepPerPoll: boolean;
  projects: number;
  environments: number;
  jobs: Array<{ id: number; name: string; outcome: string }>;
  runs: { total: number; byStatus: Record<string, number> };
  requests: number;
  faults: number;
  /** Successful answers by operationId of the operations the engine serves, since start-up. */
  operations: Record<string, number>;
  violations: ViolationLog;
  webhooks: { sent: number; failed: number } | null;
}

export interface MockServer {
  /** Base URL, such as `http://127.0.0.1:41873`: the host to give a client. */
  readonly url: string;
  readonly port: number;
  /** Prism's process id (the leader of its own process group). */
  readonly pid: number;
  readonly mode: 'stateful' | 'static';
  /** With `tls`: the CA certificate (PEM) a client trusts to reach the mock over HTTPS; undefined without. */
  readonly caFile: string | undefined;
  /** Back to the starting data: runs, jobs, projects, environments and fault counters (stateful mode; else nothing). */
  reset(): Promise<void>;
  /** What `/__mock/state` answers (stateful mode; undefined in static mode). */
  state(): Promise<MockStateSummary | undefined>;
  /** Waits until every webhook event queued so far has been delivered or has failed. */
  flushWebhooks(): Promise<void>;
  /** Stops everything it started; resolves once Prism has exited. */
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes a server and every connection it holds (tracked from the start: see `tracked`). */
function close(server: Server, sockets?: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of sockets ?? []) socket.destroy();
  });
}

/** The server, with the set of its open connections (raw TCP sockets, beneath TLS when there is TLS). */
function tracked<S extends Server>(server: S): { server: S; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return { server, sockets };
}

/** A failure to listen on the caller's port, as a MockServerError that says what to do; other errors as they are. */
function portError(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new MockServerError(
      `port ${port} on ${host} is already in use: stop what listens there, or use port 0 for any free port`,
      'port-unavailable',
    );
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL')
    return new MockServerError(`cannot listen on ${host} port ${port} (${code})`, 'port-unavailable');
  return error;
}

/** Tries the caller's port and lets it go at once, so that a busy one fails before anything starts. */
async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  // A connection that lands in that instant is closed at once, never left waiting for an answer.
  const probe = createNetServer((socket) => socket.destroy());
  await listen(probe, port, host).catch((error: unknown) => {
    throw portError(error, port, host);
  });
  await close(probe);
}

/** Every option is checked before anything starts; a bad one is a ValidationError naming it. */
function checkOptions(options: MockServerOptions): void {
  checkInteger('port', options.port ?? 0, 0, 65535);
  checkPositiveNumber('speed', options.speed ?? 1);
  if (options.startTimeoutMs !== undefined) checkDuration('startTimeoutMs', options.startTimeoutMs, 1);
  if (options.webhook !== undefined) {
    const { url, secret } = checkObject('webhook', options.webhook);
    checkString('webhook.secret', secret);
    if (!/^https?:\/\//.test(checkString('webhook.url', url)))
      throw new ValidationError('webhook.url', `must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  const { cacheDir, tls, onProgress } = options;
  if (cacheDir !== undefined && cacheDir !== false) checkString('cacheDir', cacheDir);
  if (tls !== undefined && typeof tls !== 'boolean') {
    const { caFile } = checkObject('tls', tls);
    if (caFile !== undefined) checkString('tls.caFile', caFile);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw new ValidationError('onProgress', 'must be a function');
}

/** The names the control endpoints answer to: the loopback ones, and the interface the mock binds if it is an address. */
function ownHostnames(host: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isIP(bare) === 4 && bare !== '0.0.0.0') names.add(bare);
  if (isIP(bare) === 6 && bare !== '::') names.add(`[${bare}]`);
  return names;
}

/**
 * Whether a request may use the control endpoints: its Host is one of the mock's own names with the mock's port, so
 * that a page whose own name resolves to this machine (DNS rebinding) is refused; and its Origin, when it sends one,
 * is the mock's own, so that a form another site posts (a text/plain POST needs no preflight) is refused.
 */
export function controlRequestAllowed(
  headers: IncomingHttpHeaders,
  own: { scheme: 'http' | 'https'; port: number; host: string },
): boolean {
  const names = ownHostnames(own.host);
  const defaultPort = own.scheme === 'https' ? 443 : 80;
  const match = /^(\[[\da-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(headers.host ?? '');
  if (!match || !names.has(match[1]!.toLowerCase()) || Number(match[2] ?? defaultPort) !== own.port) return false;
  if (headers.origin === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(headers.origin);
  } catch {
    return false; // `null` (a sandboxed page, a file) and anything else that is not a URL
  }
  return (
    origin.protocol === `${own.scheme}:` &&
    names.has(origin.hostname) &&
    Number(origin.port || defaultPort) === own.port
  );
}

/** A TLS server with the certificate, which hands each secure connection to `serve`. */
function tlsServer(certificate: LoopbackCertificate, serve: (socket: Socket) => void): Server {
  return createTlsServer({ key: certificate.key, cert: certificate.cert, ALPNProtocols: ['http/1.1'] }, serve);
}

/** Says what start-up is about to do, and what slow part is going on. */
function progressLines(options: MockServerOptions, specPath: string, cacheDir: string | false) {
  // A callback that throws must not take the start down (the second line comes from an event handler).
  const say = (line: string) => {
    try {
      options.onProgress?.(line);
    } catch {
      // Progress is only news.
    }
  };
  const spec = specPath === bundledSpecPath ? 'the bundled spec' : specPath;
  return {
    starting: () =>
      say(
        options.static
          ? `starting the mock: Prism serving the examples of ${spec}; the URL follows once it listens`
          : `starting the mock: Prism's validating proxy on ${spec} in front of the run engine; ` +
              'the URL follows once it is ready',
      ),
    processing: () =>
      say(
        cacheDir === false
          ? 'processing the spec for Prism (the cache is off: every start does this)'
          : `processing the spec for Prism (once: the next start reads it from the cache in ${cacheDir})`,
      ),
  };
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  checkOptions(options);
  checkPrismInstalled();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const specPath = options.specPath ?? bundledSpecPath;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const caFilePath = typeof options.tls === 'object' ? options.tls.caFile : undefined;
  const progress = progressLines(options, specPath, cacheDir);
  const custom = options.static
    ? undefined
    : typeof options.scenarios === 'string'
      ? await loadScenarios(options.scenarios)
      : options.scenarios && validateScenarios(options.scenarios);

  // The examples are read while Prism starts; a spec that cannot be read at all is said before anything starts.
  if (!options.static) {
    try {
      accessSync(specPath, constants.R_OK);
    } catch (error) {
      throw new ValidationError('specPath', `cannot read ${specPath}: ${(error as Error).message}`);
    }
  }
  await checkPortFree(port, host);
  progress.starting();
  // What is started is stopped again, last first, if a later step fails.
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  // The certificate is made while Prism starts (key generation runs off the main thread).
  const certificate = options.tls ? makeLoopbackCertificate(host) : undefined;
  certificate?.catch(() => undefined);
  const scheme = options.tls ? 'https' : 'http';
  const shownHost = host.includes(':') ? `[${host}]` : host;

  try {
    if (options.static) {
      const prism = await startPrism({
        mode: 'mock',
        specPath,
        // Behind TLS, Prism listens inside and a TLS server on the caller's port pipes each connection to it.
        host: options.tls ? '127.0.0.1' : host,
        port: options.tls ? 0 : port,
        dynamic: options.dynamic,
        startTimeoutMs,
        cacheDir,
        onProcessing: progress.processing,
      });
      stops.push(() => prism.stop());
      const material = await certificate;
      if (!material)
        return {
          url: prism.url,
          port: prism.port,
          pid: prism.pid,
          mode: 'static',
          caFile: undefined,
          reset: () => Promise.resolve(),
          state: () => Promise.resolve(undefined),
          flushWebhooks: () => Promise.resolve(),
          stop: stopAll,
        };
      const ca = await writeCaFile(material.ca, caFilePath);
      stops.push(() => ca.remove());
      const outside = tracked(tlsServer(material, (socket) => pipeTo(socket, prism.port)));
      const publicPort = await listen(outside.server, port, host).catch((error: unknown) => {
        throw portError(error, port, host);
      });
      return {
        url: `${scheme}://${shownHost}:${publicPort}`,
        port: publicPort,
        pid: prism.pid,
        mode: 'static',
        caFile: ca.path,
        reset: () => Promise.resolve(),
        state: () => Promise.resolve(undefined),
        flushWebhooks: () => Promise.resolve(),
        async stop() {
          await close(outside.server, outside.sockets);
          await stopAll();
        },
      };
    }
    return await startStateful();
  } catch (error) {
    await stopAll();
    throw error;
  }

  async function startStateful(): Promise<MockServer> {
    const scenarios = mergeScenarios(custom);
    let state!: MockState;
    let engine!: Engine;
    let scratchEngine!: Engine;
    // A request carrying this start's warm-up key goes to the scratch engine, whose data nobody else sees.
    const warmUpKey = randomBytes(16).toString('hex');
    const engineServer = tracked(
      createServer((req, res) => (req.headers[warmUpHeader] === warmUpKey ? scratchEngine : engine).listener(req, res)),
    );
    const enginePort = await listen(engineServer.server, 0, '127.0.0.1');
    stops.push(() => close(engineServer.server, engineServer.sockets));

    const prismStarting = startPrism({
      mode: 'proxy',
      specPath,
      host: '127.0.0.1',
      port: 0,
      upstream: `http://127.0.0.1:${enginePort}`,
      errors: true,
      startTimeoutMs,
      cacheDir,
      onProcessing: progress.processing,
    });
    stops.push(() => prismStarting.then((prism) => prism.stop()));
    // Prism starts in a process of its own; meanwhile this one reads the spec's examples (a second or two of YAML).
    const seed = loadSeed(specPath, { cacheDir });
    const webhooks = options.webhook ? new WebhookSender(options.webhook, seed.accountId) : undefined;
    const onTransition = (record: RunRecord, transition: Transition) => {
      if (!webhooks) return;
      const job = state.jobs.items.get(record.jobId);
      webhooks.send(
        webhooks.event(record, transition, {
          jobName: job?.name ?? '',
          environmentName: state.environments.items.get(record.environmentId)?.name ?? '',
          projectName: state.projects.items.get(record.projectId)?.name ?? '',
        }),
      );
    };
    const makeState = () =>
      new MockState(seed, {
        scenarios,
        speed: options.speed ?? 1,
        stepPerPoll: options.stepPerPoll ?? false,
        now: Date.now,
        onTransition,
      });
    state = makeState();
    engine = new Engine(() => state);
    const scratch = new MockState(seed, {
      scenarios,
      speed: 1,
      stepPerPoll: false,
      now: Date.now,
      onTransition: () => undefined,
    });
    scratchEngine = new Engine(() => scratch);

    const prism = await prismStarting;
    const material = await certificate;
    const ca = material && (await writeCaFile(material.ca, caFilePath));
    if (ca) stops.push(() => ca.remove());
    let publicPort = 0;
    const front = createFrontServer({ prismUrl: prism.url, control, paths: loadSpecPaths(specPath) });
    // eslint-disable-next-line @typescript-eslint/require-await -- a throw must reject: stopAll catches rejections
    stops.push(async () => front.agent.destroy());
    // Over TLS, each secure connection is handed to the front router's HTTP server, as node:https does.
    const outside = tracked(
      material ? tlsServer(material, (socket) => front.server.emit('connection', socket)) : front.server,
    );
    publicPort = await listen(outside.server, port, host).catch((error: unknown) => {
      throw portError(error, port, host);
    });
    // Runs move on without being polled only when someone listens for their events.
    const ticker = webhooks && !options.stepPerPoll ? setInterval(() => state.tick(), 50) : undefined;
    ticker?.unref();
    const warmUpAbort = new AbortController();
    const warming = warmUp(prism.url, seed.accountId, seed.jobs[0]!.id, warmUpKey, warmUpAbort.signal);

    const summary = (): MockStateSummary => ({
      mode: 'stateful',
      ...state.summary(),
      operations: { ...engine.served },
      violations: front.violations,
      webhooks: webhooks ? { ...webhooks.counts } : null,
    });
    // eslint-disable-next-line @typescript-eslint/require-await -- a throw must reject: the front door catches them
    async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
      req.resume();
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (!controlRequestAllowed(req.headers, { scheme, port: publicPort, host }))
        reply(403, {
          error:
            "Control endpoints answer only requests to the mock's own loopback address (Host 127.0.0.1, localhost " +
            "or [::1] with its port), with no Origin or the mock's own",
        });
      else if (path === '/__mock/state' && req.method === 'GET') reply(200, summary());
      else if (path === '/__mock/reset' && req.method === 'POST') {
        state = makeState();
        reply(200, { reset: true });
      } else reply(404, { error: 'Control endpoints: GET /__mock/state, POST /__mock/reset' });
    }

    return {
      url: `${scheme}://${shownHost}:${publicPort}`,
      port: publicPort,
      pid: prism.pid,
      mode: 'stateful',
      caFile: ca?.path,
      // Async with nothing to await, as MockServer's methods are: a throw rejects.
      /* eslint-disable @typescript-eslint/require-await */
      async reset() {
        state = makeState();
      },
      async state() {
        return summary();
      },
      /* eslint-enable @typescript-eslint/require-await */
      flushWebhooks: async () => webhooks?.flush(),
      async stop() {
        if (ticker) clearInterval(ticker);
        await close(outside.server, outside.sockets);
        warmUpAbort.abort();
        await warming;
        await stopAll();
        await webhooks?.flush();
      },
    };
  }
}

/** Pipes a (decrypted) connection to Prism's port, and ends each side with the other. */
function pipeTo(socket: Socket, port: number): void {
  const upstream = connect(port, '127.0.0.1');
  socket.pipe(upstream).pipe(socket);
  socket.once('error', () => upstream.destroy());
  upstream.once('error', () => socket.destroy());
  socket.once('close', () => upstream.destroy());
  upstream.once('close', () => socket.destroy());
}

/** The header that sends a request to the scratch engine (with the start's own key as its value). */
const warmUpHeader = 'x-dbt-cloud-mock-warm-up';

/**
 * Prism builds its validators for an operation on its first request, a second or so for the run operations. These
 * requests, sent as soon as the mock is ready, start that for the operations a client calls first (trigger, then poll),
 * against the scratch engine's data. A client's request that comes meanwhile waits for no more than it would have;
 * stop() aborts them, and every failure is ignored.
 */
async function warmUp(url: string, accountId: number, jobId: number, key: string, signal: AbortSignal): Promise<void> {
  const base = `${url}/api/v2/accounts/${accountId}`;
  const headers = { Authorization: 'Token warm-up', 'content-type': 'application/json', [warmUpHeader]: key };
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(base + path, { ...init, headers, signal });
    await response.arrayBuffer();
  };
  await call(`/jobs/${jobId}/run/`, { method: 'POST', body: JSON.stringify({ cause: 'warm-up' }) }).catch(
    () => undefined,
  );
  await Promise.all(
    ['/runs/70403103/?include_related=run_steps,trigger', '/runs/?limit=1', '/jobs/?limit=1'].map((path) =>
      call(path).catch(() => undefined),
    ),
  );
}

export { bundledSpecPath };
