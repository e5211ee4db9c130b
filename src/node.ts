// dbt-cloud-ts/node: what only Node can do. The main entry (`dbt-cloud-ts`) stays free of Node built-ins.
export { startMockServer, bundledSpecPath } from './mock/launcher.js';
export type { MockServer, MockServerOptions, MockStateSummary } from './mock/launcher.js';
export type { Scenarios, JobScenario, FaultRule, RunOutcome, PhaseDurations } from './mock/scenarios.js';
