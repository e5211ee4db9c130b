// The mock's engine on its own: the stateful dbt Cloud that answers behind Prism in `startMockServer`, served straight
// on a free port of 127.0.0.1, in this process. No Prism: nothing is validated against the spec, and the operations the
// engine does not keep state for answer 501 (behind Prism, Prism mocks those from the spec). It starts in milliseconds
// once the spec's examples are cached, so tests that need dbt Cloud's behaviour but not the spec's validation use it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Engine } from './engine.js';
import { bundledSpecPath } from './prism.js';
import { defaultScenarios, type Scenarios } from './scenarios.js';
import { loadSeed, withStartingData, type StartingData } from './seed.js';
import { MockState } from './state.js';

export interface EngineServerOptions extends StartingData {
  /** Path of the OpenAPI document whose examples are the starting data. Default: the package's bundled spec. */
  specPath?: string;
  /** Where the spec's examples are kept between starts (see `loadSeed`); false or left out: no cache. */
  cacheDir?: string | false;
  /**
   * What each job does when it runs, exactly as given (not laid over the defaults). Default: the mock's default
   * scenarios with the example jobs, none without them.
   */
  scenarios?: Scenarios;
  /** How many times faster than the scenarios' durations runs go. Default 1. */
  speed?: number;
  /** Each poll of a run (getRun) moves it one state on, instead of the clock. Default false. */
  stepPerPoll?: boolean;
  /** The engine's clock. Default `Date.now`. */
  now?: () => number;
}

/** A request the engine received: `GET /api/v2/accounts/1/runs/?limit=1`, and its status once answered. */
export interface ReceivedRequest {
  method: string;
  /** The path with its query string. */
  path: string;
  status?: number;
}

export interface EngineServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly accountId: number;
  /** The engine's data as it is now (a reset replaces it): jobs, runs, projects, environments, variables. */
  readonly state: MockState;
  /** Every request received, in the order received. */
  readonly requests: ReceivedRequest[];
  /** Successful answers by operationId, since start. */
  readonly served: Record<string, number>;
  /** Back to the starting data (the requests received are kept). */
  reset(): void;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

export async function startEngine(options: EngineServerOptions = {}): Promise<EngineServer> {
  const seed = withStartingData(
    loadSeed(options.specPath ?? bundledSpecPath, { cacheDir: options.cacheDir ?? false }),
    options,
  );
  const scenarios = options.scenarios ?? (options.exampleJobs === false ? {} : defaultScenarios);
  const makeState = () =>
    new MockState(seed, {
      scenarios,
      speed: options.speed ?? 1,
      stepPerPoll: options.stepPerPoll ?? false,
      now: options.now ?? Date.now,
      onTransition: () => undefined,
    });
  let state = makeState();
  const engine = new Engine(() => state);
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const received: ReceivedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
    requests.push(received);
    res.once('finish', () => (received.status = res.statusCode));
    engine.listener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountId: seed.accountId,
    get state() {
      return state;
    },
    requests,
    served: engine.served,
    reset() {
      state = makeState();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
