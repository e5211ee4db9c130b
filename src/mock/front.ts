// The mock's front door, in front of Prism. It exists for three things Prism cannot do:
// - artifact paths with `/` (`compiled/x/models/a.sql`): Prism matches a path parameter against one segment only, so
//   the slashes of the artifact path are sent on as `%2F`; Prism then routes and validates the request, and the
//   engine decodes the path;
// - the control endpoints under `/__mock/`, which are not API operations;
// - Prism's own answers (422/401/404 as application/problem+json) become the API's error envelope, as the real API
//   and the engine answer; a response that breaks the spec (Prism's 500 `VIOLATIONS`) is passed on and counted.
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

const nestedArtifact = /^(\/api\/v2\/accounts\/[^/]+\/(?:runs|jobs)\/[^/]+\/artifacts\/)([^?]+\/[^?]*)$/;

export interface Violation {
  method: string;
  path: string;
  detail: unknown;
}

export interface FrontOptions {
  prismUrl: string;
  control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
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

/** Prism's problem+json in the API's own words, or undefined to pass it on as it is. */
function translate(status: number, problem: Problem): { status: number; body: string } | undefined {
  const kind = problem.type?.split('#')[1];
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
    return {
      status: 400,
      body: envelope(
        400,
        'The request was invalid. Please double check the provided data and try again.',
        developer,
        fields,
      ),
    };
  }
  if (status === 401) return { status: 401, body: envelope(401, 'Invalid token.', null, null) };
  if (status === 404 && kind === 'NO_PATH_MATCHED_ERROR')
    return {
      status: 404,
      body: envelope(404, 'The requested resource could not be found.', problem.detail ?? null, null),
    };
  return undefined;
}

export interface ViolationLog {
  count: number;
  /** The latest 100. */
  recent: Violation[];
}

export function createFrontServer(options: FrontOptions): { server: Server; violations: ViolationLog; agent: Agent } {
  const target = new URL(options.prismUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const violations: ViolationLog = { count: 0, recent: [] };

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
    const nested = nestedArtifact.exec(path);
    const forwardPath = (nested ? nested[1] + nested[2]!.replaceAll('/', '%2F') : path) + (search ? `?${search}` : '');
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: forwardPath,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => relay(req, res, answer, violations),
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(envelope(502, `The mock's Prism did not answer: ${error.message}`, null, null));
      } else res.destroy();
    });
    req.pipe(upstream);
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
