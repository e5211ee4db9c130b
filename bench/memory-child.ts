// One memory measurement in a fresh process (started by bench/run.ts with --expose-gc):
//   memory-child.ts <server url> <runs> <stream|toArray>
// Streams (or collects) that many runs through dbt.runs.list and prints one JSON line with the RSS it grew by.
import { createDbtCloud } from '../src/index.js';

const [url, countText, mode = 'stream'] = process.argv.slice(2);
const expected = Number(countText);
const gc = (globalThis as { gc?: () => void }).gc;
const collect = () => {
  if (gc) for (let i = 0; i < 3; i++) gc();
};
const mb = (bytes: number) => bytes / 2 ** 20;

const dbt = createDbtCloud({ token: 'bench-token', accountId: 43786, host: url! });

// Warm up: load and compile every code path before the baseline is taken.
await dbt.runs.list().toArray({ max: 1_000 });
collect();
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let count = 0;
let idSum = 0;
const started = performance.now();
let held: unknown[] = [];
if (mode === 'toArray') {
  held = await dbt.runs.list().toArray();
  count = held.length;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
} else {
  for await (const run of dbt.runs.list()) {
    idSum += run.id;
    if (++count % 1_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
}
const seconds = (performance.now() - started) / 1000;
collect();
const after = process.memoryUsage();
if (count !== expected) throw new Error(`expected ${expected} runs, got ${count}`);
console.log(
  JSON.stringify({
    mode,
    runs: count,
    seconds,
    gcExposed: gc !== undefined,
    baselineRssMb: mb(baseline.rss),
    rssGrowthMb: mb(after.rss - baseline.rss),
    peakRssGrowthMb: mb(peakRss - baseline.rss),
    heapUsedGrowthMb: mb(after.heapUsed - baseline.heapUsed),
    held: held.length,
    idSum,
  }),
);
