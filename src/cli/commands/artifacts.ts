// `dbt-cloud artifacts`: list a run's artifacts, print one, or save it.
import { type Command, InvalidArgumentError } from 'commander';
import { action, examples } from '../command.js';
import { savedFiles } from '../output.js';
import { given, integer } from '../parse.js';

/** A step index, or `last-build` for the run's last `dbt build`/`run` step. */
const stepSelector = (value: string): number | 'last-build' => {
  if (value === 'last-build') return value;
  try {
    return integer(value);
  } catch {
    throw new InvalidArgumentError(`must be a step index (from 1) or last-build, got ${JSON.stringify(value)}`);
  }
};

export function registerArtifacts(program: Command): void {
  const artifacts = examples(
    program.command('artifacts').description('list and read run artifacts'),
    'dbt-cloud artifacts list 70403103',
    'dbt-cloud artifacts get 70403103 run_results.json --out target/',
  );

  examples(
    artifacts
      .command('list')
      .description("list a run's artifacts")
      .argument('<run-id>', 'the run', integer)
      .option('--step <index>', 'of this step (from 1)', integer),
    'dbt-cloud artifacts list 70403103 --step 2',
  ).action(
    action(async ({ out, client }, runId: number, opts: { step?: number }) => {
      const paths = await client().artifacts.list(runId, given({ step: opts.step }));
      out.result(paths, () => paths.join('\n'));
    }),
  );

  examples(
    artifacts
      .command('get')
      .description('print an artifact, or save it with --out')
      .argument('<run-id>', 'the run', integer)
      .argument('<path>', 'artifact path, e.g. run_results.json or compiled/pkg/models/x.sql')
      .option('--step <index>', 'of this step (from 1), or "last-build"', stepSelector)
      .option('--out <dir>', 'save into this folder instead of printing'),
    "dbt-cloud artifacts get 70403103 run_results.json --json | jq '.results[].status'",
    'dbt-cloud artifacts get 70403103 manifest.json --step last-build --out target/',
  ).action(
    action(
      async ({ out, client }, runId: number, path: string, opts: { step?: number | 'last-build'; out?: string }) => {
        const dbt = client();
        const step = given({ step: opts.step });
        if (opts.out) {
          const { downloadArtifacts } = await import('../../node.js');
          const files = await downloadArtifacts(dbt, runId, [path], opts.out, step);
          out.result({ files }, () => savedFiles(files));
          return;
        }
        const content = await dbt.artifacts.get(runId, path, step);
        out.result(content, () => (typeof content === 'string' ? content : JSON.stringify(content, null, 2)));
      },
    ),
  );
}
