#!/usr/bin/env node
// Entry point of the `dbt-cloud` command.
import { CommanderError, type Command } from 'commander';
import { buildProgram } from './program.js';
import { exitCodes, sanitize } from './output.js';
import { isDbtCloudCliForm, runDbtCloudCli } from './compat/dispatch.js';

/** The deepest command the words of the command line name (`dbt-cloud runs list`), for a pointer to its --help. */
function commandOf(program: Command, words: string[]): string {
  const path = [program.name()];
  let command = program;
  for (const word of words) {
    if (word.startsWith('-')) continue;
    const next = command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word));
    if (!next) break;
    path.push(next.name());
    command = next;
  }
  return path.join(' ');
}

const program = buildProgram();
const words = process.argv.slice(2);
try {
  // dbt-cloud-cli's forms (`job run --job-id N`, `run get --run-id N`, ...) go to their own tree: see compat/.
  if (isDbtCloudCliForm(process.argv.slice(2))) process.exitCode = await runDbtCloudCli(process.argv.slice(2));
  else await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with code 0; everything else is a usage error: one line, and a pointer to
    // the command's help (or one JSON line with --json), never the help itself.
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed') process.exitCode = exitCodes.ok;
    else {
      const command = commandOf(program, words);
      const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      if (words.includes('--json')) {
        const payload = { error: { name: 'UsageError', message, command }, exitCode: exitCodes.usage };
        process.stderr.write(`${JSON.stringify(payload)}\n`);
      } else if (error.code === 'commander.help') {
        // A group without its subcommand: commander printed the group's help, which is what the person needs.
      } else process.stderr.write(`✗ ${sanitize(message)}\n  see \`${command} --help\`\n`);
      process.exitCode = exitCodes.usage;
    }
  } else {
    process.stderr.write(`✗ ${sanitize(String((error as Error)?.message ?? error))}\n`);
    process.exitCode = exitCodes.usage;
  }
}
