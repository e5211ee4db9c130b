// GENERATED FILE: do not edit. Built by `npm run generate:types` from generated/openapi.yaml (openapi-typescript).
// Edit the YAML under openapi/ and run `npm run generate`.
export interface paths {
    "/api/v2/accounts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @deprecated
         * @description Lists the accounts the API key can see. Deprecated by dbt Labs in favour of the v3 accounts
         *     endpoint; it still answers.
         */
        get: operations["listAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * Get an account
         * @description Returns one account with its plan, seat counts and run limits. `include_related=groups` embeds
         *     the account's user groups.
         */
        get: operations["getAccount"];
        put?: never;
        /**
         * Update an account
         * @description Replaces the changeable fields of an account (its name and state).
         */
        post: operations["updateAccount"];
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Partly update an account
         * @description Changes only the fields sent; the others keep their values.
         */
        patch: operations["patchAccount"];
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/users/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List users of an account
         * @description Lists the people who belong to an account, each with the license they hold there. This
         *     endpoint declares no `limit` or `offset` parameters.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/users/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user.
                 * @example 96170
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a user
         * @description Returns one user with their sign-in connections and the license they hold in each account
         *     the key can see. The path carries no account id.
         */
        get: operations["getUser"];
        put?: never;
        /**
         * Update a user
         * @description Changes a user's first and last name. Both names are sent every time; other fields,
         *     such as the email address, cannot be changed here.
         */
        post: operations["updateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/invites/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List invitations
         * @description Lists the invitations sent to join an account, whatever their status. This endpoint
         *     declares no `limit` or `offset` parameters.
         */
        get: operations["listInvites"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/invites/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the invitation.
                 * @example 8831
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get an invitation
         * @description Returns one invitation with its license type, status and groups.
         */
        get: operations["getInvite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/licenses/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List license allocations
         * @description Reports, for each license type, how many seats the account has and how many are taken.
         *     This endpoint declares no `limit` or `offset` parameters.
         */
        get: operations["listLicenseAllocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/permissions/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the license (the `id` of an entry in a user's `permissions`), not of the user.
                 * @example 120443
                 */
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a user's license
         * @description Sets the license type of one user's license in the account, or deactivates the license
         *     by sending `state` 2.
         */
        post: operations["updateLicensePermissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List notification settings
         * @description Lists the notification settings of an account, active ones by default. Filters narrow the
         *     list to one recipient, one address, one Slack channel or one destination type.
         */
        get: operations["listNotifications"];
        put?: never;
        /**
         * Create a notification setting
         * @description Creates a notification setting that emails a user, emails an outside address or posts to
         *     a Slack channel when chosen jobs succeed, fail, warn or are cancelled.
         */
        post: operations["createNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/notifications/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the notification setting.
                 * @example 55012
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a notification setting
         * @description Returns one notification setting with its destination and the jobs that trigger it.
         */
        get: operations["getNotification"];
        put?: never;
        /**
         * Update a notification setting
         * @description Replaces a notification setting; send every required field again, not only the ones that
         *     change. Sending `state` 2 switches the setting off.
         */
        post: operations["updateNotification"];
        /**
         * Delete a notification setting
         * @description Deletes a notification setting; its jobs stop sending to that destination.
         */
        delete: operations["deleteNotification"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/unsubscribe/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unsubscribe from email notifications
         * @description Removes all email notification settings of the user making the request (the owner of a
         *     personal access token). The path names no account; the request has no body and the
         *     response is empty.
         */
        post: operations["unsubscribeFromNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/projects/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List projects
         * @deprecated
         * @description Lists the projects of an account, one page at a time. Deprecated by dbt Labs in favour of the
         *     v3 projects endpoint; it still answers.
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project
         * @deprecated
         * @description Creates a project in the account. Attach a repository and a connection afterwards, then
         *     create its environments. Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/projects/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a project
         * @deprecated
         * @description Returns one project with the ids of its repository, connection and docs and freshness jobs.
         *     Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        get: operations["getProject"];
        put?: never;
        /**
         * Update a project
         * @deprecated
         * @description Replaces the fields of a project with those sent; optional fields left out may be cleared.
         *     Setting `state` to `2` deletes it. Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        post: operations["updateProject"];
        /**
         * Delete a project
         * @deprecated
         * @description Deletes a project. The project is soft-deleted (state `2`) and can still be listed with
         *     `state=deleted`. Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/environments/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List environments
         * @deprecated
         * @description Lists the environments of an account, optionally for some projects or dbt versions only.
         *     Deprecated by dbt Labs in favour of the v3 environments endpoint; it still answers.
         */
        get: operations["listEnvironments"];
        put?: never;
        /**
         * Create an environment
         * @deprecated
         * @description Creates a development or deployment environment in a project. A project has at most one
         *     development environment. Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        post: operations["createEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/environments/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the environment.
                 * @example 218762
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get an environment
         * @deprecated
         * @description Returns one environment with its dbt version, branch and connection settings. Deprecated by
         *     dbt Labs in favour of the v3 endpoint.
         */
        get: operations["getEnvironment"];
        put?: never;
        /**
         * Update an environment
         * @deprecated
         * @description Replaces the fields of an environment with those sent; ids left out, such as `credentials_id`,
         *     are reset to null. Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        post: operations["updateEnvironment"];
        /**
         * Delete an environment
         * @deprecated
         * @description Deletes an environment; it is soft-deleted (state `2`). Deprecated by dbt Labs in favour of
         *     the v3 endpoint.
         */
        delete: operations["deleteEnvironment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/repositories/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List repositories
         * @deprecated
         * @description Lists the git repositories of an account, optionally for some projects or one remote URL only.
         *     Deprecated by dbt Labs in favour of the v3 repositories endpoint; it still answers.
         */
        get: operations["listRepositories"];
        put?: never;
        /**
         * Create a repository
         * @deprecated
         * @description Connects a git repository to a project. Then set the project's `repository_id` to the new id.
         *     Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        post: operations["createRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/repositories/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the repository.
                 * @example 184511
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a repository
         * @deprecated
         * @description Returns one repository with its remote URL and clone settings; ask for the deploy key with
         *     `include_related=deploy_key`. Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        get: operations["getRepository"];
        put?: never;
        post?: never;
        /**
         * Delete a repository
         * @deprecated
         * @description Deletes a repository; it is soft-deleted (state `2`). Projects that used it need a new one
         *     before they can run. Deprecated by dbt Labs in favour of the v3 endpoint.
         */
        delete: operations["deleteRepository"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/encryptions/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List SSH tunnels
         * @description Lists the SSH tunnels of an account, optionally for one warehouse connection only.
         */
        get: operations["listSshTunnels"];
        put?: never;
        /**
         * Create an SSH tunnel
         * @description Sends a warehouse connection through an SSH bastion host. Add the public key from the
         *     response to the bastion user's `authorized_keys`.
         */
        post: operations["createSshTunnel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/encryptions/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the SSH tunnel.
                 * @example 3311
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get an SSH tunnel
         * @description Returns one SSH tunnel with its bastion host, user and public key; the private key is never returned.
         */
        get: operations["getSshTunnel"];
        put?: never;
        /**
         * Update an SSH tunnel
         * @description Replaces the settings of an SSH tunnel with those sent, such as a new bastion host or port.
         *     Send a new key pair only to replace the current one.
         */
        post: operations["updateSshTunnel"];
        /**
         * Delete an SSH tunnel
         * @description Deletes an SSH tunnel; the connection then reaches the warehouse directly.
         */
        delete: operations["deleteSshTunnel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/jobs/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List jobs
         * @description Lists the job definitions of an account, optionally narrowed to one project or environment.
         *     Deleted jobs are left out unless `state` asks for them.
         */
        get: operations["listJobs"];
        put?: never;
        /**
         * Create a job
         * @description Creates a job definition in a deployment environment. The job runs when started through the
         *     API, and also on its schedule or on pull requests when those triggers are on.
         */
        post: operations["createJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/jobs/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job.
                 * @example 567183
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a job
         * @description Returns one job definition with its steps, triggers and schedule.
         */
        get: operations["getJob"];
        put?: never;
        /**
         * Update a job
         * @description Replaces a job definition. Send the whole job as `getJob` returns it, with your changes,
         *     rather than only the fields that change.
         */
        post: operations["updateJob"];
        /**
         * Delete a job
         * @description Deletes a job definition. The job is soft-deleted: `listJobs` still returns it when asked
         *     for `state=deleted`.
         */
        delete: operations["deleteJob"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/jobs/{job_id}/run/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job to run.
                 * @example 567183
                 */
                job_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trigger a job run
         * @description Queues a new run of the job, optionally with overrides that apply to this run only. The
         *     response is the queued run; follow it with `getRun` until it finishes.
         */
        post: operations["triggerJobRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/jobs/{job_id}/rerun/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job to rerun.
                 * @example 567183
                 */
                job_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rerun a job from the point of failure
         * @description Queues a run that picks up the job's last run where it failed, skipping the models that
         *     already succeeded. If the last run did not fail, a fresh full run is queued instead.
         */
        post: operations["rerunJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/runs/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List runs
         * @description Lists the runs of an account, newest or oldest first, optionally narrowed to a job, project,
         *     environment, status or time range. Poll this or `getRun` to follow runs you started.
         */
        get: operations["listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/runs/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run.
                 * @example 70403103
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a run
         * @description Returns one run with its status and timings. Ask for `run_steps` with `include_related` to
         *     get each step and its logs.
         */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/runs/{run_id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run to cancel.
                 * @example 70403107
                 */
                run_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a run
         * @description Stops a queued or running run. The response is the run, which now has status 30
         *     (Cancelled).
         */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/runs/{run_id}/retry/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the failed run.
                 * @example 70403104
                 */
                run_id: number;
            };
            cookie?: never;
        };
        /**
         * Get where a failed run stopped
         * @description Returns the step a failed run stopped at and the steps it skipped, which is what a retry
         *     would pick up from. Check the run's `can_retry` first.
         */
        get: operations["getRunFailureDetails"];
        put?: never;
        /**
         * Retry a failed run
         * @description Queues a new run that starts again from the point where the failed run stopped. Poll
         *     `getRun` with the new run's id to follow it.
         */
        post: operations["retryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/steps/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run step.
                 * @example 198800425
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a run step
         * @description Returns one step of a run with its status, timings and logs.
         */
        get: operations["getRunStep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run.
                 * @example 70403103
                 */
                run_id: number;
            };
            cookie?: never;
        };
        /**
         * List the artifacts of a run
         * @description Lists the paths of the files a run step wrote to its `target/` directory: dbt's JSON artifacts,
         *     compiled and run SQL, and other files. Each path can be fetched with `getRunArtifact`.
         */
        get: operations["listRunArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/runs/{run_id}/artifacts/{remainder}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run.
                 * @example 70403103
                 */
                run_id: number;
                /**
                 * @description Path of the artifact, relative to the run's `target/` directory, such as `run_results.json` or
                 *     `compiled/jaffle_shop/models/staging/stg_orders.sql`. The path may contain `/`; send it with raw
                 *     slashes, not percent-encoded.
                 * @example run_results.json
                 */
                remainder: components["parameters"]["ArtifactPath"];
            };
            cookie?: never;
        };
        /**
         * Get an artifact of a run
         * @description Downloads one file a run step produced, such as `run_results.json`, `manifest.json` or a
         *     compiled SQL file, from the last step unless `step` is given. The API returns JSON artifacts as
         *     the raw file (no envelope); other files come back as plain text.
         */
        get: operations["getRunArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/accounts/{account_id}/jobs/{job_id}/artifacts/{remainder}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job.
                 * @example 567183
                 */
                job_id: number;
                /**
                 * @description Path of the artifact, relative to the run's `target/` directory, such as `run_results.json` or
                 *     `compiled/jaffle_shop/models/staging/stg_orders.sql`. The path may contain `/`; send it with raw
                 *     slashes, not percent-encoded.
                 * @example run_results.json
                 */
                remainder: components["parameters"]["ArtifactPath"];
            };
            cookie?: never;
        };
        /**
         * Get an artifact of a job's latest run
         * @description Downloads one file from the most recent completed run of the job, without looking up the run
         *     id first. The API returns JSON artifacts as the raw file (no envelope); other files come back
         *     as plain text. Answers 404 when the job has no completed run with that file.
         */
        get: operations["getJobArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Where this page sits in the whole result. */
        Pagination: {
            /** @description How many items this page holds. */
            count: number;
            /** @description How many items match the request across all pages. */
            total_count: number;
        };
        /** @description Metadata of a list response. */
        ListExtra: {
            /** @description The filters the server applied, echoed back (includes `limit` and `offset`). */
            filters?: {
                [key: string]: unknown;
            };
            /** @description The ordering the server applied, such as `id` or `-finished_at`. */
            order_by?: string | null;
            pagination?: components["schemas"]["Pagination"];
        };
        /** @description Outcome of the request, sent with every response, successful or not. */
        ResponseStatus: {
            /**
             * @description The HTTP status code of this response, repeated in the body.
             * @example 200
             */
            code: number;
            /** @description True when the request did what was asked. */
            is_success: boolean;
            /** @description A message meant for people, such as `Success!` or why the request failed. */
            user_message?: string | null;
            /** @description Extra detail for whoever debugs the call; often empty. */
            developer_message?: string | null;
        };
        /** @description The wrapper around every list response. */
        ListEnvelope: {
            /** @description One page of objects. */
            data: unknown[];
            extra?: components["schemas"]["ListExtra"];
            status: components["schemas"]["ResponseStatus"];
        };
        /**
         * @description Lifecycle state of an object: `1` active, `2` deleted. Deleted objects are only listed when
         *     asked for with `state=2` or `state=all`.
         * @enum {integer}
         */
        EntityState: 1 | 2;
        /**
         * @description The billing plan of an account. New plan names appear over time.
         * @enum {string}
         */
        AccountPlan: "cancelled" | "cancelled_2022" | "cancelled_2025" | "developer" | "developer_2022" | "enterprise" | "enterprise_2025" | "enterprise_plus_2025" | "free" | "starter_2025" | "team" | "team_2022" | "team_annual" | "trial" | "trial_2022" | "trial_2025" | "usage_2026" | "usage_managed_2026";
        /**
         * @description Why an account was locked.
         * @enum {string}
         */
        AccountLockCause: "trial_expired" | "cancelled" | "unpaid";
        /**
         * @description A moment as the API writes it, `2021-12-07 10:32:24.326116+00:00` (a space between date and
         *     time); not strictly RFC 3339, so it carries no `format`.
         * @example 2024-03-18 09:14:02.518344+00:00
         */
        Timestamp: string;
        /**
         * @description A named bundle of permissions that a group grants, either on the whole account or on
         *     one project. New sets are added over time.
         * @enum {string}
         */
        UserPermissionSet: "account_admin" | "account_viewer" | "admin" | "analyst" | "analyst_read" | "billing_admin" | "cost_insights_admin" | "cost_insights_viewer" | "cost_management_admin" | "cost_management_viewer" | "database_admin" | "developer" | "fusion_admin" | "git_admin" | "job_admin" | "job_creator" | "job_runner" | "job_viewer" | "manage_marketplace_apps" | "member" | "metadata_only" | "notification_manager" | "owner" | "project_creator" | "readonly" | "scim_only" | "security_admin" | "semantic_layer_only" | "stakeholder" | "team_admin" | "webhooks_only";
        /** @description One permission set a group grants, on every project or on a single one. */
        UserLicenseGroupPermission: {
            /** @description Numeric id of the group permission. */
            readonly id?: number;
            /** @description The account the permission belongs to. */
            account_id: number;
            /** @description The group that grants the permission. */
            group_id: number;
            /** @description The one project the permission applies to; null when it covers all projects. */
            project_id?: number | null;
            /** @description True when the permission applies to every project of the account. */
            all_projects: boolean;
            permission_set: components["schemas"]["UserPermissionSet"];
            /** @description An older numeric level kept for compatibility; usually null. */
            permission_level?: number | null;
            state?: components["schemas"]["EntityState"];
            /**
             * @description The environment categories (such as `development`, `staging`, `production`) whose
             *     jobs and settings this permission may change.
             */
            writable_environment_categories?: string[];
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        /** @description A group of users in an account; its permissions pass to every member. */
        UserLicenseGroup: {
            /** @description Numeric id of the group. */
            readonly id: number;
            /** @description The account the group belongs to. */
            account_id: number;
            /** @description Display name of the group, such as `Owner` or `Member`. */
            name: string;
            state: components["schemas"]["EntityState"];
            /** @description True when every new user of the account joins this group. */
            assign_by_default: boolean;
            /** @description Identity-provider group names whose members are put in this group at sign-in. */
            sso_mapping_groups?: string[];
            /** @description The permissions the group grants. */
            group_permissions?: components["schemas"]["UserLicenseGroupPermission"][];
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        /** @description A dbt Cloud account and its plan limits. */
        Account: {
            /** @description Numeric id of the account. */
            readonly id: number;
            /** @description Display name of the account. */
            name: string;
            state: components["schemas"]["EntityState"];
            plan: components["schemas"]["AccountPlan"];
            /** @description An id that is unique across all dbt Cloud cells. */
            readonly identifier?: string | null;
            /** @description How many runs the account may execute at the same time. */
            readonly run_slots?: number;
            /** @description Developer licenses the account has bought. */
            readonly developer_seats?: number;
            /** @description Read-only licenses the account has bought. */
            readonly read_only_seats?: number;
            /** @description IT licenses the account has bought. */
            readonly it_seats?: number;
            /** @description Explorer licenses the account has bought. */
            readonly explorer_seats?: number;
            /** @description Analyst licenses the account has bought in advance. */
            readonly analyst_seats?: number;
            /** @description True while the account is locked and cannot run jobs. */
            readonly locked: boolean;
            /** @description Why the account is locked, in words. */
            readonly lock_reason?: string | null;
            /** @description Why the account is locked, as a code. */
            readonly lock_cause?: components["schemas"]["AccountLockCause"] | null;
            /** @description When the account was last unlocked. */
            readonly unlocked_at?: components["schemas"]["Timestamp"] | null;
            /** @description True when the account is due to be cancelled. */
            readonly pending_cancel?: boolean;
            /** @description Where billing notices are sent. */
            readonly billing_email_address?: string | null;
            /** @description Memory requested for each run pod, in MiB. */
            readonly pod_memory_request_mebibytes?: number;
            /** @description Memory requested for each IDE pod, in MiB. */
            readonly develop_pod_memory_request_mebibytes?: number;
            /** @description A run still going after this many seconds is stopped. */
            readonly run_duration_limit_seconds?: number;
            /** @description How many runs may wait in the queue at once. */
            readonly queue_limit?: number;
            /** @description The slug of the account's single sign-on login URL, where it has one. */
            readonly enterprise_login_slug?: string | null;
            /** @description True for accounts on the Business Critical tier. */
            readonly business_critical?: boolean;
            /** @description Repository new projects are initialised from, where one is set. */
            readonly starter_repo_url?: string | null;
            /** @description The scope of git authorisation the account uses. */
            readonly git_auth_level?: string | null;
            /** @description When the trial ends, for accounts on a trial. */
            readonly trial_end_date?: components["schemas"]["Timestamp"] | null;
            /** @description The account's fixed subdomain on a cell-based deployment. */
            readonly static_subdomain?: string | null;
            /** @description A custom subdomain chosen for the account. */
            readonly vanity_subdomain?: string | null;
            /** @description Runs are refused until this moment. */
            readonly run_locked_until?: components["schemas"]["Timestamp"] | null;
            /** @description dbt Copilot is switched off for the account until this moment. */
            readonly copilot_locked_until?: components["schemas"]["Timestamp"] | null;
            /** @description True when the account has used up its AI agent credits, so agent calls are refused. */
            readonly agent_credit_locked?: boolean;
            /** @description The user groups of the account; filled in only when asked for with `include_related=groups`. */
            readonly groups?: components["schemas"]["UserLicenseGroup"][];
            /**
             * @deprecated
             * @description No longer used.
             */
            readonly account_migration_events?: unknown[];
            /**
             * @deprecated
             * @description No longer used; set the docs job on the project instead.
             */
            docs_job_id?: number | null;
            /**
             * @deprecated
             * @description No longer used; set the freshness job on the project instead.
             */
            freshness_job_id?: number | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        AccountListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Account"][];
        };
        /** @description The body of an unsuccessful response. */
        ErrorEnvelope: {
            status: components["schemas"]["ResponseStatus"];
            /** @description Usually null; for validation failures, the fields that were rejected and why. */
            data?: null | {
                [key: string]: unknown;
            } | unknown[];
        };
        /** @description The wrapper around every single-object response. */
        Envelope: {
            /** @description The object asked for; its shape depends on the operation. */
            data: unknown;
            status: components["schemas"]["ResponseStatus"];
        };
        AccountEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Account"];
        };
        /** @description Fields of an account that can be changed. */
        AccountUpdate: {
            /** @description New display name. */
            name: string;
            state?: components["schemas"]["EntityState"];
        };
        /** @description Any subset of the changeable fields of an account. */
        AccountPatch: {
            /** @description New display name. */
            name?: string;
            state?: components["schemas"]["EntityState"];
        };
        /**
         * @description The kind of seat a user holds in an account: `developer` (full IDE and job access),
         *     `read_only` (view only), `analyst` or `it` (account administration without development).
         * @enum {string}
         */
        UserLicenseType: "developer" | "read_only" | "analyst" | "it";
        /** @description One permission a license resolves to, after its groups are combined. */
        UserPermissionStatement: {
            /** @description The permission, such as `jobs_read`, `runs_trigger` or `projects_write`. */
            permission: string;
            /** @description The id of the one object (usually a project) the permission is limited to. */
            target_resource?: number | null;
            /** @description True when the permission applies to every object of its kind. */
            all_resources: boolean;
        };
        /**
         * @description The seat a user holds in one account, with the groups that decide what the user may do
         *     there. A user has one such record per account they belong to.
         */
        UserLicense: {
            /** @description Numeric id of the license; this is the id the permissions endpoint takes. */
            readonly id: number;
            /** @description The account the license belongs to. */
            readonly account_id: number;
            /** @description The user who holds the license. */
            readonly user_id: number;
            license_type: components["schemas"]["UserLicenseType"];
            state: components["schemas"]["EntityState"];
            /** @description The groups the user belongs to in this account. */
            readonly groups?: components["schemas"]["UserLicenseGroup"][];
            /** @description The permissions the license grants, resolved from its groups. */
            readonly permission_statements?: components["schemas"]["UserPermissionStatement"][];
            /** @description True when the license is managed by SCIM provisioning and cannot be changed by hand. */
            readonly scim_managed?: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description A person with access to dbt Cloud, with the licenses they hold in each account. */
        User: {
            /** @description Numeric id of the user. */
            readonly id: number;
            /** @description Given name. */
            first_name: string;
            /** @description Family name. */
            last_name: string;
            /** @description The address the user signs in with. */
            readonly email: string;
            /** @description True when the user can sign in with email and password. */
            readonly email_connected?: boolean;
            /** @description True once the user has confirmed their email address. */
            readonly email_verified?: boolean;
            /** @description False when the user has been deactivated and cannot sign in. */
            readonly is_active: boolean;
            /** @description True for dbt Labs staff accounts. */
            readonly is_staff?: boolean;
            /** @description True when the user can only sign in through single sign-on. */
            readonly sso_only_user?: boolean;
            /** @description True when the user has signed in through the account's single sign-on provider. */
            readonly enterprise_connected?: boolean;
            /** @description The single sign-on method the user signs in with, such as `okta` or `azure_ad`. */
            readonly enterprise_authentication_method?: string | null;
            /** @description True when the user has linked a GitHub account. */
            readonly github_connected?: boolean;
            /** @description The linked GitHub login. */
            readonly github_username?: string | null;
            /** @description True when dbt Cloud could not refresh the user's GitHub token. */
            readonly github_token_retrieval_failure?: boolean;
            /** @description True when the user has linked a GitLab account. */
            readonly gitlab_connected?: boolean;
            /** @description The linked GitLab login. */
            readonly gitlab_username?: string | null;
            /** @description True when dbt Cloud could not refresh the user's GitLab token. */
            readonly gitlab_token_retrieval_failure?: boolean;
            /** @description True when the user has linked an Azure DevOps (Entra ID) account. */
            readonly azure_active_directory_connected?: boolean;
            /** @description The linked Azure DevOps user name. */
            readonly azure_active_directory_username?: string | null;
            /** @description True when dbt Cloud could not refresh the user's Azure DevOps token. */
            readonly azure_active_directory_token_retrieval_failure?: boolean;
            /** @description When one of the user's API tokens was last used. */
            readonly apitoken_last_used?: components["schemas"]["Timestamp"] | null;
            /** @description When the user last signed in. */
            readonly last_login?: components["schemas"]["Timestamp"] | null;
            created_at: components["schemas"]["Timestamp"];
            /** @description The user's license in each account the caller can see. */
            readonly permissions?: components["schemas"]["UserLicense"][];
            /** @description License details keyed by account id; the shape is not documented and may change. */
            readonly licenses?: {
                [key: string]: unknown;
            } | null;
            /** @description Sign-in provider details keyed by provider; the shape is not documented and may change. */
            readonly auth_provider_infos?: {
                [key: string]: unknown;
            } | null;
        };
        UserListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["User"][];
        };
        UserEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["User"];
        };
        /** @description The fields of a user that can be changed; both are sent every time. */
        UserUpdate: {
            /** @description New given name. */
            first_name: string;
            /** @description New family name. */
            last_name: string;
        };
        /**
         * @description Where an invitation stands: 1 Pending, 2 Redeemed, 3 Expired, 4 PendingEmailVerification,
         *     5 EmailVerifiedSso.
         * @enum {integer}
         */
        InviteStatus: 1 | 2 | 3 | 4 | 5;
        /**
         * @description How the invitation was made, `standard` (sent by a person) or `scim` (created by SCIM provisioning).
         * @enum {string}
         */
        InviteType: "standard" | "scim";
        /** @description An invitation for an email address to join an account with a given license. */
        Invite: {
            /** @description Numeric id of the invitation. */
            readonly id: number;
            /** @description The account the person is invited to. */
            readonly account_id: number;
            /** @description The address the invitation was sent to. */
            readonly email_address: string;
            license_type: components["schemas"]["UserLicenseType"];
            status: components["schemas"]["InviteStatus"];
            type?: components["schemas"]["InviteType"];
            /** @description The groups the person joins on accepting. */
            group_ids?: number[];
            /** @description When the invitation was accepted; null while it is not. */
            readonly redeemed_at?: components["schemas"]["Timestamp"] | null;
            created_at: components["schemas"]["Timestamp"];
            /** @description The account the person is invited to, when embedded. */
            readonly account?: components["schemas"]["Account"] | null;
            /** @description The groups named in `group_ids`, when embedded. */
            readonly groups?: components["schemas"]["UserLicenseGroup"][];
        };
        InviteListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Invite"][];
        };
        InviteEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Invite"];
        };
        /** @description How the seats of one license type are used in an account. */
        LicenseDetail: {
            /** @description True when the account has a fixed number of seats of this type. */
            limited: boolean;
            /** @description True when more seats are in use than the account has bought. */
            over_limit: boolean;
            /** @description Seats of this type the account has. */
            total: number;
            /** @description Seats of this type counted as taken. */
            in_use: number;
            /** @description Seats of this type still free to give out. */
            available: number;
            /** @description Seats of this type assigned to users. */
            assigned: number;
            /** @description True when the account is on an Enterprise plan. */
            enterprise_plan: boolean;
        };
        /** @description Seat usage for each license type of an account; a type the account does not use is left out. */
        LicenseAllocation: {
            developer?: components["schemas"]["LicenseDetail"];
            read_only?: components["schemas"]["LicenseDetail"];
            analyst?: components["schemas"]["LicenseDetail"];
            it?: components["schemas"]["LicenseDetail"];
            explorer?: components["schemas"]["LicenseDetail"];
        };
        LicenseAllocationListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["LicenseAllocation"][];
        };
        /** @description The license type and state to give a user's license. */
        LicensePermissionsUpdate: {
            license_type: components["schemas"]["UserLicenseType"];
            state: components["schemas"]["EntityState"];
        };
        LicensePermissionsEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["UserLicense"];
        };
        /**
         * @description Where a notification is delivered: 1 Email, 2 Slack, 3 Webhook, 4 ExternalEmail, 5 SlackV2.
         *     `3` is no longer in use; do not create new settings with it.
         * @enum {integer}
         */
        NotificationType: 1 | 2 | 3 | 4 | 5;
        /**
         * @description Ids of the jobs whose runs trigger the notification for this outcome; empty for none.
         * @example [
         *       567183,
         *       567185
         *     ]
         */
        NotificationJobIds: number[];
        /** @description The name of the user the notification belongs to. */
        NotificationUser: {
            /** @description Given name. */
            first_name: string;
            /** @description Family name. */
            last_name: string;
        };
        /**
         * @description One notification setting: a destination (a user's email, an outside address or a Slack
         *     channel) and, for each run outcome, the jobs that trigger it.
         */
        Notification: {
            /** @description Numeric id of the notification setting. */
            readonly id: number;
            /** @description The account the setting belongs to. */
            account_id: number;
            /**
             * @description For `type` 1, the user who receives the email; for the other types, the user who
             *     created the setting.
             */
            user_id: number;
            type: components["schemas"]["NotificationType"];
            /** @description The address emails go to, for `type` 4. */
            external_email?: string | null;
            /** @description The Slack id of the channel messages go to, for the Slack types. */
            slack_channel_id?: string | null;
            /** @description The name of that Slack channel, for the Slack types. */
            slack_channel_name?: string | null;
            /** @description Jobs whose successful runs trigger the notification. */
            on_success: components["schemas"]["NotificationJobIds"];
            /** @description Jobs whose failed runs trigger the notification. */
            on_failure: components["schemas"]["NotificationJobIds"];
            /** @description Jobs whose cancelled runs trigger the notification. */
            on_cancel: components["schemas"]["NotificationJobIds"];
            /** @description Jobs whose runs that end with warnings trigger the notification. */
            on_warning: components["schemas"]["NotificationJobIds"];
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The user named by `user_id`, when embedded. */
            readonly user?: components["schemas"]["NotificationUser"] | null;
        };
        NotificationListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Notification"][];
        };
        /**
         * @description A new notification setting. Type 1 needs `user_id` to be the recipient; type 4 needs
         *     `external_email`; the Slack types need `slack_channel_id` and `slack_channel_name`.
         */
        NotificationCreate: {
            /** @description The account the setting belongs to; the same as `account_id` in the path. */
            account_id: number;
            /**
             * @description For `type` 1, the user who receives the email; for the other types, the user
             *     recorded as the creator.
             */
            user_id: number;
            type: components["schemas"]["NotificationType"];
            /** @description The address to email, for `type` 4. */
            external_email?: string;
            /** @description The Slack id of the channel to post to, for the Slack types. */
            slack_channel_id?: string;
            /** @description The name of that Slack channel, for the Slack types. */
            slack_channel_name?: string;
            /** @description Jobs whose successful runs should notify. */
            on_success: components["schemas"]["NotificationJobIds"];
            /** @description Jobs whose failed runs should notify. */
            on_failure: components["schemas"]["NotificationJobIds"];
            /** @description Jobs whose cancelled runs should notify. */
            on_cancel: components["schemas"]["NotificationJobIds"];
            /** @description Jobs whose runs that end with warnings should notify. */
            on_warning: components["schemas"]["NotificationJobIds"];
            state: components["schemas"]["EntityState"];
        };
        NotificationEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Notification"];
        };
        /**
         * @description The whole notification setting, sent again with the same required fields as when it was
         *     created. Send `state` 2 to switch it off.
         */
        NotificationUpdate: components["schemas"]["NotificationCreate"];
        /**
         * @description How the project is run: 0 Default, 1 Hybrid.
         * @enum {integer}
         */
        ProjectType: 0 | 1;
        /**
         * @description The warehouse connection of a project or environment, sent only when asked for with
         *     `include_related=connection`. The settings under `details` depend on the warehouse.
         */
        ProjectConnection: {
            /** @description Numeric id of the connection. */
            readonly id: number;
            /** @description The account the connection belongs to. */
            account_id: number;
            /** @description The project the connection was made for; null for connections shared across the account. */
            project_id?: number | null;
            /** @description Display name of the connection. */
            name?: string | null;
            /**
             * @description The warehouse kind; most newer warehouses use `adapter`.
             * @enum {string}
             */
            type: "postgres" | "redshift" | "snowflake" | "bigquery" | "adapter";
            /** @description For `adapter` connections, which adapter and version the connection uses. */
            adapter_version?: string | null;
            /** @description The user who created the connection; null when a service token created it. */
            readonly created_by_id?: number | null;
            /** @description The service token that created the connection; null when a user created it. */
            readonly created_by_service_token_id?: number | null;
            /** @description The PrivateLink endpoint the connection goes through, if it uses one. */
            private_link_endpoint_id?: string | null;
            /**
             * @description The OAuth configuration tied to the connection. While one is set, developers can sign in to
             *     the warehouse with OAuth credentials.
             */
            oauth_configuration_id?: number | null;
            state: components["schemas"]["EntityState"];
            /** @description Warehouse-specific settings such as the account, database and warehouse names. */
            details?: {
                [key: string]: unknown;
            } | null;
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        /**
         * @description The git provider hosting the repository: `github`, `gitlab`, `ado` (Azure DevOps), `managed`
         *     (hosted by dbt Cloud) or `manual_config` (any other git URL). A wrong value can stop CI jobs
         *     from triggering.
         * @enum {string}
         */
        RepositoryRemoteBackend: "ado" | "github" | "managed" | "gitlab" | "manual_config";
        /**
         * @description How dbt Cloud authenticates when cloning: `deploy_key` (an SSH key dbt Cloud generates),
         *     `github_app`, `deploy_token` (GitLab), `azure_active_directory_app` (Azure DevOps) or `git_token`.
         * @enum {string}
         */
        RepositoryGitCloneStrategy: "azure_active_directory_app" | "deploy_key" | "deploy_token" | "github_app" | "git_token";
        /** @description The SSH key dbt Cloud clones with; add its public half to the git host as a deploy key. */
        RepositoryDeployKey: {
            /** @description Numeric id of the deploy key. */
            readonly id?: number;
            /** @description The account the key belongs to. */
            account_id: number;
            /** @description The public key in OpenSSH format. */
            public_key: string;
            /**
             * @deprecated
             * @description No longer meaningful; always active.
             */
            state?: components["schemas"]["EntityState"];
        };
        /** @description A git repository connected to a project. */
        Repository: {
            /** @description Numeric id of the repository. */
            readonly id: number;
            /** @description The account the repository belongs to. */
            account_id: number;
            /** @description The project the repository is connected to. */
            project_id?: number | null;
            /** @description The URL dbt Cloud clones from, such as `git@github.com:org/repo.git`. */
            remote_url: string;
            /** @description The `owner/name` of the repository on its git host; CI jobs and IDE branch links rely on it. */
            full_name?: string | null;
            remote_backend?: components["schemas"]["RepositoryRemoteBackend"] | null;
            git_clone_strategy?: components["schemas"]["RepositoryGitCloneStrategy"];
            /** @description The deploy key used by the `deploy_key` strategy. */
            deploy_key_id?: number | null;
            /** @description Stored credentials used by the `deploy_token` and `git_token` strategies. */
            repository_credentials_id?: number | null;
            /** @description The GitHub App installation used by the `github_app` strategy. */
            github_installation_id?: number | null;
            /** @description The GitHub webhook dbt Cloud registered for pull request builds. */
            github_webhook_id?: number | null;
            /** @description The git provider integration (such as an Azure DevOps organisation) the repository uses. */
            git_provider_id?: number | null;
            /** @description The PrivateLink endpoint dbt Cloud reaches the git host through, where one is used. */
            private_link_endpoint_id?: string | null;
            /**
             * @description URL used to open a pull request from the IDE, with `{{source}}` and `{{destination}}` standing
             *     for the branches.
             */
            pull_request_url_template?: string | null;
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The deploy key, when asked for with `include_related=deploy_key`. */
            readonly deploy_key?: components["schemas"]["RepositoryDeployKey"] | null;
        };
        /**
         * @description `development` for the IDE and Studio, `deployment` for jobs.
         * @enum {string}
         */
        EnvironmentType: "development" | "deployment";
        /**
         * @description The role of a deployment environment: `production` or `staging`, at most one of each per
         *     project. Null for development environments and general deployment environments.
         * @enum {string|null}
         */
        EnvironmentDeploymentType: "production" | "staging" | null;
        /**
         * @description The warehouse connection of an environment, sent only when asked for with
         *     `include_related=connection`. On top of the common connection fields, older host-based
         *     connections (Postgres, Redshift) also send their host settings at the top level.
         */
        EnvironmentConnection: components["schemas"]["ProjectConnection"] & {
            /** @description The project the connection was made for, under the older field name. */
            dbt_project_id?: number | null;
            /** @description Host name of the warehouse server, for host-based connections. */
            hostname?: string | null;
            /** @description Port of the warehouse server, for host-based connections. */
            port?: number | null;
            /** @description Database to connect to, for host-based connections. */
            dbname?: string | null;
            /** @description True when the connection goes through an SSH tunnel. */
            tunnel_enabled?: boolean | null;
        };
        /**
         * @description The dbt commands a run executes, in order. Each one starts with `dbt `.
         * @example [
         *       "dbt source freshness",
         *       "dbt build"
         *     ]
         */
        JobExecuteSteps: string[];
        /** @description Limits applied to each run of the job. */
        JobExecution: {
            /** @description A run still going after this many seconds is cancelled; `0` means no limit. */
            timeout_seconds: number;
        };
        /**
         * @description What a job is for: `scheduled` (deploy job on a schedule or started by hand), `ci` (runs on
         *     pull requests), `merge` (runs when a pull request is merged), `other`, `exposure_sync`,
         *     `adaptive` and `hybrid`. New kinds appear over time.
         * @enum {string}
         */
        JobType: "ci" | "scheduled" | "other" | "merge" | "exposure_sync" | "adaptive" | "hybrid";
        /**
         * @description An optional feature that makes runs cheaper: `state_aware_orchestration` (reuses unchanged
         *     models; needs the Fusion engine), `efficient_testing` (groups generic tests into fewer queries;
         *     needs Fusion) and `dbt_state` (state-aware orchestration without Fusion).
         * @enum {string}
         */
        JobCostOptimizationFeature: "state_aware_orchestration" | "efficient_testing" | "dbt_state";
        /** @description Settings passed to dbt for every run of the job. */
        JobSettings: {
            /** @description How many models dbt builds at the same time. */
            threads: number;
            /** @description The value of `target.name` inside the project's code. */
            target_name: string;
        };
        /** @description The events that start a run of the job, besides starting it through the API. */
        JobTriggers: {
            /** @description True to run when a pull request is opened or updated on GitHub (CI jobs). */
            github_webhook: boolean;
            /** @description True to run on the job's schedule. */
            schedule: boolean;
            /** @description True to run on pull requests from GitLab or Azure DevOps (CI jobs). */
            git_provider_webhook?: boolean | null;
            /** @description True to run when a pull request is merged into the environment's branch. */
            on_merge?: boolean | null;
            /**
             * @deprecated
             * @description No longer used.
             */
            custom_branch_only?: boolean | null;
        };
        /**
         * @description On which days a scheduled job runs: `every_day`, `days_of_week` (the days listed in `days`),
         *     `custom_cron` (the expression in `cron`) or `interval_cron`.
         * @enum {string}
         */
        JobScheduleDateType: "every_day" | "days_of_week" | "custom_cron" | "interval_cron";
        /** @description The day part of a job's schedule. */
        JobScheduleDate: {
            type: components["schemas"]["JobScheduleDateType"];
            /** @description Days of the week to run on, as in cron (0 is Sunday); used with `days_of_week`. */
            days?: number[] | null;
            /** @description A cron expression; used with `custom_cron` and `interval_cron`. */
            cron?: string | null;
        };
        /**
         * @description At what times of a run day a scheduled job runs: `every_hour` (every `interval` hours) or
         *     `at_exact_hours` (the UTC hours listed in `hours`).
         * @enum {string}
         */
        JobScheduleTimeType: "every_hour" | "at_exact_hours";
        /** @description The time part of a job's schedule. */
        JobScheduleTime: {
            type: components["schemas"]["JobScheduleTimeType"];
            /** @description Hours between runs; used with `every_hour`. */
            interval?: number | null;
            /** @description The hours (UTC) to run at; used with `at_exact_hours`. */
            hours?: number[] | null;
        };
        /**
         * @description When a job runs on its own. It only takes effect while `triggers.schedule` is true. `cron`
         *     holds the whole schedule as one cron expression (UTC).
         */
        JobSchedule: {
            /** @description The schedule as a cron expression, in UTC. */
            cron?: string | null;
            date: components["schemas"]["JobScheduleDate"];
            time: components["schemas"]["JobScheduleTime"];
        };
        /**
         * @description A final run status that can start a dependent job: 10 Success, 20 Error, 30 Cancelled.
         * @enum {integer}
         */
        JobCompletionStatus: 10 | 20 | 30;
        /** @description Starts this job whenever a run of another job ends in one of the listed statuses. */
        JobCompletionTriggerCondition: {
            condition: {
                /** @description The upstream job whose runs are watched. */
                job_id: number;
                /** @description The project of the upstream job. */
                project_id: number;
                /** @description The final statuses of the upstream run that start this job. */
                statuses: components["schemas"]["JobCompletionStatus"][];
            };
        };
        /** @description A dbt project, with the ids of its repository, connection and special jobs. */
        Project: {
            /** @description Numeric id of the project. */
            readonly id: number;
            /** @description The account the project belongs to. */
            account_id: number;
            /** @description Display name of the project. */
            name: string;
            /** @description Free text about what the project holds. */
            description?: string | null;
            /** @description The warehouse connection the project uses, once one is set. */
            connection_id?: number | null;
            /** @description The git repository the project uses, once one is set. */
            repository_id?: number | null;
            /** @description The Semantic Layer configuration of the project, where there is one. */
            semantic_layer_config_id?: number | null;
            state: components["schemas"]["EntityState"];
            /** @description Folder inside the repository that holds `dbt_project.yml`; null for the root. */
            dbt_project_subdirectory?: string | null;
            /** @description The job whose generated docs are shown for the project. */
            docs_job_id?: number | null;
            /** @description The job whose source freshness results are shown for the project. */
            freshness_job_id?: number | null;
            type?: components["schemas"]["ProjectType"];
            /**
             * @description The dbt version new environments of the project start with. Filled in when the project itself
             *     is fetched; null when the project is nested in another object.
             */
            readonly default_version?: string | null;
            /** @description Whether the project is ready for the dbt Fusion engine, as reported by dbt Cloud. */
            readonly fusion_readiness?: {
                [key: string]: unknown;
            } | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The connection, when asked for with `include_related=connection`. */
            readonly connection?: components["schemas"]["ProjectConnection"] | null;
            /** @description The repository, when asked for with `include_related=repository`. */
            readonly repository?: components["schemas"]["Repository"] | null;
            /** @description The environments of the project, where sent. */
            readonly environments?: components["schemas"]["Environment"][] | null;
            /** @description Group permissions on the project, when asked for with `include_related=group_permissions`. */
            readonly group_permissions?: components["schemas"]["ProjectGroupPermission"][] | null;
            /** @description The docs job, when asked for with `include_related=docs_job`. */
            readonly docs_job?: components["schemas"]["Job"] | null;
            /** @description The source freshness job, when asked for with `include_related=freshness_job`. */
            readonly freshness_job?: components["schemas"]["Job"] | null;
        };
        /** @description A development or deployment environment of a project. */
        Environment: {
            /** @description Numeric id of the environment. */
            readonly id: number;
            /** @description The account the environment belongs to. */
            account_id: number;
            /** @description The project the environment belongs to. */
            project_id: number;
            /** @description Display name of the environment. */
            name: string;
            type: components["schemas"]["EnvironmentType"];
            deployment_type?: components["schemas"]["EnvironmentDeploymentType"];
            /** @description The warehouse connection the environment uses. */
            connection_id?: number | null;
            /** @description The warehouse credentials jobs in the environment use; null for development environments. */
            credentials_id?: number | null;
            /** @description The repository the environment checks out; normally the project's repository. */
            repository_id?: number | null;
            /** @description Extra connection settings (extended attributes) layered on top of the connection. */
            extended_attributes_id?: number | null;
            /** @description The git branch to check out when `use_custom_branch` is true. */
            custom_branch?: string | null;
            /** @description True to check out `custom_branch` instead of the repository's default branch. */
            use_custom_branch: boolean;
            /** @description Folder inside the repository that holds `dbt_project.yml`, where it differs from the project's. */
            dbt_project_subdirectory?: string | null;
            /**
             * @description The dbt version runs use, such as `1.9.0-latest` or `latest`.
             * @example 1.9.0-latest
             */
            dbt_version?: string | null;
            /** @description The dbt version exactly as stored, before dbt Cloud resolves it. */
            readonly raw_dbt_version?: string | null;
            /** @description True when jobs in the environment can generate docs. */
            supports_docs: boolean;
            /** @description True when dbt Cloud collects the warehouse query history of the models built in the environment. */
            enable_model_query_history?: boolean;
            /** @description True when dbt Cloud keeps track of dbt state for the environment. */
            enable_dbt_state?: boolean;
            /** @description The main profile of the environment, where profiles are in use. */
            primary_profile_id?: number | null;
            /** @description The user who created the environment. */
            readonly created_by_id?: number | null;
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The repository, when asked for with `include_related=repository`. */
            readonly repository?: components["schemas"]["Repository"] | null;
            /** @description The connection, when asked for with `include_related=connection`. */
            readonly connection?: components["schemas"]["EnvironmentConnection"] | null;
            /** @description The jobs of the environment, where sent. */
            readonly jobs?: components["schemas"]["Job"][] | null;
            /** @description Environment variable values that apply to the environment, where sent. */
            readonly custom_environment_variables?: components["schemas"]["EnvironmentCustomVariable"][] | null;
        };
        /**
         * @description Where a run is in its life, as a number: 1 Queued, 2 Starting, 3 Running, 10 Success,
         *     20 Error, 30 Cancelled. 10, 20 and 30 are final.
         * @example 10
         * @enum {integer}
         */
        RunStatus: 1 | 2 | 3 | 10 | 20 | 30;
        /**
         * @description The run status as a word, matching the numeric `status`.
         * @enum {string}
         */
        RunStatusHumanized: "Queued" | "Starting" | "Running" | "Success" | "Error" | "Cancelled";
        /**
         * @description Why a run cannot be retried: `RETRY_UNSUPPORTED_CMD` (a step's command cannot be retried),
         *     `RETRY_UNSUPPORTED_VERSION` (the dbt version is too old), `RETRY_NOT_LATEST_RUN` (a newer run of
         *     the job exists), `RETRY_NOT_FAILED_RUN` (the run did not fail), `RETRY_NO_RUN_RESULTS` (the run
         *     left no run results to retry from).
         * @enum {string}
         */
        RunRetryNotSupportedReason: "RETRY_UNSUPPORTED_CMD" | "RETRY_UNSUPPORTED_VERSION" | "RETRY_NOT_LATEST_RUN" | "RETRY_NOT_FAILED_RUN" | "RETRY_NO_RUN_RESULTS";
        /** @description Deprecation warnings dbt raised during the run. */
        RunDeprecation: {
            /** @description How many deprecation warnings were raised. */
            count: number;
        };
        /**
         * @description What kind of event started the run: `api` (the trigger endpoint), `ci` (a pull request),
         *     `scheduled` (the job's schedule), `ui` (someone in the dbt Cloud app), `rerun` (a retry of an
         *     earlier run), `job completion` (another job finished), `merge` (a merged pull request),
         *     `exposures generated`, `adaptive` or `ingest`.
         * @enum {string}
         */
        RunTriggerCauseCategory: "api" | "ci" | "scheduled" | "ui" | "rerun" | "job completion" | "merge" | "exposures generated" | "adaptive" | "ingest";
        /** @description The request or event that started a run, with any overrides it set for this run only. */
        RunTrigger: {
            /** @description Numeric id of the trigger. */
            readonly id?: number;
            /** @description Free text saying why the run was started. */
            cause: string;
            /** @description The kind of event that started the run. */
            cause_category?: components["schemas"]["RunTriggerCauseCategory"] | null;
            /** @description Numeric id of the job that was run. */
            job_definition_id: number;
            /** @description Branch or tag checked out instead of the environment's default. */
            git_branch?: string | null;
            /** @description Commit checked out instead of the head of the branch. */
            git_sha?: string | null;
            /** @description Azure DevOps pull request that started a CI run. */
            azure_pull_request_id?: number | null;
            /** @description GitHub pull request that started a CI run. */
            github_pull_request_id?: number | null;
            /** @description GitLab merge request that started a CI run. */
            gitlab_merge_request_id?: number | null;
            /** @description Pull request number from a git provider without a native integration. */
            non_native_pull_request_id?: number | null;
            /** @description Schema the run built into instead of the environment's. */
            schema_override?: string | null;
            /** @description dbt version used instead of the environment's. */
            dbt_version_override?: string | null;
            /** @description Thread count used instead of the job's. */
            threads_override?: number | null;
            /** @description Value of `target.name` used instead of the job's. */
            target_name_override?: string | null;
            /** @description Whether docs were generated, overriding the job's setting. */
            generate_docs_override?: boolean | null;
            /** @description Timeout in seconds used instead of the job's. */
            timeout_seconds_override?: number | null;
            /** @description Commands run instead of the job's steps. */
            steps_override?: string[] | null;
            created_at?: components["schemas"]["Timestamp"];
        };
        /** @description A job definition, which says what commands to run, in which environment, and when. */
        Job: {
            /** @description Numeric id of the job. */
            readonly id: number;
            /** @description The account the job belongs to. */
            account_id: number;
            /** @description The project the job belongs to. */
            project_id: number;
            /** @description The deployment environment the job runs in. */
            environment_id: number;
            /** @description Display name of the job. */
            name: string;
            /** @description Free text about the job. */
            description?: string | null;
            /** @description The dbt version for this job's runs; null means the environment's version. */
            dbt_version?: string | null;
            /** @description The dbt version the job would run with, after resolving the environment's setting. */
            readonly raw_dbt_version?: string | null;
            /** @description Environment whose latest state the job defers to (for `state:` selectors). */
            deferring_environment_id?: number | null;
            /** @description Job whose latest run the job defers to. Older way of setting deferral. */
            deferring_job_definition_id?: number | null;
            execute_steps: components["schemas"]["JobExecuteSteps"];
            execution?: components["schemas"]["JobExecution"];
            /** @description True to run `dbt docs generate` at the end of each run. */
            generate_docs?: boolean;
            /** @description A second source freshness flag; the dbt Cloud UI sets `run_generate_sources`. */
            generate_sources?: boolean;
            /** @description True to run `dbt source freshness` as part of each run. */
            run_generate_sources?: boolean;
            /** @description True when other jobs can defer to this one. */
            readonly is_deferrable?: boolean;
            job_type?: components["schemas"]["JobType"];
            /** @description True to send run lifecycle events to the account's webhooks. */
            lifecycle_webhooks?: boolean;
            /** @description Where lifecycle events for this job are sent. */
            readonly lifecycle_webhooks_url?: string | null;
            /** @description True for CI jobs that compare changed models with production (advanced CI). */
            run_compare_changes?: boolean;
            /** @description The selection flags used when comparing changes, such as `--select state:modified`. */
            compare_changes_flags?: string | null;
            /** @description How many runs of the job in a row have failed. */
            readonly run_failure_count?: number;
            /** @description True to lint SQL in CI runs. */
            run_lint?: boolean;
            /** @description True to fail a CI run when linting finds problems. */
            errors_on_lint_failure?: boolean;
            /** @description The cost optimization features turned on for this job. */
            cost_optimization_features?: components["schemas"]["JobCostOptimizationFeature"][] | null;
            settings: components["schemas"]["JobSettings"];
            state: components["schemas"]["EntityState"];
            /** @description True to also run CI on draft pull requests. */
            triggers_on_draft_pr?: boolean;
            triggers: components["schemas"]["JobTriggers"];
            schedule?: components["schemas"]["JobSchedule"];
            /** @description The upstream job whose completion starts this one, where one is set. */
            job_completion_trigger_condition?: components["schemas"]["JobCompletionTriggerCondition"] | null;
            /** @description The schedule in words, such as `At 05:00 AM`. */
            readonly cron_humanized?: string | null;
            /** @description When the schedule next starts a run; null when the job is not scheduled. */
            readonly next_run?: components["schemas"]["Timestamp"] | null;
            /** @description The time until the next scheduled run, in words. */
            readonly next_run_humanized?: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The job's account, when included. */
            readonly account?: components["schemas"]["Account"] | null;
            /** @description The job's project, when included. */
            readonly project?: components["schemas"]["Project"] | null;
            /** @description The job's environment; sent when `include_related` asks for `environment`. */
            readonly environment?: components["schemas"]["Environment"] | null;
            /** @description The latest run of the job; sent when `include_related` asks for it. */
            readonly most_recent_run?: components["schemas"]["Run"] | null;
            /** @description The latest finished run of the job; sent when `include_related` asks for it. */
            readonly most_recent_completed_run?: components["schemas"]["Run"] | null;
            /** @description Whether the job can move to the Fusion engine; sent when `include_related` asks for it. */
            readonly fusion_readiness?: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * @description Where a run step is in its life, as a number: 1 Queued, 2 Starting, 3 Running, 10 Success,
         *     20 Error, 30 Cancelled.
         * @example 10
         * @enum {integer}
         */
        RunStepStatus: 1 | 2 | 3 | 10 | 20 | 30;
        /**
         * @description Where the step's logs are stored.
         * @enum {string}
         */
        RunStepLogLocation: "legacy" | "db" | "s3" | "empty";
        /**
         * @description How the step's logs were archived.
         * @enum {string}
         */
        RunStepLogArchiveType: "db_flushed" | "scribe";
        /** @description The dbt command a step ran. */
        RunStepCommand: {
            /** @description Numeric id of the step. */
            run_step_id: number;
            /** @description The command line, such as `dbt build`. */
            dbt_command: string;
        };
        /** @description Links a step to the run it belongs to. */
        RunStepInvocation: {
            /** @description Numeric id of the step. */
            run_step_id: number;
            /** @description Numeric id of the run. */
            run_id: number;
        };
        /** @description One step of a run, such as cloning the repository or one dbt command, with its logs. */
        RunStep: {
            /** @description Numeric id of the step. */
            readonly id: number;
            /** @description Numeric id of the run the step belongs to. */
            run_id: number;
            /** @description Numeric id of the account. */
            account_id: number;
            /** @description Position of the step in the run, starting at 1. */
            index: number;
            /** @description What the step does, such as ``Invoke dbt with `dbt build` ``. */
            name: string;
            status: components["schemas"]["RunStepStatus"];
            status_humanized?: components["schemas"]["RunStatusHumanized"];
            /** @description Hex colour the dbt Cloud app shows for the status. */
            status_color?: string | null;
            /** @description The step's console output. */
            logs?: string | null;
            /**
             * @description The step's debug log. Cut to its last 1,000 lines unless `debug_logs` is asked for with
             *     `include_related`.
             */
            debug_logs?: string | null;
            /** @description The end of the debug log. */
            readonly truncated_debug_logs?: string | null;
            log_location?: components["schemas"]["RunStepLogLocation"] | null;
            log_archive_type?: components["schemas"]["RunStepLogArchiveType"] | null;
            /** @description Storage path of the console log, where it has one. */
            log_path?: string | null;
            /** @description Storage path of the debug log, where it has one. */
            debug_log_path?: string | null;
            /** @description When the step began. */
            started_at?: components["schemas"]["Timestamp"] | null;
            /** @description When the step ended; null while it is still going. */
            finished_at?: components["schemas"]["Timestamp"] | null;
            /** @description How long the step took, as `HH:MM:SS`. */
            duration?: string | null;
            /** @description How long the step took, in words. */
            duration_humanized?: string | null;
            /** @description The dbt command of the step; null for steps that run no dbt command. */
            readonly run_step_command?: components["schemas"]["RunStepCommand"] | null;
            /** @description Links the step to its run. */
            readonly run_step_invocation?: components["schemas"]["RunStepInvocation"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description Who or what did something to a run. */
        RunAuditActor: {
            /** @description Id of the actor (a user or a token), as a string. */
            id?: string | null;
            /** @description The kind of actor, such as a user or a service token. */
            type?: string | null;
            /** @description Display name of the actor. */
            name?: string | null;
        };
        /** @description One audited action on a run. */
        RunAuditEvent: {
            actor?: components["schemas"]["RunAuditActor"] | null;
        };
        /** @description Who started the run and who cancelled it. */
        RunAudit: {
            trigger?: components["schemas"]["RunAuditEvent"] | null;
            cancellation?: components["schemas"]["RunAuditEvent"] | null;
        };
        /** @description One execution of a job, with its status, timings and (when asked for) its steps. */
        Run: {
            /** @description Numeric id of the run. */
            readonly id: number;
            /** @description Numeric id of the trigger that started the run. */
            trigger_id: number;
            /** @description Numeric id of the account. */
            account_id: number;
            /** @description Numeric id of the project. */
            project_id: number;
            /** @description Numeric id of the environment the run executed in. */
            environment_id: number;
            /** @description Numeric id of the job the run belongs to. */
            job_definition_id: number;
            /** @description The same value as `job_definition_id`. */
            job_id?: number;
            status: components["schemas"]["RunStatus"];
            status_humanized: components["schemas"]["RunStatusHumanized"];
            /** @description Why the run failed or stopped, in words; null for most runs. */
            status_message?: string | null;
            /** @description The dbt version the run used. */
            dbt_version?: string | null;
            /** @description The branch checked out for the run; null until the repository is cloned. */
            git_branch?: string | null;
            /** @description The commit checked out for the run; null until the repository is cloned. */
            git_sha?: string | null;
            /** @description Internal id of the worker that owns the run. */
            owner_thread_id?: string | null;
            /** @description Internal id of the worker that executed the run. */
            executed_by_thread_id?: string | null;
            /** @description Run whose artifacts this run deferred to, if any. */
            deferring_run_id?: number | null;
            /** @description The run this run retries, if it is a retry. */
            retrying_run_id?: number | null;
            /** @description Runs that must finish before this queued run can start. */
            blocked_by?: number[] | null;
            /** @description True once the run's artifacts have been stored. */
            artifacts_saved?: boolean;
            /** @description Where the run's artifacts are stored. */
            artifact_s3_path?: string | null;
            /** @description True when the run generated documentation. */
            has_docs_generated?: boolean;
            /** @description True when the run checked source freshness. */
            has_sources_generated?: boolean;
            /** @description True once the notifications for the run's outcome have been sent. */
            notifications_sent?: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description When the run was due to start. */
            should_start_at?: components["schemas"]["Timestamp"] | null;
            /** @description When a worker took the run off the queue. */
            dequeued_at?: components["schemas"]["Timestamp"] | null;
            /** @description When the run began executing. */
            started_at?: components["schemas"]["Timestamp"] | null;
            /** @description When the run ended; null while it is queued or going. */
            finished_at?: components["schemas"]["Timestamp"] | null;
            /** @description When the scheduler last checked the run. */
            last_checked_at?: components["schemas"]["Timestamp"] | null;
            /** @description When the worker last reported the run alive. */
            last_heartbeat_at?: components["schemas"]["Timestamp"] | null;
            /** @description True while the run is queued, starting or running. */
            in_progress?: boolean;
            /** @description True while the run is executing. */
            is_running?: boolean | null;
            /** @description True once the run has ended, whatever the outcome. */
            is_complete?: boolean;
            /** @description True when the run ended successfully. */
            is_success?: boolean;
            /** @description True when the run ended in error. */
            is_error?: boolean;
            /** @description True when the run was cancelled. */
            is_cancelled?: boolean;
            /** @description Time from creation to end (or to now), as `HH:MM:SS`. */
            duration?: string | null;
            /** @description Time spent in the queue, as `HH:MM:SS`. */
            queued_duration?: string | null;
            /** @description Time spent executing, as `HH:MM:SS`. */
            run_duration?: string | null;
            /** @description The total duration, in words. */
            duration_humanized?: string | null;
            /** @description The time in the queue, in words. */
            queued_duration_humanized?: string | null;
            /** @description The execution time, in words. */
            run_duration_humanized?: string | null;
            /** @description How long ago the run was created, in words. */
            created_at_humanized?: string | null;
            /** @description How long ago the run ended, in words. */
            finished_at_humanized?: string | null;
            /** @description True when the run can be retried from its point of failure. */
            can_retry?: boolean;
            /** @description Why the run cannot be retried; null when it can. */
            retry_not_supported_reason?: components["schemas"]["RunRetryNotSupportedReason"] | null;
            /** @description Link to the run in the dbt Cloud app. */
            href?: string;
            /** @description Deprecation warnings dbt raised during the run. */
            deprecation?: components["schemas"]["RunDeprecation"] | null;
            /** @description The trigger that started the run; sent with `include_related=trigger`. */
            trigger?: components["schemas"]["RunTrigger"] | null;
            /** @description The job of the run; sent only with `include_related=job`. */
            job?: components["schemas"]["Job"] | null;
            /** @description The environment of the run; sent only with `include_related=environment`. */
            environment?: components["schemas"]["Environment"] | null;
            /** @description The steps of the run in order; filled with `include_related=run_steps`. */
            run_steps?: components["schemas"]["RunStep"][];
            /** @description Whether the run restored the repository from cache; sent with `include_related=used_repo_cache`. */
            used_repo_cache?: boolean | null;
            /** @description Who started and cancelled the run; sent with `include_related=audit`. */
            audit?: components["schemas"]["RunAudit"] | null;
        };
        /**
         * @description The level an environment variable value is set at.
         * @enum {string}
         */
        EnvironmentCustomVariableScope: "project" | "environment" | "job" | "user";
        /** @description A value of a custom environment variable (`DBT_...`) that applies to the environment. */
        EnvironmentCustomVariable: {
            /** @description Numeric id of the value. */
            readonly id?: number;
            /** @description The account the variable belongs to. */
            account_id: number;
            /** @description The project the variable belongs to. */
            project_id: number;
            /** @description Name of the variable; starts with `DBT_`. */
            name: string;
            type: components["schemas"]["EnvironmentCustomVariableScope"];
            /** @description For a user-level value, the user it belongs to. */
            user_id?: number | null;
            /** @description For an environment-level value, the environment it belongs to. */
            environment_id?: number | null;
            /** @description For a job-level value, the job it belongs to. */
            job_definition_id?: number | null;
            /** @description The value as shown; secret values (`DBT_ENV_SECRET_...`) are masked. */
            display_value?: string | null;
            state?: components["schemas"]["EntityState"];
        };
        /** @description A permission a group holds on the project. */
        ProjectGroupPermission: {
            /** @description Numeric id of the permission. */
            id?: number;
            /** @description The account the permission belongs to. */
            account_id?: number;
            /** @description The group that holds the permission. */
            group_id?: number;
            /** @description The named set of rights granted, such as `developer` or `analyst`. */
            permission_set?: string;
            /** @description True when the permission applies to every project of the account. */
            all_projects?: boolean;
            /** @description The project the permission is limited to. */
            project_id?: number | null;
            /** @description A numeric level attached to the permission, where one is set. */
            permission_level?: number | null;
            /**
             * @description The kinds of environment the group may change under this permission, for permission sets
             *     whose write access can be limited by environment.
             */
            writable_environment_categories?: string[] | null;
            state?: components["schemas"]["EntityState"];
        } & {
            [key: string]: unknown;
        };
        ProjectListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Project"][];
        };
        /** @description The fields of a new project. Only the name is needed; the rest can be set later. */
        ProjectCreate: {
            /** @description Display name of the project. */
            name: string;
            /** @description The account of the project; if sent, it must match the path. */
            account_id?: number;
            /** @description Free text about what the project holds. */
            description?: string | null;
            /** @description The warehouse connection to use. */
            connection_id?: number | null;
            /** @description The git repository to use. */
            repository_id?: number | null;
            /** @description The Semantic Layer configuration to use. */
            semantic_layer_config_id?: number | null;
            /** @description Folder inside the repository that holds `dbt_project.yml`; leave out for the root. */
            dbt_project_subdirectory?: string | null;
            /** @description The job whose generated docs are shown for the project. */
            docs_job_id?: number | null;
            /** @description The job whose source freshness results are shown for the project. */
            freshness_job_id?: number | null;
            type?: components["schemas"]["ProjectType"];
            state?: components["schemas"]["EntityState"];
        };
        ProjectEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Project"];
        };
        /**
         * @description The new values of a project. The API replaces the project with what is sent, so send every
         *     field you want to keep (fetch the project first and change what you need).
         */
        ProjectUpdate: {
            /** @description Numeric id of the project; if sent, it must match the path. */
            id?: number;
            /** @description Display name of the project. */
            name: string;
            /** @description The account of the project; if sent, it must match the path. */
            account_id?: number;
            /** @description Free text about what the project holds. */
            description?: string | null;
            /** @description The warehouse connection to use. */
            connection_id?: number | null;
            /** @description The git repository to use. */
            repository_id?: number | null;
            /** @description The Semantic Layer configuration to use. */
            semantic_layer_config_id?: number | null;
            /** @description Folder inside the repository that holds `dbt_project.yml`; null for the root. */
            dbt_project_subdirectory?: string | null;
            /** @description The job whose generated docs are shown for the project. */
            docs_job_id?: number | null;
            /** @description The job whose source freshness results are shown for the project. */
            freshness_job_id?: number | null;
            type?: components["schemas"]["ProjectType"];
            state?: components["schemas"]["EntityState"];
        };
        EnvironmentListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Environment"][];
        };
        /** @description The fields of a new environment. */
        EnvironmentCreate: {
            /** @description Display name of the environment. */
            name: string;
            /** @description The project the environment belongs to. */
            project_id: number;
            /** @description The account of the environment; if sent, it must match the path. */
            account_id?: number;
            type: components["schemas"]["EnvironmentType"];
            deployment_type?: components["schemas"]["EnvironmentDeploymentType"];
            /** @description The warehouse connection to use. */
            connection_id?: number | null;
            /** @description The warehouse credentials jobs should use; deployment environments only. */
            credentials_id?: number | null;
            /** @description The repository to check out; normally the project's repository. */
            repository_id?: number | null;
            /** @description Extra connection settings to layer on top of the connection. */
            extended_attributes_id?: number | null;
            /** @description The git branch to check out when `use_custom_branch` is true. */
            custom_branch?: string | null;
            /**
             * @description True to check out `custom_branch` instead of the default branch.
             * @default false
             */
            use_custom_branch: boolean;
            /** @description Folder inside the repository that holds `dbt_project.yml`, where it differs from the project's. */
            dbt_project_subdirectory?: string | null;
            /** @description The dbt version runs should use, such as `1.9.0-latest` or `latest`. */
            dbt_version?: string;
            /**
             * @description True when jobs in the environment may generate docs.
             * @default false
             */
            supports_docs: boolean;
            state?: components["schemas"]["EntityState"];
        };
        EnvironmentEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Environment"];
        };
        /**
         * @description The new values of an environment. The API replaces the environment with what is sent: an id
         *     left out (such as `credentials_id` or `connection_id`) is reset to null, so send every field
         *     you want to keep.
         */
        EnvironmentUpdate: {
            /** @description Numeric id of the environment; if sent, it must match the path. */
            id?: number;
            /** @description Display name of the environment. */
            name: string;
            /** @description The project the environment belongs to. */
            project_id: number;
            /** @description The account of the environment; if sent, it must match the path. */
            account_id?: number;
            type: components["schemas"]["EnvironmentType"];
            deployment_type?: components["schemas"]["EnvironmentDeploymentType"];
            /** @description The warehouse connection to use. */
            connection_id?: number | null;
            /** @description The warehouse credentials jobs should use; deployment environments only. */
            credentials_id?: number | null;
            /** @description The repository to check out; normally the project's repository. */
            repository_id?: number | null;
            /** @description Extra connection settings to layer on top of the connection. */
            extended_attributes_id?: number | null;
            /** @description The git branch to check out when `use_custom_branch` is true. */
            custom_branch?: string | null;
            /** @description True to check out `custom_branch` instead of the default branch. */
            use_custom_branch?: boolean;
            /** @description Folder inside the repository that holds `dbt_project.yml`, where it differs from the project's. */
            dbt_project_subdirectory?: string | null;
            /** @description The dbt version runs should use, such as `1.9.0-latest` or `latest`. */
            dbt_version?: string;
            /** @description True when jobs in the environment may generate docs. */
            supports_docs?: boolean;
            state?: components["schemas"]["EntityState"];
        };
        RepositoryListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Repository"][];
        };
        /**
         * @description The fields of a new repository. With the `deploy_key` strategy dbt Cloud generates an SSH key
         *     pair; fetch the repository with `include_related=deploy_key` to read the public key.
         */
        RepositoryCreate: {
            /** @description The URL to clone from, such as `git@github.com:org/repo.git`. */
            remote_url: string;
            /** @description The project to connect the repository to. */
            project_id: number;
            /** @description The account of the repository; if sent, it must match the path. */
            account_id?: number;
            /** @description The `owner/name` of the repository on its git host. */
            full_name?: string;
            remote_backend?: components["schemas"]["RepositoryRemoteBackend"];
            git_clone_strategy?: components["schemas"]["RepositoryGitCloneStrategy"];
            /** @description The GitHub App installation to clone with; needed for the `github_app` strategy. */
            github_installation_id?: number;
            /** @description The git provider integration to use, for Azure DevOps repositories. */
            git_provider_id?: number;
            /** @description Stored credentials to clone with, for the `deploy_token` and `git_token` strategies. */
            repository_credentials_id?: number;
            /** @description The PrivateLink endpoint to reach the git host through. */
            private_link_endpoint_id?: string;
            /** @description URL to open a pull request from the IDE, with `{{source}}` and `{{destination}}` placeholders. */
            pull_request_url_template?: string;
            state?: components["schemas"]["EntityState"];
        };
        RepositoryEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Repository"];
        };
        /**
         * @description An SSH tunnel through a bastion host that a warehouse connection is reached through. The
         *     private key is never returned.
         */
        SshTunnel: {
            /** @description Numeric id of the SSH tunnel. */
            readonly id: number;
            /** @description The account the tunnel belongs to. */
            account_id: number;
            /** @description The warehouse connection whose traffic goes through the tunnel. */
            connection_id: number;
            /** @description Host name or address of the bastion host. */
            hostname: string;
            /** @description SSH port of the bastion host. */
            port: number;
            /** @description The user dbt Cloud logs in to the bastion host as. */
            username: string;
            /** @description The public key to add to the user's `authorized_keys` on the bastion host. */
            public_key?: string | null;
            state: components["schemas"]["EntityState"];
        };
        SshTunnelListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["SshTunnel"][];
        };
        /**
         * @description The fields of a new SSH tunnel. Leave both keys out to have dbt Cloud generate a key pair, then
         *     read the public key from the response.
         */
        SshTunnelCreate: {
            /** @description The account of the tunnel; if sent, it must match the path. */
            account_id?: number;
            /** @description The warehouse connection to send through the tunnel. */
            connection_id: number;
            /** @description Host name or address of the bastion host. */
            hostname: string;
            /** @description SSH port of the bastion host. */
            port: number;
            /** @description The user to log in to the bastion host as. */
            username: string;
            /** @description The public key of a key pair you supply. */
            public_key?: string;
            /** @description The private key of a key pair you supply. Stored encrypted and never returned. */
            private_key?: string;
            state?: components["schemas"]["EntityState"];
        };
        SshTunnelEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["SshTunnel"];
        };
        /**
         * @description The new values of an SSH tunnel. Send every field you want to keep; the keys may be left out
         *     to keep the current pair.
         */
        SshTunnelUpdate: {
            /** @description Numeric id of the tunnel; if sent, it must match the path. */
            id?: number;
            /** @description The account of the tunnel; if sent, it must match the path. */
            account_id?: number;
            /** @description The warehouse connection to send through the tunnel. */
            connection_id: number;
            /** @description Host name or address of the bastion host. */
            hostname: string;
            /** @description SSH port of the bastion host. */
            port: number;
            /** @description The user to log in to the bastion host as. */
            username: string;
            /** @description The public key of a replacement key pair. */
            public_key?: string;
            /** @description The private key of a replacement key pair. Stored encrypted and never returned. */
            private_key?: string;
            state?: components["schemas"]["EntityState"];
        };
        JobListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Job"][];
        };
        /** @description A new job. Fields left out take the API's defaults. */
        JobCreate: {
            /** @description The account to create the job in; must match the path. */
            account_id: number;
            /** @description The project the job belongs to. */
            project_id: number;
            /** @description The deployment environment the job runs in. */
            environment_id: number;
            /** @description Display name of the job. */
            name: string;
            /** @description Free text about the job. */
            description?: string | null;
            /** @description A dbt version for this job only; leave out or null to use the environment's. */
            dbt_version?: string | null;
            /** @description Environment to defer to. */
            deferring_environment_id?: number | null;
            /** @description Job to defer to. Older way of setting deferral. */
            deferring_job_definition_id?: number | null;
            execute_steps: components["schemas"]["JobExecuteSteps"];
            execution?: components["schemas"]["JobExecution"];
            /**
             * @description True to run `dbt docs generate` at the end of each run.
             * @default false
             */
            generate_docs: boolean;
            /**
             * @description A second source freshness flag; prefer `run_generate_sources`.
             * @default false
             */
            generate_sources: boolean;
            /**
             * @description True to run `dbt source freshness` as part of each run.
             * @default false
             */
            run_generate_sources: boolean;
            job_type?: components["schemas"]["JobType"];
            /**
             * @description True to send run lifecycle events to the account's webhooks.
             * @default false
             */
            lifecycle_webhooks: boolean;
            /**
             * @description True for CI jobs that compare changed models with production.
             * @default false
             */
            run_compare_changes: boolean;
            /**
             * @description The selection flags used when comparing changes.
             * @default --select state:modified
             */
            compare_changes_flags: string;
            /**
             * @description True to lint SQL in CI runs.
             * @default false
             */
            run_lint: boolean;
            /**
             * @description True to fail a CI run when linting finds problems.
             * @default true
             */
            errors_on_lint_failure: boolean;
            /** @description The cost optimization features to turn on. */
            cost_optimization_features?: components["schemas"]["JobCostOptimizationFeature"][];
            settings?: components["schemas"]["JobSettings"];
            state?: components["schemas"]["EntityState"];
            /**
             * @description True to also run CI on draft pull requests.
             * @default false
             */
            triggers_on_draft_pr: boolean;
            triggers?: components["schemas"]["JobTriggers"];
            schedule?: components["schemas"]["JobSchedule"];
            /** @description An upstream job whose completion starts this one; null for none. */
            job_completion_trigger_condition?: components["schemas"]["JobCompletionTriggerCondition"] | null;
        };
        JobEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Job"];
        };
        /**
         * @description The new definition of a job. Send the whole definition (as returned by `getJob`, with your
         *     changes) rather than only the changed fields.
         */
        JobUpdate: components["schemas"]["JobCreate"] & {
            /** @description The id of the job; when sent it must match the path. */
            id?: number;
        };
        /** @description Why a run is started, and settings that apply to this run only. */
        TriggerRunRequest: {
            /** @description Why the run was started; shown in the run history. */
            cause: string;
            /** @description A commit to check out instead of the head of the branch. */
            git_sha?: string;
            /** @description A branch to check out instead of the environment's branch. */
            git_branch?: string;
            /** @description The Azure DevOps pull request this run belongs to. */
            azure_pull_request_id?: number;
            /** @description The GitHub pull request this run belongs to. */
            github_pull_request_id?: number;
            /** @description The GitLab merge request this run belongs to. */
            gitlab_merge_request_id?: number;
            /** @description A pull request id from a git provider without a native integration. */
            non_native_pull_request_id?: number;
            /** @description A schema to build into instead of the target's schema. */
            schema_override?: string;
            /** @description A dbt version for this run only. */
            dbt_version_override?: string;
            /** @description A thread count for this run only. */
            threads_override?: number;
            /** @description A value of `target.name` for this run only. */
            target_name_override?: string;
            /** @description Whether this run generates docs, whatever the job says. */
            generate_docs_override?: boolean;
            /** @description A timeout in seconds for this run only; `0` means no limit. */
            timeout_seconds_override?: number;
            /** @description Commands to run instead of the job's steps, for this run only. */
            steps_override?: components["schemas"]["JobExecuteSteps"] | null;
        };
        RunEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Run"];
        };
        RunListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Run"][];
        };
        /** @description Where a failed run stopped, as used when retrying it. */
        RunFailureDetails: {
            /** @description The command of the step that failed. */
            failed_step?: string | null;
            /** @description Commands of the steps that did not run because of the failure. */
            skipped_steps?: string[];
        };
        RunFailureDetailsEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["RunFailureDetails"];
        };
        RunStepEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["RunStep"];
        };
        ArtifactListEnvelope: components["schemas"]["Envelope"] & {
            /** @description Paths of the files the run step produced, relative to `target/`. */
            data: string[];
        };
        /** @description Header of an artifact file, telling which dbt wrote it, when, and in which invocation. */
        ArtifactMetadata: {
            /**
             * @description URL of the JSON Schema this file follows; its last part is the artifact version.
             * @example https://schemas.getdbt.com/dbt/run-results/v6.json
             */
            dbt_schema_version: string;
            /**
             * @description Version of dbt that wrote the file.
             * @example 1.9.1
             */
            dbt_version: string;
            /**
             * Format: date-time
             * @description When dbt wrote the file.
             */
            generated_at: string;
            /** @description Id (a UUID) of the dbt command invocation that wrote the file. */
            invocation_id?: string | null;
            /**
             * Format: date-time
             * @description When that dbt invocation started. Written by recent dbt versions only.
             */
            invocation_started_at?: string | null;
            /**
             * @description Environment variables recorded in the file. dbt Cloud adds its `DBT_CLOUD_*` ids of the
             *     account, project, environment, job and run.
             */
            env?: {
                [key: string]: string;
            };
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Outcome of one node. Models, seeds and snapshots end as `success`, `error`, `skipped`,
         *     `partial success` (microbatch models with some failed batches) or `no-op`; tests as `pass`,
         *     `fail`, `warn`, `error` or `skipped`; source freshness checks as `pass`, `warn`, `error` or
         *     `runtime error`.
         * @enum {string}
         */
        RunResultStatus: "success" | "error" | "skipped" | "partial success" | "no-op" | "pass" | "fail" | "warn" | "runtime error";
        /** @description Start and end of one phase (`compile` or `execute`) of a node or source check. */
        ArtifactTiming: {
            /**
             * @description The phase, usually `compile` or `execute`.
             * @example execute
             */
            name: string;
            /**
             * Format: date-time
             * @description When the phase started.
             */
            started_at?: string | null;
            /**
             * Format: date-time
             * @description When the phase ended.
             */
            completed_at?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description What the warehouse answered to the last query of a node. The keys depend on the adapter; the
         *     ones below are common.
         */
        ArtifactAdapterResponse: {
            /** @description The adapter's one-line summary, such as `SUCCESS 1`. */
            _message?: string;
            /** @description The status code the warehouse returned, such as `SUCCESS`. */
            code?: string;
            /** @description How many rows the query changed, as the warehouse reports it. */
            rows_affected?: number;
            /** @description The warehouse's id of the query. */
            query_id?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Start and end of one batch window. */
        RunResultBatchWindow: string[];
        /** @description For microbatch models, the time windows that succeeded and failed. */
        RunResultBatchResults: {
            /** @description Batches that succeeded, each a `[start, end]` pair of timestamps. */
            successful?: components["schemas"]["RunResultBatchWindow"][];
            /** @description Batches that failed, each a `[start, end]` pair of timestamps. */
            failed?: components["schemas"]["RunResultBatchWindow"][];
        } & {
            [key: string]: unknown;
        };
        /** @description The result of running one node (model, test, seed, snapshot...). */
        RunResultItem: {
            /** @description Id of the node in the manifest, such as `model.jaffle_shop.orders`. */
            unique_id: string;
            status: components["schemas"]["RunResultStatus"];
            /** @description The phases of the node, with their start and end. */
            timing: components["schemas"]["ArtifactTiming"][];
            /** @description The dbt worker thread that ran the node, such as `Thread-1`. */
            thread_id: string;
            /** @description Seconds the node took. */
            execution_time: number;
            adapter_response: components["schemas"]["ArtifactAdapterResponse"];
            /** @description Short outcome message, or the error text when the node failed. */
            message: string | null;
            /** @description For tests, how many rows failed; null for other nodes. */
            failures: number | null;
            /** @description True when the node's code was compiled. */
            compiled: boolean | null;
            /** @description The SQL (or Python) dbt sent to the warehouse. */
            compiled_code: string | null;
            /** @description The fully qualified name of the relation the node built; null for tests. */
            relation_name: string | null;
            /** @description Per-batch outcome of a microbatch model; absent or null otherwise. */
            batch_results?: components["schemas"]["RunResultBatchResults"] | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The flags and options the dbt command ran with. The keys change between dbt versions; the ones
         *     below are common.
         */
        RunResultArgs: {
            /** @description The dbt subcommand, such as `build` or `run`. */
            which?: string;
            /** @description The command line as typed. */
            invocation_command?: string;
            /** @description The `--select` criteria. */
            select?: string[];
            /** @description The `--exclude` criteria. */
            exclude?: string[];
            /** @description Name of the dbt target used. */
            target?: string | null;
            /** @description How many threads dbt used. */
            threads?: number;
            /** @description True when the command ran with `--full-refresh`. */
            full_refresh?: boolean;
            /** @description Variables passed with `--vars`. */
            vars?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The content of `run_results.json` (schema version 6): the outcome and timing of every node a
         *     `dbt run`, `build`, `test`, `seed` or `snapshot` step handled.
         */
        RunResultsArtifact: {
            metadata: components["schemas"]["ArtifactMetadata"];
            /** @description One entry per node the step handled. */
            results: components["schemas"]["RunResultItem"][];
            /** @description Seconds the whole dbt command took. */
            elapsed_time: number;
            args?: components["schemas"]["RunResultArgs"];
        } & {
            [key: string]: unknown;
        };
        /** @description Whether each part of relation names is quoted. */
        ManifestQuoting: {
            /** @description Quote database names. */
            database?: boolean | null;
            /** @description Quote schema names. */
            schema?: boolean | null;
            /** @description Quote relation names. */
            identifier?: boolean | null;
            /** @description Quote column names. */
            column?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The manifest's header, with details of the project and adapter on top of the common ones. */
        ManifestMetadata: components["schemas"]["ArtifactMetadata"] & ({
            /** @description Name of the root dbt project. */
            project_name?: string | null;
            /** @description A hash of the project name. */
            project_id?: string | null;
            /**
             * Format: uuid
             * @description Anonymous id of the user who ran dbt.
             */
            user_id?: string | null;
            /** @description Whether dbt sends anonymous usage statistics. */
            send_anonymous_usage_stats?: boolean | null;
            /** @description The warehouse adapter, such as `snowflake`. */
            adapter_type?: string | null;
            /** @description The project's quoting settings. */
            quoting?: components["schemas"]["ManifestQuoting"] | null;
            /**
             * Format: date-time
             * @description When the dbt command started.
             */
            run_started_at?: string | null;
        } & {
            [key: string]: unknown;
        });
        /**
         * @description The kinds of resource found under `nodes` in the manifest.
         * @enum {string}
         */
        ManifestNodeResourceType: "model" | "analysis" | "test" | "snapshot" | "operation" | "seed" | "sql_operation" | "function";
        /** @description Checksum of the file a resource was read from. */
        ManifestFileHash: {
            /** @description The hash algorithm, such as `sha256`. */
            name: string;
            /** @description The hash value. */
            checksum: string;
        } & {
            [key: string]: unknown;
        };
        /** @description How the docs site shows a resource. */
        ManifestDocs: {
            /** @description Whether the resource appears in the docs site. */
            show?: boolean;
            /** @description Colour of the node in the lineage graph. */
            node_color?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The model contract settings. */
        ManifestContract: {
            /** @description Whether column names and types are enforced when building. */
            enforced?: boolean;
            /** @description Whether generic type names are translated to the warehouse's own. */
            alias_types?: boolean;
            /** @description Hash of the contract, used to detect breaking changes. */
            checksum?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The resolved configuration of a node. Its keys depend on the kind of node, the adapter and the
         *     dbt version; the common ones are listed.
         */
        ManifestNodeConfig: {
            /** @description Whether the node is enabled. */
            enabled?: boolean;
            /** @description Relation name override. */
            alias?: string | null;
            /** @description Custom schema name. */
            schema?: string | null;
            /** @description Custom database name. */
            database?: string | null;
            /** @description Tags set in configuration. */
            tags?: string[] | string;
            /** @description Free-form metadata set in configuration. */
            meta?: {
                [key: string]: unknown;
            };
            /** @description Group the node belongs to. */
            group?: string | null;
            /** @description Materialization, such as `view`, `table`, `incremental` or `test`. */
            materialized?: string;
            /** @description Strategy of an incremental model. */
            incremental_strategy?: string | null;
            /** @description Whether descriptions are written to the warehouse as comments. */
            persist_docs?: {
                [key: string]: unknown;
            };
            /** @description SQL run after the node is built. */
            "post-hook"?: {
                [key: string]: unknown;
            }[];
            /** @description SQL run before the node is built. */
            "pre-hook"?: {
                [key: string]: unknown;
            }[];
            /** @description Quoting overrides. */
            quoting?: {
                [key: string]: unknown;
            };
            /** @description Column type overrides (seeds). */
            column_types?: {
                [key: string]: unknown;
            };
            /** @description Forces or forbids full refreshes. */
            full_refresh?: boolean | null;
            /** @description Unique key of an incremental model or snapshot. */
            unique_key?: string | string[] | null;
            /** @description What an incremental model does when its columns change. */
            on_schema_change?: string | null;
            /**
             * @description What happens when a materialized view's configuration changes.
             * @enum {string}
             */
            on_configuration_change?: "apply" | "continue" | "fail";
            /** @description Privileges granted on the relation. */
            grants?: {
                [key: string]: unknown;
            };
            /** @description Python packages a Python model needs. */
            packages?: string[];
            docs?: components["schemas"]["ManifestDocs"];
            contract?: components["schemas"]["ManifestContract"];
            /**
             * @description Who may reference the model.
             * @enum {string}
             */
            access?: "private" | "protected" | "public";
            /** @description For tests, `ERROR` or `WARN`. */
            severity?: string;
            /** @description For tests, whether failing rows are stored. */
            store_failures?: boolean | null;
            /** @description For tests, a filter applied to the tested relation. */
            where?: string | null;
            /** @description For tests, the expression counting failures. */
            fail_calc?: string;
            /** @description For tests, the condition that makes the test warn. */
            warn_if?: string;
            /** @description For tests, the condition that makes the test fail. */
            error_if?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A column as documented in the project's YAML files. */
        ManifestColumn: {
            /** @description Column name. */
            name: string;
            /** @description Documentation of the column. */
            description?: string;
            /** @description Free-form metadata. */
            meta?: {
                [key: string]: unknown;
            };
            /** @description Declared data type, when given. */
            data_type?: string | null;
            /** @description Declared column constraints. */
            constraints?: {
                [key: string]: unknown;
            }[];
            /** @description Whether the column name is quoted. */
            quote?: boolean | null;
            /** @description Column-level configuration. */
            config?: {
                [key: string]: unknown;
            };
            /** @description Column tags. */
            tags?: string[];
            /**
             * @description Time granularity of the column, for time spines.
             * @enum {string|null}
             */
            granularity?: "nanosecond" | "microsecond" | "millisecond" | "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year" | null;
            /** @description Ids of the doc blocks used in the description. */
            doc_blocks?: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description One `ref()` call in a node's code. */
        ManifestRef: {
            /** @description Name of the referenced model. */
            name: string;
            /** @description Package of the referenced model, when given. */
            package?: string | null;
            /** @description Version of the referenced model, when given. */
            version?: string | number | null;
        } & {
            [key: string]: unknown;
        };
        /** @description What a node depends on. */
        ManifestDependsOn: {
            /** @description Ids of the macros the node calls. */
            macros?: string[];
            /** @description Ids of the nodes and sources the node reads from. */
            nodes?: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description For generic tests, which test macro is applied and with what arguments. */
        ManifestTestMetadata: {
            /** @description Name of the generic test, such as `not_null`. */
            name?: string;
            /** @description Arguments passed to the test. */
            kwargs?: {
                [key: string]: unknown;
            };
            /** @description Package the test comes from, when not dbt itself. */
            namespace?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description A node of the manifest: a model, test, seed, snapshot, analysis, hook or function. The fields
         *     shared by all kinds are listed with the most used kind-specific ones; dbt adds more over time.
         */
        ManifestNode: {
            /** @description Id of the node, `<resource_type>.<package>.<name>`, such as `model.jaffle_shop.orders`. */
            unique_id: string;
            resource_type: components["schemas"]["ManifestNodeResourceType"];
            /** @description Name of the node. */
            name: string;
            /** @description The dbt package the node belongs to. */
            package_name: string;
            /** @description Path of the file, relative to its resource folder. */
            path: string;
            /** @description Path of the file, relative to the project root. */
            original_file_path: string;
            /** @description Fully qualified name, from the package through the folders to the node. */
            fqn: string[];
            /** @description Database the node builds into. */
            database: string | null;
            /** @description Schema the node builds into. */
            schema: string;
            /** @description Name of the relation the node builds. */
            alias: string;
            /** @description Fully qualified relation name, as used in SQL. */
            relation_name?: string | null;
            checksum: components["schemas"]["ManifestFileHash"];
            config?: components["schemas"]["ManifestNodeConfig"];
            /** @description Tags of the node. */
            tags?: string[];
            /** @description Documentation of the node. */
            description?: string;
            /** @description Documented columns, keyed by name. */
            columns?: {
                [key: string]: components["schemas"]["ManifestColumn"];
            };
            /** @description Free-form metadata. */
            meta?: {
                [key: string]: unknown;
            };
            /** @description Group the node belongs to. */
            group?: string | null;
            docs?: components["schemas"]["ManifestDocs"];
            /** @description The YAML file that documents the node, as `<package>://<path>`. */
            patch_path?: string | null;
            /** @description Where the built SQL was written. */
            build_path?: string | null;
            /** @description Configuration as written, before Jinja rendering. */
            unrendered_config?: {
                [key: string]: unknown;
            };
            /** @description When dbt parsed the node, as Unix seconds. */
            created_at?: number;
            /** @description Configuration set by `config()` calls in the node's code. */
            config_call_dict?: {
                [key: string]: unknown;
            };
            /** @description The same, before Jinja rendering. */
            unrendered_config_call_dict?: {
                [key: string]: unknown;
            };
            /** @description The node's code as written. */
            raw_code?: string;
            /** @description Ids of the doc blocks used in the description. */
            doc_blocks?: string[];
            /**
             * @description Language of the node's code.
             * @enum {string}
             */
            language?: "sql" | "python";
            /** @description The `ref()` calls in the code. */
            refs?: components["schemas"]["ManifestRef"][];
            /** @description The `source()` calls in the code, each as `[source_name, table_name]`. */
            sources?: string[][];
            /** @description The `metric()` calls in the code. */
            metrics?: string[][];
            /** @description The `function()` calls in the code. */
            functions?: string[][];
            depends_on?: components["schemas"]["ManifestDependsOn"];
            /** @description Where the compiled code was written, relative to the project root. */
            compiled_path?: string | null;
            /** @description True when the node has been compiled. */
            compiled?: boolean;
            /** @description The compiled code, when compiled. */
            compiled_code?: string | null;
            /** @description True once ephemeral models have been injected as CTEs. */
            extra_ctes_injected?: boolean;
            /** @description The ephemeral-model CTEs injected into the compiled code. */
            extra_ctes?: {
                [key: string]: unknown;
            }[];
            contract?: components["schemas"]["ManifestContract"];
            /**
             * @description For models, who may reference the model.
             * @enum {string}
             */
            access?: "private" | "protected" | "public";
            /** @description For models, model-level constraints. */
            constraints?: {
                [key: string]: unknown;
            }[];
            /** @description For versioned models, this node's version. */
            version?: string | number | null;
            /** @description For versioned models, the latest version. */
            latest_version?: string | number | null;
            /** @description For models, when the model is deprecated. */
            deprecation_date?: string | null;
            /** @description For models, the columns dbt infers as the primary key. */
            primary_key?: string[];
            /** @description For time-spine models, their time-spine settings. */
            time_spine?: {
                [key: string]: unknown;
            } | null;
            /** @description The relation used instead of this node when deferring to another environment. */
            defer_relation?: {
                [key: string]: unknown;
            } | null;
            /** @description For generic tests on a column, the column tested. */
            column_name?: string | null;
            /** @description For generic tests, the YAML key the test is declared under, such as `models.orders`. */
            file_key_name?: string | null;
            /** @description For generic tests, the id of the node tested. */
            attached_node?: string | null;
            test_metadata?: components["schemas"]["ManifestTestMetadata"];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The kind of a manifest resource.
         * @enum {string}
         */
        ManifestResourceType: "model" | "analysis" | "test" | "snapshot" | "operation" | "seed" | "rpc" | "sql_operation" | "doc" | "source" | "macro" | "exposure" | "metric" | "group" | "saved_query" | "semantic_model" | "unit_test" | "fixture" | "function";
        /**
         * @description A resource of the manifest other than a node (source, macro, doc, exposure, metric, group, saved
         *     query, semantic model, unit test, function). Only the fields all of them share are listed.
         */
        ManifestResource: {
            /** @description Id of the resource. */
            unique_id: string;
            resource_type: components["schemas"]["ManifestResourceType"];
            /** @description Name of the resource. */
            name: string;
            /** @description The dbt package the resource belongs to. */
            package_name: string;
            /** @description Path of the file that declares it. */
            path: string;
            /** @description Path of that file, relative to the project root. */
            original_file_path: string;
            /** @description Fully qualified name, where the resource has one. */
            fqn?: string[];
            /** @description Documentation of the resource. */
            description?: string;
            /** @description Tags of the resource. */
            tags?: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description Resources keyed by unique id. */
        ManifestResourceMap: {
            [key: string]: components["schemas"]["ManifestResource"];
        };
        /** @description Lists of resource ids, keyed by resource id (or group name). */
        ManifestIdListMap: {
            [key: string]: string[];
        } | null;
        /**
         * @description The content of `manifest.json` (schema version 12): every resource of the project and its
         *     packages, with the dependency graph. Nodes are typed; the other resource maps carry only the
         *     fields all resources share and accept any others.
         */
        ManifestArtifact: {
            metadata: components["schemas"]["ManifestMetadata"];
            /** @description Models, tests, seeds, snapshots, analyses, hooks and functions, keyed by unique id. */
            nodes: {
                [key: string]: components["schemas"]["ManifestNode"];
            };
            /** @description Source tables, keyed by unique id. */
            sources: components["schemas"]["ManifestResourceMap"];
            /** @description Macros of the project and its packages, dbt's own included. */
            macros: components["schemas"]["ManifestResourceMap"];
            /** @description Doc blocks. */
            docs: components["schemas"]["ManifestResourceMap"];
            /** @description Exposures (dashboards, applications) that use the project. */
            exposures: components["schemas"]["ManifestResourceMap"];
            /** @description Semantic layer metrics. */
            metrics: components["schemas"]["ManifestResourceMap"];
            /** @description Groups of models with a shared owner. */
            groups: components["schemas"]["ManifestResourceMap"];
            /** @description Selectors defined in `selectors.yml`, keyed by name. */
            selectors: {
                [key: string]: unknown;
            };
            /** @description Disabled resources, keyed by unique id; each id maps to the list of its disabled definitions. */
            disabled: {
                [key: string]: {
                    [key: string]: unknown;
                }[];
            } | null;
            /** @description For each resource, the ids of the resources it depends on. */
            parent_map: components["schemas"]["ManifestIdListMap"];
            /** @description For each resource, the ids of the resources that depend on it. */
            child_map: components["schemas"]["ManifestIdListMap"];
            /** @description For each group name, the ids of its resources. */
            group_map: components["schemas"]["ManifestIdListMap"];
            /** @description Saved queries of the semantic layer. */
            saved_queries: components["schemas"]["ManifestResourceMap"];
            /** @description Semantic models of the semantic layer. */
            semantic_models: components["schemas"]["ManifestResourceMap"];
            /** @description Unit tests. */
            unit_tests: components["schemas"]["ManifestResourceMap"];
            /** @description User-defined functions (recent dbt versions). */
            functions?: components["schemas"]["ManifestResourceMap"];
        } & {
            [key: string]: unknown;
        };
        /** @description Where a relation lives in the warehouse and what kind it is. */
        CatalogTableMetadata: {
            /** @description The kind of relation as the warehouse names it, such as `BASE TABLE` or `VIEW`. */
            type: string;
            /** @description Database of the relation. */
            database?: string | null;
            /** @description Schema of the relation. */
            schema: string;
            /** @description Name of the relation. */
            name: string;
            /** @description The relation's comment in the warehouse. */
            comment?: string | null;
            /** @description The warehouse role or user that owns the relation. */
            owner?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description One column of a relation, as the warehouse describes it. */
        CatalogColumn: {
            /** @description The warehouse data type, such as `NUMBER` or `VARCHAR`. */
            type: string;
            /** @description Position of the column, counting from 1. */
            index: number;
            /** @description Column name. */
            name: string;
            /** @description The column's comment in the warehouse. */
            comment?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description One statistic of a relation, such as its row count or size. */
        CatalogStat: {
            /** @description Key of the statistic, such as `row_count`. */
            id: string;
            /** @description Human-readable name of the statistic. */
            label: string;
            /** @description The value; its type depends on the statistic. */
            value: boolean | string | number | null;
            /** @description Whether the docs site shows the statistic. */
            include: boolean;
            /** @description What the statistic means. */
            description?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description What the warehouse knows about one relation, with its metadata, columns and statistics. */
        CatalogTable: {
            metadata: components["schemas"]["CatalogTableMetadata"];
            /** @description The columns, keyed by column name. */
            columns: {
                [key: string]: components["schemas"]["CatalogColumn"];
            };
            /** @description The statistics, keyed by statistic id. */
            stats: {
                [key: string]: components["schemas"]["CatalogStat"];
            };
            /** @description Id of the node or source this relation belongs to. */
            unique_id?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The content of `catalog.json` (schema version 1), written by `dbt docs generate`: the warehouse
         *     description of every model, seed, snapshot and source relation.
         */
        CatalogArtifact: {
            metadata: components["schemas"]["ArtifactMetadata"];
            /** @description Relations of models, seeds and snapshots, keyed by node id. */
            nodes: {
                [key: string]: components["schemas"]["CatalogTable"];
            };
            /** @description Relations of sources, keyed by source id. */
            sources: {
                [key: string]: components["schemas"]["CatalogTable"];
            };
            /** @description Problems met while reading the warehouse, if any. */
            errors?: string[] | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Outcome of one freshness check: `pass` (fresh), `warn` or `error` (older than the warn or error
         *     threshold), `runtime error` (the check itself failed).
         * @enum {string}
         */
        SourcesFreshnessStatus: "pass" | "warn" | "error" | "runtime error";
        /** @description A duration given as a count of minutes, hours or days. */
        SourcesFreshnessPeriod: {
            /** @description How many periods. */
            count?: number | null;
            /**
             * @description The unit of the count.
             * @enum {string|null}
             */
            period?: "minute" | "hour" | "day" | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The thresholds the source was checked against. */
        SourcesFreshnessCriteria: {
            /** @description Age after which the check warns. */
            warn_after?: components["schemas"]["SourcesFreshnessPeriod"] | null;
            /** @description Age after which the check fails. */
            error_after?: components["schemas"]["SourcesFreshnessPeriod"] | null;
            /** @description SQL `where` clause applied when reading the loaded-at column. */
            filter?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A freshness check that ran, with the age it found. */
        SourcesFreshnessOutput: {
            /** @description Id of the source table, such as `source.jaffle_shop.jaffle_shop.orders`. */
            unique_id: string;
            status: components["schemas"]["SourcesFreshnessStatus"];
            /**
             * Format: date-time
             * @description The latest value of the source's loaded-at column.
             */
            max_loaded_at: string;
            /**
             * Format: date-time
             * @description When dbt read that value.
             */
            snapshotted_at: string;
            /** @description Age of the data in seconds (`snapshotted_at` minus `max_loaded_at`). */
            max_loaded_at_time_ago_in_s: number;
            criteria: components["schemas"]["SourcesFreshnessCriteria"];
            adapter_response: components["schemas"]["ArtifactAdapterResponse"];
            /** @description The phases of the check, with their start and end. */
            timing: components["schemas"]["ArtifactTiming"][];
            /** @description The dbt worker thread that ran the check. */
            thread_id: string;
            /** @description Seconds the check took. */
            execution_time: number;
        } & {
            [key: string]: unknown;
        };
        /** @description A freshness check that could not run, for example because the table is missing. */
        SourcesFreshnessRuntimeError: {
            /** @description Id of the source table. */
            unique_id: string;
            /** @description What went wrong. */
            error: string | number | null;
            /**
             * @description Always `runtime error` for this kind of result.
             * @enum {string}
             */
            status: "runtime error";
        } & {
            [key: string]: unknown;
        };
        /** @description One source table's freshness result, either a completed check or a runtime error. */
        SourcesFreshnessResult: components["schemas"]["SourcesFreshnessOutput"] | components["schemas"]["SourcesFreshnessRuntimeError"];
        /**
         * @description The content of `sources.json` (schema version 3), written by `dbt source freshness`: how fresh
         *     each checked source table is.
         */
        SourcesArtifact: {
            metadata: components["schemas"]["ArtifactMetadata"];
            /** @description One entry per source table checked. */
            results: components["schemas"]["SourcesFreshnessResult"][];
            /** @description Seconds the whole command took. */
            elapsed_time: number;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description The request was malformed or a field failed validation. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": {
                 *         "code": 400,
                 *         "is_success": false,
                 *         "user_message": "The request was invalid. Please double check the provided data and try again.",
                 *         "developer_message": ""
                 *       },
                 *       "data": {
                 *         "cause": [
                 *           "This field is required."
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No API key was sent, or the key is not valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": {
                 *         "code": 401,
                 *         "is_success": false,
                 *         "user_message": "Invalid token.",
                 *         "developer_message": null
                 *       },
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The key is valid but lacks the permission this operation needs. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": {
                 *         "code": 403,
                 *         "is_success": false,
                 *         "user_message": "You do not have permission to perform this action.",
                 *         "developer_message": null
                 *       },
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The object does not exist, or the key cannot see it. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": {
                 *         "code": 404,
                 *         "is_success": false,
                 *         "user_message": "The requested resource could not be found.",
                 *         "developer_message": null
                 *       },
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The key sent more requests than its plan allows; wait for `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                /**
                 * @description Seconds to wait before sending another request.
                 * @example 30
                 */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": {
                 *         "code": 429,
                 *         "is_success": false,
                 *         "user_message": "Request was throttled. Expected available in 30 seconds.",
                 *         "developer_message": null
                 *       },
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description dbt Cloud failed to handle the request; retrying a read later is safe. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": {
                 *         "code": 500,
                 *         "is_success": false,
                 *         "user_message": "An unexpected error occurred.",
                 *         "developer_message": null
                 *       },
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description Related objects to embed in the response, comma separated (for example `groups`). Which names an
         *     operation accepts is given in its description; unknown names are ignored.
         * @example groups
         */
        IncludeRelated: string;
        /**
         * @description Numeric id of the dbt Cloud account.
         * @example 43786
         */
        AccountId: number;
        /**
         * @description The largest number of items to return in one page.
         * @example 100
         */
        Limit: number;
        /**
         * @description How many matching items to skip before the page starts.
         * @example 0
         */
        Offset: number;
        /**
         * @description Which step of the run to read artifacts from, counting from `1`. Without it, the last step of the
         *     run is used.
         * @example 2
         */
        ArtifactStep: number;
        /**
         * @description Path of the artifact, relative to the run's `target/` directory, such as `run_results.json` or
         *     `compiled/jaffle_shop/models/staging/stg_orders.sql`. The path may contain `/`; send it with raw
         *     slashes, not percent-encoded.
         * @example run_results.json
         */
        ArtifactPath: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccounts: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the response, comma separated (for example `groups`). Which names an
                 *     operation accepts is given in its description; unknown names are ignored.
                 * @example groups
                 */
                include_related?: components["parameters"]["IncludeRelated"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts the key can see. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": 43786,
                     *           "name": "Jaffle Shop Analytics",
                     *           "state": 1,
                     *           "plan": "team",
                     *           "locked": false,
                     *           "run_slots": 5,
                     *           "developer_seats": 8,
                     *           "created_at": "2021-12-07 10:32:24.326116+00:00",
                     *           "updated_at": "2026-10-02 08:11:45.901223+00:00"
                     *         }
                     *       ],
                     *       "extra": {
                     *         "filters": {
                     *           "limit": 100,
                     *           "offset": 0
                     *         },
                     *         "order_by": "id",
                     *         "pagination": {
                     *           "count": 1,
                     *           "total_count": 1
                     *         }
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AccountListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getAccount: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the response, comma separated (for example `groups`). Which names an
                 *     operation accepts is given in its description; unknown names are ignored.
                 * @example groups
                 */
                include_related?: components["parameters"]["IncludeRelated"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Jaffle Shop Analytics",
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["AccountUpdate"];
            };
        };
        responses: {
            /** @description The account after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    patchAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Jaffle Shop (EU)"
                 *     }
                 */
                "application/json": components["schemas"]["AccountPatch"];
            };
        };
        responses: {
            /** @description The account after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed in each user. The users endpoints
                 *     document no values for it; leave it out unless you know the name you need.
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users of the account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getUser: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed in the user. The users endpoints
                 *     document no values for it; leave it out unless you know the name you need.
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user.
                 * @example 96170
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user.
                 * @example 96170
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Priya",
                 *       "last_name": "Raman"
                 *     }
                 */
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description The user after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listInvites: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed in each invitation: `account`,
                 *     `groups`.
                 * @example groups
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's invitations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getInvite: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed in the invitation: `account`,
                 *     `groups`.
                 * @example groups
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the invitation.
                 * @example 8831
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listLicenseAllocations: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed. The endpoint documents no values
                 *     for it; leave it out.
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Seat usage per license type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseAllocationListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateLicensePermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the license (the `id` of an entry in a user's `permissions`), not of the user.
                 * @example 120443
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "license_type": "read_only",
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["LicensePermissionsUpdate"];
            };
        };
        responses: {
            /** @description The license after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicensePermissionsEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /**
                 * @description The largest number of items to return in one page.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many matching items to skip before the page starts.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /** @description The field to sort by; a leading `-` sorts in descending order. */
                order_by?: "id" | "-id" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /**
                 * @description Which settings to list by lifecycle state: `active` or `1` (the default), `deleted` or
                 *     `2`, or `all`.
                 */
                state?: (1 | 2) | ("active" | "deleted" | "all");
                /** @description Only settings with this destination type (1 Email, 2 Slack, 3 Webhook, 4 ExternalEmail, 5 SlackV2). */
                type?: components["schemas"]["NotificationType"];
                /** @description Only settings of this user. */
                user_id?: number;
                /** @description Only settings that email this outside address. */
                external_email?: string;
                /** @description Only settings that post to this Slack channel id. */
                slack_channel_id?: string;
                /** @description Only the setting with this id. */
                pk?: number;
                /**
                 * @description Comma separated names of related objects to embed in each setting; the one known value is `user`.
                 * @example user
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of notification settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "user_id": 96170,
                 *       "type": 1,
                 *       "on_success": [],
                 *       "on_failure": [
                 *         567183,
                 *         567185
                 *       ],
                 *       "on_cancel": [
                 *         567183
                 *       ],
                 *       "on_warning": [
                 *         567185
                 *       ],
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["NotificationCreate"];
            };
        };
        responses: {
            /** @description The new notification setting. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getNotification: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed; the one known value is `user`.
                 * @example user
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the notification setting.
                 * @example 55012
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification setting. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the notification setting.
                 * @example 55012
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "user_id": 96170,
                 *       "type": 1,
                 *       "on_success": [],
                 *       "on_failure": [
                 *         567183,
                 *         567185
                 *       ],
                 *       "on_cancel": [
                 *         567183
                 *       ],
                 *       "on_warning": [
                 *         567185
                 *       ],
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["NotificationUpdate"];
            };
        };
        responses: {
            /** @description The notification setting after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the notification setting.
                 * @example 55012
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The setting was deleted; the response has no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    unsubscribeFromNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's email notifications were removed; the response has no body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /**
                 * @description Only projects whose name contains this text, ignoring case.
                 * @example jaffle
                 */
                name__icontains?: string;
                /**
                 * @description Only the project with this id.
                 * @example 270542
                 */
                pk?: number;
                /**
                 * @description Only projects with an id greater than this one.
                 * @example 270000
                 */
                pk__gt?: number;
                /**
                 * @description Only projects with one of these ids, written as a bracketed list such as `[270542,270543]`.
                 * @example [270542,270543]
                 */
                pk__in?: string;
                /**
                 * @description Which projects to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description Related objects to embed in each project, comma separated: `repository`, `connection`,
                 *     `group_permissions`, `docs_job`, `freshness_job`.
                 * @example repository,connection
                 */
                include_related?: string;
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example name
                 */
                order_by?: "id" | "-id" | "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /**
                 * @description The largest number of items to return in one page.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many matching items to skip before the page starts.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of projects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "jaffle_shop",
                 *       "description": "Orders, customers and payments models of the Jaffle Shop."
                 *     }
                 */
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            /** @description The new project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getProject: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the project, comma separated: `repository`, `connection`,
                 *     `group_permissions`, `docs_job`, `freshness_job`.
                 * @example repository
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": 270542,
                 *       "account_id": 43786,
                 *       "name": "jaffle_shop",
                 *       "description": "Orders, customers and payments models of the Jaffle Shop.",
                 *       "connection_id": 117401,
                 *       "repository_id": 184511,
                 *       "dbt_project_subdirectory": null,
                 *       "docs_job_id": 567185,
                 *       "freshness_job_id": 567183,
                 *       "type": 0,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["ProjectUpdate"];
            };
        };
        responses: {
            /** @description The project after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project was deleted; there is no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listEnvironments: {
        parameters: {
            query?: {
                /**
                 * @description Only environments of this project.
                 * @example 270542
                 */
                project_id?: number;
                /**
                 * @description Only environments of one of these projects, written as a bracketed list such as `[270542,270543]`.
                 * @example [270542]
                 */
                project_id__in?: string;
                /**
                 * @description Only environments set to this dbt version, such as `1.9.0-latest`.
                 * @example 1.9.0-latest
                 */
                dbt_version?: string;
                /**
                 * @description Only environments set to one of these dbt versions, written as a JSON list of strings.
                 * @example ["1.9.0-latest","latest"]
                 */
                dbt_version__in?: string;
                /**
                 * @description Only the environment with this id.
                 * @example 218762
                 */
                pk?: number;
                /**
                 * @description Which environments to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description Related objects to embed in each environment, comma separated: `repository`, `connection`.
                 * @example repository,connection
                 */
                include_related?: string;
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example id
                 */
                order_by?: "id" | "-id" | "name" | "-name" | "project_id" | "-project_id" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /**
                 * @description The largest number of items to return in one page.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many matching items to skip before the page starts.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of environments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Production",
                 *       "project_id": 270542,
                 *       "type": "deployment",
                 *       "deployment_type": "production",
                 *       "connection_id": 117401,
                 *       "credentials_id": 301556,
                 *       "dbt_version": "1.9.0-latest",
                 *       "use_custom_branch": false,
                 *       "supports_docs": true
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentCreate"];
            };
        };
        responses: {
            /** @description The new environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getEnvironment: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the environment, comma separated: `repository`, `connection`.
                 * @example repository
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the environment.
                 * @example 218762
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the environment.
                 * @example 218762
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": 218762,
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "name": "Production",
                 *       "type": "deployment",
                 *       "deployment_type": "production",
                 *       "connection_id": 117401,
                 *       "credentials_id": 301556,
                 *       "repository_id": 184511,
                 *       "custom_branch": null,
                 *       "use_custom_branch": false,
                 *       "dbt_version": "1.9.0-latest",
                 *       "supports_docs": true,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentUpdate"];
            };
        };
        responses: {
            /** @description The environment after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the environment.
                 * @example 218762
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment was deleted; there is no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listRepositories: {
        parameters: {
            query?: {
                /**
                 * @description Only repositories connected to this project.
                 * @example 270542
                 */
                project_id?: number;
                /**
                 * @description Only repositories of one of these projects, written as a bracketed list such as `[270542,270543]`.
                 * @example [270542]
                 */
                project_id__in?: string;
                /**
                 * @description Only repositories cloned from exactly this URL.
                 * @example git@github.com:jaffle-labs/jaffle_shop.git
                 */
                remote_url?: string;
                /**
                 * @description Only the repository with this id.
                 * @example 184511
                 */
                pk?: number;
                /**
                 * @description Which repositories to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description Embed the deploy key of each repository.
                 * @example deploy_key
                 */
                include_related?: "deploy_key";
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example id
                 */
                order_by?: "id" | "-id" | "project_id" | "-project_id" | "remote_url" | "-remote_url" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /**
                 * @description The largest number of items to return in one page.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many matching items to skip before the page starts.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of repositories. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepositoryListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createRepository: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "remote_url": "git@github.com:jaffle-labs/jaffle_shop.git",
                 *       "project_id": 270542,
                 *       "full_name": "jaffle-labs/jaffle_shop",
                 *       "remote_backend": "github",
                 *       "git_clone_strategy": "github_app",
                 *       "github_installation_id": 40217735
                 *     }
                 */
                "application/json": components["schemas"]["RepositoryCreate"];
            };
        };
        responses: {
            /** @description The new repository. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepositoryEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRepository: {
        parameters: {
            query?: {
                /**
                 * @description Embed the deploy key of the repository.
                 * @example deploy_key
                 */
                include_related?: "deploy_key";
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the repository.
                 * @example 184511
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The repository. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepositoryEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteRepository: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the repository.
                 * @example 184511
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The repository was deleted; there is no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listSshTunnels: {
        parameters: {
            query?: {
                /**
                 * @description Only tunnels used by this connection.
                 * @example 117401
                 */
                connection_id?: number;
                /**
                 * @description Only the tunnel with this id.
                 * @example 3311
                 */
                pk?: number;
                /**
                 * @description Which tunnels to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /** @description Related objects to embed in each tunnel, comma separated. */
                include_related?: string;
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example id
                 */
                order_by?: "id" | "-id" | "connection_id" | "-connection_id" | "hostname" | "-hostname";
                /**
                 * @description The largest number of items to return in one page.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many matching items to skip before the page starts.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of SSH tunnels. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": 3311,
                     *           "account_id": 43786,
                     *           "connection_id": 117401,
                     *           "hostname": "bastion.jaffle.example",
                     *           "port": 22,
                     *           "username": "dbtcloud",
                     *           "public_key": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7mJq2xW9fTz4kLpR8vN1sYd3HcG6eUo0aBi dbtcloud@jaffle",
                     *           "state": 1
                     *         }
                     *       ],
                     *       "extra": {
                     *         "filters": {
                     *           "limit": 100,
                     *           "offset": 0,
                     *           "state": 1,
                     *           "account_id": 43786,
                     *           "connection_id": 117401
                     *         },
                     *         "order_by": "id",
                     *         "pagination": {
                     *           "count": 1,
                     *           "total_count": 1
                     *         }
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SshTunnelListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createSshTunnel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "connection_id": 117401,
                 *       "hostname": "bastion.jaffle.example",
                 *       "port": 22,
                 *       "username": "dbtcloud"
                 *     }
                 */
                "application/json": components["schemas"]["SshTunnelCreate"];
            };
        };
        responses: {
            /** @description The new SSH tunnel, with its public key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SshTunnelEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSshTunnel: {
        parameters: {
            query?: {
                /** @description Related objects to embed in the tunnel, comma separated. */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the SSH tunnel.
                 * @example 3311
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The SSH tunnel. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SshTunnelEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateSshTunnel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the SSH tunnel.
                 * @example 3311
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": 3311,
                 *       "account_id": 43786,
                 *       "connection_id": 117401,
                 *       "hostname": "bastion.jaffle.example",
                 *       "port": 22,
                 *       "username": "dbtcloud",
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["SshTunnelUpdate"];
            };
        };
        responses: {
            /** @description The SSH tunnel after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SshTunnelEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteSshTunnel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the SSH tunnel.
                 * @example 3311
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The SSH tunnel was deleted; there is no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listJobs: {
        parameters: {
            query?: {
                /**
                 * @description Only jobs of this project.
                 * @example 270542
                 */
                project_id?: number;
                /**
                 * @description Only jobs of these projects, written as a bracketed list such as `[270542,270543]`.
                 * @example [270542]
                 */
                project_id__in?: string;
                /**
                 * @description Only jobs that run in this environment.
                 * @example 218762
                 */
                environment_id?: number;
                /**
                 * @description Only the job with this id.
                 * @example 567183
                 */
                pk?: number;
                /**
                 * @description Only jobs whose name contains this text, ignoring case.
                 * @example nightly
                 */
                name__icontains?: string;
                /**
                 * @description Only jobs whose own dbt version is one of these, written as a JSON list.
                 * @example ["latest","1.9.0-latest"]
                 */
                dbt_version__in?: string;
                /**
                 * @description When true, only jobs whose schedule trigger is on; when false, only those where it is off.
                 * @example true
                 */
                triggers_schedule?: boolean;
                /**
                 * @description When true, lists the jobs dbt Cloud creates for itself instead of user jobs.
                 * @example false
                 */
                is_system?: boolean;
                /**
                 * @description When true, only jobs ready for the Fusion engine; when false, only jobs that are not.
                 * @example true
                 */
                is_fusion_ready?: boolean;
                /**
                 * @description Which jobs to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`,
                 *     or `all`.
                 * @example active
                 */
                state?: (1 | 2) | ("active" | "deleted" | "all");
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example name
                 */
                order_by?: "id" | "-id" | "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /**
                 * @description Related objects to embed in each job, comma separated: `environment`,
                 *     `custom_environment_variables`, `most_recent_run`, `most_recent_completed_run`,
                 *     `fusion_readiness`.
                 * @example most_recent_run,most_recent_completed_run
                 */
                include_related?: string;
                /**
                 * @description The largest number of items to return in one page.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many matching items to skip before the page starts.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of jobs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "environment_id": 218762,
                 *       "name": "Nightly build",
                 *       "description": "Checks source freshness, then builds and tests every model.",
                 *       "execute_steps": [
                 *         "dbt source freshness",
                 *         "dbt build"
                 *       ],
                 *       "job_type": "scheduled",
                 *       "generate_docs": false,
                 *       "settings": {
                 *         "threads": 8,
                 *         "target_name": "prod"
                 *       },
                 *       "execution": {
                 *         "timeout_seconds": 0
                 *       },
                 *       "triggers": {
                 *         "github_webhook": false,
                 *         "schedule": true,
                 *         "git_provider_webhook": false
                 *       },
                 *       "schedule": {
                 *         "cron": "0 5 * * *",
                 *         "date": {
                 *           "type": "custom_cron",
                 *           "cron": "0 5 * * *"
                 *         },
                 *         "time": {
                 *           "type": "every_hour",
                 *           "interval": 1
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["JobCreate"];
            };
        };
        responses: {
            /** @description The job just created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getJob: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the job, comma separated: `environment`,
                 *     `custom_environment_variables`, `most_recent_run`, `most_recent_completed_run`,
                 *     `fusion_readiness`.
                 * @example environment
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job.
                 * @example 567183
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job.
                 * @example 567183
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": 567183,
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "environment_id": 218762,
                 *       "name": "Nightly build",
                 *       "description": "Checks source freshness, then builds and tests every model.",
                 *       "dbt_version": null,
                 *       "deferring_environment_id": null,
                 *       "execute_steps": [
                 *         "dbt source freshness",
                 *         "dbt build"
                 *       ],
                 *       "job_type": "scheduled",
                 *       "generate_docs": false,
                 *       "run_generate_sources": false,
                 *       "state": 1,
                 *       "settings": {
                 *         "threads": 8,
                 *         "target_name": "prod"
                 *       },
                 *       "execution": {
                 *         "timeout_seconds": 0
                 *       },
                 *       "triggers": {
                 *         "github_webhook": false,
                 *         "schedule": true,
                 *         "git_provider_webhook": false,
                 *         "on_merge": false
                 *       },
                 *       "schedule": {
                 *         "cron": "0 5 * * *",
                 *         "date": {
                 *           "type": "custom_cron",
                 *           "days": null,
                 *           "cron": "0 5 * * *"
                 *         },
                 *         "time": {
                 *           "type": "every_hour",
                 *           "interval": 1,
                 *           "hours": null
                 *         }
                 *       },
                 *       "job_completion_trigger_condition": null
                 *     }
                 */
                "application/json": components["schemas"]["JobUpdate"];
            };
        };
        responses: {
            /** @description The job after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job.
                 * @example 567183
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job was deleted; there is no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    triggerJobRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job to run.
                 * @example 567183
                 */
                job_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cause": "Triggered by the nightly orchestrator",
                 *       "git_branch": "main",
                 *       "steps_override": [
                 *         "dbt build --select state:modified+"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["TriggerRunRequest"];
            };
        };
        responses: {
            /** @description The run that was queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": 70403106,
                     *         "trigger_id": 71544290,
                     *         "account_id": 43786,
                     *         "environment_id": 218762,
                     *         "project_id": 270542,
                     *         "job_definition_id": 567183,
                     *         "job_id": 567183,
                     *         "status": 1,
                     *         "status_humanized": "Queued",
                     *         "dbt_version": "1.9.0-latest",
                     *         "git_branch": "main",
                     *         "git_sha": null,
                     *         "status_message": null,
                     *         "deferring_run_id": null,
                     *         "artifacts_saved": false,
                     *         "artifact_s3_path": null,
                     *         "has_docs_generated": false,
                     *         "has_sources_generated": false,
                     *         "notifications_sent": false,
                     *         "created_at": "2026-11-23 15:02:11.482913+00:00",
                     *         "updated_at": "2026-11-23 15:02:11.482946+00:00",
                     *         "dequeued_at": null,
                     *         "started_at": null,
                     *         "finished_at": null,
                     *         "last_checked_at": null,
                     *         "last_heartbeat_at": null,
                     *         "should_start_at": null,
                     *         "trigger": {
                     *           "id": 71544290,
                     *           "cause": "Triggered by the nightly orchestrator",
                     *           "job_definition_id": 567183,
                     *           "git_branch": "main",
                     *           "git_sha": null,
                     *           "steps_override": [
                     *             "dbt build --select state:modified+"
                     *           ],
                     *           "created_at": "2026-11-23 15:02:11.470218+00:00"
                     *         },
                     *         "in_progress": true,
                     *         "is_complete": false,
                     *         "is_success": false,
                     *         "is_error": false,
                     *         "is_cancelled": false,
                     *         "is_running": false,
                     *         "href": "https://cloud.getdbt.com/deploy/43786/projects/270542/runs/70403106/"
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RunEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    rerunJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job to rerun.
                 * @example 567183
                 */
                job_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run that was queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": 70403106,
                     *         "trigger_id": 71544291,
                     *         "account_id": 43786,
                     *         "environment_id": 218762,
                     *         "project_id": 270542,
                     *         "job_definition_id": 567183,
                     *         "job_id": 567183,
                     *         "status": 1,
                     *         "status_humanized": "Queued",
                     *         "dbt_version": "1.9.0-latest",
                     *         "git_branch": "main",
                     *         "git_sha": null,
                     *         "status_message": null,
                     *         "deferring_run_id": null,
                     *         "artifacts_saved": false,
                     *         "artifact_s3_path": null,
                     *         "has_docs_generated": false,
                     *         "has_sources_generated": false,
                     *         "notifications_sent": false,
                     *         "created_at": "2026-11-23 15:02:11.482913+00:00",
                     *         "updated_at": "2026-11-23 15:02:11.482946+00:00",
                     *         "dequeued_at": null,
                     *         "started_at": null,
                     *         "finished_at": null,
                     *         "trigger": {
                     *           "id": 71544291,
                     *           "cause": "Rerun from the point of failure by Priya Raman",
                     *           "job_definition_id": 567183,
                     *           "git_branch": "main",
                     *           "git_sha": null,
                     *           "steps_override": null,
                     *           "created_at": "2026-11-23 15:02:11.470218+00:00"
                     *         },
                     *         "in_progress": true,
                     *         "is_complete": false,
                     *         "is_success": false,
                     *         "is_error": false,
                     *         "is_cancelled": false,
                     *         "is_running": false,
                     *         "href": "https://cloud.getdbt.com/deploy/43786/projects/270542/runs/70403106/"
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RunEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listRuns: {
        parameters: {
            query?: {
                /**
                 * @description Only runs of this job.
                 * @example 567183
                 */
                job_definition_id?: number;
                /**
                 * @description Only runs in this project.
                 * @example 270542
                 */
                project_id?: number;
                /**
                 * @description Only runs in any of these projects, comma separated.
                 * @example [
                 *       270542
                 *     ]
                 */
                project_id__in?: number[];
                /**
                 * @description Only runs in this environment.
                 * @example 218762
                 */
                environment_id?: number;
                /**
                 * @description Only runs with this status (1 Queued, 2 Starting, 3 Running, 10 Success, 20 Error, 30 Cancelled).
                 * @example 20
                 */
                status?: components["schemas"]["RunStatus"];
                /**
                 * @description Only runs with any of these statuses, comma separated, such as `1,2,3` for unfinished runs.
                 * @example [
                 *       1,
                 *       2,
                 *       3
                 *     ]
                 */
                status__in?: components["schemas"]["RunStatus"][];
                /**
                 * @description Only the run with this id.
                 * @example 70403103
                 */
                pk?: number;
                /**
                 * @description Only the runs with these ids, comma separated.
                 * @example [
                 *       70403103,
                 *       70403104
                 *     ]
                 */
                pk__in?: number[];
                /**
                 * @description Only runs with an id greater than this one; handy for fetching runs newer than the last one seen.
                 * @example 70403104
                 */
                id__gt?: number;
                /**
                 * @description Only runs that deferred to this run.
                 * @example 70403103
                 */
                deferring_run_id?: number;
                /**
                 * @description Only runs that used this dbt version.
                 * @example 1.9.0-latest
                 */
                dbt_version?: string;
                /**
                 * @description Only runs that used any of these dbt versions, comma separated.
                 * @example [
                 *       "1.9.0-latest",
                 *       "latest"
                 *     ]
                 */
                dbt_version__in?: string[];
                /**
                 * @description Only runs that did (or did not) generate documentation.
                 * @example true
                 */
                has_docs_generated?: boolean;
                /**
                 * @description Only runs that did (or did not) check source freshness.
                 * @example true
                 */
                has_sources_generated?: boolean;
                /**
                 * @description Only runs created between these two moments (start and end, comma separated).
                 * @example [
                 *       "2026-11-01T00:00:00Z",
                 *       "2026-11-06T00:00:00Z"
                 *     ]
                 */
                created_at__range?: string[];
                /**
                 * @description Only runs that ended between these two moments (start and end, comma separated).
                 * @example [
                 *       "2026-11-01T00:00:00Z",
                 *       "2026-11-06T00:00:00Z"
                 *     ]
                 */
                finished_at__range?: string[];
                /**
                 * @description Which runs to include by lifecycle state: `1` or `active`, `2` or `deleted`, or `all`
                 *     (the default).
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description Comma separated names of related objects to embed in each run: `trigger`, `job`, `audit`,
                 *     `debug_logs`. Without `debug_logs`, embedded debug logs are cut to their last 1,000 lines.
                 * @example trigger,job
                 */
                include_related?: string;
                /**
                 * @description Field to sort by; a leading `-` sorts newest or largest first.
                 * @example -id
                 */
                order_by?: "id" | "-id" | "created_at" | "-created_at" | "finished_at" | "-finished_at";
                /**
                 * @description The largest number of items to return in one page.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many matching items to skip before the page starts.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRun: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed: `trigger`, `job`, `environment`,
                 *     `repository`, `run_steps`, `run_retries`, `used_repo_cache`, `repo_cache_restore`, `audit`,
                 *     `debug_logs`. Without `debug_logs`, step debug logs are cut to their last 1,000 lines.
                 * @example trigger,run_steps
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run.
                 * @example 70403103
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run to cancel.
                 * @example 70403107
                 */
                run_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run after the cancellation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRunFailureDetails: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed. No values are documented for this
                 *     endpoint; leave it out unless you know the name you need.
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the failed run.
                 * @example 70403104
                 */
                run_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where the run failed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunFailureDetailsEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    retryRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the failed run.
                 * @example 70403104
                 */
                run_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new, queued run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRunStep: {
        parameters: {
            query?: {
                /**
                 * @description Comma separated names of related objects to embed: `trigger`, `job`, `debug_logs`. Without
                 *     `debug_logs`, the debug log is cut to its last 1,000 lines.
                 * @example debug_logs
                 */
                include_related?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run step.
                 * @example 198800425
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run step. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStepEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listRunArtifacts: {
        parameters: {
            query?: {
                /**
                 * @description Which step of the run to read artifacts from, counting from `1`. Without it, the last step of the
                 *     run is used.
                 * @example 2
                 */
                step?: components["parameters"]["ArtifactStep"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run.
                 * @example 70403103
                 */
                run_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifact paths, relative to `target/`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRunArtifact: {
        parameters: {
            query?: {
                /**
                 * @description Which step of the run to read artifacts from, counting from `1`. Without it, the last step of the
                 *     run is used.
                 * @example 2
                 */
                step?: components["parameters"]["ArtifactStep"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the run.
                 * @example 70403103
                 */
                run_id: number;
                /**
                 * @description Path of the artifact, relative to the run's `target/` directory, such as `run_results.json` or
                 *     `compiled/jaffle_shop/models/staging/stg_orders.sql`. The path may contain `/`; send it with raw
                 *     slashes, not percent-encoded.
                 * @example run_results.json
                 */
                remainder: components["parameters"]["ArtifactPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file as dbt wrote it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResultsArtifact"] | components["schemas"]["ManifestArtifact"] | components["schemas"]["CatalogArtifact"] | components["schemas"]["SourcesArtifact"];
                    /**
                     * @example with source as (
                     *         select * from raw.jaffle_shop.orders
                     *     ),
                     *
                     *     renamed as (
                     *         select
                     *             id as order_id,
                     *             user_id as customer_id,
                     *             order_date,
                     *             status
                     *         from source
                     *     )
                     *
                     *     select * from renamed
                     */
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getJobArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the job.
                 * @example 567183
                 */
                job_id: number;
                /**
                 * @description Path of the artifact, relative to the run's `target/` directory, such as `run_results.json` or
                 *     `compiled/jaffle_shop/models/staging/stg_orders.sql`. The path may contain `/`; send it with raw
                 *     slashes, not percent-encoded.
                 * @example run_results.json
                 */
                remainder: components["parameters"]["ArtifactPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file as dbt wrote it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResultsArtifact"] | components["schemas"]["ManifestArtifact"] | components["schemas"]["CatalogArtifact"] | components["schemas"]["SourcesArtifact"];
                    /**
                     * @example with source as (
                     *         select * from raw.jaffle_shop.orders
                     *     ),
                     *
                     *     renamed as (
                     *         select
                     *             id as order_id,
                     *             user_id as customer_id,
                     *             order_date,
                     *             status
                     *         from source
                     *     )
                     *
                     *     select * from renamed
                     */
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
