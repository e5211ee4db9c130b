// dbt.artifacts: list, read (typed for the dbt JSON artifacts), and find the step that built models. The calls load on
// first use (src/resources/artifact-calls.ts), so that importing the main entry stays small.
// Saving to disk is Node-only: downloadArtifacts in src/download.ts (the `dbt-cloud-ts/node` entry).
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import { lazyMethods } from '../lazy.js';
import type { ArtifactCalls } from './artifact-calls.js';
import type { Runs } from './runs.js';

export type RunResultsArtifact = components['schemas']['RunResultsArtifact'];
export type ManifestArtifact = components['schemas']['ManifestArtifact'];
export type CatalogArtifact = components['schemas']['CatalogArtifact'];
export type SourcesArtifact = components['schemas']['SourcesArtifact'];

/** The type `get` returns for a path: the four dbt JSON artifacts are typed, anything else is text. */
export type ArtifactOf<P extends string> = P extends 'run_results.json'
  ? RunResultsArtifact
  : P extends 'manifest.json'
    ? ManifestArtifact
    : P extends 'catalog.json'
      ? CatalogArtifact
      : P extends 'sources.json'
        ? SourcesArtifact
        : string;

/**
 * Which step to read: its index (from 1), or `'last-build'` for the last step whose run_results hold model results
 * (in a job of `dbt build` then `dbt docs generate`, the default last step is the docs step).
 */
export type StepSelector = number | 'last-build';

export interface ArtifactOptions {
  step?: StepSelector;
  signal?: AbortSignal;
}

export function createArtifacts(ctx: Context, runs: Runs) {
  const artifacts: ArtifactCalls = lazyMethods(
    () => import('../helpers.js').then((module) => module.createArtifactCalls(ctx, runs)),
    ['list', 'get', 'latestForJob', 'findStep'],
  );
  artifactSources.set(artifacts, { ctx, runs });
  return artifacts;
}

export type Artifacts = ReturnType<typeof createArtifacts>;

/** What downloadArtifacts (the Node entry) needs from a client's artifacts, kept off the public object. */
export const artifactSources = new WeakMap<object, { ctx: Context; runs: Runs }>();
