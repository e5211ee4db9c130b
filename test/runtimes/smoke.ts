// The smoke program every runtime of the matrix runs (test/runtimes/runtimes.test.ts bundles it with esbuild for the
// browser platform, so it holds the main entry and openapi-fetch and nothing of Node's): a client, one run, a list
// walked across pages, a webhook signature checked, and the typed error of a 404.
import { createDbtCloud, NotFoundError, RunStatus, verifyWebhookSignature } from '../../src/index.js';

export interface SmokeInput {
  /** The harness's dbt Cloud (the mock's engine), http://127.0.0.1:<port>. */
  baseUrl: string;
  accountId: number;
  runId: number;
  missingRunId: number;
  webhook: { body: string; signature: string; secret: string };
}

export interface SmokeResult {
  runId: number;
  succeeded: boolean;
  listed: number;
  distinct: number;
  notFound: string;
  genuineWebhook: boolean;
  forgedWebhook: boolean;
}

export async function runSmoke(input: SmokeInput): Promise<SmokeResult> {
  const dbt = createDbtCloud({ token: 'dbtc_smoke', accountId: input.accountId, host: input.baseUrl, maxRetries: 0 });
  const run = await dbt.runs.get(input.runId);
  const ids: number[] = [];
  for await (const listed of dbt.runs.list({ pageSize: 100 })) ids.push(listed.id);
  let notFound = 'no error';
  try {
    await dbt.runs.get(input.missingRunId);
  } catch (error) {
    notFound =
      error instanceof NotFoundError ? `NotFoundError ${error.status}` : `${(error as Error).name}: ${String(error)}`;
  }
  const { body, signature, secret } = input.webhook;
  return {
    runId: run.id,
    succeeded: run.status === RunStatus.Success,
    listed: ids.length,
    distinct: new Set(ids).size,
    notFound,
    genuineWebhook: await verifyWebhookSignature(body, signature, secret),
    forgedWebhook: await verifyWebhookSignature(body, signature, `${secret}x`),
  };
}
