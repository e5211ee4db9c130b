// Copies a job to another environment (e.g. from Staging to Production). Without --apply it only prints the body it
// would send, as JSON on stdout; with --apply it creates the job and prints the new job's id.
//
//   npx tsx examples/copy-job-to-prod.ts <job-id> <target-environment-id> [--apply] [--name "New name"]
//
// The copy keeps the job's steps, triggers, schedule and settings; it moves to the target environment's project, and
// drops deferral settings (they point into the source environment). Review the dry run before --apply: a copied
// schedule starts running in the target environment as soon as the job exists.
//
// Configuration: DBT_CLOUD_API_TOKEN, DBT_CLOUD_ACCOUNT_ID, DBT_CLOUD_HOST (read by createDbtCloud()).
// Exit codes: 0 done; 4 anything else (arguments, a development target environment, API errors).
//
// Against the mock server: `npm run mock` in one terminal, then in another
//   DBT_CLOUD_HOST=http://127.0.0.1:4010 DBT_CLOUD_API_TOKEN=x DBT_CLOUD_ACCOUNT_ID=43786 \
//     npx tsx examples/copy-job-to-prod.ts 567183 218764            # dry run: prints the body
//   ... npx tsx examples/copy-job-to-prod.ts 567183 218764 --apply    # creates the job
import { parseArgs } from 'node:util';
import { createDbtCloud, DbtCloudError, type CopyJobOptions } from '../src/index.js';

const usage = 'Usage: copy-job-to-prod.ts <job-id> <target-environment-id> [--apply] [--name "New name"]';

function fail(message: string, code = 4): never {
  console.error(message);
  process.exit(code);
}

function describeError(error: unknown): string {
  if (error instanceof DbtCloudError) {
    const details = [error.developerMessage, error.requestId && `request id ${error.requestId}`].filter(Boolean);
    return `${error.name}: ${error.message}${details.length ? ` (${details.join('; ')})` : ''}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function positiveId(name: string, value: string | undefined): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id < 1)
    fail(`${usage}\n${name} must be a positive whole number, got ${JSON.stringify(value ?? '')}`);
  return id;
}

const args = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { apply: { type: 'boolean', default: false }, name: { type: 'string' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
})();
if (args.positionals.length !== 2) fail(usage);
const jobId = positiveId('job-id', args.positionals[0]);
const environmentId = positiveId('target-environment-id', args.positionals[1]);
const apply = args.values.apply;

try {
  const dbt = createDbtCloud();
  // Informational lines go to stderr, so that the dry run's stdout is exactly the JSON body.
  const [job, target] = await Promise.all([dbt.jobs.get(jobId), dbt.environments.get(environmentId)]);
  if (target.type !== 'deployment')
    fail(
      `Environment ${environmentId} (${target.name}) is a ${target.type} environment; jobs run in deployment environments.`,
    );
  console.error(
    `Copying job ${job.id} "${job.name}" (environment ${job.environment_id}) to environment ${environmentId} "${target.name}" of project ${target.project_id}`,
  );
  if (job.environment_id === environmentId)
    console.error('Note: the job is already in that environment; the copy is a duplicate.');

  const options: CopyJobOptions = { environmentId, projectId: target.project_id, dryRun: !apply };
  if (args.values.name !== undefined) options.name = args.values.name;
  const result = await dbt.jobs.copy(job.id, options);
  if (!apply) {
    console.log(JSON.stringify(result, null, 2));
    console.error('Dry run: nothing was created. Run again with --apply to create the job.');
  } else {
    console.log(
      `Created job ${'id' in result ? result.id : '(no id returned)'} "${result.name}" in environment ${result.environment_id}`,
    );
  }
} catch (error) {
  fail(describeError(error));
}
