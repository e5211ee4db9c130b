// dbt.artifacts: list, read (typed for the dbt JSON artifacts), and find the step that built models. Saving to disk is
// Node-only: downloadArtifacts in src/download.ts (the `dbt-cloud-ts/node` entry), which reads through artifactReader.
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import { NoMatchingStepError, NotFoundError, ResponseFormatError, ValidationError } from '../errors.js';
import type { AttemptCount } from '../transport/retry-policy.js';
import { checkArtifactPath, checkId, checkInteger } from '../validate.js';
import type { RunStep, Runs } from './runs.js';

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

const isModelResult = (artifact: RunResultsArtifact) =>
  artifact.results.some((result) => result.unique_id.startsWith('model.'));

/** Reading artifacts and finding steps: what the calls below and downloadArtifacts (the Node entry) share. */
export function artifactReader(ctx: Context, runs: Pick<Runs, 'steps'>) {
  const fetchArtifact = async (
    runId: number,
    path: string,
    step: number | undefined,
    signal: AbortSignal | undefined,
    parseAs: 'json' | 'text' | 'stream',
    attempts?: AttemptCount,
  ) =>
    ctx.raw(
      '/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}',
      {
        path: { account_id: ctx.account(), run_id: runId, remainder: path },
        query: step === undefined ? {} : { step },
        signal,
        attempts,
      },
      parseAs,
    );

  /** The index of the last step (by index) whose run_results.json satisfies `predicate`. */
  const findStep = async (
    runId: number,
    predicate: (runResults: RunResultsArtifact, step: RunStep) => boolean,
    options: { signal?: AbortSignal } = {},
  ): Promise<number> => {
    checkId('runId', runId);
    if (typeof predicate !== 'function') throw new ValidationError('predicate', 'must be a function');
    const steps = await runs.steps(runId, options);
    for (const step of [...steps].reverse()) {
      let runResults: RunResultsArtifact;
      try {
        runResults = (await fetchArtifact(
          runId,
          'run_results.json',
          step.index,
          options.signal,
          'json',
        )) as RunResultsArtifact;
      } catch (error) {
        if (error instanceof NotFoundError) continue; // steps like `git clone` write no artifacts
        throw error;
      }
      if (runResults && Array.isArray(runResults.results) && predicate(runResults, step)) return step.index;
    }
    throw new NoMatchingStepError(runId);
  };

  const resolveStep = async (runId: number, step: StepSelector | undefined, signal: AbortSignal | undefined) => {
    if (step === undefined) return undefined;
    if (step === 'last-build') return findStep(runId, isModelResult, signal ? { signal } : {});
    return checkInteger('step', step, 1, 10_000);
  };

  return { fetchArtifact, findStep, resolveStep };
}

export function createArtifacts(ctx: Context, runs: Pick<Runs, 'steps'>) {
  const { fetchArtifact, findStep, resolveStep } = artifactReader(ctx, runs);
  return {
    /** Paths of the artifacts a run (or one of its steps) saved. */
    async list(runId: number, options: ArtifactOptions = {}): Promise<string[]> {
      checkId('runId', runId);
      const step = await resolveStep(runId, options.step, options.signal);
      const paths = await ctx.call('get', '/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/', {
        path: { account_id: ctx.account(), run_id: runId },
        query: step === undefined ? {} : { step },
        signal: options.signal,
      });
      if (!Array.isArray(paths)) {
        throw new ResponseFormatError(
          `GET /api/v2/accounts/${ctx.account()}/runs/${runId}/artifacts/ answered with a \`data\` that is not a list`,
        );
      }
      return paths;
    },

    /** One artifact: the dbt JSON artifacts parsed and typed, anything else as text. */
    async get<P extends string>(runId: number, path: P, options: ArtifactOptions = {}): Promise<ArtifactOf<P>> {
      checkId('runId', runId);
      checkArtifactPath('path', path);
      const step = await resolveStep(runId, options.step, options.signal);
      return (await fetchArtifact(
        runId,
        path,
        step,
        options.signal,
        path.endsWith('.json') ? 'json' : 'text',
      )) as ArtifactOf<P>;
    },

    /** The artifact of the job's most recent completed run. */
    async latestForJob<P extends string>(
      jobId: number,
      path: P,
      options: { signal?: AbortSignal } = {},
    ): Promise<ArtifactOf<P>> {
      checkId('jobId', jobId);
      checkArtifactPath('path', path);
      return (await ctx.raw(
        '/api/v2/accounts/{account_id}/jobs/{job_id}/artifacts/{remainder}',
        { path: { account_id: ctx.account(), job_id: jobId, remainder: path }, signal: options.signal },
        path.endsWith('.json') ? 'json' : 'text',
      )) as ArtifactOf<P>;
    },

    findStep,
  };
}

export type Artifacts = ReturnType<typeof createArtifacts>;
