// The requests real dbt Cloud clients send (test/fixtures/clients/, one file per client, with where each request
// comes from), replayed against the stateful mock behind Prism: each gets what dbt Cloud gives (the redirect where the
// client leaves the trailing slash out, then the right 2xx with the objects and ids of the mock's data), and none
// makes an answer break the spec. Then each client's usual flow, step by step, on one state.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/node.js';

interface Expect {
  /** The status of the final answer (200 by default). */
  status?: number;
  /** The first answer is a 308 to the path with a slash at its end, query kept. */
  redirect?: boolean;
  /** Matched against the answer's `data` (placeholders replaced). */
  data?: unknown;
  /** `data` is a list, holding these ids. */
  list?: boolean;
  contains?: string[];
  /** `data` lists these artifact files. */
  files?: string[];
  /** The answer is this dbt artifact (run_results, manifest, catalog). */
  artifact?: string;
  /** The answer is the API's error envelope. */
  error?: boolean;
}

interface Call {
  name: string;
  source: { file: string; function: string };
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: unknown;
  expect?: Expect;
}

interface Flow {
  name: string;
  steps: Array<{ call: string; capture?: Record<string, string>; until?: string; expect?: Expect }>;
}

interface Corpus {
  client: string;
  repository: string;
  commit: string;
  followsRedirects: boolean;
  calls: Call[];
  flows: Flow[];
}

const folder = new URL('../fixtures/clients/', import.meta.url);
const corpora: Corpus[] = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Corpus);

/** The ids of the mock's starting data (the spec's examples) that the placeholders stand for. */
const seeded: Record<string, number> = {
  '<account_id>': 43786,
  '<project_id>': 270542,
  '<environment_id>': 218762,
  '<job_id>': 567183,
  '<run_id>': 70403103,
  '<connection_id>': 117401,
  '<repository_id>': 184511,
  '<credentials_id>': 301556,
};
const words: Record<string, string> = { '<token>': 'mock-token', '<version>': '1.0.0' };

type Ids = Record<string, number>;

/** The value with each placeholder replaced: a whole-string id becomes the number, one inside text its digits. */
function fill(value: unknown, ids: Ids): unknown {
  if (typeof value === 'string') {
    if (value in ids) return ids[value];
    return value.replace(/<[a-z_]+>/g, (name) => {
      if (name in ids) return String(ids[name]);
      if (name in words) return words[name]!;
      throw new Error(`no value for ${name}`);
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, ids)]));
  return value;
}

interface Answer {
  status: number;
  text: string;
  body: any;
  /** The statuses and Location headers of the redirects followed on the way. */
  redirects: Array<{ status: number; location: string }>;
}

let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ stepPerPoll: true });
});

afterAll(async () => {
  await mock?.stop();
});

/** Sends the call as its client does, following redirects as Python's requests does (307/308 keep everything). */
async function send(call: Call, ids: Ids): Promise<Answer> {
  const path = fill(call.path, ids) as string;
  const query = fill(call.query, ids) as string;
  let url = new URL(mock.url + path + (query ? `?${query}` : ''));
  let method = call.method;
  let body = 'body' in call ? JSON.stringify(fill(call.body, ids)) : undefined;
  const headers = fill(call.headers, ids) as Record<string, string>;
  const redirects: Answer['redirects'] = [];
  for (;;) {
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && redirects.length < 5) {
      redirects.push({ status: response.status, location });
      url = new URL(location, url);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, text, body: parsed, redirects };
  }
}

const artifactVersions: Record<string, string> = {
  run_results: '/run-results/',
  manifest: '/manifest/',
  catalog: '/catalog/',
};

/** What dbt Cloud gives for the call: the checks its expectations and its path call for. */
function check(corpus: Corpus, call: Call, answer: Answer, ids: Ids, expected: Expect = call.expect ?? {}): void {
  const where = `${corpus.client} ${call.name}: ${answer.status} ${answer.text.slice(0, 400)}`;
  const path = fill(call.path, ids) as string;
  const query = fill(call.query, ids) as string;
  if (expected.redirect) {
    expect(corpus.followsRedirects, `${call.name}: this client does not follow redirects`).toBe(true);
    expect(answer.redirects, where).toEqual([{ status: 308, location: `${path}/${query ? `?${query}` : ''}` }]);
  } else expect(answer.redirects, where).toEqual([]);
  const status = expected.status ?? 200;
  expect(answer.status, where).toBe(status);
  if (status >= 400 || expected.error) {
    expect(answer.body.status, where).toMatchObject({ code: answer.status, is_success: false });
    expect(answer.body.status.user_message, where).toEqual(expect.any(String));
    return;
  }
  if (expected.artifact) {
    expect(answer.body.metadata.dbt_schema_version, where).toContain(artifactVersions[expected.artifact]);
    if (expected.artifact === 'run_results' && path.includes('/runs/'))
      expect(answer.body.metadata.env.DBT_CLOUD_RUN_ID, where).toBe(String(ids['<run_id>']));
    return;
  }
  expect(answer.body.status, where).toMatchObject({ code: status, is_success: true });
  const data = answer.body.data;
  if (expected.list || expected.contains) {
    expect(Array.isArray(data), where).toBe(true);
    const listed = (data as Array<{ id: number }>).map((item) => item.id);
    for (const id of expected.contains ?? []) expect(listed, where).toContain(fill(id, ids));
  }
  if (expected.files) expect(data, where).toEqual(expect.arrayContaining(expected.files));
  if (expected.data !== undefined) expect(data, where).toMatchObject(fill(expected.data, ids) as object);
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    if ('account_id' in data) expect(data.account_id, where).toBe(ids['<account_id>']);
    // The object a path names is the one answered.
    const named = /(<[a-z_]+_id>)\/?$/.exec(call.path)?.[1];
    if (named && named !== '<account_id>' && 'id' in data) expect(data.id, where).toBe(ids[named]);
    if (call.method === 'DELETE') expect(data.state, where).toBe(2);
  }
}

