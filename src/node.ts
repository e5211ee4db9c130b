// The `dbt-cloud-ts/node` entry: what only Node can do (the file system, child processes). Everything else is in the
// main entry (src/index.ts), which runs on any runtime with fetch.
export { downloadArtifacts } from './download.js';
export { startMockServer, bundledSpecPath } from './mock/launcher.js';
export type { MockServer, MockServerOptions, MockStateSummary } from './mock/launcher.js';
export { MockServerError, type MockServerFailure } from './mock/mock-error.js';
export type { Scenarios, JobScenario, FaultRule, RunOutcome, PhaseDurations } from './mock/scenarios.js';
export { loadJobsConfig, resolveJobsFiles, toJobsYaml, jobsSchemaPath } from './jobs-as-code/load.js';
export type { LoadJobsOptions, LoadedJobs, JobsYamlOptions } from './jobs-as-code/load.js';
