// The public calls of real clients (dbt Labs' Terraform provider, dpguthrie/dbtc) that dbt Labs' published spec
// lacks: each is an operation of the bundled spec, or the spec's page (docs/spec.md) says why it was left out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../support/spec.js';

const spec = loadSpec();
const specPage = readFileSync(new URL('../../docs/spec.md', import.meta.url), 'utf8');

function operationAt(method: string, path: string): Record<string, any> | undefined {
  return spec.paths?.[path]?.[method.toLowerCase()];
}

// method, path as our spec writes it, operationId, and which client calls it (tf: Terraform provider, dbtc).
const added: [string, string, string, string][] = [
  ['GET', '/api/v2/accounts/{account_id}/users/{id}/', 'getAccountUserV2', 'tf, dbtc'],
  ['GET', '/api/v2/whoami/', 'getCurrentUser', 'tf'],
  ['GET', '/api/v2/constants/', 'getConstants', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/environments/', 'listAccountEnvironments', 'tf, dbtc'],
  ['DELETE', '/api/v3/accounts/{account_id}/environments/{id}/', 'deleteAccountEnvironment', 'dbtc'],
  [
    'GET',
    '/api/v3/accounts/{account_id}/environments/{environment_id}/model-notifications/',
    'getEnvironmentModelNotifications',
    'tf',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/environments/{environment_id}/model-notifications/',
    'updateEnvironmentModelNotifications',
    'tf',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/service-tokens/{service_token_id}/permissions/',
    'setServiceTokenPermissions',
    'tf, dbtc',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-configurations/',
    'createSemanticLayerConfiguration',
    'tf, dbtc',
  ],
  [
    'GET',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-configurations/{id}/',
    'getSemanticLayerConfiguration',
    'tf, dbtc',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-configurations/{id}/',
    'updateSemanticLayerConfiguration',
    'tf, dbtc',
  ],
  [
    'DELETE',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-configurations/{id}/',
    'deleteSemanticLayerConfiguration',
    'tf, dbtc',
  ],
  ['POST', '/api/v3/accounts/{account_id}/semantic-layer-credentials/', 'createSemanticLayerCredentials', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/semantic-layer-credentials/{id}/', 'getSemanticLayerCredentials', 'tf'],
  ['POST', '/api/v3/accounts/{account_id}/semantic-layer-credentials/{id}/', 'updateSemanticLayerCredentials', 'tf'],
  ['DELETE', '/api/v3/accounts/{account_id}/semantic-layer-credentials/{id}/', 'deleteSemanticLayerCredentials', 'tf'],
  [
    'POST',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-credentials/',
    'createProjectSemanticLayerCredentials',
    'dbtc',
  ],
  [
    'GET',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-credentials/{id}/',
    'getProjectSemanticLayerCredentials',
    'dbtc',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-credentials/{id}/',
    'updateProjectSemanticLayerCredentials',
    'dbtc',
  ],
  [
    'PATCH',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-credentials/{id}/',
    'patchProjectSemanticLayerCredentials',
    'dbtc',
  ],
  [
    'DELETE',
    '/api/v3/accounts/{account_id}/projects/{project_id}/semantic-layer-credentials/{id}/',
    'deleteProjectSemanticLayerCredentials',
    'dbtc',
  ],
  [
    'GET',
    '/api/v3/accounts/{account_id}/semantic-layer-credential-to-service-token-mapping/',
    'listSemanticLayerServiceTokenMappings',
    'tf',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/semantic-layer-credential-to-service-token-mapping/',
    'createSemanticLayerServiceTokenMapping',
    'tf',
  ],
  [
    'DELETE',
    '/api/v3/accounts/{account_id}/semantic-layer-credential-to-service-token-mapping/{id}/',
    'deleteSemanticLayerServiceTokenMapping',
    'tf',
  ],
  ['POST', '/api/v3/accounts/{account_id}/auth-provider/', 'createAuthProvider', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/auth-provider/{id}/', 'getAuthProvider', 'tf'],
  ['POST', '/api/v3/accounts/{account_id}/auth-provider/{id}/', 'updateAuthProvider', 'tf'],
  ['DELETE', '/api/v3/accounts/{account_id}/auth-provider/{id}/', 'deleteAuthProvider', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/azure-ad-applications/', 'listAzureADApplications', 'tf'],
  ['POST', '/api/v3/accounts/{account_id}/azure-ad-applications/', 'createAzureADApplication', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/azure-ad-applications/{id}/', 'getAzureADApplication', 'tf'],
  ['POST', '/api/v3/accounts/{account_id}/azure-ad-applications/{id}/', 'updateAzureADApplication', 'tf'],
  ['DELETE', '/api/v3/accounts/{account_id}/azure-ad-applications/{id}/', 'deleteAzureADApplication', 'tf'],
  ['GET', '/api/v3/integrations/azure-ad/projects/', 'listAzureDevOpsProjects', 'tf'],
  ['GET', '/api/v3/integrations/azure-ad/projects/{project_id}/repositories/', 'listAzureDevOpsRepositories', 'tf'],
  [
    'GET',
    '/api/v3/accounts/{account_id}/connections/{connection_id}/catalog-configs/',
    'getConnectionCatalogConfig',
    'tf',
  ],
  [
    'PATCH',
    '/api/v3/accounts/{account_id}/connections/{connection_id}/catalog-configs/',
    'updateConnectionCatalogConfig',
    'tf',
  ],
  ['POST', '/api/v3/accounts/{account_id}/connections/test/', 'testConnection', 'dbtc'],
  ['POST', '/api/v3/accounts/{account_id}/integrations/open-ai/', 'createOpenAIIntegration', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/integrations/open-ai/{id}/', 'getOpenAIIntegration', 'tf'],
  ['PATCH', '/api/v3/accounts/{account_id}/integrations/open-ai/{id}/', 'updateOpenAIIntegration', 'tf'],
  ['DELETE', '/api/v3/accounts/{account_id}/integrations/open-ai/{id}/', 'deleteOpenAIIntegration', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/platform-metadata-credentials/', 'listPlatformMetadataCredentials', 'tf'],
  ['POST', '/api/v3/accounts/{account_id}/platform-metadata-credentials/', 'createPlatformMetadataCredential', 'tf'],
  ['GET', '/api/v3/accounts/{account_id}/platform-metadata-credentials/{id}/', 'getPlatformMetadataCredential', 'tf'],
  [
    'PATCH',
    '/api/v3/accounts/{account_id}/platform-metadata-credentials/{id}/',
    'updatePlatformMetadataCredential',
    'tf',
  ],
  [
    'DELETE',
    '/api/v3/accounts/{account_id}/platform-metadata-credentials/{id}/',
    'deletePlatformMetadataCredential',
    'tf',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/platform-metadata-credentials/{id}/trigger-ingestion/',
    'triggerPlatformMetadataIngestion',
    'tf',
  ],
  [
    'POST',
    '/api/v3/accounts/{account_id}/projects/{project_id}/extended-attributes/{id}/',
    'replaceExtendedAttributes',
    'dbtc',
  ],
  ['GET', '/api/v3/accounts/{account_id}/feature-flag/', 'listAccountFeatureFlags', 'dbtc'],
  ['GET', '/api/v3/accounts/{account_id}/projects/{project_id}/runs/{run_id}/timing/', 'getRunTiming', 'dbtc'],
];

// Calls the clients make that we left out; the spec page's table names each (method, then the path).
const leftOut: [string, string][] = [
  ['GET', '/api/private/accounts/{id}/features/'],
  ['POST', '/api/private/accounts/{id}/notification-settings/'],
  ['GET', '/api/v2/accounts/{id}/runs/{run_id}/cancel/'],
  ['POST', '/api/v3/accounts/{id}/service-tokens/{id}/'],
  ['GET', '/api/v3/accounts/{id}/private-link-endpoints/'],
  ['POST', '/api/v3/accounts/{id}/projects/{project_id}/group-permissions/'],
];

describe('operations real clients call beyond dbt Labs’ published spec', () => {
  it.each(added)('%s %s is operation %s', (method, path, operationId) => {
    const operation = operationAt(method, path);
    expect(operation, `${method} ${path}`).toBeDefined();
    expect(operation!.operationId).toBe(operationId);
    expect(operation!.tags).toHaveLength(1);
    for (const status of ['400', '401', '403', '404', '429', '500'])
      expect(operation!.responses).toHaveProperty(status);
  });

  it.each(leftOut)('%s %s is left out, and docs/spec.md says why', (method, path) => {
    const ourPath = path.replace('/accounts/{id}/', '/accounts/{account_id}/');
    expect(operationAt(method, ourPath), `${method} ${ourPath} is in the spec`).toBeUndefined();
    const row = specPage.split('\n').find((line) => line.startsWith('|') && line.includes(`${path}\``));
    expect(row, `docs/spec.md row for ${path}`).toBeDefined();
    expect(row).toContain(method);
  });
});
