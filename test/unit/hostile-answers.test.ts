// Answers no server should send, over a real loopback connection: each ends in a typed error the caller can handle,
// never a bare RangeError, and an error built from one can always be serialised.
import { afterEach, describe, expect, it } from 'vitest';
import { BadRequestError, createDbtCloud, ResponseFormatError } from '../../src/index.js';
import { startServer, type ScriptedServer } from '../support/http-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (url: string) =>
  createDbtCloud({ token: 'dbtc_hostile_token', accountId: 43786, host: url, maxRetries: 2, env: {} });

describe('a hostile server', () => {
  it.each([600, 999])(
    'answering status %i gets ResponseFormatError, through the helpers and dbt.api alike',
    async (status) => {
      server = await startServer((_request, response) => {
        response.writeHead(status, { 'Content-Type': 'application/json' }).end('{"data":{}}');
      });
      const dbt = client(server.url);
      const error = await dbt.runs.get(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error).toMatchObject({
        status,
        message: expect.stringContaining(`status ${status}, which HTTP does not define`),
      });
      const raw = await dbt.api
        .GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path: { account_id: 43786, id: 1 } } })
        .catch((e: unknown) => e);
      expect(raw).toBeInstanceOf(ResponseFormatError);
      // Not a status worth another attempt.
      expect(server.requests).toHaveLength(2);
    },
  );

  it('answering an error whose body nests 100,000 levels: the error serialises', async () => {
    const depth = 100_000;
    const body = `{"status":{"code":400,"is_success":false,"user_message":"Bad."},"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    server = await startServer((_request, response) => {
      response.writeHead(400, { 'Content-Type': 'application/json' }).end(body);
    });
    const error = await client(server.url)
      .runs.get(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    const text = JSON.stringify(error);
    expect(JSON.parse(text)).toMatchObject({ name: 'BadRequestError', status: 400, userMessage: 'Bad.' });
    expect(text.length).toBeLessThan(10_000);
  });
});
