// The mock's starting data, taken from the examples of the bundled spec so that the mock and the spec agree.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ValidationError } from '../errors.js';
import { refersOutside } from './operations-cache.js';
import type { components } from '../../generated/schema.js';

type Schemas = components['schemas'];
export type Job = Schemas['Job'];
export type Project = Schemas['Project'];
export type Environment = Schemas['Environment'];
export type RunResultsArtifact = Schemas['RunResultsArtifact'];
/** An object the mock keeps without knowing its fields in advance (connections, repositories, credentials). */
export type StoredObject = Record<string, unknown> & { id: number; state?: number | null };

/** What a kind of object takes from a request body, from the spec's request and response schemas. */
export interface FieldRules {
  /** Every property any of the schemas declares. */
  known: Set<string>;
  /** Properties only the server sets (`readOnly` in a response schema): never taken from a body. */
  readOnly: Set<string>;
  /** Properties a response may carry as `null`: a `null` sent for any other one means "not sent". */
  nullable: Set<string>;
}

export type ObjectKind =
  'job' | 'project' | 'environment' | 'projectConnection' | 'accountConnection' | 'repository' | 'credentials';

export interface Seed {
  accountId: number;
  projects: Project[];
  environments: Environment[];
  jobs: Job[];
  projectConnections: StoredObject[];
  accountConnections: StoredObject[];
  repositories: StoredObject[];
  credentials: StoredObject[];
  fields: Record<ObjectKind, FieldRules>;
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

interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  readOnly?: boolean;
  properties?: Record<string, SchemaObject>;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
}

interface SpecDocument {
  components: { examples: Record<string, { value: unknown }>; schemas: Record<string, SchemaObject> };
  paths: Record<string, Record<string, unknown>>;
}

/** The schemas each kind of object is read and written with (response schemas first). */
const kindSchemas: Record<ObjectKind, { responses: string[]; requests: string[] }> = {
  job: { responses: ['Job'], requests: ['JobCreate', 'JobUpdate'] },
  project: { responses: ['Project'], requests: ['ProjectCreate', 'ProjectUpdate'] },
  environment: {
    responses: ['Environment', 'EnvironmentV3'],
    requests: ['EnvironmentCreate', 'EnvironmentUpdate', 'EnvironmentV3Create', 'EnvironmentV3Update'],
  },
  projectConnection: { responses: ['ProjectConnectionV3'], requests: ['ProjectConnectionV3Write'] },
  accountConnection: {
    responses: ['AccountConnection'],
    requests: ['AccountConnectionCreate', 'AccountConnectionUpdate'],
  },
  repository: { responses: ['RepositoryV3'], requests: ['RepositoryV3Create', 'RepositoryV3Update'] },
  credentials: { responses: ['Credentials'], requests: ['CredentialsWrite'] },
};

function allowsNull(schema: SchemaObject, spec: SpecDocument, seen = new Set<SchemaObject>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (schema.nullable || schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null')))
    return true;
  const target = schema.$ref ? spec.components.schemas[schema.$ref.split('/').pop()!] : undefined;
  if (target && allowsNull(target, spec, seen)) return true;
  return [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].some((branch) => allowsNull(branch, spec, seen));
}

/** Adds the properties of `schema` (through $ref, allOf and every oneOf / anyOf branch) to `rules`. */
function collectFields(
  schema: SchemaObject | undefined,
  spec: SpecDocument,
  rules: FieldRules,
  response: boolean,
  seen = new Set<SchemaObject>(),
): void {
  if (!schema || seen.has(schema)) return;
  seen.add(schema);
  if (schema.$ref) collectFields(spec.components.schemas[schema.$ref.split('/').pop()!], spec, rules, response, seen);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
    collectFields(part, spec, rules, response, seen);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    rules.known.add(name);
    if (!response) continue;
    const target = property.$ref ? spec.components.schemas[property.$ref.split('/').pop()!] : undefined;
    if (property.readOnly || target?.readOnly) rules.readOnly.add(name);
    if (allowsNull(property, spec)) rules.nullable.add(name);
  }
}

function fieldRules(spec: SpecDocument, kind: ObjectKind): FieldRules {
  const rules: FieldRules = { known: new Set(), readOnly: new Set(), nullable: new Set() };
  for (const name of kindSchemas[kind].responses) collectFields(spec.components.schemas[name], spec, rules, true);
  for (const name of kindSchemas[kind].requests) collectFields(spec.components.schemas[name], spec, rules, false);
  return rules;
}

