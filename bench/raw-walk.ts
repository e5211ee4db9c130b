// The listing section's reference walk (bench/run.ts, section 2): the same pages as the client walks, by hand with
// the runtime's fetch and no client at all, so the table shows what this machine gives without one.

/** Lists every run with raw fetch: the first page, then pages by offset with at most `inFlight` at once. */
export async function rawFetchWindow(
  baseUrl: string,
  inFlight: number,
  ids: { accountId: number; token: string },
): Promise<Array<{ id: number }>> {
  type Body = { data: Array<{ id: number }>; extra: { pagination: { total_count: number } } };
  const page = async (offset: number) => {
    const response = await fetch(`${baseUrl}/api/v2/accounts/${ids.accountId}/runs/?limit=100&offset=${offset}`, {
      headers: { Authorization: `Token ${ids.token}`, Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`page at offset ${offset}: status ${response.status}`);
    return (await response.json()) as Body;
  };
  const first = await page(0);
  const total = first.extra.pagination.total_count;
  const runs = [...first.data];
  let next = 100;
  const pending: Array<Promise<Body>> = [];
  while (next < total || pending.length > 0) {
    while (pending.length < inFlight && next < total) {
      pending.push(page(next));
      next += 100;
    }
    for (const run of (await pending.shift()!).data) runs.push(run);
  }
  return runs;
}
