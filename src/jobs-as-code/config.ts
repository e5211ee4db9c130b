// The jobs file as data (the dbt-jobs-as-code format) and its check: the schema derived from the spec, then the rules
// a schema cannot say. A job in a file is the whole job as dbt-jobs-as-code models it: a field left out means that
// tool's default, so both tools read one file as the same job. Every problem is reported at once, each with its field
// path and, when the loader knows it, the file and line, before any request is made; what is only odd (an unknown
// key, a schedule date that will be replaced) is a warning, and the job is read without it.
import { jobsFileSchema } from '../../generated/jobs-schema.js';
import type { components } from '../../generated/schema.js';
import { ValidationError } from '../errors.js';
import { cronProblem } from './cron.js';
import { parseJobName } from './identifiers.js';
import { checkAgainstSchema, coerceToSchema } from './schema-check.js';

type JobCreate = components['schemas']['JobCreate'];

/** One job as written under `jobs:` in a file: a field left out takes the default of the job-file model. */
export type JobSpec = Omit<
  Partial<JobCreate>,
  'account_id' | 'project_id' | 'environment_id' | 'schedule' | 'settings' | 'triggers' | 'execution'
> & {
  account_id?: number | string | null;
  project_id: number | string;
  environment_id: number | string;
  name: string;
  settings?: Partial<JobCreate['settings']>;
  triggers?: { [K in keyof JobCreate['triggers']]?: JobCreate['triggers'][K] | null };
  execution?: Partial<NonNullable<JobCreate['execution']>>;
  /** The schedule as a cron expression (UTC); dbt Cloud derives `date` and `time` from it. */
  schedule?: Partial<NonNullable<JobCreate['schedule']>> & { cron: string };
  /** Job-level overrides of environment variables, one `{ DBT_NAME: value }` per item (null: no override). */
  custom_environment_variables?: Array<Record<string, string | null>>;
  /** Read for files written by dbt-jobs-as-code and ignored: dbt Cloud gives a job its id. */
  id?: number | null;
  /** The existing job `link` marks as this one. */
  linked_id?: number;
  /** Read for dbt-jobs-as-code files; never sent. */
  deactivated?: boolean;
};

/** A whole jobs file (or several merged): `jobs` keyed by identifier; other top-level keys hold YAML anchors. */
export interface JobsConfig {
  account_id?: number | string;
  jobs: Record<string, JobSpec> | null;
  [anchorsOrOther: string]: unknown;
}

/** Where a value sits in a file; the Node loader supplies it. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}
export type Locate = (path: Array<string | number>) => SourceLocation | undefined;

export interface ConfigIssue extends Partial<SourceLocation> {
  /** The field as a dotted path: `jobs.nightly.settings.threads`. */
  field: string;
  message: string;
}

/** A jobs file broke the schema or a rule. `issues` lists every problem; the message shows them one per line. */
export class JobsConfigError extends ValidationError {
  override name = 'JobsConfigError';
  constructor(readonly issues: ConfigIssue[]) {
    super(issues[0]?.field ?? 'jobs', 'is invalid');
    this.message = [
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in the jobs files:`,
      ...issues.map((issue) => `  ${formatIssue(issue)}`),
    ].join('\n');
  }
  override toJSON() {
    return { ...super.toJSON(), issues: this.issues };
  }
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.file
    ? `${issue.file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ''}` : ''}: `
    : '';
  return `${where}${issue.field}: ${issue.message}`;
}

/** A job the files want, ready to compare with dbt Cloud. */
export interface DesiredJob {
  identifier: string;
  accountId: number;
  projectId: number;
  environmentId: number;
  /**
   * The job's request fields: every field of the jobs-file model, in its order, the file's value or else the model's
   * default; the name without its marker; the schedule with the date and time derived from its cron.
   */
  fields: Record<string, unknown>;
  /** Overrides by name, as text; null removes the override. */
  envVars: Record<string, string | null>;
  linkedId: number | undefined;
  source: SourceLocation | undefined;
}

/** The jobs a config asks for, and what a person should know about how it was read. */
export interface ReadJobs {
  jobs: DesiredJob[];
  /** Keys that are not part of the format (ignored), schedule parts that are replaced, repeated overrides. */
  warnings: ConfigIssue[];
}

// Names every JavaScript object already has (`__proto__`, `constructor`, `toString`, ...): a key of that name would
// change or hide part of the object that holds it, so a file may not use one anywhere.
let reservedKeys: Set<string> | undefined;
export const refusedKey = (key: string) =>
  (reservedKeys ??= new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])).has(key);
export const reservedKeyMessage = 'is a reserved name and cannot be used as a key';

