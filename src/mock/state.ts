// Everything the mock remembers: projects, environments, jobs and runs, with the scenario of each job.
import { RunStatus } from '../../generated/enums.js';
import type { components } from '../../generated/schema.js';
import {
  advanceOnClock,
  advanceOnePoll,
  cancelRun,
  completeInThePast,
  plannedSteps,
  type Lifecycle,
  type RunRecord,
  type RunTrigger,
  type Transition,
} from './runs.js';
import {
  defaultDurations,
  defaultFailureMessage,
  type FaultRule,
  type JobScenario,
  type RunOutcome,
  type Scenarios,
} from './scenarios.js';
import { makeJob } from './jobs.js';
import type { Environment, Job, Project, Seed, StoredObject } from './seed.js';
import { apiTimestamp } from './time.js';

export type TriggerRunRequest = components['schemas']['TriggerRunRequest'];
/** A value of an environment variable as the mock keeps it: what the API shows, plus the value it never returns. */
export type StoredEnvironmentVariable = components['schemas']['EnvironmentVariable'] & { raw_value: string };

export interface StateOptions {
  scenarios: Scenarios;
  /** How many times faster than the scenario's durations runs go. */
  speed: number;
  stepPerPoll: boolean;
  now: () => number;
  onTransition: (record: RunRecord, transition: Transition) => void;
}

export interface Fault {
  status: 429 | 500;
  retryAfterSeconds: number;
}

/** An object kind the API creates, reads, updates, lists and soft-deletes. */
export class Collection<T extends { id: number; state?: number | null }> {
  readonly items = new Map<number, T>();
  nextId: number;
  constructor(seed: T[], firstNewId?: number) {
    for (const item of seed) this.items.set(item.id, structuredClone(item));
    this.nextId = firstNewId ?? Math.max(0, ...this.items.keys()) + 1;
  }
  /** The object unless it does not exist or is deleted. */
  get(id: number): T | undefined {
    const item = this.items.get(id);
    return item && item.state !== 2 ? item : undefined;
  }
  add(make: (id: number) => T): T {
    const item = make(this.nextId++);
    this.items.set(item.id, item);
    return item;
  }
  all(): T[] {
    return [...this.items.values()];
  }
}

export class MockState {
  readonly accountId: number;
  readonly projects: Collection<Project>;
  readonly environments: Collection<Environment>;
  readonly jobs: Collection<Job>;
  /** v3 objects the mock keeps as the API sends them: per-project connections, account connections, repositories
   * and warehouse credentials. */
  readonly projectConnections: Collection<StoredObject>;
  readonly accountConnections: Collection<StoredObject>;
  readonly repositories: Collection<StoredObject>;
  readonly credentials: Collection<StoredObject>;
  /** Project defaults, environment values and job overrides (v3), ids from the spec's example range. */
  readonly environmentVariables = new Collection<StoredEnvironmentVariable>([], 412000);
  readonly runs = new Map<number, RunRecord>();
  /** Step id → run id. */
  readonly stepOwners = new Map<number, number>();
  private nextRunId = 70403200;
  private nextTriggerId = 71823000;
  private nextStepId = 198801000;
  private readonly requestCounts = new Map<string, number>();
  readonly counters = { requests: 0, faults: 0 };
  private readonly life: Lifecycle;

  constructor(
    readonly seed: Seed,
    readonly options: StateOptions,
  ) {
    this.accountId = seed.accountId;
    this.life = { stepPerPoll: options.stepPerPoll, onTransition: options.onTransition };
    this.projects = new Collection(seed.projects);
    this.environments = new Collection(seed.environments);
    this.projectConnections = new Collection(seed.projectConnections);
    this.accountConnections = new Collection(seed.accountConnections);
    this.repositories = new Collection(seed.repositories);
    this.credentials = new Collection(seed.credentials);
    const template = seed.jobs[0];
    const production = seed.environments.find((env) => env.type === 'deployment') ?? seed.environments[0];
    this.jobs = new Collection(seed.jobs);
    for (const [id, scenario] of Object.entries(options.scenarios.jobs ?? {})) {
      if (this.jobs.items.has(Number(id))) continue;
      const fields = {
        environment_id: production?.id,
        project_id: production?.project_id,
        name: scenario.name ?? `Job ${id}`,
        description: '',
        execute_steps: scenario.steps ?? ['dbt build'],
        job_type: 'other',
      };
      const job: Job = template
        ? ({ ...structuredClone(template), ...fields, triggers: { ...template.triggers, schedule: false } } as Job)
        : makeJob(fields, { id: Number(id), accountId: this.accountId, now: options.now() });
      this.jobs.items.set(Number(id), { ...job, id: Number(id) });
    }
    this.jobs.nextId = Math.max(0, ...this.jobs.items.keys()) + 1;
    this.seedHistory();
  }

