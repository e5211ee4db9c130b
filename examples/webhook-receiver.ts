// Receives dbt Cloud webhook deliveries: checks each one's signature, logs one line per event, and answers
// 200 (accepted), 401 (bad signature), 400 (not a dbt Cloud event), 405 (not a POST) or 413 (body over 1 MiB).
//
//   DBT_CLOUD_WEBHOOK_SECRET=<the subscription's hmac_secret> PORT=8080 npx tsx examples/webhook-receiver.ts
//
// It listens on 127.0.0.1 only (put it behind your reverse proxy or tunnel); PORT=0 picks a free port. The first line
// printed is `listening on http://127.0.0.1:<port>`. Ctrl-C (SIGINT) or SIGTERM closes it. It needs no API token.
//
// Try it locally with the example event of the spec (the signature is the hex HMAC-SHA256 of the raw body):
//   DBT_CLOUD_WEBHOOK_SECRET=s3cret npx tsx examples/webhook-receiver.ts
//   body='{"timestamp":"2026-11-03T02:12:51Z","eventId":"wev_1","eventType":"job.run.completed","webhookName":"w",'\
//   '"webhookId":"wsu_1","accountId":43786,"data":{"jobId":"567183","runId":"70403103","runStatus":"Success"}}'
//   curl -i http://127.0.0.1:8080 -H "Authorization: $(printf %s "$body" | openssl dgst -sha256 -hmac s3cret -r | cut -d' ' -f1)" -d "$body"
// (`npm run mock` is not needed: dbt Cloud calls you here, not the other way round.)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseWebhookEvent, WebhookVerificationError, type WebhookEvent } from '../src/index.js';

const MAX_BODY_BYTES = 1024 * 1024;
const HOST = '127.0.0.1';

const secret = process.env.DBT_CLOUD_WEBHOOK_SECRET ?? '';
if (secret === '') {
  console.error(
    'Set DBT_CLOUD_WEBHOOK_SECRET to the hmac_secret dbt Cloud showed when the webhook subscription was created.',
  );
  process.exit(4);
}
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got ${process.env.PORT}`);
  process.exit(4);
}

class BodyTooLargeError extends Error {}

/** The body exactly as received: the signature covers these bytes, so it must not be parsed or re-encoded first. */
async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function summary(event: WebhookEvent): string {
  // The three event types share these fields of `data` (ids arrive as strings of digits).
  const data = event.data as {
    jobId?: string;
    jobName?: string;
    runId?: string;
    runStatus?: string;
    environmentName?: string;
  };
  const job = data.jobName ? `job ${data.jobId ?? '?'} "${data.jobName}"` : `job ${data.jobId ?? '?'}`;
  const where = data.environmentName ? ` in ${data.environmentName}` : '';
  return `${event.eventType} run ${data.runId ?? '?'} of ${job}${where}: ${data.runStatus ?? '?'} (event ${event.eventId})`;
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}

const server = createServer(async (req, res) => {
  const stamp = new Date().toISOString();
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return answer(res, 405, 'POST only');
  }
  let raw: Buffer;
  try {
    raw = await readRawBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      console.log(`${stamp} rejected: body over ${MAX_BODY_BYTES} bytes`);
      res.setHeader('connection', 'close');
      return answer(res, 413, 'body too large');
    }
    console.log(`${stamp} rejected: could not read the body (${(error as Error).message})`);
    return answer(res, 400, 'could not read the body');
  }
  try {
    const event = await parseWebhookEvent(raw, req.headers.authorization, secret);
    console.log(`${stamp} ${summary(event)}`);
    // Answer quickly (dbt Cloud waits 10 s at most); do slow work after answering, or in a queue.
    return answer(res, 200, 'ok');
  } catch (error) {
    if (error instanceof WebhookVerificationError && error.reason === 'signature') {
      console.log(`${stamp} rejected: bad signature (${raw.length} bytes from ${req.socket.remoteAddress})`);
      return answer(res, 401, 'bad signature');
    }
    if (error instanceof WebhookVerificationError) {
      console.log(`${stamp} rejected: ${error.message}`);
      return answer(res, 400, 'not a dbt Cloud event');
    }
    console.error(`${stamp} error: ${(error as Error).message}`);
    return answer(res, 500, 'internal error');
  }
});

server.on('error', (error) => {
  console.error(`Cannot listen on ${HOST}:${port}: ${error.message}`);
  process.exit(4);
});

server.listen(port, HOST, () => {
  const address = server.address();
  const actual = address && typeof address === 'object' ? address.port : port;
  console.log(`listening on http://${HOST}:${actual}`);
});

function shutdown(signal: NodeJS.Signals): void {
  console.log(`${signal}: closing`);
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; end the idle ones now and any others shortly.
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 2_000).unref();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
