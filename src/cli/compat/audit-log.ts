// dbt-cloud-cli's `audit-log` group: get, one page of the account's audit log (v3).
import {
  accountFlags,
  connect,
  dropUndefined,
  report,
  sinkFor,
  type CompatCommand,
  type CompatGroup,
} from './shared.js';

const auditLogGet: CompatCommand = {
  name: 'get',
  summary: 'Print one page of the account’s audit log (Enterprise accounts).',
  options: [
    ...accountFlags,
    { name: 'logged-at-start', kind: 'text', help: 'Entries from this day on (YYYY-MM-DD).' },
    { name: 'logged-at-end', kind: 'text', help: 'Entries up to this day (YYYY-MM-DD).' },
    { name: 'offset', kind: 'int', min: 0, help: 'Skip this many entries.', shows: '0' },
    { name: 'limit', kind: 'int', min: 0, help: 'At most this many entries.', shows: '100' },
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed } = invocation;
    // The order dbt-cloud-cli sends them in; offset and limit always.
    const query = dropUndefined({
      logged_at_start: parsed.text('logged-at-start'),
      logged_at_end: parsed.text('logged-at-end'),
      offset: parsed.int('offset') ?? 0,
      limit: parsed.int('limit') ?? 100,
    });
    const result = await dbt.api.GET('/api/v3/accounts/{account_id}/audit-logs/', {
      params: { path: { account_id: accountId }, query },
    });
    return report(result, `${dbt.baseUrl}/api/v3/accounts/${accountId}/audit-logs/`, sinkFor(undefined));
  },
};

export const auditLogGroup: CompatGroup = {
  name: 'audit-log',
  summary: 'Audit logs: get.',
  commands: [auditLogGet],
};
