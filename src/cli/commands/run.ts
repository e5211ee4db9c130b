// `dbt-cloud run`: trigger a job run, and optionally wait for it and download its artifacts.
import type { Command } from 'commander';
import { downloadArtifacts } from '../../node.js';
import { action, examples } from '../command.js';
import { followRun, heartbeatInterval } from '../follow.js';
import { runSummary, savedFiles, UsageError } from '../output.js';
import { artifactPaths, collect, given, integer, timeout } from '../parse.js';

interface RunOptions {
  wait?: boolean;
  cause: string;
  gitBranch?: string;
  gitSha?: string;
  schemaOverride?: string;
  dbtVersionOverride?: string;
  targetNameOverride?: string;
  threadsOverride?: number;
  steps?: string[];
  reuseExisting?: boolean;
  timeout?: number;
  cancelOnTimeout?: boolean;
  download?: string[];
  out: string;
}

export function registerRun(program: Command): void {
  examples(
    program
      .command('run')
      .description('trigger a job run, and optionally wait for it and download its artifacts')
      .argument('<job-id>', 'the job to run', integer)
      .option('--wait', 'wait for the run to finish')
      .option('--cause <text>', 'why the run starts', 'Triggered via dbt-cloud CLI')
      .option('--git-branch <branch>', 'check out this branch')
      .option('--git-sha <sha>', 'check out this commit')
      .option('--schema-override <schema>', 'build into this schema')
      .option('--dbt-version-override <version>', 'run with this dbt version')
      .option('--target-name-override <name>', 'set target.name')
      .option('--threads-override <n>', 'thread count', integer)
      .option('--steps <command>', "a dbt command to run instead of the job's steps (repeat for several)", collect)
      .option('--reuse-existing', "follow the job's queued or running run instead of starting another")
      .option('--timeout <duration>', 'with --wait: give up waiting after this long, e.g. 30m (more than 0)', timeout)
      .option('--cancel-on-timeout', 'with --timeout: cancel the run when the wait times out')
      .option(
        '--download <paths>',
        'artifacts to download after success, comma separated (implies --wait)',
        artifactPaths,
      )
      .option('--out <dir>', 'where --download writes', 'target'),
    'dbt-cloud run 567183 --wait --timeout 30m --cancel-on-timeout',
    'dbt-cloud run 567183 --git-branch feature/x --steps "dbt build --select state:modified+" --wait',
    'dbt-cloud run 567183 --wait --download run_results.json,manifest.json --out target/',
  ).action(
    action(async ({ out, client, env }, jobId: number, opts: RunOptions) => {
      // Every option is checked before the trigger: a mistake found after it would leave a run nobody follows.
      const wait = Boolean(opts.wait || opts.download);
      if (opts.timeout !== undefined && !wait)
        throw new UsageError('only applies with --wait (or --download); add --wait or leave it out', '--timeout');
      if (opts.cancelOnTimeout && opts.timeout === undefined)
        throw new UsageError('needs --timeout; without one the wait has no end to act on', '--cancel-on-timeout');
      const heartbeatMs = heartbeatInterval(env);
      const dbt = client();
      const run = await dbt.runs.trigger(jobId, {
        cause: opts.cause,
        ...given({
          gitBranch: opts.gitBranch,
          gitSha: opts.gitSha,
          schemaOverride: opts.schemaOverride,
          dbtVersionOverride: opts.dbtVersionOverride,
          targetNameOverride: opts.targetNameOverride,
          threadsOverride: opts.threadsOverride,
          stepsOverride: opts.steps,
          reuseExisting: opts.reuseExisting,
        }),
      });
      out.info(`Triggered run ${run.id} of job ${jobId}${run.href ? `: ${run.href}` : ''}`);
      if (!wait) {
        out.result(run, () => runSummary(run));
        return;
      }
      const finished = await followRun(dbt, out, run.id, {
        timeoutMs: opts.timeout,
        cancelOnTimeout: opts.cancelOnTimeout,
        heartbeatMs,
      });
      const files = opts.download ? await downloadArtifacts(dbt, finished.id, opts.download, opts.out) : [];
      out.result({ run: finished, files }, () => [runSummary(finished), savedFiles(files)].filter(Boolean).join('\n'));
    }),
  );
}
