// The `dbt-cloud` command line: every command, built on the public API only.
import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import {
  createDbtCloud,
  DbtCloudError,
  RunFailedError,
  startMockServer,
  WaitTimeoutError,
  type DbtCloud,
  type JobDefinition,
  type Logger,
  type Run,
  type RunStatusName,
  version,
} from '../index.js';
import {
  createOutput,
  exitCodeHelp,
  exitCodes,
  type Output,
  parseDuration,
  progressReporter,
  UsageError,
} from './output.js';
import { addJobsAsCodeCommands } from './commands/jobs-as-code.js';

interface GlobalOptions {
  token?: string;
  accountId?: string;
  host?: string;
  json?: boolean;
  verbose?: boolean;
}

const integer = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
};
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const collect = (value: string, previous: string[] = []) => [...previous, value];
/** The options that were given: commander leaves the others undefined, and a flag that is off is dropped too. */
const given = <T extends Record<string, unknown>>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as Partial<T>;

function verboseLogger(out: Output): Logger {
  const line = (message: string, fields: Record<string, unknown> = {}) =>
    process.stderr.write(
      `· ${message} ${fields.method ?? ''} ${fields.path ?? ''} attempt=${fields.attempt ?? ''} status=${fields.status ?? fields.error ?? ''} ${fields.ms ?? fields.delayMs ?? ''}ms (Authorization: [redacted])\n`,
    );
  return out.json ? {} : { debug: line, info: line, warn: line, error: line };
}

/** A created object is named by its id; a dry run's request body is shown whole. */
function createdOrBody(kind: string, result: object): string {
  return 'id' in result ? `created ${kind} ${(result as { id: number }).id}` : JSON.stringify(result, null, 2);
}

function human(run: Run): string {
  return [
    `run ${run.id}  ${run.status_humanized}`,
    `  job ${run.job_definition_id}  environment ${run.environment_id}  project ${run.project_id}`,
    `  created ${run.created_at}${run.finished_at ? `  finished ${run.finished_at}` : ''}${run.duration_humanized ? `  (${run.duration_humanized})` : ''}`,
    ...(run.status_message ? [`  ${run.status_message}`] : []),
    ...(run.href ? [`  ${run.href}`] : []),
  ].join('\n');
}

function runLine(run: Run): string {
  return `${String(run.id).padEnd(12)} ${String(run.status_humanized).padEnd(10)} job ${String(run.job_definition_id).padEnd(10)} ${run.created_at}${run.duration_humanized ? `  ${run.duration_humanized}` : ''}`;
}

/** Prints the tail of the failed step's log, which is what a person needs to see first. */
async function printFailedStep(dbt: DbtCloud, out: Output, run: Run, lines = 40) {
  if (out.json) return;
  try {
    const steps = await dbt.runs.steps(run.id);
    const failed = steps.find((step) => step.status === 20) ?? steps.at(-1);
    if (!failed) return;
    const log = (await dbt.runs.stepLogs(failed.id)).trimEnd().split('\n');
    out.info(`--- step ${failed.index} "${failed.name}" (last ${Math.min(lines, log.length)} lines) ---`);
    out.info(log.slice(-lines).join('\n'));
  } catch {
    // The logs are a courtesy; the exit code already says the run failed.
  }
}