  /** Two finished runs of the first job, with the spec's example ids: one success, one that failed in `dbt build`. */
  private seedHistory(): void {
    const job = this.seed.jobs[0];
    if (!job) return;
    const twoDaysAgo = this.options.now() - 2 * 86_400_000;
    this.addFinishedRun(job, 'success', twoDaysAgo, 70403103);
    this.addFinishedRun(job, 'error', twoDaysAgo + 86_400_000, 70403104);
  }

  /**
   * A run of the job that the schedule started at `at` and that has long finished with `outcome`, as found in an
   * account's history (no webhook is sent for it).
   */
  addFinishedRun(job: Job, outcome: 'success' | 'error', at: number, id?: number): RunRecord {
    const record = this.createRun(
      job,
      { cause: 'Kicked off from schedule' },
      {
        ...(id === undefined ? {} : { id }),
        createdAt: at,
        outcome,
        durations: { queued: 3, starting: 16, running: 12 * 60 },
        speed: 1,
        causeCategory: 'scheduled',
      },
    );
    completeInThePast(record, this.life);
    return record;
  }

  /** A new job with the API's defaults under `fields`, as a create through the API or in dbt Cloud's UI makes it. */
  addJob(fields: Record<string, unknown>): Job {
    return this.jobs.add((id) => makeJob(fields, { id, accountId: this.accountId, now: this.options.now() }));
  }

  /** A project default, an environment value or a job override, as if set in dbt Cloud's UI (nothing is checked). */
  addEnvironmentVariable(
    value: Pick<StoredEnvironmentVariable, 'project_id' | 'name' | 'type' | 'raw_value'> &
      Partial<Pick<StoredEnvironmentVariable, 'environment_id' | 'job_definition_id'>>,
  ): StoredEnvironmentVariable {
    const now = apiTimestamp(this.options.now());
    return this.environmentVariables.add((id) => ({
      environment_id: null,
      job_definition_id: null,
      user_id: null,
      ...value,
      id,
      account_id: this.accountId,
      display_value: null,
      state: 1,
      created_at: now,
      updated_at: now,
    }));
  }

  scenarioOf(jobId: number): JobScenario {
    return { ...this.options.scenarios.defaults, ...this.options.scenarios.jobs?.[String(jobId)] };
  }

  /** A new queued run of the job. */
  createRun(
    job: Job,
    request: TriggerRunRequest,
    how: {
      id?: number;
      createdAt?: number;
      outcome?: RunOutcome;
      durations?: { queued: number; starting: number; running: number };
      speed?: number;
      retrying?: RunRecord;
      causeCategory?: RunTrigger['cause_category'];
    } = {},
  ): RunRecord {
    const scenario = this.scenarioOf(job.id);
    const now = how.createdAt ?? this.options.now();
    const speed = how.speed ?? this.options.speed;
    const durations = { ...defaultDurations, ...scenario.durations, ...how.durations };
    let commands = request.steps_override ?? job.execute_steps;
    if (how.retrying) {
      // A retry starts again at the step that failed and runs the ones it skipped.
      const failed = how.retrying.steps.slice(Math.max(3, how.retrying.lastStep));
      commands = failed.map((step) => step.command).filter((command): command is string => command !== null);
      if (commands.length === 0) commands = job.execute_steps;
    }
    const steps = plannedSteps(commands);
    const failingPrefix = scenario.failingStep ?? 'dbt build';
    const failing = steps.findIndex((step, index) => index >= 3 && step.command?.startsWith(failingPrefix));
    const timeoutSeconds =
      request.timeout_seconds_override ?? (scenario.timeoutSeconds || job.execution?.timeout_seconds || null);
    const id = how.id ?? this.nextRunId++;
    const triggerId = this.nextTriggerId++;
    const stepIdBase = this.nextStepId;
    this.nextStepId += steps.length;
    const record: RunRecord = {
      id,
      accountId: this.accountId,
      jobId: job.id,
      projectId: job.project_id,
      environmentId: job.environment_id,
      dbtVersion: request.dbt_version_override ?? job.dbt_version ?? job.raw_dbt_version ?? '1.9.0-latest',
      trigger: {
        id: triggerId,
        cause: request.cause,
        cause_category: how.causeCategory ?? (how.retrying ? 'rerun' : 'api'),
        job_definition_id: job.id,
        git_branch: request.git_branch ?? null,
        git_sha: request.git_sha ?? null,
        azure_pull_request_id: request.azure_pull_request_id ?? null,
        github_pull_request_id: request.github_pull_request_id ?? null,
        gitlab_merge_request_id: request.gitlab_merge_request_id ?? null,
        non_native_pull_request_id: request.non_native_pull_request_id ?? null,
        schema_override: request.schema_override ?? null,
        dbt_version_override: request.dbt_version_override ?? null,
        threads_override: request.threads_override ?? null,
        target_name_override: request.target_name_override ?? null,
        generate_docs_override: request.generate_docs_override ?? null,
        timeout_seconds_override: request.timeout_seconds_override ?? null,
        steps_override: request.steps_override ?? null,
        created_at: apiTimestamp(now),
      },
      retryingRunId: how.retrying?.id ?? null,
      outcome: how.outcome ?? (how.retrying ? (scenario.retryOutcome ?? 'success') : (scenario.outcome ?? 'success')),
      failIndex: failing >= 0 ? failing : steps.length - 1,
      failureMessage: scenario.message ?? defaultFailureMessage,
      steps,
      stepIdBase,
      queuedMs: (durations.queued * 1000) / speed,
      startingMs: (durations.starting * 1000) / speed,
      runningMs: (durations.running * 1000) / speed,
      timeoutMs: timeoutSeconds ? (timeoutSeconds * 1000) / speed : null,
      timeoutSeconds: timeoutSeconds || null,
      phase: 'queued',
      status: RunStatus.Queued,
      createdAt: now,
      updatedAt: now,
      dequeuedAt: null,
      startedAt: null,
      finishedAt: null,
      endReason: null,
      statusMessage: null,
      lastStep: -1,
      lastStepStatus: 1,
    };
    this.runs.set(id, record);
    for (let index = 0; index < steps.length; index++) this.stepOwners.set(stepIdBase + index, id);
    return record;
  }

