// The mock on the clock with a scenarios file and a webhook receiver: the events it POSTs are the ones our own
// parseWebhookEvent accepts, signed with the secret, in the order the runs went through their states.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbtCloud, parseWebhookEvent, verifyWebhookSignature, type DbtCloud } from '../../src/index.js';
import { startMockServer, type MockServer } from '../../src/node.js';

const secret = 'mock-webhook-secret';
const deliveries: Array<{ body: string; authorization: string | undefined }> = [];
let receiver: Server;
let mock: MockServer;
let dbt: DbtCloud;
let dir: string;

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    deliveries.push({ body, authorization: req.headers.authorization });
    res.writeHead(200).end();
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  dir = await mkdtemp(join(tmpdir(), 'mock-scenarios-'));
  const scenarios = join(dir, 'scenarios.yaml');
  await writeFile(
    scenarios,
    [
      '# A job of our own, which hangs and times out after 30 s at speed 1 (0.3 s at speed 100).',
      'jobs:',
      '  "900001":',
      '    name: Orchestrated load',
      '    steps: ["dbt run --select tag:load"]',
      '    outcome: hang',
      '    timeoutSeconds: 30',
      '  "567183":',
      '    durations: { queued: 1, starting: 1, running: 10 }',
      '',
    ].join('\n'),
  );
  mock = await startMockServer({
    scenarios,
    speed: 100,
    webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret },
  });
  dbt = createDbtCloud({ host: mock.url, token: 'dbtc_mock_key', accountId: 43786, env: {} });
});

afterAll(async () => {
  await mock?.stop();
  await new Promise<void>((done) => receiver?.close(() => done()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scenarios file and webhooks', () => {
  it('runs the scenarios file’s own job, which times out, and signs every event so parseWebhookEvent accepts it', async () => {
    const jobs = await dbt.jobs.list().toArray();
    expect(jobs.map((job) => job.name)).toContain('Orchestrated load');

    const runs = await Promise.all([567183, 567184, 900001].map((id) => dbt.runs.trigger(id, { cause: 'webhooks' })));
    const ended = await Promise.all(
      runs.map((run) => dbt.runs.wait(run.id, { intervalMs: 50, maxIntervalMs: 100, throwOnFailure: false })),
    );
    expect(ended.map((run) => run.status)).toEqual([10, 20, 20]);
    expect(ended[2]!.status_message).toContain('timeout of 30 seconds');
    await mock.flushWebhooks();

    const events = await Promise.all(
      deliveries.map(async ({ body, authorization }) => {
        expect(await verifyWebhookSignature(body, authorization, secret)).toBe(true);
        expect(await verifyWebhookSignature(body, authorization, 'another secret')).toBe(false);
        return parseWebhookEvent(body, authorization, secret);
      }),
    );
    const byRun = (id: number) =>
      events.filter((event) => event.data?.runId === String(id)).map((event) => event.eventType);
    expect(byRun(runs[0]!.id)).toEqual(['job.run.started', 'job.run.completed']);
    expect(byRun(runs[1]!.id)).toEqual(['job.run.started', 'job.run.errored', 'job.run.completed']);
    expect(byRun(runs[2]!.id)).toEqual(['job.run.started', 'job.run.errored', 'job.run.completed']);

    const completed = events.find(
      (event) => event.eventType === 'job.run.completed' && event.data?.runId === String(runs[0]!.id),
    );
    expect(completed).toMatchObject({
      accountId: 43786,
      data: {
        jobId: '567183',
        jobName: 'Nightly build',
        runStatus: 'Success',
        runStatusCode: 10,
        projectName: 'jaffle_shop',
      },
    });
    const state = await mock.state();
    expect(state?.webhooks).toEqual({ sent: events.length, failed: 0 });
    expect(state?.violations.count).toBe(0);
  });
});
