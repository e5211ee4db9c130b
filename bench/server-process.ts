// Runs the bench server on its own (started by startBenchServerProcess); prints its URL, stops on SIGTERM.
import { startBenchServer } from './server.js';

const server = await startBenchServer();
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', () => {
  server.close().then(() => process.exit(0));
});
