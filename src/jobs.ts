// dbt-cloud-ts/jobs: the values of jobs as code (errors to catch, the file schema, helpers that read a plan), on a
// subpath so that the main entry stays small. `dbt.jobs.plan/apply/...` load the same code on first use; classes
// thrown there are the ones exported here. Runtime-neutral like the main entry; reading files is dbt-cloud-ts/node.
export * from './jobs-as-code/public.js';
