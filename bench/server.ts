// The benchmark's dbt Cloud stand-in: a node:http server on 127.0.0.1 (a free port) that answers get-run and
// list-runs with dbt-shaped bodies, pages by limit/offset with `extra.pagination.total_count`, and can add latency.
// Bodies are built from one run template so the server's own cost stays small and equal for every client measured.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';

export interface BenchServerOptions {
  /** Added before every answer, in ms. Default 0. */
  latencyMs?: number;
  /** How many runs the account has (what list-runs pages over). Default 10 000. */
  totalRuns?: number;
}

export interface BenchServer {
  readonly url: string;
  /** Both can be changed between measurements. */
  latencyMs: number;
  totalRuns: number;
  /** Requests answered so far, by route. */
  readonly counts: { getRun: number; listRuns: number; other: number };
  close(): Promise<void>;
}

/** The first id of the synthetic run list; run k (0-based, ordered by id) has id `firstRunId + k`. */
export const firstRunId = 1_000_000;
/** What every bench client sends and asks for: the token, the account, and the run get-run answers with. */
export const benchToken = 'bench-token';
export const benchAccountId = 43786;
export const benchRunId = 70403103;
const exampleRunId = benchRunId;
const okStatus = { code: 200, is_success: true, user_message: 'Success!', developer_message: '' };

let cachedRun: Record<string, unknown> | undefined;
/** The spec's own get-run example (a successful run), as the API sends it without `include_related`. */
export function exampleRun(): Record<string, unknown> {
  cachedRun ??= readExampleRun();
  return structuredClone(cachedRun);
}

function readExampleRun(): Record<string, unknown> {
  const specPath = new URL('../generated/openapi.yaml', import.meta.url);
  const spec = parse(readFileSync(specPath, 'utf8'));
  const operation = spec.paths['/api/v2/accounts/{account_id}/runs/{id}/'].get;
  const resolve = (node: any, section: string) =>
    node?.$ref ? spec.components[section][node.$ref.split('/').pop()] : node;
  const response = resolve(operation.responses['200'], 'responses');
  const example = resolve(response.content['application/json'].examples.success, 'examples');
  return { ...example.value.data, run_steps: [], job: null };
}

/** A run body as text with every occurrence of its id replaceable: `runJson(id)`. */
function runTemplate(): (id: number) => string {
  const parts = JSON.stringify(exampleRun()).split(String(exampleRunId));
  return (id) => parts.join(String(id));
}

export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const runJson = runTemplate();
  const counts = { getRun: 0, listRuns: 0, other: 0 };
  const state = { latencyMs: options.latencyMs ?? 0, totalRuns: options.totalRuns ?? 10_000 };
  const getRun = /^\/api\/v2\/accounts\/(\d+)\/runs\/(\d+)\/$/;
  const listRuns = /^\/api\/v2\/accounts\/(\d+)\/runs\/$/;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: string) => {
      const bytes = Buffer.from(body);
      const write = () => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
        res.end(bytes);
      };
      if (state.latencyMs > 0) setTimeout(write, state.latencyMs);
      else write();
    };
    const fail = (status: number, message: string) =>
      send(
        status,
        JSON.stringify({
          status: { code: status, is_success: false, user_message: message, developer_message: null },
          data: null,
        }),
      );

    // The benchmark's own knob (not a dbt route): PUT /__bench/config?latencyMs=20&totalRuns=10000.
    if (url.pathname === '/__bench/config' && req.method === 'PUT') {
      for (const key of ['latencyMs', 'totalRuns'] as const) {
        const value = url.searchParams.get(key);
        if (value !== null) state[key] = Number(value);
      }
      res.writeHead(204).end();
      return;
    }
    if (!/^(Token|Bearer) \S+$/.test(req.headers.authorization ?? '')) return fail(401, 'Invalid token.');
    if (req.method !== 'GET') {
      counts.other++;
      return fail(405, 'Method not allowed.');
    }
    let match = getRun.exec(url.pathname);
    if (match) {
      counts.getRun++;
      return send(200, `{"data":${runJson(Number(match[2]))},"status":${JSON.stringify(okStatus)}}`);
    }
    match = listRuns.exec(url.pathname);
    if (match) {
      counts.listRuns++;
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit must be from 1 to 100.');
      if (!Number.isInteger(offset) || offset < 0) return fail(400, 'offset must be 0 or more.');
      const items: string[] = [];
      for (let k = offset; k < Math.min(offset + limit, state.totalRuns); k++) items.push(runJson(firstRunId + k));
      const extra = {
        filters: { limit, offset },
        order_by: 'id',
        pagination: { count: items.length, total_count: state.totalRuns },
      };
      return send(
        200,
        `{"data":[${items.join(',')}],"extra":${JSON.stringify(extra)},"status":${JSON.stringify(okStatus)}}`,
      );
    }
    counts.other++;
    return fail(404, 'The requested resource was not found.');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    get totalRuns() {
      return state.totalRuns;
    },
    set totalRuns(n: number) {
      state.totalRuns = n;
    },
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A bench server in a child process, so its work does not share the measured client's thread. */
export interface RemoteBenchServer {
  readonly url: string;
  /** Changes the added latency or the number of runs, between measurements. */
  configure(settings: { latencyMs?: number; totalRuns?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchServerProcess(options: BenchServerOptions = {}): Promise<RemoteBenchServer> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, entry], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
      if (line) resolve(line[1]!);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
  const configure = async (settings: { latencyMs?: number; totalRuns?: number }) => {
    const query = new URLSearchParams(Object.entries(settings).map(([key, value]) => [key, String(value)]));
    const response = await fetch(`${url}/__bench/config?${query}`, { method: 'PUT' });
    if (response.status !== 204) throw new Error(`configuring the bench server answered ${response.status}`);
  };
  await configure(options);
  return {
    url,
    configure,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
