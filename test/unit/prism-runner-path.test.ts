// Where the mock launcher finds the Prism process's entry (runnerCommand in src/mock/prism.ts), in each layout.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runnerCommand } from '../../src/mock/prism.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prism-runner-path-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function touch(path: string) {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '');
}

describe('runnerCommand', () => {
  it('runs the TypeScript runner through tsx from source', () => {
    const [flag, loader, runner] = runnerCommand('/repo/src/mock/prism.ts', {});
    expect(flag).toBe('--import');
    expect(loader).toMatch(/^file:.*tsx/);
    expect(runner).toBe(join('/repo/src/mock', 'prism-runner.ts'));
  });

  it('runs a runner built from the source when DBT_CLOUD_MOCK_RUNNER names one, and only from source', async () => {
    const built = join(dir, 'build', 'mock', 'prism-runner.js');
    expect(runnerCommand('/repo/src/mock/prism.ts', { DBT_CLOUD_MOCK_RUNNER: built })).toEqual([built]);
    const runner = join(dir, 'dist', 'src', 'mock', 'prism-runner.js');
    await touch(runner);
    expect(runnerCommand(join(dir, 'dist', 'src', 'node.js'), { DBT_CLOUD_MOCK_RUNNER: built })).toEqual([runner]);
  });

  it.each([
    ['chunks', 'chunk-ABC.js'],
    ['cli', 'index.js'],
    ['.', 'node.js'],
  ])('finds dist/src/mock/prism-runner.js from a built file in dist/src/%s', async (folder, name) => {
    const runner = join(dir, 'dist', 'src', 'mock', 'prism-runner.js');
    await touch(runner);
    expect(runnerCommand(join(dir, 'dist', 'src', folder, name))).toEqual([runner]);
  });

  it('says what is missing when there is no runner anywhere', () => {
    expect(() => runnerCommand(join(dir, 'app', 'bundle.js'))).toThrow(
      /Prism runner \(mock\/prism-runner\.js\) is missing beside .*bundle\.js/,
    );
  });
});
