// Kept equal to package.json's name and version by a unit test.
export const packageName = 'dbt-cloud-ts';
export const packageVersion = '0.2.0';
