// A loopback HTTP proxy that sits between the client and an upstream (Prism or a scripted server) and breaks
// chosen requests the ways real networks, load balancers and overloaded APIs do. Everything it does not break it
// forwards unchanged: method, path and query, headers, body. It records every fault it injected.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const faultKinds = [
  'rate-limit-seconds', // 429, Retry-After in seconds
  'rate-limit-date', // 429, Retry-After as an HTTP date
  'status-500',
  'status-502',
  'status-503', // 503 without Retry-After
  'status-503-retry-after', // 503 with Retry-After (the server says: not done, come back)
  'status-504',
  'html-502', // what a load balancer sends: an HTML page
  'reset-before-response', // the request reaches the upstream, the client's connection is destroyed before any answer
  'reset-mid-body', // status, headers and half the JSON body, then the connection is destroyed
  'hang', // the request reaches the upstream, the client never gets an answer
  'truncated-json', // 200 with the full Content-Length, half the body, then the connection ends
  'truncated-json-no-length', // 200 without Content-Length (chunked), half the body, ended cleanly: invalid JSON
  'malformed-json', // 200 with a complete body that is not JSON
  'slow-headers', // status line and headers one byte at a time, then the upstream's body
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Faults after which the upstream has seen (and acted on) the request; the others never reach it. */
export const forwardedFaults: ReadonlySet<FaultKind> = new Set<FaultKind>([
  'reset-before-response',
  'reset-mid-body',
  'hang',
  'truncated-json',
  'truncated-json-no-length',
  'malformed-json',
  'slow-headers',
]);

export interface FaultRequest {
  method: string;
  /** Path and query string as received. */
  path: string;
  /** 1-based count of requests the proxy has received, all paths together. */
  count: number;
  /** 1-based count of requests with this method and path (query string ignored). */
  countForPath: number;
}

export type FaultRule = (request: FaultRequest) => FaultKind | undefined;

export interface FaultProxyOptions {
  upstream: string;
  /** Decides the fault for each request; undefined forwards it. Checked before `random`. */
  rule?: FaultRule;
  /** Faults a fraction of requests, chosen by a seeded PRNG so a run can be replayed. */
  random?: { rate: number; seed: number; faults?: readonly FaultKind[] };
  /** The Retry-After the 429 and 503 faults send, in seconds. Default 0. */
  retryAfterSeconds?: number;
  /** Pause between the bytes of a slow-headers answer, in ms. Default 1. */
  trickleDelayMs?: number;
  /** What "now" is for a Retry-After HTTP date. Default Date.now. */
  now?: () => number;
}

export interface InjectedFault {
  count: number;
  method: string;
  path: string;
  fault: FaultKind;
}

