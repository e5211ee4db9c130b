// dbt Cloud for tests that need its behaviour but not the spec's validation: the mock's engine (src/mock/engine.ts,
// the one that answers behind Prism in startMockServer) served in this process on a free port of 127.0.0.1, with
// what tests read and seed. The spec's examples are cached in node_modules/.cache, so a start takes milliseconds.
//
//   const cloud = await startEngine({ exampleJobs: false, environments: { 11: 1, 12: 1 } });
//   const dbt = createDbtCloud({ token: 't', accountId: cloud.accountId, host: cloud.url });
//   const id = cloud.seedJob({ name: 'Made in the UI' });   // as if made in dbt Cloud's UI
//   ... expect(cloud.jobs.get(id)!.state).toBe(2); expect(cloud.writes).toEqual([]);
//   await cloud.close();
import { fileURLToPath } from 'node:url';
import {
  startEngine as startEngineServer,
  type EngineServer,
  type EngineServerOptions,
} from '../../src/mock/engine-server.js';
import type { RunRecord } from '../../src/mock/runs.js';
import type { Environment, Job, Project } from '../../src/mock/seed.js';
import type { StoredEnvironmentVariable } from '../../src/mock/state.js';

/** The folder the test runs keep the mock's caches in (the Prism setup uses it too), never the user's own. */
export const testCacheDir = fileURLToPath(new URL('../../node_modules/.cache/dbt-cloud-ts-mock', import.meta.url));

export type EngineOptions = Omit<EngineServerOptions, 'cacheDir'>;

/** A job override, project default or environment value, as set in dbt Cloud's UI. */
export interface SeededVariable {
  name: string;
  value: string;
  /** Default: the job's project for a job override, else the first project. */
  project_id?: number;
  type?: StoredEnvironmentVariable['type'];
  job_definition_id?: number;
  environment_id?: number;
}

export interface TestEngine extends EngineServer {
  /** Every job by id, deleted ones too (`state: 2`); the objects are the engine's own, so a change is a change in dbt Cloud. */
  readonly jobs: Map<number, Job>;
  /** Every environment variable value by id (project defaults, environment values, job overrides), deleted ones too. */
  readonly variables: Map<number, StoredEnvironmentVariable>;
  readonly runs: Map<number, RunRecord>;
  readonly projects: Map<number, Project>;
  readonly environments: Map<number, Environment>;
  /** `METHOD /path` of every request but GETs, in order. */
  readonly writes: string[];
  /** Ids of the runs made through the API (triggers, retries, reruns) since the start, in order. */
  readonly runsMade: number[];
  /** A job as if made in dbt Cloud's UI (the API's defaults, the first project and environment); returns its id. */
  seedJob(fields: Partial<Job> & { name: string }): number;
  /** A variable as if set in dbt Cloud's UI; returns its id. */
  seedVariable(variable: SeededVariable): number;
  /** Runs of the job that finished long ago, one per outcome, oldest first; returns their ids. */
  seedRuns(jobId: number, outcomes: Array<'success' | 'error'>): number[];
}

export async function startEngine(options: EngineOptions = {}): Promise<TestEngine> {
  const server = await startEngineServer({ ...options, cacheDir: testCacheDir });
  const before = new Set(server.state.runs.keys());
  const seeded = new Set<number>();
  const firstEnvironment = () => [...server.state.environments.items.values()][0]!;
  return {
    get url() {
      return server.url;
    },
    get accountId() {
      return server.accountId;
    },
    get state() {
      return server.state;
    },
    requests: server.requests,
    served: server.served,
    reset: () => server.reset(),
    close: () => server.close(),
    get jobs() {
      return server.state.jobs.items;
    },
    get variables() {
      return server.state.environmentVariables.items;
    },
    get runs() {
      return server.state.runs;
    },
    get projects() {
      return server.state.projects.items;
    },
    get environments() {
      return server.state.environments.items;
    },
    get writes() {
      return server.requests
        .filter((request) => request.method !== 'GET')
        .map((request) => `${request.method} ${request.path.split('?')[0]}`);
    },
    get runsMade() {
      return [...server.state.runs.keys()].filter((id) => !before.has(id) && !seeded.has(id));
    },
    seedJob(fields) {
      const environment = firstEnvironment();
      return server.state.addJob({
        project_id: environment.project_id,
        environment_id: environment.id,
        execute_steps: ['dbt build'],
        ...fields,
      }).id;
    },
    seedVariable({ value, type = 'job', ...rest }) {
      const job =
        rest.job_definition_id === undefined ? undefined : server.state.jobs.items.get(rest.job_definition_id);
      const project_id = rest.project_id ?? job?.project_id ?? firstEnvironment().project_id;
      return server.state.addEnvironmentVariable({ ...rest, project_id, type, raw_value: value }).id;
    },
    seedRuns(jobId, outcomes) {
      const job = server.state.jobs.items.get(jobId);
      if (!job) throw new Error(`seedRuns: the engine has no job ${jobId}`);
      const start = server.state.options.now() - (outcomes.length + 1) * 3_600_000;
      return outcomes.map((outcome, index) => {
        const run = server.state.addFinishedRun(job, outcome, start + index * 3_600_000);
        seeded.add(run.id);
        return run.id;
      });
    },
  };
}
