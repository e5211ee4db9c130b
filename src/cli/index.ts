#!/usr/bin/env node
// Entry point of the `dbt-cloud` command.
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { exitCodes } from './output.js';
import { isDbtCloudCliForm, runDbtCloudCli } from './compat/dispatch.js';

const program = buildProgram();
try {
  // dbt-cloud-cli's forms (`job run --job-id N`, `run get --run-id N`, ...) go to their own tree: see compat/.
  if (isDbtCloudCliForm(process.argv.slice(2))) process.exitCode = await runDbtCloudCli(process.argv.slice(2));
  else await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with code 0; everything else is a usage error.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    process.stderr.write(`✗ ${(error as Error)?.message ?? error}\n`);
    process.exitCode = exitCodes.usage;
  }
}
