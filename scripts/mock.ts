// npm run mock [-- --port 4010 --scenarios file.yaml --speed 2 --step-per-poll --webhook-url URL --webhook-secret S
//                  --tls --ca-file PATH]
// Serves dbt Cloud in a box until Ctrl-C; `--static` serves the spec's examples with Prism alone, as before.
import { parseArgs } from 'node:util';
import { startMockServer } from '../src/node.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    static: { type: 'boolean', default: false },
    dynamic: { type: 'boolean', default: false },
    scenarios: { type: 'string' },
    speed: { type: 'string', default: '1' },
    'step-per-poll': { type: 'boolean', default: false },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string' },
    tls: { type: 'boolean', default: false },
    'ca-file': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(4);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a whole number from 0 to 65535, got ${values.port}`);
const speed = Number(values.speed);
if (!(speed > 0) || !Number.isFinite(speed)) fail(`--speed must be a number above 0, got ${values.speed}`);
if (Boolean(values['webhook-url']) !== Boolean(values['webhook-secret']))
  fail('--webhook-url and --webhook-secret go together');
if (values.dynamic && !values.static) fail('--dynamic applies to --static only');
if (values['ca-file'] && !values.tls) fail('--ca-file applies to --tls only');

const mock = await startMockServer({
  port,
  static: values.static,
  dynamic: values.dynamic,
  scenarios: values.scenarios,
  speed,
  stepPerPoll: values['step-per-poll'],
  webhook: values['webhook-url'] ? { url: values['webhook-url'], secret: values['webhook-secret']! } : undefined,
  tls: values.tls ? { caFile: values['ca-file'] } : false,
  onProgress: (line) => console.error(line),
});
if (mock.mode === 'static') {
  console.log(`dbt Cloud mock (static: the spec's examples) listening on ${mock.url}`);
  console.log(`  any token works:          Authorization: Token anything`);
  console.log(
    `  pick a named example:     Prefer: example=error   (get-run: success, queued, running, error, cancelled)`,
  );
  console.log(`  force a status:           Prefer: code=429`);
  console.log(`  random data from schemas: Prefer: dynamic=true`);
} else {
  const state = await mock.state();
  console.log(`dbt Cloud in a box listening on ${mock.url} (account ${state?.accountId}, any token)`);
  for (const job of state?.jobs ?? []) console.log(`  job ${job.id}: ${job.name} (${job.outcome})`);
  console.log(`  state: GET ${mock.url}/__mock/state   reset: POST ${mock.url}/__mock/reset`);
}
if (mock.caFile) console.log(`  TLS: trust ${mock.caFile} (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE)`);
console.log('Press Ctrl-C to stop.');

const shutdown = async () => {
  await mock.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
