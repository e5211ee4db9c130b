// A stateful dbt Cloud for jobs as code, on a free loopback port: jobs CRUD (v2), job-level environment-variable
// overrides (v3), and the project and environment lists. Creating a job fills in the API's defaults and derives the
// schedule's date and time parts from its cron, as dbt Cloud does, so a plan after an apply meets what a real account
// would send back. It records every write so tests can prove which requests were (not) sent.
import { sendJson, startServer, type ScriptedServer } from './http-server.js';
import { errorBody as failure, successBody as ok } from './scripted.js';

export type FakeJob = Record<string, unknown> & {
  id: number;
  name: string;
  project_id: number;
  environment_id: number;
};

export interface FakeEnvVar {
  id: number;
  name: string;
  project_id: number;
  type: 'project' | 'job';
  job_definition_id: number | null;
  value: string;
}

export interface FakeJobsCloud {
  url: string;
  accountId: number;
  jobs: Map<number, FakeJob>;
  envVars: Map<number, FakeEnvVar>;
  /** Writes accepted (POST, DELETE), as `METHOD path`. */
  writes: string[];
  server: ScriptedServer;
  /** Adds a job as if made in the UI; answers its id. */
  seedJob(fields: Partial<FakeJob> & { name: string }): number;
  /** Adds an override or a project default as if made in the UI. */
  seedEnvVar(variable: Omit<FakeEnvVar, 'id'>): number;
  close(): Promise<void>;
}

export interface FakeJobsCloudOptions {
  accountId?: number;
  projects?: number[];
  /** Environment id → its project id. */
  environments?: Record<number, number>;
}

const timestamp = () => new Date().toISOString().replace('T', ' ').replace('Z', '+00:00');

function withDefaults(body: Record<string, unknown>, accountId: number, id: number): FakeJob {
  const schedule = (body.schedule ?? { cron: '0 0 * * *' }) as Record<string, unknown>;
  const cron = (schedule.cron as string | undefined) ?? '0 0 * * *';
  return {
    description: '',
    dbt_version: null,
    deferring_environment_id: null,
    deferring_job_definition_id: null,
    execution: { timeout_seconds: 0 },
    generate_docs: false,
    generate_sources: false,
    run_generate_sources: false,
    job_type: 'scheduled',
    lifecycle_webhooks: false,
    run_compare_changes: false,
    compare_changes_flags: '--select state:modified',
    run_lint: false,
    errors_on_lint_failure: true,
    cost_optimization_features: [],
    settings: { threads: 4, target_name: 'default' },
    state: 1,
    triggers_on_draft_pr: false,
    job_completion_trigger_condition: null,
    ...body,
    triggers: {
      github_webhook: false,
      schedule: false,
      git_provider_webhook: false,
      on_merge: false,
      ...(body.triggers as object | undefined),
    },
    schedule: {
      cron,
      date: { type: 'custom_cron', cron },
      time: { type: 'every_hour', interval: 1 },
      ...schedule,
    },
    id,
    account_id: accountId,
    created_at: timestamp(),
    updated_at: timestamp(),
  } as unknown as FakeJob;
}

