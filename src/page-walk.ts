// The page walk behind every Paginator (see paginate in pagination.ts), loaded with the helpers on the first
// iteration: a program that never lists does not load it.
import { PaginationError, ResponseFormatError } from './errors.js';
import type { Page, PageFetcher } from './pagination.js';

/** One list, its options checked (by paginate). */
export interface Walk {
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
export async function* walkPages<T>(walk: Walk, wanted = Infinity): AsyncGenerator<Page<T>> {
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
export function walkItems<T>(walk: Walk): AsyncIterableIterator<T> {
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
export async function collectItems<T>(walk: Walk, max?: number): Promise<T[]> {
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
