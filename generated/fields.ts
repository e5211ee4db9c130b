// GENERATED FILE: do not edit. Built by `npm run generate:types` from generated/openapi.yaml (request body fields).
// Edit the YAML under openapi/ and run `npm run generate`.
/** Properties of `components["schemas"]["NotificationCreate"]`. */
export const NotificationCreateFields = ["account_id","user_id","type","external_email","slack_channel_id","slack_channel_name","on_success","on_failure","on_cancel","on_warning","state"] as const;
/** Properties of `components["schemas"]["ProjectCreate"]`. */
export const ProjectCreateFields = ["name","account_id","description","connection_id","repository_id","semantic_layer_config_id","dbt_project_subdirectory","docs_job_id","freshness_job_id","type","state"] as const;
/** Properties of `components["schemas"]["EnvironmentCreate"]`. */
export const EnvironmentCreateFields = ["name","project_id","account_id","type","deployment_type","connection_id","credentials_id","repository_id","extended_attributes_id","custom_branch","use_custom_branch","dbt_project_subdirectory","dbt_version","supports_docs","state"] as const;
/** Properties of `components["schemas"]["RepositoryCreate"]`. */
export const RepositoryCreateFields = ["remote_url","project_id","account_id","full_name","remote_backend","git_clone_strategy","github_installation_id","git_provider_id","repository_credentials_id","private_link_endpoint_id","pull_request_url_template","state"] as const;
/** Properties of `components["schemas"]["SshTunnelCreate"]`. */
export const SshTunnelCreateFields = ["account_id","connection_id","hostname","port","username","public_key","private_key","state"] as const;
/** Properties of `components["schemas"]["JobCreate"]`. */
export const JobCreateFields = ["account_id","project_id","environment_id","name","description","dbt_version","deferring_environment_id","deferring_job_definition_id","execute_steps","execution","generate_docs","generate_sources","run_generate_sources","job_type","lifecycle_webhooks","run_compare_changes","compare_changes_flags","run_lint","errors_on_lint_failure","cost_optimization_features","force_node_selection","settings","state","triggers_on_draft_pr","triggers","schedule","job_completion_trigger_condition"] as const;
/** Properties of `components["schemas"]["AccountScopedTokenCreate"]`. */
export const AccountScopedTokenCreateFields = ["name"] as const;
/** Properties of `components["schemas"]["GroupCreate"]`. */
export const GroupCreateFields = ["account_id","name","state","assign_by_default","sso_mapping_groups"] as const;
/** Properties of `components["schemas"]["LicenseMapCreate"]`. */
export const LicenseMapCreateFields = ["account_id","license_type","state","sso_license_mapping_groups"] as const;
/** Properties of `components["schemas"]["ServiceTokenCreate"]`. */
export const ServiceTokenCreateFields = ["name","permission_grants","metadata_only","webhooks_only"] as const;
/** Properties of `components["schemas"]["RepositoryV3Create"]`. */
export const RepositoryV3CreateFields = ["remote_url","account_id","project_id","full_name","remote_backend","git_clone_strategy","github_installation_id","gitlab_project_id","git_provider_id","azure_active_directory_project_id","azure_active_directory_repository_id","azure_bypass_webhook_registration_failure","repository_credentials_id","private_link_endpoint_id","state"] as const;
/** Properties of `components["schemas"]["ManagedRepositoryCreate"]`. */
export const ManagedRepositoryCreateFields = ["name"] as const;
/** Properties of `components["schemas"]["AdapterCreate"]`. */
export const AdapterCreateFields = ["adapter_version","metadata_json","account_id","project_id","created_by_id","created_by_service_token_id","state"] as const;
/** Properties of `components["schemas"]["EnvironmentV3Create"]`. */
export const EnvironmentV3CreateFields = ["account_id","project_id","name","type","deployment_type","connection_id","credentials_id","extended_attributes_id","primary_profile_id","dbt_version","use_custom_branch","custom_branch","supports_docs","enable_model_query_history","enable_dbt_state","state"] as const;
/** Properties of `components["schemas"]["EnvironmentVariableCreate"]`. */
export const EnvironmentVariableCreateFields = ["account_id","project_id","name","type","environment_id","job_definition_id","user_id","raw_value","display_value","state"] as const;
/** Properties of `components["schemas"]["EnvironmentVariableBulkCreate"]`. */
export const EnvironmentVariableBulkCreateFields = ["env_var"] as const;
/** Properties of `components["schemas"]["PrivateEndpointCreate"]`. */
export const PrivateEndpointCreateFields = ["name","type","private_link_endpoint","cidr_range"] as const;
/** Properties of `components["schemas"]["ExtendedAttributesCreate"]`. */
export const ExtendedAttributesCreateFields = ["extended_attributes"] as const;
/** Properties of `components["schemas"]["ProfileCreate"]`. */
export const ProfileCreateFields = ["account_id","project_id","key","connection_id","credentials_id","extended_attributes_id"] as const;
/** Properties of `components["schemas"]["WebhookSubscriptionCreate"]`. */
export const WebhookSubscriptionCreateFields = ["name","description","event_types","job_ids","client_url","active"] as const;
/** Properties of `components["schemas"]["IpRestrictionRuleCreate"]`. */
export const IpRestrictionRuleCreateFields = ["account_id","name","description","type","rule_set_enabled","cidrs"] as const;
/** Properties of `components["schemas"]["OAuthConfigurationCreate"]`. */
export const OAuthConfigurationCreateFields = ["account_id","type","name","extra_data","client_id","client_secret","authorize_url","token_url","redirect_uri"] as const;
/** Properties of `components["schemas"]["LineageIntegrationCreate"]`. */
export const LineageIntegrationCreateFields = ["name","account_id","project_id","config"] as const;
/** Properties of `components["schemas"]["ScimConfigCreate"]`. */
export const ScimConfigCreateFields = ["enabled","manual_updates_allowed","scim_controlled_license_type"] as const;
/** Properties of `components["schemas"]["ScimTokenCreate"]`. */
export const ScimTokenCreateFields = ["name"] as const;
/** Properties of `components["schemas"]["SemanticLayerServiceTokenMappingCreate"]`. */
export const SemanticLayerServiceTokenMappingCreateFields = ["account_id","project_id","semantic_layer_credentials_id","service_token_id","state"] as const;
/** Properties of `components["schemas"]["PlatformMetadataCredentialCreate"]`. */
export const PlatformMetadataCredentialCreateFields = ["connection_id","catalog_ingestion_enabled","cost_optimization_enabled","cost_insights_enabled","config"] as const;
