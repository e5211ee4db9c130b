// How the CLI talks: human lines or JSON only, progress on a terminal or in CI logs, exit codes, and the text
// form of every object it prints. Everything a server sent passes through here before it reaches a terminal.
import { stripVTControlCharacters } from 'node:util';
import {
  DbtCloudError,
  RunCancelledError,
  RunFailedError,
  RunStatus,
  ValidationError,
  WaitTimeoutError,
  type Environment,
  type Job,
  type Logger,
  type Project,
  type Run,
} from '../index.js';

export const exitCodes = { ok: 0, runFailed: 1, runCancelled: 2, waitTimedOut: 3, usage: 4, api: 5 } as const;

export type ExitCodeName = keyof typeof exitCodes;

const exitCodeMeaning: Record<ExitCodeName, string> = {
  ok: 'success',
  runFailed: 'the run failed',
  runCancelled: 'the run was cancelled',
  waitTimedOut: 'waiting timed out',
  usage: 'usage or configuration error',
  api: 'API or network error',
};

/** The exit codes a command can end with, for its --help. */
export const exitCodeHelp = (names: ExitCodeName[]) =>
  `Exit codes:\n${names.map((name) => `  ${exitCodes[name]}  ${exitCodeMeaning[name]}`).join('\n')}`;

/** What a command that does not wait for a run can end with. */
export const plainExitCodes: ExitCodeName[] = ['ok', 'usage', 'api'];
/** What a command that waits for a run can end with. */
export const waitExitCodes: ExitCodeName[] = ['ok', 'runFailed', 'runCancelled', 'waitTimedOut', 'usage', 'api'];

/** Bad command-line input or configuration, found before (or instead of) talking to the API. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The flag or argument at fault, as the user typed it (`--steps`, `<job-id>`). */
  readonly flag: string | undefined;
  constructor(message: string, flag?: string) {
    super(flag ? `${flag}: ${message}` : message);
    this.flag = flag;
  }
  toJSON() {
    return { name: this.name, message: this.message, ...(this.flag ? { flag: this.flag } : {}) };
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof RunFailedError) return exitCodes.runFailed;
  if (error instanceof RunCancelledError) return exitCodes.runCancelled;
  if (error instanceof WaitTimeoutError) return exitCodes.waitTimedOut;
  if (error instanceof ValidationError || error instanceof UsageError) return exitCodes.usage;
  return exitCodes.api;
}

// ---- text from servers ----

// OSC sequences (window titles, hyperlinks) run until BEL or ST and may hold spaces, which Node's own pattern
// does not take; they go first, whole.
const oscSequence = /(?:\x1b\]|\u009d)[^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)?/g;
// What is left after the escape sequences: C0 and C1 controls except newline and tab, DEL, and the bidi
// controls that make text display in another order than it reads.
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe for a terminal: no escape sequence, no carriage return, no control character but `\n` and `\t`. */
export function sanitize(text: string): string {
  return stripVTControlCharacters(text.replace(oscSequence, '')).replace(controlCharacters, '');
}

const limits = { depth: 12, items: 100, stringLength: 4_000, nodes: 5_000 };

/**
 * A copy of `value` small enough to print and safe to `JSON.stringify`: nesting, list lengths, string lengths
 * and the total number of values are capped (an error body may be anything a server sent), cycles are cut.
 */
export function bounded(value: unknown): unknown {
  let budget = limits.nodes;
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string')
      return item.length > limits.stringLength
        ? `${item.slice(0, limits.stringLength)}… (${item.length - limits.stringLength} more characters)`
        : item;
    if (typeof item === 'bigint') return String(item);
    if (typeof item === 'function' || typeof item === 'symbol') return undefined;
    if (item === null || typeof item !== 'object') return item;
    if (typeof (item as { toJSON?: unknown }).toJSON === 'function' && !(item instanceof Error)) {
      try {
        return walk((item as { toJSON(): unknown }).toJSON(), depth);
      } catch {
        return '[unserialisable]';
      }
    }
    if (depth >= limits.depth || --budget < 0) return '[…]';
    if (seen.has(item)) return '[circular]';
    seen.add(item);
    if (Array.isArray(item)) {
      const kept = item.slice(0, limits.items).map((entry) => walk(entry, depth + 1) ?? null);
      if (item.length > limits.items) kept.push(`… ${item.length - limits.items} more items`);
      return kept;
    }
    const entries = Object.entries(item);
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of entries.slice(0, limits.items)) copy[key] = walk(entry, depth + 1);
    if (entries.length > limits.items) copy['…'] = `${entries.length - limits.items} more keys`;
    return copy;
  };
  return walk(value, 0);
}

