// The run engine on its own (no Prism): what it leaves to Prism, the clock, and the scenarios it accepts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Engine } from '../../src/mock/engine.js';
import { bundledSpecPath } from '../../src/mock/prism.js';
import { loadScenarios, mergeScenarios, validateScenarios, defaultScenarios } from '../../src/mock/scenarios.js';
import { loadSeed, loadSpecPaths } from '../../src/mock/seed.js';
import { MockState } from '../../src/mock/state.js';
import type { RunRecord, Transition } from '../../src/mock/runs.js';
import { apiClient } from './support.js';

function makeState(now: () => number, options: { stepPerPoll?: boolean; speed?: number } = {}) {
  const transitions: Array<[number, Transition]> = [];
  const state = new MockState(loadSeed(bundledSpecPath), {
    scenarios: mergeScenarios(undefined),
    speed: options.speed ?? 1,
    stepPerPoll: options.stepPerPoll ?? false,
    now,
    onTransition: (record: RunRecord, transition) => transitions.push([record.id, transition]),
  });
  return { state, transitions };
}

describe('the engine behind Prism', () => {
  let server: Server;
  let url: string;
  let clock = Date.parse('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    const { state } = makeState(() => clock);
    server = createServer(new Engine(() => state).listener);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each([
    ['GET', '/api/v2/accounts/43786/'],
    ['GET', '/api/v2/accounts/43786/users/'],
    ['POST', '/api/v2/accounts/43786/notifications/'],
    ['GET', '/api/v3/accounts/43786/groups/'],
    ['PUT', '/api/v2/accounts/43786/jobs/567183/'],
  ])('answers 501 with no body to %s %s, which Prism then mocks from the spec', async (method, path) => {
    const response = await fetch(url + path, { method, body: method === 'POST' ? '{}' : undefined });
    expect(response.status).toBe(501);
    expect(await response.text()).toBe('');
  });

  it('moves a run on the clock: Queued, Starting, Running, Success, with times in the API format', async () => {
    const api = apiClient(url);
    const triggered = await api('POST', '/jobs/567183/run/', { cause: 'clock' });
    const id = triggered.body.data.id;
    const statusAt = async (ms: number) => {
      clock += ms;
      return (await api('GET', `/runs/${id}/`)).body.data;
    };
    expect((await statusAt(0)).status).toBe(1);
    expect((await statusAt(600)).status).toBe(2);
    const running = await statusAt(500);
    expect(running.status).toBe(3);
    const done = await statusAt(2000);
    expect(done.status).toBe(10);
    expect(done.duration).toBe('00:00:03');
    expect(done.started_at).toBe('2026-12-01 10:00:01.000000+00:00');
    expect(done.finished_at).toBe('2026-12-01 10:00:03.000000+00:00');
  });

  it('answers an account it does not hold with 404', async () => {
    const response = await fetch(`${url}/api/v2/accounts/1/runs/`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: { code: 404, is_success: false } });
  });
});

