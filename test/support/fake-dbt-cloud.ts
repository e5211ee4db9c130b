// A small stateful dbt Cloud on a free loopback port, for tests where answers depend on state: jobs whose trigger
// creates a run, runs that move queued → running → success/error as they are polled, a paged run list, cancel.
// It counts what it accepted, so a test can tell a replayed trigger from a single one.
import { sendJson, startServer, type ScriptedServer } from './http-server.js';
import { errorBody as failure, statusNames, successBody as ok } from './scripted.js';

export interface FakeRun {
  id: number;
  account_id: number;
  job_definition_id: number;
  status: number;
  status_humanized: string;
  status_message: string | null;
  in_progress: boolean;
  is_complete: boolean;
  is_success: boolean;
  is_error: boolean;
  is_cancelled: boolean;
  created_at: string;
  finished_at: string | null;
  trigger: { cause: string } | null;
}

export interface FakeDbtCloud {
  url: string;
  accountId: number;
  jobIds: number[];
  /** Ids of runs that existed before any trigger. */
  seededRunIds: number[];
  /** Run ids created by accepted POSTs to `/jobs/{id}/run/`, in order. */
  acceptedTriggers: number[];
  /** Accepted POSTs to `/runs/{id}/cancel/`. */
  acceptedCancels: number;
  runs: Map<number, FakeRun>;
  server: ScriptedServer;
  close(): Promise<void>;
}

export interface FakeDbtCloudOptions {
  accountId?: number;
  jobs?: number;
  /** Runs that exist from the start, already finished; they fill the paged list. */
  seededRuns?: number;
  /** Polls a new run answers before it is terminal: queued for the first, running for the rest. Default 3. */
  pollsToFinish?: number;
}

const names = statusNames;

function setStatus(run: FakeRun, status: number) {
  run.status = status;
  run.status_humanized = names[status] ?? String(status);
  run.in_progress = status < 10;
  run.is_complete = status >= 10;
  run.is_success = status === 10;
  run.is_error = status === 20;
  run.is_cancelled = status === 30;
  run.status_message = status === 20 ? 'Database Error in model orders' : null;
  if (status >= 10 && !run.finished_at) run.finished_at = new Date().toISOString();
}

export async function startFakeDbtCloud(options: FakeDbtCloudOptions = {}): Promise<FakeDbtCloud> {
  const accountId = options.accountId ?? 43786;
  const jobIds = Array.from({ length: options.jobs ?? 5 }, (_, i) => 1000 + i);
  const pollsToFinish = options.pollsToFinish ?? 3;
  const runs = new Map<number, FakeRun>();
  const polls = new Map<number, number>();
  const acceptedTriggers: number[] = [];
  let acceptedCancels = 0;
  let nextId = 1;

  const create = (jobId: number, cause: string, status: number): FakeRun => {
    const run: FakeRun = {
      id: nextId++,
      account_id: accountId,
      job_definition_id: jobId,
      status: 1,
      status_humanized: 'Queued',
      status_message: null,
      in_progress: true,
      is_complete: false,
      is_success: false,
      is_error: false,
      is_cancelled: false,
      created_at: new Date().toISOString(),
      finished_at: null,
      trigger: { cause },
    };
    setStatus(run, status);
    runs.set(run.id, run);
    return run;
  };
  const seededRunIds = Array.from(
    { length: options.seededRuns ?? 120 },
    (_, i) => create(jobIds[i % jobIds.length]!, 'seed', i % 7 === 0 ? 20 : 10).id,
  );

  /** A GET of a run moves it along: queued, then running, then success (or error for every fifth run). */
  const advance = (run: FakeRun) => {
    if (run.status >= 10) return;
    const seen = (polls.get(run.id) ?? 0) + 1;
    polls.set(run.id, seen);
    if (seen >= pollsToFinish) setStatus(run, run.id % 5 === 0 ? 20 : 10);
    else if (seen >= 2) setStatus(run, 3);
  };

  const prefix = `/api/v2/accounts/${accountId}`;
  const server = await startServer(({ method, path, url, body }, res) => {
    if (!path.startsWith(`${prefix}/`)) return sendJson(res, 404, failure(404, 'No such account'));
    const rest = path.slice(prefix.length);
    let m: RegExpMatchArray | null;
    if (method === 'POST' && (m = rest.match(/^\/jobs\/(\d+)\/run\/$/))) {
      const jobId = Number(m[1]);
      if (!jobIds.includes(jobId)) return sendJson(res, 404, failure(404, 'No such job'));
      let cause = 'unknown';
      try {
        cause = String((JSON.parse(body) as { cause?: unknown }).cause ?? cause);
      } catch {
        return sendJson(res, 400, failure(400, 'Invalid JSON'));
      }
      const run = create(jobId, cause, 1);
      acceptedTriggers.push(run.id);
      return sendJson(res, 200, ok(run));
    }
    if (method === 'POST' && (m = rest.match(/^\/runs\/(\d+)\/cancel\/$/))) {
      const run = runs.get(Number(m[1]));
      if (!run) return sendJson(res, 404, failure(404, 'No such run'));
      acceptedCancels++;
      if (run.status < 10) setStatus(run, 30);
      return sendJson(res, 200, ok(run));
    }
    if (method === 'GET' && (m = rest.match(/^\/runs\/(\d+)\/$/))) {
      const run = runs.get(Number(m[1]));
      if (!run) return sendJson(res, 404, failure(404, 'No such run'));
      advance(run);
      return sendJson(res, 200, ok(run));
    }
    if (method === 'GET' && rest === '/runs/') {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 100);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const job = url.searchParams.get('job_definition_id');
      let all = [...runs.values()];
      if (job) all = all.filter((r) => r.job_definition_id === Number(job));
      if (url.searchParams.get('order_by') === '-id') all.reverse();
      const page = all.slice(offset, offset + limit);
      return sendJson(
        res,
        200,
        ok(page, {
          extra: { filters: {}, order_by: 'id', pagination: { count: page.length, total_count: all.length } },
        }),
      );
    }
    return sendJson(res, 404, failure(404, `No route for ${method} ${rest}`));
  });

  return {
    url: server.url,
    accountId,
    jobIds,
    seededRunIds,
    acceptedTriggers,
    get acceptedCancels() {
      return acceptedCancels;
    },
    runs,
    server,
    close: () => server.close(),
  };
}
