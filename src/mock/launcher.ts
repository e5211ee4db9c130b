// startMockServer: dbt Cloud in a box. By default a stateful mock: our run engine behind Prism's validating proxy,
// behind a small front router (see front.ts). With `static: true`, Prism alone serves the spec's examples.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ValidationError } from '../errors.js';
import { checkDuration, checkInteger, checkObject, checkPositiveNumber, checkString } from '../validate.js';
import { Engine } from './engine.js';
import { createFrontServer, type ViolationLog } from './front.js';
import { defaultCacheDir } from './operations-cache.js';
import { bundledSpecPath, checkPrismInstalled, startPrism, type PrismProcess } from './prism.js';
import type { RunRecord, Transition } from './runs.js';
import { loadScenarios, mergeScenarios, validateScenarios, type Scenarios } from './scenarios.js';
import { loadSeed } from './seed.js';
import { MockState } from './state.js';
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
   * Where Prism's processed spec is kept, so that the next start skips processing it (about 8 s of CPU for the bundled
   * spec). Default: `DBT_CLOUD_MOCK_CACHE_DIR`, else `$XDG_CACHE_HOME/dbt-cloud-ts`, else `~/.cache/dbt-cloud-ts`.
   * `false`: no cache.
   */
  cacheDir?: string | false;
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

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
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
  const { cacheDir } = options;
  if (cacheDir !== undefined && cacheDir !== false) checkString('cacheDir', cacheDir);
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  checkOptions(options);
  checkPrismInstalled();
  const host = options.host ?? '127.0.0.1';
  const specPath = options.specPath ?? bundledSpecPath;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const cacheDir = options.cacheDir ?? defaultCacheDir();

  if (options.static) {
    const prism = await startPrism({
      mode: 'mock',
      specPath,
      host,
      port: options.port ?? 0,
      dynamic: options.dynamic,
      startTimeoutMs,
      cacheDir,
    });
    return {
      url: prism.url,
      port: prism.port,
      pid: prism.pid,
      mode: 'static',
      reset: async () => undefined,
      state: async () => undefined,
      flushWebhooks: async () => undefined,
      stop: () => prism.stop(),
    };
  }

  const custom =
    typeof options.scenarios === 'string'
      ? await loadScenarios(options.scenarios)
      : options.scenarios && validateScenarios(options.scenarios);
  const scenarios = mergeScenarios(custom);
  const seed = loadSeed(specPath);
  const webhooks = options.webhook ? new WebhookSender(options.webhook, seed.accountId) : undefined;

  let state: MockState;
  let warmingUp = true;
  const onTransition = (record: RunRecord, transition: Transition) => {
    if (!webhooks || warmingUp) return;
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

  const engine = new Engine(() => state);
  const engineServer = createServer(engine.listener);
  const enginePort = await listen(engineServer, 0, '127.0.0.1');
  // Runs move on without being polled only when someone listens for their events.
  const ticker = webhooks && !options.stepPerPoll ? setInterval(() => state.tick(), 50) : undefined;
  ticker?.unref();

  let prism: PrismProcess | undefined;
  let front: ReturnType<typeof createFrontServer> | undefined;
  const summary = (): MockStateSummary => ({
    mode: 'stateful',
    ...state.summary(),
    operations: { ...engine.served },
    violations: front?.violations ?? { count: 0, recent: [] },
    webhooks: webhooks ? { ...webhooks.counts } : null,
  });
  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    req.resume();
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/__mock/state' && req.method === 'GET') reply(200, summary());
    else if (path === '/__mock/reset' && req.method === 'POST') {
      state = makeState();
      reply(200, { reset: true });
    } else reply(404, { error: 'Control endpoints: GET /__mock/state, POST /__mock/reset' });
  };

  try {
    prism = await startPrism({
      mode: 'proxy',
      specPath,
      host: '127.0.0.1',
      port: 0,
      upstream: `http://127.0.0.1:${enginePort}`,
      errors: true,
      startTimeoutMs,
      cacheDir,
    });
    front = createFrontServer({ prismUrl: prism.url, control });
    const port = await listen(front.server, options.port ?? 0, host);
    await warmUp(`http://127.0.0.1:${(front.server.address() as AddressInfo).port}`, seed.accountId, seed.jobs[0]!.id);
    state = makeState();
    for (const operationId of Object.keys(engine.served)) delete engine.served[operationId];
    warmingUp = false;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const running = prism;
    const frontServer = front;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      pid: running.pid,
      mode: 'stateful',
      async reset() {
        state = makeState();
      },
      async state() {
        return summary();
      },
      flushWebhooks: async () => webhooks?.flush(),
      async stop() {
        if (ticker) clearInterval(ticker);
        await close(frontServer.server);
        frontServer.agent.destroy();
        await running.stop();
        await close(engineServer);
        await webhooks?.flush();
      },
    };
  } catch (error) {
    if (ticker) clearInterval(ticker);
    if (front) await close(front.server);
    await prism?.stop();
    await close(engineServer);
    throw error;
  }
}

/**
 * Prism builds its validators for an operation on its first request, which takes seconds for the run operations;
 * doing it here keeps that pause out of the caller's first poll. The state is rebuilt afterwards.
 */
async function warmUp(url: string, accountId: number, jobId: number): Promise<void> {
  const base = `${url}/api/v2/accounts/${accountId}`;
  const headers = { Authorization: 'Token warm-up', 'content-type': 'application/json' };
  const trigger = await fetch(`${base}/jobs/${jobId}/run/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ cause: 'warm-up' }),
  });
  await trigger.arrayBuffer();
  await Promise.all(
    ['/runs/70403103/?include_related=run_steps,trigger', '/runs/?limit=1', '/jobs/?limit=1'].map(async (path) => {
      const response = await fetch(base + path, { headers });
      await response.arrayBuffer();
    }),
  );
}

export { bundledSpecPath };
