// What every dbt-cloud-cli form shares: the connection flags and their environment variables, the client made from
// them, the read-only guard, and the output: the API's envelope as received, indented as that tool prints it, on
// stdout (or the -f file), with one line on stderr when the API said no. The token is never printed.
import { appendFile, writeFile } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { createDbtCloud, ValidationError, type DbtCloud, type Logger } from '../../index.js';
import { sanitize } from '../output.js';
import type { OptionSpec, Parsed } from './args.js';

export type Env = Record<string, string | undefined>;

/** How a form ends: as dbt-cloud-cli's do. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** A reason to stop with exit 1, said in one line on stderr. */
export class CompatFailure extends Error {
  override name = 'CompatFailure';
}

/** What a form is given to run. */
export interface Invocation {
  parsed: Parsed;
  env: Env;
}

export const connectionFlags: readonly OptionSpec[] = [
  { name: 'api-token', kind: 'text', help: 'API token (default: $DBT_CLOUD_API_TOKEN).' },
  {
    name: 'dbt-cloud-host',
    kind: 'text',
    help: 'Host, as cloud.getdbt.com or a URL such as http://127.0.0.1:4010 (default: $DBT_CLOUD_HOST).',
    shows: 'cloud.getdbt.com',
  },
  {
    name: 'timeout',
    kind: 'int',
    min: 1,
    max: 2_147_483,
    help: 'Time limit of each HTTP request, in seconds.',
    shows: '30',
  },
];

export const accountFlag: OptionSpec = {
  name: 'account-id',
  kind: 'int',
  min: 1,
  help: 'Numeric id of the account (default: $DBT_CLOUD_ACCOUNT_ID).',
};

/** The connection flags and --account-id: what every form but `account list` takes. */
export const accountFlags: readonly OptionSpec[] = [...connectionFlags, accountFlag];

/** An id option whose value may come from an environment variable. */
export function idOption(name: string, what: string, variable?: string): OptionSpec {
  return {
    name,
    kind: 'int',
    min: 1,
    help: `Numeric id of ${what}${variable ? ` (default: $${variable})` : ''}.`,
    ...(variable ? {} : { required: true }),
  };
}

/** The flag's value, else the environment variable's; neither is a failure (exit 1), as in dbt-cloud-cli. */
export function idFrom(parsed: Parsed, flag: string, env: Env, variable: string): number {
  const given = parsed.int(flag);
  if (given !== undefined) return given;
  const value = env[variable];
  if (value === undefined) throw new CompatFailure(`${variable} is not defined (give --${flag} or set ${variable})`);
  if (!/^\s*\d{1,15}\s*$/.test(value) || Number(value) < 1)
    throw new CompatFailure(`${variable} must be a positive whole number, got ${JSON.stringify(sanitize(value))}`);
  return Number(value);
}

/** Mutating forms refuse to run when DBT_CLOUD_READONLY is 1, true or yes (any case), before anything is sent. */
export function checkWritable(env: Env): void {
  if (['1', 'true', 'yes'].includes((env.DBT_CLOUD_READONLY ?? '').toLowerCase()))
    throw new CompatFailure(
      'readonly mode is enabled (DBT_CLOUD_READONLY=true). Unset DBT_CLOUD_READONLY to allow mutating commands.',
    );
}

/** LOG_LEVEL=DEBUG: one line per request attempt on stderr (method, path, status, time); never a header. */
function debugLogger(env: Env): Logger | undefined {
  if ((env.LOG_LEVEL ?? '').toUpperCase() !== 'DEBUG') return undefined;
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const details = Object.entries(fields ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    stderrLine(`${level} ${[message, ...details].join(' ')}`);
  };
  return { debug: line('DEBUG'), info: line('INFO'), warn: line('WARNING'), error: line('ERROR') };
}