  /** Brings every unfinished run up to now (clock mode). */
  tick(): void {
    if (this.options.stepPerPoll) return;
    const now = this.options.now();
    for (const record of this.runs.values()) if (record.phase !== 'done') advanceOnClock(record, now, this.life);
  }

  /** The run as of now; in poll mode, `poll` moves it one state on first. */
  run(id: number, poll = false): RunRecord | undefined {
    const record = this.runs.get(id);
    if (!record) return undefined;
    if (this.options.stepPerPoll) {
      if (poll) advanceOnePoll(record, this.options.now(), this.life);
    } else {
      advanceOnClock(record, this.options.now(), this.life);
    }
    return record;
  }

  cancel(record: RunRecord): void {
    cancelRun(record, this.options.now(), this.life);
  }

  /** The newest run of the job, if any. */
  latestRunOf(jobId: number): RunRecord | undefined {
    let latest: RunRecord | undefined;
    for (const record of this.runs.values()) {
      if (record.jobId === jobId && (!latest || record.id > latest.id)) latest = record;
    }
    return latest;
  }

  /** Counts a request about `jobId` (or about no job) and says whether the fault schedule makes it fail. */
  fault(jobId: number | undefined): Fault | undefined {
    this.counters.requests++;
    const pick = (key: string, rules: FaultRule[] | undefined): Fault | undefined => {
      if (!rules?.length) return undefined;
      const count = (this.requestCounts.get(key) ?? 0) + 1;
      this.requestCounts.set(key, count);
      const rule = rules.find((candidate) => count % candidate.every === 0);
      return rule ? { status: rule.status, retryAfterSeconds: rule.retryAfterSeconds ?? 1 } : undefined;
    };
    const found =
      pick('*', this.options.scenarios.faults) ??
      (jobId === undefined ? undefined : pick(`job:${jobId}`, this.scenarioOf(jobId).faults));
    if (found) this.counters.faults++;
    return found;
  }

  /** A summary for `/__mock/state`. */
  summary() {
    this.tick();
    const byStatus: Record<string, number> = {};
    for (const record of this.runs.values()) {
      byStatus[String(record.status)] = (byStatus[String(record.status)] ?? 0) + 1;
    }
    return {
      accountId: this.accountId,
      speed: this.options.speed,
      stepPerPoll: this.options.stepPerPoll,
      projects: [...this.projects.items.values()].filter((p) => p.state !== 2).length,
      environments: [...this.environments.items.values()].filter((e) => e.state !== 2).length,
      environmentVariables: this.environmentVariables.all().filter((value) => value.state !== 2).length,
      jobs: [...this.jobs.items.values()]
        .filter((job) => job.state !== 2)
        .map((job) => ({ id: job.id, name: job.name, outcome: this.scenarioOf(job.id).outcome ?? 'success' })),
      runs: { total: this.runs.size, byStatus },
      requests: this.counters.requests,
      faults: this.counters.faults,
    };
  }
}
