// Responses, webhook deliveries and dbt artifacts recorded from the real dbt Cloud by other projects (provenance in
// test/fixtures/recorded/SOURCES.md), each validated against generated/openapi.yaml with required fields enforced.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createRecordedValidator,
  describeErrors,
  loadIndex,
  recordedDir,
  type RecordedEntry,
} from '../support/recorded.js';
import { loadSpec } from '../support/spec.js';

const index = loadIndex();
const validator = createRecordedValidator();
const read = (file: string): any => JSON.parse(readFileSync(join(recordedDir, file), 'utf8'));

function recordedFiles(dir = recordedDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return recordedFiles(full);
    return name.endsWith('.json') && name !== 'index.json' ? [relative(recordedDir, full)] : [];
  });
}

function what(entry: RecordedEntry): string {
  if ('operation' in entry) {
    const { method, path, status } = entry.operation;
    return `${method.toUpperCase()} ${path} ${status}`;
  }
  if ('webhook' in entry) return `webhook ${entry.webhook}`;
  if ('artifact' in entry) return `artifact ${entry.artifact}`;
  return `schema ${entry.schema}${entry.array ? '[]' : ''}`;
}

describe('the recorded corpus', () => {
  it('indexes every file it holds, and holds every file it indexes', () => {
    expect(recordedFiles().sort()).toEqual(Object.keys(index).sort());
  });

  it('gives the provenance of every file in SOURCES.md', () => {
    const sources = readFileSync(join(recordedDir, 'SOURCES.md'), 'utf8');
    const unlisted = Object.keys(index).filter((file) => !sources.includes(`\`${file}\``));
    expect(unlisted).toEqual([]);
  });

  it('has at least 40 files from at least 4 independent sources', () => {
    expect(Object.keys(index).length).toBeGreaterThanOrEqual(40);
    expect(new Set(Object.keys(index).map((file) => file.split('/')[0])).size).toBeGreaterThanOrEqual(4);
  });

  it('holds an old and a new schema version of every artifact', () => {
    const versions: Record<string, Set<string>> = {};
    for (const [file, entry] of Object.entries(index)) {
      if (!('artifact' in entry)) continue;
      const url: string = read(file).metadata?.dbt_schema_version ?? '';
      (versions[entry.artifact] ??= new Set()).add(url.replace(/^.*\/(v\d+)\.json$/, '$1'));
    }
    expect(versions.run_results?.has('v1') && versions.run_results.has('v6')).toBe(true);
    expect(versions.manifest?.has('v4') && versions.manifest.has('v12')).toBe(true);
    expect(versions.catalog?.has('v1')).toBe(true);
    expect(versions.sources?.has('v3')).toBe(true);
  });
});

describe('the validator enforces the spec', () => {
  it('compiles every component schema of the bundled spec (every $ref resolves)', () => {
    const names = Object.keys(loadSpec().components.schemas);
    const unresolved = names.filter((schema) => {
      try {
        validator.validate({ schema }, null);
        return false;
      } catch {
        return true;
      }
    });
    expect(names.length).toBeGreaterThan(100);
    expect(unresolved).toEqual([]);
  });

  it('rejects a run that lacks its id (required fields are enforced)', () => {
    const body = read('dagster/run_details.json');
    delete body.data.id;
    const errors = validator.validate(
      { operation: { method: 'get', path: '/api/v2/accounts/{account_id}/runs/{id}/', status: 200 } },
      body,
    );
    expect(describeErrors(errors)).toMatch(/\/data .*required.*"missingProperty":"id"/);
  });

  it('rejects a run status the spec does not know', () => {
    const body = read('dagster/run_details.json');
    body.data.status = 42;
    const errors = validator.validate(
      { operation: { method: 'get', path: '/api/v2/accounts/{account_id}/runs/{id}/', status: 200 } },
      body,
    );
    expect(errors.map((e) => e.instancePath)).toContain('/data/status');
  });

  it('still checks JSON types of placeholder data', () => {
    const body = read('dagster/placeholder_get_run.json');
    body.data.id = 'not a number';
    const errors = validator.validate(
      { operation: { method: 'get', path: '/api/v2/accounts/{account_id}/runs/{id}/', status: 200 } },
      body,
      { placeholder: true },
    );
    expect(errors.map((e) => e.instancePath)).toContain('/data/id');
  });
});

// Shapes the Terraform provider's client code relies on (pkg/dbt_cloud/, read for facts): no recorded body holds
// them, so each is pinned here by the smallest body of that shape.
describe('shapes real clients read', () => {
  const status = { code: 200, is_success: true, user_message: 'Success!', developer_message: '' };
  const bulk = '/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/bulk/';

  it('a bulk environment-variable create answers one object (message, new_var_ids)', () => {
    const body = { data: { message: 'Environment variable created.', new_var_ids: [412004] }, status };
    expect(validator.validate({ operation: { method: 'post', path: bulk, status: 200 } }, body)).toEqual([]);
  });

  it('webhook subscription job_ids come as integers as well as strings of digits', () => {
    const subscription = {
      id: 'wsu_12345abcde',
      name: 'Nightly alerts',
      event_types: ['job.run.completed'],
      client_url: 'https://hooks.example.com/dbt',
      active: true,
    };
    for (const job_ids of [[567183], ['567183']])
      expect(validator.validate({ schema: 'WebhookSubscription' }, { ...subscription, job_ids })).toEqual([]);
    expect(validator.validate({ schema: 'WebhookSubscription' }, { ...subscription, job_ids: [true] })).not.toEqual([]);
  });
});

describe('every recorded file validates against generated/openapi.yaml', () => {
  for (const [file, entry] of Object.entries(index)) {
    const name = entry.placeholder
      ? `${file} as ${what(entry)} (placeholder data: shape and JSON types only)`
      : `${file} as ${what(entry)}`;
    it(name, () => {
      const errors = validator.validate(entry, read(file), { placeholder: entry.placeholder === true });
      expect(describeErrors(errors)).toBe('');
    });
  }
});
