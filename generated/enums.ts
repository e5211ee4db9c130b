// GENERATED FILE: do not edit. Built by `npm run generate:types` from generated/openapi.yaml (x-enum-varnames).
// Edit the YAML under openapi/ and run `npm run generate`.
/** Named values of `components["schemas"]["EntityState"]`. */
export const EntityState = {
  /** Active */
  Active: 1,
  /** Deleted */
  Deleted: 2,
} as const;
export type EntityState = (typeof EntityState)[keyof typeof EntityState];

/** Named values of `components["schemas"]["InviteStatus"]`. */
export const InviteStatus = {
  /** Sent and not yet accepted. */
  Pending: 1,
  /** Accepted; the person is now a user of the account. */
  Redeemed: 2,
  /** No longer valid; a new invitation must be sent. */
  Expired: 3,
  /** Accepted, waiting for the person to confirm their email address. */
  PendingEmailVerification: 4,
  /** Email address confirmed through single sign-on. */
  EmailVerifiedSso: 5,
} as const;
export type InviteStatus = (typeof InviteStatus)[keyof typeof InviteStatus];

/** Named values of `components["schemas"]["NotificationType"]`. */
export const NotificationType = {
  /** Email to a dbt Cloud user of the account (`user_id`). */
  Email: 1,
  /** A message in a Slack channel (`slack_channel_id` and `slack_channel_name`). */
  Slack: 2,
  /** Retired; kept only so old settings can still be read. */
  Webhook: 3,
  /** Email to an address outside the account (`external_email`). */
  ExternalEmail: 4,
  /** A message in a Slack channel through the newer Slack integration. */
  SlackV2: 5,
} as const;
export type NotificationType = (typeof NotificationType)[keyof typeof NotificationType];

/** Named values of `components["schemas"]["ProjectType"]`. */
export const ProjectType = {
  /** Runs entirely in dbt Cloud. */
  Default: 0,
  /** Developed with dbt Core elsewhere and uploaded to dbt Cloud. */
  Hybrid: 1,
} as const;
export type ProjectType = (typeof ProjectType)[keyof typeof ProjectType];

/** Named values of `components["schemas"]["JobCompletionStatus"]`. */
export const JobCompletionStatus = {
  /** The run succeeded */
  Success: 10,
  /** The run failed */
  Error: 20,
  /** The run was cancelled */
  Cancelled: 30,
} as const;
export type JobCompletionStatus = (typeof JobCompletionStatus)[keyof typeof JobCompletionStatus];

/** Named values of `components["schemas"]["RunStatus"]`. */
export const RunStatus = {
  /** Waiting in the queue for a free run slot. */
  Queued: 1,
  /** Taken off the queue; the run pod is being prepared. */
  Starting: 2,
  /** The steps are executing. */
  Running: 3,
  /** Every step finished without error. */
  Success: 10,
  /** A step failed, or the run could not start. */
  Error: 20,
  /** Stopped by a person or through the API before it finished. */
  Cancelled: 30,
} as const;
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

/** Named values of `components["schemas"]["RunStepStatus"]`. */
export const RunStepStatus = {
  /** Not started yet. */
  Queued: 1,
  /** About to start. */
  Starting: 2,
  /** Executing. */
  Running: 3,
  /** Finished without error. */
  Success: 10,
  /** Failed. */
  Error: 20,
  /** Stopped because the run was cancelled. */
  Cancelled: 30,
} as const;
export type RunStepStatus = (typeof RunStepStatus)[keyof typeof RunStepStatus];

/** Named values of `components["schemas"]["AccountScopedTokenType"]`. */
export const AccountScopedTokenType = {
  /** Used by the dbt Cloud CLI. */
  CloudCli: 1,
  /** A general-purpose API token. */
  General: 2,
  /** Links a user to a native app. */
  NativeAppUserLink: 3,
  /** Used for SCIM provisioning. */
  Scim: 4,
} as const;
export type AccountScopedTokenType = (typeof AccountScopedTokenType)[keyof typeof AccountScopedTokenType];

/** Named values of `components["schemas"]["IpRestrictionRuleType"]`. */
export const IpRestrictionRuleType = {
  /** Requests from these ranges are allowed */
  Allow: 1,
  /** Requests from these ranges are refused */
  Deny: 2,
} as const;
export type IpRestrictionRuleType = (typeof IpRestrictionRuleType)[keyof typeof IpRestrictionRuleType];

/** Named values of `components["schemas"]["WebhookRunStatusCode"]`. */
export const WebhookRunStatusCode = {
  /** Running */
  Running: 3,
  /** Success */
  Success: 10,
  /** Error */
  Error: 20,
  /** Cancelled */
  Cancelled: 30,
} as const;
export type WebhookRunStatusCode = (typeof WebhookRunStatusCode)[keyof typeof WebhookRunStatusCode];
