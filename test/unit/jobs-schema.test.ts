// The jobs file schema generator (scripts/lib/jobs-schema.mjs): derived from the spec's JobCreate, and refusing any
// keyword the library's checker would silently ignore.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without types
import { buildJobsFileSchema } from '../../scripts/lib/jobs-schema.mjs';

const spec = parse(await readFile(join(import.meta.dirname, '..', '..', 'generated', 'openapi.yaml'), 'utf8'));

describe('jobs file schema', () => {
  it('has every JobCreate field, file-only fields, and a cron-only schedule', () => {
    const job = buildJobsFileSchema(spec).$defs.job;
    for (const field of Object.keys(spec.components.schemas.JobCreate.properties)) {
      expect(job.properties).toHaveProperty(field);
    }
    expect(job.properties).toHaveProperty('custom_environment_variables');
    expect(job.properties).toHaveProperty('linked_id');
    expect(job.required).not.toContain('account_id');
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
