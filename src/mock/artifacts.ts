// The files a finished run leaves in target/, made from the spec's example artifacts and fitted to the run: its ids,
// its times and, for a failed run, the node that failed.
import { RunStatus } from '../../generated/enums.js';
import type { RunRecord } from './runs.js';
import type { Seed } from './seed.js';

export type Artifact = { kind: 'json'; body: unknown } | { kind: 'text'; body: string };

/** The paths a finished run's step has, or undefined when the run has none (not finished, or no such step). */
export function artifactPaths(record: RunRecord, seed: Seed, step: number | undefined): string[] | undefined {
  if (record.phase !== 'done' || record.lastStep < 0) return undefined;
  if (step !== undefined && (step < 1 || step > record.lastStep + 1)) return undefined;
  return seed.artifacts.paths;
}

export function artifact(record: RunRecord, seed: Seed, path: string, step: number | undefined): Artifact | undefined {
  const paths = artifactPaths(record, seed, step);
  if (!paths?.includes(path)) return undefined;
  const generatedAt = new Date(record.finishedAt!).toISOString();
  const env = {
    DBT_CLOUD_ACCOUNT_ID: String(record.accountId),
    DBT_CLOUD_PROJECT_ID: String(record.projectId),
    DBT_CLOUD_ENVIRONMENT_ID: String(record.environmentId),
    DBT_CLOUD_JOB_ID: String(record.jobId),
    DBT_CLOUD_RUN_ID: String(record.id),
  };
  const invocationId = `00000000-0000-4000-8000-${String(record.id).padStart(12, '0')}`;
  const withMetadata = <T extends { metadata: object }>(file: T): T => ({
    ...file,
    metadata: { ...file.metadata, generated_at: generatedAt, invocation_id: invocationId, env },
  });

  switch (path) {
    case 'run_results.json': {
      const file = withMetadata(structuredClone(seed.artifacts.runResults));
      if (record.status === RunStatus.Error && record.endReason === 'error') {
        // The last model of the build is the one that failed; the tests after it were skipped.
        const models = file.results.filter((result) => result.unique_id.startsWith('model.'));
        const failed = models[models.length - 1];
        let afterFailure = false;
        for (const result of file.results) {
          if (result === failed) {
            Object.assign(result, { status: 'error', message: record.failureMessage, failures: null });
            afterFailure = true;
          } else if (afterFailure) {
            Object.assign(result, { status: 'skipped', message: null, failures: null });
          }
        }
      }
      return { kind: 'json', body: file };
    }
    case 'manifest.json':
      return { kind: 'json', body: withMetadata(structuredClone(seed.artifacts.manifest)) };
    case 'catalog.json':
      return { kind: 'json', body: withMetadata(structuredClone(seed.artifacts.catalog)) };
    case 'sources.json':
      return { kind: 'json', body: withMetadata(structuredClone(seed.artifacts.sources)) };
    default:
      return { kind: 'text', body: `-- ${path}, run ${record.id}\n${seed.artifacts.sql}` };
  }
}
