// How the engine reads a request and answers it: the API's envelopes, its errors, its list pages and the query forms
// real clients send.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Query = URLSearchParams;

export interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  query: Query;
  body: unknown;
  /** Where the mock is reached (`http://127.0.0.1:41873`), for the links in answers. */
  baseUrl: string;
}

export const success = { code: 200, is_success: true, user_message: 'Success!', developer_message: '' };
export const created = { ...success, code: 201 };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly data: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The object in the API's success envelope; `201` for the creates the API answers that way. */
export function sendObject(res: ServerResponse, data: unknown, status: 200 | 201 = 200): void {
  send(res, status, { data, status: status === 201 ? created : success });
}

/** The spec's error envelope. */
export function sendError(res: ServerResponse, status: number, message: string, data: unknown = null): void {
  send(res, status, {
    status: { code: status, is_success: false, user_message: message, developer_message: null },
    data,
  });
}

export function notFound(what: string): never {
  throw new HttpError(404, `${what} could not be found.`);
}

export function badRequest(field: string, message: string): never {
  throw new HttpError(400, 'The request was invalid. Please double check the provided data and try again.', {
    [field]: [message],
  });
}

export function numberParam(query: Query, name: string): number | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : Number(value);
}

/** `[1,2,3]` (spaces allowed, as Python's json.dumps writes it) → [1, 2, 3]. */
export function listParam(query: Query, name: string): number[] | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    badRequest(name, 'Send a list in square brackets.');
  }
  if (!Array.isArray(parsed)) badRequest(name, 'Send a list in square brackets.');
  return parsed.map(Number);
}

/** `["2026-11-01T00:00:00+00:00", "2026-11-06T00:00:00+00:00"]` → the two moments in ms, or undefined if not sent. */
export function rangeParam(query: Query, name: string): [number, number] | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    badRequest(name, 'Send two quoted times in square brackets.');
  }
  const [from, to] = Array.isArray(parsed) ? parsed.map((moment) => Date.parse(String(moment))) : [];
  if (parsed === null || !Array.isArray(parsed) || parsed.length !== 2 || Number.isNaN(from) || Number.isNaN(to))
    badRequest(name, 'Send two quoted times in square brackets.');
  return [from!, to!];
}

/**
 * The names asked for with `include_related`, in every form clients send: comma separated (`trigger,job`), a JSON
 * array (`["trigger","job"]`, as dbt Labs' docs write it), a bracketed list without quotes (`[trigger,job]`) and the
 * key repeated once per name.
 */
export function includes(query: Query): Set<string> {
  const names = new Set<string>();
  for (const value of query.getAll('include_related')) {
    const list = value.trim().replace(/^\[(.*)\]$/s, '$1');
    for (const name of list.split(',')) {
      const bare = name
        .trim()
        .replace(/^"(.*)"$/s, '$1')
        .trim();
      if (bare) names.add(bare);
    }
  }
  return names;
}

/** Sorts by `field` or `-field`, then slices a page, and sends the list envelope. */
export function sendPage<T>(
  context: Context,
  items: T[],
  orderBy: string,
  value: (item: T, field: string) => number | string | null,
  render: (item: T) => unknown,
  filters: Record<string, unknown>,
): void {
  const descending = orderBy.startsWith('-');
  const field = descending ? orderBy.slice(1) : orderBy;
  const sorted = [...items].sort((a, b) => {
    const left = value(a, field);
    const right = value(b, field);
    // Nulls last whichever the direction, as the API's database does for finished_at.
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order = left < right ? -1 : left > right ? 1 : 0;
    return descending ? -order : order;
  });
  const limit = numberParam(context.query, 'limit') ?? 100;
  const offset = numberParam(context.query, 'offset') ?? 0;
  const page = sorted.slice(offset, offset + limit);
  send(context.res, 200, {
    data: page.map(render),
    extra: {
      filters: { ...filters, limit, offset },
      order_by: orderBy,
      pagination: { count: page.length, total_count: items.length },
    },
    status: success,
  });
}

/** Which lifecycle states a list asks for: `state` is 1/active (default), 2/deleted or all. */
export function stateFilter(query: Query): (state: number | null | undefined) => boolean {
  const asked = query.get('state') ?? 'active';
  if (asked === 'all') return () => true;
  const wanted = asked === 'deleted' || asked === '2' ? 2 : 1;
  return (state) => (state ?? 1) === wanted;
}

export function fieldValue(item: object, field: string): number | string | null {
  const value = (item as Record<string, unknown>)[field];
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

export function objectBody(c: Context): Record<string, unknown> {
  if (typeof c.body !== 'object' || c.body === null || Array.isArray(c.body))
    throw new HttpError(400, 'The request body must be a JSON object.');
  return c.body as Record<string, unknown>;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