/** Every key of the config at any depth that is a reserved name, with its path. */
function reservedKeyPaths(value: unknown, path: Array<string | number>, out: Array<Array<string | number>>, depth = 0) {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => reservedKeyPaths(item, [...path, index], out, depth + 1));
    return;
  }
  for (const key of Object.keys(value)) {
    if (refusedKey(key)) out.push([...path, key]);
    else reservedKeyPaths((value as Record<string, unknown>)[key], [...path, key], out, depth + 1);
  }
}

const fileOnlyFields = new Set(['custom_environment_variables', 'linked_id', 'deactivated', 'id']);
type Schema = Record<string, unknown>;
// Read from the schema on first use, so that importing this module does no work.
const jobProperties = () =>
  ((jobsFileSchema.$defs as Record<string, Schema>).job!.properties ?? {}) as Record<string, Schema>;
let fields: string[] | undefined;
/** The request fields of a job, in the order dbt-jobs-as-code sends them. */
export const modelFields = (): readonly string[] =>
  (fields ??= Object.keys(jobProperties()).filter((field) => !fileOnlyFields.has(field)));
/** Job types that run on events, not on a clock: a file may leave their schedule out. */
const eventJobTypes = new Set(['ci', 'merge']);
/** The schedule such a job gets when its file gives none (dbt-jobs-as-code's). */
const eventJobCron = '0 0 1 1 *';
const defaultStatuses = [10, 20, 30];

// Where dbt-jobs-as-code takes a value that dbt Cloud refuses, the file is refused, and the message says why.
const cloudRefuses: Record<string, string> = {
  'settings.threads': 'dbt Cloud runs a job with at least 1 thread',
  execute_steps: 'dbt Cloud runs dbt commands only',
  job_type: 'dbt Cloud knows no other job type',
  cost_optimization_features: 'dbt Cloud knows no other feature',
  state: 'dbt Cloud keeps a job active (1) or deleted (2)',
};

const fieldName = (path: Array<string | number>) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** A value with the schema's defaults filled in, object by object (the default of a value left out, or null). */
export function withDefaults(schema: Schema, value: unknown): unknown {
  if (value === undefined) return copy(schema.default);
  const branch = Array.isArray(schema.anyOf)
    ? (schema.anyOf as Schema[]).find((option) => option.type === 'object')
    : schema;
  if (!isPlainObject(value) || !branch || branch.type !== 'object') return value;
  const properties = (branch.properties ?? {}) as Record<string, Schema>;
  const out: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(properties)) {
    const filled = withDefaults(sub, value[name]);
    if (filled !== undefined) out[name] = filled;
  }
  for (const [name, item] of Object.entries(value)) if (!Object.hasOwn(properties, name)) out[name] = item;
  return out;
}

/** A job's request fields as the model sees them: each model field dbt Cloud did not return at its default. */
export function modelView(job: Record<string, unknown>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const field of modelFields()) {
    const value = withDefaults(jobProperties()[field]!, job[field]);
    if (value !== undefined) view[field] = value;
  }
  return view;
}

/** Drops the keys at these paths (unknown keys, reported as warnings). */
function dropPaths(value: unknown, paths: Array<Array<string | number>>): void {
  for (const path of paths) {
    let node: unknown = value;
    for (const key of path.slice(0, -1))
      node = isPlainObject(node) || Array.isArray(node) ? (node as never)[key] : undefined;
    if (isPlainObject(node)) delete node[path.at(-1) as string];
  }
}

/**
 * Checks a jobs config and turns it into the jobs it asks for. Throws JobsConfigError listing every problem.
 * Strings a template left where a number or boolean belongs (`"123"`, `"False"`, `"yes"`) are read as those.
 */
export function parseJobsConfig(config: unknown, options: { locate?: Locate } = {}): DesiredJob[] {
  return readJobsConfig(config, options).jobs;
}

