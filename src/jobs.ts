// dbt-cloud-ts/jobs: jobs as code on a client the program made (`createJobsAsCode(dbt)`), its errors, the file schema
// and the helpers that read a plan. Most programs never plan jobs, so none of this is in the main entry.
// Runtime-neutral like the main entry; reading files is dbt-cloud-ts/node.
export * from './jobs-as-code/public.js';
