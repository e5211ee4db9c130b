// One run's life: Queued → Starting → Running → Success / Error / Cancelled, on the clock or one state per poll, and
// how the run and its steps look at any moment.
import { RunStatus } from '../../generated/enums.js';
import type { components } from '../../generated/schema.js';
import type { RunOutcome } from './scenarios.js';
import { apiTimestamp, clockDuration, humanAgo, humanDuration } from './time.js';

type Schemas = components['schemas'];
export type Run = Schemas['Run'];
export type RunStep = Schemas['RunStep'];
export type RunTrigger = Schemas['RunTrigger'];
type RunStatusCode = Run['status'];

export type Phase = 'queued' | 'starting' | 'running' | 'done';
export type EndReason = 'success' | 'error' | 'cancelled' | 'timeout';

export interface PlannedStep {
  name: string;
  /** The dbt command; null for the clone and profile steps. */
  command: string | null;
}

export interface RunRecord {
  id: number;
  accountId: number;
  jobId: number;
  projectId: number;
  environmentId: number;
  dbtVersion: string;
  trigger: RunTrigger & { id: number };
  retryingRunId: number | null;
  outcome: RunOutcome;
  /** Index (from 0) of the step that fails, for the `error` outcome. */
  failIndex: number;
  failureMessage: string;
  steps: PlannedStep[];
  stepIdBase: number;
  /** Phase lengths in ms of wall-clock time (already divided by the speed). */
  queuedMs: number;
  startingMs: number;
  runningMs: number;
  /** For `hang` runs: ms of running before the run times out; null: never. */
  timeoutMs: number | null;
  timeoutSeconds: number | null;
  phase: Phase;
  status: RunStatusCode;
  createdAt: number;
  updatedAt: number;
  dequeuedAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  endReason: EndReason | null;
  statusMessage: string | null;
  /** Once done: the index of the last step that shows, and that step's status. */
  lastStep: number;
  lastStepStatus: RunStatusCode;
}

export type Transition = 'started' | 'errored' | 'completed';

/** How dbt Cloud shows each status: its word, and the colour of a step in that status. */
const statusLook: Record<RunStatusCode, { humanized: Run['status_humanized']; colour: string }> = {
  [RunStatus.Queued]: { humanized: 'Queued', colour: '#a3a3a3' },
  [RunStatus.Starting]: { humanized: 'Starting', colour: '#a3a3a3' },
  [RunStatus.Running]: { humanized: 'Running', colour: '#3a6de8' },
  [RunStatus.Success]: { humanized: 'Success', colour: '#55973a' },
  [RunStatus.Error]: { humanized: 'Error', colour: '#d33f3f' },
  [RunStatus.Cancelled]: { humanized: 'Cancelled', colour: '#d8a031' },
};

/** Steps that run before the job's own commands, as in dbt Cloud. */
export function plannedSteps(commands: string[]): PlannedStep[] {
  return [
    { name: 'Clone git repository', command: null },
    { name: 'Create profile from connection Snowflake', command: null },
    ...['dbt deps', ...commands].map((command) => ({ name: `Invoke dbt with \`${command}\``, command })),
  ];
}

/** The number of steps the run will show once it ends as planned. */
function plannedStepCount(record: RunRecord): number {
  return record.outcome === 'error' ? record.failIndex + 1 : record.steps.length;
}

/** Which step is executing at `now` while the run is running (clock mode), or the last planned one (poll mode). */
function currentStep(record: RunRecord, now: number, stepPerPoll: boolean): number {
  const count = plannedStepCount(record);
  if (stepPerPoll || record.startedAt === null || record.runningMs <= 0) return count - 1;
  return Math.min(count - 1, Math.floor(((now - record.startedAt) / record.runningMs) * count));
}

export interface Lifecycle {
  stepPerPoll: boolean;
  onTransition(record: RunRecord, transition: Transition): void;
}

