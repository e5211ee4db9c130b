// The public surface of dbt-cloud-ts. Anything not exported here is internal.
export { createDbtCloud, artifactPathSerializer } from './client.js';
export type {
  DbtCloud,
  Run,
  Job,
  Project,
  Environment,
  RunStatusName,
  ListRunsOptions,
  ListJobsOptions,
  ListProjectsOptions,
  ListEnvironmentsOptions,
} from './client.js';
export type { DbtCloudOptions, Region, AuthScheme, TokenSource, Logger, Clock } from './options.js';
export type { PaginatedPath, PageItem, PaginateInit, Paginator, Page } from './pagination.js';
export type { WaitOptions } from './polling.js';
export { RunFailedError, RunCancelledError, WaitTimeoutError } from './polling.js';
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
} from './errors.js';
export { RunStatus } from '../generated/enums.js';
export { startMockServer, bundledSpecPath } from './mock.js';
export type { MockServer, MockServerOptions } from './mock.js';
export type { paths, components, operations } from '../generated/schema.js';
