// What each job of the mock does when it runs: its outcome, how long each phase lasts, which step fails and why, and
// which requests answer with a fault. The YAML/JSON form is described by schemas/mock-scenarios.schema.json.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ValidationError } from '../errors.js';

/** `hang` keeps the run Running until it is cancelled or its timeout passes. */
export type RunOutcome = 'success' | 'error' | 'hang';

/** Every `every`-th request about the job (or, at the top level, about anything) answers `status` instead. */
export interface FaultRule {
  status: 429 | 500;
  every: number;
  /** The `Retry-After` header of a 429, in seconds. Default 1. */
  retryAfterSeconds?: number;
}

/** Seconds each phase lasts at speed 1. */
export interface PhaseDurations {
  queued?: number;
  starting?: number;
  running?: number;
}

export interface JobScenario {
  /** A name for a job that the mock does not have yet; it is created with `steps`. */
  name?: string;
  /** The job's `execute_steps` when the mock creates it. */
  steps?: string[];
  /** Default `success`. */
  outcome?: RunOutcome;
  /** The outcome of a retry or a rerun from failure of this job's failed run. Default `success`. */
  retryOutcome?: RunOutcome;
  durations?: PhaseDurations;
  /** The first step whose command starts with this fails (`error` outcome). Default `dbt build`, else the last step. */
  failingStep?: string;
  /** Why the run failed: its `status_message`, in the failed step's log, and in run_results.json. */
  message?: string;
  /** A `hang` run ends as Error after this many seconds (at speed 1); 0 or unset: the job's timeout, if any. */
  timeoutSeconds?: number;
  faults?: FaultRule[];
}

export interface Scenarios {
  /** Applies to every job without its own entry, including jobs created through the API. */
  defaults?: JobScenario;
  /** By job id. */
  jobs?: Record<string, JobScenario>;
  /** Faults on any request the engine serves. */
  faults?: FaultRule[];
}

export const defaultDurations: Required<PhaseDurations> = { queued: 0.5, starting: 0.5, running: 2 };

export const defaultFailureMessage =
  "Database Error in model fct_orders (models/marts/fct_orders.sql)\n  000904 (42000): SQL compilation error: error line 14 at position 8\n  invalid identifier 'PAYMENTS.AMOUNT_CENTS'";

/** The jobs of the default data and what they do. */
export const defaultScenarios: Scenarios = {
  jobs: {
    '567183': { outcome: 'success' },
    '567184': { outcome: 'error', failingStep: 'dbt build', message: defaultFailureMessage },
    '567185': {
      name: 'Backfill (runs until cancelled)',
      steps: ['dbt build --select tag:backfill --full-refresh'],
      outcome: 'hang',
    },
    '567186': {
      name: 'Hourly export (rate-limited)',
      steps: ['dbt build --select tag:export'],
      outcome: 'success',
      faults: [
        { status: 429, every: 3, retryAfterSeconds: 1 },
        { status: 500, every: 7 },
      ],
    },
  },
};

const outcomes = new Set(['success', 'error', 'hang']);

function check(condition: boolean, where: string, what: string): asserts condition {
  if (!condition) throw new ValidationError('scenarios', `${where} ${what}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: string[], where: string): void {
  for (const key of Object.keys(value)) check(allowed.includes(key), where, `has an unknown field \`${key}\``);
}

function validateFaults(value: unknown, where: string): void {
  check(Array.isArray(value), where, 'must be a list');
  value.forEach((rule, index) => {
    const at = `${where}[${index}]`;
    check(isObject(rule), at, 'must be an object');
    onlyKeys(rule, ['status', 'every', 'retryAfterSeconds'], at);
    check(rule.status === 429 || rule.status === 500, `${at}.status`, 'must be 429 or 500');
    check(Number.isInteger(rule.every) && (rule.every as number) >= 1, `${at}.every`, 'must be a whole number ≥ 1');
    if (rule.retryAfterSeconds !== undefined)
      check(
        Number.isInteger(rule.retryAfterSeconds) && (rule.retryAfterSeconds as number) >= 0,
        `${at}.retryAfterSeconds`,
        'must be a whole number ≥ 0',
      );
  });
}

function validateJob(value: unknown, where: string): void {
  check(isObject(value), where, 'must be an object');
  onlyKeys(
    value,
    ['name', 'steps', 'outcome', 'retryOutcome', 'durations', 'failingStep', 'message', 'timeoutSeconds', 'faults'],
    where,
  );
  if (value.name !== undefined)
    check(typeof value.name === 'string' && value.name !== '', `${where}.name`, 'must be a non-empty string');
  if (value.steps !== undefined)
    check(
      Array.isArray(value.steps) &&
        value.steps.length > 0 &&
        value.steps.every((s) => typeof s === 'string' && /^dbt /.test(s)),
      `${where}.steps`,
      'must be a non-empty list of commands beginning with `dbt `',
    );
  for (const key of ['outcome', 'retryOutcome'] as const)
    if (value[key] !== undefined)
      check(outcomes.has(value[key] as string), `${where}.${key}`, 'must be success, error or hang');
  if (value.durations !== undefined) {
    const durations = value.durations;
    check(isObject(durations), `${where}.durations`, 'must be an object');
    onlyKeys(durations, ['queued', 'starting', 'running'], `${where}.durations`);
    for (const [key, seconds] of Object.entries(durations))
      check(
        typeof seconds === 'number' && seconds >= 0 && Number.isFinite(seconds),
        `${where}.durations.${key}`,
        'must be a number of seconds ≥ 0',
      );
  }
  for (const key of ['failingStep', 'message'] as const)
    if (value[key] !== undefined)
      check(typeof value[key] === 'string' && value[key] !== '', `${where}.${key}`, 'must be a non-empty string');
  if (value.timeoutSeconds !== undefined)
    check(
      Number.isInteger(value.timeoutSeconds) && (value.timeoutSeconds as number) >= 0,
      `${where}.timeoutSeconds`,
      'must be a whole number ≥ 0',
    );
  if (value.faults !== undefined) validateFaults(value.faults, `${where}.faults`);
}

/** Checks a scenarios object (the rules of schemas/mock-scenarios.schema.json) and returns it typed. */
export function validateScenarios(value: unknown): Scenarios {
  check(isObject(value), 'the document', 'must be an object');
  onlyKeys(value, ['$schema', 'defaults', 'jobs', 'faults'], 'the document');
  if (value.defaults !== undefined) validateJob(value.defaults, 'defaults');
  if (value.jobs !== undefined) {
    check(isObject(value.jobs), 'jobs', 'must be an object keyed by job id');
    for (const [id, job] of Object.entries(value.jobs)) {
      check(/^[1-9]\d*$/.test(id), `jobs.${id}`, 'is not a job id (a whole number ≥ 1)');
      validateJob(job, `jobs.${id}`);
    }
  }
  if (value.faults !== undefined) validateFaults(value.faults, 'faults');
  return value;
}

/** Reads a scenarios file, YAML or JSON. */
export async function loadScenarios(path: string): Promise<Scenarios> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ValidationError('scenarios', `cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new ValidationError('scenarios', `${path} is not valid YAML: ${(error as Error).message}`);
  }
  return validateScenarios(parsed);
}

/** The default scenarios, with `custom` laid over them job by job. */
export function mergeScenarios(custom: Scenarios | undefined): Scenarios {
  if (!custom) return defaultScenarios;
  return {
    defaults: { ...defaultScenarios.defaults, ...custom.defaults },
    jobs: { ...defaultScenarios.jobs, ...custom.jobs },
    faults: custom.faults ?? defaultScenarios.faults ?? [],
  };
}
