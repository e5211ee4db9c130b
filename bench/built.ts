// The client as the package ships it: dist/, which bench/run.ts builds (npm run build) before any timing. Timing the
// build rather than src/ under tsx measures what users run; tsx's transform adds work (keepNames) to every closure.
// DBT_CLOUD_TS_BENCH_SOURCE=1 loads src/ instead: the test suite runs the children small, without a build.
import type * as Package from '../src/index.js';

export const builtEntry = process.env.DBT_CLOUD_TS_BENCH_SOURCE
  ? new URL('../src/index.ts', import.meta.url)
  : new URL('../dist/src/index.js', import.meta.url);
export const { createDbtCloud } = (await import(builtEntry.href)) as typeof Package;
