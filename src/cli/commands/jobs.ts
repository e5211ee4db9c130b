// `dbt-cloud jobs`: list and show jobs, export one as a portable definition, import or copy it.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { JobDefinition } from '../../index.js';
import { action, examples } from '../command.js';
import { createdOrBody, jobLine, jobSummary, lines, UsageError } from '../output.js';
import { given, integer } from '../parse.js';

export function registerJobs(program: Command): Command {
  const jobs = examples(
    program.command('jobs').description('list, show, export, import and copy jobs'),
    'dbt-cloud jobs list --project 270542',
    'dbt-cloud jobs export 567183 --out nightly.json',
    'dbt-cloud jobs copy 567184 --environment 218762 --dry-run',
  );

  examples(
    jobs
      .command('list')
      .description('list jobs')
      .option('--project <id>', 'only this project', integer)
      .option('--environment <id>', 'only this environment', integer),
    'dbt-cloud jobs list --project 270542',
  ).action(
    action(async ({ out, client }, opts: { project?: number; environment?: number }) => {
      const items = await client()
        .jobs.list(given({ projectId: opts.project, environmentId: opts.environment }))
        .toArray();
      out.result(items, () => lines(items, jobLine, 'no jobs'));
    }),
  );

  examples(
    jobs.command('get').description('show a job').argument('<job-id>', 'the job', integer),
    'dbt-cloud jobs get 567183 --json',
  ).action(
    action(async ({ out, client }, jobId: number) => {
      const job = await client().jobs.get(jobId);
      out.result(job, () => jobSummary(job));
    }),
  );

  examples(
    jobs
      .command('export')
      .description('write a portable job definition (JSON)')
      .argument('<job-id>', 'the job', integer)
      .option('--out <file>', 'write to this file instead of stdout'),
    'dbt-cloud jobs export 567183 --out nightly.json',
  ).action(
    action(async ({ out, client }, jobId: number, opts: { out?: string }) => {
      const definition = await client().jobs.export(jobId);
      if (opts.out) {
        await writeFile(opts.out, `${JSON.stringify(definition, null, 2)}\n`);
        out.result({ file: opts.out }, `saved ${opts.out}`);
      } else out.result(definition, JSON.stringify(definition, null, 2));
    }),
  );

  examples(
    jobs
      .command('import')
      .description('create a job from an exported definition')
      .argument('<file>', 'the JSON file written by `jobs export`')
      .requiredOption('--project <id>', 'target project', integer)
      .requiredOption('--environment <id>', 'target environment', integer)
      .option('--name <name>', 'name of the new job')
      .option('--dry-run', 'print the request body and create nothing'),
    'dbt-cloud jobs import nightly.json --project 270542 --environment 218762 --dry-run',
  ).action(
    action(
      async (
        { out, client },
        file: string,
        opts: { project: number; environment: number; name?: string; dryRun?: boolean },
      ) => {
        let definition: JobDefinition;
        try {
          definition = JSON.parse(await readFile(file, 'utf8')) as JobDefinition;
        } catch (error) {
          throw new UsageError(`cannot read a job definition from ${file}: ${(error as Error).message}`, '<file>');
        }
        const result = await client().jobs.import(definition, {
          projectId: opts.project,
          environmentId: opts.environment,
          ...given({ name: opts.name, dryRun: opts.dryRun }),
        });
        out.result(result, () => createdOrBody('job', result));
      },
    ),
  );

  examples(
    jobs
      .command('copy')
      .description('copy a job, e.g. from a development to a production environment')
      .argument('<job-id>', 'the job', integer)
      .option('--project <id>', 'target project', integer)
      .option('--environment <id>', 'target environment', integer)
      .option('--name <name>', 'name of the copy')
      .option('--dry-run', 'print the request body and create nothing'),
    'dbt-cloud jobs copy 567184 --environment 218762 --name "CI check (prod)" --dry-run',
  ).action(
    action(
      async (
        { out, client },
        jobId: number,
        opts: { project?: number; environment?: number; name?: string; dryRun?: boolean },
      ) => {
        const result = await client().jobs.copy(
          jobId,
          given({ projectId: opts.project, environmentId: opts.environment, name: opts.name, dryRun: opts.dryRun }),
        );
        out.result(result, () => createdOrBody('job', result));
      },
    ),
  );
  return jobs;
}
