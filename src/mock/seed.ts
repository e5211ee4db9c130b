// The mock's starting data, taken from the examples of the bundled spec so that the mock and the spec agree.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ValidationError } from '../errors.js';
import type { components } from '../../generated/schema.js';

type Schemas = components['schemas'];
export type Job = Schemas['Job'];
export type Project = Schemas['Project'];
export type Environment = Schemas['Environment'];
export type RunResultsArtifact = Schemas['RunResultsArtifact'];

export interface Seed {
  accountId: number;
  projects: Project[];
  environments: Environment[];
  jobs: Job[];
  /** The artifacts of a `dbt build` step, and the files a step leaves in `target/`. */
  artifacts: {
    runResults: RunResultsArtifact;
    manifest: Schemas['ManifestArtifact'];
    catalog: Schemas['CatalogArtifact'];
    sources: Schemas['SourcesArtifact'];
    paths: string[];
    sql: string;
  };
}

interface SpecDocument {
  components: { examples: Record<string, { value: unknown }> };
  paths: Record<string, Record<string, unknown>>;
}

function example<T>(spec: SpecDocument, name: string): T {
  const found = spec.components.examples[name];
  if (!found)
    throw new ValidationError('specPath', `the spec has no example named ${name}; the mock seeds its data from it`);
  return structuredClone(found.value) as T;
}

const cache = new Map<string, SpecDocument>();

/** Reads the spec's examples (parsed once per spec path). */
export function loadSeed(specPath: string): Seed {
  let spec = cache.get(specPath);
  if (!spec) {
    let text: string;
    try {
      text = readFileSync(specPath, 'utf8');
    } catch (error) {
      throw new ValidationError('specPath', `cannot read ${specPath}: ${(error as Error).message}`);
    }
    spec = parseYaml(text, { maxAliasCount: -1 }) as SpecDocument;
    cache.set(specPath, spec);
  }
  const projects = example<{ data: Project[] }>(spec, 'ProjectListExample').data;
  const environments = example<{ data: Environment[] }>(spec, 'EnvironmentListExample').data;
  const nightly = example<{ data: Job }>(spec, 'JobExample').data;
  const listed = example<{ data: Job[] }>(spec, 'JobListExample').data;
  // The single-job example is the fuller one; the list adds the jobs it does not have.
  const jobs = [nightly, ...listed.filter((job) => job.id !== nightly.id).map((job) => ({ ...nightly, ...job }))];
  const listing = example<{ data: string[] }>(spec, 'ArtifactListExample').data;
  const sqlExample = spec.paths['/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}'] as
    { get?: { responses?: Record<string, { content?: Record<string, { example?: string }> }> } } | undefined;
  return {
    accountId: nightly.account_id,
    projects,
    environments,
    jobs,
    artifacts: {
      runResults: example(spec, 'ArtifactRunResultsExample'),
      manifest: example(spec, 'ArtifactManifestExample'),
      catalog: example(spec, 'ArtifactCatalogExample'),
      sources: example(spec, 'ArtifactSourcesExample'),
      // Only the files the spec can describe: dbt's four JSON artifacts and SQL text.
      paths: listing.filter((path) => /^(run_results|manifest|catalog|sources)\.json$|\.sql$/.test(path)),
      sql: sqlExample?.get?.responses?.['200']?.content?.['text/plain']?.example ?? 'select 1\n',
    },
  };
}
