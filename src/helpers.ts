// What the client loads on the first call of a helper (dbt.runs.get, dbt.jobs.copy, verifyWebhookSignature, ...) or
// on the first iteration of a list: the helpers' code and the page walk, in one module so that a bundler makes it one
// chunk, fetched once (one request in a browser).
// Jobs as code, much larger and seldom used, is a chunk of its own (src/jobs-as-code/).
export { createRunCalls } from './resources/run-calls.js';
export { createJobCalls } from './resources/job-calls.js';
export { createArtifactCalls } from './resources/artifact-calls.js';
export { createEnvironmentCalls } from './resources/environment-calls.js';
export { parseWebhookEvent, verifyWebhookSignature } from './webhook-checks.js';
export { collectItems, walkItems, walkPages } from './page-walk.js';