describe('the operations the engine serves', () => {
  it('are operations of the bundled spec, with the same method, path and operationId', async () => {
    const spec = parseYaml(await readFile(bundledSpecPath, 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operations = new Engine(() => undefined as never).operations();
    expect(operations.length).toBe(64);
    for (const { operationId, method, path } of operations) {
      expect(spec.paths[path]?.[method.toLowerCase()]?.operationId, `${method} ${path}`).toBe(operationId);
    }
  });
});

describe('the spec paths the front door redirects to', () => {
  it('are read off the text, the same as a parse of the spec gives them', async () => {
    const text = await readFile(bundledSpecPath, 'utf8');
    const spec = parseYaml(text, { maxAliasCount: -1 }) as { paths: object };
    // A copy at a path of its own, which no earlier parse has cached.
    const dir = await mkdtemp(join(tmpdir(), 'mock-paths-'));
    try {
      await writeFile(join(dir, 'openapi.yaml'), text);
      expect(loadSpecPaths(join(dir, 'openapi.yaml'))).toEqual(Object.keys(spec.paths));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('run lifecycle', () => {
  it('emits started, then errored and completed for a failing run; cancelled runs complete without errored', () => {
    let now = 0;
    const { state, transitions } = makeState(() => now, { speed: 10 });
    const failing = state.createRun(state.jobs.get(567184)!, { cause: 'x' });
    const hanging = state.createRun(state.jobs.get(567185)!, { cause: 'y' });
    now = 10_000;
    state.tick();
    expect(state.run(failing.id)!.status).toBe(20);
    expect(state.run(hanging.id)!.status).toBe(3);
    state.cancel(hanging);
    expect(transitions).toEqual([
      [failing.id, 'started'],
      [failing.id, 'errored'],
      [failing.id, 'completed'],
      [hanging.id, 'started'],
      [hanging.id, 'completed'],
    ]);
  });

  it('moves one state per poll and never on its own in poll mode', () => {
    let now = 0;
    const { state } = makeState(() => now, { stepPerPoll: true });
    const run = state.createRun(state.jobs.get(567183)!, { cause: 'x' });
    now = 1e9;
    state.tick();
    expect(state.run(run.id)!.status).toBe(1);
    expect([2, 3, 10, 10].map(() => state.run(run.id, true)!.status)).toEqual([2, 3, 10, 10]);
  });

  it('speeds up with speed', () => {
    let now = 0;
    const { state } = makeState(() => now, { speed: 100 });
    const run = state.createRun(state.jobs.get(567183)!, { cause: 'x' });
    now = 31; // 3 s of scenario time at speed 100 is 30 ms
    expect(state.run(run.id)!.status).toBe(10);
  });
});

describe('scenarios', () => {
  it('accepts the defaults and a full example, and rejects what the schema rejects', () => {
    expect(validateScenarios(defaultScenarios)).toBe(defaultScenarios);
    expect(() =>
      validateScenarios({
        defaults: { durations: { queued: 0, starting: 0, running: 1 } },
        jobs: {
          '900001': {
            name: 'Orchestrated build',
            steps: ['dbt build'],
            outcome: 'error',
            failingStep: 'dbt build',
            message: 'boom',
            retryOutcome: 'success',
            timeoutSeconds: 10,
            faults: [{ status: 429, every: 2, retryAfterSeconds: 3 }],
          },
        },
        faults: [{ status: 500, every: 100 }],
      }),
    ).not.toThrow();
    expect(() => validateScenarios({ jobs: { abc: {} } })).toThrow(/jobs.abc is not a job id/);
    expect(() => validateScenarios({ jobs: { '1': { outcome: 'maybe' } } })).toThrow(/outcome must be/);
    expect(() => validateScenarios({ jobs: { '1': { steps: ['ls'] } } })).toThrow(/steps must be/);
    expect(() => validateScenarios({ faults: [{ status: 503, every: 1 }] })).toThrow(/status must be 429 or 500/);
    expect(() => validateScenarios({ faults: [{ status: 429, every: 0 }] })).toThrow(/every must be/);
    expect(() => validateScenarios({ jobs: { '1': { durations: { running: -1 } } } })).toThrow(/durations.running/);
    expect(() => validateScenarios({ colour: 'red' })).toThrow(/unknown field `colour`/);
  });

  it('knows exactly the fields the shipped JSON Schema documents', async () => {
    const schema = JSON.parse(
      await readFile(new URL('../../schemas/mock-scenarios.schema.json', import.meta.url), 'utf8'),
    ) as { properties: object; $defs: { job: { properties: object }; faults: { items: { properties: object } } } };
    for (const field of Object.keys(schema.$defs.job.properties)) {
      expect(() => validateScenarios({ jobs: { '1': { [field]: null } } }), field).toThrow(
        new RegExp(`jobs\\.1\\.${field}`),
      );
    }
    for (const field of Object.keys(schema.properties)) {
      expect(() => validateScenarios({ [field]: 7 }), field).not.toThrow(/unknown field/);
    }
    expect(Object.keys(schema.$defs.faults.items.properties).sort()).toEqual(['every', 'retryAfterSeconds', 'status']);
  });

  it('reads a YAML file and lays it over the defaults, job by job', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-scenarios-'));
    try {
      const file = join(dir, 'scenarios.yaml');
      await writeFile(file, 'jobs:\n  "567183":\n    outcome: error\n    message: nope\n');
      const merged = mergeScenarios(await loadScenarios(file));
      expect(merged.jobs?.['567183']).toEqual({ outcome: 'error', message: 'nope' });
      expect(merged.jobs?.['567185']?.outcome).toBe('hang');
      await writeFile(file, 'jobs: [1, 2');
      await expect(loadScenarios(file)).rejects.toThrow(/not valid YAML/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
