// The stateful half of the mock: a node:http request listener that Prism forwards every request to. It answers the
// operations it keeps state for (runs, steps, artifacts, jobs, projects, environments, connections, repositories,
// credentials, environment variables) and 501 to the rest, which makes Prism answer those from the spec's examples.
// Prism validates what it answers against the spec. Tests also serve it alone, in-process (engine-server.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RunStatus } from '../../generated/enums.js';
import { artifact, artifactPaths } from './artifacts.js';
import { acceptedFields, ObjectStore, type ObjectKindDef } from './objects.js';
import {
  badRequest,
  fieldValue,
  HttpError,
  includes,
  listParam,
  notFound,
  numberParam,
  objectBody,
  rangeParam,
  readBody,
  send,
  sendError,
  sendObject,
  sendPage,
  stateFilter,
  success,
  type Context,
} from './reply.js';
import { newJob, withDerivedSchedule } from './jobs.js';
import { failureDetails, renderRun, visibleSteps, type RunRecord } from './runs.js';
import type { Environment, Job, Project, StoredObject } from './seed.js';
import { type MockState, type StoredEnvironmentVariable, type TriggerRunRequest } from './state.js';
import { apiTimestamp } from './time.js';

export { HttpError, sendError } from './reply.js';

type Handler = (context: Context) => void;

