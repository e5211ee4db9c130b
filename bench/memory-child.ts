// One memory measurement in a fresh process (started by bench/run.ts with --expose-gc):
//   memory-child.ts <server url> <runs> <stream|toArray>
// Streams (or collects) that many runs through dbt.runs.list and prints one JSON line with the RSS it grew by.
import { getHeapSpaceStatistics } from 'node:v8';
import { createDbtCloud } from '../src/index.js';

const [url, countText, mode = 'stream'] = process.argv.slice(2);
const expected = Number(countText);
const gc = (globalThis as { gc?: () => void }).gc;
const collect = () => {
  if (gc) for (let i = 0; i < 3; i++) gc();
};
const mb = (bytes: number) => bytes / 2 ** 20;
// V8's young generation: it grows under allocation pressure (up to 2 × --max-semi-space-size) and stays grown.
const newSpaceMb = () =>
  mb(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0);

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
const newSpaceBefore = newSpaceMb();
// RSS after gc at every fifth of the stream: flat in N means these stop rising.
const checkpoints: Array<{ runs: number; rssGrowthMb: number }> = [];
if (mode === 'toArray') {
  held = await dbt.runs.list().toArray();
  count = held.length;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
} else {
  for await (const run of dbt.runs.list()) {
    idSum += run.id;
    if (++count % 1_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (count % (expected / 5) === 0) {
      collect();
      checkpoints.push({ runs: count, rssGrowthMb: mb(process.memoryUsage.rss() - baseline.rss) });
    }
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
    heapTotalGrowthMb: mb(after.heapTotal - baseline.heapTotal),
    newSpaceMb: [newSpaceBefore, newSpaceMb()],
    checkpoints,
    held: held.length,
    idSum,
  }),
);
