// The mock's front door, in front of Prism. It exists for what Prism cannot do, or does unlike dbt Cloud:
// - paths without their trailing slash (`/api/v2/accounts/1/runs/123`): dbt Cloud answers a 308 to the slash form,
//   which clients such as `requests` and axios follow with the method, body and Authorization kept; Prism would
//   answer 404;
// - artifact paths with `/` (`compiled/x/models/a.sql`): Prism matches a path parameter against one segment only, so
//   the slashes of the artifact path are sent on as `%2F`; Prism then routes and validates the request, and the
//   engine decodes the path;
// - input that would take Prism down or make it answer in its own format: a path with malformed %-encoding, a body
//   that is not JSON, a body over the size limit, a chunked body (sent on with its length);
// - the control endpoints under `/__mock/`, which are not API operations;
// - Prism's own answers (422/401/404 and the rest, as application/problem+json) become the API's error envelope, as
//   the real API and the engine answer; a response that breaks the spec (Prism's 500 `VIOLATIONS`) is passed on and
//   counted.
// It also tells the engine the mock's own base URL, so that links in answers (`href`) point at the mock.
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { baseUrlHeader } from './engine.js';
import { bundledSpecPath } from './prism.js';
import { loadSpecPaths } from './seed.js';

const nestedArtifact = /^(\/api\/v2\/accounts\/[^/]+\/(?:runs|jobs)\/[^/]+\/artifacts\/)([^?]+\/[^?]*)$/;

/** The largest request body taken, as Prism's own limit (10 MB). */
export const maxBodyBytes = 10 * 1024 * 1024;
/** Past this much, the rest of an oversized body is not even read: the connection is closed. */
const drainLimitBytes = 4 * maxBodyBytes;

export interface Violation {
  method: string;
  path: string;
  detail: unknown;
}

export interface FrontOptions {
  prismUrl: string;
  control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  /** The spec's path templates (`/api/v2/accounts/{account_id}/runs/{id}/`); default: the bundled spec's. */
  paths?: string[];
}

interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  validation?: Array<{ location?: string[]; message?: string }>;
}

function envelope(status: number, message: string, developerMessage: string | null, data: unknown): string {
  return JSON.stringify({
    status: { code: status, is_success: false, user_message: message, developer_message: developerMessage },
    data,
  });
}

function sendEnvelope(
  res: ServerResponse,
  status: number,
  message: string,
  developerMessage: string | null,
  headers: Record<string, string> = {},
): void {
  const body = envelope(status, message, developerMessage, null);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const invalidRequest = 'The request was invalid. Please double check the provided data and try again.';

/** Prism's problem+json in the API's own words, or undefined to pass it on as it is (a response that broke the spec). */
function translate(status: number, problem: Problem): { status: number; body: string } | undefined {
  const kind = problem.type?.split('#')[1];
  if (kind === 'VIOLATIONS') return undefined;
  if (status === 422 && kind === 'UNPROCESSABLE_ENTITY') {
    const fields: Record<string, string[]> = {};
    for (const issue of problem.validation ?? []) {
      const required = /required property '([^']+)'/.exec(issue.message ?? '');
      const field = required?.[1] ?? (issue.location ?? []).slice(1).join('.') ?? 'request';
      (fields[field || 'request'] ??= []).push(
        required ? 'This field is required.' : (issue.message ?? 'Invalid value.'),
      );
    }
    const developer = (problem.validation ?? []).map((issue) => issue.message).join('; ');
    return { status: 400, body: envelope(400, invalidRequest, developer, fields) };
  }
  if (status === 401) return { status: 401, body: envelope(401, 'Invalid token.', null, null) };
  if (status === 404)
    return {
      status: 404,
      body: envelope(404, 'The requested resource could not be found.', problem.detail ?? null, null),
    };
  const code = status >= 400 && status < 600 ? status : 500;
  const message = code >= 500 ? 'An unexpected error occurred.' : invalidRequest;
  return { status: code, body: envelope(code, message, problem.detail ?? problem.title ?? null, null) };
}

export interface ViolationLog {
  count: number;
  /** The latest 100. */
  recent: Violation[];
}

/** Tells whether a path is an operation of the spec, or would be with a `/` at its end. */
function pathMatcher(templates: string[]): (path: string) => boolean {
  const patterns = templates.map(
    (template) =>
      new RegExp(
        `^${template
          .split(/(\{[^}]+\})/)
          .map((part) =>
            part === '{remainder}'
              ? '.+'
              : part.startsWith('{')
                ? '[^/]+'
                : part.replace(/[.*+?^$()|[\]\\]/g, String.raw`\$&`),
          )
          .join('')}$`,
      ),
  );
  return (path) => patterns.some((pattern) => pattern.test(path));
}

