// Walks every operation of the bundled spec against Prism through openapi-fetch typed by the generated paths.
import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import type { paths } from '../../generated/schema.js';
import { listOperations, loadSpec } from '../support/spec.js';

const spec = loadSpec();
const operations = listOperations(spec);

// The walker sends paths as the spec's examples give them; the typed client takes any path of `paths`.
type AnyPath = keyof paths;

describe('every operation in generated/openapi.yaml answers with its example', () => {
  const client = createClient<paths>({
    baseUrl: inject('prismUrl'),
    headers: { Authorization: 'Token contract-test-token' },
  });

  it('finds the operations', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path} (${op.operationId})`, op] as const))(
    '%s',
    async (_name, op) => {
      const isJson = op.expectedMediaType?.includes('json') ?? true;
      const result = await (client.request as any)(op.method.toUpperCase(), op.path as AnyPath, {
        params: { path: op.pathParams, query: op.queryParams },
        body: op.body,
        parseAs: isJson ? 'json' : 'text',
      });
      const response: Response = result.response;
      const violations = response.headers.get('sl-violations');
      expect(response.status, `status (violations: ${violations})`).toBe(op.expectedStatus);
      expect(violations, 'Prism found the request invalid').toBeNull();
      if (op.expectedBody !== undefined) expect(result.data).toEqual(op.expectedBody);
    },
  );
});