export function buildProgram(): Command {
  const program = new Command('dbt-cloud')
    .description('Trigger, follow and inspect dbt Cloud runs, jobs and artifacts from a terminal or a CI pipeline.')
    .version(version)
    .option('--token <token>', 'API token (default: $DBT_CLOUD_API_TOKEN)')
    .option('--account-id <id>', 'account id (default: $DBT_CLOUD_ACCOUNT_ID)')
    .option('--host <host>', 'host or access URL, e.g. emea.dbt.com (default: $DBT_CLOUD_HOST, else cloud.getdbt.com)')
    .option('--json', 'print machine-readable JSON only')
    .option('--verbose', 'log every request to stderr (the token is never shown)')
    .showHelpAfterError()
    // Set before any subcommand exists, so every subcommand inherits it: usage errors come back as CommanderError.
    .exitOverride()
    .addHelpText(
      'after',
      `\nConfiguration comes from the flags, then DBT_CLOUD_API_TOKEN, DBT_CLOUD_ACCOUNT_ID and DBT_CLOUD_HOST.\n\n${exitCodeHelp}`,
    );

  const context = (command: Command) => {
    const options = command.optsWithGlobals<GlobalOptions>();
    const out = createOutput(Boolean(options.json));
    const client = () =>
      createDbtCloud(
        given({
          token: options.token,
          accountId: options.accountId,
          host: options.host,
          logger: options.verbose ? verboseLogger(out) : undefined,
        }),
      );
    return { options, out, client };
  };

  // Runs an action and turns its outcome into an exit code.
  const action =
    <A extends unknown[]>(fn: (ctx: ReturnType<typeof context>, ...args: A) => Promise<number | void>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const ctx = context(command);
      try {
        process.exitCode = (await fn(ctx, ...(args.slice(0, -1) as A))) ?? exitCodes.ok;
      } catch (error) {
        process.exitCode = ctx.out.error(error);
      }
    };

  const examples = (command: Command, text: string) =>
    command.addHelpText('after', `\nExamples:\n${text}\n\n${exitCodeHelp}`);

  // ---- run ----
  examples(
    program
      .command('run')
      .description('trigger a job run, and optionally wait for it and download its artifacts')
      .argument('<job-id>', 'the job to run', integer('job-id'))
      .option('--wait', 'wait for the run to finish')
      .option('--cause <text>', 'why the run starts', 'Triggered via dbt-cloud CLI')
      .option('--git-branch <branch>', 'check out this branch')
      .option('--git-sha <sha>', 'check out this commit')
      .option('--schema-override <schema>', 'build into this schema')
      .option('--dbt-version-override <version>', 'run with this dbt version')
      .option('--target-name-override <name>', 'set target.name')
      .option('--threads-override <n>', 'thread count', integer('threads-override'))
      .option('--steps <command>', "a dbt command to run instead of the job's steps (repeat for several)", collect)
      .option('--reuse-existing', "follow the job's queued or running run instead of starting another")
      .option('--timeout <duration>', 'give up waiting after this long, e.g. 30m')
      .option('--cancel-on-timeout', 'cancel the run when the wait times out')
      .option('--download <paths>', 'artifacts to download after success, comma separated', list)
      .option('--out <dir>', 'where --download writes', 'target'),
    `  $ dbt-cloud run 567183 --wait --timeout 30m --cancel-on-timeout
  $ dbt-cloud run 567183 --git-branch feature/x --steps "dbt build --select state:modified+" --wait
  $ dbt-cloud run 567183 --wait --download run_results.json,manifest.json --out target/`,
  ).action(
    action(async ({ out, client }, jobId: number, opts: Record<string, any>) => {
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
      if (!opts.wait && !opts.download) {
        out.result(run, () => human(run));
        return;
      }
      const timeoutMs = opts.timeout ? parseDuration(opts.timeout) : undefined;
      const progress = progressReporter(out);
      let finished: Run;
      try {
        finished = await dbt.runs.wait(run.id, {
          ...given({ timeoutMs }),
          onProgress: (current) => progress.update(current),
        });
      } catch (error) {
        progress.done();
        if (error instanceof WaitTimeoutError && opts.cancelOnTimeout) {
          await dbt.runs.cancel(run.id);
          out.info(`Cancelled run ${run.id} after the timeout`);
        }
        if (error instanceof RunFailedError) await printFailedStep(dbt, out, error.run as Run);
        throw error;
      }
      progress.done();
      let files: string[] = [];
      if (opts.download) files = await dbt.artifacts.download(finished.id, opts.download, opts.out);
      out.result({ run: finished, files }, () => [human(finished), ...files.map((f) => `saved ${f}`)].join('\n'));
    }),
  );

  // ---- runs ----
  const runs = program.command('runs').description('list and inspect runs');
  examples(
    runs
      .command('list')
      .description('list runs, newest first')
      .option('--job <id>', "only this job's runs", integer('job'))
      .option('--project <id>', "only this project's runs", integer('project'))
      .option('--environment <id>', "only this environment's runs", integer('environment'))
      .option('--status <status>', 'queued, starting, running, success, error, cancelled (comma separated)', list)
      .option('--limit <n>', 'how many', integer('limit'), 20)
      .option('--all', 'every matching run (pages through them)'),
    `  $ dbt-cloud runs list --job 567183 --status error --limit 5
  $ dbt-cloud runs list --all --json > runs.json`,
  ).action(
    action(async ({ out, client }, opts: Record<string, any>) => {
      const paginator = client().runs.list({
        orderBy: '-id',
        ...given({
          jobId: opts.job,
          projectId: opts.project,
          environmentId: opts.environment,
          status: opts.status as RunStatusName[],
        }),
        ...(opts.all ? { concurrency: 4 } : { pageSize: Math.min(opts.limit, 100) }),
      });
      const items = await paginator.toArray(opts.all ? {} : { max: opts.limit });
      out.result(items, () => (items.length ? items.map(runLine).join('\n') : 'no runs'));
    }),
  );
  for (const [name, description] of [
    ['get', 'show a run'],
    ['cancel', 'cancel a run'],
    ['retry', 'retry a failed run from its failed step'],
  ] as const) {
    examples(
      runs.command(name).description(description).argument('<run-id>', 'the run', integer('run-id')),
      `  $ dbt-cloud runs ${name} 70403103`,
    ).action(
      action(async ({ out, client }, runId: number) => {
        const dbt = client();
        const run =
          name === 'get'
            ? await dbt.runs.get(runId, { include: ['run_steps'] })
            : name === 'cancel'
              ? await dbt.runs.cancel(runId)
              : await dbt.runs.retry(runId);
        out.result(run, () => human(run));
      }),
    );
  }
  examples(
    runs
      .command('wait')
      .description('wait for a run to finish')
      .argument('<run-id>', 'the run', integer('run-id'))
      .option('--timeout <duration>', 'give up after this long, e.g. 30m'),
    `  $ dbt-cloud runs wait 70403103 --timeout 1h`,
  ).action(
    action(async ({ out, client }, runId: number, opts: Record<string, any>) => {
      const dbt = client();
      const progress = progressReporter(out);
      try {
        const run = await dbt.runs.wait(runId, {
          ...given({ timeoutMs: opts.timeout && parseDuration(opts.timeout) }),
          onProgress: (r) => progress.update(r),
        });
        progress.done();
        out.result(run, () => human(run));
      } catch (error) {
        progress.done();
        if (error instanceof RunFailedError) await printFailedStep(dbt, out, error.run as Run);
        throw error;
      }
    }),
  );
  examples(
    runs
      .command('logs')
      .description("print the logs of a run's steps")
      .argument('<run-id>', 'the run', integer('run-id'))
      .option('--step <index>', 'only this step (from 1)', integer('step'))
      .option('--debug', 'the full debug logs'),
    `  $ dbt-cloud runs logs 70403104 --step 5`,
  ).action(
    action(async ({ out, client }, runId: number, opts: Record<string, any>) => {
      const dbt = client();
      const steps = (await dbt.runs.steps(runId)).filter((step) => !opts.step || step.index === opts.step);
      if (opts.step && steps.length === 0) throw new UsageError(`run ${runId} has no step ${opts.step}`);
      const logs: Array<{ index: number; name: string; status: string | undefined; logs: string }> = [];
      for (const step of steps)
        logs.push({
          index: step.index,
          name: step.name,
          status: step.status_humanized,
          logs: await dbt.runs.stepLogs(step.id, { debug: Boolean(opts.debug) }),
        });
      out.result(logs, () =>
        logs.map((s) => `=== step ${s.index}: ${s.name} (${s.status}) ===\n${s.logs.trimEnd()}`).join('\n'),
      );
    }),
  );

  // ---- artifacts ----
  const artifacts = program.command('artifacts').description('list and read run artifacts');
  examples(
    artifacts
      .command('list')
      .description("list a run's artifacts")
      .argument('<run-id>', 'the run', integer('run-id'))
      .option('--step <index>', 'of this step (from 1)', integer('step')),
    `  $ dbt-cloud artifacts list 70403103 --step 2`,
  ).action(
    action(async ({ out, client }, runId: number, opts: Record<string, any>) => {
      const paths = await client().artifacts.list(runId, given({ step: opts.step }));
      out.result(paths, () => paths.join('\n'));
    }),
  );
  examples(
    artifacts
      .command('get')
      .description('print an artifact, or save it with --out')
      .argument('<run-id>', 'the run', integer('run-id'))
      .argument('<path>', 'artifact path, e.g. run_results.json or compiled/pkg/models/x.sql')
      .option('--step <index>', 'of this step (from 1), or "last-build"')
      .option('--out <dir>', 'save into this folder instead of printing'),
    `  $ dbt-cloud artifacts get 70403103 run_results.json --json | jq '.results[].status'
  $ dbt-cloud artifacts get 70403103 manifest.json --step last-build --out target/`,
  ).action(
    action(async ({ out, client }, runId: number, path: string, opts: Record<string, any>) => {
      const step =
        opts.step === undefined
          ? undefined
          : opts.step === 'last-build'
            ? ('last-build' as const)
            : integer('step')(opts.step);
      const dbt = client();
      if (opts.out) {
        const files = await dbt.artifacts.download(runId, [path], opts.out, given({ step }));
        out.result({ files }, () => files.map((f) => `saved ${f}`).join('\n'));
        return;
      }
      const content = await dbt.artifacts.get(runId, path, given({ step }));
      out.result(content, () => (typeof content === 'string' ? content : JSON.stringify(content, null, 2)));
    }),
  );

  // ---- jobs ----
  const jobs = program.command('jobs').description('list, show, export, import and copy jobs');
  examples(
    jobs
      .command('list')
      .description('list jobs')
      .option('--project <id>', 'only this project', integer('project'))
      .option('--environment <id>', 'only this environment', integer('environment')),
    `  $ dbt-cloud jobs list --project 270542`,
  ).action(
    action(async ({ out, client }, opts: Record<string, any>) => {
      const items = await client()
        .jobs.list(
          given({
            projectId: opts.project,
            environmentId: opts.environment,
          }),
        )
        .toArray();
      out.result(
        items,
        () =>
          items.map((j) => `${String(j.id).padEnd(10)} ${j.name}  (environment ${j.environment_id})`).join('\n') ||
          'no jobs',
      );
    }),
  );
  examples(
    jobs.command('get').description('show a job').argument('<job-id>', 'the job', integer('job-id')),
    `  $ dbt-cloud jobs get 567183 --json`,
  ).action(
    action(async ({ out, client }, jobId: number) => {
      const job = await client().jobs.get(jobId);
      out.result(job, () => `${job.id}  ${job.name}\n  steps: ${job.execute_steps.join(' | ')}`);
    }),
  );
  examples(
    jobs
      .command('export')
      .description('write a portable job definition (JSON)')
      .argument('<job-id>', 'the job', integer('job-id'))
      .option('--out <file>', 'write to this file instead of stdout'),
    `  $ dbt-cloud jobs export 567183 --out nightly.json`,
  ).action(
    action(async ({ out, client }, jobId: number, opts: Record<string, any>) => {
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
      .requiredOption('--project <id>', 'target project', integer('project'))
      .requiredOption('--environment <id>', 'target environment', integer('environment'))
      .option('--name <name>', 'name of the new job')
      .option('--dry-run', 'print the request body and create nothing'),
    `  $ dbt-cloud jobs import nightly.json --project 270542 --environment 218762 --dry-run`,
  ).action(
    action(async ({ out, client }, file: string, opts: Record<string, any>) => {
      let definition: JobDefinition;
      try {
        definition = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new UsageError(`cannot read a job definition from ${file}: ${(error as Error).message}`);
      }
      const result = await client().jobs.import(definition, {
        projectId: opts.project,
        environmentId: opts.environment,
        ...given({
          name: opts.name,
          dryRun: opts.dryRun,
        }),
      });
      out.result(result, () => createdOrBody('job', result));
    }),
  );
  examples(
    jobs
      .command('copy')
      .description('copy a job, e.g. from a development to a production environment')
      .argument('<job-id>', 'the job', integer('job-id'))
      .option('--project <id>', 'target project', integer('project'))
      .option('--environment <id>', 'target environment', integer('environment'))
      .option('--name <name>', 'name of the copy')
      .option('--dry-run', 'print the request body and create nothing'),
    `  $ dbt-cloud jobs copy 567184 --environment 218762 --name "CI check (prod)" --dry-run`,
  ).action(
    action(async ({ out, client }, jobId: number, opts: Record<string, any>) => {
      const result = await client().jobs.copy(
        jobId,
        given({
          projectId: opts.project,
          environmentId: opts.environment,
          name: opts.name,
          dryRun: opts.dryRun,
        }),
      );
      out.result(result, () => createdOrBody('job', result));
    }),
  );

  addJobsAsCodeCommands(jobs);

  // ---- environments and projects ----
  const environments = program.command('environments').description('list and copy environments');
  examples(
    environments
      .command('list')
      .description('list environments')
      .option('--project <id>', 'only this project', integer('project')),
    `  $ dbt-cloud environments list --project 270542`,
  ).action(
    action(async ({ out, client }, opts: Record<string, any>) => {
      const items = await client()
        .environments.list(given({ projectId: opts.project }))
        .toArray();
      out.result(
        items,
        () =>
          items
            .map(
              (e) =>
                `${String(e.id).padEnd(10)} ${e.name}  (${e.type}${e.deployment_type ? `, ${e.deployment_type}` : ''})`,
            )
            .join('\n') || 'no environments',
      );
    }),
  );
  examples(
    environments
      .command('copy')
      .description('copy an environment, within its project or to another')
      .argument('<environment-id>', 'the environment', integer('environment-id'))
      .option('--project <id>', 'target project', integer('project'))
      .option('--name <name>', 'name of the copy')
      .option('--credentials <id>', 'credentials for the copy', integer('credentials'))
      .option('--dry-run', 'print the request body and create nothing'),
    `  $ dbt-cloud environments copy 218764 --name "Staging 2" --dry-run`,
  ).action(
    action(async ({ out, client }, environmentId: number, opts: Record<string, any>) => {
      const result = await client().environments.copy(
        environmentId,
        given({
          projectId: opts.project,
          name: opts.name,
          credentialsId: opts.credentials,
          dryRun: opts.dryRun,
        }),
      );
      out.result(result, () => createdOrBody('environment', result));
    }),
  );
  const projects = program.command('projects').description('list projects');
  examples(projects.command('list').description('list projects'), `  $ dbt-cloud projects list --json`).action(
    action(async ({ out, client }) => {
      const items = await client().projects.list().toArray();
      out.result(items, () => items.map((p) => `${String(p.id).padEnd(10)} ${p.name}`).join('\n') || 'no projects');
    }),
  );

  // ---- doctor ----
  examples(
    program.command('doctor').description('check the host, the token, the account and the latest run'),
    `  $ DBT_CLOUD_API_TOKEN=... DBT_CLOUD_ACCOUNT_ID=43786 dbt-cloud doctor`,
  ).action(
    action(async ({ out, client }) => {
      const dbt = client();
      const checks: Array<{ check: string; ok: boolean; detail: string }> = [];
      const record = (check: string, ok: boolean, detail: string) => {
        checks.push({ check, ok, detail });
        out.info(`${ok ? '✓' : '✗'} ${check}: ${detail}`);
      };
      const accounts = await dbt.api.GET('/api/v2/accounts/').catch((error: unknown) => error as Error);
      if (accounts instanceof Error) {
        record('host answers', false, `${dbt.baseUrl}: ${accounts.message}`);
      } else {
        record('host answers', true, `${dbt.baseUrl} answered ${accounts.response.status}`);
        const accepted = accounts.response.status !== 401 && accounts.response.status !== 403;
        record(
          'token accepted',
          accepted,
          accepted ? 'the API accepted the token' : `the API answered ${accounts.response.status}`,
        );
        if (accepted && dbt.accountId === undefined) {
          record('account visible', false, 'no account id: pass --account-id or set DBT_CLOUD_ACCOUNT_ID');
        } else if (accepted) {
          try {
            const { data } = await dbt.api.GET('/api/v2/accounts/{account_id}/', {
              params: { path: { account_id: dbt.accountId! } },
            });
            record(
              'account visible',
              Boolean(data),
              data ? `${data.data.name} (${data.data.id})` : `account ${dbt.accountId} not found`,
            );
            if (data) {
              const latest = await dbt.runs.latest();
              record(
                'latest run found',
                Boolean(latest),
                latest
                  ? `run ${latest.id}, ${latest.status_humanized}, ${latest.created_at}`
                  : 'the account has no runs',
              );
            }
          } catch (error) {
            record('account visible', false, error instanceof DbtCloudError ? error.message : String(error));
          }
        }
      }
      const ok = checks.length === 4 && checks.every((c) => c.ok);
      out.result({ ok, checks }, ok ? 'all checks passed' : 'some checks failed');
      return ok ? exitCodes.ok : exitCodes.api;
    }),
  );

  // ---- mock ----
  examples(
    program
      .command('mock')
      .description('serve the bundled API description with Prism, for local development and tests')
      .addOption(new Option('--port <port>', 'port; 0 picks a free one').default('4010'))
      .option('--dynamic', 'generate responses from the schemas instead of the examples'),
    `  $ dbt-cloud mock --port 4010
  $ curl -H 'Authorization: Token x' -H 'Prefer: example=error' http://127.0.0.1:4010/api/v2/accounts/1/runs/1/`,
  ).action(
    action(async ({ out }, opts: Record<string, any>) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0..65535, got ${opts.port}`);
      const mock = await startMockServer({ port, dynamic: Boolean(opts.dynamic) });
      out.result(
        { url: mock.url, pid: mock.pid },
        [
          `dbt Cloud mock listening on ${mock.url}`,
          `  any token works:          Authorization: Token anything`,
          `  pick a named example:     Prefer: example=error   (get-run: success, queued, running, error, cancelled)`,
          `  force a status:           Prefer: code=429`,
          `  random data from schemas: Prefer: dynamic=true`,
          'Press Ctrl-C to stop.',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await mock.stop();
      out.info('mock stopped');
    }),
  );

  return program;
}
