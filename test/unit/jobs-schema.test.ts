// The jobs file schema generator (scripts/lib/jobs-schema.mjs): the dbt-jobs-as-code job model, with types from the
// spec's JobCreate and that tool's defaults, refusing any keyword the library's checker would silently ignore.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without types
import { buildJobsFileSchema } from '../../scripts/lib/jobs-schema.mjs';

const spec = parse(await readFile(join(import.meta.dirname, '..', '..', 'generated', 'openapi.yaml'), 'utf8'));

describe('jobs file schema', () => {
  it('holds the job model: its fields in its order, its required fields and defaults, and a cron schedule', () => {
    const job = buildJobsFileSchema(spec).$defs.job;
    expect(Object.keys(job.properties)).toEqual([
      'id',
      'account_id',
      'project_id',
      'environment_id',
      'dbt_version',
      'name',
      'settings',
      'execution',
      'deferring_job_definition_id',
      'deferring_environment_id',
      'run_generate_sources',
      'run_lint',
      'errors_on_lint_failure',
      'execute_steps',
      'generate_docs',
      'schedule',
      'triggers',
      'description',
      'state',
      'run_compare_changes',
      'compare_changes_flags',
      'job_type',
      'cost_optimization_features',
      'triggers_on_draft_pr',
      'job_completion_trigger_condition',
      'linked_id',
      'custom_environment_variables',
      'deactivated',
    ]);
    // Every model field the request takes comes from the spec.
    for (const field of Object.keys(job.properties).filter(
      (name) => !['id', 'linked_id', 'custom_environment_variables', 'deactivated'].includes(name),
    )) {
      expect(spec.components.schemas.JobCreate.properties).toHaveProperty(field);
    }
    expect(job.required).toEqual([
      'project_id',
      'environment_id',
      'name',
      'settings',
      'triggers',
      'run_generate_sources',
      'execute_steps',
      'generate_docs',
    ]);
    expect(job.properties.settings.properties.threads.default).toBe(4);
    expect(job.properties.triggers.properties.on_merge.default).toBe(false);
    expect(job.properties.job_type.default).toBe('scheduled');
    expect(job.properties.schedule.required).toEqual(['cron']);
    expect(job.additionalProperties).toBe(false);
  });

  it('follows the spec: a new enum value there shows up in the schema', () => {
    const changed = structuredClone(spec);
    changed.components.schemas.JobType.enum.push('nightly_special');
    expect(buildJobsFileSchema(changed).$defs.job.properties.job_type.enum).toContain('nightly_special');
  });

  it('refuses a keyword the library checker does not know', () => {
    const changed = structuredClone(spec);
    changed.components.schemas.JobSettings.properties.threads.multipleOf = 2;
    expect(() => buildJobsFileSchema(changed)).toThrow(/keyword multipleOf at .*threads is not supported/);
  });
});
