// `dbt-cloud mock`: Prism on the packaged spec, until Ctrl-C. A line at once, the URL once the mock is ready.
import { type Command, Option } from 'commander';
// The one place the CLI imports the mock launcher (a Node-only part of the package).
import { action, examples } from '../command.js';
import { UsageError } from '../output.js';

export interface MockFlags {
  port: string;
  static?: boolean;
  dynamic?: boolean;
  scenarios?: string;
  speed: string;
  stepPerPoll?: boolean;
  webhookUrl?: string;
  webhookSecret?: string;
  cache: boolean;
  tls?: boolean;
  caFile?: string;
}

/** A flag's text as a number; whether the number will do is startMockServer's check. */
function numberFlag(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`must be a number, got ${text}`, flag);
  return value;
}

/**
 * The flags as startMockServer options. Every flag is checked before anything starts (exit 4), so a typo never leaves
 * a half-started mock: here, the text and how flags combine; in startMockServer (a ValidationError, which the CLI shows
 * under the flag's name), the values themselves.
 */
export function mockOptions(opts: MockFlags) {
  const port = numberFlag(opts.port, '--port');
  const speed = numberFlag(opts.speed, '--speed');
  if (Boolean(opts.webhookUrl) !== Boolean(opts.webhookSecret))
    throw new UsageError('--webhook-url and --webhook-secret go together', '--webhook-url');
  if (opts.dynamic && !opts.static) throw new UsageError('applies to --static only', '--dynamic');
  if (opts.caFile !== undefined && !opts.tls) throw new UsageError('applies to --tls only', '--ca-file');
  if (opts.static && (opts.scenarios || opts.stepPerPoll || opts.webhookUrl || opts.speed !== '1'))
    throw new UsageError(
      '--scenarios, --speed, --step-per-poll and --webhook-* apply to the stateful mock only',
      '--static',
    );
  return {
    port,
    static: Boolean(opts.static),
    dynamic: Boolean(opts.dynamic),
    speed,
    stepPerPoll: Boolean(opts.stepPerPoll),
    ...(opts.cache ? {} : { cacheDir: false as const }),
    ...(opts.tls ? { tls: opts.caFile === undefined ? true : { caFile: opts.caFile } } : {}),
    ...(opts.scenarios ? { scenarios: opts.scenarios } : {}),
    ...(opts.webhookUrl ? { webhook: { url: opts.webhookUrl, secret: opts.webhookSecret! } } : {}),
  };
}

export function registerMock(program: Command): void {
  examples(
    program
      .command('mock')
      .description(
        'dbt Cloud in a box: runs that progress, failures chosen by job, signed webhooks, Prism validating every exchange',
      )
      .addOption(new Option('--port <port>', 'port; 0 picks a free one').default('4010'))
      .option(
        '--scenarios <file>',
        'per-job outcomes, durations and faults (YAML or JSON; see schemas/mock-scenarios.schema.json)',
      )
      .addOption(new Option('--speed <factor>', 'how many times faster than the scenarios runs go').default('1'))
      .option('--step-per-poll', 'each poll of a run moves it one state on (deterministic CI), instead of the clock')
      .option('--webhook-url <url>', 'POST signed job.run.* events here as runs change state')
      .option('--webhook-secret <secret>', 'the secret the webhook events are signed with')
      .option('--static', "serve the spec's examples with Prism alone (Prefer headers pick examples)")
      .option('--dynamic', 'with --static: generate responses from the schemas instead of the examples')
      .option('--tls', 'serve HTTPS, with a certificate made at start-up; prints the CA file for clients to trust')
      .option('--ca-file <path>', 'with --tls: write the CA certificate here (default: a new temporary folder)')
      .option(
        '--no-cache',
        'process the spec on this start instead of reading it from the cache (DBT_CLOUD_MOCK_CACHE_DIR)',
      ),
    'dbt-cloud mock --port 4010',
    'dbt-cloud mock --port 0 --step-per-poll --scenarios ci-scenarios.yaml --json',
    'dbt-cloud mock --webhook-url http://127.0.0.1:8080/hook --webhook-secret s3cret',
    'dbt-cloud mock --tls --ca-file ./mock-ca.pem   # then REQUESTS_CA_BUNDLE=./mock-ca.pem for a Python client',
    "dbt-cloud mock --static & curl -H 'Authorization: Token x' -H 'Prefer: example=error' http://127.0.0.1:4010/api/v2/accounts/1/runs/1/",
  ).action(
    action(async ({ out }, opts: MockFlags) => {
      const options = mockOptions(opts);
      // Start-up takes seconds (more when the spec is processed afresh): say so at once, on stderr.
      const onProgress = (message: string) =>
        out.json ? out.stderr.write(`${JSON.stringify({ progress: message })}\n`) : out.info(message);
      const { MockServerError, startMockServer } = await import('../../node.js');
      const mock = await startMockServer({ ...options, onProgress }).catch((error: unknown) => {
        // Setup problems (exit 4), said before anything starts: Prism, an optional peer dependency, is missing, or
        // the port is taken.
        if (error instanceof MockServerError && error.reason === 'prism-not-installed')
          throw new UsageError(error.message);
        if (error instanceof MockServerError && error.reason === 'port-unavailable')
          throw new UsageError(error.message.replace(/\bport 0\b/, '--port 0'), '--port');
        throw error;
      });
      const state = mock.mode === 'static' ? undefined : await mock.state();
      const trust = mock.caFile
        ? [
            `  TLS: trust ${mock.caFile}`,
            `       (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, curl --cacert)`,
          ]
        : [];
      out.result(
        {
          url: mock.url,
          pid: mock.pid,
          mode: mock.mode,
          ...(state ? { accountId: state.accountId } : {}),
          ...(mock.caFile ? { caFile: mock.caFile } : {}),
        },
        () =>
          (mock.mode === 'static'
            ? [
                `dbt Cloud mock (static: the spec's examples) listening on ${mock.url}`,
                `  any token works:          Authorization: Token anything`,
                `  pick a named example:     Prefer: example=error   (get-run: success, queued, running, error, cancelled)`,
                `  force a status:           Prefer: code=429`,
                `  random data from schemas: Prefer: dynamic=true`,
              ]
            : [
                `dbt Cloud in a box listening on ${mock.url} (account ${state?.accountId}, any token)`,
                ...(state?.jobs ?? []).map((job) => `  job ${job.id}: ${job.name} (${job.outcome})`),
                `  state: GET ${mock.url}/__mock/state   reset: POST ${mock.url}/__mock/reset`,
              ]
          )
            .concat(trust, 'Press Ctrl-C to stop.')
            .join('\n'),
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
