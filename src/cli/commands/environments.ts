// `dbt-cloud environments`: list environments and copy one.
import type { Command } from 'commander';
import { action, examples } from '../command.js';
import { createdOrBody, environmentLine, lines } from '../output.js';
import { given, integer } from '../parse.js';

export function registerEnvironments(program: Command): void {
  const environments = examples(
    program.command('environments').description('list and copy environments'),
    'dbt-cloud environments list --project 270542',
    'dbt-cloud environments copy 218764 --name "Staging 2" --dry-run',
  );

  examples(
    environments
      .command('list')
      .description('list environments')
      .option('--project <id>', 'only this project', integer),
    'dbt-cloud environments list --project 270542',
  ).action(
    action(async ({ out, client }, opts: { project?: number }) => {
      const items = await client()
        .environments.list(given({ projectId: opts.project }))
        .toArray();
      out.result(items, () => lines(items, environmentLine, 'no environments'));
    }),
  );

  examples(
    environments
      .command('copy')
      .description('copy an environment, within its project or to another')
      .argument('<environment-id>', 'the environment', integer)
      .option('--project <id>', 'target project', integer)
      .option('--name <name>', 'name of the copy')
      .option('--credentials <id>', 'credentials for the copy', integer)
      .option('--dry-run', 'print the request body and create nothing'),
    'dbt-cloud environments copy 218764 --name "Staging 2" --dry-run',
  ).action(
    action(
      async (
        { out, client },
        environmentId: number,
        opts: { project?: number; name?: string; credentials?: number; dryRun?: boolean },
      ) => {
        const result = await client().environments.copy(
          environmentId,
          given({ projectId: opts.project, name: opts.name, credentialsId: opts.credentials, dryRun: opts.dryRun }),
        );
        out.result(result, () => createdOrBody('environment', result));
      },
    ),
  );
}
