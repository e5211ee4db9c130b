// One process's share of the per-request benchmark (started by bench/run.ts, six times):
//   overhead-child.ts <server url> [rounds = 40] [requests per round = 100]
// Times the same GET through raw fetch, bare openapi-fetch, dbt.api and dbt.runs.get in interleaved rounds and prints
// one JSON line with every round's wall and CPU time per request. A fresh process each time, because how well V8
// optimises a given process moves every client's times by several percent, and not always the same way.
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createDbtCloud } from './built.js';
import { benchAccountId as accountId, benchRunId as runId, benchToken as token } from './server.js';

const [serverUrl, roundsText = '40', perRoundText = '100'] = process.argv.slice(2);
const rounds = Number(roundsText);
const perRound = Number(perRoundText);
if (!serverUrl || !(rounds >= 1) || !(perRound >= 1)) {
  throw new Error('usage: overhead-child.ts <server url> [rounds] [requests per round]');
}
const url = `${serverUrl}/api/v2/accounts/${accountId}/runs/${runId}/`;
const bare = createClient<paths>({ baseUrl: serverUrl, headers: { Authorization: `Token ${token}` } });
const dbt = createDbtCloud({ token, accountId, host: serverUrl });
const path = { account_id: accountId, id: runId };

const clients: Array<{ name: string; call: () => Promise<number> }> = [
  {
    name: 'raw fetch',
    call: async () => {
      const response = await fetch(url, { headers: { Authorization: `Token ${token}`, Accept: 'application/json' } });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return ((await response.json()) as { data: { id: number } }).data.id;
    },
  },
  {
    name: 'openapi-fetch (bare)',
    call: async () => {
      const { data, error } = await bare.GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path } });
      if (error || !data) throw new Error('openapi-fetch failed');
      return data.data.id;
    },
  },
  {
    name: 'dbt.api',
    call: async () => {
      const { data, error } = await dbt.api.GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path } });
      if (error || !data) throw new Error('dbt.api failed');
      return data.data.id;
    },
  },
  { name: 'dbt.runs.get', call: async () => (await dbt.runs.get(runId)).id },
];

// Wall time per request, and this process's CPU time per request (user + system, all its threads): the server
// runs in another process, so the CPU time is the client's own work.
const cpuSamples = new Map(clients.map((client) => [client.name, [] as number[]]));
const timeRound = async (call: () => Promise<number>, cpu?: number[]) => {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < perRound; i++) await call();
  const wall = (performance.now() - started) / perRound;
  const used = process.cpuUsage(cpuBefore);
  cpu?.push((used.user + used.system) / 1000 / perRound);
  return wall;
};
for (const client of clients) {
  if ((await client.call()) !== runId) throw new Error(`${client.name} returned the wrong run`);
  await timeRound(client.call); // warm-up round, not counted
}
const samples = new Map(clients.map((client) => [client.name, [] as number[]]));
for (let round = 0; round < rounds; round++) {
  // Each client goes first equally often, and the order flips every other round.
  const order = clients.map((_, i) => clients[(i + round) % clients.length]!);
  if (round % 2) order.reverse();
  for (const client of order) samples.get(client.name)!.push(await timeRound(client.call, cpuSamples.get(client.name)));
}
console.log(
  JSON.stringify({
    rounds,
    perRound,
    names: clients.map((client) => client.name),
    wallMs: Object.fromEntries(samples),
    cpuMs: Object.fromEntries(cpuSamples),
  }),
);
