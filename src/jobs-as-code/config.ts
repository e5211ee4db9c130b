// The jobs file as data (the dbt-jobs-as-code format) and its check: the schema derived from the spec, then the rules
// a schema cannot say. Every problem is reported at once, each with its field path and, when the loader knows it,
// the file and line, before any request is made.
import { jobsFileSchema } from '../../generated/jobs-schema.js';
import type { components } from '../../generated/schema.js';
import { ValidationError } from '../errors.js';
import { parseJobName } from './identifiers.js';
import { checkAgainstSchema, coerceToSchema } from './schema-check.js';

type JobCreate = components['schemas']['JobCreate'];

/** One job as written under `jobs:` in a file. */
export type JobSpec = Omit<Partial<JobCreate>, 'account_id' | 'project_id' | 'environment_id' | 'schedule'> & {
  account_id?: number | string;
  project_id: number | string;
  environment_id: number | string;
  name: string;
  /** The schedule as a cron expression (UTC); dbt Cloud derives `date` and `time` from it. */
  schedule?: Partial<NonNullable<JobCreate['schedule']>> & { cron: string };
  /** Job-level overrides of environment variables, one `{ DBT_NAME: value }` per item. */
  custom_environment_variables?: Array<Record<string, string | number | boolean>>;
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
  accountId: number | undefined;
  projectId: number;
  environmentId: number;
  /** Request fields as the file gives them (name without its marker; no account_id and no file-only fields). */
  fields: Record<string, unknown>;
  /** Overrides by name, as strings (dbt Cloud stores text). */
  envVars: Record<string, string>;
  linkedId: number | undefined;
  source: SourceLocation | undefined;
}

// Names every JavaScript object already has (`__proto__`, `constructor`, `toString`, ...): a key of that name would
// change or hide part of the object that holds it, so a file may not use one anywhere.
const reservedKeys = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
export const refusedKey = (key: string) => reservedKeys.has(key);
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

const fileOnlyFields = new Set(['custom_environment_variables', 'linked_id', 'deactivated', 'account_id']);
const cronFields = 5;

const fieldName = (path: Array<string | number>) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');

/**
 * Checks a jobs config and turns it into the jobs it asks for. Throws JobsConfigError listing every problem.
 * Strings a template left where a number or boolean belongs (`"123"`, `"False"`) are read as those.
 */
export function parseJobsConfig(config: unknown, options: { locate?: Locate } = {}): DesiredJob[] {
  const issues: ConfigIssue[] = [];
  const add = (path: Array<string | number>, message: string) =>
    issues.push({ ...options.locate?.(path), field: fieldName(path), message });

  const reserved: Array<Array<string | number>> = [];
  reservedKeyPaths(config, [], reserved);
  for (const path of reserved) add(path, reservedKeyMessage);
  if (issues.length > 0) throw new JobsConfigError(sorted(issues));

  const coerced = coerceToSchema(jobsFileSchema, jobsFileSchema, config) as JobsConfig;
  for (const issue of checkAgainstSchema(jobsFileSchema, coerced)) add(issue.path, issue.message);
  if (issues.length > 0) throw new JobsConfigError(sorted(issues));

  const desired: DesiredJob[] = [];
  const topAccount = coerced.account_id as number | undefined;
  const accounts = new Set<number>();
  for (const [identifier, spec] of Object.entries(coerced.jobs ?? {})) {
    const at = (...rest: Array<string | number>) => ['jobs', identifier, ...rest];
    const parsedName = parseJobName(spec.name);
    if (parsedName.identifier !== undefined && parsedName.identifier !== identifier) {
      add(at('name'), `carries the marker [[${parsedName.identifier}]] but the job's key is ${identifier}`);
    }
    const cron = spec.schedule?.cron;
    if (typeof cron === 'string' && cron.trim().split(/\s+/).length !== cronFields) {
      add(at('schedule', 'cron'), `must be a cron expression of ${cronFields} fields, got ${JSON.stringify(cron)}`);
    }
    const envVars: Record<string, string> = {};
    (spec.custom_environment_variables ?? []).forEach((item, index) => {
      const entries = Object.entries(item);
      if (entries.length !== 1) {
        add(at('custom_environment_variables', index), 'must hold exactly one `DBT_NAME: value` pair');
        return;
      }
      const [name, value] = entries[0]!;
      if (Object.hasOwn(envVars, name))
        add(at('custom_environment_variables', index, name), 'is given twice for this job');
      envVars[name] = String(value);
    });
    const accountId = (spec.account_id as number | undefined) ?? topAccount;
    if (accountId !== undefined) accounts.add(accountId);
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(spec)) {
      if (!fileOnlyFields.has(key) && value !== undefined) fields[key] = value;
    }
    fields.name = parsedName.name;
    desired.push({
      identifier,
      accountId,
      projectId: spec.project_id as number,
      environmentId: spec.environment_id as number,
      fields,
      envVars,
      linkedId: spec.linked_id,
      source: options.locate?.(at()),
    });
  }
  if (accounts.size > 1) {
    add(['jobs'], `the jobs name more than one account_id (${[...accounts].join(', ')}); use one account per run`);
  }
  if (issues.length > 0) throw new JobsConfigError(sorted(issues));
  return desired;
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
