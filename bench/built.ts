// The client as the package ships it: dist/, which bench/run.ts builds (npm run build) before any timing. Timing the
// build rather than src/ under tsx measures what users run; tsx's transform adds work (keepNames) to every closure.
import type * as Package from '../src/index.js';

export const builtEntry = new URL('../dist/src/index.js', import.meta.url);
export const { createDbtCloud } = (await import(builtEntry.href)) as typeof Package;