/** parseJobsConfig, with the warnings of the read. */
export function readJobsConfig(config: unknown, options: { locate?: Locate } = {}): ReadJobs {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const at = (path: Array<string | number>, message: string) => ({
    ...options.locate?.(path),
    field: fieldName(path),
    message,
  });
  const add = (path: Array<string | number>, message: string) => issues.push(at(path, message));
  const warn = (path: Array<string | number>, message: string) => warnings.push(at(path, message));

  const reserved: Array<Array<string | number>> = [];
  reservedKeyPaths(config, [], reserved);
  for (const path of reserved) add(path, reservedKeyMessage);
  if (issues.length > 0) throw new JobsConfigError(sorted(issues));

  const coerced = coerceToSchema(jobsFileSchema, jobsFileSchema, config) as JobsConfig;
  const unknown: Array<Array<string | number>> = [];
  for (const issue of checkAgainstSchema(jobsFileSchema, coerced)) {
    if (issue.unknownKey) {
      warn(issue.path, `${issue.message}; it is not part of the jobs file format, and is ignored`);
      unknown.push(issue.path);
      continue;
    }
    const reason = cloudRefuses[fieldName(issue.path.slice(2)).replace(/\[\d+\]$/, '')];
    add(issue.path, reason ? `${issue.message} (${reason})` : issue.message);
  }
  if (issues.length > 0) throw new JobsConfigError(sorted(issues));
  dropPaths(coerced, unknown);

  const desired: DesiredJob[] = [];
  const topAccount = coerced.account_id as number | undefined;
  const accounts = new Set<number>();
  const jobs = isPlainObject(coerced.jobs) ? coerced.jobs : {};
  for (const [identifier, spec] of Object.entries(jobs)) {
    const path = (...rest: Array<string | number>) => ['jobs', identifier, ...rest];
    const parsedName = parseJobName(spec.name);
    const trimmed = spec.name.trimEnd();
    if (parsedName.identifier === undefined && trimmed.endsWith(']]') && trimmed.lastIndexOf('[[') !== -1) {
      add(
        path('name'),
        'ends in a marker that is not an identifier (letters, digits, _ and -, with at most one filter: before it)',
      );
    } else if (parsedName.identifier !== undefined && parsedName.identifier !== identifier) {
      add(
        path('name'),
        `carries the marker [[${parsedName.identifier}]] but the job's key is ${identifier} (the job would never be found again under its key)`,
      );
    }
    const accountId = (spec.account_id as number | null | undefined) ?? topAccount;
    if (accountId === undefined) add(path('account_id'), 'is required, on the job or at the top of the file');
    else accounts.add(accountId);
    if (spec.id !== undefined && spec.id !== null)
      warn(path('id'), 'is ignored: dbt Cloud gives a job its id (use linked_id to adopt an existing job)');

    const jobType = (spec.job_type as string | undefined) ?? 'scheduled';
    let schedule = spec.schedule as Record<string, unknown> | undefined;
    if (schedule === undefined) {
      if (eventJobTypes.has(jobType)) schedule = { cron: eventJobCron };
      else add(path('schedule'), `is required for a job of type ${jobType} (only ci and merge jobs may leave it out)`);
    }
    if (schedule) {
      const cron = schedule.cron as string;
      const problem = cronProblem(cron);
      if (problem) add(path('schedule', 'cron'), `is not a valid cron expression: ${problem}`);
      for (const part of ['date', 'time'] as const) {
        if (schedule[part] !== undefined && schedule[part] !== null)
          warn(path('schedule', part), 'is derived from the cron; the value given here is replaced');
      }
      schedule = {
        cron,
        date: { type: 'custom_cron', cron },
        time: { type: 'every_hour', interval: 1 },
      };
    }

    const envVars: Record<string, string | null> = {};
    (spec.custom_environment_variables ?? []).forEach((item, index) => {
      const entries = Object.entries(item);
      if (entries.length === 0) {
        add(path('custom_environment_variables', index), 'must hold a `DBT_NAME: value` pair');
        return;
      }
      if (entries.length > 1)
        warn(
          path('custom_environment_variables', index),
          'holds several pairs; only the first is read (one pair per item)',
        );
      const [name, value] = entries[0]!;
      if (Object.hasOwn(envVars, name))
        warn(path('custom_environment_variables', index, name), 'is given again; the last value is used');
      envVars[name] = value;
    });

    const fields: Record<string, unknown> = {};
    for (const field of modelFields()) {
      if (field === 'account_id') fields.account_id = accountId ?? null;
      else if (field === 'schedule') fields.schedule = schedule;
      else if (field === 'name') fields.name = parsedName.name;
      else {
        const value = withDefaults(jobProperties()[field]!, (spec as Record<string, unknown>)[field]);
        if (value !== undefined) fields[field] = value;
      }
    }
    const condition = (fields.job_completion_trigger_condition as { condition?: Record<string, unknown> } | null)
      ?.condition;
    if (condition && condition.statuses === undefined) condition.statuses = [...defaultStatuses];
    desired.push({
      identifier,
      accountId: accountId ?? 0,
      projectId: spec.project_id as number,
      environmentId: spec.environment_id as number,
      fields,
      envVars,
      linkedId: spec.linked_id,
      source: options.locate?.(path()),
    });
  }
  if (accounts.size > 1) {
    add(
      ['jobs'],
      `the jobs name more than one account_id (${[...accounts].join(', ')}); one run works on one account, so give each account its own files`,
    );
  }
  if (issues.length > 0) throw new JobsConfigError(sorted(issues));
  return { jobs: desired, warnings: sorted(warnings) };
}

function sorted(issues: ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.field.localeCompare(b.field),
  );
}
