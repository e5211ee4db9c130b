// What dbt-cloud-ts/jobs exports (src/index.ts re-exports its types too).
export type { JobsConfig, JobSpec, ConfigIssue, SourceLocation, Locate, DesiredJob, ReadJobs } from './config.js';
export { JobsConfigError, parseJobsConfig, readJobsConfig, formatIssue } from './config.js';
export type { JobsPlan, JobChange, PlanOptions } from './plan.js';
export { pendingChanges, DuplicateIdentifierError, planFormat, deleteNotAllowed } from './plan.js';
export type { ApplyOptions, ApplyResult, AppliedChange, FailedChange } from './apply.js';
export { PlanStaleError, PlanRefusedError } from './apply.js';
export type { FieldChange, EnvVarChange } from './diff.js';
export type { Scope } from './remote.js';
export type { ValidateOptions, ImportOptions, MarkerChange, SelectOptions, JobsAsCode } from './index.js';
export { createJobsAsCode } from './index.js';
export { parseJobName, managedName } from './identifiers.js';
export { jobsFileSchema } from '../../generated/jobs-schema.js';
