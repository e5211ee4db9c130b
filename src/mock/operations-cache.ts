// Prism turns the spec into its list of HTTP operations on every start: it dereferences the whole document and walks
// the result, which for our spec is about 8 s of CPU out of a 10 s start. The result depends only on the spec's bytes
// and Prism's version, so it is kept, gzipped, in a per-user cache folder and read back on the next start (about 0.7 s).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Bumped when what a cache file holds changes shape. */
const cacheFormat = 1;
/** Cache files kept per folder: those used most recently (written or read). */
const keptEntries = 4;
const entryName = /^prism-operations-[0-9a-f]{32}\.json\.gz$/;

/** What Prism needs at start-up besides its options: the operations, and the spec's `x-json-schema-faker` settings. */
export interface PreparedSpec {
  operations: unknown[];
  fakerOptions: unknown;
}

/** `DBT_CLOUD_MOCK_CACHE_DIR`, else `$XDG_CACHE_HOME/dbt-cloud-ts`, else `~/.cache/dbt-cloud-ts`. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.DBT_CLOUD_MOCK_CACHE_DIR) return env.DBT_CLOUD_MOCK_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dbt-cloud-ts');
}

/**
 * A spec that points outside itself (a `$ref` to another file or a URL) could change without its own bytes changing,
 * so it is never cached. A false alarm here only costs a slower start.
 */
export function refersOutside(specText: string): boolean {
  return /["']?\$ref["']?\s*:\s*["']?(?!["']?#)[^\s"'#]/.test(specText);
}

/** The spec's root `x-json-schema-faker` settings, which Prism applies at start-up; undefined when it has none. */
async function fakerOptionsOf(specText: string): Promise<unknown> {
  if (!specText.includes('x-json-schema-faker')) return undefined;
  const { parse } = await import('yaml');
  const root: unknown = parse(specText, { maxAliasCount: -1 });
  return root && typeof root === 'object' ? (root as Record<string, unknown>)['x-json-schema-faker'] : undefined;
}

export interface LoadOptions {
  specPath: string;
  /** The cache folder, or false for no cache. */
  cacheDir: string | false;
  /** Versions of what computes the operations (Prism's packages): part of the cache key. */
  versions: string;
  /** Prism's own computation, run when the cache has no usable entry. */
  compute(specPath: string): Promise<unknown[]>;
  /** Where a cache problem is reported; it never stops the start. */
  warn?: (message: string) => void;
}

/** The operations for `specPath`: from the cache when it has them for these bytes and versions, else computed and kept. */
export async function loadPreparedSpec(options: LoadOptions): Promise<PreparedSpec & { cached: boolean }> {
  const warn = options.warn ?? (() => undefined);
  const specBytes = await readFile(options.specPath);
  const specText = specBytes.toString('utf8');
  const cacheable = options.cacheDir !== false && !refersOutside(specText);
  const file = cacheable
    ? join(options.cacheDir as string, `prism-operations-${cacheKey(specBytes, options.versions)}.json.gz`)
    : undefined;

  if (file) {
    const entry = await readEntry(file).catch((error: unknown) => {
      const absent = ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
      if (!absent) warn(`ignored the unreadable cache file ${file}: ${String(error)}`);
      return undefined;
    });
    if (entry) {
      // Marked as used, so that pruning drops the entries used least recently.
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return { ...entry, cached: true };
    }
  }

  const prepared: PreparedSpec = {
    operations: await options.compute(options.specPath),
    fakerOptions: await fakerOptionsOf(specText),
  };
  if (file) {
    await writeEntry(options.cacheDir as string, file, prepared).catch((error: unknown) =>
      warn(`could not keep the prepared spec in ${options.cacheDir as string}: ${String(error)}`),
    );
  }
  return { ...prepared, cached: false };
}

function cacheKey(specBytes: Buffer, versions: string): string {
  return createHash('sha256').update(`${cacheFormat}\0${versions}\0`).update(specBytes).digest('hex').slice(0, 32);
}

async function readEntry(file: string): Promise<PreparedSpec> {
  const parsed: unknown = JSON.parse((await gunzipAsync(await readFile(file))).toString('utf8'));
  const entry = parsed as { format?: unknown; operations?: unknown; fakerOptions?: unknown } | null;
  if (!entry || entry.format !== cacheFormat || !Array.isArray(entry.operations) || entry.operations.length === 0)
    throw new Error('not a cache entry of this version');
  return { operations: entry.operations, fakerOptions: entry.fakerOptions };
}

async function writeEntry(dir: string, file: string, prepared: PreparedSpec): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const body = await gzipAsync(JSON.stringify({ format: cacheFormat, ...prepared }), { level: 1 });
  // Written beside the target and renamed over it, so a concurrent start reads the old file or the new, never half.
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, body, { mode: 0o600 });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  await prune(dir);
}

/** Keeps the entries used most recently: each spec edit makes a new one, and an entry is a few MB. */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => entryName.test(name));
  if (names.length <= keptEntries) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(dated.slice(keptEntries).map(({ name }) => rm(join(dir, name), { force: true })));
}
