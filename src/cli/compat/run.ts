// dbt-cloud-cli's `run` group: get, list (--paginate), cancel, cancel-all, list-artifacts, get-artifact.
import { createInterface } from 'node:readline';
import { checkArtifactPath, ValidationError, type paths } from '../../index.js';
import { CompatUsageError, type OptionSpec, type Parsed } from './args.js';
import {
  accountFlags,
  connect,
  dropUndefined,
  exitCodes,
  idOption,
  pythonJson,
  report,
  sinkFor,
  statusLine,
  stderrLine,
  CompatFailure,
  type CompatCommand,
  type CompatGroup,
} from './shared.js';

const runId = idOption('run-id', 'the run');
const outputFile: OptionSpec = {
  name: 'file',
  short: 'f',
  kind: 'file',
  help: 'Write to this file instead of stdout (`-`).',
  shows: '-',
};

/** `--status` values and the numbers dbt Cloud gives those statuses. */
const statusNumbers: Record<string, number> = {
  Queued: 1,
  Starting: 2,
  Running: 3,
  Succeeded: 10,
  Failed: 20,
  Canceled: 30,
};

/** The filters `run list` and `run cancel-all` share. */
const listFilters: readonly OptionSpec[] = [
  { name: 'limit', kind: 'int', min: 1, max: 100, help: 'At most this many runs.', shows: '100' },
  { name: 'project-id', kind: 'text', help: 'Only runs of this project.' },
  { name: 'job-id', kind: 'text', help: 'Only runs of this job.' },
  { name: 'status', kind: 'choice', choices: Object.keys(statusNumbers), help: 'Only runs with this status.' },
  { name: 'order-by', kind: 'text', help: 'Sort by this field (prefix - for descending), e.g. -id.' },
  { name: 'offset', kind: 'int', min: 0, help: 'Skip this many runs.', shows: '0' },
];

type RunListQuery = NonNullable<paths['/api/v2/accounts/{account_id}/runs/']['get']['parameters']['query']>;

/** The list query, its parameters in the order dbt-cloud-cli sends them; the filters as typed. */
function listQuery(parsed: Parsed, page?: { limit: number; offset: number }): RunListQuery {
  const status = parsed.text('status');
  return dropUndefined({
    limit: page?.limit ?? parsed.int('limit') ?? 100,
    // Text filters are sent as typed, as dbt-cloud-cli sends them; the API judges them.
    project_id: parsed.text('project-id') as unknown as RunListQuery['project_id'],
    job_definition_id: parsed.text('job-id') as unknown as RunListQuery['job_definition_id'],
    status: status === undefined ? undefined : (statusNumbers[status] as RunListQuery['status']),
    order_by: parsed.text('order-by') as RunListQuery['order_by'],
    offset: page?.offset ?? parsed.int('offset') ?? 0,
  });
}

/** A list as Python's json.dumps writes it on one line: `["run_steps", "job"]`. */
function pythonList(items: readonly string[]): string {
  return `[${items.map((item) => pythonJson(item)).join(', ')}]`;
}

const runGet: CompatCommand = {
  name: 'get',
  summary: 'Print a run.',
  options: [
    ...accountFlags,
    runId,
    {
      name: 'include-related',
      kind: 'text',
      repeatable: true,
      help: 'A related object to embed (run_steps, job, trigger, ...); repeat for several.',
    },
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const id = invocation.parsed.int('run-id')!;
    const include = invocation.parsed.all('include-related');
    const result = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', {
      params: {
        path: { account_id: accountId, id },
        query: include.length === 0 ? {} : { include_related: pythonList(include) },
      },
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/${id}/`, sinkFor(undefined));
  },
};

/** At most this many pages for --paginate: a total that keeps growing must not page for ever. */
const maxPages = 10_000;

const runList: CompatCommand = {
  name: 'list',
  summary: 'Print one page of runs, or with --paginate all of them.',
  options: [
    ...accountFlags,
    ...listFilters,
    { name: 'paginate', kind: 'flag', help: 'Fetch every page (--limit and --offset are ignored).' },
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed } = invocation;
    const url = `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/`;
    const sink = sinkFor(undefined);
    const list = (query: RunListQuery) =>
      dbt.api.GET('/api/v2/accounts/{account_id}/runs/', { params: { path: { account_id: accountId }, query } });
    if (!parsed.flag('paginate')) return report(await list(listQuery(parsed)), url, sink);

    // Pages of 100 from offset 0 until the total is reached; printed as the last page's envelope holding every run,
    // its `extra.pagination.count` set to their number.
    const runs: unknown[] = [];
    let offset = 0;
    for (let page = 0; ; page++) {
      if (page >= maxPages) throw new CompatFailure(`--paginate stopped after ${maxPages} pages`);
      const result = await list(listQuery(parsed, { limit: 100, offset }));
      if (!result.response.ok) return report(result, url, sink);
      const envelope = result.data as {
        data?: unknown;
        extra?: { pagination?: { count?: unknown; total_count?: unknown } };
      };
      const items: unknown[] = Array.isArray(envelope?.data) ? envelope.data : [];
      runs.push(...items);
      const pagination = envelope?.extra?.pagination;
      const count = typeof pagination?.count === 'number' ? pagination.count : items.length;
      const total = typeof pagination?.total_count === 'number' ? pagination.total_count : 0;
      offset += count;
      if (count <= 0 || offset >= total) {
        const merged = {
          ...envelope,
          data: runs,
          extra: { ...envelope.extra, pagination: { ...pagination, count: runs.length } },
        };
        await sink.write(`${pythonJson(merged)}\n`);
        return exitCodes.ok;
      }
    }
  },
};

const runCancel: CompatCommand = {
  name: 'cancel',
  summary: 'Cancel a run.',
  mutating: true,
  options: [...accountFlags, runId],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const id = invocation.parsed.int('run-id')!;
    const result = await dbt.api.POST('/api/v2/accounts/{account_id}/runs/{run_id}/cancel/', {
      params: { path: { account_id: accountId, run_id: id } },
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/${id}/cancel/`, sinkFor(undefined));
  },
};

