// The transport reads each answer whole before handing it on (retries of a body broken mid-read, the size cap). A JSON
// answer from the runtime's fetch is kept as the text fetch decoded, the rest as bytes; either way every reader of
// the Response handed on gives back what the server sent, with a Content-Length that counts its bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbtCloud } from '../../src/index.js';
import { type ScriptedServer, startServer } from '../support/http-server.js';

const token = 'dbtc_read_body_token_0123456789';
// Two- three- and four-byte UTF-8 characters, so that characters and bytes differ in number.
const run = { id: 7, name: 'Modèle nocturne ✓ 日本語 🦆', status: 10 };
const jsonText = JSON.stringify({ data: run, status: { code: 200, is_success: true } });
const plainText = 'línea 1 ✓\nlínea 2 🦆\n';
const refusal = JSON.stringify({ status: { code: 403, is_success: false, user_message: `token ${token} refusé ✗` } });

describe('bodies read by the transport', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startServer(({ path }, response) => {
      const [type, text, status] =
        path === '/api/v2/accounts/1/runs/7/'
          ? ['application/json; charset=utf-8', jsonText, 200]
          : path === '/api/v2/accounts/1/runs/8/'
            ? ['text/plain; charset=utf-8', plainText, 200]
            : ['application/json', refusal, 403];
      const bytes = Buffer.from(text);
      response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length });
      response.end(bytes);
    });
  });
  afterAll(() => server.close());

  const dbt = () => createDbtCloud({ token, accountId: 1, host: server.url, maxRetries: 0 });
  const get = (id: number, parseAs: 'json' | 'text' | 'arrayBuffer' | 'blob' | 'stream') =>
    dbt().api.GET('/api/v2/accounts/{account_id}/runs/{id}/', { params: { path: { account_id: 1, id } }, parseAs });

  it('gives back a JSON answer unchanged through every reader', async () => {
    const bytes = new Uint8Array(Buffer.from(jsonText));
    const parsed = await get(7, 'json');
    expect(parsed.data).toEqual(JSON.parse(jsonText));
    expect(parsed.response.headers.get('Content-Length')).toBe(String(bytes.byteLength));
    expect((await get(7, 'text')).data).toBe(jsonText);
    expect(new Uint8Array((await get(7, 'arrayBuffer')).data as ArrayBuffer)).toEqual(bytes);
    const blob = (await get(7, 'blob')).data as Blob;
    expect(blob.type).toBe('application/json; charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    const stream = (await get(7, 'stream')).data as ReadableStream<Uint8Array>;
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(bytes);
    // A clone reads the same body again.
    const { response } = await get(7, 'stream');
    expect(await response.clone().text()).toBe(jsonText);
  });

  it('gives back a non-JSON answer byte for byte', async () => {
    expect((await get(8, 'text')).data).toBe(plainText);
    expect(new Uint8Array((await get(8, 'arrayBuffer')).data as ArrayBuffer)).toEqual(
      new Uint8Array(Buffer.from(plainText)),
    );
  });

  it('counts the bytes of an error body once the token is taken out of it', async () => {
    const { error, response } = await get(9, 'json');
    const shown = JSON.stringify(error);
    expect(shown).not.toContain(token);
    expect(shown).toContain('refusé ✗');
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Length')).toBe(String(Buffer.byteLength(JSON.stringify(error))));
  });
});
