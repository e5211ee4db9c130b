// npm run mock [-- --port 4010 --dynamic]: serves generated/openapi.yaml with Prism until Ctrl-C.
import { parseArgs } from 'node:util';
import { startMockServer } from '../src/mock.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    dynamic: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, got ${values.port}`);
  process.exit(4);
}

const mock = await startMockServer({ port, dynamic: values.dynamic });
console.log(
  `dbt Cloud mock listening on ${mock.url} (spec: generated/openapi.yaml${values.dynamic ? ', dynamic' : ''})`,
);
console.log(`  any token works:          Authorization: Token anything`);
console.log(
  `  pick a named example:     Prefer: example=error   (get-run: success, queued, running, error, cancelled)`,
);
console.log(`  force a status:           Prefer: code=429`);
console.log(`  random data from schemas: Prefer: dynamic=true`);
console.log('Press Ctrl-C to stop.');

const shutdown = async () => {
  await mock.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