/** The path's segments decode (malformed %-encoding takes Prism down). */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The mock's own base URL as this client reaches it (the Host it used, over http or https). */
function baseUrlOf(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (typeof host !== 'string' || !/^[\w.-]+(:\d+)?$|^\[[\da-fA-F:.]+\](:\d+)?$/.test(host)) return undefined;
  return `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${host}`;
}

type BodyRead = { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'failed' };

/** The whole request body, up to `maxBodyBytes`; more is drained (up to a point) and refused. */
function readBody(req: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else if (size > drainLimitBytes) {
        req.removeAllListeners('data');
        req.pause();
        resolve({ kind: 'too-large' });
      }
    });
    req.on('end', () =>
      resolve(size > maxBodyBytes ? { kind: 'too-large' } : { kind: 'ok', body: Buffer.concat(chunks) }),
    );
    req.on('error', () => resolve({ kind: 'failed' }));
  });
}

function isJson(req: IncomingMessage): boolean {
  return /\bjson\b/i.test(String(req.headers['content-type'] ?? ''));
}

export function createFrontServer(options: FrontOptions): { server: Server; violations: ViolationLog; agent: Agent } {
  const target = new URL(options.prismUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const violations: ViolationLog = { count: 0, recent: [] };
  const isOperation = pathMatcher(options.paths ?? loadSpecPaths(bundledSpecPath));

  const forward = async (req: IncomingMessage, res: ServerResponse, path: string, search: string | undefined) => {
    const read = await readBody(req);
    if (read.kind === 'failed') return res.destroy();
    if (read.kind === 'too-large')
      return sendEnvelope(res, 413, 'The request body is too large.', `The limit is ${maxBodyBytes} bytes.`, {
        connection: 'close',
      });
    if (!path.endsWith('/') && !isOperation(path) && isOperation(`${path}/`)) {
      // dbt Cloud's answer to a path without its trailing slash; relative, so it holds behind any host or proxy.
      res.writeHead(308, { location: `${path}/${search === undefined ? '' : `?${search}`}`, 'content-length': 0 });
      return res.end();
    }
    const body = read.body;
    if (body.length > 0 && isJson(req)) {
      try {
        JSON.parse(body.toString('utf8'));
      } catch (error) {
        return sendEnvelope(res, 400, invalidRequest, `JSON parse error: ${(error as Error).message}`);
      }
    }
    const nested = nestedArtifact.exec(path);
    const forwardPath = (nested ? nested[1] + nested[2]!.replaceAll('/', '%2F') : path) + (search ? `?${search}` : '');
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
    delete headers['transfer-encoding'];
    delete headers[baseUrlHeader];
    if (body.length > 0 || req.headers['content-length'] !== undefined || req.headers['transfer-encoding'])
      headers['content-length'] = String(body.length);
    const base = baseUrlOf(req);
    if (base) headers[baseUrlHeader] = base;
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: forwardPath, headers, agent },
      (answer) => relay(req, res, answer, violations),
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) sendEnvelope(res, 502, `The mock's Prism did not answer: ${error.message}`, null);
      else res.destroy();
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    if (rawUrl.startsWith('/__mock/')) {
      options.control(req, res, rawUrl.split('?')[0]!).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: (error as Error).message }));
      });
      return;
    }
    const [path = '/', search] = rawUrl.split(/\?(.*)/s, 2);
    if (!path.startsWith('/') || !decodable(path)) {
      req.resume();
      sendEnvelope(res, 400, invalidRequest, 'The path of the request is not a valid URL path.');
      return;
    }
    forward(req, res, path, search).catch((error: unknown) => {
      if (!res.headersSent) sendEnvelope(res, 500, 'An unexpected error occurred.', (error as Error).message);
      else res.destroy();
    });
  });
  return { server, violations, agent };
}

function relay(req: IncomingMessage, res: ServerResponse, answer: IncomingMessage, violations: ViolationLog): void {
  const status = answer.statusCode ?? 502;
  const type = String(answer.headers['content-type'] ?? '');
  if (!type.includes('problem+json')) {
    res.writeHead(status, answer.headers);
    answer.pipe(res);
    return;
  }
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let problem: Problem = {};
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // Not JSON after all: pass it on untouched.
    }
    if (problem.type?.endsWith('#VIOLATIONS')) {
      violations.count++;
      violations.recent.push({
        method: req.method ?? '',
        path: req.url ?? '',
        detail: problem.validation ?? problem.detail,
      });
      if (violations.recent.length > 100) violations.recent.shift();
    }
    const translated = translate(status, problem);
    const headers = { ...answer.headers };
    delete headers['content-length'];
    delete headers['content-type'];
    const body = translated?.body ?? text;
    res.writeHead(translated?.status ?? status, {
      ...headers,
      'content-type': translated ? 'application/json' : type,
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
}
