// The soak: many mixed operations (get, paged list, wait, trigger, cancel) from one client, through the fault
// proxy, against the mock's engine in-process (test/support/engine.ts; runs move one state per poll). It checks that every operation either returns or throws a typed
// error, that no trigger is replayed, that nothing rejects unhandled and that nothing hangs.
import { createDbtCloud, DbtCloudError, type DbtCloud } from '../../src/index.js';
import { startEngine } from './engine.js';
import { mulberry32, startFaultProxy, type FaultKind } from './fault-proxy.js';

export interface SoakOptions {
  operations: number;
  /** Fraction of requests the proxy faults, 0..1. */
  faultRate: number;
  seed: number;
  /** Operations in flight at once. */
  concurrency: number;
  /** The client's per-attempt limit. Default 500 ms. */
  timeoutMs?: number;
  /** The client's retries. Default 2. */
  maxRetries?: number;
  /** An operation still running after this long counts as a hang and is aborted. Default 30 000 ms. */
  opDeadlineMs?: number;
  /** The fetch the client sends with; default the global one. Lets a test check that the harness catches a replay. */
  fetch?: (request: Request) => Promise<Response>;
}

export type OperationKind = 'get' | 'list' | 'wait' | 'trigger' | 'cancel';

export interface SoakResult {
  operations: number;
  faultsInjected: number;
  succeeded: number;
  typedFailures: number;
  lost: number;
  duplicateTriggers: number;
  unhandledRejections: number;
  hangs: number;
  triggerCalls: number;
  triggersReturned: number;
  acceptedTriggers: number;
  requests: number;
  faults: Partial<Record<FaultKind, number>>;
  byOperation: Record<OperationKind, { succeeded: number; typed: number; lost: number; hangs: number }>;
  /** Typed failures by error name. */
  errors: Record<string, number>;
  /** A few of the untyped errors, for diagnosis. */
  lostSamples: string[];
  ms: number;
  /** The one summary line. */
  line: string;
  /** True when no rule was broken: 0 lost, 0 duplicates, 0 unhandled rejections, 0 hangs. */
  ok: boolean;
}

const mix: Array<[OperationKind, number]> = [
  ['get', 35],
  ['list', 15],
  ['wait', 20],
  ['trigger', 20],
  ['cancel', 10],
];

