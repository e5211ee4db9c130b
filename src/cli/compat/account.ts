// dbt-cloud-cli's `account` group: list (every account the token reaches, v3) and get (one, v2).
import {
  accountFlags,
  connect,
  connectionFlags,
  report,
  sinkFor,
  type CompatCommand,
  type CompatGroup,
} from './shared.js';

const accountList: CompatCommand = {
  name: 'list',
  summary: 'Print the accounts the token can reach.',
  options: connectionFlags,
  async run(invocation) {
    const { dbt } = connect(invocation, false);
    const result = await dbt.api.GET('/api/v3/accounts/', {});
    return report(result, `${dbt.baseUrl}/api/v3/accounts/`, sinkFor(undefined));
  },
};

const accountGet: CompatCommand = {
  name: 'get',
  summary: 'Print an account.',
  options: accountFlags,
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const result = await dbt.api.GET('/api/v2/accounts/{account_id}/', {
      params: { path: { account_id: accountId } },
    });
    return report(result, `${dbt.baseUrl}/api/v2/accounts/${accountId}/`, sinkFor(undefined));
  },
};

export const accountGroup: CompatGroup = {
  name: 'account',
  summary: 'Accounts: list, get.',
  commands: [accountList, accountGet],
};