/** The header the front door names the mock's own base URL in (for the links in answers). */
export const baseUrlHeader = 'x-dbt-mock-base-url';

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
  private readonly objects: ObjectStore;
  private readonly kinds: {
    project: ObjectKindDef<Project>;
    environment: ObjectKindDef<Environment>;
    projectEnvironment: ObjectKindDef<Environment>;
    projectConnection: ObjectKindDef<StoredObject>;
    accountConnection: ObjectKindDef<StoredObject>;
    repository: ObjectKindDef<StoredObject>;
    credentials: ObjectKindDef<StoredObject>;
  };

  constructor(private getState: () => MockState) {
    this.objects = new ObjectStore(
      () => this.state.seed,
      () => this.state.accountId,
      () => this.state.options.now(),
    );
    const sameType = (items: () => StoredObject[]) => (body: Record<string, unknown>) =>
      items().find((item) => item.type === body.type) ?? items()[0];
    const environment: ObjectKindDef<Environment> = {
      kind: 'environment',
      what: 'The environment',
      items: () => this.state.environments,
      inProject: false,
      template: () => this.state.seed.environments[0],
      blank: {
        deployment_type: null,
        connection_id: null,
        credentials_id: null,
        extended_attributes_id: null,
        repository_id: null,
        custom_branch: null,
        use_custom_branch: false,
        supports_docs: false,
      },
      filters: ['project_id', 'project_id__in', 'dbt_version', 'dbt_version__in', 'type', 'deployment_type__in'],
    };
    this.kinds = {
      project: {
        kind: 'project',
        what: 'The project',
        items: () => this.state.projects,
        inProject: false,
        template: () => this.state.seed.projects[0],
        blank: {
          description: null,
          connection_id: null,
          repository_id: null,
          semantic_layer_config_id: null,
          dbt_project_subdirectory: null,
          docs_job_id: null,
          freshness_job_id: null,
          type: 0,
        },
      },
      environment,
      projectEnvironment: { ...environment, inProject: true, createdStatus: 201 },
      projectConnection: {
        kind: 'projectConnection',
        what: 'The connection',
        items: () => this.state.projectConnections,
        inProject: true,
        template: sameType(() => this.state.seed.projectConnections),
        blank: { created_by_id: null, created_by_service_token_id: null, private_link_endpoint_id: null },
        createdStatus: 201,
      },
      accountConnection: {
        kind: 'accountConnection',
        what: 'The connection',
        items: () => this.state.accountConnections,
        inProject: false,
        template: (body) =>
          this.state.seed.accountConnections.find((item) => item.adapter_version === body.adapter_version) ??
          this.state.seed.accountConnections[0],
        blank: { private_link_endpoint_id: null },
        // A list leaves out the adapter settings and counts the environments using the connection.
        listed: (item) => ({
          ...item,
          config: null,
          environment__count: this.state.environments
            .all()
            .filter((env) => env.state !== 2 && env.connection_id === item.id).length,
        }),
      },
      repository: {
        kind: 'repository',
        what: 'The repository',
        items: () => this.state.repositories,
        inProject: true,
        template: () => this.state.seed.repositories[0],
        blank: {
          deploy_key_id: null,
          repository_credentials_id: null,
          github_installation_id: null,
          github_webhook_id: null,
          git_provider_id: null,
          private_link_endpoint_id: null,
          pull_request_url_template: null,
        },
      },
      credentials: {
        kind: 'credentials',
        what: 'The credentials',
        items: () => this.state.credentials,
        inProject: true,
        template: sameType(() => this.state.seed.credentials),
        blank: {},
      },
    };

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
    route('getJob', 'GET', '/jobs/{id}/', (c) => sendObject(c.res, this.job(c)), jobParam);
    route('updateJob', 'POST', '/jobs/{id}/', (c) => this.updateJob(c), jobParam);
    route('deleteJob', 'DELETE', '/jobs/{id}/', (c) => this.deleteJob(c), jobParam);

    const { project, projectEnvironment, projectConnection, accountConnection, repository, credentials } = this.kinds;
    // Projects and environments: v2 and v3 are two views of the same records.
    const v3 = '/api/v3/accounts/{account_id}';
    for (const base of ['/projects/', `${v3}/projects/`]) {
      const v = base.startsWith('/api/') ? 'V3' : '';
      route(`listProjects${v}`, 'GET', base, (c) => this.objects.list(c, project));
      const def: ObjectKindDef<Project> = v ? { ...project, createdStatus: 201 } : project;
      route(`createProject${v}`, 'POST', base, (c) => this.objects.create(c, def));
      route(`getProject${v}`, 'GET', `${base}{id}/`, (c) => this.objects.get(c, project));
      route(`updateProject${v}`, 'POST', `${base}{id}/`, (c) => this.objects.update(c, project));
      route(`deleteProject${v}`, 'DELETE', `${base}{id}/`, (c) => this.objects.remove(c, project));
    }
    route('listEnvironments', 'GET', '/environments/', (c) => this.objects.list(c, environment));
    route('createEnvironment', 'POST', '/environments/', (c) => this.createEnvironment(c, environment));
    route('getEnvironment', 'GET', '/environments/{id}/', (c) => this.objects.get(c, environment));
    route('updateEnvironment', 'POST', '/environments/{id}/', (c) => this.objects.update(c, environment));
    route('deleteEnvironment', 'DELETE', '/environments/{id}/', (c) => this.objects.remove(c, environment));
    route('listAccountEnvironments', 'GET', `${v3}/environments/`, (c) => this.objects.list(c, environment));
    route('deleteAccountEnvironment', 'DELETE', `${v3}/environments/{id}/`, (c) => this.objects.remove(c, environment));
    const inProject = `${v3}/projects/{project_id}`;
    route('listProjectEnvironments', 'GET', `${inProject}/environments/`, (c) => {
      this.project(c);
      this.objects.list(c, projectEnvironment);
    });
    route('createProjectEnvironment', 'POST', `${inProject}/environments/`, (c) =>
      this.createEnvironment(c, projectEnvironment),
    );
    route('getProjectEnvironment', 'GET', `${inProject}/environments/{id}/`, (c) =>
      this.objects.get(c, projectEnvironment),
    );
    route('updateProjectEnvironment', 'POST', `${inProject}/environments/{id}/`, (c) =>
      this.objects.update(c, projectEnvironment),
    );
    route('deleteProjectEnvironment', 'DELETE', `${inProject}/environments/{id}/`, (c) =>
      this.objects.remove(c, projectEnvironment),
    );

    // Connections, repositories and credentials (v3).
    const crud = (
      names: { list: string; create: string; get: string; update: string; remove: string; patch?: string },
      base: string,
      def: ObjectKindDef<StoredObject>,
    ) => {
      const scoped =
        (handler: Handler): Handler =>
        (c) => {
          if (def.inProject) this.project(c);
          handler(c);
        };
      route(
        names.list,
        'GET',
        base,
        scoped((c) => this.objects.list(c, def)),
      );
      route(
        names.create,
        'POST',
        base,
        scoped((c) => this.objects.create(c, def)),
      );
      route(names.get, 'GET', `${base}{id}/`, (c) => this.objects.get(c, def));
      route(names.update, def.kind === 'accountConnection' ? 'PATCH' : 'POST', `${base}{id}/`, (c) =>
        this.objects.update(c, def),
      );
      if (names.patch) route(names.patch, 'PATCH', `${base}{id}/`, (c) => this.objects.update(c, def));
      route(names.remove, 'DELETE', `${base}{id}/`, (c) => this.objects.remove(c, def));
    };
    crud(
      {
        list: 'listProjectConnections',
        create: 'createProjectConnection',
        get: 'getProjectConnection',
        update: 'updateProjectConnection',
        remove: 'deleteProjectConnection',
      },
      `${inProject}/connections/`,
      projectConnection,
    );
    crud(
      {
        list: 'listAccountConnections',
        create: 'createAccountConnection',
        get: 'getAccountConnection',
        update: 'updateAccountConnection',
        remove: 'deleteAccountConnection',
      },
      `${v3}/connections/`,
      accountConnection,
    );
    crud(
      {
        list: 'listProjectRepositories',
        create: 'createProjectRepository',
        get: 'getProjectRepository',
        update: 'updateProjectRepository',
        remove: 'deleteProjectRepository',
      },
      `${inProject}/repositories/`,
      repository,
    );
    crud(
      {
        list: 'listCredentials',
        create: 'createCredentials',
        get: 'getCredentials',
        update: 'updateCredentials',
        patch: 'patchCredentials',
        remove: 'deleteCredentials',
      },
      `${inProject}/credentials/`,
      credentials,
    );

    // Environment variables (v3): project defaults, environment values and job overrides.
    const variables = `${inProject}/environment-variables`;
    route('listEnvironmentVariablesByEnvironment', 'GET', `${variables}/environment/`, (c) =>
      this.listVariablesByEnvironment(c),
    );
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
      const value = this.variable(c);
      value.state = 2;
      value.updated_at = apiTimestamp(this.state.options.now());
      sendObject(c.res, this.showVariable(value));
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
    const context: Context = {
      req,
      res,
      params: matched.match!.slice(1),
      query: url.searchParams,
      body: undefined,
      baseUrl: baseUrlOf(req),
    };
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

  private render(c: Context, record: RunRecord, include: Set<string>) {
    const state = this.state;
    return renderRun(record, {
      baseUrl: c.baseUrl,
      now: state.options.now(),
      stepPerPoll: state.options.stepPerPoll,
      isLatestOfJob: state.latestRunOf(record.jobId)?.id === record.id,
      include,
      job: state.jobs.items.get(record.jobId),
      environment: state.environments.items.get(record.environmentId),
    });
  }

  private sendRun(c: Context, record: RunRecord, include = includes(c.query)): void {
    sendObject(c.res, this.render(c, record, include));
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
    // No run of the mock defers to another.
    if (q.get('deferring_run_id')) tests.push(() => false);
    for (const [name, pick] of [
      ['created_at__range', (run: RunRecord) => run.createdAt],
      ['finished_at__range', (run: RunRecord) => run.finishedAt],
    ] as const) {
      const range = rangeParam(q, name);
      if (!range) continue;
      filters[name] = q.get(name);
      tests.push((run) => {
        const at = pick(run);
        return at !== null && at >= range[0] && at <= range[1];
      });
    }
    const matching = [...state.runs.values()].filter((run) => tests.every((test) => test(run)));
    const include = includes(q);
    sendPage(
      c,
      matching,
      q.get('order_by') ?? 'id',
      (run, field) => (field === 'created_at' ? run.createdAt : field === 'finished_at' ? run.finishedAt : run.id),
      (run) => this.render(c, run, include),
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
    if (body.account_id !== undefined && body.account_id !== null && body.account_id !== this.state.accountId)
      badRequest('account_id', 'This does not match the account in the path.');
    if (typeof body.name !== 'string' || body.name === '') badRequest('name', 'This field is required.');
    this.checkPlacement(body.project_id, body.environment_id);
    sendObject(c.res, this.state.addJob(acceptedFields(body, this.state.seed.fields.job, newJob)), 201);
  }

  /** Replaces the job's fields with those sent; `state: 2` deletes it, as the Terraform provider does. */
  private updateJob(c: Context): void {
    const job = this.job(c);
    const body = objectBody(c);
    if (body.id !== undefined && body.id !== null && Number(body.id) !== job.id)
      badRequest('id', 'The id in the body does not match the job in the path.');
    const fields = acceptedFields(body, this.state.seed.fields.job, job);
    if (fields.schedule !== undefined) fields.schedule = withDerivedSchedule(fields.schedule);
    const merged = { ...job, ...fields };
    this.checkPlacement(merged.project_id, merged.environment_id);
    Object.assign(job, fields, {
      state: body.state === 2 ? 2 : (job.state ?? 1),
      updated_at: apiTimestamp(this.state.options.now()),
    });
    sendObject(c.res, job);
  }

  /** Soft-deletes the job and answers it, its state now 2, as the API does. */
  private deleteJob(c: Context): void {
    const job = this.job(c);
    Object.assign(job, { state: 2, updated_at: apiTimestamp(this.state.options.now()) });
    sendObject(c.res, job);
  }

  // ---------- projects and environments ----------

  private project(c: Context): Project {
    return this.state.projects.get(Number(c.params[1])) ?? notFound(`The project ${c.params[1]}`);
  }

  /** A new environment, in a project that exists (the path's, for the v3 endpoint). */
  private createEnvironment(c: Context, def: ObjectKindDef<Environment>): void {
    const body = objectBody(c);
    const projectId = def.inProject ? this.project(c).id : Number(body.project_id);
    if (!this.state.projects.get(projectId))
      badRequest('project_id', `Project ${String(body.project_id)} does not exist.`);
    this.objects.create(c, def, { project_id: projectId });
  }

  // ---------- environment variables (v3) ----------

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

  /** Each variable of the project by name, with its project default and its value in each environment (by name). */
  private listVariablesByEnvironment(c: Context): void {
    const project = this.project(c);
    const environments = this.state.environments
      .all()
      .filter((env) => env.state !== 2 && env.project_id === project.id);
    const environmentId = numberParam(c.query, 'environment_id');
    const name = c.query.get('name');
    const variables: Record<string, Record<string, { id: number; value: string }>> = {};
    for (const value of this.state.environmentVariables.all()) {
      if (value.state === 2 || value.project_id !== project.id || (name !== null && value.name !== name)) continue;
      const environment = environments.find((env) => env.id === value.environment_id);
      const column =
        value.type === 'project' ? 'project' : value.type === 'environment' ? environment?.name : undefined;
      if (
        !column ||
        (environmentId !== undefined && value.type === 'environment' && value.environment_id !== environmentId)
      )
        continue;
      variables[value.name] = {
        ...variables[value.name],
        [column]: { id: value.id, value: isSecretVariable(value.name) ? secretMask : value.raw_value },
      };
    }
    send(c.res, 200, {
      data: { environments: ['project', ...environments.map((env) => env.name)], variables },
      extra: {},
      status: success,
    });
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

/**
 * The mock's own base URL, which the front door names in a header; a request straight to the engine (tests) uses its
 * Host header.
 */
function baseUrlOf(req: IncomingMessage): string {
  const named = req.headers[baseUrlHeader];
  if (typeof named === 'string' && /^https?:\/\/[\w.:[\]-]+$/.test(named)) return named;
  const host = req.headers.host;
  return typeof host === 'string' && /^[\w.:[\]-]+$/.test(host) ? `http://${host}` : 'http://127.0.0.1';
}
