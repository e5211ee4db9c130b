// checkSpec: read an account through every GET operation it can reach and report where the answers differ from the
// bundled spec. It only ever sends GET: ids for `get` operations come from the first item of the matching list.
import type { DbtCloud } from '../client.js';
import { AbortError, ConnectionError, ValidationError, errorFromResponse } from '../errors.js';
import { responseOperations, type ResponseOperation } from '../../generated/response-schemas.js';
import { checkResponse, isJsonMedia, needsBody, notJson, type ResponseViolation } from './validator.js';

export interface SpecCheckOptions {
  /** Most requests to send. Default 100 (the spec has about as many GET operations). */
  maxRequests?: number;
  /** Items asked of each list operation that takes `limit`; more items show more variety. Default 10. */
  pageSize?: number;
  signal?: AbortSignal;
  /** Called after each operation is checked or skipped, for progress output. */
  onProgress?: (event: SpecCheckEntry) => void;
}

export interface SpecCheckEntry {
  /** `GET /path/template`. */
  operation: string;
  operationId: string;
  /** `checked`: sent and validated; `skipped`: not sent, or answered with an error status. */
  outcome: 'checked' | 'skipped';
  /** The answer's status, when one was sent. */
  status?: number;
  /** Why it was skipped. */
  reason?: string;
  /** Mismatches found in this answer. */
  violations: number;
}

export interface SpecCheckReport {
  /** True when no checked answer differed from the spec. */
  ok: boolean;
  /** Requests sent (every one a GET). */
  requests: number;
  entries: SpecCheckEntry[];
  violations: ResponseViolation[];
}

/**
 * GET operations that do something besides reading: sending the webhook test delivery reaches the customer's
 * endpoint, so the check never calls it.
 */
const actingReads = new Set(['testWebhookSubscription']);

interface Candidate {
  template: string;
  operation: ResponseOperation;
  params: string[];
}

const paramsOf = (template: string) => [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);

/** The id of a list answer's first item: `data[0].id` (dbt Cloud) or `Resources[0].id` (SCIM). */
function firstItemId(body: unknown): string | number | undefined {
  const envelope = body as { data?: unknown; Resources?: unknown } | undefined;
  const items = Array.isArray(envelope?.data)
    ? envelope.data
    : Array.isArray(envelope?.Resources)
      ? envelope.Resources
      : undefined;
  const id = (items?.[0] as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' || typeof id === 'string' ? id : undefined;
}

/** Where a parameter's value may come from: the list at the path before it, with or without a slash or plural s. */
function listPathsBefore(resolvedPrefix: string): string[] {
  const bare = resolvedPrefix.replace(/\/$/, '');
  return [resolvedPrefix, bare, `${bare}s`, `${bare}s/`];
}

export async function checkSpec(dbt: DbtCloud, options: SpecCheckOptions = {}): Promise<SpecCheckReport> {
  const accountId = dbt.accountId;
  if (accountId === undefined) {
    throw new ValidationError('accountId', 'the spec check reads one account: set `accountId` or DBT_CLOUD_ACCOUNT_ID');
  }
  const maxRequests = options.maxRequests ?? 100;
  const pageSize = options.pageSize ?? 10;
  const entries: SpecCheckEntry[] = [];
  const violations: ResponseViolation[] = [];
  // Resolved list path → the id of its first item (undefined: the list was empty or had no ids).
  const firstIds = new Map<string, string | number | undefined>();
  let requests = 0;

  const record = (entry: SpecCheckEntry) => {
    entries.push(entry);
    options.onProgress?.(entry);
  };

  const candidates: Candidate[] = Object.entries(responseOperations)
    .filter(([key]) => key.startsWith('GET '))
    .map(([key, operation]) => ({ template: key.slice(4), operation, params: paramsOf(key.slice(4)) }))
    // Fewer path parameters first, so each list is read before the operations that need its ids.
    .sort((a, b) => a.params.length - b.params.length || a.template.localeCompare(b.template));

  for (const { template, operation, params } of candidates) {
    const operationName = `GET ${template}`;
    const skip = (reason: string) =>
      record({
        operation: operationName,
        operationId: operation.operationId,
        outcome: 'skipped',
        reason,
        violations: 0,
      });
    if (actingReads.has(operation.operationId)) {
      skip('acts besides reading (not sent)');
      continue;
    }
    if (operation.requiredQuery?.length) {
      skip(`needs query parameter ${operation.requiredQuery.join(', ')}`);
      continue;
    }
    if (!needsBody('GET', template, 200)) {
      skip('answers a download, not JSON');
      continue;
    }
    const values: Record<string, string | number> = {};
    let missing: string | undefined;
    for (const name of params) {
      if (name === 'account_id') {
        values[name] = accountId;
        continue;
      }
      const prefix = template.slice(0, template.indexOf(`{${name}}`));
      const resolved = prefix.replace(/\{([^}]+)\}/g, (_, param: string) => String(values[param]));
      const source = listPathsBefore(resolved).find((path) => firstIds.has(path));
      const id = source === undefined ? undefined : firstIds.get(source);
      if (id === undefined) {
        missing =
          source === undefined ? `no list gives ${name}` : `no ${name}: the list before it has no item with an id`;
        break;
      }
      values[name] = id;
    }
    if (missing) {
      skip(missing);
      continue;
    }
    if (requests >= maxRequests) {
      skip(`request budget of ${maxRequests} reached`);
      continue;
    }
    if (options.signal?.aborted) throw new AbortError('the spec check was aborted', { cause: options.signal.reason });

    requests++;
    const send = dbt.api.GET as unknown as (
      path: string,
      init: object,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    let result: Awaited<ReturnType<typeof send>>;
    try {
      result = await send(template, {
        params: { path: values, query: operation.limit ? { limit: pageSize } : {} },
        // Read as text and parsed here, so an answer that is not JSON is a finding rather than a thrown error.
        parseAs: 'text',
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      // Without a connection, or once aborted, nothing further can be checked.
      if (error instanceof ConnectionError || error instanceof AbortError) throw error;
      skip(`failed: ${error instanceof Error ? error.name : 'error'}`);
      continue;
    }
    const { response } = result;
    const resolvedPath = template.replace(/\{([^}]+)\}/g, (_, param: string) => String(values[param]));
    if (response.status === 401) throw errorFromResponse(response, result.error, { method: 'GET', path: resolvedPath });
    if (!response.ok) {
      record({
        operation: operationName,
        operationId: operation.operationId,
        outcome: 'skipped',
        status: response.status,
        reason: `answered ${response.status}`,
        violations: 0,
      });
      continue;
    }
    const contentType = response.headers.get('Content-Type');
    const text = typeof result.data === 'string' ? result.data : '';
    let body: unknown;
    let found: ResponseViolation[];
    try {
      body = text === '' || !isJsonMedia(contentType) ? undefined : JSON.parse(text);
      found = checkResponse({ method: 'GET', template, status: response.status, contentType, body });
    } catch {
      found = [notJson({ operation: operationName, operationId: operation.operationId, status: response.status })];
    }
    if (body !== undefined) firstIds.set(resolvedPath, firstItemId(body));
    violations.push(...found);
    record({
      operation: operationName,
      operationId: operation.operationId,
      outcome: 'checked',
      status: response.status,
      violations: found.length,
    });
  }
  return { ok: violations.length === 0, requests, entries, violations };
}
