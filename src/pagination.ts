// Offset pagination over any list operation that takes `limit` and `offset`.
// The set of such operations comes from the generated types; nothing here lists them by hand.
import type { paths } from '../generated/schema.js';
import { PaginationError, ResponseFormatError } from './errors.js';
import { checkInteger } from './validate.js';

type GetOperation<P extends keyof paths> = paths[P] extends { get: infer G } ? G : never;
type QueryOf<P extends keyof paths> =
  GetOperation<P> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type JsonOf<P extends keyof paths> =
  GetOperation<P> extends { responses: { 200: { content: { 'application/json': infer J } } } } ? J : never;

/** Paths whose GET takes `limit` and `offset` and answers with a `data` array. */
export type PaginatedPath = {
  [P in keyof paths]: [QueryOf<P>] extends [never]
    ? never
    : 'limit' extends keyof QueryOf<P>
      ? 'offset' extends keyof QueryOf<P>
        ? JsonOf<P> extends { data: unknown[] }
          ? P
          : never
        : never
      : never;
}[keyof paths];

/** The item type a paginated path yields. */
export type PageItem<P extends PaginatedPath> = JsonOf<P> extends { data: Array<infer T> } ? T : never;

export interface PaginateInit<P extends PaginatedPath> {
  params: {
    path?: GetOperation<P> extends { parameters: { path?: infer A } } ? A : never;
    query?: Omit<QueryOf<P>, 'offset'>;
  };
  /** Pages fetched at once after the first page reports the total. Default 1 (one after another). */
  concurrency?: number;
  /** Most pages a walk reads before it fails with PaginationError (a list that never ends). Default 10 000. */
  maxPages?: number;
  signal?: AbortSignal;
}

export const defaultMaxPages = 10_000;

export interface Page<T> {
  items: T[];
  offset: number;
  /** `extra.pagination.total_count` of this page. */
  totalCount: number | undefined;
}

/** What fetches one page; supplied by the client so errors are typed the same way everywhere. */
export type PageFetcher = (query: Record<string, unknown>, signal?: AbortSignal) => Promise<unknown>;

export interface Paginator<T> extends AsyncIterable<T> {
  /** The pages themselves, in order. */
  pages(): AsyncIterable<Page<T>>;
  /** Every item in one array; with `max`, stops after that many. */
  toArray(options?: { max?: number }): Promise<T[]>;
}

/**
 * Walks the pages of a list. Offset paging is not a snapshot: an object created or deleted while the walk runs shifts
 * later pages, so an item can be skipped or seen twice. The walk ends at the first empty page or once the offset
 * reaches the latest total, so a total that changes midway cannot crash it; a page that brings nothing new and more
 * than `maxPages` pages fail with PaginationError, so a server that ignores `offset` or a total that keeps growing
 * cannot loop it forever.
 * The options are checked here, at once, before the first page is asked for.
 */
export function paginate<T>(
  fetchPage: PageFetcher,
  query: Record<string, unknown> = {},
  options: { concurrency?: number; maxPages?: number; signal?: AbortSignal } = {},
): Paginator<T> {
  const walk: Walk = {
    fetchPage,
    query,
    limit: checkInteger('limit', query.limit ?? 100, 1, 100),
    concurrency: checkInteger('concurrency', options.concurrency ?? 1, 1, 32),
    start: checkInteger('offset', query.offset ?? 0, 0),
    maxPages: checkInteger('maxPages', options.maxPages ?? defaultMaxPages, 1),
    signal: options.signal,
  };
  return {
    [Symbol.asyncIterator]: () => walkItems<T>(walk),
    pages: () => walkPages<T>(walk),
    toArray: ({ max } = {}) => collectItems<T>(walk, max),
  };
}

// ---- the walk ----

/** One list, its options checked (by paginate). */
interface Walk {
  fetchPage: PageFetcher;
  query: Record<string, unknown>;
  limit: number;
  concurrency: number;
  start: number;
  maxPages: number;
  signal: AbortSignal | undefined;
}

