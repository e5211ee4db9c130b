// A job as dbt Cloud makes it: the API's defaults under the fields a client gave, the job type picked from the
// triggers when none is given, and the schedule's date and time parts derived from its cron when they are left out.
import type { Job } from './seed.js';
import { apiTimestamp } from './time.js';

/** What a job created with only a project, an environment and a name starts as (dbt Cloud answers an empty
 * description as `""`, never null: recorded responses show it, and dbt-jobs-as-code fails on null). */
export const newJob = {
  description: '',
  dbt_version: null,
  deferring_environment_id: null,
  deferring_job_definition_id: null,
  execute_steps: [],
  execution: { timeout_seconds: 0 },
  generate_docs: false,
  generate_sources: false,
  run_generate_sources: false,
  job_type: 'other',
  lifecycle_webhooks: false,
  run_compare_changes: false,
  compare_changes_flags: '--select state:modified',
  run_lint: false,
  errors_on_lint_failure: true,
  cost_optimization_features: [],
  run_failure_count: 0,
  settings: { threads: 4, target_name: 'default' },
  triggers_on_draft_pr: false,
  triggers: { github_webhook: false, schedule: false, git_provider_webhook: false, on_merge: false },
  schedule: {
    cron: '0 * * * *',
    date: { type: 'every_day', days: null, cron: null },
    time: { type: 'every_hour', interval: 1, hours: null },
  },
  job_completion_trigger_condition: null,
  cron_humanized: 'Every hour',
  next_run: null,
  next_run_humanized: null,
};

/** The job type the API picks when a create gives none (or null): from what triggers the job. */
export function jobTypeOf(triggers: unknown): string {
  const on = (triggers ?? {}) as Record<string, unknown>;
  if (on.github_webhook === true || on.git_provider_webhook === true) return 'ci';
  if (on.on_merge === true) return 'merge';
  if (on.schedule === true) return 'scheduled';
  return 'other';
}

/**
 * The schedule as dbt Cloud keeps it: a cron without its `date` and `time` parts gets them derived from the cron
 * (`custom_cron` with that cron, every hour); parts that are given are kept as given.
 */
export function withDerivedSchedule(schedule: unknown): unknown {
  if (typeof schedule !== 'object' || schedule === null || Array.isArray(schedule)) return schedule;
  const given = schedule as Record<string, unknown>;
  if (typeof given.cron !== 'string') return schedule;
  return {
    ...given,
    date: given.date ?? { type: 'custom_cron', days: null, cron: given.cron },
    time: given.time ?? { type: 'every_hour', interval: 1, hours: null },
  };
}

/** A new job: the API's defaults, then `fields` (nested triggers and settings key by key), then what the server sets. */
export function makeJob(fields: Record<string, unknown>, server: { id: number; accountId: number; now: number }): Job {
  const now = apiTimestamp(server.now);
  const defaults = structuredClone(newJob);
  const job: Record<string, unknown> = {
    ...defaults,
    ...fields,
    triggers: { ...defaults.triggers, ...(fields.triggers as object | undefined) },
    settings: { ...defaults.settings, ...(fields.settings as object | undefined) },
    schedule: withDerivedSchedule(fields.schedule ?? defaults.schedule),
    job_type: fields.job_type ?? jobTypeOf(fields.triggers),
    id: server.id,
    account_id: server.accountId,
    state: fields.state === 2 ? 2 : 1,
    created_at: now,
    updated_at: now,
  };
  return job as unknown as Job;
}
