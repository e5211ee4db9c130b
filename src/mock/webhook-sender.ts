// POSTs dbt Cloud's job.run.* events to one URL as runs change state, signed as dbt Cloud signs them: the hex
// HMAC-SHA256 of the raw body, keyed with the secret, in the Authorization header.
import { createHmac, randomUUID } from 'node:crypto';
import { RunStatus } from '../../generated/enums.js';
import type { RunRecord, Transition } from './runs.js';

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface RunNames {
  jobName: string;
  environmentName: string;
  projectName: string;
}

/** The words dbt Cloud's job.run.* events use for a run's status (`Errored`, where the API says `Error`). */
const runStatusWords = {
  [RunStatus.Running]: 'Running',
  [RunStatus.Success]: 'Success',
  [RunStatus.Error]: 'Errored',
  [RunStatus.Cancelled]: 'Cancelled',
} as const;

export function signWebhookBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

export class WebhookSender {
  private queue: Promise<void> = Promise.resolve();
  readonly counts = { sent: 0, failed: 0 };
  private readonly webhookId = `wsu_mock${randomUUID().replace(/-/g, '').slice(0, 20)}`;

  constructor(
    private readonly target: WebhookTarget,
    private readonly accountId: number,
  ) {}

  /** The event body for a transition, as of the moment it happened. */
  event(record: RunRecord, transition: Transition, names: RunNames): string {
    // A completed event comes once the run has ended: its status is Success, Error or Cancelled.
    const code =
      transition === 'started'
        ? RunStatus.Running
        : transition === 'errored'
          ? RunStatus.Error
          : (record.status as typeof RunStatus.Success | typeof RunStatus.Error | typeof RunStatus.Cancelled);
    const iso = (ms: number | null) => new Date(ms ?? Date.now()).toISOString();
    const data: Record<string, unknown> = {
      jobId: String(record.jobId),
      jobName: names.jobName,
      runId: String(record.id),
      environmentId: String(record.environmentId),
      environmentName: names.environmentName,
      dbtVersion: record.dbtVersion,
      projectName: names.projectName,
      projectId: String(record.projectId),
      runStatus: runStatusWords[code],
      runStatusCode: code,
      runStatusMessage: transition === 'started' ? 'None' : (record.statusMessage ?? 'None'),
      runReason: record.trigger.cause,
      runStartedAt: iso(record.startedAt ?? record.finishedAt),
    };
    if (transition === 'completed') data.runFinishedAt = iso(record.finishedAt);
    if (transition === 'errored') data.runErroredAt = iso(record.finishedAt);
    return JSON.stringify({
      timestamp: new Date().toISOString(),
      eventId: `wev_${randomUUID().replace(/-/g, '')}`,
      eventType: `job.run.${transition}`,
      webhookName: 'dbt-cloud-ts mock',
      webhookId: this.webhookId,
      accountId: this.accountId,
      data,
    });
  }

  /** Sends the event after those before it; a failed delivery is counted, not retried. */
  send(body: string): void {
    this.queue = this.queue.then(async () => {
      try {
        const response = await fetch(this.target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: signWebhookBody(body, this.target.secret) },
          body,
          signal: AbortSignal.timeout(5000),
        });
        await response.arrayBuffer();
        if (response.ok) this.counts.sent++;
        else this.counts.failed++;
      } catch {
        this.counts.failed++;
      }
    });
  }

  /** Resolves once every event queued so far has been delivered or has failed. */
  flush(): Promise<void> {
    return this.queue;
  }
}