function errorPayload(error: unknown): unknown {
  try {
    if (error instanceof DbtCloudError || error instanceof UsageError) return bounded(error.toJSON());
  } catch {
    // fall through to the plain form
  }
  return { name: (error as Error)?.name ?? 'Error', message: String((error as Error)?.message ?? error) };
}

// ---- the output channels ----

export interface Output {
  json: boolean;
  /** Data for stdout: JSON in --json mode, else the human text. */
  result(data: unknown, human?: string | (() => string)): void;
  /** A human line on stderr (silent in --json mode). */
  info(line: string): void;
  /** Prints the error (a JSON line in --json mode) and returns its exit code. */
  error(error: unknown): number;
  /** The logger behind --verbose: one line per request and retry on stderr, JSON lines in --json mode. */
  logger(): Logger;
  stderr: NodeJS.WritableStream;
}

/** A log field as text: the transport's fields are strings and numbers; one it left out is nothing. */
const logField = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

export function createOutput(
  json: boolean,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
  /** The command, as typed (`dbt-cloud runs list`): a usage error points at its --help. */
  command?: string,
): Output {
  return {
    json,
    stderr,
    result(data, human) {
      if (json) stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else
        stdout.write(`${sanitize(typeof human === 'function' ? human() : (human ?? JSON.stringify(data, null, 2)))}\n`);
    },
    info(line) {
      if (!json) stderr.write(`${sanitize(line)}\n`);
    },
    error(error) {
      const code = exitCodeFor(error);
      if (json) {
        let line: string;
        try {
          line = JSON.stringify({ error: errorPayload(error), exitCode: code });
        } catch {
          line = JSON.stringify({
            error: { name: 'Error', message: 'the error could not be serialised' },
            exitCode: code,
          });
        }
        stderr.write(`${line}\n`);
      } else {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        stderr.write(`✗ ${sanitize(message)}\n`);
        if (error instanceof UsageError && command) stderr.write(`  see \`${command} --help\`\n`);
      }
      return code;
    },
    logger() {
      // The transport hands the logger plain fields (method, path, attempt, status, ms); never headers.
      const write =
        (level: string) =>
        (message: string, fields: Record<string, unknown> = {}) => {
          if (json) {
            stderr.write(`${JSON.stringify(bounded({ level, message, ...fields }))}\n`);
            return;
          }
          const outcome = fields.status ?? fields.error ?? '';
          const ms = fields.ms ?? fields.delayMs ?? '';
          stderr.write(
            `${sanitize(`· ${message} ${logField(fields.method)} ${logField(fields.path)} attempt=${logField(fields.attempt)} status=${logField(outcome)} ${logField(ms)}ms`)} (Authorization: [redacted])\n`,
          );
        };
      return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
    },
  };
}

// ---- durations ----