function finish(record: RunRecord, at: number, reason: EndReason, life: Lifecycle): void {
  const status: RunStatusCode =
    reason === 'success' ? RunStatus.Success : reason === 'cancelled' ? RunStatus.Cancelled : RunStatus.Error;
  const wasRunning = record.startedAt !== null;
  record.phase = 'done';
  record.status = status;
  record.endReason = reason;
  record.finishedAt = at;
  record.updatedAt = at;
  if (reason === 'success') {
    record.lastStep = record.steps.length - 1;
    record.lastStepStatus = RunStatus.Success;
  } else if (reason === 'error') {
    record.lastStep = record.failIndex;
    record.lastStepStatus = RunStatus.Error;
    record.statusMessage = record.failureMessage;
  } else {
    record.lastStep = wasRunning ? currentStep(record, at, life.stepPerPoll) : -1;
    record.lastStepStatus = reason === 'cancelled' ? RunStatus.Cancelled : RunStatus.Error;
    record.statusMessage =
      reason === 'cancelled'
        ? 'Cancelled by request through the API.'
        : `The run timed out: it ran longer than its timeout of ${record.timeoutSeconds} seconds.`;
  }
  if (status === RunStatus.Error) life.onTransition(record, 'errored');
  life.onTransition(record, 'completed');
}

function enter(record: RunRecord, phase: 'starting' | 'running', at: number, life: Lifecycle): void {
  record.phase = phase;
  record.updatedAt = at;
  if (phase === 'starting') {
    record.status = RunStatus.Starting;
    record.dequeuedAt = at;
  } else {
    record.status = RunStatus.Running;
    record.startedAt = at;
    life.onTransition(record, 'started');
  }
}

/** Brings a run up to `now` on the clock. */
export function advanceOnClock(record: RunRecord, now: number, life: Lifecycle): void {
  for (;;) {
    if (record.phase === 'queued' && now >= record.createdAt + record.queuedMs) {
      enter(record, 'starting', record.createdAt + record.queuedMs, life);
    } else if (record.phase === 'starting' && now >= record.dequeuedAt! + record.startingMs) {
      enter(record, 'running', record.dequeuedAt! + record.startingMs, life);
    } else if (record.phase === 'running') {
      const started = record.startedAt!;
      if (record.outcome !== 'hang' && now >= started + record.runningMs) {
        finish(record, started + record.runningMs, record.outcome, life);
      } else if (record.outcome === 'hang' && record.timeoutMs !== null && now >= started + record.timeoutMs) {
        finish(record, started + record.timeoutMs, 'timeout', life);
      }
      return;
    } else {
      return;
    }
  }
}

/** Moves a run one state on (poll mode): each poll of the run shows the next state. */
export function advanceOnePoll(record: RunRecord, now: number, life: Lifecycle): void {
  if (record.phase === 'queued') enter(record, 'starting', now, life);
  else if (record.phase === 'starting') enter(record, 'running', now, life);
  else if (record.phase === 'running') {
    if (record.outcome !== 'hang') finish(record, now, record.outcome, life);
    else if (record.timeoutMs !== null) finish(record, now, 'timeout', life);
  }
}

export function cancelRun(record: RunRecord, now: number, life: Lifecycle): void {
  if (record.phase !== 'done') finish(record, now, 'cancelled', life);
}

/** Ends a run in the past at once, without notifying anyone (for the seeded history). */
export function completeInThePast(record: RunRecord, life: Lifecycle): void {
  const quiet: Lifecycle = { ...life, onTransition: () => undefined };
  advanceOnClock(record, Number.MAX_SAFE_INTEGER, quiet);
}

