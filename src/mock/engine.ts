// The stateful half of the mock: a node:http server that Prism forwards every request to. It answers the operations
// it keeps state for (runs, steps, artifacts, jobs, projects, environments) and 501 to the rest, which makes Prism
// answer those from the spec's examples. Prism validates what this server answers against the spec.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RunStatus } from '../../generated/enums.js';
import { artifact, artifactPaths } from './artifacts.js';
import { failureDetails, renderRun, visibleSteps, type RunRecord } from './runs.js';
import type { Job, Project } from './seed.js';
import { type Collection, type MockState, type StoredEnvironmentVariable, type TriggerRunRequest } from './state.js';
import { apiTimestamp } from './time.js';

type Query = URLSearchParams;
interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  query: Query;
  body: unknown;
}
type Handler = (context: Context) => void;

const success = { code: 200, is_success: true, user_message: 'Success!', developer_message: '' };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly data: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The spec's error envelope. */
export function sendError(res: ServerResponse, status: number, message: string, data: unknown = null): void {
  send(res, status, {
    status: { code: status, is_success: false, user_message: message, developer_message: null },
    data,
  });
}

function notFound(what: string): never {
  throw new HttpError(404, `${what} could not be found.`);
}

function badRequest(field: string, message: string): never {
  throw new HttpError(400, 'The request was invalid. Please double check the provided data and try again.', {
    [field]: [message],
  });
}

function numberParam(query: Query, name: string): number | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : Number(value);
}

/** `[1,2,3]` → [1, 2, 3]. */
function listParam(query: Query, name: string): number[] | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) badRequest(name, 'Send a list in square brackets.');
  return parsed.map(Number);
}

