// The proof that the proxy catches the engine: against a spec that demands a field the engine never sends, the
// engine's answer comes back as Prism's 500 and is counted, while what the engine leaves to Prism still answers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { bundledSpecPath, startMockServer, type MockServer } from '../../src/node.js';
import { apiClient } from './support.js';

let mock: MockServer;
let dir: string;

beforeAll(async () => {
  const spec = parseYaml(await readFile(bundledSpecPath, 'utf8'), { maxAliasCount: -1 }) as {
    components: { schemas: Record<string, { required?: string[] }> };
  };
  spec.components.schemas.Run!.required!.push('field_the_engine_never_sends');
  dir = await mkdtemp(join(tmpdir(), 'mock-violations-'));
  const specPath = join(dir, 'openapi.yaml');
  await writeFile(specPath, stringifyYaml(spec, { aliasDuplicateObjects: false }));
  mock = await startMockServer({ specPath, stepPerPoll: true });
});

afterAll(async () => {
  await mock?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a response that breaks the spec', () => {
  it('fails the request with a 500 from Prism and is counted in /__mock/state', async () => {
    const api = apiClient(mock.url);
    const run = await api('GET', '/runs/70403103/');
    expect(run.status).toBe(500);
    expect(run.text).toContain('field_the_engine_never_sends');
    const jobs = await api('GET', '/jobs/');
    expect(jobs.status).toBe(200);
    const state = await (await fetch(`${mock.url}/__mock/state`)).json();
    expect(state.violations.count).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(state.violations.recent)).toContain('field_the_engine_never_sends');
  });
});
