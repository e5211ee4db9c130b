// `dbt-cloud spec check` as a process, against local stand-ins for an account: exit 1 on drift, 0 when clean.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import type { ScriptedServer } from '../support/http-server.js';
import { startSpecAccount } from '../support/spec-account.js';

const token = 'dbtc_CLI_SPEC_SECRET_d4e5f6';
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Each run is a child process that compiles validators for most of the spec; a loaded machine needs the room.
const timeout = 120_000;
const env = (url: string) => ({ DBT_CLOUD_HOST: url, DBT_CLOUD_API_TOKEN: token, DBT_CLOUD_ACCOUNT_ID: '43786' });

describe('dbt-cloud spec check', () => {
  it(
    'exits 1 and prints a table of the differences when answers drift',
    async () => {
      server = await startSpecAccount({
        drift: {
          getRun: (body) => ({ ...body, data: { ...body.data, status: 'Success' } }),
        },
      });
      const result = await runCli(['spec', 'check'], env(server.url));
      expect(result.code).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^OPERATION\s+STATUS\s+PATH\s+EXPECTED\s+SEEN$/);
      expect(lines[1]).toMatch(
        /^GET \/api\/v2\/accounts\/\{account_id\}\/runs\/\{id\}\/\s+200\s+\$\.data\.status\s+one of 1 \| 2 \| 3 \| 10 \| 20 \| 30\s+string$/,
      );
      expect(lines.at(-1)).toMatch(
        /operations checked with \d+ GET requests, \d+ skipped: 1 difference from the spec$/,
      );
      expect(result.stderr).toContain('✗ GET /api/v2/accounts/{account_id}/runs/{id}/: 200, 1 difference');
      expect(new Set(server.requests.map((request) => request.method))).toEqual(new Set(['GET']));
      expect(result.stdout + result.stderr).not.toContain(token);
    },
    timeout,
  );

  it(
    'exits 0 when every answer matches, and --json prints the report alone',
    async () => {
      server = await startSpecAccount();
      const result = await runCli(['spec', 'check', '--json', '--max-requests', '20'], env(server.url));
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout);
      expect(report).toMatchObject({ ok: true, requests: 20, violations: [] });
      expect(server.requests).toHaveLength(20);
      expect(new Set(server.requests.map((request) => request.method))).toEqual(new Set(['GET']));
    },
    timeout,
  );

  it(
    'exits 5 when the token is rejected, and 4 without an account id',
    async () => {
      server = await startSpecAccount({ status: 401 });
      const rejected = await runCli(['spec', 'check'], env(server.url));
      expect(rejected.code).toBe(5);
      expect(rejected.stderr).toContain('AuthenticationError');
      expect(rejected.stderr).not.toContain(token);
      const noAccount = await runCli(['spec', 'check'], { DBT_CLOUD_HOST: server.url, DBT_CLOUD_API_TOKEN: token });
      expect(noAccount.code).toBe(4);
    },
    timeout,
  );
});
