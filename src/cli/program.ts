// The `dbt-cloud` command line: the root command and its global options. Each command lives in its own file
// under commands/ and is added here with one call. A command imports the heavy modules it alone needs (the mock and
// the file helpers of dbt-cloud-ts/node, the response validator, the YAML parser) when it runs, so that every other
// command starts without loading them.
import { Command } from 'commander';
import { version } from '../index.js';
import { addExitCodeHelp, examples } from './command.js';
import { registerArtifacts } from './commands/artifacts.js';
import { registerDoctor } from './commands/doctor.js';
import { registerEnvironments } from './commands/environments.js';
import { registerJobs } from './commands/jobs.js';
import { addJobsAsCodeCommands } from './commands/jobs-as-code.js';
import { registerMock } from './commands/mock.js';
import { registerProjects } from './commands/projects.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerSpecCheck } from './commands/spec-check.js';

export function buildProgram(): Command {
  const program = new Command('dbt-cloud')
    .description('Trigger, follow and inspect dbt Cloud runs, jobs and artifacts from a terminal or a CI pipeline.')
    .version(version)
    .option('--token <token>', 'API token (default: $DBT_CLOUD_API_TOKEN)')
    .option('--account-id <id>', 'account id (default: $DBT_CLOUD_ACCOUNT_ID)')
    .option('--host <host>', 'host or access URL, e.g. emea.dbt.com (default: $DBT_CLOUD_HOST, else cloud.getdbt.com)')
    .option('--json', 'print machine-readable JSON only (errors and --verbose lines: JSON on stderr)')
    .option('--verbose', 'log every request to stderr (the token is never shown)')
    // Set before any subcommand exists, so every subcommand inherits them: a usage error comes back as a
    // CommanderError that the entry prints in one line (or one JSON line), not commander's text and the whole help.
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .addHelpText(
      'after',
      '\nConfiguration comes from the flags, then DBT_CLOUD_API_TOKEN, DBT_CLOUD_ACCOUNT_ID and DBT_CLOUD_HOST' +
        "\n(dbt-jobs-as-code's DBT_API_KEY, DBT_ACCOUNT_ID and DBT_BASE_URL where those are not set);" +
        '\nan empty flag (--token "") is refused rather than read from the environment.',
    );
  examples(program, 'dbt-cloud doctor', 'dbt-cloud run 567183 --wait --timeout 30m', 'dbt-cloud runs --help');
  program.addHelpText(
    'after',
    `
Exit codes:
  0  success
  4  usage or configuration error
  5  API or network error
  run --wait and runs wait also: 1 the run failed, 2 it was cancelled, 3 waiting timed out
  jobs plan, apply, validate, ...: 1 any error, and plan 2 when there are changes to apply
  spec check: 1 when an answer differs from the spec
Each command's --help lists the codes it can end with.`,
  );

  registerRun(program);
  registerRuns(program);
  registerArtifacts(program);
  addJobsAsCodeCommands(registerJobs(program));
  registerEnvironments(program);
  registerProjects(program);
  registerDoctor(program);
  registerSpecCheck(program);
  registerMock(program);
  addExitCodeHelp(program);

  return program;
}