export async function startFakeJobsCloud(options: FakeJobsCloudOptions = {}): Promise<FakeJobsCloud> {
  const accountId = options.accountId ?? 43786;
  const projects = options.projects ?? [270542];
  const environments = options.environments ?? { 218762: 270542, 218763: 270542 };
  const jobs = new Map<number, FakeJob>();
  const envVars = new Map<number, FakeEnvVar>();
  const writes: string[] = [];
  let nextJobId = 500;
  let nextEnvVarId = 9000;

  const page = (items: unknown[], url: URL) => {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 100);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const slice = items.slice(offset, offset + limit);
    return ok(slice, {
      extra: { filters: {}, order_by: 'id', pagination: { count: slice.length, total_count: items.length } },
    });
  };

  const v2 = `/api/v2/accounts/${accountId}`;
  const v3 = `/api/v3/accounts/${accountId}`;
  const server = await startServer(({ method, path, url, body }, res) => {
    let m: RegExpMatchArray | null;
    let parsed: Record<string, unknown> = {};
    if (body) {
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return sendJson(res, 400, failure(400, 'Invalid JSON'));
      }
    }
    if (method !== 'GET') writes.push(`${method} ${path}`);

    if (path.startsWith(`${v2}/`)) {
      const rest = path.slice(v2.length);
      if (method === 'GET' && rest === '/projects/')
        return sendJson(
          res,
          200,
          page(
            projects.map((id) => ({ id, name: `Project ${id}` })),
            url,
          ),
        );
      if (method === 'GET' && rest === '/environments/')
        return sendJson(
          res,
          200,
          page(
            Object.entries(environments).map(([id, project]) => ({ id: Number(id), project_id: project })),
            url,
          ),
        );
      if (method === 'GET' && rest === '/jobs/') {
        const project = url.searchParams.get('project_id');
        const environment = url.searchParams.get('environment_id');
        const all = [...jobs.values()].filter(
          (job) =>
            job.state === 1 &&
            (!project || job.project_id === Number(project)) &&
            (!environment || job.environment_id === Number(environment)),
        );
        return sendJson(res, 200, page(all, url));
      }
      if (method === 'POST' && rest === '/jobs/') {
        if (!parsed.name || !parsed.project_id || !parsed.environment_id || !Array.isArray(parsed.execute_steps))
          return sendJson(res, 400, failure(400, 'name, project_id, environment_id and execute_steps are required'));
        const job = withDefaults(parsed, accountId, nextJobId++);
        jobs.set(job.id, job);
        return sendJson(res, 201, ok(job));
      }
      if ((m = rest.match(/^\/jobs\/(\d+)\/$/))) {
        const job = jobs.get(Number(m[1]));
        if (!job || job.state !== 1) return sendJson(res, 404, failure(404, 'No such job'));
        if (method === 'GET') return sendJson(res, 200, ok(job));
        if (method === 'POST') {
          const updated = { ...withDefaults(parsed, accountId, job.id), created_at: job.created_at } as FakeJob;
          jobs.set(job.id, updated);
          return sendJson(res, 200, ok(updated));
        }
        if (method === 'DELETE') {
          job.state = 2;
          return sendJson(res, 200, ok(job));
        }
      }
    }
    if (path.startsWith(`${v3}/projects/`)) {
      const rest = path.slice(`${v3}/projects/`.length);
      if (method === 'GET' && (m = rest.match(/^(\d+)\/environment-variables\/job\/$/))) {
        const projectId = Number(m[1]);
        const jobId = Number(url.searchParams.get('job_definition_id'));
        const data: Record<string, Record<string, { id: number; value: string }>> = {};
        for (const variable of envVars.values()) {
          if (variable.project_id !== projectId) continue;
          if (variable.type === 'job' && variable.job_definition_id !== jobId) continue;
          data[variable.name] = {
            ...data[variable.name],
            [variable.type]: {
              id: variable.id,
              value: variable.name.startsWith('DBT_ENV_SECRET') ? '**********' : variable.value,
            },
          };
        }
        return sendJson(res, 200, ok(data));
      }
      if (method === 'POST' && (m = rest.match(/^(\d+)\/environment-variables\/$/))) {
        const variable: FakeEnvVar = {
          id: nextEnvVarId++,
          name: String(parsed.name),
          project_id: Number(m[1]),
          type: parsed.type as FakeEnvVar['type'],
          job_definition_id: (parsed.job_definition_id as number | undefined) ?? null,
          value: String(parsed.raw_value),
        };
        const clash = [...envVars.values()].some(
          (other) =>
            other.name === variable.name &&
            other.type === variable.type &&
            other.job_definition_id === variable.job_definition_id,
        );
        if (clash) return sendJson(res, 400, failure(400, 'This override exists already'));
        envVars.set(variable.id, variable);
        return sendJson(res, 201, ok(variable));
      }
      if ((m = rest.match(/^(\d+)\/environment-variables\/(\d+)\/$/))) {
        const variable = envVars.get(Number(m[2]));
        if (!variable) return sendJson(res, 404, failure(404, 'No such variable'));
        if (method === 'POST') {
          variable.value = String(parsed.raw_value);
          return sendJson(res, 200, ok(variable));
        }
        if (method === 'DELETE') {
          envVars.delete(variable.id);
          res.writeHead(204).end();
          return;
        }
      }
    }
    return sendJson(res, 404, failure(404, `No route for ${method} ${path}`));
  });

  return {
    url: server.url,
    accountId,
    jobs,
    envVars,
    writes,
    server,
    seedJob(fields) {
      const job = withDefaults(
        {
          project_id: projects[0],
          environment_id: Number(Object.keys(environments)[0]),
          execute_steps: ['dbt build'],
          ...fields,
        },
        accountId,
        nextJobId++,
      );
      jobs.set(job.id, job);
      return job.id;
    },
    seedEnvVar(variable) {
      const id = nextEnvVarId++;
      envVars.set(id, { ...variable, id });
      return id;
    },
    close: () => server.close(),
  };
}