export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m ${String(s).padStart(2, '0')}s` : `${s}s`;
}

// ---- progress while waiting ----

// The step by its index, without a total: dbt Cloud adds a run's steps as they start, so a count would grow.
function currentStep(run: Run): string {
  const steps = [...(run.run_steps ?? [])].sort((a, b) => a.index - b.index);
  const active = steps.find((step) => step.status < RunStatus.Success) ?? steps.at(-1);
  return active ? ` · step ${active.index} ${active.name}` : '';
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Without a TTY, the longest silence before the current line is printed again. */
  heartbeatMs: number;
  /** On a TTY, how often the line (and its elapsed time) is redrawn. */
  redrawMs?: number;
}

/**
 * Reports a run's progress. On a terminal: one line, redrawn in place every second so the elapsed time moves.
 * Elsewhere (CI logs): a line per change of status or step, and the same line again after `heartbeatMs` of
 * silence, so a long step does not look like a hung job. Silent in --json mode.
 */
export function progressReporter(out: Output, options: ProgressOptions) {
  const stream = options.stream ?? process.stderr;
  const started = Date.now();
  const tty = Boolean(stream.isTTY) && !out.json;
  let last: Run | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const line = (run: Run) =>
    sanitize(`run ${run.id}: ${run.status_humanized} · ${formatDuration(Date.now() - started)}${currentStep(run)}`);
  const print = () => {
    if (!last) return;
    if (tty) stream.write(`\r\x1b[2K${line(last)}`);
    else stream.write(`${line(last)}\n`);
    // Re-armed after every line: a heartbeat follows only a silence. unref: the timer never keeps the CLI alive.
    clearTimeout(timer);
    timer = setTimeout(print, tty ? (options.redrawMs ?? 1_000) : options.heartbeatMs);
    timer.unref?.();
  };
  return {
    update(run: Run) {
      if (out.json) return;
      last = run;
      print();
    },
    done() {
      clearTimeout(timer);
      timer = undefined;
      if (tty && last) stream.write('\n');
      last = undefined;
    },
  };
}

// ---- the human form of objects ----

export function runSummary(run: Run): string {
  return [
    `run ${run.id}  ${run.status_humanized}`,
    `  job ${run.job_definition_id}  environment ${run.environment_id}  project ${run.project_id}`,
    `  created ${run.created_at}${run.finished_at ? `  finished ${run.finished_at}` : ''}${run.duration_humanized ? `  (${run.duration_humanized})` : ''}`,
    ...(run.status_message ? [`  ${run.status_message}`] : []),
    ...(run.href ? [`  ${run.href}`] : []),
  ].join('\n');
}

export function runLine(run: Run): string {
  return `${String(run.id).padEnd(12)} ${String(run.status_humanized).padEnd(10)} ${String(run.job_definition_id).padEnd(10)} ${run.created_at}${run.duration_humanized ? `  ${run.duration_humanized}` : ''}`;
}

/** The header of runLine's columns. */
export const runHeader = `${'RUN'.padEnd(12)} ${'STATUS'.padEnd(10)} ${'JOB'.padEnd(10)} CREATED  DURATION`;

export const jobLine = (job: Job) => `${String(job.id).padEnd(10)} ${job.name}  (environment ${job.environment_id})`;

export function jobSummary(job: Job): string {
  const triggers = Object.entries(job.triggers ?? {})
    .filter(([, on]) => on === true)
    .map(([name]) => name);
  const schedule = job.triggers?.schedule ? `  schedule: ${job.cron_humanized ?? job.schedule?.cron ?? ''}` : '';
  return [
    `job ${job.id}  ${job.name}${job.state === 2 ? '  (deleted)' : ''}`,
    `  project ${job.project_id}  environment ${job.environment_id}  type ${job.job_type ?? 'unknown'}`,
    ...(job.description ? [`  ${job.description}`] : []),
    `  triggers: ${triggers.length ? triggers.join(', ') : 'none (started by hand or by the API)'}${schedule}`,
    `  threads ${job.settings?.threads ?? '?'}  target ${job.settings?.target_name ?? '?'}${job.dbt_version ? `  dbt ${job.dbt_version}` : ''}`,
    '  steps:',
    ...job.execute_steps.map((step, i) => `    ${i + 1}. ${step}`),
    ...(job.next_run ? [`  next run: ${job.next_run}`] : []),
  ].join('\n');
}

export const environmentLine = (environment: Environment) =>
  `${String(environment.id).padEnd(10)} ${environment.name}  (${environment.type}${environment.deployment_type ? `, ${environment.deployment_type}` : ''})`;

export const projectLine = (project: Project) => `${String(project.id).padEnd(10)} ${project.name}`;

/** Rows, one a line, or `none` when there are none. */
export const lines = <T>(items: T[], line: (item: T) => string, none: string) =>
  items.length ? items.map(line).join('\n') : none;

/** A created object is named by its id; a dry run's request body is shown whole. */
export function createdOrBody(kind: string, result: object): string {
  return 'id' in result ? `created ${kind} ${(result as { id: number }).id}` : JSON.stringify(result, null, 2);
}

export const savedFiles = (files: string[]) => files.map((file) => `saved ${file}`).join('\n');

export const stepLogBlock = (step: { index: number; name: string; status: string | undefined; logs: string }) =>
  `=== step ${step.index}: ${step.name} (${step.status}) ===\n${step.logs.trimEnd()}`;
