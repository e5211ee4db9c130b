import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsSchemaPath, toJobsYaml } from '../../src/node.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const schemaComment = /\$schema=(\S+?)`?$/gm;

/** The `$schema=` comments of a text, with the folder their relative paths start from. */
function references(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(schemaComment)].map((match) => match[1]!);
}

describe('the $schema reference of jobs files', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'jobs-schema-ref-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  const config = { jobs: {} };
  const referenceIn = (yaml: string) => /^# yaml-language-server: \$schema=(\S+)$/m.exec(yaml)?.[1];

  it('points from where the file is written to the schema shipped with the package', async () => {
    const out = join(scratch, 'deep', 'jobs', 'prod.yml');
    const reference = referenceIn(toJobsYaml(config, { writtenTo: out }));
    expect(reference).toMatch(/^\.\.\//);
    expect(resolve(dirname(out), reference!)).toBe(jobsSchemaPath());
    expect(JSON.parse(await readFile(jobsSchemaPath(), 'utf8')).title).toBe('dbt Cloud jobs as code');
  });

  it('without a path, points from the current directory; a given URL or false is kept', () => {
    const reference = referenceIn(toJobsYaml(config));
    expect(existsSync(resolve(process.cwd(), reference!))).toBe(true);
    expect(referenceIn(toJobsYaml(config, { schemaUrl: 'https://example.test/s.json' }))).toBe(
      'https://example.test/s.json',
    );
    expect(toJobsYaml(config, { schemaUrl: false })).not.toContain('$schema');
  });

  it('every $schema in the README, docs and examples names a file that exists', () => {
    const files = [
      join(root, 'README.md'),
      ...readdirSync(join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(root, 'docs', name)),
      ...readdirSync(join(root, 'examples', 'jobs')).map((name) => join(root, 'examples', 'jobs', name)),
    ];
    const seen: string[] = [];
    for (const file of files) {
      for (const reference of references(file)) {
        seen.push(reference);
        // Nothing is hosted yet: a URL would be a promise the web does not keep.
        expect(reference, `${file}: ${reference}`).not.toMatch(/^https?:/);
        const installed = /(?:^|\/)node_modules\/dbt-cloud-ts\/(.+)$/.exec(reference);
        const target = installed ? join(root, installed[1]!) : resolve(dirname(file), reference);
        expect(existsSync(target), `${file}: ${reference}`).toBe(true);
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it("the schema's $id is not an address that answers 404", () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'jobs.schema.json'), 'utf8'));
    expect(schema.$id).not.toMatch(/^https?:/);
  });
});