/** Asks yes or no on stderr and reads the answer from stdin; undefined when stdin has ended. */
function questioner() {
  let lines: AsyncIterator<string> | undefined;
  let reader: ReturnType<typeof createInterface> | undefined;
  return {
    async confirm(question: string): Promise<boolean | undefined> {
      reader ??= createInterface({ input: process.stdin, terminal: false });
      lines ??= reader[Symbol.asyncIterator]();
      for (;;) {
        process.stderr.write(`${question} [y/N]: `);
        const next = await lines.next();
        if (next.done) return undefined;
        const answer = next.value.trim().toLowerCase();
        if (answer === 'y' || answer === 'yes') return true;
        if (answer === '' || answer === 'n' || answer === 'no') return false;
        process.stderr.write('Error: invalid input\n');
      }
    },
    close() {
      reader?.close();
    },
  };
}

const runCancelAll: CompatCommand = {
  name: 'cancel-all',
  summary: 'Cancel every run one page of `run list` finds (filter with --status), asking for each unless -y.',
  mutating: true,
  options: [
    ...accountFlags,
    ...listFilters,
    { name: 'dry-run', kind: 'flag', help: 'List the runs, cancel none.' },
    { name: 'yes', short: 'y', kind: 'flag', help: 'Do not ask before each cancel.' },
    outputFile,
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed } = invocation;
    const listed = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/', {
      params: { path: { account_id: accountId }, query: listQuery(parsed) },
    });
    if (!listed.response.ok) {
      stderrLine(statusLine(listed.response, `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/`, listed.error));
      return exitCodes.failed;
    }
    const found = (listed.data as { data?: unknown } | undefined)?.data;
    const ids = (Array.isArray(found) ? found : [])
      .map((run) => (run as { id?: unknown }).id)
      .filter((id): id is number => typeof id === 'number');
    stderrLine(`Runs to cancel: [${ids.join(', ')}]`);
    const cancelled: unknown[] = [];
    const ask = questioner();
    try {
      for (const id of parsed.flag('dry-run') ? [] : ids) {
        if (!parsed.flag('yes')) {
          const yes = await ask.confirm(`Cancel run ${id}?`);
          if (yes === undefined) {
            process.stderr.write('\n');
            stderrLine('Aborted!');
            return exitCodes.failed;
          }
          if (!yes) continue;
        }
        const result = await dbt.api.POST('/api/v2/accounts/{account_id}/runs/{run_id}/cancel/', {
          params: { path: { account_id: accountId, run_id: id } },
        });
        if (!result.response.ok) {
          const url = `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/${id}/cancel/`;
          stderrLine(statusLine(result.response, url, result.error));
          return exitCodes.failed;
        }
        cancelled.push(result.data);
        stderrLine(`Run ${id} has been cancelled.`);
      }
    } finally {
      ask.close();
    }
    await sinkFor(parsed.text('file')).write(pythonJson(cancelled));
    return exitCodes.ok;
  },
};

const includeRelated: OptionSpec = {
  name: 'include-related',
  kind: 'text',
  help: 'Passed to the API as include_related, unchanged.',
};

const runListArtifacts: CompatCommand = {
  name: 'list-artifacts',
  summary: 'Print the paths of the artifacts a run saved.',
  options: [...accountFlags, runId, includeRelated],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const id = invocation.parsed.int('run-id')!;
    const include = invocation.parsed.text('include-related');
    const result = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/', {
      params: {
        path: { account_id: accountId, run_id: id },
        // Not in the spec for this operation; sent as dbt-cloud-cli sends it.
        query: (include === undefined ? {} : { include_related: include }) as { step?: number },
      },
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/${id}/artifacts/`, sinkFor(undefined));
  },
};

const runGetArtifact: CompatCommand = {
  name: 'get-artifact',
  summary: 'Write one artifact of a run, byte for byte, to stdout or -f FILE.',
  options: [
    ...accountFlags,
    runId,
    { name: 'path', kind: 'text', required: true, help: 'The artifact’s path under target/, e.g. manifest.json.' },
    { name: 'step', kind: 'int', min: 1, help: 'The step whose artifact to get (default: the last).' },
    includeRelated,
    outputFile,
  ],
  async run(invocation) {
    const { parsed } = invocation;
    const path = parsed.text('path')!;
    try {
      checkArtifactPath('--path', path);
    } catch (error) {
      if (error instanceof ValidationError)
        throw new CompatUsageError(`Invalid value for '--path': ${error.message.replace(/^--path: /, '')}`);
      throw error;
    }
    const { dbt, accountId } = connect(invocation, true);
    const id = parsed.int('run-id')!;
    const include = parsed.text('include-related');
    const result = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}', {
      params: {
        path: { account_id: accountId, run_id: id, remainder: path },
        query: dropUndefined({ step: parsed.int('step'), include_related: include }),
      },
      parseAs: 'arrayBuffer',
    });
    const sink = sinkFor(parsed.text('file'));
    if (!result.response.ok) {
      return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/runs/${id}/artifacts/${path}`, sink);
    }
    if (result.data !== undefined) await sink.write(new Uint8Array(result.data));
    return exitCodes.ok;
  },
};

export const runGroup: CompatGroup = {
  name: 'run',
  summary: 'Runs: get, list, cancel, cancel-all, list-artifacts, get-artifact.',
  commands: [runGet, runList, runCancel, runCancelAll, runListArtifacts, runGetArtifact],
};
