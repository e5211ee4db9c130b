// The cache of Prism's processed spec (src/mock/operations-cache.ts), with a stand-in for Prism's computation.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, loadPreparedSpec, refersOutside } from '../../src/mock/operations-cache.js';

let dir: string;
let specPath: string;
let computed: string[];
let warnings: string[];

const spec = (title: string) => `openapi: 3.1.0\ninfo: { title: ${title}, version: '1' }\npaths: {}\n`;

function load(overrides: { cacheDir?: string | false; versions?: string } = {}) {
  return loadPreparedSpec({
    specPath,
    cacheDir: overrides.cacheDir ?? join(dir, 'cache'),
    versions: overrides.versions ?? 'prism@1',
    compute: async (path) => {
      computed.push(path);
      return [{ method: 'get', path: `/computed/${computed.length}` }];
    },
    warn: (message) => warnings.push(message),
  });
}

const entries = async () => (await readdir(join(dir, 'cache')).catch(() => [])).sort();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'operations-cache-'));
  specPath = join(dir, 'openapi.yaml');
  await writeFile(specPath, spec('one'));
  computed = [];
  warnings = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadPreparedSpec', () => {
  it('computes on the first start, then reads the same operations back without computing', async () => {
    const first = await load();
    expect(first).toEqual({
      operations: [{ method: 'get', path: '/computed/1' }],
      fakerOptions: undefined,
      cached: false,
    });
    expect(await entries()).toEqual([expect.stringMatching(/^prism-operations-[0-9a-f]{32}\.json\.gz$/)]);

    const second = await load();
    expect(second).toEqual({ ...first, cached: true });
    expect(computed).toEqual([specPath]);
    expect(warnings).toEqual([]);
  });

  it('computes again when the spec bytes or the versions change', async () => {
    await load();
    await writeFile(specPath, spec('two'));
    expect((await load()).cached).toBe(false);
    expect((await load({ versions: 'prism@2' })).cached).toBe(false);
    expect((await load({ versions: 'prism@2' })).cached).toBe(true);
    expect(computed).toHaveLength(3);
    expect(await entries()).toHaveLength(3);
  });

  it('with cacheDir false, computes on every start and writes nothing', async () => {
    await load({ cacheDir: false });
    await load({ cacheDir: false });
    expect(computed).toHaveLength(2);
    expect(await entries()).toEqual([]);
  });

  it('never caches a spec whose $ref points at another file, since that file could change unseen', async () => {
    await writeFile(specPath, `${spec('one')}components:\n  schemas:\n    Run: { $ref: './run.yaml' }\n`);
    await load();
    await load();
    expect(computed).toHaveLength(2);
    expect(await entries()).toEqual([]);
  });

  it('replaces an unreadable or foreign cache file, with a warning, and still starts', async () => {
    await load();
    const [name] = await entries();
    for (const junk of ['not gzip', '']) {
      await writeFile(join(dir, 'cache', name!), junk);
      expect((await load()).cached).toBe(false);
      expect((await load()).cached).toBe(true);
    }
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/ignored the unreadable cache file .*prism-operations-/);
    expect(computed).toHaveLength(3);
  });

  it('still starts when the cache folder cannot be written, and says why', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'not a folder');
    const result = await load({ cacheDir: join(blocked, 'cache') });
    expect(result.cached).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/could not keep the prepared spec in .*a-file/)]);
  });

  it("keeps the spec's x-json-schema-faker settings with the operations", async () => {
    await writeFile(specPath, `${spec('one')}x-json-schema-faker:\n  locale: de\n  min-items: 2\n`);
    const expected = { locale: 'de', 'min-items': 2 };
    expect((await load()).fakerOptions).toEqual(expected);
    const again = await load();
    expect(again).toMatchObject({ cached: true, fakerOptions: expected });
  });

  it('keeps the four newest entries and leaves no temporary file behind', async () => {
    for (let version = 1; version <= 6; version++) {
      await load({ versions: `prism@${version}` });
      // Spread the entries' times apart: the oldest go first.
      for (const name of await entries())
        if (!name.endsWith('.tmp')) await utimes(join(dir, 'cache', name), version, version);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const left = await entries();
    expect(left).toHaveLength(4);
    expect(left.some((name) => name.endsWith('.tmp'))).toBe(false);
    // The newest entry is one of those kept: it reads back without computing.
    expect((await load({ versions: 'prism@6' })).cached).toBe(true);
  });

  it('counts a read as a use: an old entry read again outlives entries written after it', async () => {
    const nameOf: Record<string, string> = {};
    for (const version of ['prism@1', 'prism@2', 'prism@3', 'prism@4']) {
      const before = await entries();
      await load({ versions: version });
      nameOf[version] = (await entries()).find((name) => !before.includes(name))!;
    }
    // Written in that order, prism@1 first (times set, as the clock may not tell them apart).
    for (const [index, version] of ['prism@1', 'prism@2', 'prism@3', 'prism@4'].entries())
      await utimes(join(dir, 'cache', nameOf[version]!), index + 1, index + 1);
    expect((await load({ versions: 'prism@1' })).cached).toBe(true);
    await load({ versions: 'prism@5' });
    // Five entries, four kept: the one dropped is prism@2's, the least recently used, not prism@1's, the oldest.
    const kept = await entries();
    expect(kept).toHaveLength(4);
    expect(kept).toContain(nameOf['prism@1']);
    expect(kept).not.toContain(nameOf['prism@2']);
  });

  it('lets two starts fill the same entry at once', async () => {
    const [a, b] = await Promise.all([load(), load()]);
    expect([a.operations, b.operations]).toEqual([[expect.any(Object)], [expect.any(Object)]]);
    expect(await entries()).toHaveLength(1);
    expect((await load()).cached).toBe(true);
  });
});

describe('refersOutside', () => {
  it('tells a $ref to another file or a URL from one inside the document', () => {
    expect(refersOutside("schema: { $ref: '#/components/schemas/Run' }")).toBe(false);
    expect(refersOutside('"$ref": "#/components/schemas/Run"')).toBe(false);
    expect(refersOutside('$ref: "#/components/schemas/Run"')).toBe(false);
    expect(refersOutside('$ref: ./schemas/run.yaml')).toBe(true);
    expect(refersOutside("$ref: 'run.yaml#/Run'")).toBe(true);
    expect(refersOutside('"$ref": "https://example.com/spec.yaml"')).toBe(true);
  });
});

describe('defaultCacheDir', () => {
  it('takes DBT_CLOUD_MOCK_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(defaultCacheDir({ DBT_CLOUD_MOCK_CACHE_DIR: '/x/cache', XDG_CACHE_HOME: '/y' })).toBe('/x/cache');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/y' })).toBe(join('/y', 'dbt-cloud-ts'));
    expect(defaultCacheDir({})).toMatch(/[/\\]\.cache[/\\]dbt-cloud-ts$/);
  });
});