/**
 * The path templates of every operation of the spec, such as `/api/v2/accounts/{account_id}/runs/{id}/`. They are the
 * keys under `paths:`, read off the text when the spec has not been parsed (a full parse takes seconds).
 */
export function loadSpecPaths(specPath: string): string[] {
  const parsed = cache.get(specPath);
  if (parsed) return Object.keys(parsed.paths);
  let text: string;
  try {
    text = readFileSync(specPath, 'utf8');
  } catch (error) {
    throw new ValidationError('specPath', `cannot read ${specPath}: ${(error as Error).message}`);
  }
  const block = /^paths:\s*\n((?:[ \t].*\n|\s*\n)*)/m.exec(text)?.[1] ?? '';
  const keys = [...block.matchAll(/^ {2}(['"]?)(\/[^'"\n]*?)\1:\s*$/gm)].map((match) => match[2]!);
  return keys.length > 0 ? keys : Object.keys(readSpec(specPath).paths);
}

function example<T>(spec: SpecDocument, name: string): T {
  const found = spec.components.examples[name];
  if (!found)
    throw new ValidationError('specPath', `the spec has no example named ${name}; the mock seeds its data from it`);
  return structuredClone(found.value) as T;
}

const cache = new Map<string, SpecDocument>();

function readSpec(specPath: string, known?: string): SpecDocument {
  let spec = cache.get(specPath);
  if (!spec) {
    let text: string;
    try {
      text = known ?? readFileSync(specPath, 'utf8');
    } catch (error) {
      throw new ValidationError('specPath', `cannot read ${specPath}: ${(error as Error).message}`);
    }
    spec = parseYaml(text, { maxAliasCount: -1 }) as SpecDocument;
    cache.set(specPath, spec);
  }
  return spec;
}

/** Bumped when what a seed cache file holds changes shape. */
const seedCacheFormat = 1;
const seeds = new Map<string, Seed>();

/** A seed as JSON: the field rules' sets as lists. */
function seedToJson(seed: Seed): string {
  const fields = Object.fromEntries(
    Object.entries(seed.fields).map(([kind, rules]) => [
      kind,
      { known: [...rules.known], readOnly: [...rules.readOnly], nullable: [...rules.nullable] },
    ]),
  );
  return JSON.stringify({ format: seedCacheFormat, seed: { ...seed, fields } });
}

function seedFromJson(text: string): Seed | undefined {
  const parsed = JSON.parse(text) as { format?: unknown; seed?: Seed & { fields: Record<string, unknown> } };
  if (parsed?.format !== seedCacheFormat || !parsed.seed) return undefined;
  const fields = Object.fromEntries(
    Object.entries(parsed.seed.fields).map(([kind, rules]) => {
      const lists = rules as Record<keyof FieldRules, string[]>;
      return [
        kind,
        { known: new Set(lists.known), readOnly: new Set(lists.readOnly), nullable: new Set(lists.nullable) },
      ];
    }),
  ) as Record<ObjectKind, FieldRules>;
  return { ...parsed.seed, fields };
}

/** The name of the cache file of the seed read from a spec with these bytes. */
export function seedCacheName(specBytes: Buffer): string {
  const hash = createHash('sha256').update(`${seedCacheFormat}\0`).update(specBytes).digest('hex');
  return `mock-seed-${hash.slice(0, 32)}.json`;
}

export interface LoadSeedOptions {
  /**
   * A folder where the seed read from a spec is kept, by the hash of the spec's bytes, so that the next start reads
   * JSON (a few milliseconds) instead of parsing the YAML spec (a second or more); false or left out: no cache. A
   * cache that cannot be read or written is ignored.
   */
  cacheDir?: string | false;
}

/**
 * Reads the spec's examples: once per spec path in a process, and with `cacheDir`, once per spec's bytes across
 * processes. The seed returned is shared: callers copy what they change.
 */
export function loadSeed(specPath: string, options: LoadSeedOptions = {}): Seed {
  const known = seeds.get(specPath);
  if (known) return known;
  let bytes: Buffer;
  try {
    bytes = readFileSync(specPath);
  } catch (error) {
    throw new ValidationError('specPath', `cannot read ${specPath}: ${(error as Error).message}`);
  }
  const file =
    options.cacheDir && !refersOutside(bytes.toString('utf8'))
      ? join(options.cacheDir, seedCacheName(bytes))
      : undefined;
  let seed: Seed | undefined;
  if (file) {
    try {
      seed = seedFromJson(readFileSync(file, 'utf8'));
    } catch {
      seed = undefined;
    }
  }
  if (!seed) {
    seed = seedFromSpec(readSpec(specPath, bytes.toString('utf8')));
    if (file) writeCacheFile(file, seedToJson(seed));
  }
  seeds.set(specPath, seed);
  return seed;
}

/** Written beside the target and renamed over it, so that a concurrent reader sees the old file or the new. */
function writeCacheFile(file: string, body: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, body, { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // A cache is only a shortcut.
  } finally {
    rmSync(temporary, { force: true });
  }
}

function seedFromSpec(spec: SpecDocument): Seed {
  const projects = example<{ data: Project[] }>(spec, 'ProjectListExample').data;
  const environments = example<{ data: Environment[] }>(spec, 'EnvironmentListExample').data;
  const nightly = example<{ data: Job }>(spec, 'JobExample').data;
  const listed = example<{ data: Job[] }>(spec, 'JobListExample').data;
  // The single-job example is the fuller one; the list adds the jobs it does not have.
  const jobs = [nightly, ...listed.filter((job) => job.id !== nightly.id).map((job) => ({ ...nightly, ...job }))];
  const listing = example<{ data: string[] }>(spec, 'ArtifactListExample').data;
  const sqlExample = spec.paths['/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}'] as
    { get?: { responses?: Record<string, { content?: Record<string, { example?: string }> }> } } | undefined;
  const listOf = <T>(name: string) => example<{ data: T[] }>(spec, name).data;
  const kinds = Object.keys(kindSchemas) as ObjectKind[];
  return {
    accountId: nightly.account_id,
    projects,
    environments,
    jobs,
    projectConnections: listOf('ProjectConnectionV3ListExample'),
    accountConnections: ['AccountConnectionSnowflakeExample', 'AccountConnectionBigQueryExample'].map(
      (name) => example<{ data: StoredObject }>(spec, name).data,
    ),
    repositories: listOf('RepositoryV3ListExample'),
    credentials: listOf('CredentialsListExample'),
    fields: Object.fromEntries(kinds.map((kind) => [kind, fieldRules(spec, kind)])) as Record<ObjectKind, FieldRules>,
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

/** What the engine starts with, where a test (or anyone) wants other data than the spec's examples. */
export interface StartingData {
  /** The account the engine serves; every seeded object is moved to it. Default: the examples' account. */
  accountId?: number;
  /**
   * The projects, by id: an example project keeps its example, any other id is the first example renamed `Project
   * <id>`. Default: the examples, or the projects `environments` name.
   */
  projects?: number[];
  /**
   * The environments, as environment id → project id: an example environment of that project keeps its example, any
   * other is a general deployment environment named `Environment <id>`. Default: the examples.
   */
  environments?: Record<number, number>;
  /** The example jobs and the two finished runs of the first (default), or no job and no run at all. */
  exampleJobs?: boolean;
}

/** The seed with other starting data (a copy: the seed given is not changed). */
export function withStartingData(seed: Seed, start: StartingData): Seed {
  const accountId = start.accountId ?? seed.accountId;
  const moved = <T extends object>(items: T[]): T[] =>
    items.map((item) => ({ ...structuredClone(item), ...('account_id' in item ? { account_id: accountId } : {}) }));
  const environmentsGiven = start.environments
    ? Object.entries(start.environments).map(([id, projectId]) => [Number(id), projectId] as const)
    : undefined;
  const projectIds = start.projects ?? (environmentsGiven && [...new Set(environmentsGiven.map(([, p]) => p))]);
  const projectTemplate = seed.projects[0]!;
  const projects = projectIds
    ? projectIds.map(
        (id) => seed.projects.find((project) => project.id === id) ?? { ...projectTemplate, id, name: `Project ${id}` },
      )
    : seed.projects;
  const deployment = seed.environments.find((env) => env.type === 'deployment') ?? seed.environments[0]!;
  const environments = environmentsGiven
    ? environmentsGiven.map(
        ([id, projectId]) =>
          seed.environments.find((env) => env.id === id && env.project_id === projectId) ?? {
            ...deployment,
            id,
            project_id: projectId,
            name: `Environment ${id}`,
            deployment_type: null,
          },
      )
    : seed.environments;
  return {
    ...seed,
    accountId,
    projects: moved(projects),
    environments: moved(environments),
    jobs: start.exampleJobs === false ? [] : moved(seed.jobs),
    projectConnections: moved(seed.projectConnections),
    accountConnections: moved(seed.accountConnections),
    repositories: moved(seed.repositories),
    credentials: moved(seed.credentials),
  };
}