function includes(query: Query): Set<string> {
  return new Set(
    (query.get('include_related') ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

/** Sorts by `field` or `-field`, then slices a page, and sends the list envelope. */
function sendPage<T>(
  context: Context,
  items: T[],
  orderBy: string,
  value: (item: T, field: string) => number | string | null,
  render: (item: T) => unknown,
  filters: Record<string, unknown>,
): void {
  const descending = orderBy.startsWith('-');
  const field = descending ? orderBy.slice(1) : orderBy;
  const sorted = [...items].sort((a, b) => {
    const left = value(a, field);
    const right = value(b, field);
    // Nulls last whichever the direction, as the API's database does for finished_at.
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order = left < right ? -1 : left > right ? 1 : 0;
    return descending ? -order : order;
  });
  const limit = numberParam(context.query, 'limit') ?? 100;
  const offset = numberParam(context.query, 'offset') ?? 0;
  const page = sorted.slice(offset, offset + limit);
  send(context.res, 200, {
    data: page.map(render),
    extra: {
      filters: { ...filters, limit, offset },
      order_by: orderBy,
      pagination: { count: page.length, total_count: items.length },
    },
    status: success,
  });
}

/** Which lifecycle states a list asks for: `state` is 1/active (default), 2/deleted or all. */
function stateFilter(query: Query): (state: number | null | undefined) => boolean {
  const asked = query.get('state') ?? 'active';
  if (asked === 'all') return () => true;
  const wanted = asked === 'deleted' || asked === '2' ? 2 : 1;
  return (state) => (state ?? 1) === wanted;
}

export class Engine {
  private readonly routes: Array<{
    operationId: string;
    method: string;
    path: string;
    pattern: RegExp;
    handler: Handler;
    jobOf?: (c: Context) => number | undefined;
  }> = [];
  /** Successful answers by operationId, since start-up (a reset keeps them). */
  readonly served: Record<string, number> = {};

  constructor(private getState: () => MockState) {
    // Paths as the spec writes them; `{remainder}` (an artifact path) may hold `/`, every other parameter is a number.
    const route = (
      operationId: string,
      method: string,
      path: string,
      handler: Handler,
      jobOf?: (context: Context) => number | undefined,
    ) => {
      // Paths starting with /api/ are written whole (v3); the rest are v2 paths under the account.
      const full = path.startsWith('/api/') ? path : `/api/v2/accounts/{account_id}${path}`;
      const pattern = full.replace(/\{remainder\}/, '(.+)').replace(/\{[a-z_]+\}/g, String.raw`(\d+)`);
      this.routes.push({ operationId, method, path: full, pattern: new RegExp(`^${pattern}$`), handler, jobOf });
    };
    const jobParam = (c: Context) => Number(c.params[1]);
    const jobOfRun = (c: Context) => this.state.runs.get(Number(c.params[1]))?.jobId;
    const jobOfStep = (c: Context) => {
      const runId = this.state.stepOwners.get(Number(c.params[1]));
      return runId === undefined ? undefined : this.state.runs.get(runId)?.jobId;
    };

    route(
      'listRuns',
      'GET',
      '/runs/',
      (c) => this.listRuns(c),
      (c) => numberParam(c.query, 'job_definition_id'),
    );
    route('getRun', 'GET', '/runs/{id}/', (c) => this.getRun(c), jobOfRun);
    route('cancelRun', 'POST', '/runs/{run_id}/cancel/', (c) => this.cancelRun(c), jobOfRun);
    route('getRunFailureDetails', 'GET', '/runs/{run_id}/retry/', (c) => this.failureDetails(c), jobOfRun);
    route('retryRun', 'POST', '/runs/{run_id}/retry/', (c) => this.retryRun(c), jobOfRun);
    route('getRunStep', 'GET', '/steps/{id}/', (c) => this.getStep(c), jobOfStep);
    route('listRunArtifacts', 'GET', '/runs/{run_id}/artifacts/', (c) => this.listArtifacts(c), jobOfRun);
    route('getRunArtifact', 'GET', '/runs/{run_id}/artifacts/{remainder}', (c) => this.getRunArtifact(c), jobOfRun);
    route('getJobArtifact', 'GET', '/jobs/{job_id}/artifacts/{remainder}', (c) => this.getJobArtifact(c), jobParam);
    route('triggerJobRun', 'POST', '/jobs/{job_id}/run/', (c) => this.trigger(c), jobParam);
    route('rerunJob', 'POST', '/jobs/{job_id}/rerun/', (c) => this.rerun(c), jobParam);

    route('listJobs', 'GET', '/jobs/', (c) => this.listJobs(c));
    route('createJob', 'POST', '/jobs/', (c) => this.createJob(c));
    route('getJob', 'GET', '/jobs/{id}/', (c) => send(c.res, 200, { data: this.job(c), status: success }), jobParam);
    route('updateJob', 'POST', '/jobs/{id}/', (c) => this.updateJob(c), jobParam);
    route('deleteJob', 'DELETE', '/jobs/{id}/', (c) => this.remove(c, this.state.jobs, 'The job'), jobParam);

    route('listProjects', 'GET', '/projects/', (c) =>
      this.listSimple(c, this.state.projects, ['name__icontains', 'pk', 'pk__gt', 'pk__in']),
    );
    route('createProject', 'POST', '/projects/', (c) => this.createProject(c));
    route('getProject', 'GET', '/projects/{id}/', (c) => this.getSimple(c, this.state.projects, 'The project'));
    route('updateProject', 'POST', '/projects/{id}/', (c) => this.updateSimple(c, this.state.projects, 'The project'));
    route('deleteProject', 'DELETE', '/projects/{id}/', (c) => this.remove(c, this.state.projects, 'The project'));

    route('listEnvironments', 'GET', '/environments/', (c) =>
      this.listSimple(c, this.state.environments, ['project_id', 'project_id__in', 'pk', 'dbt_version']),
    );
    route('createEnvironment', 'POST', '/environments/', (c) => this.createEnvironment(c));
    route('getEnvironment', 'GET', '/environments/{id}/', (c) =>
      this.getSimple(c, this.state.environments, 'The environment'),
    );
    route('updateEnvironment', 'POST', '/environments/{id}/', (c) =>
      this.updateSimple(c, this.state.environments, 'The environment'),
    );
    route('deleteEnvironment', 'DELETE', '/environments/{id}/', (c) =>
      this.remove(c, this.state.environments, 'The environment'),
    );

    // Environment variables (v3): what jobs as code reads and writes for job-level overrides.
    const variables = '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables';
    route(
      'listJobEnvironmentVariableOverrides',
      'GET',
      `${variables}/job/`,
      (c) => this.listJobVariables(c),
      (c) => numberParam(c.query, 'job_definition_id'),
    );
    route('createEnvironmentVariable', 'POST', `${variables}/`, (c) => this.createVariable(c));
    route('updateEnvironmentVariable', 'POST', `${variables}/{id}/`, (c) => this.updateVariable(c));
    route('deleteEnvironmentVariable', 'DELETE', `${variables}/{id}/`, (c) => {
      this.variable(c).state = 2;
      c.res.writeHead(204);
      c.res.end();
    });
  }

  /** The operations this engine serves (the rest it leaves to Prism). */
  operations(): Array<{ operationId: string; method: string; path: string }> {
    return this.routes.map(({ operationId, method, path }) => ({ operationId, method, path }));
  }

  private get state(): MockState {
    return this.getState();
  }

  /** The node:http request listener. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `The mock failed: ${(error as Error).message}`);
      else res.destroy();
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const matched = this.routes
      .filter((route) => route.method === req.method)
      .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
      .find((candidate) => candidate.match !== null);
    if (!matched) {
      // Not ours: Prism answers it from the spec.
      req.resume();
      res.writeHead(501, { 'content-length': 0 });
      res.end();
      return;
    }
    const raw = await readBody(req);
    const context: Context = { req, res, params: matched.match!.slice(1), query: url.searchParams, body: undefined };
    try {
      if (raw.length > 0) {
        try {
          context.body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new HttpError(400, 'The request body is not valid JSON.');
        }
      }
      if (Number(context.params[0]) !== this.state.accountId) notFound(`The account ${context.params[0]}`);
      const fault = this.state.fault(matched.route.jobOf?.(context));
      if (fault?.status === 429) {
        const seconds = fault.retryAfterSeconds;
        send(
          res,
          429,
          {
            status: {
              code: 429,
              is_success: false,
              user_message: `Request was throttled. Expected available in ${seconds} seconds.`,
              developer_message: null,
            },
            data: null,
          },
          { 'retry-after': String(seconds) },
        );
        return;
      }
      if (fault?.status === 500) throw new HttpError(500, 'An unexpected error occurred.');
      matched.route.handler(context);
      if (res.statusCode < 400)
        this.served[matched.route.operationId] = (this.served[matched.route.operationId] ?? 0) + 1;
    } catch (error) {
      if (error instanceof HttpError) sendError(res, error.status, error.message, error.data);
      else throw error;
    }
  }

  // ---------- runs ----------

  private record(c: Context, poll = false): RunRecord {
    return this.state.run(Number(c.params[1]), poll) ?? notFound(`The run ${c.params[1]}`);
  }

  private render(record: RunRecord, include: Set<string>) {
    const state = this.state;
    return renderRun(record, {
      now: state.options.now(),
      stepPerPoll: state.options.stepPerPoll,
      isLatestOfJob: state.latestRunOf(record.jobId)?.id === record.id,
      include,
      job: state.jobs.items.get(record.jobId),
      environment: state.environments.items.get(record.environmentId),
    });
  }

  private sendRun(c: Context, record: RunRecord, include = includes(c.query)): void {
    send(c.res, 200, { data: this.render(record, include), status: success });
  }

  private getRun(c: Context): void {
    this.sendRun(c, this.record(c, true));
  }

  private listRuns(c: Context): void {
    const state = this.state;
    state.tick();
    const q = c.query;
    const filters: Record<string, unknown> = { account_id: state.accountId };
    const tests: Array<(run: RunRecord) => boolean> = [];
    const equal = (name: string, pick: (run: RunRecord) => number) => {
      const value = numberParam(q, name);
      if (value === undefined) return;
      filters[name] = value;
      tests.push((run) => pick(run) === value);
    };
    const among = (name: string, pick: (run: RunRecord) => number) => {
      const values = listParam(q, name);
      if (values === undefined) return;
      filters[name] = values;
      tests.push((run) => values.includes(pick(run)));
    };
    equal('job_definition_id', (run) => run.jobId);
    equal('project_id', (run) => run.projectId);
    among('project_id__in', (run) => run.projectId);
    equal('environment_id', (run) => run.environmentId);
    equal('status', (run) => run.status);
    among('status__in', (run) => run.status);
    equal('pk', (run) => run.id);
    among('pk__in', (run) => run.id);
    const idAbove = numberParam(q, 'id__gt');
    if (idAbove !== undefined) {
      filters.id__gt = idAbove;
      tests.push((run) => run.id > idAbove);
    }
    const matching = [...state.runs.values()].filter((run) => tests.every((test) => test(run)));
    const include = includes(q);
    sendPage(
      c,
      matching,
      q.get('order_by') ?? 'id',
      (run, field) => (field === 'created_at' ? run.createdAt : field === 'finished_at' ? run.finishedAt : run.id),
      (run) => this.render(run, include),
      filters,
    );
  }

  private cancelRun(c: Context): void {
    const record = this.record(c);
    this.state.cancel(record);
    this.sendRun(c, record);
  }

  private failureDetails(c: Context): void {
    send(c.res, 200, { data: failureDetails(this.record(c)), status: success });
  }

  private retryRun(c: Context): void {
    const record = this.record(c);
    if (record.status !== RunStatus.Error)
      badRequest('run_id', 'Only a failed run can be retried (RETRY_NOT_FAILED_RUN).');
    if (this.state.latestRunOf(record.jobId)?.id !== record.id)
      badRequest('run_id', 'A newer run of this job exists (RETRY_NOT_LATEST_RUN).');
    const job = this.state.jobs.get(record.jobId) ?? notFound(`The job ${record.jobId}`);
    const retried = this.state.createRun(job, { cause: `Retry of run ${record.id}` }, { retrying: record });
    this.sendRun(c, retried, new Set(['trigger']));
  }

  private getStep(c: Context): void {
    const id = Number(c.params[1]);
    const runId = this.state.stepOwners.get(id);
    const record = runId === undefined ? undefined : this.state.run(runId);
    const step =
      record && visibleSteps(record, this.state.options.now(), this.state.options.stepPerPoll).find((s) => s.id === id);
    send(c.res, 200, { data: step ?? notFound(`The run step ${id}`), status: success });
  }

  private stepParam(c: Context): number | undefined {
    return numberParam(c.query, 'step');
  }

  private listArtifacts(c: Context): void {
    const record = this.record(c);
    const paths =
      artifactPaths(record, this.state.seed, this.stepParam(c)) ?? notFound(`The artifacts of run ${record.id}`);
    send(c.res, 200, { data: paths, status: success });
  }

  private sendArtifact(c: Context, record: RunRecord, step: number | undefined): void {
    const path = decodeURIComponent(c.params[2]!);
    const file = artifact(record, this.state.seed, path, step) ?? notFound(`The artifact ${path} of run ${record.id}`);
    if (file.kind === 'json') send(c.res, 200, file.body);
    else {
      c.res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(file.body),
      });
      c.res.end(file.body);
    }
  }

  private getRunArtifact(c: Context): void {
    this.sendArtifact(c, this.record(c), this.stepParam(c));
  }

  private getJobArtifact(c: Context): void {
    const jobId = Number(c.params[1]);
    this.job(c);
    this.state.tick();
    let latest: RunRecord | undefined;
    for (const run of this.state.runs.values()) {
      if (
        run.jobId === jobId &&
        run.phase === 'done' &&
        run.lastStep >= 0 &&
        (!latest || run.finishedAt! > latest.finishedAt!)
      )
        latest = run;
    }
    this.sendArtifact(c, latest ?? notFound(`A completed run of job ${jobId}`), undefined);
  }

  private trigger(c: Context): void {
    const job = this.job(c);
    const request = c.body as TriggerRunRequest;
    if (typeof request?.cause !== 'string' || request.cause === '') badRequest('cause', 'This field is required.');
    this.sendRun(c, this.state.createRun(job, request), new Set(['trigger']));
  }

  private rerun(c: Context): void {
    const job = this.job(c);
    const last = this.state.latestRunOf(job.id);
    if (last) this.state.run(last.id);
    const run =
      last?.status === RunStatus.Error
        ? this.state.createRun(job, { cause: `Rerun of job ${job.id} from the point of failure` }, { retrying: last })
        : this.state.createRun(job, { cause: `Rerun of job ${job.id}` });
    this.sendRun(c, run, new Set(['trigger']));
  }

  // ---------- jobs ----------

  private job(c: Context): Job {
    return this.state.jobs.get(Number(c.params[1])) ?? notFound(`The job ${c.params[1]}`);
  }

  private listJobs(c: Context): void {
    const q = c.query;
    const keep = stateFilter(q);
    const filters: Record<string, unknown> = { account_id: this.state.accountId, state: q.get('state') ?? 'active' };
    let jobs = this.state.jobs.all().filter((job) => keep(job.state));
    for (const name of ['project_id', 'environment_id', 'pk'] as const) {
      const value = numberParam(q, name);
      if (value === undefined) continue;
      filters[name] = value;
      const field = name === 'pk' ? 'id' : name;
      jobs = jobs.filter((job) => job[field] === value);
    }
    const projects = listParam(q, 'project_id__in');
    if (projects) jobs = jobs.filter((job) => projects.includes(job.project_id));
    const nameContains = q.get('name__icontains');
    if (nameContains !== null) jobs = jobs.filter((job) => job.name.toLowerCase().includes(nameContains.toLowerCase()));
    sendPage(
      c,
      jobs,
      q.get('order_by') ?? 'id',
      (job, field) => fieldValue(job, field),
      (job) => job,
      filters,
    );
  }

  /** The project and environment a job points at must exist and belong together. */
  private checkPlacement(projectId: unknown, environmentId: unknown): void {
    if (!this.state.projects.get(Number(projectId)))
      badRequest('project_id', `Project ${String(projectId)} does not exist.`);
    const environment = this.state.environments.get(Number(environmentId));
    if (!environment) badRequest('environment_id', `Environment ${String(environmentId)} does not exist.`);
    if (environment.project_id !== Number(projectId))
      badRequest('environment_id', `Environment ${environment.id} is not in project ${String(projectId)}.`);
  }

  private createJob(c: Context): void {
    const body = objectBody(c);
    if (body.account_id !== undefined && body.account_id !== this.state.accountId)
      badRequest('account_id', 'This does not match the account in the path.');
    this.checkPlacement(body.project_id, body.environment_id);
    const job = this.created(this.state.jobs, this.state.seed.jobs[0]!, body, {
      description: null,
      deferring_environment_id: null,
      deferring_job_definition_id: null,
      job_type: 'other',
      run_failure_count: 0,
    });
    send(c.res, 200, { data: job, status: success });
  }

  private updateJob(c: Context): void {
    const job = this.job(c);
    const body = objectBody(c);
    if (body.id !== undefined && body.id !== null && Number(body.id) !== job.id)
      badRequest('id', 'The id in the body does not match the job in the path.');
    const merged = { ...job, ...body };
    this.checkPlacement(merged.project_id, merged.environment_id);
    Object.assign(job, merged, {
      id: job.id,
      account_id: job.account_id,
      created_at: job.created_at,
      updated_at: apiTimestamp(this.state.options.now()),
    });
    send(c.res, 200, { data: job, status: success });
  }

  // ---------- projects and environments ----------

  private remove<T extends { id: number; state?: number | null }>(
    c: Context,
    items: Collection<T>,
    what: string,
  ): void {
    const item = items.get(Number(c.params[1])) ?? notFound(`${what} ${c.params[1]}`);
    item.state = 2;
    c.res.writeHead(204);
    c.res.end();
  }

  private getSimple<T extends { id: number; state?: number | null }>(
    c: Context,
    items: Collection<T>,
    what: string,
  ): void {
    send(c.res, 200, { data: items.get(Number(c.params[1])) ?? notFound(`${what} ${c.params[1]}`), status: success });
  }

  private listSimple<T extends { id: number; state?: number | null; name: string; project_id?: number }>(
    c: Context,
    items: Collection<T>,
    filterNames: string[],
  ): void {
    const q = c.query;
    const keep = stateFilter(q);
    const filters: Record<string, unknown> = { account_id: this.state.accountId, state: q.get('state') ?? 'active' };
    let found = items.all().filter((item) => keep(item.state));
    for (const name of filterNames) {
      const raw = q.get(name);
      if (raw === null) continue;
      filters[name] = raw;
      if (name === 'name__icontains')
        found = found.filter((item) => item.name.toLowerCase().includes(raw.toLowerCase()));
      else if (name === 'pk') found = found.filter((item) => item.id === Number(raw));
      else if (name === 'pk__gt') found = found.filter((item) => item.id > Number(raw));
      else if (name === 'pk__in') found = found.filter((item) => listParam(q, name)!.includes(item.id));
      else if (name === 'project_id') found = found.filter((item) => item.project_id === Number(raw));
      else if (name === 'project_id__in')
        found = found.filter((item) => listParam(q, name)!.includes(item.project_id ?? 0));
      else if (name === 'dbt_version')
        found = found.filter((item) => (item as { dbt_version?: string | null }).dbt_version === raw);
    }
    sendPage(
      c,
      found,
      q.get('order_by') ?? 'id',
      (item, field) => fieldValue(item, field),
      (item) => item,
      filters,
    );
  }

  private updateSimple<T extends { id: number; state?: number | null }>(
    c: Context,
    items: Collection<T>,
    what: string,
  ): void {
    const item = items.get(Number(c.params[1])) ?? notFound(`${what} ${c.params[1]}`);
    const body = objectBody(c);
    if (body.id !== undefined && body.id !== null && Number(body.id) !== item.id)
      badRequest('id', `The id in the body does not match the path.`);
    Object.assign(item, body, { id: item.id, updated_at: apiTimestamp(this.state.options.now()) });
    send(c.res, 200, { data: item, status: success });
  }

  /**
   * A new object in `items`: a copy of the seed's `template` with the fields a new object starts without (`blank`),
   * the request's fields over it, and the fields the server owns (id, account, state, timestamps) last.
   */
  private created<T extends { id: number; state?: number | null }>(
    items: Collection<T>,
    template: T,
    body: Record<string, unknown>,
    blank: Record<string, unknown>,
  ): T {
    const now = apiTimestamp(this.state.options.now());
    return items.add(
      (id) =>
        ({
          ...structuredClone(template),
          ...blank,
          ...body,
          id,
          account_id: this.state.accountId,
          state: 1,
          created_at: now,
          updated_at: now,
        }) as T,
    );
  }

  private createProject(c: Context): void {
    const body = objectBody(c);
    const project = this.created(this.state.projects, this.state.seed.projects[0]!, body, {
      description: null,
      connection_id: null,
      repository_id: null,
      docs_job_id: null,
      freshness_job_id: null,
    });
    send(c.res, 200, { data: project, status: success });
  }

  private createEnvironment(c: Context): void {
    const body = objectBody(c);
    if (!this.state.projects.get(Number(body.project_id)))
      badRequest('project_id', `Project ${String(body.project_id)} does not exist.`);
    const environment = this.created(this.state.environments, this.state.seed.environments[0]!, body, {
      deployment_type: null,
      credentials_id: null,
      extended_attributes_id: null,
      custom_branch: null,
      use_custom_branch: false,
    });
    send(c.res, 200, { data: environment, status: success });
  }

  // ---------- environment variables (v3) ----------

  private project(c: Context): Project {
    return this.state.projects.get(Number(c.params[1])) ?? notFound(`The project ${c.params[1]}`);
  }

  /** The value named by the path, in the path's project. */
  private variable(c: Context): StoredEnvironmentVariable {
    const project = this.project(c);
    const value = this.state.environmentVariables.get(Number(c.params[2]));
    if (!value || value.project_id !== project.id) notFound(`The environment variable ${c.params[2]}`);
    return value;
  }

  private showVariable(value: StoredEnvironmentVariable) {
    const { raw_value, ...shown } = value;
    return { ...shown, display_value: isSecretVariable(value.name) ? secretMask : raw_value };
  }

  /** Each variable a job sees, by name, with its project default, its environment's value and the job's override. */
  private listJobVariables(c: Context): void {
    const project = this.project(c);
    const jobId = numberParam(c.query, 'job_definition_id');
    if (jobId === undefined || !Number.isInteger(jobId)) badRequest('job_definition_id', 'This field is required.');
    const job = this.state.jobs.get(jobId);
    if (!job || job.project_id !== project.id) notFound(`The job ${jobId}`);
    const name = c.query.get('name');
    const type = c.query.get('type');
    const data: Record<string, Record<string, { id: number; value: string }>> = {};
    for (const value of this.state.environmentVariables.all()) {
      if (value.state === 2 || value.project_id !== project.id) continue;
      if ((name !== null && value.name !== name) || (type !== null && value.type !== type)) continue;
      const applies =
        value.type === 'project' ||
        (value.type === 'environment' && value.environment_id === job.environment_id) ||
        (value.type === 'job' && value.job_definition_id === job.id);
      if (!applies) continue;
      data[value.name] = {
        ...data[value.name],
        [value.type]: { id: value.id, value: isSecretVariable(value.name) ? secretMask : value.raw_value },
      };
    }
    send(c.res, 200, { data, extra: {}, status: success });
  }

  private createVariable(c: Context): void {
    const project = this.project(c);
    const body = objectBody(c);
    if (body.project_id !== project.id) badRequest('project_id', 'This does not match the project in the path.');
    if (body.account_id !== this.state.accountId)
      badRequest('account_id', 'This does not match the account in the path.');
    const name = String(body.name).toUpperCase();
    const type = body.type as StoredEnvironmentVariable['type'];
    if (typeof body.raw_value !== 'string' || body.raw_value === '') badRequest('raw_value', 'This field is required.');
    const scope = { environment_id: null as number | null, job_definition_id: null as number | null, user_id: null };
    if (type === 'environment') {
      const environment = this.state.environments.get(Number(body.environment_id));
      if (!environment || environment.project_id !== project.id)
        badRequest('environment_id', `Environment ${String(body.environment_id)} is not in this project.`);
      scope.environment_id = environment.id;
    } else if (type === 'job') {
      const job = this.state.jobs.get(Number(body.job_definition_id));
      if (!job || job.project_id !== project.id)
        badRequest('job_definition_id', `Job ${String(body.job_definition_id)} is not in this project.`);
      scope.job_definition_id = job.id;
    } else if (type !== 'project') {
      badRequest('type', 'The mock keeps project, environment and job values.');
    }
    const clash = this.state.environmentVariables
      .all()
      .some(
        (other) =>
          other.state !== 2 &&
          other.project_id === project.id &&
          other.name === name &&
          other.type === type &&
          other.environment_id === scope.environment_id &&
          other.job_definition_id === scope.job_definition_id,
      );
    if (clash) badRequest('name', `${name} already has a ${type} value here; update that one instead.`);
    const now = apiTimestamp(this.state.options.now());
    const value = this.state.environmentVariables.add((id) => ({
      id,
      account_id: this.state.accountId,
      project_id: project.id,
      name,
      type,
      ...scope,
      raw_value: body.raw_value as string,
      display_value: null,
      state: 1,
      created_at: now,
      updated_at: now,
    }));
    send(c.res, 200, { data: this.showVariable(value), status: success });
  }

  private updateVariable(c: Context): void {
    const value = this.variable(c);
    const body = objectBody(c);
    if (body.type !== undefined && body.type !== value.type) badRequest('type', 'The level of a value cannot change.');
    if (body.raw_value !== undefined) {
      if (typeof body.raw_value !== 'string' || body.raw_value === '') badRequest('raw_value', 'Send a value.');
      value.raw_value = body.raw_value;
    }
    value.updated_at = apiTimestamp(this.state.options.now());
    send(c.res, 200, { data: this.showVariable(value), status: success });
  }
}

const secretMask = '**********';
const isSecretVariable = (name: string) => name.startsWith('DBT_ENV_SECRET');

function fieldValue(item: object, field: string): number | string | null {
  const value = (item as Record<string, unknown>)[field];
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function objectBody(c: Context): Record<string, unknown> {
  if (typeof c.body !== 'object' || c.body === null || Array.isArray(c.body))
    throw new HttpError(400, 'The request body must be a JSON object.');
  return c.body as Record<string, unknown>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
