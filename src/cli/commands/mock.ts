// `dbt-cloud mock`: Prism on the packaged spec, until Ctrl-C.
import { createRequire } from 'node:module';
import { type Command, Option } from 'commander';
// The one place the CLI imports the mock launcher (a Node-only part of the package).
import { startMockServer } from '../../node.js';
import { action, examples } from '../command.js';
import { UsageError } from '../output.js';

/** Prism is an optional peer dependency: its absence is a setup problem (exit 4), said before anything starts. */
function requirePrism(): void {
  try {
    createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new UsageError(
      'the mock server needs @stoplight/prism-cli: install it with `npm install -D @stoplight/prism-cli@5.14.2`',
    );
  }
}

export function registerMock(program: Command): void {
  examples(
    program
      .command('mock')
      .description('serve the bundled API description with Prism, for local development and tests')
      .addOption(new Option('--port <port>', 'port; 0 picks a free one').default('4010'))
      .option('--dynamic', 'generate responses from the schemas instead of the examples'),
    'dbt-cloud mock --port 4010',
    "curl -H 'Authorization: Token x' -H 'Prefer: example=error' http://127.0.0.1:4010/api/v2/accounts/1/runs/1/",
  ).action(
    action(async ({ out }, opts: { port: string; dynamic?: boolean }) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535)
        throw new UsageError(`must be 0..65535, got ${opts.port}`, '--port');
      requirePrism();
      const mock = await startMockServer({ port, dynamic: Boolean(opts.dynamic) });
      out.result(
        { url: mock.url, pid: mock.pid },
        [
          `dbt Cloud mock listening on ${mock.url}`,
          `  any token works:          Authorization: Token anything`,
          `  pick a named example:     Prefer: example=error   (get-run: success, queued, running, error, cancelled)`,
          `  force a status:           Prefer: code=429`,
          `  random data from schemas: Prefer: dynamic=true`,
          'Press Ctrl-C to stop.',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await mock.stop();
      out.info('mock stopped');
    }),
  );
}
