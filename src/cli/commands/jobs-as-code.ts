// `dbt-cloud jobs plan | apply | validate | import-jobs | link | unlink | deactivate`: jobs kept as code in YAML files
// (the dbt-jobs-as-code format, with its command names, flags and environment variables). Exit codes differ from the
// other commands, as CI expects from a plan: 0 nothing to change (or done), 2 changes pending (plan only), 1 any error.
import { open, readFile, writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { ApplyResult, DbtCloud, JobsConfig, JobsPlan, PlanOptions } from '../../index.js';
import {
  type ConfigIssue,
  createJobsAsCode,
  deleteNotAllowed,
  formatIssue,
  JobsConfigError,
  pendingChanges,
  planFormat,
} from '../../jobs.js';
import { type Context, createContext, exitCodesOf, type GlobalOptions, inCliTerms } from '../command.js';
import { createOutput, type Output, sanitize, UsageError } from '../output.js';

export const jobsAsCodeExitCodes = { ok: 0, error: 1, changes: 2 } as const;

const exitCodeHelp = `Exit codes:
  0  nothing to change (plan), or done (apply, validate, ...)
  1  an error: invalid files, an API error, a failed change, a stale saved plan
  2  plan only: there are changes to apply`;

const id =
  (name: string) =>
  (value: string, previous: number[] = []) => {
    if (!/^\d+$/.test(value) || Number(value) < 1)
      throw new UsageError(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
    return [...previous, Number(value)];
  };
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The jobs commands' flags as commander hands them over; each command has some of them. */
interface JobsFlags {
  projectId?: number[];
  environmentId?: number[];
  jobId?: number[];
  varsYml?: string[];
  limitProjectsEnvsToYml?: boolean;
  excludeIdentifiersMatching?: string;
  allowDelete?: boolean;
  failFast?: boolean;
  dryRun?: boolean;
  online?: boolean;
  out?: string;
  managedOnly?: boolean;
  includeLinkedId?: boolean;
  filter?: string;
  templatedFields?: string;
  config?: string[];
  identifier?: string[];
}

const scopeOptions = (command: Command) =>
  command
    .option('-p, --project-id <id>', 'only this project (repeatable)', id('--project-id'))
    .option('-e, --environment-id <id>', 'only this environment (repeatable)', id('--environment-id'));
// dbt-jobs-as-code's switch for a private CA; we keep TLS checks on and say how to trust that CA instead.
const sslOption = (command: Command) =>
  command.option('--disable-ssl-verification', 'not supported: trust a private CA with NODE_EXTRA_CA_CERTS instead');
const refuseUnverifiedTls = (opts: { disableSslVerification?: boolean }, env: Record<string, string | undefined>) => {
  const fromEnv = /^(1|true|yes|on|y|t)$/i.test(env.DBT_JOBS_AS_CODE_DISABLE_SSL_VERIFICATION ?? '');
  if (opts.disableSslVerification || fromEnv)
    throw new UsageError(
      'TLS certificate checks cannot be turned off; to trust a private CA, point NODE_EXTRA_CA_CERTS at its certificate',
      opts.disableSslVerification ? '--disable-ssl-verification' : 'DBT_JOBS_AS_CODE_DISABLE_SSL_VERIFICATION',
    );
};
const varsOption = (command: Command) =>
  command.addOption(
    new Option('-v, --vars-yml <file>', 'vars file (or glob) for templated jobs files (repeatable)').argParser(collect),
  );

/**
 * A templated-fields file (dbt-jobs-as-code's `--templated-fields`): a YAML map of dotted field path → template text.
 * Its values are usually written unquoted (`environment_id: {{ environment_id }}`), which YAML would read as a
 * mapping, so the braces are kept aside while the file is parsed, as that tool does.
 */
async function readTemplatedFields(path: string): Promise<Record<string, string>> {
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new UsageError(`cannot read ${path}: ${error.message}`, '--templated-fields');
  });
  const open = '\u0000OPEN\u0000';
  const close = '\u0000CLOSE\u0000';
  let data: unknown;
  try {
    const { parse } = await import('yaml');
    data = parse(text.replaceAll('{', open).replaceAll('}', close));
  } catch (error) {
    throw new UsageError(`${path} is not YAML: ${(error as Error).message.split('\n')[0]}`, '--templated-fields');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new UsageError(`${path} must map field paths to template text`, '--templated-fields');
  return Object.fromEntries(
    Object.entries(data).map(([field, value]) => [
      field,
      String(value ?? '')
        .replaceAll(open, '{')
        .replaceAll(close, '}'),
    ]),
  );
}

/** The client from the global flags; a file's `account_id` stands in when neither flag nor environment gives one. */
function clientFor(context: Context, config?: JobsConfig): DbtCloud {
  const dbt = context.client();
  if (dbt.accountId !== undefined || !config) return dbt;
  const fromFile =
    config.account_id ??
    Object.values(config.jobs ?? {}).find((job) => job.account_id !== undefined)?.account_id ??
    undefined;
  return fromFile === undefined ? dbt : context.client({ accountId: Number(fromFile) });
}

// Names and values come from the files and from dbt Cloud: both are shown as JSON text, which escapes every control
// character, and anything else printed from them is sanitized.
const show = (value: unknown) => JSON.stringify(value);

/** The reason a change is skipped, in the CLI's words. */
const skippedReason = (reason: string) => (reason === deleteNotAllowed ? 'needs --allow-delete' : reason);

/** The plan for a person: one block per job, field by field (every field a create sends). */
export function describePlan(plan: JobsPlan): string {
  const lines: string[] = [];
  const sign = { create: '+', update: '~', delete: '-' } as const;
  for (const change of plan.changes) {
    const where = `project ${change.projectId}, environment ${change.environmentId}`;
    const job = change.jobId === undefined ? '' : ` (job ${change.jobId})`;
    lines.push(
      `${sign[change.action]} ${change.action} ${sanitize(change.identifier)}${job}: ${show(change.name)}  [${where}]${change.skipped ? `  SKIPPED: ${skippedReason(change.skipped)}` : ''}`,
    );
    for (const diff of change.differences) {
      lines.push(
        change.action === 'create'
          ? `    ${sanitize(diff.field)}: ${show(diff.new)}`
          : `    ${sanitize(diff.field)}: ${show(diff.old)} → ${show(diff.new)}`,
      );
    }
    for (const envVar of change.envVars) {
      const name = sanitize(envVar.name);
      lines.push(
        envVar.action === 'create'
          ? `    + env ${name} = ${show(envVar.new)}`
          : envVar.action === 'delete'
            ? `    - env ${name} (was ${show(envVar.old)})`
            : `    ~ env ${name}: ${show(envVar.old)} → ${show(envVar.new)}`,
      );
    }
  }
  for (const warning of plan.warnings) lines.push(`! ${sanitize(warning)}`);
  const count = (action: string) => plan.changes.filter((c) => c.action === action && !c.skipped).length;
  const skipped = plan.changes.filter((c) => c.skipped).length;
  lines.push(
    pendingChanges(plan).length === 0
      ? `No changes. ${plan.unchanged.length} job${plan.unchanged.length === 1 ? '' : 's'} up to date${skipped ? `; ${skipped} delete${skipped === 1 ? '' : 's'} skipped (--allow-delete)` : ''}.`
      : `Plan: ${count('create')} to create, ${count('update')} to update, ${count('delete')} to delete${skipped ? ` (${skipped} skipped)` : ''}, ${plan.unchanged.length} unchanged.`,
  );
  return lines.join('\n');
}

/** Saves a plan readable by its owner only (its changes may name what a team keeps private). */
async function savePlan(path: string, plan: JobsPlan): Promise<void> {
  const file = await open(path, 'w', 0o600);
  try {
    await file.chmod(0o600);
    await file.writeFile(`${JSON.stringify(plan, null, 2)}\n`);
  } finally {
    await file.close();
  }
}

/** dbt-jobs-as-code's `--json` shape beside ours, so scripts written for it keep working. */
function compatibleChanges(plan: JobsPlan) {
  const base = (change: JobsPlan['changes'][number]) => ({
    identifier: change.identifier,
    project_id: change.projectId,
    environment_id: change.environmentId,
  });
  return {
    job_changes: plan.changes.map((change) => ({
      action: change.action.toUpperCase(),
      type: 'Job',
      ...base(change),
      differences: Object.fromEntries(change.differences.map((d) => [d.field, { old: d.old, new: d.new }])),
    })),
    env_var_overwrite_changes: plan.changes.flatMap((change) =>
      change.envVars.map((envVar) => ({
        action: envVar.action.toUpperCase(),
        type: 'Env Var Overwrite',
        ...base(change),
        identifier: `${change.identifier}:${envVar.name}`,
        differences: { old_value: envVar.old, new_value: envVar.new },
      })),
    ),
  };
}

/** The warnings of reading the files that the plan does not already list (a job defined in two files). */
function warnReadOnly(out: Output, warnings: ConfigIssue[], plan: JobsPlan) {
  for (const text of warnings.map(formatIssue)) if (!plan.warnings.includes(text)) out.info(`! ${sanitize(text)}`);
}

/** dbt-jobs-as-code's `applied` (after `sync --json`): what was done, with the job ids its scripts read. */
function compatibleApplied(result: ApplyResult) {
  const place = (change: ApplyResult['applied'][number]) => ({
    identifier: change.identifier,
    project_id: change.projectId,
    environment_id: change.environmentId,
    job_id: change.jobId,
  });
  return {
    job_changes: result.applied.map((change) => ({
      action: change.action.toUpperCase(),
      type: 'job',
      ...place(change),
    })),
    env_var_overwrite_changes: result.applied.flatMap((change) =>
      change.envVars.map((envVar) => ({
        action: envVar.action.toUpperCase(),
        type: 'env var overwrite',
        ...place(change),
        identifier: `${change.identifier}:${envVar.name}`,
        ...(envVar.id === undefined ? {} : { env_var_id: envVar.id }),
      })),
    ),
  };
}

function describeResult(result: ApplyResult): string {
  const lines = [
    ...result.applied.map(
      (a) =>
        `✓ ${a.action} ${sanitize(a.identifier)} (job ${a.jobId})${a.envVars.length ? `, ${a.envVars.length} override change${a.envVars.length === 1 ? '' : 's'}` : ''}`,
    ),
    ...result.failed.map((f) =>
      sanitize(
        `✗ ${f.action} ${f.identifier}: ${f.error.name}: ${f.error.message}${f.error.details && !f.error.message.includes(f.error.details) ? ` (${f.error.details})` : ''}`,
      ),
    ),
    ...result.skipped.map((s) => sanitize(`- ${s.action} ${s.identifier}: skipped, ${skippedReason(s.reason)}`)),
  ];
  lines.push(
    result.success
      ? `Applied ${result.applied.length} change${result.applied.length === 1 ? '' : 's'}.`
      : `${result.failed.length} change${result.failed.length === 1 ? '' : 's'} failed, ${result.applied.length} applied.`,
  );
  return lines.join('\n');
}

export function addJobsAsCodeCommands(jobs: Command): void {
  // Every error ends the command with exit code 1 and a clear message (file, line and field for bad files).
  const run =
    <A extends unknown[]>(fn: (out: Output, context: Context, ...args: A) => Promise<number>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const out = createOutput(Boolean(command.optsWithGlobals<GlobalOptions>().json));
      try {
        // The same client set-up as every other command: empty flags refused, --verbose logged.
        const context = createContext(command, out);
        refuseUnverifiedTls(command.opts(), context.env);
        process.exitCode = await fn(out, context, ...(args.slice(0, -1) as A));
      } catch (error) {
        if (error instanceof JobsConfigError && !out.json) {
          process.stderr.write(
            `✗ ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in the jobs files:\n${error.issues.map((issue) => `  ${sanitize(formatIssue(issue))}\n`).join('')}`,
          );
        } else out.error(error instanceof JobsConfigError ? error : inCliTerms(error));
        process.exitCode = jobsAsCodeExitCodes.error;
      }
    };
  const help = (command: Command, examples: string) =>
    exitCodesOf(command, false).addHelpText('after', `\nExamples:\n${examples}\n\n${exitCodeHelp}`);

  const load = async (files: string[], opts: { varsYml?: string[] }) => {
    const { loadJobsConfig } = await import('../../node.js');
    return loadJobsConfig(files, opts.varsYml?.length ? { vars: opts.varsYml } : {});
  };
  const planOptions = (opts: JobsFlags): PlanOptions => ({
    ...(opts.allowDelete ? { allowDelete: true } : {}),
    ...(opts.projectId ? { projectIds: opts.projectId } : {}),
    ...(opts.environmentId ? { environmentIds: opts.environmentId } : {}),
    ...(opts.limitProjectsEnvsToYml ? { limitToConfig: true } : {}),
    ...(opts.excludeIdentifiersMatching ? { excludeIdentifiersMatching: opts.excludeIdentifiersMatching } : {}),
  });
  const planCommand = (command: Command) =>
    sslOption(varsOption(scopeOptions(command)))
      .option('-l, --limit-projects-envs-to-yml', 'only look at the projects and environments the files use')
      .option('--exclude-identifiers-matching <regex>', 'leave managed jobs whose identifier matches alone')
      .option('--allow-delete', 'delete managed jobs that are no longer in the files (listed either way)');

  // ---- plan ----
  help(
    planCommand(
      jobs
        .command('plan')
        .description('show what apply would change: create, update (field by field) and delete')
        .argument('<files...>', 'jobs files, directories or globs'),
    ).option('--out <plan.json>', 'save the plan, to apply exactly this later (`jobs apply plan.json`)'),
    `  $ dbt-cloud jobs plan jobs/*.yml --vars-yml vars/prod.yml --limit-projects-envs-to-yml
  $ dbt-cloud jobs plan jobs/ --out plan.json --json > plan-summary.json`,
  ).action(
    run(async (out, context, files: string[], opts: JobsFlags) => {
      const { config, locate, warnings } = await load(files, opts);
      const plan = await createJobsAsCode(clientFor(context, config)).plan(config, { ...planOptions(opts), locate });
      warnReadOnly(out, warnings, plan);
      if (opts.out) await savePlan(opts.out, plan);
      out.result({ ...plan, ...compatibleChanges(plan) }, () => describePlan(plan));
      if (opts.out) out.info(`saved the plan to ${opts.out}; apply it with: dbt-cloud jobs apply ${opts.out}`);
      return pendingChanges(plan).length > 0 ? jobsAsCodeExitCodes.changes : jobsAsCodeExitCodes.ok;
    }),
  );

  // ---- apply ----
  help(
    planCommand(
      jobs
        .command('apply')
        .alias('sync')
        .description('make dbt Cloud match the files (or apply a plan saved with `plan --out`)')
        .argument('<files...>', 'jobs files, directories or globs; or one saved plan (.json)'),
    )
      .option('--fail-fast', 'stop at the first change that fails')
      .option('--dry-run', 'plan only; change nothing'),
    `  $ dbt-cloud jobs apply jobs/*.yml --vars-yml vars/prod.yml
  $ dbt-cloud jobs apply plan.json          # exactly the saved plan; refused if dbt Cloud changed since`,
  ).action(
    run(async (out, context, files: string[], opts: JobsFlags) => {
      let plan: JobsPlan;
      let dbt: DbtCloud;
      if (files.length === 1 && files[0]!.endsWith('.json')) {
        let saved: JobsPlan;
        try {
          saved = JSON.parse(await readFile(files[0]!, 'utf8')) as JobsPlan;
        } catch (error) {
          throw new UsageError(`cannot read a plan from ${files[0]}: ${(error as Error).message}`);
        }
        if (saved?.format !== planFormat)
          throw new UsageError(`${files[0]} is not a plan saved by \`jobs plan --out\``);
        plan = saved;
        dbt =
          context.options.accountId || saved.accountId === null
            ? clientFor(context)
            : context.client({ accountId: saved.accountId });
      } else {
        const { config, locate, warnings } = await load(files, opts);
        dbt = clientFor(context, config);
        plan = await createJobsAsCode(dbt).plan(config, { ...planOptions(opts), locate });
        warnReadOnly(out, warnings, plan);
      }
      if (opts.dryRun) {
        out.result(
          { ...plan, ...compatibleChanges(plan), dryRun: true },
          () => `${describePlan(plan)}\n(dry run: nothing changed)`,
        );
        return jobsAsCodeExitCodes.ok;
      }
      if (!out.json) out.info(describePlan(plan));
      // Deletes need --allow-delete here too: applying a saved plan, whoever runs apply decides.
      const result = await createJobsAsCode(dbt).apply(plan, {
        allowDelete: Boolean(opts.allowDelete),
        ...(opts.failFast ? { failFast: true } : {}),
      });
      const json = {
        plan,
        result,
        ...compatibleChanges(plan),
        applied: compatibleApplied(result),
        apply_success: result.success,
      };
      out.result(json, () => describeResult(result));
      return result.success ? jobsAsCodeExitCodes.ok : jobsAsCodeExitCodes.error;
    }),
  );

  // ---- validate ----
  help(
    sslOption(
      varsOption(
        jobs
          .command('validate')
          .description('check jobs files against the schema; --online also checks the ids they point at')
          .argument('<files...>', 'jobs files, directories or globs')
          .option('--online', 'also check that projects, environments and jobs the files name exist'),
      ),
    ),
    `  $ dbt-cloud jobs validate jobs/ --vars-yml vars/qa.yml --online`,
  ).action(
    run(async (out, context, files: string[], opts: JobsFlags) => {
      const { config, files: read, locate, warnings } = await load(files, opts);
      const issues = opts.online
        ? await createJobsAsCode(clientFor(context, config)).validateConfig(config, { online: true, locate })
        : [];
      const jobCount = Object.keys(config.jobs ?? {}).length;
      const warningLines = warnings.map((warning) => `! ${sanitize(formatIssue(warning))}\n`).join('');
      out.result({ valid: issues.length === 0, files: read, jobs: jobCount, issues, warnings }, () =>
        issues.length === 0
          ? `${warningLines}✓ ${read.length} file${read.length === 1 ? '' : 's'}, ${jobCount} job${jobCount === 1 ? '' : 's'}: valid${opts.online ? ' (ids checked against dbt Cloud)' : ''}`
          : `${warningLines}✗ ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map((issue) => `  ${sanitize(formatIssue(issue))}`).join('\n')}`,
      );
      return issues.length === 0 ? jobsAsCodeExitCodes.ok : jobsAsCodeExitCodes.error;
    }),
  );

  // ---- import ----
  // `jobs import` already creates a job from an exported JSON definition, so this is `import-jobs` where that exists.
  const importName = jobs.commands.some((command) => command.name() === 'import') ? 'import-jobs' : 'import';
  const importCommand = jobs.command(importName);
  if (importName === 'import') importCommand.alias('import-jobs');
  help(
    sslOption(
      scopeOptions(
        importCommand
          .description('write existing jobs as a jobs file (YAML)')
          .option('-j, --job-id <id>', 'only this job (repeatable)', id('--job-id'))
          .option('--managed-only', 'only jobs that already carry an [[identifier]]')
          .option('--include-linked-id', 'write linked_id (the job id) for `jobs link`')
          .option('--filter <env>', 'only jobs whose [[filter:identifier]] filter is empty, * or contains this')
          .option(
            '--templated-fields <file>',
            'a YAML map of field path → template text (`environment_id: "{{ environment_id }}"`) written into every job',
          )
          .option(
            '--config <files...>',
            'the account: the account_id of these jobs files (when --account-id is not given)',
          )
          .option('--out <file>', 'write to this file instead of stdout'),
      ),
    ),
    `  $ dbt-cloud jobs ${importName} --project-id 270542 --environment-id 218762 --out jobs/prod.yml
  $ dbt-cloud jobs ${importName} -p 270542 --managed-only --templated-fields templates.yml --out jobs/jobs.yml`,
  ).action(
    run(async (out, context, opts: JobsFlags) => {
      const templates = opts.templatedFields ? await readTemplatedFields(opts.templatedFields) : undefined;
      const accountFrom = opts.config ? (await load(opts.config, opts)).config : undefined;
      const config = await createJobsAsCode(clientFor(context, accountFrom)).importConfig({
        ...(opts.projectId ? { projectIds: opts.projectId } : {}),
        ...(opts.environmentId ? { environmentIds: opts.environmentId } : {}),
        ...(opts.jobId ? { jobIds: opts.jobId } : {}),
        ...(opts.managedOnly ? { managedOnly: true } : {}),
        ...(opts.includeLinkedId ? { includeLinkedId: true } : {}),
        ...(opts.filter ? { filter: opts.filter } : {}),
      });
      const { toJobsYaml } = await import('../../node.js');
      const yaml = toJobsYaml(config, {
        ...(templates ? { templatedFields: templates } : {}),
        ...(opts.out ? { writtenTo: opts.out } : {}),
      });
      const count = Object.keys(config.jobs ?? {}).length;
      if (opts.out) {
        await writeFile(opts.out, yaml);
        out.result({ file: opts.out, jobs: count }, `wrote ${count} job${count === 1 ? '' : 's'} to ${opts.out}`);
      } else out.result(config, yaml.trimEnd());
      return jobsAsCodeExitCodes.ok;
    }),
  );

  // ---- link / unlink / deactivate ----
  const markerLines = (changes: Array<{ jobId: number; from: string; to: string; done: boolean }>, dryRun: boolean) =>
    changes.length === 0
      ? 'no jobs to change'
      : changes
          .map(
            (c) =>
              `${dryRun ? 'would rename' : c.done ? 'renamed' : 'already named'} job ${c.jobId}: ${show(c.from)} → ${show(c.to)}`,
          )
          .join('\n');
  help(
    sslOption(
      varsOption(
        scopeOptions(
          jobs
            .command('link')
            .description(
              'mark existing jobs as managed: add [[identifier]] to the jobs named by linked_id in the files',
            )
            .argument('<files...>', 'jobs files, directories or globs')
            .option('--dry-run', 'show the renames; change nothing'),
        ),
      ),
    ),
    `  $ dbt-cloud jobs link jobs/prod.yml --dry-run`,
  ).action(
    run(async (out, context, files: string[], opts: JobsFlags) => {
      const { config } = await load(files, opts);
      const changes = await createJobsAsCode(clientFor(context, config)).link(config, {
        ...(opts.projectId ? { projectIds: opts.projectId } : {}),
        ...(opts.environmentId ? { environmentIds: opts.environmentId } : {}),
        dryRun: Boolean(opts.dryRun),
      });
      out.result(changes, () => markerLines(changes, Boolean(opts.dryRun)));
      return jobsAsCodeExitCodes.ok;
    }),
  );
  help(
    sslOption(
      varsOption(
        scopeOptions(
          jobs
            .command('unlink')
            .description('remove the [[identifier]] marker from managed jobs, so no file manages them any more')
            .option('-i, --identifier <identifier>', 'only this identifier (repeatable)', collect)
            .option('--config <files...>', 'only the identifiers of these jobs files')
            .option('--dry-run', 'show the renames; change nothing'),
        ),
      ),
    ),
    `  $ dbt-cloud jobs unlink --identifier nightly --dry-run`,
  ).action(
    run(async (out, context, opts: JobsFlags) => {
      const loaded = opts.config ? await load(opts.config, opts) : undefined;
      const identifiers = [...(opts.identifier ?? []), ...Object.keys(loaded?.config.jobs ?? {})];
      if (loaded && identifiers.length === 0) throw new UsageError('the --config files hold no jobs');
      const changes = await createJobsAsCode(clientFor(context, loaded?.config)).unlink({
        ...(opts.projectId ? { projectIds: opts.projectId } : {}),
        ...(opts.environmentId ? { environmentIds: opts.environmentId } : {}),
        ...(identifiers.length ? { identifiers } : {}),
        dryRun: Boolean(opts.dryRun),
      });
      out.result(changes, () => markerLines(changes, Boolean(opts.dryRun)));
      return jobsAsCodeExitCodes.ok;
    }),
  );
  help(
    sslOption(
      scopeOptions(
        jobs
          .command('deactivate')
          .alias('deactivate-jobs')
          .description('turn off every trigger (schedule, CI, merge) of jobs, keeping the jobs')
          .option('-j, --job-id <id>', 'this job (repeatable)', id('--job-id'))
          .option('--dry-run', 'show what would be turned off; change nothing'),
      ),
    ),
    `  $ dbt-cloud jobs deactivate --job-id 567183 --job-id 567184`,
  ).action(
    run(async (out, context, opts: JobsFlags) => {
      if (!opts.jobId && !opts.projectId && !opts.environmentId)
        throw new UsageError('name the jobs: --job-id, --project-id or --environment-id');
      const results = await createJobsAsCode(clientFor(context)).deactivate({
        ...(opts.jobId ? { jobIds: opts.jobId } : {}),
        ...(opts.projectId ? { projectIds: opts.projectId } : {}),
        ...(opts.environmentId ? { environmentIds: opts.environmentId } : {}),
        dryRun: Boolean(opts.dryRun),
      });
      out.result(results, () =>
        results.length === 0
          ? 'no jobs matched'
          : results
              .map(
                (r) =>
                  `${r.alreadyInactive ? 'already inactive' : opts.dryRun ? 'would deactivate' : 'deactivated'} job ${r.jobId}: ${show(r.name)}`,
              )
              .join('\n'),
      );
      return jobsAsCodeExitCodes.ok;
    }),
  );
}
