// `dbt-cloud doctor`: check the host, the token, the account and the latest run, one ✓ or ✗ each.
import type { Command } from 'commander';
import { DbtCloudError } from '../../index.js';
import { action, examples } from '../command.js';
import { exitCodes } from '../output.js';

export function registerDoctor(program: Command): void {
  examples(
    program.command('doctor').description('check the host, the token, the account and the latest run'),
    'DBT_CLOUD_API_TOKEN=... DBT_CLOUD_ACCOUNT_ID=43786 dbt-cloud doctor',
  ).action(
    action(async ({ out, client }) => {
      const dbt = client();
      const checks: Array<{ check: string; ok: boolean; detail: string }> = [];
      const record = (check: string, ok: boolean, detail: string) => {
        checks.push({ check, ok, detail });
        out.info(`${ok ? '✓' : '✗'} ${check}: ${detail}`);
      };
      const accounts = await dbt.api.GET('/api/v2/accounts/').catch((error: unknown) => error as Error);
      if (accounts instanceof Error) {
        record('host answers', false, `${dbt.baseUrl}: ${accounts.message}`);
      } else {
        record('host answers', true, `${dbt.baseUrl} answered ${accounts.response.status}`);
        const accepted = accounts.response.status !== 401 && accounts.response.status !== 403;
        record(
          'token accepted',
          accepted,
          accepted ? 'the API accepted the token' : `the API answered ${accounts.response.status}`,
        );
        if (accepted && dbt.accountId === undefined) {
          record('account visible', false, 'no account id: pass --account-id or set DBT_CLOUD_ACCOUNT_ID');
        } else if (accepted) {
          try {
            const { data } = await dbt.api.GET('/api/v2/accounts/{account_id}/', {
              params: { path: { account_id: dbt.accountId! } },
            });
            record(
              'account visible',
              Boolean(data),
              data ? `${data.data.name} (${data.data.id})` : `account ${dbt.accountId} not found`,
            );
            if (data) {
              const latest = await dbt.runs.latest();
              record(
                'latest run found',
                Boolean(latest),
                latest
                  ? `run ${latest.id}, ${latest.status_humanized}, ${latest.created_at}`
                  : 'the account has no runs',
              );
            }
          } catch (error) {
            record('account visible', false, error instanceof DbtCloudError ? error.message : String(error));
          }
        }
      }
      const ok = checks.length === 4 && checks.every((c) => c.ok);
      out.result({ ok, checks }, ok ? 'all checks passed' : 'some checks failed');
      return ok ? exitCodes.ok : exitCodes.api;
    }),
  );
}
