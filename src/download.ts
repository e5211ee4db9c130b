// downloadArtifacts (the `dbt-cloud-ts/node` entry): streams a run's artifacts to files, never holding one in memory.
// Node-only (node:fs, node:path); the main entry reads artifacts into memory with dbt.artifacts.get.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { DbtCloud } from './client.js';
import { AbortError, ConnectionError, DbtCloudError, ValidationError } from './errors.js';
import { contextOf } from './context.js';
import { type ArtifactOptions, artifactReader } from './resources/artifacts.js';
import { type AttemptCount, errorCode, retryDecision } from './transport/retry-policy.js';
import { checkArtifactPath, checkId, checkString } from './validate.js';

/**
 * Types an error raised while an artifact's stream was written to disk, after the transport had handed the stream
 * over: a connection lost mid-body becomes ConnectionError, the caller's abort AbortError. Typed errors and anything
 * else (a bug, a file system error) pass through unchanged.
 */
function streamReadError(error: unknown, request: { method: string; path: string }, code: string | undefined): unknown {
  if (error instanceof DbtCloudError) return error;
  const where = { ...request, cause: error };
  const what = `${request.method} ${request.path}`;
  if (error instanceof Error && error.name === 'AbortError') return new AbortError(`${what} was aborted`, where);
  if (error instanceof TypeError && code !== undefined) {
    return new ConnectionError(`${what} failed while its answer was read: ${code}`, where);
  }
  return error;
}

// Most file systems (ext4, xfs, btrfs, APFS, NTFS) allow 255 bytes per name; Linux allows 4095 bytes per path.
const maxNameBytes = 255;
const maxPathBytes = 4095;

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
  return inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside);
};

