// What every command shares: the global options turned into a client, the action wrapper that turns an outcome
// into an exit code, library errors reworded in the CLI's terms, and the help text.
import type { Command } from 'commander';
import { createDbtCloud, ValidationError, type DbtCloud } from '../index.js';
import {
  createOutput,
  exitCodeHelp,
  exitCodes,
  type ExitCodeName,
  plainExitCodes,
  UsageError,
  type Output,
} from './output.js';
import { given } from './parse.js';

export interface GlobalOptions {
  token?: string;
  accountId?: string;
  host?: string;
  json?: boolean;
  verbose?: boolean;
}

export interface Context {
  options: GlobalOptions;
  out: Output;
  /** The client, configured from the flags, then the environment; `overrides` wins over both. */
  client: (overrides?: { accountId?: number }) => DbtCloud;
  env: Record<string, string | undefined>;
}

const globalFlags = { token: '--token', accountId: '--account-id', host: '--host' } as const;

/** The flag (or argument) of this CLI that sets a library option, for error messages. */
const flagOf: Record<string, string> = {
  ...globalFlags,
  stepsOverride: '--steps',
  projectId: '--project',
  environmentId: '--environment',
  credentialsId: '--credentials',
  jobId: '<job-id>',
  runId: '<run-id>',
  paths: '--download',
  dir: '--out',
  timeoutMs: '--timeout',
};

function flagFor(field: string): string {
  const [, name = field, index] = /^(\w+)(?:\[(\d+)\])?$/.exec(field) ?? [];
  const flag = flagOf[name] ?? `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  // `stepsOverride[1]` is the second --steps.
  return index === undefined ? flag : `${flag} (#${Number(index) + 1})`;
}

/** A library ValidationError names its option (`stepsOverride[0]`); the CLI user knows the flag (`--steps`). */
export function inCliTerms(error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  const prefix = `${error.field}: `;
  const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  const reworded = detail.replace(/(?:option )?`(\w+(?:\[\d+\])?)`/g, (_match, field: string) => flagFor(field));
  return new UsageError(reworded, flagFor(error.field));
}

export function createContext(command: Command, out: Output): Context {
  const options = command.optsWithGlobals<GlobalOptions>();
  // An empty value would otherwise fall back to the environment without a word.
  for (const [key, flag] of Object.entries(globalFlags)) {
    const value = options[key as keyof typeof globalFlags];
    if (value !== undefined && value.trim() === '')
      throw new UsageError('must not be empty; leave the flag out to use the environment', flag);
  }
  // dbt-jobs-as-code's variables stand in where ours are not set, so a pipeline written for it runs unchanged.
  const env = process.env;
  const fallback = (ours: string, theirs: string) => (env[ours] ? undefined : env[theirs] || undefined);
  const client = (overrides: { accountId?: number } = {}) =>
    createDbtCloud(
      given({
        token: options.token ?? fallback('DBT_CLOUD_API_TOKEN', 'DBT_API_KEY'),
        accountId: options.accountId ?? fallback('DBT_CLOUD_ACCOUNT_ID', 'DBT_ACCOUNT_ID'),
        host: options.host ?? fallback('DBT_CLOUD_HOST', 'DBT_BASE_URL'),
        logger: options.verbose ? out.logger() : undefined,
        ...overrides,
      }),
    );
  return { options, out, client, env };
}

/** Wraps a command's action: runs it, prints what failed, and sets the exit code. */
export function action<A extends unknown[]>(run: (context: Context, ...args: A) => Promise<number | void>) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const out = createOutput(
      Boolean(command.optsWithGlobals<GlobalOptions>().json),
      undefined,
      undefined,
      commandPath(command),
    );
    try {
      process.exitCode = (await run(createContext(command, out), ...(args.slice(0, -1) as A))) ?? exitCodes.ok;
    } catch (error) {
      process.exitCode = out.error(inCliTerms(error));
    }
  };
}

/** The command as a person types it: `dbt-cloud runs list`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** Appends examples to a command's --help. */
export function examples<C extends Command>(command: C, ...lines: string[]): C {
  command.addHelpText('after', `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}`);
  return command;
}

// Commands whose exit codes are not the plain ones (0, 4, 5), by what their help should list.
const ownExitCodes = new WeakMap<Command, ExitCodeName[] | false>();

/** The exit codes this command's --help lists; `false` when its help states them itself. */
export function exitCodesOf<C extends Command>(command: C, names: ExitCodeName[] | false): C {
  ownExitCodes.set(command, names);
  return command;
}

/** Appends to the help of every command that runs (not the groups) the exit codes it can end with. */
export function addExitCodeHelp(program: Command): void {
  const visit = (command: Command) => {
    if (command.commands.length > 0) return command.commands.forEach(visit);
    const names = ownExitCodes.has(command) ? ownExitCodes.get(command)! : plainExitCodes;
    if (names) command.addHelpText('after', `\n${exitCodeHelp(names)}`);
  };
  program.commands.forEach(visit);
}
