// Reading an answer's body whole, within the caller's size cap, and handing it on as a Response that serves what was
// read (so openapi-fetch parses it without a second stream), with the token taken out of an error's text.
import { ResponseFormatError } from '../errors.js';
import { redactToken } from './redact.js';

const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** The body was larger than the cap the caller set (maxResponseBytes). */
export class TooLarge extends Error {}

/**
 * A body read whole: its bytes, or for JSON (which is UTF-8 text) the text the runtime decoded from its own buffer.
 * Taking JSON as text saves copying every body once more, a page of 100 runs being 200 kB.
 */
export type ReadBody = Uint8Array | string | null;

/** `application/json` and the `+json` types, whose bodies are UTF-8 text. */
const jsonType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a whole body, refusing one larger than `cap` bytes as soon as it is known to be. `trustLength`: the body
 * comes from the runtime's fetch, whose HTTP framing never yields more than a declared Content-Length, so the fast
 * native read is safe; a body from a custom fetch is counted chunk by chunk.
 */
export async function readCapped(response: Response, cap: number, trustLength: boolean): Promise<ReadBody> {
  const stream = response.body;
  if (stream === null) return null;
  const length = response.headers.get('Content-Length');
  const declared = length === null ? NaN : Number(length);
  if (declared > cap) {
    stream.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (trustLength && declared >= 0) {
    return jsonType.test(response.headers.get('Content-Type') ?? '')
      ? await response.text()
      : new Uint8Array(await response.arrayBuffer());
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

// Made on first use: the package does no work when it is imported.
let decoder: TextDecoder | undefined;
const utf8 = {
  decode: (body: Uint8Array | string) =>
    typeof body === 'string' ? body : (decoder ??= new TextDecoder()).decode(body),
  encode: (body: Uint8Array | string) =>
    (typeof body === 'string' ? new TextEncoder().encode(body) : body) as Uint8Array<ArrayBuffer>,
};

type ResponseSource = { status: number; statusText: string; headers: Headers };
/** The request an answer belongs to, for the message of a body that is not JSON; worked out only then. */
export type RequestOf = () => { method: string; path: string };

/**
 * An answer whose body was already read: it serves the body it holds, so parsing it needs no second stream (web
 * streams cost more than the parse). It is still a Response for middleware and callers: `body`, `clone()` and the
 * readers work, each body once, as on any Response. A body that is not JSON rejects `json()` with ResponseFormatError
 * (openapi-fetch passes it on), not a bare SyntaxError.
 *
 * The class is defined on first use: reading the global `Response` makes Node 20 load its fetch implementation,
 * which takes longer than the rest of the import put together.
 */
function defineReadResponse() {
  return class ReadResponse extends Response {
    readonly #held: ReadBody;
    #used = false;
    #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
    readonly #request: RequestOf;

    constructor(body: ReadBody, source: ResponseSource, request: RequestOf) {
      super(null, { status: source.status, statusText: source.statusText, headers: source.headers });
      this.#held = body;
      this.#request = request;
      if (body !== null) {
        // The whole body is here: say how long it is (openapi-fetch parses a body without a length itself, past
        // json() below; text comes only with the declared length it had), and drop the wire framing.
        if (typeof body !== 'string') this.headers.set('Content-Length', String(body.byteLength));
        this.headers.delete('Transfer-Encoding');
      }
    }

    #take(): Uint8Array | string {
      if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
      this.#used = true;
      return this.#held ?? '';
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      const held = this.#held;
      if (held === null) return null;
      this.#stream ??= new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(utf8.encode(held));
          controller.close();
        },
      });
      return this.#stream;
    }
    override get bodyUsed(): boolean {
      return this.#used || this.#stream?.locked === true;
    }
    // Async with nothing to await, as Response's readers are: a used body or bad JSON rejects, it does not throw.
    /* eslint-disable @typescript-eslint/require-await */
    override async text(): Promise<string> {
      return utf8.decode(this.#take());
    }
    override async json(): Promise<unknown> {
      const text = utf8.decode(this.#take());
      try {
        return JSON.parse(text);
      } catch (error) {
        const request = this.#request();
        throw new ResponseFormatError(`${request.method} ${request.path} answered with a body that is not valid JSON`, {
          ...request,
          status: this.status,
          cause: error,
        });
      }
    }
    override async arrayBuffer(): Promise<ArrayBuffer> {
      const bytes = utf8.encode(this.#take());
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    /* eslint-enable @typescript-eslint/require-await */
    override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return new Uint8Array(await this.arrayBuffer());
    }
    override async blob(): Promise<Blob> {
      return new Blob([await this.arrayBuffer()], { type: this.headers.get('Content-Type') ?? '' });
    }
    override clone(): Response {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      return readResponse(this.#held, this, this.#request);
    }
  };
}

let ReadResponse: (new (body: ReadBody, source: ResponseSource, request: RequestOf) => Response) | undefined;
const readResponse = (body: ReadBody, source: ResponseSource, request: RequestOf): Response =>
  new (ReadResponse ??= defineReadResponse())(body, source, request);

/** The answer handed to openapi-fetch: the body already read, with the token taken out of an error's text. */
export function answered(response: Response, read: ReadBody, token: string | undefined, request: RequestOf): Response {
  // A browser's answer to redirect: 'manual' is opaque (status 0): it has no body, and no Response can be built so.
  if (response.status < 200) return response;
  let body: ReadBody = nullBodyStatuses.has(response.status) ? null : read;
  if (body !== null && !response.ok && token && token.length >= 8) {
    const text = utf8.decode(body);
    const escaped = JSON.stringify(token).slice(1, -1);
    const clean = redactToken(redactToken(text, token), escaped);
    // As bytes, which carry their own length: the text's declared one no longer holds.
    if (clean !== text) body = utf8.encode(clean);
  }
  return readResponse(body, response, request);
}