export interface FaultProxy {
  url: string;
  /** Every fault injected, in order. */
  injected: InjectedFault[];
  /** Requests received, faulted or not. */
  readonly received: number;
  /** Requests passed to the upstream (forwarded unchanged, or forwarded before a fault). */
  readonly forwarded: number;
  /** Injected faults by kind. */
  counts(): Partial<Record<FaultKind, number>>;
  close(): Promise<void>;
}

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const htmlBadGateway =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
]);

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function errorEnvelope(code: number, message: string) {
  return JSON.stringify({
    status: { code, is_success: false, user_message: message, developer_message: null },
    data: null,
  });
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const random = options.random ? mulberry32(options.random.seed) : undefined;
  const randomFaults = options.random?.faults ?? faultKinds;
  const retryAfter = options.retryAfterSeconds ?? 0;
  const trickleDelayMs = options.trickleDelayMs ?? 1;
  const now = options.now ?? Date.now;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const injected: InjectedFault[] = [];
  const perPath = new Map<string, number>();
  let received = 0;
  let forwarded = 0;
  let closed = false;

  const choose = (request: FaultRequest): FaultKind | undefined => {
    const ruled = options.rule?.(request);
    if (ruled) return ruled;
    if (random && random() < options.random!.rate) return randomFaults[Math.floor(random() * randomFaults.length)];
    return undefined;
  };

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Sends the request upstream, unchanged, and reads the whole answer. */
  const forward = (req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> =>
    new Promise((resolve, reject) => {
      forwarded++;
      const headers = { ...req.headers, host: upstream.host };
      const out = httpRequest(
        { agent, hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () =>
            resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }),
          );
          answer.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const passOn = (res: ServerResponse, answer: UpstreamAnswer) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
    }
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const rawHead = (status: number, headers: Record<string, string>) =>
    `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}\r\n` +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';

  const inject = async (fault: FaultKind, req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const socket = req.socket;
    const answer = forwardedFaults.has(fault) ? await forward(req, body) : undefined;
    if (closed || socket.destroyed) return;
    const retryHeaders = { 'Retry-After': String(retryAfter) };
    switch (fault) {
      case 'rate-limit-seconds':
        res.writeHead(429, { 'Content-Type': 'application/json', ...retryHeaders });
        return void res.end(errorEnvelope(429, 'Too many requests'));
      case 'rate-limit-date':
        res.writeHead(429, {
          'Content-Type': 'application/json',
          'Retry-After': new Date(now() + retryAfter * 1000).toUTCString(),
        });
        return void res.end(errorEnvelope(429, 'Too many requests'));
      case 'status-500':
      case 'status-502':
      case 'status-503':
      case 'status-504': {
        const status = Number(fault.slice(-3));
        res.writeHead(status, { 'Content-Type': 'application/json' });
        return void res.end(errorEnvelope(status, 'Something went wrong'));
      }
      case 'status-503-retry-after':
        res.writeHead(503, { 'Content-Type': 'application/json', ...retryHeaders });
        return void res.end(errorEnvelope(503, 'Down for maintenance'));
      case 'html-502':
        res.writeHead(502, {
          'Content-Type': 'text/html',
          'Content-Length': String(Buffer.byteLength(htmlBadGateway)),
        });
        return void res.end(htmlBadGateway);
      case 'reset-before-response':
        return void socket.destroy();
      case 'hang':
        return; // never answer; close() destroys the socket
      case 'reset-mid-body': {
        const full = answer!.body;
        socket.write(
          rawHead(answer!.status, { 'Content-Type': 'application/json', 'Content-Length': String(full.length) }),
        );
        socket.write(full.subarray(0, Math.floor(full.length / 2)));
        // Let the half body leave before the reset, so the client has started reading it.
        await delay(5);
        return void socket.destroy();
      }
      case 'truncated-json': {
        const full = answer!.body;
        socket.write(
          rawHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': String(full.length),
            Connection: 'close',
          }),
        );
        socket.write(full.subarray(0, Math.floor(full.length / 2)));
        return void socket.end();
      }
      case 'truncated-json-no-length': {
        const full = answer!.body;
        res.writeHead(200, { 'Content-Type': 'application/json' }); // chunked, properly terminated
        return void res.end(full.subarray(0, Math.floor(full.length / 2)));
      }
      case 'malformed-json': {
        const broken = '{"status": {"code": 200, "is_success": true}, "data": {"id": 1, "status": 10,,}';
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(broken)) });
        return void res.end(broken);
      }
      case 'slow-headers': {
        const { status, body: full } = answer!;
        const head = rawHead(status, {
          'Content-Type': 'application/json',
          'Content-Length': String(full.length),
          Connection: 'close',
        });
        for (const byte of Buffer.from(head)) {
          if (closed || socket.destroyed) return;
          socket.write(Buffer.of(byte));
          await delay(trickleDelayMs);
        }
        if (closed || socket.destroyed) return;
        socket.write(full);
        return void socket.end();
      }
    }
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return; // the client went away mid-request
    }
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const key = `${method} ${path.split('?')[0]}`;
    const countForPath = (perPath.get(key) ?? 0) + 1;
    perPath.set(key, countForPath);
    const count = ++received;
    const fault = choose({ method, path, count, countForPath });
    try {
      if (fault) {
        injected.push({ count, method, path, fault });
        await inject(fault, req, res, body);
      } else {
        const answer = await forward(req, body);
        if (!closed && !req.socket.destroyed) passOn(res, answer);
      }
    } catch (error) {
      // The upstream failed (or went away at close): answer plainly, as a proxy would.
      if (closed || req.socket.destroyed) return;
      if (!res.headersSent) {
        res.writeHead(599, { 'Content-Type': 'text/plain' });
        res.end(`fault proxy: upstream failed: ${(error as Error).message}`);
      } else req.socket.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    injected,
    get received() {
      return received;
    },
    get forwarded() {
      return forwarded;
    },
    counts() {
      const out: Partial<Record<FaultKind, number>> = {};
      for (const { fault } of injected) out[fault] = (out[fault] ?? 0) + 1;
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