function readPage<T>(body: unknown, offset: number): Page<T> {
  const envelope = body as { data?: unknown; extra?: { pagination?: { total_count?: unknown } } } | undefined;
  if (!envelope || !Array.isArray(envelope.data)) {
    throw new ResponseFormatError('A list response had no `data` array');
  }
  const total = envelope.extra?.pagination?.total_count;
  return { items: envelope.data as T[], offset, totalCount: typeof total === 'number' ? total : undefined };
}

/** The ids of a page's items, when its items have numeric ids (every list of the API does). */
function idsOf(items: unknown[]): Set<unknown> | undefined {
  const ids = new Set<unknown>();
  for (const item of items) {
    const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'number') return undefined;
    ids.add(id);
  }
  return ids;
}

/** The pages of one walk, in order; `wanted`: the walk asks for no page past that many items (toArray's `max`). */
async function* walkPages<T>(walk: Walk, wanted = Infinity): AsyncGenerator<Page<T>> {
  const { limit, concurrency, start, maxPages } = walk;
  // State of this walk: each call walks afresh.
  let loaded = 0;
  const load = async (offset: number) => {
    // Counted when asked for, so pages in flight count too.
    if (++loaded > maxPages) {
      throw new PaginationError(
        `The list had more than ${maxPages} pages (of ${limit}); stopped there (option maxPages)`,
        'page-limit',
      );
    }
    return readPage<T>(await walk.fetchPage({ ...walk.query, limit, offset }, walk.signal), offset);
  };
  // A page holding only items of the page before (a server that ignores `offset`) would repeat forever.
  let previousIds: Set<unknown> | undefined;
  const checkNew = (page: Page<T>) => {
    const ids = idsOf(page.items);
    if (ids && previousIds && ids.size > 0 && [...ids].every((id) => previousIds!.has(id))) {
      throw new PaginationError(
        `The page at offset ${page.offset} brought nothing new (the same items as the page before); the server may ignore offset`,
        'repeated-page',
      );
    }
    previousIds = ids;
  };
  let total: number | undefined;
  let next = start + limit;
  const more = () => (total === undefined || next < total) && next < start + wanted;
  // Pages requested but not yet yielded, oldest first; at most `concurrency` in flight.
  const inFlight: Array<Promise<Page<T>>> = [];
  const fill = () => {
    while (inFlight.length < concurrency && more()) {
      const page = load(next);
      page.catch(() => {}); // surfaced when awaited in order below
      inFlight.push(page);
      next += limit;
    }
  };
  // With pages in flight at once, the next are asked for before a page is handed over, so that they travel while
  // the caller works; one after another (the default), none is asked for before the caller wants it.
  const ahead = concurrency > 1;
  for (let page = await load(start), first = true; ; first = false) {
    if (page.totalCount !== undefined) total = page.totalCount;
    if (page.items.length === 0 && !first) {
      inFlight.length = 0; // the list ended early (it shrank); stop without asking further
      return;
    }
    checkNew(page);
    const isLast = page.items.length === 0 || (total === undefined && page.items.length < limit);
    if (ahead && !isLast) fill();
    yield page;
    if (isLast) return;
    if (!ahead) fill();
    if (inFlight.length === 0) return;
    page = await inFlight.shift()!;
  }
}

/**
 * The items one by one, without an async generator per item: a page's items are handed out from memory, and only
 * the step to the next page waits.
 */
function walkItems<T>(walk: Walk): AsyncIterableIterator<T> {
  const pageWalk = walkPages<T>(walk);
  let page: T[] = [];
  let at = 0;
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (at >= page.length) {
        const step = await pageWalk.next();
        if (step.done) return { done: true, value: undefined };
        page = step.value.items;
        at = 0;
      }
      return { done: false, value: page[at++]! };
    },
    async return() {
      page = [];
      await pageWalk.return(undefined);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Every item in one array; with `max`, stops after that many and asks for no page past them. */
async function collectItems<T>(walk: Walk, max?: number): Promise<T[]> {
  const out: T[] = [];
  if (max !== undefined && max <= 0) return out;
  for await (const page of walkPages<T>(walk, max)) {
    for (const item of page.items) {
      out.push(item);
      if (max !== undefined && out.length >= max) return out;
    }
  }
  return out;
}