function stepLogs(record: RunRecord, index: number, status: RunStatusCode): string {
  const step = record.steps[index]!;
  if (step.command === null) {
    return index === 0
      ? `Cloning into '/tmp/jobs/${record.id}/target'...\nChecked out commit ${gitSha(record).slice(0, 7)} on branch ${gitBranch(record)}`
      : 'Writing profile for connection Snowflake';
  }
  if (step.command === 'dbt deps') return 'Installing dbt-labs/dbt_utils\nInstalled from version 1.3.0';
  const head = `Running with dbt=${record.dbtVersion}\nFound 2 models, 1 data test, 1 source, 611 macros`;
  if (status === RunStatus.Running) return `${head}\n1 of 3 START sql view model prod.stg_orders ...... [RUN]`;
  if (status === RunStatus.Cancelled) return `${head}\nCancelled: the run was cancelled while this step was running.`;
  if (status === RunStatus.Error && record.endReason === 'timeout') return `${head}\n${record.statusMessage}`;
  if (status === RunStatus.Error)
    return `${head}\nCompleted with 1 error, 0 partial successes, and 0 warnings:\n${record.failureMessage}\nDone. PASS=2 WARN=0 ERROR=1 SKIP=0 TOTAL=3`;
  return `${head}\nCompleted successfully\nDone. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3`;
}

function gitBranch(record: RunRecord): string {
  return record.trigger.git_branch ?? 'main';
}
function gitSha(record: RunRecord): string {
  return record.trigger.git_sha ?? '9f1c2e4b7a0d3c6e8f5a1b2c3d4e5f60718293a4';
}

/** The steps that show at `now`, with their state and timings. */
export function visibleSteps(record: RunRecord, now: number, stepPerPoll: boolean): RunStep[] {
  if (record.startedAt === null) return [];
  const started = record.startedAt;
  let last: number;
  let lastStatus: RunStatusCode;
  let slice: number;
  if (record.phase === 'done') {
    last = record.lastStep;
    lastStatus = record.lastStepStatus;
    slice = (record.finishedAt! - started) / Math.max(1, last + 1);
  } else {
    last = currentStep(record, now, stepPerPoll);
    lastStatus = RunStatus.Running;
    slice =
      stepPerPoll || record.runningMs <= 0 ? (now - started) / (last + 1) : record.runningMs / plannedStepCount(record);
  }
  const steps: RunStep[] = [];
  for (let index = 0; index <= last; index++) {
    const status: RunStatusCode = index < last ? RunStatus.Success : lastStatus;
    const id = record.stepIdBase + index;
    const stepStart = started + index * slice;
    const stepEnd = status === RunStatus.Running ? null : index < last ? stepStart + slice : record.finishedAt!;
    const command = record.steps[index]!.command;
    const logs = stepLogs(record, index, status);
    steps.push({
      id,
      run_id: record.id,
      account_id: record.accountId,
      index: index + 1,
      name: record.steps[index]!.name,
      status,
      status_humanized: statusLook[status].humanized,
      status_color: statusLook[status].colour,
      logs,
      debug_logs: `${logs}\n[debug] step ${index + 1} of run ${record.id}`,
      truncated_debug_logs: null,
      log_location: 'db',
      log_archive_type: status === RunStatus.Running ? null : 'db_flushed',
      log_path: null,
      debug_log_path: null,
      started_at: apiTimestamp(stepStart),
      finished_at: stepEnd === null ? null : apiTimestamp(stepEnd),
      duration: clockDuration((stepEnd ?? now) - stepStart),
      duration_humanized: humanDuration((stepEnd ?? now) - stepStart),
      run_step_command: command === null ? null : { run_step_id: id, dbt_command: command },
      run_step_invocation: { run_step_id: id, run_id: record.id },
      created_at: apiTimestamp(stepStart),
      updated_at: apiTimestamp(stepEnd ?? now),
    });
  }
  return steps;
}

export interface RenderContext {
  /** The mock's own base URL: `href` links to the run there. */
  baseUrl: string;
  now: number;
  stepPerPoll: boolean;
  /** The latest run of the run's job (for `can_retry`). */
  isLatestOfJob: boolean;
  include: Set<string>;
  job?: Schemas['Job'];
  environment?: Schemas['Environment'];
}

