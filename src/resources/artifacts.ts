// dbt.artifacts: list, read (typed for the dbt JSON artifacts), stream to disk, and find the step that built models.
import { createWriteStream } from 'node:fs';
import { mkdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { components } from '../../generated/schema.js';
import type { Context } from '../context.js';
import { DbtCloudError, NotFoundError, ResponseFormatError, ValidationError } from '../errors.js';
import type { RunStep, Runs } from './runs.js';
import { checkArtifactPath, checkId, checkInteger, checkString } from '../validate.js';

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

export class NoMatchingStepError extends DbtCloudError {
  override name = 'NoMatchingStepError';
  constructor(readonly runId: number) {
    super(`No step of run ${runId} has run_results.json matching the predicate`);
  }
}

/** `path` with symlinks resolved: the real path of its nearest existing ancestor, plus the part not yet created. */
async function realPathOf(path: string): Promise<string> {
  const missing: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(current) === current) throw error;
      missing.push(basename(current));
    }
  }
}

const isOutside = (root: string, target: string) => {
  const inside = relative(root, target);
  return inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside);
};

const isModelResult = (artifact: RunResultsArtifact) =>
  artifact.results.some((result) => result.unique_id.startsWith('model.'));

export function createArtifacts(ctx: Context, runs: Runs) {
  const fetchArtifact = async (
    runId: number,
    path: string,
    step: number | undefined,
    signal: AbortSignal | undefined,
    parseAs: 'json' | 'text' | 'stream',
  ) =>
    ctx.raw(
      '/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}',
      {
        path: { account_id: ctx.account(), run_id: runId, remainder: path },
        query: step === undefined ? {} : { step },
        signal,
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

    /**
     * Streams artifacts to files under `dir` (folders are created), never holding a whole file in memory.
     * A path that would land outside `dir` is refused before anything is fetched. Returns the files written.
     */
    async download(runId: number, paths: string[], dir: string, options: ArtifactOptions = {}): Promise<string[]> {
      checkId('runId', runId);
      if (!Array.isArray(paths) || paths.length === 0)
        throw new ValidationError('paths', 'must be a non-empty list of artifact paths');
      checkString('dir', dir);
      const root = resolve(dir);
      const targets = paths.map((path, i) => {
        checkArtifactPath(`paths[${i}]`, path);
        const target = resolve(root, path);
        const inside = relative(root, target);
        if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
          throw new ValidationError(`paths[${i}]`, `would be written outside ${root}`);
        }
        return { path, target };
      });
      // A symlink inside `dir` must not lead the file outside it: compare real paths, before anything is fetched
      // and again once the folders exist.
      const realRoot = await realPathOf(root);
      const checkReal = async (target: string, i: number) => {
        if (isOutside(realRoot, await realPathOf(dirname(target)))) {
          throw new ValidationError(`paths[${i}]`, `would be written outside ${root} (through a symbolic link)`);
        }
      };
      for (const [i, { target }] of targets.entries()) await checkReal(target, i);
      const step = await resolveStep(runId, options.step, options.signal);
      const written: string[] = [];
      for (const [i, { path, target }] of targets.entries()) {
        const body = (await fetchArtifact(
          runId,
          path,
          step,
          options.signal,
          'stream',
        )) as WebReadableStream<Uint8Array>;
        await mkdir(dirname(target), { recursive: true });
        await checkReal(target, i);
        // Write to a temporary name first so an interrupted download never leaves a truncated file in place. The
        // name is created afresh ('wx'), so a file or symlink already there is never written through.
        const partial = `${target}.part`;
        try {
          await rm(partial, { force: true });
          await pipeline(
            Readable.fromWeb(body),
            createWriteStream(partial, { flags: 'wx' }),
            options.signal ? { signal: options.signal } : {},
          );
          await rename(partial, target);
        } catch (error) {
          await rm(partial, { force: true });
          throw error;
        }
        written.push(target);
      }
      return written;
    },

    findStep,
  };
}

export type Artifacts = ReturnType<typeof createArtifacts>;