export function formatSoakLine(
  r: Pick<
    SoakResult,
    | 'operations'
    | 'faultsInjected'
    | 'succeeded'
    | 'typedFailures'
    | 'lost'
    | 'duplicateTriggers'
    | 'unhandledRejections'
    | 'hangs'
  >,
) {
  return (
    `soak: ${r.operations} operations, ${r.faultsInjected} faults injected, ${r.succeeded} succeeded, ${r.typedFailures} typed failures, ` +
    `${r.lost} lost, ${r.duplicateTriggers} duplicate triggers, ${r.unhandledRejections} unhandled rejections, ${r.hangs} hangs`
  );
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { operations, faultRate, seed, concurrency } = options;
  const opDeadlineMs = options.opDeadlineMs ?? 30_000;
  const started = performance.now();

  let unhandledRejections = 0;
  const onUnhandled = () => {
    unhandledRejections++;
  };
  process.on('unhandledRejection', onUnhandled);

  // Five jobs, the last of which fails in `dbt build`, and 120 finished runs among them.
  const scenarios = {
    jobs: Object.fromEntries(
      [1, 2, 3, 4, 5].map((id) => [
        String(id),
        { name: `Soak ${id}`, outcome: id === 5 ? ('error' as const) : ('success' as const) },
      ]),
    ),
  };
  const cloud = await startEngine({ exampleJobs: false, stepPerPoll: true, scenarios });
  const jobIds = [...cloud.jobs.keys()];
  const seededRunIds = Array.from(
    { length: 120 },
    (_, i) => cloud.seedRuns(jobIds[i % jobIds.length]!, [i % 7 === 0 ? 'error' : 'success'])[0]!,
  );
  const proxy = await startFaultProxy({
    upstream: cloud.url,
    random: { rate: faultRate, seed },
    retryAfterSeconds: 0,
    trickleDelayMs: 1,
  });
  const dbt: DbtCloud = createDbtCloud({
    token: 'dbtc_soak',
    accountId: cloud.accountId,
    host: proxy.url,
    timeoutMs: options.timeoutMs ?? 500,
    maxRetries: options.maxRetries ?? 2,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    env: {},
  });

  const random = mulberry32(seed ^ 0x5eed5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chooseKind = (): OperationKind => {
    let roll = random() * 100;
    for (const [kind, weight] of mix) if ((roll -= weight) < 0) return kind;
    return 'get';
  };

  const created: number[] = []; // runs whose trigger returned
  let triggerCalls = 0;
  const returnedTriggers: number[] = [];

  const trigger = async (signal: AbortSignal) => {
    triggerCalls++;
    const run = await dbt.runs.trigger(pick(jobIds), { cause: 'soak', signal });
    returnedTriggers.push(run.id);
    created.push(run.id);
    return run;
  };
  const someRun = () => (created.length > 0 && random() < 0.7 ? pick(created) : pick(seededRunIds));

  const perform = async (kind: OperationKind, signal: AbortSignal): Promise<unknown> => {
    switch (kind) {
      case 'get':
        return dbt.runs.get(someRun(), { signal });
      case 'list':
        return dbt.runs
          .list({ pageSize: 20, concurrency: 3, signal, ...(random() < 0.3 ? { jobId: pick(jobIds) } : {}) })
          .toArray({ max: 100 });
      case 'wait': {
        const runId = created.length > 0 ? pick(created.slice(-20)) : (await trigger(signal)).id;
        return dbt.runs.wait(runId, { intervalMs: 5, maxIntervalMs: 20, throwOnFailure: false, signal });
      }
      case 'trigger':
        return trigger(signal);
      case 'cancel':
        return dbt.runs.cancel(created.length > 0 ? pick(created.slice(-20)) : pick(seededRunIds), { signal });
    }
  };

  const blank = () => ({ succeeded: 0, typed: 0, lost: 0, hangs: 0 });
  const byOperation: SoakResult['byOperation'] = {
    get: blank(),
    list: blank(),
    wait: blank(),
    trigger: blank(),
    cancel: blank(),
  };
  const errors: Record<string, number> = {};
  const lostSamples: string[] = [];
  let succeeded = 0;
  let typedFailures = 0;
  let lost = 0;
  let hangs = 0;

  const runOne = async (kind: OperationKind) => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'hang'>((resolve) => {
      timer = setTimeout(() => resolve('hang'), opDeadlineMs);
    });
    const work = perform(kind, controller.signal).then(
      () => 'ok' as const,
      (error: unknown) => error,
    );
    const outcome = await Promise.race([work, deadline]);
    clearTimeout(timer);
    if (outcome === 'hang') {
      hangs++;
      byOperation[kind].hangs++;
      controller.abort(new Error('soak: operation deadline passed'));
      return;
    }
    if (outcome === 'ok') {
      succeeded++;
      byOperation[kind].succeeded++;
    } else if (outcome instanceof DbtCloudError) {
      typedFailures++;
      byOperation[kind].typed++;
      errors[outcome.name] = (errors[outcome.name] ?? 0) + 1;
    } else {
      lost++;
      byOperation[kind].lost++;
      if (lostSamples.length < 5)
        lostSamples.push(
          `${kind}: ${outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : String(outcome)}`,
        );
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < operations) {
      next++;
      await runOne(chooseKind());
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    // Give a late rejection (one nobody awaited) the chance to be reported before counting.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await proxy.close();
    await cloud.close();
  }

  // Every run the engine made from a trigger: a replayed POST makes one more than the client asked for.
  const accepted = cloud.runsMade;
  const acceptedSet = new Set(accepted);
  const unmatched = returnedTriggers.filter((id) => !acceptedSet.has(id)).length;
  const returnedTwice = returnedTriggers.length - new Set(returnedTriggers).size;
  const duplicateTriggers = Math.max(0, accepted.length - triggerCalls) + unmatched + returnedTwice;

  const counts = {
    operations,
    faultsInjected: proxy.injected.length,
    succeeded,
    typedFailures,
    lost,
    duplicateTriggers,
    unhandledRejections,
    hangs,
  };
  return {
    ...counts,
    triggerCalls,
    triggersReturned: returnedTriggers.length,
    acceptedTriggers: accepted.length,
    requests: proxy.received,
    faults: proxy.counts(),
    byOperation,
    errors,
    lostSamples,
    ms: Math.round(performance.now() - started),
    line: formatSoakLine(counts),
    ok: lost === 0 && duplicateTriggers === 0 && unhandledRejections === 0 && hangs === 0,
  };
}