/** The client the connection flags and environment describe; with `account`, the account id too. */
export function connect(invocation: Invocation, account: true): { dbt: DbtCloud; accountId: number };
export function connect(invocation: Invocation, account: false): { dbt: DbtCloud; accountId: undefined };
export function connect({ parsed, env }: Invocation, account: boolean): { dbt: DbtCloud; accountId?: number } {
  const token = parsed.text('api-token') ?? env.DBT_CLOUD_API_TOKEN;
  if (token === undefined)
    throw new CompatFailure('DBT_CLOUD_API_TOKEN is not defined (give --api-token or set DBT_CLOUD_API_TOKEN)');
  const accountId = account ? idFrom(parsed, 'account-id', env, 'DBT_CLOUD_ACCOUNT_ID') : undefined;
  try {
    const dbt = createDbtCloud({
      token,
      host: parsed.text('dbt-cloud-host') ?? (env.DBT_CLOUD_HOST || 'cloud.getdbt.com'),
      ...(accountId === undefined ? {} : { accountId }),
      timeoutMs: (parsed.int('timeout') ?? 30) * 1000,
      logger: debugLogger(env),
      // Everything is resolved above, from these flags and variables only.
      env: {},
    });
    return { dbt, accountId };
  } catch (error) {
    if (error instanceof ValidationError) {
      const subject =
        error.field === 'token'
          ? 'the API token (--api-token, DBT_CLOUD_API_TOKEN)'
          : error.field === 'host'
            ? 'the host (--dbt-cloud-host, DBT_CLOUD_HOST)'
            : error.field;
      const prefix = `${error.field}: `;
      const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
      throw new CompatFailure(`${subject}: ${detail}`);
    }
    throw error;
  }
}

/** The object without its undefined values: requests leaves a None parameter out, and so does this. */
export function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

// ---- output ----

export function stderrLine(text: string): void {
  process.stderr.write(`${sanitize(text)}\n`);
}

/**
 * JSON as Python's `json.dumps(value, indent=2)` writes it: two-space indent, `": "` and `","` separators, every
 * character beyond ASCII (and DEL) escaped as \uXXXX, so the output is plain ASCII whatever the server sent.
 */
export function pythonJson(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Where a form's output goes: stdout, or the file given with -f (`-` is stdout). */
export interface Sink {
  write(data: string | Uint8Array): Promise<void>;
}

export function sinkFor(file: string | undefined): Sink {
  if (file === undefined || file === '-') {
    return {
      write: (data) =>
        new Promise<void>((resolve, reject) =>
          process.stdout.write(data, (error) => (error ? reject(error) : resolve())),
        ),
    };
  }
  let opened = false;
  return {
    async write(data) {
      await (opened ? appendFile(file, data) : writeFile(file, data));
      opened = true;
    },
  };
}

/** What `dbt.api` answers: openapi-fetch's result. */
export interface ApiResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** `404 Client Error: Not Found for url: https://…`, as dbt-cloud-cli's HTTP library words it, and the API's reason. */
export function statusLine(response: Response, url: string, body: unknown): string {
  const kind = response.status >= 500 ? 'Server Error' : response.status >= 400 ? 'Client Error' : 'Error';
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  const status = (body as { status?: { user_message?: unknown } } | null)?.status;
  const said = typeof status?.user_message === 'string' && status.user_message ? `: ${status.user_message}` : '';
  return `${response.status} ${kind}: ${reason} for url: ${url}${said}`;
}

/**
 * Prints one call's answer as dbt-cloud-cli does: the envelope (the error envelope too) to the sink, then, when the
 * status is an error, its line on stderr and exit 1. An error answer that is not JSON prints nothing on stdout.
 */
export async function report(result: ApiResult, url: string, sink: Sink, newline = true): Promise<number> {
  const { response } = result;
  const body = response.ok ? result.data : result.error;
  const json = body !== undefined && (response.ok || (typeof body === 'object' && body !== null));
  if (json) await sink.write(`${pythonJson(body)}${newline ? '\n' : ''}`);
  if (response.ok) return exitCodes.ok;
  stderrLine(`${statusLine(response, url, body)}${json || body === undefined ? '' : ' (the answer is not JSON)'}`);
  return exitCodes.failed;
}

// ---- the command tree ----

export interface CompatCommand {
  name: string;
  summary: string;
  options: readonly OptionSpec[];
  /** Refused under DBT_CLOUD_READONLY. */
  mutating?: boolean;
  run(invocation: Invocation): Promise<number>;
}

export interface CompatGroup {
  name: string;
  summary: string;
  commands: readonly CompatCommand[];
  /** dbt-cloud-cli's commands of this group that are not accepted here (said so, rather than "no such command"). */
  notImplemented?: readonly string[];
}
