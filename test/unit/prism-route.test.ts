// narrowRoute (src/mock/prism-route.ts) shows Prism's router fewer operations, and must not change what it answers:
// for the operations of the bundled spec with their parameters filled in, paths without their slash, paths the spec
// does not have, other methods, %-encoded and malformed segments and a named server, the narrowed router picks the
// same operation, or fails with the same error, as Prism's own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../src/mock/prism.js';
import { narrowRoute, type Route } from '../../src/mock/prism-route.js';

const prismRequire = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const httpRequire = createRequire(prismRequire.resolve('@stoplight/prism-http'));
const route = (httpRequire('@stoplight/prism-http/dist/router/index.js') as { default: Route }).default;

interface Operation {
  id: string;
  path: string;
  method: string;
  servers: Array<{ url: string }>;
}

// The spec's operations as Prism's router sees them (path, method, servers), read from the `paths:` keys of its text.
function specOperations(): Operation[] {
  const text = readFileSync(bundledSpecPath, 'utf8');
  const operations: Operation[] = [];
  let current: string | undefined;
  for (const line of text.slice(text.indexOf('\npaths:\n') + '\npaths:\n'.length).split('\n')) {
    if (/^\S/.test(line)) break; // the next top-level key
    const template = /^ {2}(\/\S*):$/.exec(line);
    if (template) current = template[1];
    const method = /^ {4}(get|post|put|patch|delete):$/.exec(line);
    if (method && current)
      operations.push({
        id: `${method[1]} ${current}`,
        path: current,
        method: method[1]!,
        servers: [{ url: 'https://cloud.getdbt.com' }],
      });
  }
  return operations;
}

const operations = specOperations();
const narrow = narrowRoute(route);

/** What a router answers: the operation it picked, or the kind of error. */
function outcome(router: Route, method: string, path: string, baseUrl?: string): string {
  const answer = router({ resources: operations, input: { method, url: { path, baseUrl } } } as never) as {
    _tag: 'Left' | 'Right';
    left?: { name?: string; message?: string };
    right?: Operation;
  };
  return answer._tag === 'Right' ? `picked ${answer.right!.id}` : `failed ${answer.left?.name ?? answer.left?.message}`;
}

describe('narrowRoute', () => {
  it('reads the operations of the bundled spec', () => {
    expect(operations.length).toBeGreaterThan(200);
    expect(operations.map((operation) => operation.id)).toContain('get /api/v2/accounts/{account_id}/runs/{id}/');
  });

  it("answers every request as Prism's router does", () => {
    const requests: Array<[string, string, string?]> = [];
    // Prism's own router takes milliseconds a request: every operation as the spec has it, and every fifth one in
    // each of the other forms.
    operations.forEach((operation, index) => {
      const filled = operation.path.replace(/\{[^}]+\}/g, '12345');
      requests.push([operation.method, filled]);
      if (index % 5 !== 0) return;
      requests.push(
        [operation.method === 'get' ? 'delete' : 'get', filled],
        ['put', filled],
        [operation.method, filled.replace(/\/$/, '')],
        [operation.method, `${filled}extra/`],
        [operation.method, filled.replace('12345', 'a%2Fb')],
        [operation.method, filled.replace('accounts', 'acc%6Funts')],
        [operation.method, filled.replace('12345', '%E0%A4%A')],
        [operation.method, filled, 'https://cloud.getdbt.com'],
        [operation.method, filled, 'https://elsewhere.example'],
      );
    });
    requests.push(['get', '/'], ['get', '/nothing/here/'], ['get', ''], ['post', '/api/v2/'], ['get', '//']);
    const differ = requests.filter(
      ([method, path, baseUrl]) => outcome(narrow, method, path, baseUrl) !== outcome(route, method, path, baseUrl),
    );
    expect(differ).toEqual([]);
    // The requests do reach both kinds of answer.
    const outcomes = new Set(requests.map(([method, path, baseUrl]) => outcome(narrow, method, path, baseUrl)));
    expect([...outcomes].some((text) => text.startsWith('picked'))).toBe(true);
    expect([...outcomes].some((text) => text.startsWith('failed'))).toBe(true);
  });
});
