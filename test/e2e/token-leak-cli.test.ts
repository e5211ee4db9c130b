// The token never appears in the CLI's output, text or JSON, with --verbose, whether the call succeeds or fails, and
// whether the token comes from the environment or --token. Every test that reaches a server also checks the token
// really was sent, so a test cannot pass by never using it.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { sendJson, startServer, type ScriptedServer } from '../support/http-server.js';
import { errorBody, runBody } from '../support/scripted.js';

const token = 'dbtc_LEAKCHECK_7f3a9e';

const run = (status: number, id = 9001) => runBody(status, { id });

describe('the token never appears in CLI output', () => {
  const servers: ScriptedServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  const server = async (mode: 'ok' | 'unauthorized' | 'failed') => {
    const s = await startServer(({ method, path }, res) => {
      if (mode === 'unauthorized') return sendJson(res, 401, errorBody(401, 'Invalid token.'));
      const envelope = (data: unknown) => ({
        data,
        status: { code: 200, is_success: true, user_message: 'Success!', developer_message: '' },
      });
      if (method === 'POST' && path.endsWith('/run/')) return sendJson(res, 200, envelope(run(1)));
      if (path.startsWith('/api/v2/accounts/43786/runs/9001/'))
        return sendJson(res, 200, envelope(run(mode === 'failed' ? 20 : 10)));
      sendJson(res, 404, errorBody(404, 'not found'));
    });
    servers.push(s);
    return s;
  };

  const expectClean = (result: CliResult) => {
    expect(result.stdout, 'stdout').not.toContain(token);
    expect(result.stderr, 'stderr').not.toContain(token);
  };

  for (const json of [false, true]) {
    const flags = json ? ['--verbose', '--json'] : ['--verbose'];
    const label = flags.join(' ');

    it(`${label}: success (runs get), token from the environment`, async () => {
      const s = await server('ok');
      const result = await runCli(['runs', 'get', '9001', ...flags], {
        DBT_CLOUD_HOST: s.url,
        DBT_CLOUD_API_TOKEN: token,
        DBT_CLOUD_ACCOUNT_ID: '43786',
      });
      expect(result.code, result.stderr).toBe(0);
      expect(s.requests[0]!.headers.authorization).toBe(`Token ${token}`);
      if (!json) expect(result.stderr).toContain('dbt-cloud request');
      expectClean(result);
    });

    it(`${label}: failure (401), token from --token`, async () => {
      const s = await server('unauthorized');
      const result = await runCli(['runs', 'get', '9001', '--token', token, ...flags], {
        DBT_CLOUD_HOST: s.url,
        DBT_CLOUD_ACCOUNT_ID: '43786',
      });
      expect(result.code).toBe(5);
      expect(s.requests[0]!.headers.authorization).toBe(`Token ${token}`);
      expect(result.stderr).toContain('AuthenticationError');
      expectClean(result);
    });

    it(`${label}: failure (the run fails while waiting)`, async () => {
      const s = await server('failed');
      const result = await runCli(['run', '567183', '--wait', ...flags], {
        DBT_CLOUD_HOST: s.url,
        DBT_CLOUD_API_TOKEN: token,
        DBT_CLOUD_ACCOUNT_ID: '43786',
      });
      expect(result.code).toBe(1);
      expectClean(result);
    });

    it(`${label}: failure (connection refused)`, async () => {
      const s = await startServer((_req, res) => {
        res.end();
      });
      const url = s.url;
      await s.close();
      const result = await runCli(['runs', 'get', '9001', ...flags], {
        DBT_CLOUD_HOST: url,
        DBT_CLOUD_API_TOKEN: token,
        DBT_CLOUD_ACCOUNT_ID: '43786',
      });
      expect(result.code).toBe(5);
      expect(result.stderr).toContain('ConnectionError');
      expectClean(result);
    });

    it(`${label}: failure (a token with a line break, from --token)`, async () => {
      const result = await runCli(['runs', 'get', '9001', '--token', `${token}\n`, ...flags], {
        DBT_CLOUD_HOST: 'http://127.0.0.1:1',
        DBT_CLOUD_ACCOUNT_ID: '43786',
      });
      expect(result.code).toBe(4);
      // The CLI names its flag rather than the library's option: a usage error about --token.
      expect(result.stderr).toContain('UsageError');
      expect(result.stderr).toContain('--token');
      expectClean(result);
    });
  }
});
