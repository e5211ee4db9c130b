// `dbt-cloud runs`: list, inspect, cancel, retry and wait for runs, and print their logs.
import type { Command } from 'commander';
import type { RunStatusName } from '../../index.js';
import { action, examples, exitCodesOf } from '../command.js';
import { followRun, heartbeatInterval } from '../follow.js';
import { lines, runLine, runSummary, stepLogBlock, UsageError, runHeader, waitExitCodes } from '../output.js';
import { given, integer, list, timeout } from '../parse.js';

export function registerRuns(program: Command): void {
  const runs = examples(
    program.command('runs').description('list and inspect runs'),
    'dbt-cloud runs list --job 567183 --status error --limit 5',
    'dbt-cloud runs get 70403103',
    'dbt-cloud runs wait 70403103 --timeout 1h',
    'dbt-cloud runs logs 70403104 --step 5',
  );

  examples(
    runs
      .command('list')
      .description('list runs, newest first')
      .option('--job <id>', "only this job's runs", integer)
      .option('--project <id>', "only this project's runs", integer)
      .option('--environment <id>', "only this environment's runs", integer)
      .option('--status <status>', 'queued, starting, running, success, error, cancelled (comma separated)', list)
      .option('--limit <n>', 'how many', integer, 20)
      .option('--all', 'every matching run (pages through them)'),
    'dbt-cloud runs list --job 567183 --status error --limit 5',
    'dbt-cloud runs list --all --json > runs.json',
  ).action(
    action(
      async (
        { out, client },
        opts: { job?: number; project?: number; environment?: number; status?: string[]; limit: number; all?: boolean },
      ) => {
        const paginator = client().runs.list({
          orderBy: '-id',
          ...given({
            jobId: opts.job,
            projectId: opts.project,
            environmentId: opts.environment,
            status: opts.status as RunStatusName[] | undefined,
          }),
          ...(opts.all ? { concurrency: 4 } : { pageSize: Math.min(opts.limit, 100) }),
        });
        const items = await paginator.toArray(opts.all ? {} : { max: opts.limit });
        out.result(items, () => (items.length ? `${runHeader}\n${lines(items, runLine, '')}` : 'no runs'));
      },
    ),
  );

  for (const [name, description] of [
    ['get', 'show a run'],
    ['cancel', 'cancel a run'],
    ['retry', 'retry a failed run from its failed step'],
  ] as const) {
    examples(
      runs.command(name).description(description).argument('<run-id>', 'the run', integer),
      `dbt-cloud runs ${name} 70403103`,
    ).action(
      action(async ({ out, client }, runId: number) => {
        const dbt = client();
        const run =
          name === 'get'
            ? await dbt.runs.get(runId, { include: ['run_steps'] })
            : name === 'cancel'
              ? await dbt.runs.cancel(runId)
              : await dbt.runs.retry(runId);
        out.result(run, () => runSummary(run));
      }),
    );
  }

  examples(
    exitCodesOf(runs.command('wait'), waitExitCodes)
      .description('wait for a run to finish')
      .argument('<run-id>', 'the run', integer)
      .option('--timeout <duration>', 'give up after this long, e.g. 30m (more than 0)', timeout)
      .option('--cancel-on-timeout', 'with --timeout: cancel the run when the wait times out'),
    'dbt-cloud runs wait 70403103 --timeout 1h',
    'dbt-cloud runs wait 70403103 --timeout 30m --cancel-on-timeout',
  ).action(
    action(async ({ out, client, env }, runId: number, opts: { timeout?: number; cancelOnTimeout?: boolean }) => {
      if (opts.cancelOnTimeout && opts.timeout === undefined)
        throw new UsageError('needs --timeout; without one the wait has no end to act on', '--cancel-on-timeout');
      const heartbeatMs = heartbeatInterval(env);
      const run = await followRun(client(), out, runId, {
        timeoutMs: opts.timeout,
        cancelOnTimeout: opts.cancelOnTimeout,
        heartbeatMs,
        // A run that failed, was cancelled or timed out is still the result: scripts read it from stdout.
        onEnd: (ended) => out.result(ended, () => runSummary(ended)),
      });
      out.result(run, () => runSummary(run));
    }),
  );

  examples(
    runs
      .command('logs')
      .description("print the logs of a run's steps")
      .argument('<run-id>', 'the run', integer)
      .option('--step <index>', 'only this step (from 1)', integer)
      .option('--debug', 'the full debug logs'),
    'dbt-cloud runs logs 70403104 --step 5',
    'dbt-cloud runs logs 70403104 --debug > run.log',
  ).action(
    action(async ({ out, client }, runId: number, opts: { step?: number; debug?: boolean }) => {
      const dbt = client();
      const steps = (await dbt.runs.steps(runId)).filter((step) => !opts.step || step.index === opts.step);
      if (opts.step && steps.length === 0) throw new UsageError(`run ${runId} has no step ${opts.step}`, '--step');
      const logs: Array<{ index: number; name: string; status: string | undefined; logs: string }> = [];
      for (const step of steps)
        logs.push({
          index: step.index,
          name: step.name,
          status: step.status_humanized,
          logs: await dbt.runs.stepLogs(step.id, { debug: Boolean(opts.debug) }),
        });
      out.result(logs, () => logs.map(stepLogBlock).join('\n'));
    }),
  );
}