/** What is at `path` now: a folder, something else, or nothing. Symlinks are followed (checked apart, by real path). */
async function kindOf(path: string): Promise<'folder' | 'other' | 'none'> {
  try {
    const found = await lstat(path);
    if (found.isSymbolicLink()) return (await realpath(path).then(lstat)).isDirectory() ? 'folder' : 'other';
    return found.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
}

/** Refuses what would only fail after the request: names too long, folders that are files, a file that is a folder. */
async function checkPlaces(root: string, targets: Array<{ path: string; target: string }>): Promise<void> {
  if ((await kindOf(root)) === 'other') throw new ValidationError('dir', `${root} exists and is not a folder`);
  const files = new Map<string, number>();
  const folders = new Map<string, number>();
  for (const [i, { path, target }] of targets.entries()) {
    const field = `paths[${i}]`;
    const segments = path.split('/');
    const long = segments.find((segment) => Buffer.byteLength(segment) > maxNameBytes);
    if (long !== undefined) {
      throw new ValidationError(
        field,
        `has a name of ${Buffer.byteLength(long)} bytes; file systems allow ${maxNameBytes}`,
      );
    }
    if (Buffer.byteLength(target) > maxPathBytes) {
      throw new ValidationError(field, `would be a file path of over ${maxPathBytes} bytes`);
    }
    files.set(path, i);
    for (let n = 1; n < segments.length; n++) folders.set(segments.slice(0, n).join('/'), i);
  }
  for (const [path, i] of files) {
    const other = folders.get(path);
    if (other !== undefined) {
      throw new ValidationError(`paths[${Math.max(i, other)}]`, `${path} cannot be both a file and a folder`);
    }
  }
  for (const [i, { path, target }] of targets.entries()) {
    if ((await kindOf(target)) === 'folder') {
      throw new ValidationError(`paths[${i}]`, `${target} exists and is a folder`);
    }
    const segments = path.split('/');
    for (let n = 1; n < segments.length; n++) {
      const folder = join(root, ...segments.slice(0, n));
      const kind = await kindOf(folder);
      if (kind === 'none') break;
      if (kind === 'other') throw new ValidationError(`paths[${i}]`, `${folder} exists and is not a folder`);
    }
  }
}

/**
 * Streams artifacts of a run to files under `dir` (folders are created) and returns the files written. Everything
 * that can be checked is checked before the first request: each path stays inside `dir` (also through symlinks), is
 * a name the file system can hold, and no path is another's folder. Each file is written under a unique temporary
 * name and renamed into place once complete, so an interrupted download leaves nothing behind, and a file already
 * there stays as it was. A connection broken while a file is read is retried like any GET (up to `maxRetries`).
 */
export async function downloadArtifacts(
  dbt: DbtCloud,
  runId: number,
  paths: string[],
  dir: string,
  options: ArtifactOptions = {},
): Promise<string[]> {
  const ctx = contextOf(dbt);
  const { resolveStep, fetchArtifact } = artifactReader(ctx, dbt.runs);
  const { signal } = options;
  checkId('runId', runId);
  if (!Array.isArray(paths) || paths.length === 0)
    throw new ValidationError('paths', 'must be a non-empty list of artifact paths');
  checkString('dir', dir);
  const root = resolve(dir);
  const targets = paths.map((path, i) => {
    checkArtifactPath(`paths[${i}]`, path);
    const target = resolve(root, path);
    if (isOutside(root, target)) throw new ValidationError(`paths[${i}]`, `would be written outside ${root}`);
    return { path, target };
  });
  await checkPlaces(root, targets);
  // A symlink inside `dir` must not lead the file outside it: compare real paths, before anything is fetched and
  // again once the folders exist.
  const realRoot = await realPathOf(root);
  const checkReal = async (target: string, i: number) => {
    const realFolder = await realPathOf(dirname(target));
    if (realFolder !== realRoot && isOutside(realRoot, realFolder)) {
      throw new ValidationError(`paths[${i}]`, `would be written outside ${root} (through a symbolic link)`);
    }
  };
  for (const [i, { target }] of targets.entries()) await checkReal(target, i);
  const step = await resolveStep(runId, options.step, signal);

  const written: string[] = [];
  for (const [i, { path, target }] of targets.entries()) {
    const where = { method: 'GET', path: `/api/v2/accounts/${ctx.account()}/runs/${runId}/artifacts/${path}` };
    // One count of attempts for the artifact, shared with the fetch stack: the request's own retries and the retries
    // of a body broken while it was written make maxRetries + 1 attempts at most, under the one retry policy.
    const attempts: AttemptCount = { made: 0 };
    for (;;) {
      const body = (await fetchArtifact(
        runId,
        path,
        step,
        signal,
        'stream',
        attempts,
      )) as WebReadableStream<Uint8Array>;
      await mkdir(dirname(target), { recursive: true });
      await checkReal(target, i);
      // A name of our own beside the target (same folder, so the rename is atomic), created afresh ('wx'): never a
      // file of the caller's, never another artifact of this download, never written through a symlink.
      const partial = join(dirname(target), `.${randomUUID()}.part`);
      const file = createWriteStream(partial, { flags: 'wx' });
      try {
        await pipeline(Readable.fromWeb(body), file, signal ? { signal } : {});
        await rename(partial, target);
        break;
      } catch (error) {
        // The pipeline can fail before the file is even open: wait until it is closed, or it would appear after rm.
        if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
        await rm(partial, { force: true });
        const typed = signal?.aborted
          ? new AbortError(`${where.method} ${where.path} was aborted`, { ...where, cause: signal.reason })
          : streamReadError(error, where, errorCode(error));
        if (!(typed instanceof ConnectionError)) throw typed;
        const decision = retryDecision({ method: 'GET', failure: typed }, attempts.made - 1, {
          maxRetries: ctx.config.maxRetries,
          deadline: Infinity,
          now: ctx.config.clock.now(),
        });
        if (!decision.retry) throw typed;
        ctx.config.logger?.info?.('dbt-cloud retry', {
          ...where,
          attempt: attempts.made,
          error: 'ConnectionError',
          phase: 'body',
          delayMs: decision.delayMs,
        });
        await ctx.config.clock.sleep(decision.delayMs, signal).catch((reason: unknown) => {
          throw new AbortError(`${where.method} ${where.path} was aborted`, { ...where, cause: reason });
        });
      }
    }
    written.push(target);
  }
  return written;
}
