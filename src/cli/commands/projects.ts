// `dbt-cloud projects`: list projects.
import type { Command } from 'commander';
import { action, examples } from '../command.js';
import { lines, projectLine } from '../output.js';

export function registerProjects(program: Command): void {
  const projects = examples(
    program.command('projects').description('list projects'),
    'dbt-cloud projects list',
    'dbt-cloud projects list --json',
  );

  examples(projects.command('list').description('list projects'), 'dbt-cloud projects list --json').action(
    action(async ({ out, client }) => {
      const items = await client().projects.list().toArray();
      out.result(items, () => lines(items, projectLine, 'no projects'));
    }),
  );
}