async function violations(): Promise<number> {
  return (await mock.state())!.violations.count;
}

/** Objects a call needs that the starting data does not hold: a run still going to cancel, a variable to change. */
async function prepare(call: Call, ids: Ids): Promise<void> {
  const headers = { Authorization: 'Token mock-token', 'Content-Type': 'application/json' };
  const api = async (method: string, path: string, body: unknown) => {
    const response = await fetch(mock.url + path, { method, headers, body: JSON.stringify(body) });
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer)).toBeLessThan(300);
    return answer.data as { id: number };
  };
  if (call.method === 'POST' && /\/cancel\/?$/.test(call.path))
    ids['<run_id>'] = (await api('POST', '/api/v2/accounts/43786/jobs/567183/run/', { cause: 'to cancel' })).id;
  if (call.path.includes('<env_var_id>')) {
    const sent = (call.body ?? {}) as { name?: string; type?: string };
    const type = sent.type ?? 'project';
    ids['<env_var_id>'] = (
      await api('POST', '/api/v3/accounts/43786/projects/270542/environment-variables/', {
        account_id: 43786,
        project_id: 270542,
        name: sent.name ?? 'DBT_REPLAYED',
        type,
        ...(type === 'environment' ? { environment_id: 218762 } : {}),
        ...(type === 'job' ? { job_definition_id: 567183 } : {}),
        raw_value: 'before',
      })
    ).id;
  }
}

describe.each(corpora.map((corpus) => [corpus.client, corpus] as const))('%s', (_client, corpus) => {
  beforeEach(async () => {
    await mock.reset();
  });

  it.each(corpus.calls.map((call) => [call.name, call] as const))(
    '%s gets what dbt Cloud answers, and no answer breaks the spec',
    async (_name, call) => {
      const ids: Ids = { ...seeded };
      await prepare(call, ids);
      const before = await violations();
      check(corpus, call, await send(call, ids), ids);
      expect(await violations(), JSON.stringify((await mock.state())?.violations.recent.at(-1))).toBe(before);
    },
  );

  it.each(corpus.flows.map((flow) => [flow.name, flow] as const))('flow: %s', async (_name, flow) => {
    const ids: Ids = { ...seeded };
    const before = await violations();
    for (const [index, step] of flow.steps.entries()) {
      const call = corpus.calls.find((candidate) => candidate.name === step.call)!;
      let answer = await send(call, ids);
      if (step.until) {
        const field = step.until.replace(/^data\./, '');
        // stepPerPoll: each poll moves a run one state on, so a run ends within a few polls.
        for (let poll = 0; poll < 10 && answer.status === 200 && !answer.body.data[field]; poll++)
          answer = await send(call, ids);
        expect(answer.body.data?.[field], `step ${index + 1} (${step.call}) never got ${step.until}`).toBe(true);
      }
      check(corpus, call, answer, ids, step.expect ?? call.expect);
      for (const [placeholder, field] of Object.entries(step.capture ?? {})) {
        const value = field.split('.').reduce<any>((object, key) => object?.[key], answer.body);
        expect(value, `step ${index + 1} (${step.call}) has no ${field}`).toEqual(expect.any(Number));
        ids[placeholder] = value;
      }
    }
    expect(await violations(), JSON.stringify((await mock.state())?.violations.recent.at(-1))).toBe(before);
  });
});

describe('the corpus', () => {
  it('names, for every client, the repository and commit read, and each request’s source', () => {
    expect(corpora.map((corpus) => corpus.client).sort()).toEqual([
      'apache-airflow-providers-dbt-cloud',
      'dagster-dbt (cloud v2 client)',
      'dbt-cloud-cli',
      'dbt-jobs-as-code',
      'dbt-labs/dbt-cloud-job-action',
      'dbtc',
      'prefect-dbt',
      'terraform-provider-dbtcloud',
    ]);
    for (const corpus of corpora) {
      expect(corpus.commit, corpus.client).toMatch(/^[0-9a-f]{40}$/);
      expect(corpus.repository, corpus.client).toMatch(/^[\w.-]+\/[\w.-]+$/);
      for (const call of corpus.calls) {
        expect(call.source.file, `${corpus.client} ${call.name}`).toBeTruthy();
        expect(call.path, `${corpus.client} ${call.name}`).toMatch(/^\/api\/v[23]\//);
      }
    }
  });
});
