// The public surface of dbt-cloud-ts. Anything not exported here (or by the Node-only `dbt-cloud-ts/node`, src/node.ts)
// is internal. This entry runs on any runtime with fetch: it imports no Node built-in and does no work on import.
export { createDbtCloud } from './client.js';
export { packageVersion as version } from './version.js';
export type { DbtCloud } from './client.js';
export { artifactPathSerializer } from './paths.js';
export { checkArtifactPath } from './validate.js';
export type { DbtCloudOptions, Region, AuthScheme, TokenSource, Logger, Clock, FetchFunction } from './options.js';
export type { PaginatedPath, PageItem, PaginateInit, Paginator, Page } from './pagination.js';
export type { WaitOptions } from './polling.js';
export type {
  Run,
  RunStep,
  RunFailureDetails,
  RunStatusName,
  RunInclude,
  TriggerOptions,
  ListRunsOptions,
  LatestRunOptions,
} from './resources/runs.js';
export { defaultCause, runStatusNames } from './resources/runs.js';
export { isTerminal as isTerminalRunStatus, RunFailedError, RunCancelledError, WaitTimeoutError } from './polling.js';
export type { Job, JobCreate, JobUpdate, JobDefinition, CopyJobOptions, ListJobsOptions } from './resources/jobs.js';
// Jobs as code: its types here too (kept in step with dbt-cloud-ts/jobs by `export type *`); its code only on
// dbt-cloud-ts/jobs, since most programs never plan jobs.
export type * from './jobs-as-code/public.js';
export type {
  ArtifactOf,
  ArtifactOptions,
  StepSelector,
  RunResultsArtifact,
  ManifestArtifact,
  CatalogArtifact,
  SourcesArtifact,
} from './resources/artifacts.js';
export type {
  Environment,
  EnvironmentV3,
  EnvironmentV3Create,
  CopyEnvironmentOptions,
} from './resources/environments.js';
export type { Project } from './resources/projects.js';
export {
  DbtCloudError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  ResponseFormatError,
  PaginationError,
  LookupError,
  NoMatchingStepError,
  WebhookVerificationError,
} from './errors.js';
export { verifyWebhookSignature, parseWebhookEvent } from './webhooks.js';
export type {
  WebhookBody,
  WebhookEvent,
  WebhookJobRunStartedEvent,
  WebhookJobRunCompletedEvent,
  WebhookJobRunErroredEvent,
} from './webhooks.js';
export { RunStatus } from '../generated/enums.js';
export type { paths, components, operations } from '../generated/schema.js';
