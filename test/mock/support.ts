// Plain fetch against a mock, as a client that is not ours would talk to it: no Prefer headers, no mock-only calls.
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export function apiClient(baseUrl: string, accountId = 43786) {
  return async function api<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    // A v2 path under the account, or a whole path (`/api/v3/...`).
    const whole = path.startsWith('/api/') ? path : `/api/v2/accounts/${accountId}${path}`;
    const response = await fetch(`${baseUrl}${whole}`, {
      method,
      headers: { Authorization: 'Token dbtc_mock_key', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
}

/** The spec's error envelope, as the API sends it with every unsuccessful answer. */
export function expectEnvelope(answer: Answer, status: number): void {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  const envelope = answer.body as { status?: { code?: number; is_success?: boolean; user_message?: string } };
  if (envelope.status?.code !== status || envelope.status.is_success !== false || !envelope.status.user_message)
    throw new Error(`not the error envelope: ${answer.text}`);
}
