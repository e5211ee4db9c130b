// dbt-cloud-cli's `environment` group: list and get, project-scoped on the v3 API as that tool calls them.
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

const projectId = idOption('project-id', 'the project', 'DBT_CLOUD_PROJECT_ID');

const environmentList: CompatCommand = {
  name: 'list',
  summary: 'Print one page of a project’s environments.',
  options: [
    ...accountFlags,
    projectId,
    { name: 'limit', kind: 'int', min: 0, help: 'At most this many environments.' },
    { name: 'offset', kind: 'int', min: 0, help: 'Skip this many environments.' },
    { name: 'dbt-version', kind: 'text', help: 'Only environments on this dbt version, e.g. 1.7.0-latest.' },
    { name: 'state', kind: 'int', help: 'Only environments in this state (1 active, 2 deleted).' },
  ],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed, env } = invocation;
    const project = idFrom(parsed, 'project-id', env, 'DBT_CLOUD_PROJECT_ID');
    const query = dropUndefined({
      limit: parsed.int('limit'),
      offset: parsed.int('offset'),
      dbt_version: parsed.text('dbt-version'),
      state: parsed.int('state') as 1 | 2 | undefined,
    });
    const result = await dbt.api.GET('/api/v3/accounts/{account_id}/projects/{project_id}/environments/', {
      params: { path: { account_id: accountId, project_id: project }, query },
    });
    const url = `${dbt.baseUrl}/api/v3/accounts/${accountId}/projects/${project}/environments/`;
    return report(result, url, sinkFor(undefined));
  },
};

const environmentGet: CompatCommand = {
  name: 'get',
  summary: 'Print an environment.',
  options: [...accountFlags, projectId, idOption('environment-id', 'the environment', 'DBT_CLOUD_ENVIRONMENT_ID')],
  async run(invocation) {
    const { dbt, accountId } = connect(invocation, true);
    const { parsed, env } = invocation;
    const project = idFrom(parsed, 'project-id', env, 'DBT_CLOUD_PROJECT_ID');
    const id = idFrom(parsed, 'environment-id', env, 'DBT_CLOUD_ENVIRONMENT_ID');
    const result = await dbt.api.GET('/api/v3/accounts/{account_id}/projects/{project_id}/environments/{id}/', {
      params: { path: { account_id: accountId, project_id: project, id } },
    });
    const url = `${dbt.baseUrl}/api/v3/accounts/${accountId}/projects/${project}/environments/${id}/`;
    return report(result, url, sinkFor(undefined));
  },
};

export const environmentGroup: CompatGroup = {
  name: 'environment',
  summary: 'Environments: list, get.',
  commands: [environmentList, environmentGet],
  notImplemented: ['create', 'delete'],
};