/** The run as the API returns it. */
export function renderRun(record: RunRecord, context: RenderContext): Run {
  const { now } = context;
  const done = record.phase === 'done';
  const end = record.finishedAt ?? now;
  const queuedUntil = record.startedAt ?? end;
  const canRetry = record.status === RunStatus.Error && context.isLatestOfJob;
  const started = record.startedAt !== null;
  const hasSources = record.steps.some((step) => step.command?.startsWith('dbt source freshness'));
  const run: Run = {
    id: record.id,
    trigger_id: record.trigger.id,
    account_id: record.accountId,
    project_id: record.projectId,
    environment_id: record.environmentId,
    job_definition_id: record.jobId,
    job_id: record.jobId,
    status: record.status,
    status_humanized: statusLook[record.status].humanized,
    status_message: record.statusMessage,
    dbt_version: record.dbtVersion,
    git_branch: started ? gitBranch(record) : null,
    git_sha: started ? gitSha(record) : null,
    owner_thread_id: null,
    executed_by_thread_id: started ? `dbt-run-${record.id}-mock` : null,
    deferring_run_id: null,
    retrying_run_id: record.retryingRunId,
    blocked_by: [],
    artifacts_saved: done && record.lastStep >= 0,
    artifact_s3_path: done && record.lastStep >= 0 ? `mock/runs/${record.id}/artifacts/target` : null,
    has_docs_generated: false,
    has_sources_generated: done && hasSources,
    notifications_sent: done,
    created_at: apiTimestamp(record.createdAt),
    updated_at: apiTimestamp(record.updatedAt),
    should_start_at: apiTimestamp(record.createdAt),
    dequeued_at: record.dequeuedAt === null ? null : apiTimestamp(record.dequeuedAt),
    started_at: record.startedAt === null ? null : apiTimestamp(record.startedAt),
    finished_at: record.finishedAt === null ? null : apiTimestamp(record.finishedAt),
    last_checked_at: apiTimestamp(Math.min(now, end)),
    last_heartbeat_at: started ? apiTimestamp(Math.min(now, end)) : null,
    in_progress: !done,
    is_running: record.status === RunStatus.Running,
    is_complete: done,
    is_success: record.status === RunStatus.Success,
    is_error: record.status === RunStatus.Error,
    is_cancelled: record.status === RunStatus.Cancelled,
    duration: clockDuration(end - record.createdAt),
    queued_duration: clockDuration(queuedUntil - record.createdAt),
    run_duration: clockDuration(started ? end - record.startedAt! : 0),
    duration_humanized: humanDuration(end - record.createdAt),
    queued_duration_humanized: humanDuration(queuedUntil - record.createdAt),
    run_duration_humanized: humanDuration(started ? end - record.startedAt! : 0),
    created_at_humanized: humanAgo(record.createdAt, now),
    finished_at_humanized: record.finishedAt === null ? null : humanAgo(record.finishedAt, now),
    can_retry: canRetry,
    retry_not_supported_reason: canRetry
      ? null
      : record.status === RunStatus.Error
        ? 'RETRY_NOT_LATEST_RUN'
        : 'RETRY_NOT_FAILED_RUN',
    href: `${context.baseUrl}/deploy/${record.accountId}/projects/${record.projectId}/runs/${record.id}/`,
    deprecation: done ? { count: 0 } : null,
    run_steps: context.include.has('run_steps') ? visibleSteps(record, now, context.stepPerPoll) : [],
  };
  if (context.include.has('trigger')) run.trigger = record.trigger;
  if (context.include.has('job')) run.job = context.job ?? null;
  if (context.include.has('environment')) run.environment = context.environment ?? null;
  return run;
}

/** The command of the failed step and those it skipped, as getRunFailureDetails reports them. */
export function failureDetails(record: RunRecord): { failed_step: string | null; skipped_steps: string[] } {
  if (record.status !== RunStatus.Error || record.lastStep < 0) return { failed_step: null, skipped_steps: [] };
  const commands = record.steps.map((step) => step.command);
  return {
    failed_step: commands[record.lastStep] ?? record.steps[record.lastStep]!.name,
    skipped_steps: commands.slice(record.lastStep + 1).filter((command): command is string => command !== null),
  };
}
