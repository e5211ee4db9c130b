// One memory measurement in a fresh process (started by bench/run.ts with --expose-gc):
//   memory-child.ts <server url> <runs> <stream|bare|toArray>
//     stream   dbt.runs.list() through for await (what the target is about)
//     bare     the same pages through bare openapi-fetch with a hand-written limit/offset loop (the floor)
//     toArray  dbt.runs.list().toArray(), every run held (for contrast)
// Prints one JSON line: RSS and heap growth after the walk (after gc), against a baseline taken after a warm-up.
//
// Most of the RSS a long walk adds is not data anyone holds: fetch's body buffers churn through malloc, whose heap
// keeps its high-water mark, and V8 grows its young generation (up to 32 MB on Node 20). Bare openapi-fetch pays
// both just the same, which is why it runs beside ours.
import { getHeapSpaceStatistics } from 'node:v8';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createDbtCloud } from './built.js';
import { benchAccountId as accountId, benchToken as token } from './server.js';

const [url, countText, mode = 'stream'] = process.argv.slice(2);
if (!url || !['stream', 'bare', 'toArray'].includes(mode)) {
  throw new Error('usage: memory-child.ts <server url> <runs> <stream|bare|toArray>');
}
const expected = Number(countText);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('memory-child.ts needs --expose-gc');
const collect = () => {
  for (let i = 0; i < 3; i++) gc();
};
const mb = (bytes: number) => bytes / 2 ** 20;
const youngGenerationMb = () =>
  mb(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0);

const dbt = createDbtCloud({ token, accountId, host: url });
const bare = createClient<paths>({ baseUrl: url, headers: { Authorization: `Token ${token}` } });

/** Walks `total` runs the way `mode` says, calling `each` on every run. */
async function walk(total: number, each: (id: number) => void): Promise<unknown[]> {
  if (mode === 'toArray') {
    const held = await dbt.runs.list().toArray({ max: total });
    for (const run of held) each(run.id);
    return held;
  }
  if (mode === 'bare') {
    for (let offset = 0; offset < total; offset += 100) {
      const { data, error } = await bare.GET('/api/v2/accounts/{account_id}/runs/', {
        params: { path: { account_id: accountId }, query: { limit: 100, offset } },
      });
      if (!data) throw new Error(`list runs failed: ${JSON.stringify(error)}`);
      for (const run of data.data) each(run.id);
      if (data.data.length < 100) break;
    }
    return [];
  }
  let seen = 0;
  for await (const run of dbt.runs.list()) {
    each(run.id);
    if (++seen >= total) break;
  }
  return [];
}

// Warm up: compile the measured code path before the baseline is taken.
await walk(2_000, () => {});
collect();
const baseline = process.memoryUsage();
const youngBefore = youngGenerationMb();

let count = 0;
let idSum = 0;
let peakRss = baseline.rss;
const checkpoints: Array<{ runs: number; rssGrowthMb: number }> = [];
const started = performance.now();
const held = await walk(expected, (id) => {
  idSum += id;
  if (++count % 1_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  // RSS after gc at every fifth of the walk: flat in N means these stop rising.
  if (count % (expected / 5) === 0) {
    collect();
    checkpoints.push({ runs: count, rssGrowthMb: mb(process.memoryUsage.rss() - baseline.rss) });
  }
});
const seconds = (performance.now() - started) / 1000;
if (count !== expected) throw new Error(`expected ${expected} runs, got ${count}`);

collect();
const after = process.memoryUsage();

console.log(
  JSON.stringify({
    mode,
    runs: count,
    seconds,
    baselineRssMb: mb(baseline.rss),
    rssGrowthMb: mb(after.rss - baseline.rss),
    peakRssGrowthMb: mb(peakRss - baseline.rss),
    heapUsedGrowthMb: mb(after.heapUsed - baseline.heapUsed),
    youngGenerationMb: [youngBefore, youngGenerationMb()],
    checkpoints,
    held: held.length,
    idSum,
  }),
);
