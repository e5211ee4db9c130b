// `dbt-cloud run`: trigger a job run, and optionally wait for it and download its artifacts.
import type { Command } from 'commander';
import { action, examples, exitCodesOf } from '../command.js';
import { followRun, heartbeatInterval } from '../follow.js';
import { runSummary, savedFiles, UsageError, waitExitCodes } from '../output.js';
import { artifactPaths, boolean, collect, given, integer, seconds, timeout } from '../parse.js';

interface RunOptions {
  wait?: boolean;
  cause: string;
  gitBranch?: string;
  gitSha?: string;
  schemaOverride?: string;
  dbtVersionOverride?: string;
  targetNameOverride?: string;
  threadsOverride?: number;
  timeoutSecondsOverride?: number;
  generateDocsOverride?: boolean;
  githubPullRequestId?: number;
  gitlabMergeRequestId?: number;
  azurePullRequestId?: number;
  nonNativePullRequestId?: number;
  steps?: string[];
  reuseExisting?: boolean;
  timeout?: number;
  cancelOnTimeout?: boolean;
  download?: string[];
  out: string;
}

export function registerRun(program: Command): void {
  examples(
    exitCodesOf(program.command('run'), waitExitCodes)
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
      .option('--timeout-seconds-override <seconds>', 'stop the run after this many seconds (0: no limit)', seconds)
      .option('--generate-docs-override <true|false>', 'generate docs after the run, or not', boolean)
      .option('--github-pull-request-id <id>', 'the GitHub pull request the run is for (a CI run)', integer)
      .option('--gitlab-merge-request-id <id>', 'the GitLab merge request the run is for', integer)
      .option('--azure-pull-request-id <id>', 'the Azure DevOps pull request the run is for', integer)
      .option('--non-native-pull-request-id <id>', 'the pull request of another git provider the run is for', integer)
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
    'dbt-cloud run 567184 --github-pull-request-id 42 --git-sha 9f8e7d6 --schema-override dbt_cloud_pr_42 --wait',
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
          githubPullRequestId: opts.githubPullRequestId,
          gitlabMergeRequestId: opts.gitlabMergeRequestId,
          azurePullRequestId: opts.azurePullRequestId,
          nonNativePullRequestId: opts.nonNativePullRequestId,
          stepsOverride: opts.steps,
          reuseExisting: opts.reuseExisting,
        }),
        // Falsy values that mean something: 0 seconds (no limit) and false (no docs).
        ...(opts.timeoutSecondsOverride === undefined ? {} : { timeoutSecondsOverride: opts.timeoutSecondsOverride }),
        ...(opts.generateDocsOverride === undefined ? {} : { generateDocsOverride: opts.generateDocsOverride }),
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
        // A run that failed, was cancelled or timed out is still the result: `--json > run.json` gets it.
        onEnd: (ended) => out.result({ run: ended, files: [] }, () => runSummary(ended)),
      });
      const files = opts.download
        ? await (await import('../../node.js')).downloadArtifacts(dbt, finished.id, opts.download, opts.out)
        : [];
      out.result({ run: finished, files }, () => [runSummary(finished), savedFiles(files)].filter(Boolean).join('\n'));
    }),
  );
}
