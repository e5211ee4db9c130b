// dbt-cloud-ts/node: what only Node can do. Jobs as code: read jobs files (globs, templating, YAML anchors) and
// write them.
export { loadJobsConfig, resolveJobsFiles, toJobsYaml, defaultSchemaUrl } from './jobs-as-code/load.js';
export type { LoadJobsOptions, LoadedJobs, JobsYamlOptions } from './jobs-as-code/load.js';
