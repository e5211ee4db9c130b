// A dbt Cloud stand-in for `spec check` tests: every GET operation of the spec answers with the spec's own example
// (which matches the spec), except the operations given in `drift`, which answer what the test says.
import type { ServerResponse } from 'node:http';
import { sendJson, startServer, type ScriptedServer } from './http-server.js';
import { listOperations, loadSpec } from './spec.js';

type Body = Record<string, any>;

export interface SpecAccountOptions {
  /** operationId → a function turning the example body into the answer to send instead. */
  drift?: Record<string, (example: Body) => unknown>;
  /** Answer every request with this status and an error envelope. */
  status?: number;
}

let cachedRoutes: ReturnType<typeof buildRoutes> | undefined;

function buildRoutes() {
  return (
    listOperations(loadSpec())
      .filter((operation) => operation.method === 'get')
      .map((operation) => ({
        operation,
        pattern: new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (operation.path.match(/\{/g) ?? []).length,
      }))
      // A literal segment beats a parameter: `/environment-variables/job/` before `/{id}/`.
      .sort((a, b) => a.params - b.params)
  );
}

export function startSpecAccount(options: SpecAccountOptions = {}): Promise<ScriptedServer> {
  // Reading the spec takes seconds; every server of a test file shares one reading.
  const routes = (cachedRoutes ??= buildRoutes());
  const answer = (res: ServerResponse, status: number, mediaType: string, body: unknown) => {
    res.writeHead(status, { 'Content-Type': mediaType });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  return startServer(({ method, path }, res) => {
    if (options.status) {
      return sendJson(res, options.status, {
        status: { code: options.status, is_success: false, user_message: 'Invalid token.' },
        data: null,
      });
    }
    const route = method === 'GET' ? routes.find((candidate) => candidate.pattern.test(path)) : undefined;
    if (!route) {
      return sendJson(res, 404, { status: { code: 404, is_success: false, user_message: 'Not found.' }, data: null });
    }
    const { operation } = route;
    const example = structuredClone(operation.expectedBody) as Body;
    const drift = options.drift?.[operation.operationId];
    answer(
      res,
      operation.expectedStatus,
      operation.expectedMediaType ?? 'application/json',
      drift ? drift(example) : example,
    );
  });
}
