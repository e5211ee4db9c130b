// dbt-cloud-cli's `project` group: list and get, on the v3 API as that tool calls them.
import {
  accountFlags,
  connect,
  dropUndefined,
  idFrom,
  idOption,
  report,
  sinkFor,
  type CompatCommand,
  type CompatGroup,
} from './shared.js';

const projectList: CompatCommand = {
  name: 'list',
  summary: 'Print one page of the account’s projects.',
  options: [
    ...accountFlags,
    { name: 'limit', kind: 'int', min: 0, help: 'At most this many projects.' },
    { name: 'offset', kind: 'int', min: 0, help: 'Skip this many projects.' },
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed } = invocation;
    const result = await dbt.api.GET('/api/v3/accounts/{account_id}/projects/', {
      params: {
        path: { account_id: accountId },
        query: dropUndefined({ limit: parsed.int('limit'), offset: parsed.int('offset') }),
      },
    });
    return report(result, `${dbt.baseUrl}/api/v3/accounts/${accountId}/projects/`, sinkFor(undefined));
  },
};

const projectGet: CompatCommand = {
  name: 'get',
  summary: 'Print a project.',
  options: [...accountFlags, idOption('project-id', 'the project', 'DBT_CLOUD_PROJECT_ID')],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const id = idFrom(invocation.parsed, 'project-id', invocation.env, 'DBT_CLOUD_PROJECT_ID');
    const result = await dbt.api.GET('/api/v3/accounts/{account_id}/projects/{id}/', {
      params: { path: { account_id: accountId, id } },
    });
    return report(result, `${dbt.baseUrl}/api/v3/accounts/${accountId}/projects/${id}/`, sinkFor(undefined));
  },
};

export const projectGroup: CompatGroup = {
  name: 'project',
  summary: 'Projects: list, get.',
  commands: [projectList, projectGet],
  notImplemented: ['create', 'delete', 'update'],
};
