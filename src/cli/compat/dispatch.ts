// The Python dbt-cloud-cli installs a `dbt-cloud` command too; on a machine with both, its users' scripts run this
// one. Their common forms are accepted here, in a command tree of their own with that tool's contract: no global
// flags, the connection flags on every command, its environment variables, the API's envelope on stdout, and exit
// codes 0 (done), 1 (the API said no, the run failed, a value is missing) and 2 (usage).
//
// Which tree a command line belongs to is decided by its first words, before any parser sees them: dbt-cloud-cli
// has no global options, so its group always comes first. `job`, `project`, `environment`, `account` and `audit-log`
// are not names of this CLI; `run` is, but ours takes a job id (digits) where theirs takes a subcommand (a word).
import { DbtCloudError } from '../../index.js';
import { sanitize } from '../output.js';
import { accountGroup } from './account.js';
import { CompatUsageError, optionsHelp, parseArgs } from './args.js';
import { auditLogGroup } from './audit-log.js';
import { environmentGroup } from './environment.js';
import { jobGroup } from './job.js';
import { projectGroup } from './project.js';
import { runGroup } from './run.js';
import { checkWritable, CompatFailure, exitCodes, type CompatCommand, type CompatGroup, type Env } from './shared.js';

const groups: readonly CompatGroup[] = [
  jobGroup,
  runGroup,
  projectGroup,
  environmentGroup,
  accountGroup,
  auditLogGroup,
];

const ownGroups = new Set(['job', 'project', 'environment', 'account', 'audit-log']);
const runSubcommands = new Set(runGroup.commands.map((command) => command.name));

/** Whether a command line (the words after `dbt-cloud`) is one of dbt-cloud-cli's forms. */
export function isDbtCloudCliForm(argv: readonly string[]): boolean {
  const [first, second] = argv;
  if (first === undefined) return false;
  return ownGroups.has(first) || (first === 'run' && second !== undefined && runSubcommands.has(second));
}

const about =
  "This is dbt-cloud-cli's form, which dbt-cloud-ts accepts as that tool does (its flags, environment variables,\n" +
  "  output and exit codes). dbt-cloud-ts's own commands: dbt-cloud --help.";

function commandHelp(group: CompatGroup, command: CompatCommand): string {
  return (
    `Usage: dbt-cloud ${group.name} ${command.name} [OPTIONS]\n\n  ${command.summary}\n\n  ${about}\n\n` +
    `Options:\n${optionsHelp(command.options)}\n`
  );
}

function groupHelp(group: CompatGroup): string {
  const width = Math.max(...group.commands.map((command) => command.name.length));
  const commands = group.commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return (
    `Usage: dbt-cloud ${group.name} [OPTIONS] COMMAND [ARGS]...\n\n  ${group.summary}\n\n  ${about}\n\n` +
    `Options:\n  --help  Show this message and exit.\n\nCommands:\n${commands}\n`
  );
}

function usageError(usage: string, helpCommand: string, message: string): number {
  process.stderr.write(`${usage}\nTry '${helpCommand} --help' for help.\n\nError: ${sanitize(message)}\n`);
  return exitCodes.usage;
}

/** Runs one of dbt-cloud-cli's forms; resolves with the exit code. Prints every failure itself; never throws. */
export async function runDbtCloudCli(argv: readonly string[], env: Env = process.env): Promise<number> {
  const [groupName, commandName, ...rest] = argv;
  const group = groups.find((candidate) => candidate.name === groupName)!;
  const groupPath = `dbt-cloud ${group.name}`;
  const groupUsage = `Usage: ${groupPath} [OPTIONS] COMMAND [ARGS]...`;
  if (commandName === undefined) {
    process.stderr.write(groupHelp(group));
    return exitCodes.usage;
  }
  if (commandName === '--help') {
    process.stdout.write(groupHelp(group));
    return exitCodes.ok;
  }
  if (commandName.startsWith('-')) return usageError(groupUsage, groupPath, `No such option '${commandName}'.`);
  const command = group.commands.find((candidate) => candidate.name === commandName);
  if (!command) {
    const message = group.notImplemented?.includes(commandName)
      ? `'${groupPath} ${commandName}' is a dbt-cloud-cli command that dbt-cloud-ts does not accept; ` +
        'see docs/dbt-cloud-cli.md in dbt-cloud-ts for the forms it does.'
      : `No such command '${commandName}'.`;
    return usageError(groupUsage, groupPath, message);
  }

  const path = `${groupPath} ${command.name}`;
  try {
    const parsed = parseArgs(rest, command.options);
    if (parsed.help) {
      process.stdout.write(commandHelp(group, command));
      return exitCodes.ok;
    }
    if (command.mutating) checkWritable(env);
    return await command.run({ parsed, env });
  } catch (error) {
    if (error instanceof CompatUsageError) return usageError(`Usage: ${path} [OPTIONS]`, path, error.message);
    // The library's messages never hold the token; no stack trace is printed.
    const message =
      error instanceof CompatFailure || error instanceof DbtCloudError
        ? error.message
        : String((error as Error)?.message ?? error);
    process.stderr.write(`Error: ${sanitize(message)}\n`);
    return exitCodes.failed;
  }
}
