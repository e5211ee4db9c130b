// Offset pagination over any list operation that takes `limit` and `offset`.
// The set of such operations comes from the generated types; nothing here lists them by hand.
import type { paths } from '../generated/schema.js';
import type { Walk } from './page-walk.js';
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
 *
 * The options are checked here, at once; the walk itself (page-walk.ts) loads with the helpers on the first iteration.
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
  const engine = () => import('./helpers.js');
  return {
    [Symbol.asyncIterator]: () => {
      const items = engine().then((loaded) => loaded.walkItems<T>(walk));
      items.catch(() => {}); // a failed load is the rejection of the first next()
      const iterator: AsyncIterableIterator<T> = {
        next: async () => (await items).next(),
        return: async () => (await items).return!(),
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
    async *pages() {
      yield* (await engine()).walkPages<T>(walk);
    },
    toArray: async ({ max } = {}) => (await engine()).collectItems<T>(walk, max),
  };
}
