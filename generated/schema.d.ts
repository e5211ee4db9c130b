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
    "/api/v3/accounts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @description Lists the accounts the API key can see, with their plan, seat counts and run limits. This is
         *     the replacement for the deprecated v2 accounts list; `include_related=groups` embeds each
         *     account's user groups.
         */
        get: operations["listAccountsV3"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/invites/": {
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
        get?: never;
        put?: never;
        /**
         * Send invitations
         * @description Emails an invitation to join the account to each address given. Everyone invited gets the
         *     same license type and joins the listed groups when they accept.
         */
        post: operations["sendInvites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/users/": {
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
         * @description Lists the people who belong to the account, each with the license they hold there. dbt Labs
         *     documents no values for `include_related` here.
         */
        get: operations["listAccountUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/users/{id}/": {
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
                 * @description Numeric id of the user.
                 * @example 96170
                 */
                id: components["parameters"]["AccountUserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user of an account
         * @description Returns one user of the account with the license they hold there. The shape is smaller than
         *     the list's: no sign-in connections and no group details.
         */
        get: operations["getAccountUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/users/{user_id}/account-apikeys/": {
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
                 * @description Numeric id of the user who owns the tokens.
                 * @example 96170
                 */
                user_id: components["parameters"]["AccountScopedTokenUserId"];
            };
            cookie?: never;
        };
        /**
         * List a user's account-scoped tokens
         * @description Lists the personal access tokens of a user that work only in this account, revoked ones
         *     included. Secrets are not returned; `token_string` is filled only when a token is created or
         *     rotated.
         */
        get: operations["listAccountScopedTokens"];
        put?: never;
        /**
         * Create an account-scoped token
         * @description Creates a personal access token for the user that works only in this account. The response
         *     holds the secret in `token_string`; it is returned only this once, so store it at once.
         */
        post: operations["createAccountScopedToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/users/{user_id}/account-apikeys/{id}/": {
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
                 * @description Numeric id of the user who owns the tokens.
                 * @example 96170
                 */
                user_id: components["parameters"]["AccountScopedTokenUserId"];
                /**
                 * @description Numeric id of the account-scoped personal access token.
                 * @example 40211
                 */
                id: components["parameters"]["AccountScopedTokenId"];
            };
            cookie?: never;
        };
        /**
         * Get an account-scoped token
         * @description Returns one of the user's account-scoped tokens: its name, state and times. The secret is not
         *     included.
         */
        get: operations["getAccountScopedToken"];
        put?: never;
        /**
         * Rotate an account-scoped token
         * @description Gives the token a new secret; the old secret no longer authenticates. The new secret is in
         *     `token_string` of this response only, so store it at once. The request has no body.
         */
        post: operations["rotateAccountScopedToken"];
        /**
         * Delete an account-scoped token
         * @description Revokes the token; requests that use its secret are refused from then on.
         */
        delete: operations["deleteAccountScopedToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/users/{user_id}/credentials/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user; it must be the user the API key belongs to.
                 * @example 96170
                 */
                user_id: components["parameters"]["UserCredentialsUserId"];
            };
            cookie?: never;
        };
        /**
         * List a user's development credentials
         * @description Lists the links between the user and the development credentials they use, one per project.
         *     Needs a personal access token of the user in the path; service tokens are refused, and an
         *     admin cannot manage another user's links.
         */
        get: operations["listUserCredentials"];
        put?: never;
        /**
         * Link development credentials to a user
         * @description Sets which development credentials the user uses in a project. The credentials must already
         *     exist; this only links them.
         *     Needs a personal access token of the user in the path; service tokens are refused, and an
         *     admin cannot manage another user's links.
         */
        post: operations["createUserCredentials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/users/{user_id}/credentials/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user; it must be the user the API key belongs to.
                 * @example 96170
                 */
                user_id: components["parameters"]["UserCredentialsUserId"];
                /**
                 * @description Numeric id of the link between the user and a set of development credentials.
                 * @example 88214
                 */
                id: components["parameters"]["UserCredentialsId"];
            };
            cookie?: never;
        };
        /**
         * Get a user's development credentials link
         * @description Returns one link between the user and a set of development credentials.
         *     Needs a personal access token of the user in the path; service tokens are refused, and an
         *     admin cannot manage another user's links.
         */
        get: operations["getUserCredentials"];
        put?: never;
        /**
         * Update a user's development credentials link
         * @description Replaces the fields of a link, for example to point it at other credentials. Send every
         *     field.
         *     Needs a personal access token of the user in the path; service tokens are refused, and an
         *     admin cannot manage another user's links.
         */
        post: operations["updateUserCredentials"];
        /**
         * Delete a user's development credentials link
         * @description Removes the link between the user and the credentials. The credentials themselves are not
         *     deleted.
         *     Needs a personal access token of the user in the path; service tokens are refused, and an
         *     admin cannot manage another user's links.
         */
        delete: operations["deleteUserCredentials"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/groups/": {
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
         * List groups
         * @description Lists the user groups of an account, active ones unless `state` says otherwise. Add
         *     `include_related=group_permissions` to fill in the permissions each group grants.
         */
        get: operations["listGroups"];
        put?: never;
        /**
         * Create a group
         * @description Creates a user group in the account. The new group grants nothing until its permissions are
         *     set with `assignGroupPermissions`.
         */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/groups/{id}/": {
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
                 * @description Numeric id of the group.
                 * @example 512304
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /**
         * Get a group
         * @description Returns one group with its member count and SSO mappings. Add
         *     `include_related=group_permissions` to fill in the permissions it grants.
         */
        get: operations["getGroup"];
        put?: never;
        /**
         * Update a group
         * @description Changes the name, default assignment, SSO mappings or state of a group; `state` 2 deletes it.
         *     The permissions of the group are left as they are.
         */
        post: operations["updateGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/assign-groups/": {
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
        get?: never;
        put?: never;
        /**
         * Set the groups of a user
         * @description Makes a user a member of exactly the groups listed: they join the listed groups and leave
         *     every other group of the account. Returns the groups the user belongs to afterwards.
         */
        post: operations["assignUserToGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/group-permissions/{group_id}/": {
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
                 * @description Numeric id of the group whose permissions are set.
                 * @example 512304
                 */
                group_id: components["parameters"]["GroupPermissionsGroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the permissions of a group
         * @description Replaces everything a group grants with the list sent: permissions not in the list are
         *     removed. Each entry names a permission set, the projects it covers and, for some sets, the
         *     kinds of environment it may change.
         */
        post: operations["assignGroupPermissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/license-maps/": {
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
         * List license maps
         * @description Lists the license maps of an account, active ones unless `state` says otherwise. Each maps
         *     identity-provider groups to the license type their members get.
         */
        get: operations["listLicenseMaps"];
        put?: never;
        /**
         * Create a license map
         * @description Creates a license map: users who sign in through SSO as members of one of the listed groups
         *     receive the chosen license type.
         */
        post: operations["createLicenseMap"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/license-maps/{id}/": {
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
                 * @description Numeric id of the license map.
                 * @example 3307
                 */
                id: components["parameters"]["LicenseMapId"];
            };
            cookie?: never;
        };
        /**
         * Get a license map
         * @description Returns one license map with its license type and identity-provider groups.
         */
        get: operations["getLicenseMap"];
        put?: never;
        /**
         * Update a license map
         * @description Changes the license type, identity-provider groups or state of a license map. Send the whole
         *     license map, as read, with your changes.
         */
        post: operations["updateLicenseMap"];
        /**
         * Delete a license map
         * @description Deletes a license map, so it no longer decides the license type of users who sign in
         *     through SSO.
         */
        delete: operations["deleteLicenseMap"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/service-tokens/": {
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
         * List service tokens
         * @description Lists the service tokens of an account with their permission grants and last use. Secrets
         *     are never included.
         */
        get: operations["listServiceTokens"];
        put?: never;
        /**
         * Create a service token
         * @description Creates a service token with the permission sets given in `permission_grants`. The response
         *     holds `token_string`, the secret; it is shown only this once, so store it safely.
         */
        post: operations["createServiceToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/service-tokens/{id}/": {
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
                 * @description Numeric id of the service token (not its secret).
                 * @example 88215
                 */
                id: components["parameters"]["ServiceTokenId"];
            };
            cookie?: never;
        };
        /**
         * Get a service token
         * @description Returns one service token with its permission grants and last use, but not its secret. A
         *     deleted token is still returned, with `state` 2.
         */
        get: operations["getServiceToken"];
        /**
         * Rename a service token
         * @description Changes the name of a service token. Its secret and permissions stay as they are; to change
         *     permissions, create a new token.
         */
        put: operations["updateServiceToken"];
        post?: never;
        /**
         * Delete a service token
         * @description Deactivates a service token; requests made with its secret are refused from then on. The
         *     token can still be read, with `state` 2.
         */
        delete: operations["deleteServiceToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/service-tokens/{service_token_id}/permissions/": {
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
                 * @description Numeric id of the service token whose permissions are listed.
                 * @example 88215
                 */
                service_token_id: components["parameters"]["ServiceTokenPermissionsTokenId"];
            };
            cookie?: never;
        };
        /**
         * List the permissions of a service token
         * @description Lists the stored permission records of one service token: each permission set, the projects
         *     it covers and the kinds of environment it may change.
         */
        get: operations["listServiceTokenPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/": {
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
         * @description Lists the projects of an account, one page at a time. `include_related` embeds the
         *     repository, connection, group permissions, docs job or freshness job of each project.
         */
        get: operations["listProjectsV3"];
        put?: never;
        /**
         * Create a project
         * @description Creates a project in the account. Then add a repository and a connection, point the project
         *     at them, and create its environments.
         */
        post: operations["createProjectV3"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{id}/": {
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
         * @description Returns one project with the ids of its repository, connection and docs and freshness jobs.
         *     `include_related` embeds those objects, or the project's group permissions.
         */
        get: operations["getProjectV3"];
        put?: never;
        /**
         * Update a project
         * @description Replaces the fields of a project with those sent; optional fields left out may be cleared, so
         *     send the whole project. Setting `state` to `2` deletes it.
         */
        post: operations["updateProjectV3"];
        /**
         * Delete a project
         * @description Deletes a project. It is soft-deleted (state `2`) and can still be listed with
         *     `state=deleted`.
         */
        delete: operations["deleteProjectV3"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/repositories/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List the repositories of a project
         * @description Lists the git repositories connected to a project, one page at a time, optionally only those
         *     cloned from one URL.
         */
        get: operations["listProjectRepositories"];
        put?: never;
        /**
         * Create a repository
         * @description Connects a git repository to a project. Then set the project's `repository_id` to the new id
         *     so the project uses it.
         */
        post: operations["createProjectRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/repositories/{id}/": {
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
                project_id: number;
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
         * @description Returns one repository of a project with its remote URL and clone settings; ask for the deploy
         *     key with `include_related=deploy_key`.
         */
        get: operations["getProjectRepository"];
        put?: never;
        /**
         * Update a repository
         * @description Replaces the settings of a repository with those sent; send back the ids it already has
         *     (deploy key, credentials, webhook) so they are kept. Setting `state` to `2` deletes it.
         */
        post: operations["updateProjectRepository"];
        /**
         * Delete a repository
         * @description Deletes a repository of a project; it is soft-deleted (state `2`). The project needs another
         *     repository before it can run again.
         */
        delete: operations["deleteProjectRepository"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/managed-repositories/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a managed repository
         * @description Creates a git repository that dbt Cloud hosts itself, for a project with no repository of its
         *     own. dbt Labs advises against managed repositories for production work.
         */
        post: operations["createManagedRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/managed-repositories/{repository_id}/download/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the managed repository.
                 * @example 184512
                 */
                repository_id: number;
            };
            cookie?: never;
        };
        /**
         * Download a managed repository
         * @description Downloads the files of a managed repository as a ZIP archive, for instance to move the project
         *     to a git host of your own.
         */
        get: operations["downloadManagedRepository"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/adapters/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an adapter
         * @description Attaches a warehouse adapter to a project. Give the new adapter's id when creating connections
         *     or credentials that ask for one.
         */
        post: operations["createAdapter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/adapters/{id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the adapter.
                 * @example 48213
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get an adapter
         * @description Returns one adapter of a project, with its adapter version and display metadata.
         */
        get: operations["getAdapter"];
        put?: never;
        /**
         * Update an adapter
         * @description Replaces the fields of an adapter with those sent; send the whole adapter. Setting `state` to
         *     `2` deletes it.
         */
        post: operations["updateAdapter"];
        /**
         * Delete an adapter
         * @description Deletes an adapter of a project; it is soft-deleted (state `2`).
         */
        delete: operations["deleteAdapter"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/adapter-schema/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the schema of an adapter
         * @description Returns which settings an adapter takes for connections, credentials and its other parts, with
         *     labels, defaults and which are required. It is not tied to an account.
         */
        get: operations["getAdapterSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environments/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List the environments of a project
         * @description Lists the environments of a project, with filters on type, deployment type, dbt version and
         *     name. `include_related` accepts `project`, `connection`, `credentials` and `repository`.
         */
        get: operations["listProjectEnvironments"];
        put?: never;
        /**
         * Create an environment
         * @description Creates a development or deployment environment in the project. A project has at most one
         *     development environment, one production and one staging environment.
         */
        post: operations["createProjectEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environments/{id}/": {
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
                project_id: number;
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
         * @description Returns one environment of the project. `include_related` accepts `project`, `connection`,
         *     `credentials` and `repository`.
         */
        get: operations["getProjectEnvironment"];
        put?: never;
        /**
         * Replace an environment
         * @description Replaces the environment with the values sent. Fields left out go back to their defaults, so
         *     `credentials_id` or `connection_id` are cleared unless sent; read the environment first and
         *     send it back whole.
         */
        post: operations["updateProjectEnvironment"];
        /**
         * Delete an environment
         * @description Deletes the environment. dbt Cloud keeps it with state `2`, so it can still be listed with
         *     `state=deleted`.
         */
        delete: operations["deleteProjectEnvironment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/environments/{environment_id}/sao-cache/": {
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
                environment_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Clear the state-aware orchestration cache
         * @description Clears what state-aware orchestration (SAO) has cached for the environment, so the next run
         *     decides afresh which models need building.
         */
        delete: operations["clearEnvironmentSaoCache"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an environment variable value
         * @description Stores one value of an environment variable: the project default, an environment value, a
         *     job override or a personal override, as `type` says. Secret values (`DBT_ENV_SECRET_...`)
         *     come back masked.
         */
        post: operations["createEnvironmentVariable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/{id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the environment variable value.
                 * @example 412006
                 */
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update an environment variable value
         * @description Changes one value of an environment variable, such as the project default or an environment
         *     value. A secret value can be replaced but is never returned.
         */
        post: operations["updateEnvironmentVariable"];
        /**
         * Delete an environment variable value
         * @description Deletes one value of an environment variable. Deleting an environment value or an override
         *     makes the level below apply again; to remove a variable with all its values, use the bulk
         *     delete.
         */
        delete: operations["deleteEnvironmentVariable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/bulk/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update a variable and its values
         * @description Renames one variable and changes, adds or removes its values in one call. Keys of `env_vars`
         *     other than `name` and `new_name` are value ids (to change a value) or environment names (to
         *     add one); an empty or null value removes it.
         */
        put: operations["updateEnvironmentVariablesBulk"];
        /**
         * Create environment variables in bulk
         * @description Creates a variable with its project default and its values per environment, keyed by environment
         *     name, in one call. Real clients send `env_var` as one object and read one result (`message`,
         *     `new_var_ids`); dbt Labs' published spec also describes a list of variables with one result each.
         *     When every variable fails, the answer is a 400 whose `data` lists the failures.
         */
        post: operations["createEnvironmentVariablesBulk"];
        /**
         * Delete a variable with all its values
         * @description Deletes the named variable: its project default, its environment values and every job and
         *     personal override.
         */
        delete: operations["deleteEnvironmentVariablesBulk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/environment/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List variables by environment
         * @description Returns every variable of the project as a table: for each variable name, the project default
         *     and the value in each environment that sets one. Secret values are masked.
         */
        get: operations["listEnvironmentVariablesByEnvironment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/job/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List the variables of a job
         * @description Returns, for each variable, the values a job sees: the project default, the value of the
         *     job's environment and the job's own override, where each is set. Secret values are masked.
         */
        get: operations["listJobEnvironmentVariableOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/environment-variables/user/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List the variables of a user
         * @description Returns, for each variable, the values a user sees while developing: the project default, the
         *     development environment's value and the user's personal override, where each is set. Secret
         *     values are masked.
         */
        get: operations["listUserEnvironmentVariableOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/connections/": {
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
         * List account connections
         * @description Lists the warehouse connections of an account. Lists leave out the adapter settings
         *     (`config` is null); get a connection by id to read them.
         */
        get: operations["listAccountConnections"];
        put?: never;
        /**
         * Create an account connection
         * @description Creates a warehouse connection that any project of the account can use. `adapter_version`
         *     chooses the adapter, and `config` carries the settings of that adapter.
         */
        post: operations["createAccountConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/connections/{id}/": {
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
                 * @description Numeric id of the connection.
                 * @example 117401
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get an account connection
         * @description Returns one connection with its adapter settings. Secrets such as keys and passwords are never returned.
         */
        get: operations["getAccountConnection"];
        put?: never;
        post?: never;
        /**
         * Delete an account connection
         * @description Deletes a connection from the account.
         */
        delete: operations["deleteAccountConnection"];
        options?: never;
        head?: never;
        /**
         * Update an account connection
         * @description Changes only the fields sent, including single adapter settings under `config`. The adapter
         *     itself cannot be changed.
         */
        patch: operations["updateAccountConnection"];
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/connections/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List project connections
         * @deprecated
         * @description Lists connections through the older per-project endpoint, without their adapter settings.
         *     Deprecated by dbt Labs in favour of the account connection endpoints.
         */
        get: operations["listProjectConnections"];
        put?: never;
        /**
         * Create a project connection
         * @deprecated
         * @description Creates a connection through the older per-project endpoint, which takes no adapter
         *     settings. Deprecated by dbt Labs; create account connections instead.
         */
        post: operations["createProjectConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/connections/{id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the connection.
                 * @example 117401
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a project connection
         * @deprecated
         * @description Returns one connection through the older per-project endpoint, without its adapter settings.
         *     Deprecated by dbt Labs in favour of the account connection endpoints.
         */
        get: operations["getProjectConnection"];
        put?: never;
        /**
         * Update a project connection
         * @deprecated
         * @description Replaces the fields of a connection through the older per-project endpoint; send every
         *     required field. Deprecated by dbt Labs; update account connections instead.
         */
        post: operations["updateProjectConnection"];
        /**
         * Delete a project connection
         * @deprecated
         * @description Deletes a connection through the older per-project endpoint. Deprecated by dbt Labs;
         *     delete account connections instead.
         */
        delete: operations["deleteProjectConnection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/private-endpoints/": {
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
         * List private endpoints
         * @description Lists the private endpoints of an account, optionally filtered by type or a search term.
         */
        get: operations["listPrivateEndpoints"];
        put?: never;
        /**
         * Create a private endpoint
         * @description Records a private endpoint for the account. Endpoints are usually set up by dbt Labs on request;
         *     the API documents neither the body it takes nor a body in its answer.
         */
        post: operations["createPrivateEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/private-endpoints/{pl_endpoint_ksuid}/": {
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
                 * @description Id of the private endpoint, a KSUID.
                 * @example 2Ky9Pf34qY6Nb3wWD25RQ4F5ZR3
                 */
                pl_endpoint_ksuid: string;
            };
            cookie?: never;
        };
        /**
         * Get a private endpoint
         * @description Returns one private endpoint, including its port and provisioning status.
         */
        get: operations["getPrivateEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a private endpoint
         * @description Deletes a private endpoint from the account.
         */
        delete: operations["deletePrivateEndpoint"];
        options?: never;
        head?: never;
        /**
         * Update a private endpoint
         * @description Changes only the fields sent. The API documents neither the body it takes nor a body in its answer.
         */
        patch: operations["updatePrivateEndpoint"];
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/credentials/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List credentials
         * @description Lists the warehouse credentials of a project. Secrets such as passwords and private keys are
         *     never included.
         */
        get: operations["listCredentials"];
        put?: never;
        /**
         * Create credentials
         * @description Stores a new set of warehouse credentials in a project, for use by a deployment environment
         *     or a profile. The fields to send depend on `type`.
         */
        post: operations["createCredentials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/credentials/{id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the credentials.
                 * @example 301556
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get credentials
         * @description Returns one set of warehouse credentials, without its secrets.
         */
        get: operations["getCredentials"];
        put?: never;
        /**
         * Update credentials
         * @description Replaces a set of credentials with the fields sent; send the same body as for creating
         *     them. Secrets that are left out keep their stored values.
         */
        post: operations["updateCredentials"];
        /**
         * Delete credentials
         * @description Deletes a set of credentials. Environments or profiles that use them can no longer connect.
         */
        delete: operations["deleteCredentials"];
        options?: never;
        head?: never;
        /**
         * Partly update credentials
         * @description Changes only the fields sent; the others keep their values. Send `type` with the type the
         *     credentials already have.
         */
        patch: operations["patchCredentials"];
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/extended-attributes/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create extended attributes
         * @description Stores a set of extra dbt profile keys in a project. Attach it to an environment or a
         *     profile to override or add to what the connection and credentials give.
         */
        post: operations["createExtendedAttributes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/extended-attributes/{id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the extended attributes.
                 * @example 4410
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get extended attributes
         * @description Returns one set of extended attributes with its profile keys.
         */
        get: operations["getExtendedAttributes"];
        put?: never;
        post?: never;
        /**
         * Delete extended attributes
         * @description Deletes a set of extended attributes.
         */
        delete: operations["deleteExtendedAttributes"];
        options?: never;
        head?: never;
        /**
         * Update extended attributes
         * @description Replaces the profile keys of a set of extended attributes with the ones sent, and can change
         *     its state.
         */
        patch: operations["updateExtendedAttributes"];
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/profiles/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List profiles
         * @description Lists the profiles of a project: each names a connection, credentials and optional extended
         *     attributes, and shows the environments that use it.
         */
        get: operations["listProfiles"];
        put?: never;
        /**
         * Create a profile
         * @description Creates a profile from a connection, credentials and, optionally, extended attributes. Its
         *     key must be unique within the project.
         */
        post: operations["createProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/profiles/{id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the profile.
                 * @example 7702
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a profile
         * @description Returns one profile with the environments that use it.
         */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        /**
         * Delete a profile
         * @description Deletes a profile. A profile that an environment still uses cannot be deleted.
         */
        delete: operations["deleteProfile"];
        options?: never;
        head?: never;
        /**
         * Update a profile
         * @description Changes the fields sent; the others keep their values. The body names the profile again with
         *     `pk`, `account_id` and `project_id`.
         */
        patch: operations["updateProfile"];
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/subscriptions": {
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
         * List webhook subscriptions
         * @description Lists the webhook subscriptions of an account. The body uses the webhooks service's own status
         *     object, which carries only `code`.
         */
        get: operations["listWebhookSubscriptions"];
        put?: never;
        /**
         * Create a webhook subscription
         * @description Creates a subscription that sends the chosen job run events to an endpoint. The answer holds
         *     `hmac_secret`, the key dbt Cloud signs each delivery with; store it to check signatures.
         */
        post: operations["createWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/subscription/{subscription_id}": {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        /**
         * Get a webhook subscription
         * @description Returns one subscription with its events, jobs, endpoint, signing secret and the outcome of
         *     its latest delivery. The body uses the webhooks service's own status object.
         */
        get: operations["getWebhookSubscription"];
        /**
         * Update a webhook subscription
         * @description Replaces the configuration of a subscription (name, description, events, jobs, endpoint and
         *     whether it is active). Send every field; the signing secret does not change.
         */
        put: operations["updateWebhookSubscription"];
        post?: never;
        /**
         * Delete a webhook subscription
         * @description Deletes a subscription; no more events are sent for it. The answer holds only the id, with a
         *     status object that also reports `is_success`.
         */
        delete: operations["deleteWebhookSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/subscription/{subscription_id}/test": {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        /**
         * Test a webhook subscription
         * @description Sends a test event to the subscription's endpoint right away and reports how the endpoint
         *     answered. Use it to check the endpoint is reachable and accepts signed requests.
         */
        get: operations["testWebhookSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/subscription/{subscription_id}/events": {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        /**
         * List the events of a webhook subscription
         * @description Lists the events dbt Cloud recorded for a subscription, each with the JSON payload it sends.
         *     The service keeps them for 30 days.
         */
        get: operations["listWebhookEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/subscription/{subscription_id}/event/{event_id}/receipt": {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
                /**
                 * @description Id of the webhook event (a string starting with `wev_`).
                 * @example wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP
                 */
                event_id: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        /**
         * List the delivery receipts of an event for a subscription
         * @description Lists the delivery attempts of one event to one subscription's endpoint, with what was sent
         *     and what the endpoint answered.
         */
        get: operations["listWebhookSubscriptionEventReceipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/event/{event_id}": {
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
                 * @description Id of the webhook event (a string starting with `wev_`).
                 * @example wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP
                 */
                event_id: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        /**
         * Get a webhook event
         * @deprecated
         * @description Returns one recorded event with its payload. Deprecated by dbt Labs; list a subscription's
         *     events instead.
         */
        get: operations["getWebhookEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/event/{event_id}/receipts": {
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
                 * @description Id of the webhook event (a string starting with `wev_`).
                 * @example wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP
                 */
                event_id: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        /**
         * List the delivery receipts of a webhook event
         * @deprecated
         * @description Lists the delivery attempts of one event. Deprecated by dbt Labs; use the receipts of an event
         *     for a given subscription instead.
         */
        get: operations["listWebhookEventReceipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/webhooks/receipt/{receipt_id}": {
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
                 * @description Id of the delivery receipt (a string).
                 * @example wre_2Xq9cV7wX1yZ3aB5cD7eF9gH2iJ
                 */
                receipt_id: components["parameters"]["WebhookReceiptId"];
            };
            cookie?: never;
        };
        /**
         * Get a webhook delivery receipt
         * @deprecated
         * @description Returns one delivery attempt with the request sent and the endpoint's answer. Deprecated by
         *     dbt Labs; use the receipts of an event for a given subscription instead.
         */
        get: operations["getWebhookReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/semantic-layer-credentials/": {
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
         * List Semantic Layer credentials
         * @description Lists the warehouse credentials the Semantic Layer uses for the account's projects, with the
         *     service tokens linked to each. Secret values are left out.
         */
        get: operations["listSemanticLayerCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/favorite-assets/": {
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
         * List favorite assets
         * @description Lists the assets (dbt resources and warehouse objects) that users of the account marked as
         *     favorites, optionally narrowed to one user, project or environment.
         */
        get: operations["listFavoriteAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/audit-logs/": {
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
         * List audit log events
         * @description Lists recorded events of the account, one page at a time. Without a date range
         *     the last 90 days are returned; use the bulk export for older events.
         */
        get: operations["listAuditLogEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/audit-logs/download/": {
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
         * Download audit log events as CSV
         * @description Returns the events of a date range as a CSV file, one event per row, the same events the list
         *     operation pages through. Without a date range the last 90 days are included.
         */
        get: operations["downloadAuditLogEventsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/audit-logs/export/": {
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
         * Get the status of a bulk audit log export
         * @description Tells whether the account's bulk export is still being built. Poll it after requesting an
         *     export until `is_running` is false, then fetch the download link.
         */
        get: operations["getAuditLogExportStatus"];
        put?: never;
        /**
         * Request a bulk audit log export
         * @description Starts building a CSV file of the account's whole audit log history, beyond the 90 days the
         *     list covers. Takes no body; needs a personal access token, as service tokens are refused.
         */
        post: operations["requestAuditLogExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/audit-logs/export/{job_identifier}/download/": {
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
                 * @description The `job_id` returned when the export was requested.
                 * @example 7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e0c1f47
                 */
                job_identifier: string;
            };
            cookie?: never;
        };
        /**
         * Get the download link of a bulk audit log export
         * @description Returns a short-lived link to the CSV file of a finished export. The answer is JSON; fetch the
         *     file itself from `download_url`.
         */
        get: operations["downloadAuditLogExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/ip-restrictions/": {
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
         * List IP restriction rules
         * @description Lists the IP restriction rules of the account with their address ranges.
         */
        get: operations["listIpRestrictions"];
        put?: never;
        /**
         * Create an IP restriction rule
         * @description Creates a rule with its address ranges. The answer is successful as long as at least one
         *     range was saved; ranges that failed are listed under `extra`.
         */
        post: operations["createIpRestriction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/ip-restrictions/{id}": {
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
                 * @description Numeric id of the IP restriction rule.
                 * @example 7021
                 */
                id: components["parameters"]["IpRestrictionRuleId"];
            };
            cookie?: never;
        };
        /**
         * Get an IP restriction rule
         * @description Returns one IP restriction rule with its address ranges.
         */
        get: operations["getIpRestriction"];
        /**
         * Update an IP restriction rule
         * @description Replaces a rule's name, type, description and ranges. Send existing ranges with their `id` to
         *     keep them; the answer is successful as long as at least one range was saved.
         */
        put: operations["updateIpRestriction"];
        post?: never;
        /**
         * Delete an IP restriction rule
         * @description Deletes an IP restriction rule and its address ranges.
         */
        delete: operations["deleteIpRestriction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/ip-restrictions-set/": {
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
        get?: never;
        put?: never;
        /**
         * Turn IP restrictions on or off
         * @description Switches enforcement of the account's IP restriction rules on or off. Check first with
         *     `validateClientIp` that your own address would still be let in.
         */
        post: operations["enableIpRestrictions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/ip-restrictions-set/{id}/validate/": {
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
                 * @description Numeric id of the account's IP restriction rule set.
                 * @example 1204
                 */
                id: components["parameters"]["IpRestrictionRuleSetId"];
            };
            cookie?: never;
        };
        /**
         * Check the caller's address against the rules
         * @description Tells whether the address this request comes from would be let in by the rule set's current
         *     rules, so you can enable or tighten them without locking yourself out.
         */
        get: operations["validateClientIp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/ip-restrictions-set/{id}/validate/{rule_id}": {
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
                 * @description Numeric id of the account's IP restriction rule set.
                 * @example 1204
                 */
                id: components["parameters"]["IpRestrictionRuleSetId"];
                /**
                 * @description Numeric id of the rule to leave out of the check.
                 * @example 7021
                 */
                rule_id: number;
            };
            cookie?: never;
        };
        /**
         * Check the caller's address without one rule
         * @description Tells whether the address this request comes from would still be let in if the given rule
         *     were removed or changed, so you can edit or delete it safely.
         */
        get: operations["validateClientIpExcludingRule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/oauth-configurations/": {
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
         * List OAuth configurations
         * @description Lists the external OAuth configurations of an account, which let developers reach the warehouse
         *     with tokens from Entra ID or Okta. Client secrets are never included.
         */
        get: operations["listOAuthConfigurations"];
        put?: never;
        /**
         * Create an OAuth configuration
         * @description Registers an identity provider app (Entra ID or Okta) for warehouse OAuth. The client secret is
         *     stored but never returned; a connection uses the configuration once its `oauth_configuration_id`
         *     points at it.
         */
        post: operations["createOAuthConfiguration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/oauth-configurations/{id}/": {
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
                 * @description Numeric id of the OAuth configuration.
                 * @example 7214
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get an OAuth configuration
         * @description Returns one OAuth configuration, without its client secret.
         */
        get: operations["getOAuthConfiguration"];
        put?: never;
        /**
         * Update an OAuth configuration
         * @description Replaces the settings of an OAuth configuration, for example to rotate its client secret. The
         *     answer never includes the secret.
         */
        post: operations["updateOAuthConfiguration"];
        /**
         * Delete an OAuth configuration
         * @description Deletes an OAuth configuration of the account.
         */
        delete: operations["deleteOAuthConfiguration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/integrations/lineage/": {
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
                project_id: number;
            };
            cookie?: never;
        };
        /**
         * List lineage integrations
         * @description Lists the BI tool integrations of a project whose dashboards dbt Explorer shows in lineage.
         */
        get: operations["listLineageIntegrations"];
        put?: never;
        /**
         * Create a lineage integration
         * @description Connects a project to a BI tool so dbt Explorer can show its dashboards in lineage. The project
         *     needs a production environment first. The access token is stored but never returned.
         */
        post: operations["createLineageIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/integrations/lineage/{id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * Get a lineage integration
         * @description Returns one lineage integration, without its access token.
         */
        get: operations["getLineageIntegration"];
        put?: never;
        post?: never;
        /**
         * Delete a lineage integration
         * @description Deletes a lineage integration; dbt Cloud stops fetching dashboards from that BI tool.
         */
        delete: operations["deleteLineageIntegration"];
        options?: never;
        head?: never;
        /**
         * Update a lineage integration
         * @description Changes only the fields sent, for example a new access token. Within `config`, send the keys to
         *     change.
         */
        patch: operations["updateLineageIntegration"];
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/integrations/lineage/{id}/collections/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        /**
         * List BI tool collections
         * @description Lists the top-level folders and dashboards of the BI tool, each marked with whether dbt Cloud
         *     watches it. Pass `collection_id` to look inside one folder instead.
         */
        get: operations["listLineageCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/integrations/lineage/{id}/collections/{collection_id}/": {
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
                /**
                 * @description The BI tool's identifier of the folder to look inside.
                 * @example 6b1f0c2e-8d4a-4f37-9e15-3a7c2b9d0e41
                 */
                collection_id: string;
            };
            cookie?: never;
        };
        /**
         * List the contents of a BI tool collection
         * @description Lists the folders and dashboards inside one folder of the BI tool, each marked with whether dbt
         *     Cloud watches it. The answer has the same shape as the top-level list.
         */
        get: operations["listLineageCollectionContents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/projects/{project_id}/integrations/lineage/{id}/selections": {
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change which collections are watched
         * @description Starts watching the folders and dashboards in `to_add` and stops watching those whose
         *     identifiers are in `to_remove`. The answer is a bare object with the two counts, not an envelope.
         */
        post: operations["updateLineageSelections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim-config/": {
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
         * Get the SCIM settings
         * @description Returns whether SCIM provisioning is on for the account, whether people may still edit
         *     SCIM-managed users and groups, and whether SCIM sets license types.
         */
        get: operations["getScimConfig"];
        put?: never;
        /**
         * Save the SCIM settings
         * @description Turns SCIM provisioning on or off and stores its options. The account has one SCIM
         *     configuration; posting again overwrites it.
         */
        post: operations["createScimConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim-config/tokens/": {
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
         * List SCIM tokens
         * @description Lists the tokens identity providers use to call the SCIM endpoints. Their secrets are not
         *     included.
         */
        get: operations["listScimTokens"];
        put?: never;
        /**
         * Create a SCIM token
         * @description Creates a token for an identity provider. The response holds the token's secret in
         *     `token_string`; it is returned only this once and cannot be read later.
         */
        post: operations["createScimToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim-config/tokens/{id}/": {
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
                 * @description Numeric id of the SCIM token.
                 * @example 5102
                 */
                id: components["parameters"]["ScimTokenId"];
            };
            cookie?: never;
        };
        /**
         * Get a SCIM token
         * @description Returns one SCIM token's name and usage times. The secret is not included.
         */
        get: operations["getScimToken"];
        put?: never;
        post?: never;
        /**
         * Delete a SCIM token
         * @description Revokes a SCIM token at once; identity providers still using it get `401`. Put the new token in
         *     the identity provider before deleting the old one.
         */
        delete: operations["deleteScimToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/Groups": {
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
         * List SCIM groups
         * @description Lists the account's groups as a SCIM ListResponse. Pages with `startIndex` and `count`, and
         *     narrows with a SCIM `filter`.
         */
        get: operations["listScimGroups"];
        put?: never;
        /**
         * Create a SCIM group
         * @description Creates a group from a SCIM Group resource, with its members. Called by the identity provider
         *     when it pushes a group.
         */
        post: operations["createScimGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/Groups/{group_id}": {
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
                 * @description SCIM id of the group, which is the dbt Cloud group id written as a string.
                 * @example 30412
                 */
                group_id: components["parameters"]["ScimGroupId"];
            };
            cookie?: never;
        };
        /**
         * Get a SCIM group
         * @description Returns one group as a SCIM Group resource, with its members.
         */
        get: operations["getScimGroup"];
        /**
         * Replace a SCIM group
         * @description Replaces a group's name, external id and whole membership with the resource sent. Members
         *     left out of the body are removed from the group.
         */
        put: operations["replaceScimGroup"];
        post?: never;
        /**
         * Delete a SCIM group
         * @description Deletes a group; its members lose the permissions it granted.
         */
        delete: operations["deleteScimGroup"];
        options?: never;
        head?: never;
        /**
         * Partly update a SCIM group
         * @description Applies a SCIM PatchOp to a group: adds or removes members, or renames it, without sending
         *     the whole membership.
         */
        patch: operations["patchScimGroup"];
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/ResourceTypes": {
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
         * List SCIM resource types
         * @description Lists the resource types the SCIM service offers (users and groups) and the schemas each one
         *     uses, as a SCIM ListResponse.
         */
        get: operations["listScimResourceTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/ResourceTypes/{resource_type}": {
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
                 * @description Name of a resource type the service provider supports.
                 * @example User
                 */
                resource_type: components["parameters"]["ScimResourceTypeName"];
            };
            cookie?: never;
        };
        /**
         * Get a SCIM resource type
         * @description Returns one resource type, with its endpoint, main schema and extension schemas.
         */
        get: operations["getScimResourceType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/Schemas": {
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
         * List SCIM schemas
         * @description Lists the SCIM schemas the service uses, including the dbt Labs user extension that carries
         *     the license type, as a SCIM ListResponse.
         */
        get: operations["listScimSchemas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/Schemas/{schema_uri}": {
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
                 * @description The URN that identifies a SCIM schema.
                 * @example urn:ietf:params:scim:schemas:core:2.0:User
                 */
                schema_uri: components["parameters"]["ScimSchemaUri"];
            };
            cookie?: never;
        };
        /**
         * Get a SCIM schema
         * @description Returns one SCIM schema definition, found by its URN, with the attributes it defines.
         */
        get: operations["getScimSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/ServiceProviderConfig": {
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
         * Get the SCIM service provider configuration
         * @description Tells identity providers which optional SCIM features the service offers (PATCH, filtering,
         *     bulk, sorting) and how to authenticate.
         */
        get: operations["getScimServiceProviderConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/Users": {
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
         * List SCIM users
         * @description Lists the account's users as a SCIM ListResponse. Pages with `startIndex` and `count`, and
         *     narrows with a SCIM `filter`, which identity providers use to find a user by `userName`.
         */
        get: operations["listScimUsers"];
        put?: never;
        /**
         * Create a SCIM user
         * @description Provisions a user from a SCIM User resource and gives them a license, taken from the dbt Labs
         *     extension's `licenseType` when SCIM controls license types.
         */
        post: operations["createScimUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/accounts/{account_id}/scim/v2/Users/{user_id}": {
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
                 * @description SCIM id of the user, which is the dbt Cloud user id written as a string.
                 * @example 96170
                 */
                user_id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        /**
         * Get a SCIM user
         * @description Returns one user as a SCIM User resource, with their groups and license type.
         */
        get: operations["getScimUser"];
        /**
         * Replace a SCIM user
         * @description Replaces a user's attributes (name, emails, active flag, license type) with the resource sent.
         */
        put: operations["replaceScimUser"];
        post?: never;
        /**
         * Delete a SCIM user
         * @description Deprovisions a user: removes them from the account and frees their license.
         */
        delete: operations["deleteScimUser"];
        options?: never;
        head?: never;
        /**
         * Partly update a SCIM user
         * @description Applies a SCIM PatchOp to a user. Identity providers use it to deactivate or reactivate a
         *     user by setting `active`.
         */
        patch: operations["patchScimUser"];
        trace?: never;
    };
}
export interface webhooks {
    "job.run.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Job run started
         * @description dbt Cloud sends this `job.run.started` event to your endpoint when a run of a subscribed job starts. The
         *     `Authorization` header holds the hex HMAC-SHA256 of the raw request body, keyed with the
         *     subscription's `hmac_secret`; compute it yourself and compare before trusting the body.
         */
        post: operations["onJobRunStarted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "job.run.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Job run completed
         * @description dbt Cloud sends this `job.run.completed` event to your endpoint when a run of a subscribed job finishes, whether it succeeded, failed or was cancelled. The
         *     `Authorization` header holds the hex HMAC-SHA256 of the raw request body, keyed with the
         *     subscription's `hmac_secret`; compute it yourself and compare before trusting the body.
         */
        post: operations["onJobRunCompleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "job.run.errored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Job run errored
         * @description dbt Cloud sends this `job.run.errored` event to your endpoint as soon as a run of a subscribed job fails. The
         *     `Authorization` header holds the hex HMAC-SHA256 of the raw request body, keyed with the
         *     subscription's `hmac_secret`; compute it yourself and compare before trusting the body.
         */
        post: operations["onJobRunErrored"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
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
         * @description Why an account was locked: its trial ran out (`trial_expired`), it was cancelled (`cancelled`), a bill went
         *     unpaid (`unpaid`), it was a provisioned annual Team plan (`provisioned_team_annual`), it was moved elsewhere
         *     (`migrated`), it was a workshop account (`workshop`), or another reason (`other`).
         * @enum {string}
         */
        AccountLockCause: "trial_expired" | "cancelled" | "unpaid" | "provisioned_team_annual" | "other" | "migrated" | "workshop";
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
            /**
             * @description The project the connection was made for; null for connections shared across the account. In the older
             *     flat format (warehouse settings at the top level, the dbt project in `dbt_project_id`), a BigQuery
             *     connection's `project_id` is the Google Cloud project name, a string.
             */
            project_id?: number | string | null;
            /** @description Older flat format only. The dbt project the connection was made for. */
            dbt_project_id?: number | null;
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
         * @description A moment as the API writes it (see `Timestamp`), or null: recorded responses show null here, for example in
         *     the `created_at` of an object the same request just created.
         * @example 2024-03-18 09:14:02.518344+00:00
         */
        NullableTimestamp: string | null;
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
            /**
             * @description Which days the job runs. A job embedded in a run (`include_related=job`) may show only the kind of
             *     schedule, as a string, as dbt Labs' published spec describes it.
             */
            date: components["schemas"]["JobScheduleDate"] | components["schemas"]["JobScheduleDateType"];
            /** @description When on those days the job runs; as `date`, only the kind of schedule in a job embedded in a run. */
            time: components["schemas"]["JobScheduleTime"] | components["schemas"]["JobScheduleTimeType"];
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
            /** @description True when the project's setup (connection and repository) was skipped when it was created. */
            skipped_setup?: boolean;
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
            type?: components["schemas"]["EnvironmentType"];
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
            /**
             * @description Lifecycle state: `1` active, `2` deleted. An environment embedded in a run has also been recorded with
             *     `10`, so other values can appear.
             */
            state: number;
            created_at?: components["schemas"]["NullableTimestamp"];
            updated_at?: components["schemas"]["NullableTimestamp"];
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
            /**
             * @description The older switch for state-aware orchestration: false lets dbt Cloud skip nodes whose sources and code did
             *     not change. While both are sent, `cost_optimization_features` takes precedence (Terraform provider).
             */
            force_node_selection?: boolean | null;
            /** @description True when the job is turned off (no trigger set); recorded responses carry it, older ones may not. */
            readonly deactivated?: boolean;
            /** @description True for jobs dbt Cloud creates and manages itself rather than a user. */
            readonly is_system?: boolean;
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
            use_custom_branch?: boolean;
            /** @description Folder inside the repository that holds `dbt_project.yml`, where it differs from the project's. */
            dbt_project_subdirectory?: string | null;
            /** @description The dbt version runs should use, such as `1.9.0-latest` or `latest`. */
            dbt_version?: string;
            /**
             * @description True when jobs in the environment may generate docs.
             * @default false
             */
            supports_docs?: boolean;
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
            generate_docs?: boolean;
            /**
             * @description A second source freshness flag; prefer `run_generate_sources`.
             * @default false
             */
            generate_sources?: boolean;
            /**
             * @description True to run `dbt source freshness` as part of each run.
             * @default false
             */
            run_generate_sources?: boolean;
            job_type?: components["schemas"]["JobType"];
            /**
             * @description True to send run lifecycle events to the account's webhooks.
             * @default false
             */
            lifecycle_webhooks?: boolean;
            /**
             * @description True for CI jobs that compare changed models with production.
             * @default false
             */
            run_compare_changes?: boolean;
            /**
             * @description The selection flags used when comparing changes.
             * @default --select state:modified
             */
            compare_changes_flags?: string;
            /**
             * @description True to lint SQL in CI runs.
             * @default false
             */
            run_lint?: boolean;
            /**
             * @description True to fail a CI run when linting finds problems.
             * @default true
             */
            errors_on_lint_failure?: boolean;
            /** @description The cost optimization features to turn on. */
            cost_optimization_features?: components["schemas"]["JobCostOptimizationFeature"][];
            /**
             * @description The older switch for state-aware orchestration (false lets dbt Cloud skip unchanged nodes). Sent by the
             *     Terraform provider and dbt-jobs-as-code; `cost_optimization_features` takes precedence when both are sent.
             */
            force_node_selection?: boolean;
            settings?: components["schemas"]["JobSettings"];
            state?: components["schemas"]["EntityState"];
            /**
             * @description True to also run CI on draft pull requests.
             * @default false
             */
            triggers_on_draft_pr?: boolean;
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
        /**
         * @description The result of running one node (model, test, seed, snapshot...). Only the fields every schema version
         *     requires are required: `message` is optional in version 1, `failures` came with version 2, `compiled`,
         *     `compiled_code` and `relation_name` later still.
         */
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
            message?: string | null;
            /** @description For tests, how many rows failed; null for other nodes. */
            failures?: number | null;
            /** @description True when the node's code was compiled. */
            compiled?: boolean | null;
            /** @description The SQL (or Python) dbt sent to the warehouse. */
            compiled_code?: string | null;
            /** @description The fully qualified name of the relation the node built; null for tests. */
            relation_name?: string | null;
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
         * @description The content of `run_results.json`: the outcome and timing of every node a `dbt run`, `build`, `test`,
         *     `seed` or `snapshot` step handled. Runs of older dbt versions are still served, so this accepts schema
         *     versions 1 to 6 (`metadata.dbt_schema_version` tells which) and requires only what they all share.
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
            /**
             * @description The `ref()` calls in the code. Schema version 8 and older write each call as a list of strings
             *     (`[package, name]` or `[name]`).
             */
            refs?: (components["schemas"]["ManifestRef"] | string[])[];
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
            /** @description Id of the resource. Doc blocks in schema version 6 and older carry no `resource_type`. */
            unique_id: string;
            resource_type?: components["schemas"]["ManifestResourceType"];
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
            /** @description Documentation of the resource (null for some saved queries). */
            description?: string | null;
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
         * @description The content of `manifest.json`: every resource of the project and its packages, with the dependency
         *     graph. Nodes are typed; the other resource maps carry only the fields all resources share and accept any
         *     others. Runs of older dbt versions are still served, so this accepts schema versions 4 to 12
         *     (`metadata.dbt_schema_version` tells which) and requires only the maps every version's schema requires:
         *     `disabled`, `parent_map` and `child_map` are optional before version 12, `groups` came with version 9,
         *     `semantic_models` with 10, `saved_queries` with 11, `unit_tests` and `group_map` with 12.
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
            groups?: components["schemas"]["ManifestResourceMap"];
            /** @description Selectors defined in `selectors.yml`, keyed by name. */
            selectors: {
                [key: string]: unknown;
            };
            /** @description Disabled resources, keyed by unique id; each id maps to the list of its disabled definitions. */
            disabled?: {
                [key: string]: {
                    [key: string]: unknown;
                }[];
            } | null;
            /** @description For each resource, the ids of the resources it depends on. */
            parent_map?: components["schemas"]["ManifestIdListMap"];
            /** @description For each resource, the ids of the resources that depend on it. */
            child_map?: components["schemas"]["ManifestIdListMap"];
            /** @description For each group name, the ids of its resources. */
            group_map?: components["schemas"]["ManifestIdListMap"];
            /** @description Saved queries of the semantic layer. */
            saved_queries?: components["schemas"]["ManifestResourceMap"];
            /** @description Semantic models of the semantic layer. */
            semantic_models?: components["schemas"]["ManifestResourceMap"];
            /** @description Unit tests. */
            unit_tests?: components["schemas"]["ManifestResourceMap"];
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
        /**
         * @description A freshness check that ran, with the age it found. `timing`, `thread_id` and `execution_time` came with
         *     schema version 2, so they are optional.
         */
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
            timing?: components["schemas"]["ArtifactTiming"][];
            /** @description The dbt worker thread that ran the check. */
            thread_id?: string;
            /** @description Seconds the check took. */
            execution_time?: number;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description A freshness check that could not run, for example because the table is missing. Schema versions 1 and 2
         *     do not promise `error`.
         */
        SourcesFreshnessRuntimeError: {
            /** @description Id of the source table. */
            unique_id: string;
            /** @description What went wrong. */
            error?: string | number | null;
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
         * @description The content of `sources.json`, written by `dbt source freshness`: how fresh each checked source table
         *     is. Accepts schema versions 1 to 3 (`metadata.dbt_schema_version` tells which), requiring only what they
         *     share.
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
        /** @description Who to invite, with the license and groups they get on accepting. */
        InviteSendRequest: {
            /** @description The addresses to send an invitation to; each gets its own email. */
            email_addresses: string[];
            license_type: components["schemas"]["UserLicenseType"];
            /** @description Groups of the account the invited people join once they accept. */
            group_ids?: number[];
        };
        /** @description What happened to the invitations. */
        InviteSendResult: {
            /** @description The addresses an invitation was sent to. */
            sent?: string[];
        };
        InviteSendResultEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["InviteSendResult"];
        };
        /** @description The license a user holds in the account. */
        AccountUserLicense: {
            /** @description Numeric id of the license (the user's permission record in the account). */
            readonly id: number;
            license_type: components["schemas"]["UserLicenseType"];
        };
        /** @description One user of an account, with the license they hold there. */
        AccountUser: {
            /** @description Numeric id of the user. */
            readonly id: number;
            /** @description The address the user signs in with. */
            readonly email: string;
            /** @description Given name. */
            first_name: string;
            /** @description Family name. */
            last_name: string;
            /** @description Given and family name together. */
            readonly fullname: string;
            /** @description True once the user has confirmed their email address. */
            readonly email_verified: boolean;
            license: components["schemas"]["AccountUserLicense"];
            /** @description False when the user has been deactivated and cannot sign in. */
            readonly is_active?: boolean;
            /** @description True for dbt Labs staff accounts. */
            readonly is_staff?: boolean;
            /** @description True when SCIM provisioning manages the user, so they cannot be changed by hand. */
            readonly scim_managed?: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        AccountUserEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["AccountUser"];
        };
        /**
         * @description What a token is for: 1 CloudCli, 2 General, 3 NativeAppUserLink, 4 Scim.
         * @enum {integer}
         */
        AccountScopedTokenType: 1 | 2 | 3 | 4;
        /**
         * @description A personal access token of a user that works only in one account. Its secret is not part of
         *     this object; it is returned once, when the token is created or rotated.
         */
        AccountScopedToken: {
            /** @description Numeric id of the token. */
            readonly id: number;
            /** @description The one account the token works in. */
            readonly account_id: number;
            /** @description The user the token acts as. */
            readonly user_id: number;
            /** @description A short public identifier of the token, safe to show. */
            readonly uid: string;
            /** @description A label that tells the user's tokens apart. */
            name: string;
            state: components["schemas"]["EntityState"];
            /** @description What the token is for. */
            readonly type?: components["schemas"]["AccountScopedTokenType"] | null;
            /** @description A hash of the secret, kept for lookups; it cannot be used to authenticate. */
            readonly token?: string | null;
            /**
             * @description The secret. Filled only in the responses of the create and rotate operations; null or
             *     left out everywhere else.
             */
            readonly token_string?: string | null;
            /**
             * @deprecated
             * @description No longer kept up to date.
             */
            readonly last_used?: components["schemas"]["Timestamp"] | null;
            /**
             * @deprecated
             * @description No longer kept up to date.
             */
            readonly last_identify?: components["schemas"]["Timestamp"] | null;
            /**
             * @deprecated
             * @description No longer used.
             */
            readonly expires_at?: components["schemas"]["Timestamp"] | null;
            /**
             * @deprecated
             * @description The name of the user the token acts as; use `user_id` instead.
             */
            readonly user?: {
                /** @description Given name. */
                first_name?: string;
                /** @description Family name. */
                last_name?: string;
            } | null;
            /**
             * @deprecated
             * @description No longer used; always false.
             */
            readonly metadata_only?: boolean;
            /**
             * @deprecated
             * @description No longer used; always false.
             */
            readonly webhooks_only?: boolean;
            /**
             * @deprecated
             * @description No longer used for personal tokens; usually empty.
             */
            readonly service_token_permissions?: {
                [key: string]: unknown;
            }[];
            /**
             * @deprecated
             * @description No longer used for personal tokens; usually empty.
             */
            readonly semantic_layer_credentials?: {
                [key: string]: unknown;
            }[];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        AccountScopedTokenListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["AccountScopedToken"][];
        };
        /** @description The token to create. */
        AccountScopedTokenCreate: {
            /** @description A label for the token. */
            name: string;
        };
        /** @description A token just created or rotated, with its secret. */
        AccountScopedTokenCreated: components["schemas"]["AccountScopedToken"] & {
            /**
             * @description The secret, to send as `Authorization: Token <secret>`. Returned only in this response;
             *     it cannot be read again, so store it at once.
             */
            readonly token_string: string;
        };
        AccountScopedTokenCreatedEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["AccountScopedTokenCreated"];
        };
        AccountScopedTokenEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["AccountScopedToken"];
        };
        /**
         * @description The kind of warehouse the credentials are for: `postgres`, `redshift`, `snowflake`,
         *     `bigquery`, or `adapter` (any other warehouse; `adapter_version` says which).
         * @enum {string}
         */
        UserCredentialsWarehouseType: "postgres" | "redshift" | "snowflake" | "bigquery" | "adapter";
        /**
         * @description The warehouse adapter a connection uses, with the version of its settings schema:
         *     `apache_spark_v0` Apache Spark, `athena_v0` Amazon Athena, `bigquery_v0` BigQuery (legacy
         *     settings), `bigquery_v1` BigQuery, `databricks_spark_v0` Databricks through the Spark adapter,
         *     `databricks_v0` Databricks, `fabric_v0` Microsoft Fabric, `postgres_v0` PostgreSQL,
         *     `redshift_v0` Amazon Redshift, `salesforce_v0` Salesforce Data Cloud, `snowflake_v0` Snowflake,
         *     `synapse_v0` Azure Synapse Analytics, `teradata_v0` Teradata, `trino_v0` Starburst or Trino.
         * @enum {string}
         */
        ConnectionAdapterVersion: "apache_spark_v0" | "athena_v0" | "bigquery_v0" | "bigquery_v1" | "databricks_spark_v0" | "databricks_v0" | "fabric_v0" | "postgres_v0" | "redshift_v0" | "salesforce_v0" | "snowflake_v0" | "synapse_v0" | "teradata_v0" | "trino_v0";
        /**
         * @description The development credentials a link points to, as embedded with `include_related=credentials`.
         *     Secrets such as passwords and keys are never returned.
         */
        UserCredentialsWarehouseCredentials: {
            /** @description Numeric id of the credentials. */
            readonly id?: number;
            /** @description The account the credentials belong to. */
            account_id: number;
            /** @description The project the credentials are for. */
            project_id?: number | null;
            type: components["schemas"]["UserCredentialsWarehouseType"];
            /** @description The adapter the credentials are for, when `type` is `adapter`. */
            adapter_version?: components["schemas"]["ConnectionAdapterVersion"] | null;
            state: components["schemas"]["EntityState"];
            /** @description How many models dbt builds at the same time with these credentials. */
            threads: number;
            /** @description The warehouse user name. */
            username: string;
            /** @description The schema dbt builds into during development. */
            default_schema: string;
            /** @description The value of `target.name` in dbt during development. */
            target_name: string;
        };
        /** @description The project the credentials are for, as embedded with `include_related=project`. */
        UserCredentialsProject: {
            /** @description Numeric id of the project. */
            readonly id?: number;
            /** @description The account the project belongs to. */
            account_id: number;
            /** @description Display name of the project. */
            name: string;
            /** @description Free text about what the project holds. */
            description?: string | null;
            /** @description The warehouse connection the project uses. */
            connection_id?: number | null;
            /** @description The git repository the project uses. */
            repository_id?: number | null;
            /** @description The Semantic Layer configuration of the project, where there is one. */
            semantic_layer_config_id?: number | null;
            state: components["schemas"]["EntityState"];
            /** @description The folder of the repository that holds the dbt project; null for the root. */
            dbt_project_subdirectory?: string | null;
            /** @description The job whose documentation the project shows. */
            docs_job_id?: number | null;
            /** @description The job whose source freshness results the project shows. */
            freshness_job_id?: number | null;
            /**
             * @description The kind of project: 0 Default, 1 Hybrid.
             * @enum {integer}
             */
            type?: 0 | 1;
        };
        /** @description A link between a user and the development credentials they use in one project. */
        UserCredentials: {
            /** @description Numeric id of the link. */
            readonly id: number;
            /** @description The account the link belongs to. */
            account_id: number;
            /** @description The user who develops with the credentials. */
            user_id: number;
            /** @description The project the credentials are used in. */
            project_id: number;
            /** @description The development credentials the user uses. */
            credentials_id: number;
            state: components["schemas"]["EntityState"];
            /** @description The credentials themselves; filled only with `include_related=credentials`. */
            readonly credentials?: components["schemas"]["UserCredentialsWarehouseCredentials"] | null;
            /** @description The project; filled only with `include_related=project`. */
            readonly project?: components["schemas"]["UserCredentialsProject"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        UserCredentialsListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["UserCredentials"][];
        };
        /**
         * @description Which development credentials a user uses in a project. The body sent to create or update a
         *     link; `user_id` must match the user in the path.
         */
        UserCredentialsWrite: {
            /** @description The account the project belongs to. */
            account_id: number;
            /** @description The user, the same as in the path. */
            user_id: number;
            /** @description The project the credentials are for. */
            project_id: number;
            /** @description The development credentials to use. */
            credentials_id: number;
            state: components["schemas"]["EntityState"];
        };
        UserCredentialsEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["UserCredentials"];
        };
        /**
         * @description A kind of environment a permission may change: `development`, `staging`, `production`,
         *     `other`, or `all` for every kind. Outside the listed kinds the permission only reads.
         * @enum {string}
         */
        GroupWritableEnvironmentCategory: "all" | "development" | "staging" | "production" | "other";
        /**
         * @description One permission set a group grants, either on every project of the account or on a single
         *     project, optionally limited to some kinds of environment.
         */
        GroupPermission: {
            /** @description Numeric id of the group permission. */
            readonly id?: number;
            /** @description The account the permission belongs to. */
            account_id: number;
            /** @description The group that grants the permission. */
            group_id: number;
            /** @description The one project the permission covers; null when it covers all projects. */
            project_id?: number | null;
            /** @description True when the permission covers every project of the account. */
            all_projects: boolean;
            permission_set: components["schemas"]["UserPermissionSet"];
            /** @description A legacy numeric level kept for older clients; usually null. */
            permission_level?: number | null;
            state?: components["schemas"]["EntityState"];
            /**
             * @description The kinds of environment whose jobs and settings the permission may change. Empty means
             *     all of them. Only `analyst`, `database_admin`, `developer`, `git_admin` and `team_admin`
             *     honour this limit.
             */
            writable_environment_categories?: components["schemas"]["GroupWritableEnvironmentCategory"][];
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        /** @description A group of users in an account; every member receives the permissions the group grants. */
        Group: {
            /** @description Numeric id of the group. */
            readonly id: number;
            /** @description The account the group belongs to. */
            account_id: number;
            /** @description Display name of the group, such as `Owner`, `Member` or `Analytics Engineers`. */
            name: string;
            state: components["schemas"]["EntityState"];
            /** @description True when every new user of the account joins this group. */
            assign_by_default: boolean;
            /** @description Identity-provider group names whose members are put in this group when they sign in. */
            sso_mapping_groups?: string[];
            /**
             * @description The permissions the group grants. Filled in only when asked for with
             *     `include_related=group_permissions`; otherwise an empty list.
             */
            readonly group_permissions?: components["schemas"]["GroupPermission"][];
            /** @description How many users belong to the group. */
            readonly member_count?: number;
            /** @description True when the group is provisioned through SCIM and should be changed there. */
            readonly scim_managed?: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        GroupListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Group"][];
        };
        /** @description A new group. Its permissions are set afterwards with the group-permissions operation. */
        GroupCreate: {
            /** @description The account to create the group in; the same as in the path. */
            account_id: number;
            /** @description Display name of the group. */
            name: string;
            state?: components["schemas"]["EntityState"];
            /**
             * @description True to add every new user of the account to this group.
             * @default false
             */
            assign_by_default?: boolean;
            /** @description Identity-provider group names whose members join this group when they sign in. */
            sso_mapping_groups?: string[];
        };
        GroupEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Group"];
        };
        /**
         * @description The new values of a group. Send the whole group as read, with your changes; `state` 2 deletes
         *     it. Permissions are not changed here.
         */
        GroupUpdate: {
            /** @description The account the group belongs to; the same as in the path. */
            account_id: number;
            /** @description Display name of the group. */
            name: string;
            state?: components["schemas"]["EntityState"];
            /** @description True to add every new user of the account to this group. */
            assign_by_default?: boolean;
            /** @description Identity-provider group names whose members join this group when they sign in. */
            sso_mapping_groups?: string[];
        };
        /** @description A user and the complete set of groups they should belong to. */
        GroupAssignUser: {
            /** @description The user whose groups are set. */
            user_id: number;
            /**
             * @description Every group the user should belong to. The user is added to the listed groups they are not
             *     in yet and removed from the groups that are not listed.
             */
            desired_group_ids: number[];
        };
        /** @description One permission to grant to a group. */
        GroupPermissionInput: {
            /** @description The account the group belongs to; the same as in the path. */
            account_id: number;
            /** @description The group that grants the permission; the same as in the path. */
            group_id: number;
            /** @description The one project to cover. Leave it out, or send null, with `all_projects` true. */
            project_id?: number | null;
            /** @description True to cover every project of the account. */
            all_projects: boolean;
            permission_set: components["schemas"]["UserPermissionSet"];
            /** @description A legacy numeric level; leave it out. */
            permission_level?: number | null;
            state?: components["schemas"]["EntityState"];
            /** @description The kinds of environment the permission may change; leave it out or send `[all]` for all. */
            writable_environment_categories?: components["schemas"]["GroupWritableEnvironmentCategory"][];
        };
        /**
         * @description The complete list of permissions the group should grant. Permissions of the group that are not
         *     in the list are removed; an empty list removes them all.
         */
        GroupPermissionsAssign: components["schemas"]["GroupPermissionInput"][];
        GroupPermissionListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["GroupPermission"][];
        };
        /**
         * @description A rule that gives users a license type when they sign in through SSO as members of one of the
         *     listed identity-provider groups.
         */
        LicenseMap: {
            /** @description Numeric id of the license map. */
            readonly id: number;
            /** @description The account the license map belongs to. */
            account_id: number;
            license_type: components["schemas"]["UserLicenseType"];
            state: components["schemas"]["EntityState"];
            /** @description Identity-provider group names whose members receive this license type. */
            sso_license_mapping_groups?: string[];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        LicenseMapListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["LicenseMap"][];
        };
        /** @description A new license map. */
        LicenseMapCreate: {
            /** @description The account to create the license map in; the same as in the path. */
            account_id: number;
            license_type: components["schemas"]["UserLicenseType"];
            state?: components["schemas"]["EntityState"];
            /** @description Identity-provider group names whose members receive this license type. */
            sso_license_mapping_groups?: string[];
        };
        LicenseMapEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["LicenseMap"];
        };
        /** @description The new values of a license map, sent whole. */
        LicenseMapUpdate: {
            /** @description The account the license map belongs to; the same as in the path. */
            account_id: number;
            license_type: components["schemas"]["UserLicenseType"];
            state?: components["schemas"]["EntityState"];
            /** @description Identity-provider group names whose members receive this license type. */
            sso_license_mapping_groups?: string[];
        };
        /** @description A permission set given to a service token, on all projects or on one. */
        ServiceTokenPermissionGrant: {
            permission_set: components["schemas"]["UserPermissionSet"];
            /** @description The one project the permission covers; null or left out for all projects. */
            project_id?: number | null;
            /**
             * @description The kinds of environment the permission may change; empty or left out means all. Only
             *     some permission sets (such as `developer`) honour this limit.
             */
            writable_environment_categories?: components["schemas"]["GroupWritableEnvironmentCategory"][];
        };
        /** @description An API token that belongs to the account, with the permissions granted to it. The secret is never returned here. */
        ServiceToken: {
            /** @description Numeric id of the service token. */
            readonly id: number;
            /** @description The account the token belongs to. */
            account_id: number;
            /** @description The token's public identifier, shown in the UI; not the secret. */
            readonly uid: string;
            /** @description Display name of the token. */
            name: string;
            state: components["schemas"]["EntityState"];
            /** @description The permission sets the token holds. */
            permission_grants?: components["schemas"]["ServiceTokenPermissionGrant"][];
            /** @description When the token last authenticated a request; null if it never has. */
            readonly last_used?: components["schemas"]["Timestamp"] | null;
            /** @description The Semantic Layer credentials the token may query with. */
            readonly semantic_layer_credentials?: {
                [key: string]: unknown;
            }[];
            /**
             * @deprecated
             * @description No longer used; grant the `metadata_only` permission set instead.
             */
            metadata_only?: boolean;
            /** @description True for a token limited to managing webhooks. */
            webhooks_only?: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ServiceTokenListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["ServiceToken"][];
        };
        /** @description A new service token and the permissions it holds. */
        ServiceTokenCreate: {
            /** @description Display name of the token. */
            name: string;
            /** @description The permission sets to give the token. */
            permission_grants?: components["schemas"]["ServiceTokenPermissionGrant"][];
            /**
             * @deprecated
             * @description No longer used; grant the `metadata_only` permission set instead.
             * @default false
             */
            metadata_only?: boolean;
            /**
             * @description True to limit the token to managing webhooks.
             * @default false
             */
            webhooks_only?: boolean;
        };
        /** @description One stored permission of a service token. */
        ServiceTokenPermission: {
            /** @description Numeric id of the permission. */
            readonly id?: number;
            /** @description The account the permission belongs to. */
            account_id: number;
            /** @description The service token that holds the permission. */
            service_token_id: number;
            /** @description The one project the permission covers; null when it covers all projects. */
            project_id?: number | null;
            /** @description True when the permission covers every project of the account. */
            all_projects: boolean;
            permission_set: components["schemas"]["UserPermissionSet"];
            state?: components["schemas"]["EntityState"];
            /** @description The kinds of environment the permission may change; empty means all. */
            writable_environment_categories?: components["schemas"]["GroupWritableEnvironmentCategory"][];
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        /**
         * @description A service token just created. Unlike every other response about the token, this one carries
         *     `token_string`, the secret to authenticate with; it cannot be read again, so store it now.
         */
        ServiceTokenCreated: {
            /** @description Numeric id of the service token. */
            readonly id: number;
            /** @description The account the token belongs to. */
            account_id: number;
            /** @description The token's public identifier, shown in the UI; not the secret. */
            readonly uid: string;
            /** @description Display name of the token. */
            name: string;
            state: components["schemas"]["EntityState"];
            /**
             * @description The secret to send as `Authorization: Token <token_string>`. Returned only in this
             *     response.
             */
            readonly token_string: string;
            /** @description A hashed form of the secret; it cannot be used to authenticate. */
            readonly token?: string | null;
            /** @description The permission sets the token holds. */
            permission_grants?: components["schemas"]["ServiceTokenPermissionGrant"][];
            /** @description The stored permission records made from `permission_grants`. */
            readonly service_token_permissions?: components["schemas"]["ServiceTokenPermission"][];
            /** @description When the token last authenticated a request; null for a new token. */
            readonly last_used?: components["schemas"]["Timestamp"] | null;
            /** @description When the token was last checked by the identity service; null for a new token. */
            readonly last_identify?: components["schemas"]["Timestamp"] | null;
            /** @description The Semantic Layer credentials the token may query with. */
            readonly semantic_layer_credentials?: {
                [key: string]: unknown;
            }[];
            /**
             * @deprecated
             * @description No longer used; grant the `metadata_only` permission set instead.
             */
            metadata_only?: boolean;
            /** @description True for a token limited to managing webhooks. */
            webhooks_only?: boolean;
            /** @description What the token is for; the same codes as personal access tokens use. */
            readonly type?: components["schemas"]["AccountScopedTokenType"] | null;
            /** @description The owning user, for personal tokens; null for service tokens. */
            readonly user_id?: number | null;
            /** @description The owning user, for personal tokens; null for service tokens. */
            readonly user?: {
                [key: string]: unknown;
            } | null;
            /** @description When the token stops working; null when it does not expire. */
            readonly expires_at?: components["schemas"]["Timestamp"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ServiceTokenCreatedEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["ServiceTokenCreated"];
        };
        ServiceTokenEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["ServiceToken"];
        };
        /** @description The new name of a service token. Its permissions cannot be changed here. */
        ServiceTokenUpdate: {
            /** @description New display name of the token. */
            name: string;
        };
        ServiceTokenPermissionListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["ServiceTokenPermission"][];
        };
        /** @description The GitLab project behind a repository cloned with a GitLab deploy token. */
        RepositoryGitlabProject: {
            /** @description The account the repository belongs to. */
            account_id: number;
            /** @description The dbt Cloud repository this GitLab project is linked to. */
            repository_id?: number | null;
            /** @description Numeric id of the project on GitLab. */
            gitlab_project_id: number;
            state: components["schemas"]["EntityState"];
            /** @description The GitLab project access token dbt Cloud uses, where one was issued. */
            project_access_token_id?: number | null;
            /** @description When the access token stops working. */
            expires_at?: components["schemas"]["Timestamp"] | null;
        };
        /** @description A git repository connected to a project, as the v3 API sends it. */
        RepositoryV3: {
            /** @description Numeric id of the repository. */
            readonly id: number;
            /** @description The account the repository belongs to. */
            account_id: number;
            /** @description The project the repository is connected to. */
            project_id?: number | null;
            /**
             * @description The URL dbt Cloud clones from, such as `git@github.com:org/repo.git`; for GitLab deploy-token
             *     repositories, the `group/project` path.
             */
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
            /** @description True when the repository is reached through a PrivateLink endpoint. */
            readonly is_private_link_enabled?: boolean;
            /**
             * @description URL used to open a pull request from the IDE, with `{{source}}` and `{{destination}}` standing
             *     for the branches.
             */
            pull_request_url_template?: string | null;
            /** @description The short name of the repository, taken from its URL. */
            readonly name?: string | null;
            /** @description The `owner/name` of the repository on GitHub; null for other hosts. */
            readonly github_repo?: string | null;
            /** @description Where the repository can be browsed on its git host. */
            readonly web_url?: string | null;
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The deploy key, when asked for with `include_related=deploy_key`. */
            readonly deploy_key?: components["schemas"]["RepositoryDeployKey"] | null;
            /** @description The git provider integration the repository uses, where there is one. */
            readonly git_provider?: {
                [key: string]: unknown;
            } | null;
            /** @description The linked GitLab project, for repositories cloned with a GitLab deploy token. */
            readonly gitlab?: components["schemas"]["RepositoryGitlabProject"] | null;
        };
        RepositoryV3ListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["RepositoryV3"][];
        };
        /**
         * @description The fields of a new repository. With the `deploy_key` strategy dbt Cloud generates an SSH key
         *     pair; fetch the repository with `include_related=deploy_key` to read the public key. A pull
         *     request URL template cannot be set here; set it with an update afterwards.
         */
        RepositoryV3Create: {
            /**
             * @description The URL to clone from, such as `git@github.com:org/repo.git`; for GitLab deploy-token
             *     repositories, the `group/project` path.
             */
            remote_url: string;
            /** @description The account of the repository; if sent, it must match the path. */
            account_id?: number;
            /** @description The project of the repository; if sent, it must match the path. */
            project_id?: number;
            /** @description The `owner/name` of the repository on its git host. */
            full_name?: string;
            remote_backend?: components["schemas"]["RepositoryRemoteBackend"];
            git_clone_strategy?: components["schemas"]["RepositoryGitCloneStrategy"];
            /** @description The GitHub App installation to clone with; needed for the `github_app` strategy. */
            github_installation_id?: number;
            /** @description The GitLab project to link; needed for the `deploy_token` strategy. */
            gitlab_project_id?: number;
            /** @description The git provider integration to use, for Azure DevOps repositories. */
            git_provider_id?: number;
            /** @description The Azure DevOps project holding the repository, for the `azure_active_directory_app` strategy. */
            azure_active_directory_project_id?: string;
            /** @description The Azure DevOps repository id, for the `azure_active_directory_app` strategy. */
            azure_active_directory_repository_id?: string;
            /** @description Create the repository even when dbt Cloud cannot register its Azure DevOps webhook. */
            azure_bypass_webhook_registration_failure?: boolean;
            /** @description Stored credentials to clone with, for the `deploy_token` and `git_token` strategies. */
            repository_credentials_id?: number;
            /** @description The PrivateLink endpoint to reach the git host through. */
            private_link_endpoint_id?: string;
            state?: components["schemas"]["EntityState"];
        };
        RepositoryV3Envelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["RepositoryV3"];
        };
        /**
         * @description The new values of a repository. The API replaces the repository with what is sent, so send every
         *     field you want to keep (fetch the repository first and change what you need).
         */
        RepositoryV3Update: {
            /** @description Numeric id of the repository; if sent, it must match the path. */
            id?: number;
            /** @description The URL to clone from. */
            remote_url: string;
            /** @description The account of the repository; if sent, it must match the path. */
            account_id?: number;
            /** @description The project of the repository; if sent, it must match the path. */
            project_id?: number;
            /** @description The `owner/name` of the repository on its git host. */
            full_name?: string | null;
            remote_backend?: components["schemas"]["RepositoryRemoteBackend"] | null;
            git_clone_strategy?: components["schemas"]["RepositoryGitCloneStrategy"];
            /** @description The deploy key to keep using; send back the id the repository already has. */
            deploy_key_id?: number | null;
            /** @description Stored credentials to clone with, for the `deploy_token` and `git_token` strategies. */
            repository_credentials_id?: number | null;
            /** @description The GitHub App installation to clone with. */
            github_installation_id?: number | null;
            /** @description The GitHub webhook registered for the repository; send back the id it already has. */
            github_webhook_id?: number | null;
            /** @description The git provider integration to use, for Azure DevOps repositories. */
            git_provider_id?: number | null;
            /** @description The Azure DevOps project holding the repository. */
            azure_active_directory_project_id?: string | null;
            /** @description The Azure DevOps repository id. */
            azure_active_directory_repository_id?: string | null;
            /** @description Save the repository even when dbt Cloud cannot register its Azure DevOps webhook. */
            azure_bypass_webhook_registration_failure?: boolean;
            /** @description The PrivateLink endpoint to reach the git host through. */
            private_link_endpoint_id?: string | null;
            /** @description URL to open a pull request from the IDE, with `{{source}}` and `{{destination}}` placeholders. */
            pull_request_url_template?: string | null;
            state?: components["schemas"]["EntityState"];
        };
        /** @description The name of a new repository that dbt Cloud hosts itself. */
        ManagedRepositoryCreate: {
            /** @description Name of the managed repository. */
            name: string;
        };
        /**
         * @description A warehouse adapter with the version of its settings schema: `apache_spark_v0` Apache Spark,
         *     `athena_v0` Amazon Athena, `bigquery_v0` BigQuery (legacy settings), `bigquery_v1` BigQuery,
         *     `databricks_spark_v0` Databricks through the Spark adapter, `databricks_v0` Databricks,
         *     `fabric_v0` Microsoft Fabric, `postgres_v0` PostgreSQL, `redshift_v0` Amazon Redshift,
         *     `salesforce_v0` Salesforce Data Cloud (in beta, not open to every account), `snowflake_v0`
         *     Snowflake, `synapse_v0` Azure Synapse Analytics, `teradata_v0` Teradata, `trino_v0` Starburst
         *     or Trino.
         * @enum {string}
         */
        AdapterVersion: "apache_spark_v0" | "athena_v0" | "bigquery_v0" | "bigquery_v1" | "databricks_spark_v0" | "databricks_v0" | "fabric_v0" | "postgres_v0" | "redshift_v0" | "salesforce_v0" | "snowflake_v0" | "synapse_v0" | "teradata_v0" | "trino_v0";
        /** @description How the adapter is shown in dbt Cloud (the `metadata_json` of an adapter). */
        AdapterDisplayMetadata: {
            /** @description Short display name of the adapter, such as `Snowflake`. */
            title?: string;
            /** @description Link to the dbt documentation on setting up this adapter. */
            docs_link?: string;
            /** @description Link to the adapter's logo. */
            image_link?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description The fields of a new adapter. */
        AdapterCreate: {
            adapter_version: components["schemas"]["AdapterVersion"];
            metadata_json: components["schemas"]["AdapterDisplayMetadata"];
            /** @description The account of the adapter; if sent, it must match the path. */
            account_id?: number;
            /** @description The project of the adapter; if sent, it must match the path. */
            project_id?: number;
            /** @description The user creating the adapter, when a user token is used. */
            created_by_id?: number;
            /** @description The service token creating the adapter, when a service token is used. */
            created_by_service_token_id?: number;
            state?: components["schemas"]["EntityState"];
        };
        /**
         * @description A warehouse adapter attached to a project. Its id can be given when creating connections or
         *     credentials that need one.
         */
        Adapter: {
            /** @description Numeric id of the adapter. */
            readonly id: number;
            /** @description The account the adapter belongs to. */
            account_id: number;
            /** @description The project the adapter is attached to. */
            project_id: number;
            /** @description The user who created the adapter; null when a service token did. */
            created_by_id?: number | null;
            /** @description The service token that created the adapter; null when a user did. */
            created_by_service_token_id?: number | null;
            adapter_version: components["schemas"]["AdapterVersion"];
            metadata_json?: components["schemas"]["AdapterDisplayMetadata"] | null;
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        AdapterEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Adapter"];
        };
        /**
         * @description The new values of an adapter. The API replaces the adapter with what is sent, so send every field
         *     you want to keep.
         */
        AdapterUpdate: {
            adapter_version: components["schemas"]["AdapterVersion"];
            metadata_json: components["schemas"]["AdapterDisplayMetadata"];
            /** @description The account of the adapter; if sent, it must match the path. */
            account_id?: number;
            /** @description The project of the adapter; if sent, it must match the path. */
            project_id?: number;
            /** @description The user who created the adapter. */
            created_by_id?: number | null;
            /** @description The service token that created the adapter. */
            created_by_service_token_id?: number | null;
            state?: components["schemas"]["EntityState"];
        };
        /** @description How connections of this adapter can be reached through PrivateLink. */
        AdapterPrivateLinkSupport: {
            /**
             * @description The kind of PrivateLink endpoint the adapter can use; usually `adapter`.
             * @enum {string}
             */
            endpoint_type: "postgres" | "redshift" | "snowflake" | "bigquery" | "adapter";
            /**
             * @description The connection setting that holds the host name.
             * @default host
             */
            hostname_field?: string;
            /** @description Suffix removed from the PrivateLink endpoint to get the host name of the connection. */
            strip_suffix: string;
        };
        /** @description General facts about an adapter. */
        AdapterSchemaMetadata: {
            /** @description Short display name of the adapter, such as `Snowflake`. */
            title: string;
            /** @description Link to the dbt documentation on setting up this adapter. */
            docs_link: string;
            /** @description Link to the adapter's logo. */
            image_link: string;
            /** @description PrivateLink support of the adapter; null when it has none. */
            private_link?: components["schemas"]["AdapterPrivateLinkSupport"] | null;
        };
        /** @description One allowed value of a choice setting. */
        AdapterFieldOption: {
            /** @description What the value is called on screen. */
            label?: string;
            /** @description The value to send. */
            value?: string | number | boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description How one setting is shown and checked. */
        AdapterFieldMetadata: {
            /** @description What the setting is called on screen. */
            label?: string;
            /** @description Help text for the setting. */
            description?: string | null;
            /** @description The kind of input, such as `text`, `number`, `boolean` or `select`. */
            field_type?: string;
            /** @description True for secrets, which are stored encrypted and never sent back. */
            encrypt?: boolean;
            /** @description True when an environment can override the value. */
            overrideable?: boolean;
            /** @description The allowed values, for choice settings. */
            options?: components["schemas"]["AdapterFieldOption"][];
            /** @description Checks applied to the value. */
            validation?: {
                /** @description True when the setting must be given. */
                required?: boolean;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description One setting of a connection or credential. */
        AdapterField: {
            metadata?: components["schemas"]["AdapterFieldMetadata"];
            /** @description The default value of the setting, if it has one. */
            value?: unknown;
        } & {
            [key: string]: unknown;
        };
        /** @description Settings shown together as one group. */
        AdapterFieldGroup: {
            /** @description Name of the group. */
            name: string;
            /** @description The names of the settings in the group. */
            members: string[];
        };
        /** @description The settings of one part of an adapter's configuration, such as its connection or credentials. */
        AdapterFieldSet: {
            /** @description The settings, keyed by name. */
            fields?: {
                [key: string]: components["schemas"]["AdapterField"];
            };
            /** @description The order in which the settings are shown. */
            field_order?: string[];
            /** @description Settings that are shown together. */
            field_groups?: components["schemas"]["AdapterFieldGroup"][];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Which settings an adapter takes, part by part. A part is left out (or null) when the adapter
         *     does not support it.
         */
        AdapterSchema: {
            metadata: components["schemas"]["AdapterSchemaMetadata"];
            /** @description Settings of a connection. */
            connection?: components["schemas"]["AdapterFieldSet"] | null;
            /** @description Settings of a developer or deployment credential. */
            credential?: components["schemas"]["AdapterFieldSet"] | null;
            /** @description Settings of the credentials dbt Cloud uses to read platform metadata. */
            platform_metadata_credentials?: components["schemas"]["AdapterFieldSet"] | null;
            /** @description Settings of analytics credentials. */
            analytics_credentials?: components["schemas"]["AdapterFieldSet"] | null;
            /** @description Settings of Semantic Layer credentials. */
            semantic_layer_credentials?: components["schemas"]["AdapterFieldSet"] | null;
            /** @description Settings of the cost insights configuration. */
            cost_insights_config?: components["schemas"]["AdapterFieldSet"] | null;
        };
        AdapterSchemaEnvelope: components["schemas"]["Envelope"] & {
            /** @description The adapter schema asked for. */
            data: {
                adapter: components["schemas"]["AdapterSchema"];
            };
        };
        /**
         * @description The warehouse credentials of a deployment environment, sent when asked for with
         *     `include_related=credentials`. Only the common fields are listed; each warehouse adds its own
         *     settings. Secrets such as passwords and private keys are never sent.
         */
        EnvironmentV3Credentials: {
            /** @description Numeric id of the credentials. */
            readonly id: number;
            /** @description The account the credentials belong to. */
            account_id: number;
            /** @description The project the credentials belong to. */
            project_id?: number | null;
            /**
             * @description The warehouse kind; most newer warehouses use `adapter`.
             * @enum {string}
             */
            type: "postgres" | "redshift" | "snowflake" | "bigquery" | "adapter";
            /** @description For `adapter` credentials, which adapter and version they are for, such as `databricks_v0`. */
            adapter_version?: string | null;
            state: components["schemas"]["EntityState"];
            /** @description How many models dbt builds at the same time. */
            threads?: number | null;
            /** @description The warehouse user name, for warehouses that sign in with one. */
            username?: string | null;
            /** @description The schema dbt builds into unless a model says otherwise. */
            default_schema?: string | null;
            /** @description The value of `target.name` during runs. */
            target_name?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A development or deployment environment of a project, as the v3 API returns it. */
        EnvironmentV3: {
            /** @description Numeric id of the environment. */
            readonly id: number;
            /** @description The account the environment belongs to. */
            account_id: number;
            /** @description The project the environment belongs to. */
            project_id: number;
            /** @description Display name of the environment. */
            name: string;
            type?: components["schemas"]["EnvironmentType"];
            deployment_type?: components["schemas"]["EnvironmentDeploymentType"];
            /** @description The warehouse connection the environment uses. */
            connection_id?: number | null;
            /** @description The warehouse credentials jobs in the environment use; null for development environments. */
            credentials_id?: number | null;
            /** @description Extra connection settings (extended attributes) layered on top of the connection. */
            extended_attributes_id?: number | null;
            /** @description The connection profile the environment uses first, where profiles are set up. */
            primary_profile_id?: number | null;
            /**
             * @description The dbt version runs use, such as `1.9.0-latest` or `latest`.
             * @example 1.9.0-latest
             */
            dbt_version?: string | null;
            /** @description The dbt version exactly as stored, before dbt Cloud resolves it. */
            readonly raw_dbt_version?: string | null;
            /** @description True to check out `custom_branch` instead of the repository's default branch. */
            use_custom_branch: boolean;
            /** @description The git branch to check out when `use_custom_branch` is true. */
            custom_branch?: string | null;
            /** @description True when jobs in the environment can generate docs. */
            supports_docs: boolean;
            /** @description True when other jobs and developers can defer to this environment's state. */
            readonly is_deferrable?: boolean | null;
            /** @description True to collect the query history of models built in the environment. */
            enable_model_query_history?: boolean;
            /** @description True to keep the state of the environment for state-aware orchestration. */
            enable_dbt_state?: boolean;
            state: components["schemas"]["EntityState"];
            created_at?: components["schemas"]["NullableTimestamp"];
            updated_at: components["schemas"]["NullableTimestamp"];
            /** @description Whether the environment is ready for the dbt Fusion engine, as reported by dbt Cloud. */
            readonly fusion_readiness?: {
                [key: string]: unknown;
            } | null;
            /** @description The project, when asked for with `include_related=project`. */
            readonly project?: components["schemas"]["Project"] | null;
            /** @description The connection, when asked for with `include_related=connection`. */
            readonly connection?: components["schemas"]["ProjectConnection"] | null;
            /** @description The credentials, when asked for with `include_related=credentials`. */
            readonly credentials?: components["schemas"]["EnvironmentV3Credentials"] | null;
            /** @description The project's repository, when asked for with `include_related=repository`. */
            readonly repository?: components["schemas"]["Repository"] | null;
        };
        EnvironmentV3ListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["EnvironmentV3"][];
        };
        /** @description The fields of a new environment. */
        EnvironmentV3Create: {
            /** @description The account of the environment; it must match the path. */
            account_id: number;
            /** @description The project of the environment; it must match the path. */
            project_id: number;
            /** @description Display name of the environment. */
            name: string;
            type: components["schemas"]["EnvironmentType"];
            deployment_type?: components["schemas"]["EnvironmentDeploymentType"];
            /** @description The warehouse connection to use. */
            connection_id?: number | null;
            /** @description The warehouse credentials jobs should use; deployment environments only. */
            credentials_id?: number | null;
            /** @description Extra connection settings to layer on top of the connection. */
            extended_attributes_id?: number | null;
            /** @description The connection profile to use first. */
            primary_profile_id?: number | null;
            /**
             * @description The dbt version runs should use, such as `1.9.0-latest` or `latest`.
             * @default latest
             */
            dbt_version?: string;
            /**
             * @description True to check out `custom_branch` instead of the default branch.
             * @default false
             */
            use_custom_branch?: boolean;
            /** @description The git branch to check out when `use_custom_branch` is true. */
            custom_branch?: string | null;
            /**
             * @description True when jobs in the environment may generate docs.
             * @default false
             */
            supports_docs?: boolean;
            /**
             * @description True to collect the query history of models built in the environment.
             * @default false
             */
            enable_model_query_history?: boolean;
            /**
             * @description True to keep the state of the environment for state-aware orchestration.
             * @default false
             */
            enable_dbt_state?: boolean;
            state?: components["schemas"]["EntityState"];
        };
        EnvironmentV3Envelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["EnvironmentV3"];
        };
        /**
         * @description The new values of an environment. This is a full replace: a field left out goes back to its
         *     default, so an id such as `credentials_id` or `connection_id` that is not sent is cleared. Read
         *     the environment first and send every value you want to keep.
         */
        EnvironmentV3Update: {
            /** @description The account of the environment; it must match the path. */
            account_id: number;
            /** @description The project of the environment; it must match the path. */
            project_id: number;
            /** @description Display name of the environment. */
            name: string;
            type: components["schemas"]["EnvironmentType"];
            deployment_type?: components["schemas"]["EnvironmentDeploymentType"];
            /** @description The warehouse connection to use; cleared when left out. */
            connection_id?: number | null;
            /** @description The warehouse credentials jobs should use; cleared when left out. */
            credentials_id?: number | null;
            /** @description Extra connection settings to layer on top of the connection. */
            extended_attributes_id?: number | null;
            /** @description The connection profile to use first. */
            primary_profile_id?: number | null;
            /** @description The dbt version runs should use, such as `1.9.0-latest` or `latest`. */
            dbt_version?: string;
            /** @description True to check out `custom_branch` instead of the default branch. */
            use_custom_branch?: boolean;
            /** @description The git branch to check out when `use_custom_branch` is true. */
            custom_branch?: string | null;
            /** @description True when jobs in the environment may generate docs. */
            supports_docs?: boolean;
            /** @description True to collect the query history of models built in the environment. */
            enable_model_query_history?: boolean;
            /** @description True to keep the state of the environment for state-aware orchestration. */
            enable_dbt_state?: boolean;
            state?: components["schemas"]["EntityState"];
        };
        /**
         * @description Name of the variable. It must start with `DBT_`; dbt Cloud stores names in upper case. Names
         *     starting with `DBT_ENV_SECRET_` mark secrets, whose values are never shown in responses.
         * @example DBT_TARGET_SCHEMA
         */
        EnvironmentVariableName: string;
        /**
         * @description A new value of an environment variable. Set `environment_id` for an `environment` value,
         *     `job_definition_id` for a `job` override and `user_id` for a `user` override; a `project`
         *     value is the default for the whole project.
         */
        EnvironmentVariableCreate: {
            /** @description The account of the variable; it must match the path. */
            account_id: number;
            /** @description The project of the variable; it must match the path. */
            project_id: number;
            name: components["schemas"]["EnvironmentVariableName"];
            type: components["schemas"]["EnvironmentCustomVariableScope"];
            /** @description The environment an `environment` value applies to. */
            environment_id?: number;
            /** @description The job a `job` override applies to. */
            job_definition_id?: number;
            /** @description The user a `user` override belongs to. */
            user_id?: number;
            /** @description The value to store. It is never returned; responses carry `display_value` instead. */
            raw_value?: string;
            /** @description The value to show; normally left out, as dbt Cloud derives it from `raw_value`. */
            display_value?: string;
            state?: components["schemas"]["EntityState"];
        };
        /**
         * @description One value of an environment variable, at the project, environment, job or user level. For a
         *     secret variable (`DBT_ENV_SECRET_...`) `display_value` is masked and the real value is never
         *     returned.
         */
        EnvironmentVariable: {
            /** @description Numeric id of the value. */
            readonly id: number;
            /** @description The account the variable belongs to. */
            account_id: number;
            /** @description The project the variable belongs to. */
            project_id: number;
            name: components["schemas"]["EnvironmentVariableName"];
            type: components["schemas"]["EnvironmentCustomVariableScope"];
            /** @description For an environment-level value, the environment it applies to. */
            environment_id?: number | null;
            /** @description For a job override, the job it applies to. */
            job_definition_id?: number | null;
            /** @description For a personal override, the user it belongs to. */
            user_id?: number | null;
            /** @description The value as shown; always masked (`**********`) for secret variables. */
            display_value?: string | null;
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The environment of an environment-level value, where sent. */
            readonly environment?: components["schemas"]["EnvironmentV3"] | null;
        };
        EnvironmentVariableEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["EnvironmentVariable"];
        };
        /**
         * @description The new fields of one environment variable value. Send the scope fields again together with
         *     the new `raw_value`.
         */
        EnvironmentVariableUpdate: {
            /** @description The account of the variable; it must match the path. */
            account_id: number;
            /** @description The project of the variable; it must match the path. */
            project_id: number;
            name: components["schemas"]["EnvironmentVariableName"];
            type: components["schemas"]["EnvironmentCustomVariableScope"];
            /** @description The environment an `environment` value applies to. */
            environment_id?: number;
            /** @description The job a `job` override applies to. */
            job_definition_id?: number;
            /** @description The user a `user` override belongs to. */
            user_id?: number;
            /** @description The new value. It is never returned; responses carry `display_value` instead. */
            raw_value?: string;
            /** @description The value to show; normally left out, as dbt Cloud derives it from `raw_value`. */
            display_value?: string;
            state?: components["schemas"]["EntityState"];
        };
        /**
         * @description The changes to one variable. `name` is its current name and `new_name` an optional new name.
         *     Every other key is either the id of an existing value (as a string of digits), whose value is
         *     replaced, or the exact name of an environment that has no value yet, which gets one. A value of
         *     an empty string or null removes that value.
         */
        EnvironmentVariableBulkUpdateValues: {
            name: components["schemas"]["EnvironmentVariableName"];
            new_name?: components["schemas"]["EnvironmentVariableName"];
        } & {
            [key: string]: string | null;
        };
        /** @description The changes to make to one variable and its values. */
        EnvironmentVariableBulkUpdate: {
            env_vars: components["schemas"]["EnvironmentVariableBulkUpdateValues"];
        };
        /** @description What a bulk update did. */
        EnvironmentVariableBulkUpdateResult: {
            /** @description A short account of what was done. */
            message?: string;
            /** @description Ids of the values created for environments that had none. */
            new_var_ids?: number[];
            /** @description Ids of the values removed because they were sent empty or null. */
            deleted_var_ids?: number[];
            /** @description Changes that could not be made, keyed by environment name, with the reason. */
            failures?: {
                [key: string]: string;
            } | null;
        };
        EnvironmentVariableBulkUpdateEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["EnvironmentVariableBulkUpdateResult"];
        };
        /**
         * @description One variable to create with all its values. `new_name` is the name, `project` the project
         *     default, and every other key is the exact name of an environment (such as `Production`) with
         *     the value for that environment.
         */
        EnvironmentVariableBulkCreateItem: {
            new_name: components["schemas"]["EnvironmentVariableName"];
            /** @description The project default. */
            project?: string;
        } & {
            [key: string]: string;
        };
        /**
         * @description The variable to create. The Terraform provider, which runs against the real API, sends `env_var` as one
         *     object; dbt Labs' published spec describes a list of them. Both forms are accepted here.
         */
        EnvironmentVariableBulkCreate: {
            env_var: components["schemas"]["EnvironmentVariableBulkCreateItem"] | components["schemas"]["EnvironmentVariableBulkCreateItem"][];
        };
        /** @description What was stored for one variable of a bulk create. */
        EnvironmentVariableBulkCreateOutcome: {
            /** @description A short account of what was done. */
            message: string;
            /** @description Ids of the values created (the project default and each environment value). */
            new_var_ids: number[];
            /** @description Values of this variable that could not be stored, keyed by environment name, with the reason. */
            failures?: {
                [key: string]: unknown;
            } | null;
        };
        /** @description The result for one variable of a bulk create. */
        EnvironmentVariableBulkCreateResult: {
            /** @description The outcome for this variable, such as `success`. */
            status?: string;
            /** @description An HTTP-style code for this variable's outcome. */
            status_code?: number;
            key_name?: components["schemas"]["EnvironmentVariableName"];
            data?: components["schemas"]["EnvironmentVariableBulkCreateOutcome"];
        };
        EnvironmentVariableBulkCreateEnvelope: components["schemas"]["Envelope"] & {
            /**
             * @description For one variable sent as one object, what was stored (`message`, `new_var_ids`), as the Terraform
             *     provider reads it; for a list, one result per variable, in the order sent, as dbt Labs' published
             *     spec describes it.
             */
            data: components["schemas"]["EnvironmentVariableBulkCreateOutcome"] | components["schemas"]["EnvironmentVariableBulkCreateResult"][];
        };
        /** @description The variable to delete, with all its values. */
        EnvironmentVariableBulkDelete: {
            name: components["schemas"]["EnvironmentVariableName"];
        };
        /** @description One value of a variable at one level. Secret values are masked as `**********`. */
        EnvironmentVariableValue: {
            /** @description Numeric id of the value; use it to update or delete the value. */
            id: number;
            /** @description The value as shown; masked for secret variables. */
            value?: string | null;
        };
        /** @description Every variable of the project with its project default and its value in each environment. */
        EnvironmentVariablesByEnvironment: {
            /** @description The column names, in display order; `project` (the project default) comes first, then the environment names. */
            environments: string[];
            /**
             * @description Keyed by variable name. Each entry is keyed by `project` or an environment name, and holds
             *     the value set there; levels with no value are left out.
             */
            variables: {
                [key: string]: {
                    [key: string]: components["schemas"]["EnvironmentVariableValue"];
                };
            };
        };
        EnvironmentVariablesByEnvironmentEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["EnvironmentVariablesByEnvironment"];
            /** @description Unused; sent empty. */
            extra?: {
                [key: string]: unknown;
            };
            /** @description A dbt Cloud error code, sent only when the request failed. */
            error_code?: number | null;
        };
        /** @description The values of one variable that a job sees; levels with no value are left out. */
        EnvironmentVariableJobLevels: {
            project?: components["schemas"]["EnvironmentVariableValue"];
            environment?: components["schemas"]["EnvironmentVariableValue"];
            job?: components["schemas"]["EnvironmentVariableValue"];
        };
        EnvironmentVariableJobOverridesEnvelope: components["schemas"]["Envelope"] & {
            /** @description Keyed by variable name; each entry holds the project, environment and job values. */
            data: {
                [key: string]: components["schemas"]["EnvironmentVariableJobLevels"];
            };
            /** @description Unused; sent empty. */
            extra?: {
                [key: string]: unknown;
            };
            /** @description A dbt Cloud error code, sent only when the request failed. */
            error_code?: number | null;
        };
        /** @description The values of one variable that a user sees while developing; levels with no value are left out. */
        EnvironmentVariableUserLevels: {
            project?: components["schemas"]["EnvironmentVariableValue"];
            environment?: components["schemas"]["EnvironmentVariableValue"];
            user?: components["schemas"]["EnvironmentVariableValue"];
        };
        EnvironmentVariableUserOverridesEnvelope: components["schemas"]["Envelope"] & {
            /** @description Keyed by variable name; each entry holds the project, environment and personal values. */
            data: {
                [key: string]: components["schemas"]["EnvironmentVariableUserLevels"];
            };
            /** @description Unused; sent empty. */
            extra?: {
                [key: string]: unknown;
            };
            /** @description A dbt Cloud error code, sent only when the request failed. */
            error_code?: number | null;
        };
        /**
         * @description An account connection as lists show it: without its adapter settings (`config` is always null
         *     here; get the connection by id to read them) but with the number of environments using it.
         */
        AccountConnectionSummary: {
            /** @description Numeric id of the connection. */
            readonly id: number;
            /** @description The account the connection belongs to. */
            account_id: number;
            /** @description Display name of the connection. */
            name: string;
            adapter_version: components["schemas"]["ConnectionAdapterVersion"];
            /** @description The private endpoint traffic goes through, when the warehouse is reached privately. */
            private_link_endpoint_id?: string | null;
            /** @description True when dbt reaches the warehouse through an SSH tunnel. */
            is_ssh_tunnel_enabled?: boolean;
            /** @description The OAuth configuration developers sign in with, when one is attached. */
            oauth_configuration_id?: number | null;
            /** @description How many environments use the connection. */
            readonly environment__count: number;
            /** @description The platform metadata credentials attached to the connection, if any. */
            readonly platform_metadata_credentials_id?: number | null;
            /** @description The analytics credentials attached to the connection, if any. */
            readonly analytics_credentials_id?: number | null;
            /** @description Always null in lists. */
            config?: null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        AccountConnectionListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["AccountConnectionSummary"][];
        };
        /** @description The fields a new account connection takes, whatever its adapter. */
        AccountConnectionCreateBase: {
            /** @description The account the connection belongs to; must match `account_id` in the path. */
            account_id: number;
            /** @description Display name of the connection. */
            name: string;
            /** @description The private endpoint to reach the warehouse through. */
            private_link_endpoint_id?: string | null;
            /**
             * @description Reach the warehouse through an SSH tunnel.
             * @default false
             */
            is_ssh_tunnel_enabled?: boolean;
            /** @description An OAuth configuration developers will sign in with. */
            oauth_configuration_id?: number | null;
        };
        /** @description Settings of a Snowflake connection (adapter_version `snowflake_v0`). Secrets are write-only and never sent back. */
        SnowflakeConnectionConfig: {
            /** @description The Snowflake account identifier, such as `jf12345.eu-central-1`. */
            account: string;
            /** @description The database dbt connects to. */
            database: string;
            /** @description The virtual warehouse queries run on. */
            warehouse: string;
            /** @description The role dbt assumes after connecting; when null the user's default role is used. */
            role?: string | null;
            /**
             * @description Keep the Snowflake session alive while a run is idle.
             * @default false
             */
            client_session_keep_alive?: boolean;
            /**
             * @description Let developers sign in with Snowflake OAuth (single sign-on).
             * @default false
             */
            allow_sso?: boolean;
            /** @description Client id of the Snowflake OAuth integration. Write-only. */
            oauth_client_id?: string | null;
            /** @description Client secret of the Snowflake OAuth integration. Write-only. */
            oauth_client_secret?: string | null;
        };
        /** @description A new account connection to Snowflake. */
        AccountConnectionCreateSnowflake: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "snowflake_v0";
            config: components["schemas"]["SnowflakeConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "snowflake_v0";
        };
        /** @description Settings of a PostgreSQL connection (adapter_version `postgres_v0`). Secrets are write-only and never sent back. */
        PostgresConnectionConfig: {
            /** @description Host name or address of the server. */
            hostname: string;
            /** @description The database dbt connects to. */
            dbname: string;
            /**
             * @description TCP port of the server.
             * @default 5432
             */
            port?: number;
            /** @description How many times a failed connection attempt is retried. */
            retries?: number | null;
        };
        /** @description A new account connection to PostgreSQL. */
        AccountConnectionCreatePostgres: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "postgres_v0";
            config: components["schemas"]["PostgresConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "postgres_v0";
        };
        /** @description Settings of a Amazon Redshift connection (adapter_version `redshift_v0`). Secrets are write-only and never sent back. */
        RedshiftConnectionConfig: {
            /** @description Host name of the cluster or workgroup endpoint. */
            hostname: string;
            /** @description The database dbt connects to. */
            dbname: string;
            /**
             * @description TCP port of the cluster.
             * @default 5439
             */
            port?: number;
            /** @description How many times a failed connection attempt is retried. */
            retries?: number | null;
        };
        /** @description A new account connection to Amazon Redshift. */
        AccountConnectionCreateRedshift: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "redshift_v0";
            config: components["schemas"]["RedshiftConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "redshift_v0";
        };
        /** @description Settings of a BigQuery (legacy adapter settings) connection (adapter_version `bigquery_v0`). Secrets are write-only and never sent back. */
        BigQueryConnectionConfig: {
            /** @description The Google Cloud project that holds the data. */
            project_id: string;
            /** @description How long, in seconds, a query may run before it is stopped. */
            timeout_seconds: number;
            /** @description Id of the service account key. */
            private_key_id: string;
            /** @description The service account private key in PEM form. Write-only. */
            private_key: string;
            /** @description E-mail address of the service account. */
            client_email: string;
            /** @description Numeric client id of the service account. */
            client_id: string;
            /** @description Google OAuth authorisation URI from the key file. */
            auth_uri: string;
            /** @description Google OAuth token URI from the key file. */
            token_uri: string;
            /** @description URL of Google's public certificates, from the key file. */
            auth_provider_x509_cert_url: string;
            /** @description URL of the service account's public certificate, from the key file. */
            client_x509_cert_url: string;
            /**
             * @description Whether BigQuery runs the queries as `interactive` or `batch` jobs.
             * @enum {string|null}
             */
            priority?: "interactive" | "batch" | null;
            /** @description OAuth scopes requested for the service account. */
            scopes?: string[] | null;
            /** @description The location datasets are created in, such as `EU` or `US`. */
            location?: string | null;
            /** @description Queries that would bill more bytes than this fail instead. */
            maximum_bytes_billed?: number | null;
            /** @description The project billed for query execution, when it differs from `project_id`. */
            execution_project?: string | null;
            /** @description A service account to impersonate when running queries. */
            impersonate_service_account?: string | null;
            /**
             * @description How many times a failed query is retried.
             * @default 1
             */
            retries?: number;
            /** @description How long, in seconds, failed query jobs are retried. */
            job_retry_deadline_seconds?: number | null;
            /** @description How long, in seconds, creating a query job may take. */
            job_creation_timeout_seconds?: number | null;
            /** @description OAuth client id used for developer sign-in with BigQuery OAuth. Write-only. */
            application_id?: string | null;
            /** @description OAuth client secret used for developer sign-in with BigQuery OAuth. Write-only. */
            application_secret?: string | null;
            /** @description Cloud Storage bucket used to stage Python models. */
            gcs_bucket?: string | null;
            /** @description Dataproc region that runs Python models. */
            dataproc_region?: string | null;
            /** @description Dataproc cluster that runs Python models. */
            dataproc_cluster_name?: string | null;
            /** @description A custom BigQuery API endpoint, for example a private one. */
            api_endpoint?: string | null;
        };
        /** @description A new account connection to BigQuery (legacy adapter settings). */
        AccountConnectionCreateBigQuery: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "bigquery_v0";
            config: components["schemas"]["BigQueryConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "bigquery_v0";
        };
        /** @description Settings of a BigQuery connection (adapter_version `bigquery_v1`). Secrets are write-only and never sent back. */
        BigQueryV1ConnectionConfig: {
            /**
             * @description How deployment environments authenticate: with a service account key (`service-account-json`) or through workload identity federation (`external-oauth-wif`).
             * @default service-account-json
             * @enum {string}
             */
            deployment_env_auth_type?: "service-account-json" | "external-oauth-wif";
            /** @description The Google Cloud project that holds the data. */
            project_id: string;
            /** @description Id of the service account key; null when no key is used. */
            private_key_id?: string | null;
            /** @description The service account private key in PEM form. Write-only. */
            private_key?: string | null;
            /** @description E-mail address of the service account. */
            client_email?: string | null;
            /** @description Numeric client id of the service account. */
            client_id?: string | null;
            /** @description Google OAuth authorisation URI from the key file. */
            auth_uri?: string | null;
            /** @description Google OAuth token URI from the key file. */
            token_uri?: string | null;
            /** @description URL of Google's public certificates, from the key file. */
            auth_provider_x509_cert_url?: string | null;
            /** @description URL of the service account's public certificate, from the key file. */
            client_x509_cert_url?: string | null;
            /** @description How long, in seconds, a query may run before it is stopped. */
            job_execution_timeout_seconds?: number | null;
            /**
             * @description Whether BigQuery runs the queries as `interactive` or `batch` jobs.
             * @enum {string|null}
             */
            priority?: "interactive" | "batch" | null;
            /** @description OAuth scopes requested for the service account. */
            scopes?: string[] | null;
            /** @description The location datasets are created in, such as `EU` or `US`. */
            location?: string | null;
            /** @description Queries that would bill more bytes than this fail instead. */
            maximum_bytes_billed?: number | null;
            /** @description The project billed for query execution, when it differs from `project_id`. */
            execution_project?: string | null;
            /** @description A service account to impersonate when running queries. */
            impersonate_service_account?: string | null;
            /** @description How many times a failed query is retried. */
            retries?: number | null;
            /** @description How long, in seconds, failed query jobs are retried. */
            job_retry_deadline_seconds?: number | null;
            /** @description How long, in seconds, creating a query job may take. */
            job_creation_timeout_seconds?: number | null;
            /** @description OAuth client id used for developer sign-in with BigQuery OAuth. Write-only. */
            application_id?: string | null;
            /** @description OAuth client secret used for developer sign-in with BigQuery OAuth. Write-only. */
            application_secret?: string | null;
            /** @description Cloud Storage bucket used to stage Python models. */
            gcs_bucket?: string | null;
            /** @description Dataproc region that runs Python models. */
            dataproc_region?: string | null;
            /** @description Dataproc cluster that runs Python models. */
            dataproc_cluster_name?: string | null;
            /** @description A custom BigQuery API endpoint, for example a private one. */
            api_endpoint?: string | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to BigQuery. */
        AccountConnectionCreateBigQueryV1: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "bigquery_v1";
            config: components["schemas"]["BigQueryV1ConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "bigquery_v1";
        };
        /** @description Settings of a Databricks connection (adapter_version `databricks_v0`). Secrets are write-only and never sent back. */
        DatabricksConnectionConfig: {
            /** @description Host name of the Databricks workspace. */
            host: string;
            /** @description HTTP path of the SQL warehouse or cluster; starts with `/sql/` or `sql/`. */
            http_path: string;
            /**
             * @description The Unity Catalog catalog to use; empty for the workspace default.
             * @default
             */
            catalog?: string;
            /** @description OAuth client id for developer sign-in with Databricks OAuth. Write-only. */
            client_id?: string | null;
            /** @description OAuth client secret for developer sign-in with Databricks OAuth. Write-only. */
            client_secret?: string | null;
            /** @description OAuth scopes requested at sign-in. */
            scopes?: string[] | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Databricks. */
        AccountConnectionCreateDatabricks: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "databricks_v0";
            config: components["schemas"]["DatabricksConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "databricks_v0";
        };
        /** @description Settings of a Databricks through the Spark adapter connection (adapter_version `databricks_spark_v0`). Secrets are write-only and never sent back. */
        DatabricksSparkConnectionConfig: {
            /** @description Host name of the Databricks workspace. */
            host: string;
            /**
             * @description How dbt connects; only `odbc` is offered.
             * @default odbc
             * @enum {string}
             */
            method?: "odbc";
            /**
             * @description TCP port of the workspace.
             * @default 443
             */
            port?: number;
            /**
             * @description Id of the cluster to run on; empty when an endpoint is used.
             * @default
             */
            cluster?: string;
            /**
             * @description Id of the SQL endpoint to run on; empty when a cluster is used.
             * @default
             */
            endpoint?: string;
            /**
             * @description Path of the ODBC driver library.
             * @default /opt/simba/spark/lib/64/libsparkodbc_sb64.so
             */
            driver?: string;
            /**
             * @description Id of the Azure Databricks organisation, where needed.
             * @default
             */
            organization?: string;
            /**
             * @description User name to connect as, where needed.
             * @default
             */
            user?: string;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Databricks through the Spark adapter. */
        AccountConnectionCreateDatabricksSpark: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "databricks_spark_v0";
            config: components["schemas"]["DatabricksSparkConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "databricks_spark_v0";
        };
        /** @description Settings of a Starburst or Trino connection (adapter_version `trino_v0`). Secrets are write-only and never sent back. */
        TrinoConnectionConfig: {
            /** @description Host name of the Starburst or Trino cluster. */
            host: string;
            /**
             * @description How dbt authenticates, such as `ldap`.
             * @default ldap
             */
            method?: string;
            /**
             * @description TCP port of the cluster.
             * @default 443
             */
            port?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Starburst or Trino. */
        AccountConnectionCreateTrino: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "trino_v0";
            config: components["schemas"]["TrinoConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "trino_v0";
        };
        /** @description Settings of a Microsoft Fabric connection (adapter_version `fabric_v0`). Secrets are write-only and never sent back. */
        FabricConnectionConfig: {
            /** @description Host name of the Fabric SQL endpoint. */
            server: string;
            /** @description The database dbt connects to. */
            database: string;
            /**
             * @description Name of the ODBC driver.
             * @default ODBC Driver 18 for SQL Server
             */
            driver?: string;
            /**
             * @description TCP port of the server.
             * @default 1433
             */
            port?: number;
            /**
             * @description How many times a failed connection attempt is retried.
             * @default 1
             */
            retries?: number;
            /**
             * @description Seconds to wait for a login; `0` waits without limit.
             * @default 0
             */
            login_timeout?: number;
            /**
             * @description Seconds a query may run; `0` means no limit.
             * @default 0
             */
            query_timeout?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Microsoft Fabric. */
        AccountConnectionCreateFabric: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "fabric_v0";
            config: components["schemas"]["FabricConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "fabric_v0";
        };
        /** @description Settings of a Azure Synapse Analytics connection (adapter_version `synapse_v0`). Secrets are write-only and never sent back. */
        SynapseConnectionConfig: {
            /** @description Host name of the Synapse SQL endpoint. */
            host: string;
            /** @description The database dbt connects to. */
            database: string;
            /**
             * @description Name of the ODBC driver.
             * @default ODBC Driver 18 for SQL Server
             */
            driver?: string;
            /**
             * @description TCP port of the server.
             * @default 1433
             */
            port?: number;
            /**
             * @description How many times a failed connection attempt is retried.
             * @default 1
             */
            retries?: number;
            /**
             * @description Seconds to wait for a login; `0` waits without limit.
             * @default 0
             */
            login_timeout?: number;
            /**
             * @description Seconds a query may run; `0` means no limit.
             * @default 0
             */
            query_timeout?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Azure Synapse Analytics. */
        AccountConnectionCreateSynapse: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "synapse_v0";
            config: components["schemas"]["SynapseConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "synapse_v0";
        };
        /** @description Settings of a Apache Spark connection (adapter_version `apache_spark_v0`). Secrets are write-only and never sent back. */
        ApacheSparkConnectionConfig: {
            /** @description Host name of the Spark server. */
            host: string;
            /** @description Name or id of the cluster to run on. */
            cluster: string;
            /**
             * @description How dbt connects: `http` or `thrift`.
             * @default http
             * @enum {string}
             */
            method?: "http" | "thrift";
            /**
             * @description Seconds to wait for a connection.
             * @default 10
             */
            connect_timeout?: number;
            /**
             * @description How many times a failed connection attempt is retried.
             * @default 0
             */
            connect_retries?: number;
            /**
             * @description Organisation id, where the platform needs one.
             * @default
             */
            organization?: string;
            /**
             * @description User name to connect as, where needed.
             * @default
             */
            user?: string;
            /**
             * @description Authentication mechanism for Thrift connections, such as `KERBEROS`.
             * @default
             */
            auth?: string;
            /**
             * @description Kerberos service name, for Kerberos authentication.
             * @default
             */
            kerberos_service_name?: string;
            /**
             * @description TCP port of the server.
             * @default 443
             */
            port?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Apache Spark. */
        AccountConnectionCreateApacheSpark: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "apache_spark_v0";
            config: components["schemas"]["ApacheSparkConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "apache_spark_v0";
        };
        /** @description Settings of a Amazon Athena connection (adapter_version `athena_v0`). Secrets are write-only and never sent back. */
        AthenaConnectionConfig: {
            /** @description AWS region of the Athena workgroup, such as `eu-central-1`. */
            region_name: string;
            /** @description The data catalog dbt uses (Athena calls it a database). */
            database: string;
            /** @description S3 location where query results are written. */
            s3_staging_dir: string;
            /** @description The Athena workgroup queries run in. */
            work_group?: string | null;
            /** @description The Athena Spark workgroup Python models run in. */
            spark_work_group?: string | null;
            /** @description S3 prefix where tables are stored. */
            s3_data_dir?: string | null;
            /** @description How table locations under `s3_data_dir` are named, such as `schema_table_unique`. */
            s3_data_naming?: string | null;
            /** @description S3 prefix for temporary tables. */
            s3_tmp_table_dir?: string | null;
            /** @description Seconds between checks on a running query. */
            poll_interval?: number | null;
            /** @description How many times a failed query is retried. */
            num_retries?: number | null;
            /** @description How many times a failed AWS API call is retried. */
            num_boto3_retries?: number | null;
            /** @description How many times a failed Iceberg commit is retried. */
            num_iceberg_retries?: number | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Amazon Athena. */
        AccountConnectionCreateAthena: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "athena_v0";
            config: components["schemas"]["AthenaConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "athena_v0";
        };
        /** @description Settings of a Salesforce Data Cloud connection (adapter_version `salesforce_v0`). Secrets are write-only and never sent back. */
        SalesforceConnectionConfig: {
            /** @description Login URL of the Salesforce org. */
            login_url: string;
            /**
             * @description The Data Cloud dataspace to use.
             * @default default
             */
            database?: string;
            /**
             * @description How long a data transform may run, in milliseconds.
             * @default 180000
             */
            data_transform_run_timeout?: number;
            /**
             * @description How dbt authenticates; only `jwt_bearer` is offered.
             * @default jwt_bearer
             * @enum {string}
             */
            auth_type?: "jwt_bearer";
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Salesforce Data Cloud. */
        AccountConnectionCreateSalesforce: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "salesforce_v0";
            config: components["schemas"]["SalesforceConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "salesforce_v0";
        };
        /** @description Settings of a Teradata connection (adapter_version `teradata_v0`). Secrets are write-only and never sent back. */
        TeradataConnectionConfig: {
            /** @description Host name of the Teradata system. */
            host: string;
            /** @description TCP port of the system, written as a string (the API types it so). */
            port?: string | null;
            /**
             * @description Transaction mode; only `ANSI` is offered.
             * @default ANSI
             * @enum {string}
             */
            tmode?: "ANSI";
            /** @description How many times a failed connection attempt is retried. */
            retries?: number | null;
            /** @description Seconds a request may take. */
            request_timeout?: number | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description A new account connection to Teradata. */
        AccountConnectionCreateTeradata: components["schemas"]["AccountConnectionCreateBase"] & {
            /** @enum {string} */
            adapter_version: "teradata_v0";
            config: components["schemas"]["TeradataConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "teradata_v0";
        };
        /**
         * @description A new account connection. `adapter_version` picks the adapter and with it the shape of
         *     `config`.
         */
        AccountConnectionCreate: components["schemas"]["AccountConnectionCreateSnowflake"] | components["schemas"]["AccountConnectionCreatePostgres"] | components["schemas"]["AccountConnectionCreateRedshift"] | components["schemas"]["AccountConnectionCreateBigQuery"] | components["schemas"]["AccountConnectionCreateBigQueryV1"] | components["schemas"]["AccountConnectionCreateDatabricks"] | components["schemas"]["AccountConnectionCreateDatabricksSpark"] | components["schemas"]["AccountConnectionCreateTrino"] | components["schemas"]["AccountConnectionCreateFabric"] | components["schemas"]["AccountConnectionCreateSynapse"] | components["schemas"]["AccountConnectionCreateApacheSpark"] | components["schemas"]["AccountConnectionCreateAthena"] | components["schemas"]["AccountConnectionCreateSalesforce"] | components["schemas"]["AccountConnectionCreateTeradata"];
        /** @description The fields every account connection has, whatever its adapter. */
        AccountConnectionBase: {
            /** @description Numeric id of the connection. */
            readonly id: number;
            /** @description The account the connection belongs to. */
            account_id: number;
            /** @description Display name of the connection. */
            name: string;
            adapter_version: components["schemas"]["ConnectionAdapterVersion"];
            /** @description The private endpoint traffic goes through, when the warehouse is reached privately. */
            private_link_endpoint_id?: string | null;
            /** @description True when dbt reaches the warehouse through an SSH tunnel. */
            is_ssh_tunnel_enabled?: boolean;
            /** @description The OAuth configuration developers sign in with, when one is attached. */
            oauth_configuration_id?: number | null;
            /** @description The redirect URI to register with the warehouse when OAuth is used. */
            readonly oauth_redirect_uri?: string | null;
            /** @description True when the connection is set up for the warehouse's own OAuth sign-in. */
            readonly is_configured_for_native_oauth?: boolean;
            /** @description The platform metadata credentials attached to the connection, if any. */
            readonly platform_metadata_credentials_id?: number | null;
            /** @description The analytics credentials attached to the connection, if any. */
            readonly analytics_credentials_id?: number | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description An account connection to Snowflake. */
        AccountConnectionSnowflake: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "snowflake_v0";
            config: components["schemas"]["SnowflakeConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "snowflake_v0";
        };
        /** @description An account connection to PostgreSQL. */
        AccountConnectionPostgres: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "postgres_v0";
            config: components["schemas"]["PostgresConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "postgres_v0";
        };
        /** @description An account connection to Amazon Redshift. */
        AccountConnectionRedshift: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "redshift_v0";
            config: components["schemas"]["RedshiftConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "redshift_v0";
        };
        /** @description An account connection to BigQuery (legacy adapter settings). */
        AccountConnectionBigQuery: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "bigquery_v0";
            config: components["schemas"]["BigQueryConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "bigquery_v0";
        };
        /** @description An account connection to BigQuery. */
        AccountConnectionBigQueryV1: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "bigquery_v1";
            config: components["schemas"]["BigQueryV1ConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "bigquery_v1";
        };
        /** @description An account connection to Databricks. */
        AccountConnectionDatabricks: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "databricks_v0";
            config: components["schemas"]["DatabricksConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "databricks_v0";
        };
        /** @description An account connection to Databricks through the Spark adapter. */
        AccountConnectionDatabricksSpark: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "databricks_spark_v0";
            config: components["schemas"]["DatabricksSparkConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "databricks_spark_v0";
        };
        /** @description An account connection to Starburst or Trino. */
        AccountConnectionTrino: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "trino_v0";
            config: components["schemas"]["TrinoConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "trino_v0";
        };
        /** @description An account connection to Microsoft Fabric. */
        AccountConnectionFabric: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "fabric_v0";
            config: components["schemas"]["FabricConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "fabric_v0";
        };
        /** @description An account connection to Azure Synapse Analytics. */
        AccountConnectionSynapse: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "synapse_v0";
            config: components["schemas"]["SynapseConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "synapse_v0";
        };
        /** @description An account connection to Apache Spark. */
        AccountConnectionApacheSpark: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "apache_spark_v0";
            config: components["schemas"]["ApacheSparkConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "apache_spark_v0";
        };
        /** @description An account connection to Amazon Athena. */
        AccountConnectionAthena: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "athena_v0";
            config: components["schemas"]["AthenaConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "athena_v0";
        };
        /** @description An account connection to Salesforce Data Cloud. */
        AccountConnectionSalesforce: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "salesforce_v0";
            config: components["schemas"]["SalesforceConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "salesforce_v0";
        };
        /** @description An account connection to Teradata. */
        AccountConnectionTeradata: components["schemas"]["AccountConnectionBase"] & {
            /** @enum {string} */
            adapter_version: "teradata_v0";
            config: components["schemas"]["TeradataConnectionConfig"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            adapter_version: "teradata_v0";
        };
        /**
         * @description An account connection with its adapter settings. The shape of `config` follows
         *     `adapter_version`.
         */
        AccountConnection: components["schemas"]["AccountConnectionSnowflake"] | components["schemas"]["AccountConnectionPostgres"] | components["schemas"]["AccountConnectionRedshift"] | components["schemas"]["AccountConnectionBigQuery"] | components["schemas"]["AccountConnectionBigQueryV1"] | components["schemas"]["AccountConnectionDatabricks"] | components["schemas"]["AccountConnectionDatabricksSpark"] | components["schemas"]["AccountConnectionTrino"] | components["schemas"]["AccountConnectionFabric"] | components["schemas"]["AccountConnectionSynapse"] | components["schemas"]["AccountConnectionApacheSpark"] | components["schemas"]["AccountConnectionAthena"] | components["schemas"]["AccountConnectionSalesforce"] | components["schemas"]["AccountConnectionTeradata"];
        AccountConnectionEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["AccountConnection"];
        };
        /** @description Changes to the settings of a Snowflake connection; only the fields sent are changed. */
        SnowflakeConnectionConfigPatch: {
            /** @description The Snowflake account identifier, such as `jf12345.eu-central-1`. */
            account?: string;
            /** @description The database dbt connects to. */
            database?: string;
            /** @description The virtual warehouse queries run on. */
            warehouse?: string;
            /** @description The role dbt assumes after connecting; when null the user's default role is used. */
            role?: string | null;
            /** @description Keep the Snowflake session alive while a run is idle. */
            client_session_keep_alive?: boolean;
            /** @description Let developers sign in with Snowflake OAuth (single sign-on). */
            allow_sso?: boolean;
            /** @description Client id of the Snowflake OAuth integration. Write-only. */
            oauth_client_id?: string | null;
            /** @description Client secret of the Snowflake OAuth integration. Write-only. */
            oauth_client_secret?: string | null;
        };
        /** @description Changes to the settings of a PostgreSQL connection; only the fields sent are changed. */
        PostgresConnectionConfigPatch: {
            /** @description Host name or address of the server. */
            hostname?: string;
            /** @description The database dbt connects to. */
            dbname?: string;
            /** @description TCP port of the server. */
            port?: number;
            /** @description How many times a failed connection attempt is retried. */
            retries?: number | null;
        };
        /** @description Changes to the settings of a Amazon Redshift connection; only the fields sent are changed. */
        RedshiftConnectionConfigPatch: {
            /** @description Host name of the cluster or workgroup endpoint. */
            hostname?: string;
            /** @description The database dbt connects to. */
            dbname?: string;
            /** @description TCP port of the cluster. */
            port?: number;
            /** @description How many times a failed connection attempt is retried. */
            retries?: number | null;
        };
        /** @description Changes to the settings of a BigQuery (legacy adapter settings) connection; only the fields sent are changed. */
        BigQueryConnectionConfigPatch: {
            /** @description The Google Cloud project that holds the data. */
            project_id?: string;
            /** @description How long, in seconds, a query may run before it is stopped. */
            timeout_seconds?: number;
            /** @description Id of the service account key. */
            private_key_id?: string;
            /** @description The service account private key in PEM form. Write-only. */
            private_key?: string;
            /** @description E-mail address of the service account. */
            client_email?: string;
            /** @description Numeric client id of the service account. */
            client_id?: string;
            /** @description Google OAuth authorisation URI from the key file. */
            auth_uri?: string;
            /** @description Google OAuth token URI from the key file. */
            token_uri?: string;
            /** @description URL of Google's public certificates, from the key file. */
            auth_provider_x509_cert_url?: string;
            /** @description URL of the service account's public certificate, from the key file. */
            client_x509_cert_url?: string;
            /**
             * @description Whether BigQuery runs the queries as `interactive` or `batch` jobs.
             * @enum {string|null}
             */
            priority?: "interactive" | "batch" | null;
            /** @description OAuth scopes requested for the service account. */
            scopes?: string[] | null;
            /** @description The location datasets are created in, such as `EU` or `US`. */
            location?: string | null;
            /** @description Queries that would bill more bytes than this fail instead. */
            maximum_bytes_billed?: number | null;
            /** @description The project billed for query execution, when it differs from `project_id`. */
            execution_project?: string | null;
            /** @description A service account to impersonate when running queries. */
            impersonate_service_account?: string | null;
            /** @description How many times a failed query is retried. */
            retries?: number;
            /** @description How long, in seconds, failed query jobs are retried. */
            job_retry_deadline_seconds?: number | null;
            /** @description How long, in seconds, creating a query job may take. */
            job_creation_timeout_seconds?: number | null;
            /** @description OAuth client id used for developer sign-in with BigQuery OAuth. Write-only. */
            application_id?: string | null;
            /** @description OAuth client secret used for developer sign-in with BigQuery OAuth. Write-only. */
            application_secret?: string | null;
            /** @description Cloud Storage bucket used to stage Python models. */
            gcs_bucket?: string | null;
            /** @description Dataproc region that runs Python models. */
            dataproc_region?: string | null;
            /** @description Dataproc cluster that runs Python models. */
            dataproc_cluster_name?: string | null;
            /** @description A custom BigQuery API endpoint, for example a private one. */
            api_endpoint?: string | null;
        };
        /** @description Changes to the settings of a BigQuery connection; only the fields sent are changed. */
        BigQueryV1ConnectionConfigPatch: {
            /**
             * @description How deployment environments authenticate: with a service account key (`service-account-json`) or through workload identity federation (`external-oauth-wif`).
             * @enum {string}
             */
            deployment_env_auth_type?: "service-account-json" | "external-oauth-wif";
            /** @description The Google Cloud project that holds the data. */
            project_id?: string;
            /** @description Id of the service account key; null when no key is used. */
            private_key_id?: string | null;
            /** @description The service account private key in PEM form. Write-only. */
            private_key?: string | null;
            /** @description E-mail address of the service account. */
            client_email?: string | null;
            /** @description Numeric client id of the service account. */
            client_id?: string | null;
            /** @description Google OAuth authorisation URI from the key file. */
            auth_uri?: string | null;
            /** @description Google OAuth token URI from the key file. */
            token_uri?: string | null;
            /** @description URL of Google's public certificates, from the key file. */
            auth_provider_x509_cert_url?: string | null;
            /** @description URL of the service account's public certificate, from the key file. */
            client_x509_cert_url?: string | null;
            /** @description How long, in seconds, a query may run before it is stopped. */
            job_execution_timeout_seconds?: number | null;
            /**
             * @description Whether BigQuery runs the queries as `interactive` or `batch` jobs.
             * @enum {string|null}
             */
            priority?: "interactive" | "batch" | null;
            /** @description OAuth scopes requested for the service account. */
            scopes?: string[] | null;
            /** @description The location datasets are created in, such as `EU` or `US`. */
            location?: string | null;
            /** @description Queries that would bill more bytes than this fail instead. */
            maximum_bytes_billed?: number | null;
            /** @description The project billed for query execution, when it differs from `project_id`. */
            execution_project?: string | null;
            /** @description A service account to impersonate when running queries. */
            impersonate_service_account?: string | null;
            /** @description How many times a failed query is retried. */
            retries?: number | null;
            /** @description How long, in seconds, failed query jobs are retried. */
            job_retry_deadline_seconds?: number | null;
            /** @description How long, in seconds, creating a query job may take. */
            job_creation_timeout_seconds?: number | null;
            /** @description OAuth client id used for developer sign-in with BigQuery OAuth. Write-only. */
            application_id?: string | null;
            /** @description OAuth client secret used for developer sign-in with BigQuery OAuth. Write-only. */
            application_secret?: string | null;
            /** @description Cloud Storage bucket used to stage Python models. */
            gcs_bucket?: string | null;
            /** @description Dataproc region that runs Python models. */
            dataproc_region?: string | null;
            /** @description Dataproc cluster that runs Python models. */
            dataproc_cluster_name?: string | null;
            /** @description A custom BigQuery API endpoint, for example a private one. */
            api_endpoint?: string | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Databricks connection; only the fields sent are changed. */
        DatabricksConnectionConfigPatch: {
            /** @description Host name of the Databricks workspace. */
            host?: string;
            /** @description HTTP path of the SQL warehouse or cluster; starts with `/sql/` or `sql/`. */
            http_path?: string;
            /** @description The Unity Catalog catalog to use; empty for the workspace default. */
            catalog?: string;
            /** @description OAuth client id for developer sign-in with Databricks OAuth. Write-only. */
            client_id?: string | null;
            /** @description OAuth client secret for developer sign-in with Databricks OAuth. Write-only. */
            client_secret?: string | null;
            /** @description OAuth scopes requested at sign-in. */
            scopes?: string[] | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Databricks through the Spark adapter connection; only the fields sent are changed. */
        DatabricksSparkConnectionConfigPatch: {
            /** @description Host name of the Databricks workspace. */
            host?: string;
            /**
             * @description How dbt connects; only `odbc` is offered.
             * @enum {string}
             */
            method?: "odbc";
            /** @description TCP port of the workspace. */
            port?: number;
            /** @description Id of the cluster to run on; empty when an endpoint is used. */
            cluster?: string;
            /** @description Id of the SQL endpoint to run on; empty when a cluster is used. */
            endpoint?: string;
            /** @description Path of the ODBC driver library. */
            driver?: string;
            /** @description Id of the Azure Databricks organisation, where needed. */
            organization?: string;
            /** @description User name to connect as, where needed. */
            user?: string;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Starburst or Trino connection; only the fields sent are changed. */
        TrinoConnectionConfigPatch: {
            /** @description Host name of the Starburst or Trino cluster. */
            host?: string;
            /** @description How dbt authenticates, such as `ldap`. */
            method?: string;
            /** @description TCP port of the cluster. */
            port?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Microsoft Fabric connection; only the fields sent are changed. */
        FabricConnectionConfigPatch: {
            /** @description Host name of the Fabric SQL endpoint. */
            server?: string;
            /** @description The database dbt connects to. */
            database?: string;
            /** @description Name of the ODBC driver. */
            driver?: string;
            /** @description TCP port of the server. */
            port?: number;
            /** @description How many times a failed connection attempt is retried. */
            retries?: number;
            /** @description Seconds to wait for a login; `0` waits without limit. */
            login_timeout?: number;
            /** @description Seconds a query may run; `0` means no limit. */
            query_timeout?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Azure Synapse Analytics connection; only the fields sent are changed. */
        SynapseConnectionConfigPatch: {
            /** @description Host name of the Synapse SQL endpoint. */
            host?: string;
            /** @description The database dbt connects to. */
            database?: string;
            /** @description Name of the ODBC driver. */
            driver?: string;
            /** @description TCP port of the server. */
            port?: number;
            /** @description How many times a failed connection attempt is retried. */
            retries?: number;
            /** @description Seconds to wait for a login; `0` waits without limit. */
            login_timeout?: number;
            /** @description Seconds a query may run; `0` means no limit. */
            query_timeout?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Apache Spark connection; only the fields sent are changed. */
        ApacheSparkConnectionConfigPatch: {
            /** @description Host name of the Spark server. */
            host?: string;
            /** @description Name or id of the cluster to run on. */
            cluster?: string;
            /**
             * @description How dbt connects: `http` or `thrift`.
             * @enum {string}
             */
            method?: "http" | "thrift";
            /** @description Seconds to wait for a connection. */
            connect_timeout?: number;
            /** @description How many times a failed connection attempt is retried. */
            connect_retries?: number;
            /** @description Organisation id, where the platform needs one. */
            organization?: string;
            /** @description User name to connect as, where needed. */
            user?: string;
            /** @description Authentication mechanism for Thrift connections, such as `KERBEROS`. */
            auth?: string;
            /** @description Kerberos service name, for Kerberos authentication. */
            kerberos_service_name?: string;
            /** @description TCP port of the server. */
            port?: number;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Amazon Athena connection; only the fields sent are changed. */
        AthenaConnectionConfigPatch: {
            /** @description AWS region of the Athena workgroup, such as `eu-central-1`. */
            region_name?: string;
            /** @description The data catalog dbt uses (Athena calls it a database). */
            database?: string;
            /** @description S3 location where query results are written. */
            s3_staging_dir?: string;
            /** @description The Athena workgroup queries run in. */
            work_group?: string | null;
            /** @description The Athena Spark workgroup Python models run in. */
            spark_work_group?: string | null;
            /** @description S3 prefix where tables are stored. */
            s3_data_dir?: string | null;
            /** @description How table locations under `s3_data_dir` are named, such as `schema_table_unique`. */
            s3_data_naming?: string | null;
            /** @description S3 prefix for temporary tables. */
            s3_tmp_table_dir?: string | null;
            /** @description Seconds between checks on a running query. */
            poll_interval?: number | null;
            /** @description How many times a failed query is retried. */
            num_retries?: number | null;
            /** @description How many times a failed AWS API call is retried. */
            num_boto3_retries?: number | null;
            /** @description How many times a failed Iceberg commit is retried. */
            num_iceberg_retries?: number | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Salesforce Data Cloud connection; only the fields sent are changed. */
        SalesforceConnectionConfigPatch: {
            /** @description Login URL of the Salesforce org. */
            login_url?: string;
            /** @description The Data Cloud dataspace to use. */
            database?: string;
            /** @description How long a data transform may run, in milliseconds. */
            data_transform_run_timeout?: number;
            /**
             * @description How dbt authenticates; only `jwt_bearer` is offered.
             * @enum {string}
             */
            auth_type?: "jwt_bearer";
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /** @description Changes to the settings of a Teradata connection; only the fields sent are changed. */
        TeradataConnectionConfigPatch: {
            /** @description Host name of the Teradata system. */
            host?: string;
            /** @description TCP port of the system, written as a string (the API types it so). */
            port?: string | null;
            /**
             * @description Transaction mode; only `ANSI` is offered.
             * @enum {string}
             */
            tmode?: "ANSI";
            /** @description How many times a failed connection attempt is retried. */
            retries?: number | null;
            /** @description Seconds a request may take. */
            request_timeout?: number | null;
            /**
             * @deprecated
             * @description No longer used; the adapter is chosen by `adapter_version` on the connection.
             */
            adapter_id?: number | null;
        };
        /**
         * @description Changes to an account connection; only the fields sent are changed. The adapter cannot be
         *     changed: send settings that fit the connection's `adapter_version`.
         */
        AccountConnectionUpdate: {
            /** @description The account the connection belongs to; must match `account_id` in the path. */
            account_id?: number;
            /** @description New display name. */
            name?: string;
            /** @description The private endpoint to reach the warehouse through; null to stop using one. */
            private_link_endpoint_id?: string | null;
            /** @description Reach the warehouse through an SSH tunnel. */
            is_ssh_tunnel_enabled?: boolean;
            /** @description An OAuth configuration developers will sign in with; null to detach it. */
            oauth_configuration_id?: number | null;
            /** @description The adapter settings to change, in the shape of the connection's adapter. */
            config?: components["schemas"]["SnowflakeConnectionConfigPatch"] | components["schemas"]["PostgresConnectionConfigPatch"] | components["schemas"]["RedshiftConnectionConfigPatch"] | components["schemas"]["BigQueryConnectionConfigPatch"] | components["schemas"]["BigQueryV1ConnectionConfigPatch"] | components["schemas"]["DatabricksConnectionConfigPatch"] | components["schemas"]["DatabricksSparkConnectionConfigPatch"] | components["schemas"]["TrinoConnectionConfigPatch"] | components["schemas"]["FabricConnectionConfigPatch"] | components["schemas"]["SynapseConnectionConfigPatch"] | components["schemas"]["ApacheSparkConnectionConfigPatch"] | components["schemas"]["AthenaConnectionConfigPatch"] | components["schemas"]["SalesforceConnectionConfigPatch"] | components["schemas"]["TeradataConnectionConfigPatch"];
        };
        /**
         * @description The kind of connection: `postgres`, `redshift`, `snowflake` and `bigquery` for the warehouses
         *     dbt Cloud supported first, `adapter` for every other warehouse.
         * @enum {string}
         */
        ProjectConnectionV3Type: "postgres" | "redshift" | "snowflake" | "bigquery" | "adapter";
        /** @description A connection as the per-project v3 endpoints show it, without its adapter settings. */
        ProjectConnectionV3: {
            /** @description Numeric id of the connection. */
            readonly id: number;
            /** @description The account the connection belongs to. */
            account_id: number;
            /** @description The project the connection was created in; null for connections shared by the whole account. */
            project_id?: number | null;
            /** @description Display name of the connection. */
            name: string;
            type: components["schemas"]["ProjectConnectionV3Type"];
            /** @description The adapter and settings version, where one is recorded. */
            adapter_version?: components["schemas"]["ConnectionAdapterVersion"] | null;
            /** @description The user who created the connection. */
            created_by_id?: number | null;
            /** @description The service token that created the connection, when a token did. */
            created_by_service_token_id?: number | null;
            state: components["schemas"]["EntityState"];
            /** @description The private endpoint traffic goes through, when the warehouse is reached privately. */
            private_link_endpoint_id?: string | null;
            /** @description The redirect URI to register with the warehouse when OAuth is used. */
            readonly oauth_redirect_uri?: string | null;
            /** @description The OAuth configuration developers sign in with, when one is attached. */
            oauth_configuration_id?: number | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ProjectConnectionV3ListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["ProjectConnectionV3"][];
        };
        /** @description The body sent to create or replace a connection through the per-project endpoints. */
        ProjectConnectionV3Write: {
            /** @description The account the connection belongs to; must match `account_id` in the path. */
            account_id: number;
            /** @description The project the connection belongs to; must match `project_id` in the path. */
            project_id: number;
            /** @description Display name of the connection. */
            name: string;
            type: components["schemas"]["ProjectConnectionV3Type"];
            adapter_version?: components["schemas"]["ConnectionAdapterVersion"];
            /** @description The user recorded as the creator. */
            created_by_id?: number | null;
            /** @description The service token recorded as the creator. */
            created_by_service_token_id?: number | null;
            state: components["schemas"]["EntityState"];
            /** @description The private endpoint to reach the warehouse through. */
            private_link_endpoint_id?: string | null;
            /** @description An OAuth configuration developers will sign in with. */
            oauth_configuration_id?: number | null;
        };
        ProjectConnectionV3Envelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["ProjectConnectionV3"];
        };
        /**
         * @description A private endpoint (such as an AWS PrivateLink or Azure Private Link endpoint) that dbt Cloud
         *     reaches a warehouse or git host through without crossing the public internet.
         */
        PrivateEndpoint: {
            /** @description The endpoint's id, a KSUID (27 letters and digits). */
            readonly id: string;
            /** @description The account the endpoint belongs to. */
            account_id: number;
            state: components["schemas"]["EntityState"];
            /** @description Display name of the endpoint. */
            name?: string | null;
            /** @description What the endpoint leads to, such as `snowflake`. */
            type?: string | null;
            /** @description The host name dbt Cloud uses to reach the target through the endpoint. */
            private_link_endpoint?: string | null;
            /** @description The address range of the endpoint, in CIDR notation. */
            cidr_range?: string | null;
            /** @description The address range traffic leaves dbt Cloud from; allow it on the warehouse side. */
            egress_cidr?: string | null;
            /** @description The cloud provider's own id for the endpoint, such as `vpce-0a1b2c3d4e5f67890`. */
            endpoint_identifier?: string | null;
            /** @description The state the cloud provider reports for the endpoint, such as `available`. */
            endpoint_state?: string | null;
            /** @description Whether dbt Cloud can currently reach the target through the endpoint. */
            connectivity_status?: string | null;
            /** @description How many active connections use the endpoint. */
            readonly connection_count?: number;
            /** @description The network port of the endpoint. Sent only when one endpoint is fetched. */
            port?: number | null;
            /** @description How far setting up the endpoint has got, when known. Sent only when one endpoint is fetched. */
            provisioning_status?: string | null;
            /** @description A message about the provisioning status, when there is one. Sent only when one endpoint is fetched. */
            provisioning_status_message?: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        PrivateEndpointListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["PrivateEndpoint"][];
        };
        /**
         * @description A new private endpoint. dbt Labs does not document this body; the fields are those of the
         *     endpoint object that a caller can reasonably supply.
         */
        PrivateEndpointCreate: {
            /** @description Display name of the endpoint. */
            name: string;
            /** @description What the endpoint leads to, such as `snowflake`. */
            type: string;
            /** @description The host name dbt Cloud uses to reach the target through the endpoint. */
            private_link_endpoint: string;
            /** @description The address range of the endpoint, in CIDR notation. */
            cidr_range?: string | null;
        };
        PrivateEndpointEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["PrivateEndpoint"];
        };
        /**
         * @description Changes to a private endpoint; only the fields sent are changed. dbt Labs does not document
         *     this body; renaming is the change it is known to support.
         */
        PrivateEndpointPatch: {
            /** @description New display name. */
            name?: string;
        };
        /** @description The fields all credentials have, whatever the warehouse. */
        CredentialsBase: {
            /** @description Numeric id of the credentials. */
            readonly id: number;
            /** @description The account the credentials belong to. */
            account_id: number;
            /** @description The project the credentials belong to. */
            project_id: number;
            /** @description The kind of warehouse the credentials are for. */
            type: string;
            state: components["schemas"]["EntityState"];
            /** @description How many models dbt builds at the same time with these credentials. */
            threads?: number;
            /** @description The value of `target.name` in dbt runs that use these credentials. */
            target_name?: string | null;
            /** @description The adapter the credentials are for; null on older credentials. */
            adapter_version?: components["schemas"]["ConnectionAdapterVersion"] | null;
            /**
             * @description The readable part of the settings of adapter credentials (and of BigQuery credentials of the newer
             *     `bigquery_v1` kind), such as the schema, threads and target name; secrets stay out of it. Older
             *     credentials keep these at the top level instead (Terraform provider).
             */
            readonly unencrypted_credential_details?: ({
                /** @description The schema (dataset, for BigQuery) dbt builds models in by default. */
                schema?: string | null;
                /** @description How many models dbt builds at the same time. */
                threads?: number | null;
                /** @description The value of `target.name` in dbt runs. */
                target_name?: string | null;
                /** @description The Unity Catalog catalog, for Databricks. */
                catalog?: string | null;
            } & {
                [key: string]: unknown;
            }) | null;
        };
        /**
         * @description How the Snowflake credentials sign in: `password` user and password, `keypair` user and private
         *     key, `sso` single sign-on through the browser, `external_oauth` an external OAuth provider.
         * @enum {string}
         */
        CredentialsSnowflakeAuthType: "password" | "keypair" | "sso" | "external_oauth";
        /** @description Credentials for Snowflake. */
        CredentialsSnowflake: components["schemas"]["CredentialsBase"] & {
            /** @enum {string} */
            type: "snowflake";
            auth_type?: components["schemas"]["CredentialsSnowflakeAuthType"];
            /** @description The Snowflake user name. */
            user?: string | null;
            /** @description The schema dbt builds models in by default. */
            schema?: string;
            /** @description The Snowflake role to use; null for the user's default role. */
            role?: string | null;
            /** @description The database to use; null to take the one of the connection. */
            database?: string | null;
            /** @description The virtual warehouse to use; null to take the one of the connection. */
            warehouse?: string | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "snowflake";
        };
        /** @description Credentials for PostgreSQL. */
        CredentialsPostgres: components["schemas"]["CredentialsBase"] & {
            /** @enum {string} */
            type: "postgres";
            /** @description The database user name. */
            username?: string;
            /** @description The schema dbt builds models in by default. */
            default_schema?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "postgres";
        };
        /**
         * @description How the Redshift credentials sign in: `password` user and password, `external_oauth` an external OAuth provider.
         * @enum {string}
         */
        CredentialsRedshiftAuthType: "password" | "external_oauth";
        /** @description Credentials for Amazon Redshift. */
        CredentialsRedshift: components["schemas"]["CredentialsBase"] & {
            /** @enum {string} */
            type: "redshift";
            auth_type?: components["schemas"]["CredentialsRedshiftAuthType"];
            /** @description The database user name; empty or null with external OAuth. */
            username?: string | null;
            /** @description The schema dbt builds models in by default. */
            default_schema?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "redshift";
        };
        /**
         * @description Credentials for BigQuery. The service account key lives on the connection; the credentials
         *     only pick the dataset.
         */
        CredentialsBigQuery: components["schemas"]["CredentialsBase"] & {
            /** @enum {string} */
            type: "bigquery";
            /** @description The dataset dbt builds models in by default. */
            schema?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bigquery";
        };
        /**
         * @description Credentials for the warehouses served through the generic adapter framework (Databricks,
         *     Apache Spark, Starburst/Trino, Fabric, Synapse, Athena, Teradata and others). The warehouse
         *     settings, including secrets such as a Databricks token, are stored encrypted and not sent back.
         */
        CredentialsAdapter: components["schemas"]["CredentialsBase"] & {
            /** @enum {string} */
            type: "adapter";
            /** @description The adapter record the credentials belong to. */
            adapter_id?: number | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "adapter";
        };
        /** @description A set of warehouse credentials; the fields besides the common ones follow `type`. */
        Credentials: components["schemas"]["CredentialsSnowflake"] | components["schemas"]["CredentialsPostgres"] | components["schemas"]["CredentialsRedshift"] | components["schemas"]["CredentialsBigQuery"] | components["schemas"]["CredentialsAdapter"];
        CredentialsListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Credentials"][];
        };
        /** @description The fields all credentials take, whatever the warehouse. */
        CredentialsWriteBase: {
            /** @description The account the credentials belong to; must match `account_id` in the path. */
            account_id: number;
            /** @description The project the credentials belong to; taken from the path when left out. */
            project_id?: number;
            /** @description The kind of warehouse the credentials are for. */
            type: string;
            state?: components["schemas"]["EntityState"];
            /** @description How many models dbt builds at the same time with these credentials. */
            threads?: number;
            /** @description The value of `target.name` in dbt runs that use these credentials. */
            target_name?: string;
            adapter_version?: components["schemas"]["ConnectionAdapterVersion"];
        };
        /**
         * @description Snowflake credentials to store. Send `password` with `auth_type` `password`, and
         *     `private_key` (plus `private_key_passphrase` when the key is encrypted) with `keypair`.
         */
        CredentialsSnowflakeWrite: components["schemas"]["CredentialsWriteBase"] & {
            /** @enum {string} */
            type: "snowflake";
            auth_type: components["schemas"]["CredentialsSnowflakeAuthType"];
            /** @description The Snowflake user name. */
            user?: string;
            /** @description The schema dbt builds models in by default. */
            schema: string;
            /** @description The Snowflake role to use. */
            role?: string;
            /** @description The database to use. */
            database?: string;
            /** @description The virtual warehouse to use. */
            warehouse?: string;
            /** @description The user's password, for password sign-in. Never sent back. */
            password?: string;
            /** @description The PEM private key, for key pair sign-in. Never sent back. */
            private_key?: string;
            /** @description The passphrase of an encrypted private key. Never sent back. */
            private_key_passphrase?: string;
            /** @description An OAuth refresh token; normally set by the sign-in flow, not by hand. Never sent back. */
            _refresh_token?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "snowflake";
        };
        /** @description PostgreSQL credentials to store. */
        CredentialsPostgresWrite: components["schemas"]["CredentialsWriteBase"] & {
            /** @enum {string} */
            type: "postgres";
            /** @description The database user name. */
            username: string;
            /** @description The schema dbt builds models in by default. */
            default_schema: string;
            /** @description The user's password. Never sent back. */
            password?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "postgres";
        };
        /** @description Amazon Redshift credentials to store. */
        CredentialsRedshiftWrite: components["schemas"]["CredentialsWriteBase"] & {
            /** @enum {string} */
            type: "redshift";
            auth_type: components["schemas"]["CredentialsRedshiftAuthType"];
            /** @description The database user name; leave empty with external OAuth. */
            username?: string;
            /** @description The schema dbt builds models in by default. */
            default_schema: string;
            /** @description The user's password, for password sign-in. Never sent back. */
            password?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "redshift";
        };
        /** @description BigQuery credentials to store. */
        CredentialsBigQueryWrite: components["schemas"]["CredentialsWriteBase"] & {
            /** @enum {string} */
            type: "bigquery";
            /** @description The dataset dbt builds models in by default. */
            schema: string;
            /** @description An OAuth refresh token; normally set by the sign-in flow, not by hand. Never sent back. */
            _refresh_token?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bigquery";
        };
        /**
         * @description The adapter's own credential settings, stored encrypted and never sent back. For Databricks
         *     these are the personal access `token`, the `schema` and, with Unity Catalog, the `catalog`,
         *     each given under `fields` as an object with a `value`.
         */
        CredentialsAdapterDetails: {
            /** @description The settings, keyed by name; each is an object whose `value` holds the setting. */
            fields?: {
                [key: string]: {
                    /** @description The value of the setting. */
                    value?: unknown;
                } & {
                    [key: string]: unknown;
                };
            };
            /** @description The order the settings are shown in; optional. */
            field_order?: string[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Credentials to store for a warehouse served through the generic adapter framework, such as
         *     Databricks. Name the adapter with `adapter_version` (or `adapter_id`).
         */
        CredentialsAdapterWrite: components["schemas"]["CredentialsWriteBase"] & {
            /** @enum {string} */
            type: "adapter";
            /** @description The adapter record the credentials belong to; `adapter_version` can be sent instead. */
            adapter_id?: number;
            credential_details?: components["schemas"]["CredentialsAdapterDetails"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "adapter";
        };
        /** @description Credentials to store; the fields besides the common ones follow `type`. */
        CredentialsWrite: components["schemas"]["CredentialsSnowflakeWrite"] | components["schemas"]["CredentialsPostgresWrite"] | components["schemas"]["CredentialsRedshiftWrite"] | components["schemas"]["CredentialsBigQueryWrite"] | components["schemas"]["CredentialsAdapterWrite"];
        CredentialsEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Credentials"];
        };
        /** @description The fields all credentials take in a partial update; `type` picks the variant. */
        CredentialsPatchBase: {
            /** @description The kind of warehouse the credentials are for; must be the type they already have. */
            type: string;
            state?: components["schemas"]["EntityState"];
            /** @description How many models dbt builds at the same time with these credentials. */
            threads?: number;
            /** @description The value of `target.name` in dbt runs that use these credentials. */
            target_name?: string;
        };
        /** @description Snowflake credential fields to change. */
        CredentialsSnowflakePatch: components["schemas"]["CredentialsPatchBase"] & {
            /** @enum {string} */
            type?: "snowflake";
            auth_type?: components["schemas"]["CredentialsSnowflakeAuthType"];
            /** @description The Snowflake user name. */
            user?: string;
            /** @description The schema dbt builds models in by default. */
            schema?: string;
            /** @description The Snowflake role to use. */
            role?: string;
            /** @description The database to use. */
            database?: string;
            /** @description The virtual warehouse to use. */
            warehouse?: string;
            /** @description A new password. Never sent back. */
            password?: string;
            /** @description A new PEM private key. Never sent back. */
            private_key?: string;
            /** @description The passphrase of the new private key. Never sent back. */
            private_key_passphrase?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "snowflake";
        };
        /** @description PostgreSQL credential fields to change. */
        CredentialsPostgresPatch: components["schemas"]["CredentialsPatchBase"] & {
            /** @enum {string} */
            type?: "postgres";
            /** @description The database user name. */
            username?: string;
            /** @description The schema dbt builds models in by default. */
            default_schema?: string;
            /** @description A new password. Never sent back. */
            password?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "postgres";
        };
        /** @description Amazon Redshift credential fields to change. */
        CredentialsRedshiftPatch: components["schemas"]["CredentialsPatchBase"] & {
            /** @enum {string} */
            type?: "redshift";
            auth_type?: components["schemas"]["CredentialsRedshiftAuthType"];
            /** @description The database user name. */
            username?: string;
            /** @description The schema dbt builds models in by default. */
            default_schema?: string;
            /** @description A new password. Never sent back. */
            password?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "redshift";
        };
        /** @description BigQuery credential fields to change. */
        CredentialsBigQueryPatch: components["schemas"]["CredentialsPatchBase"] & {
            /** @enum {string} */
            type?: "bigquery";
            /** @description The dataset dbt builds models in by default. */
            schema?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bigquery";
        };
        /** @description Fields to change on credentials of the generic adapter framework, such as Databricks. */
        CredentialsAdapterPatch: components["schemas"]["CredentialsPatchBase"] & {
            /** @enum {string} */
            type?: "adapter";
            credential_details?: components["schemas"]["CredentialsAdapterDetails"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "adapter";
        };
        /** @description Any subset of the changeable credential fields, with `type` to say which variant they belong to. */
        CredentialsPatch: components["schemas"]["CredentialsSnowflakePatch"] | components["schemas"]["CredentialsPostgresPatch"] | components["schemas"]["CredentialsRedshiftPatch"] | components["schemas"]["CredentialsBigQueryPatch"] | components["schemas"]["CredentialsAdapterPatch"];
        /**
         * @description Keys of a dbt `profiles.yml` target, with their values, that override or add to what the
         *     connection and credentials give (for example a Snowflake `query_tag`). dbt Labs guarantees to
         *     keep up to 4096 bytes of them, measured as serialized JSON.
         */
        ExtendedAttributesValues: {
            [key: string]: unknown;
        };
        /** @description A new set of extended attributes. */
        ExtendedAttributesCreate: {
            extended_attributes: components["schemas"]["ExtendedAttributesValues"];
        };
        /** @description A stored set of extended attributes of a project. */
        ExtendedAttributes: {
            /** @description Numeric id of the extended attributes. */
            readonly id: number;
            /** @description The account they belong to. */
            account_id: number;
            /** @description The project they belong to. */
            project_id: number;
            extended_attributes: components["schemas"]["ExtendedAttributesValues"];
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ExtendedAttributesEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["ExtendedAttributes"];
        };
        /**
         * @description New contents for a set of extended attributes. `extended_attributes` replaces the stored keys
         *     as a whole.
         */
        ExtendedAttributesUpdate: {
            extended_attributes: components["schemas"]["ExtendedAttributesValues"];
            state?: components["schemas"]["EntityState"];
        };
        /**
         * @description Name of the profile, unique within the project. Letters, digits, dashes and underscores; it
         *     starts with a letter, ends with a letter or digit, and never has two dashes or underscores in
         *     a row.
         */
        ProfileKey: string;
        /** @description An environment that uses the profile. */
        ProfileEnvironmentBinding: {
            /** @description Numeric id of the environment. */
            id: number;
            /** @description Name of the environment. */
            name: string;
            type: components["schemas"]["EnvironmentType"];
            deployment_type?: components["schemas"]["EnvironmentDeploymentType"];
        };
        /** @description A profile of a project and the environments that use it. */
        Profile: {
            /** @description Numeric id of the profile. */
            readonly id: number;
            /** @description The account the profile belongs to. */
            account_id: number;
            /** @description The project the profile belongs to. */
            project_id: number;
            key: components["schemas"]["ProfileKey"];
            /** @description The connection the profile uses. */
            connection_id: number;
            /** @description The credentials the profile uses. */
            credentials_id: number;
            /** @description The extended attributes the profile adds, if any. */
            extended_attributes_id?: number | null;
            /** @description Environments that run their jobs with this profile. */
            readonly primary_bindings: components["schemas"]["ProfileEnvironmentBinding"][];
            /** @description Environments that use this profile to read catalog metadata. */
            readonly catalog_bindings: components["schemas"]["ProfileEnvironmentBinding"][];
        };
        ProfileListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Profile"][];
        };
        /** @description A new profile. */
        ProfileCreate: {
            /** @description The account of the profile; must match `account_id` in the path. */
            account_id: number;
            /** @description The project of the profile; must match `project_id` in the path. */
            project_id: number;
            key: components["schemas"]["ProfileKey"];
            /** @description The connection the profile uses. */
            connection_id: number;
            /** @description The credentials the profile uses. */
            credentials_id: number;
            /** @description The extended attributes the profile adds; leave out for none. */
            extended_attributes_id?: number;
        };
        ProfileEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["Profile"];
        };
        /**
         * @description Changes to a profile. Besides the ids that name it, send only the fields to change; send
         *     `extended_attributes_id: null` to detach the extended attributes.
         */
        ProfileUpdate: {
            /** @description The id of the profile; must match `id` in the path. */
            pk: number;
            /** @description The account of the profile; must match `account_id` in the path. */
            account_id: number;
            /** @description The project of the profile; must match `project_id` in the path. */
            project_id: number;
            key?: components["schemas"]["ProfileKey"];
            /** @description The connection the profile should use. */
            connection_id?: number;
            /** @description The credentials the profile should use. */
            credentials_id?: number;
            /** @description The extended attributes the profile should add; null for none. */
            extended_attributes_id?: number | null;
        };
        /**
         * @description The kind of event a webhook is sent for: `job.run.started` when a run starts,
         *     `job.run.completed` when a run finishes in any state, and `job.run.errored` when a run fails
         *     (sent earlier than the matching `job.run.completed`).
         * @enum {string}
         */
        WebhookEventType: "job.run.started" | "job.run.completed" | "job.run.errored";
        /**
         * @description A moment as the webhooks service writes it: microseconds since the Unix epoch, as a string of
         *     digits (for example `1793844021607345`).
         * @example 1793844021607345
         */
        WebhookMicrosTimestamp: string;
        /** @description A webhook subscription, which sends chosen job run events to an endpoint. */
        WebhookSubscription: {
            /**
             * @description Id of the subscription, unique across all dbt Cloud regions (starts with `wsu_`).
             * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
             */
            readonly id: string;
            /** @description Numeric id of the account, sent as a string of digits by the webhooks service. */
            readonly account_id?: string;
            /** @description The account's id that is unique across all dbt Cloud cells (starts with `act_`). */
            readonly account_identifier?: string | null;
            /** @description Display name of the subscription. */
            name: string;
            /** @description Free text saying what the subscription is for. */
            description?: string | null;
            /** @description The events that are sent to the endpoint. */
            event_types: components["schemas"]["WebhookEventType"][];
            /**
             * @description Ids of the jobs whose runs are sent. Empty means every job of the account. The API writes them as
             *     strings of digits in some responses and as integers in others (real clients accept both), so read
             *     them with `Number(id)`.
             */
            job_ids?: (string | number)[];
            /**
             * Format: uri
             * @description The endpoint dbt Cloud sends events to.
             */
            client_url: string;
            /**
             * @description The key dbt Cloud signs every delivery with: each request carries the hex HMAC-SHA256 of its
             *     raw body, keyed with this secret, in its `Authorization` header. Returned when the
             *     subscription is created and when it is fetched; keep it private.
             */
            readonly hmac_secret?: string;
            /** @description True while events are being sent; false when paused or switched off by dbt Cloud. */
            active: boolean;
            /**
             * @description The HTTP status the endpoint answered the latest delivery with; `0` means nothing was sent yet.
             * @example 200
             */
            readonly http_status_code?: string | null;
            /** @description When the latest delivery was sent. */
            readonly dispatched_at?: components["schemas"]["WebhookMicrosTimestamp"] | null;
            /** @description Why dbt Cloud switched the subscription off, when it did. */
            readonly deactivate_reason?: string | null;
            created_at?: components["schemas"]["WebhookMicrosTimestamp"];
            updated_at?: components["schemas"]["WebhookMicrosTimestamp"];
        };
        /**
         * @description Outcome of a webhooks API request. The webhooks service does not send the common
         *     `ResponseStatus`: it always reports `code`, adds `is_success` only on some answers (deletion),
         *     and carries no user or developer message on success.
         */
        WebhookResponseStatus: {
            /**
             * @description The HTTP status code of this response, repeated in the body.
             * @example 200
             */
            code: number;
            /** @description True when the request did what was asked; only some operations send it. */
            is_success?: boolean;
        };
        /** @description The paging values the webhooks service applied, echoed back. */
        WebhookListFilters: {
            /** @description The page size that was used. */
            limit: number;
            /** @description How many items were skipped. */
            offset: number;
        };
        /** @description Paging metadata of a webhooks list response. */
        WebhookListExtra: {
            pagination: components["schemas"]["Pagination"];
            filters: components["schemas"]["WebhookListFilters"];
        };
        /** @description One page of subscriptions, wrapped with the webhooks service's own status object. */
        WebhookSubscriptionListEnvelope: {
            data: components["schemas"]["WebhookSubscription"][];
            status: components["schemas"]["WebhookResponseStatus"];
            extra: components["schemas"]["WebhookListExtra"];
        };
        /** @description A new webhook subscription. */
        WebhookSubscriptionCreate: {
            /** @description Display name of the subscription. */
            name: string;
            /** @description Free text saying what the subscription is for. */
            description?: string;
            /** @description The events to send; at least one. */
            event_types: components["schemas"]["WebhookEventType"][];
            /** @description Ids of the jobs whose runs are sent; leave empty (or out) for every job of the account. */
            job_ids?: number[];
            /**
             * Format: uri
             * @description The endpoint dbt Cloud sends events to.
             */
            client_url: string;
            /** @description Send events (true) or keep the subscription paused (false). */
            active: boolean;
        };
        /** @description One subscription, wrapped with the webhooks service's own status object. */
        WebhookSubscriptionEnvelope: {
            data: components["schemas"]["WebhookSubscription"];
            status: components["schemas"]["WebhookResponseStatus"];
        };
        /** @description The whole new configuration of a subscription; fields left out are cleared or reset. */
        WebhookSubscriptionUpdate: components["schemas"]["WebhookSubscriptionCreate"];
        /** @description The id of the deleted subscription, wrapped with the webhooks service's own status object. */
        WebhookSubscriptionDeleteEnvelope: {
            data: {
                /** @description Id of the subscription that was deleted. */
                id: string;
            };
            status: components["schemas"]["WebhookResponseStatus"];
        };
        /** @description The outcome of a test delivery, wrapped with the webhooks service's own status object. */
        WebhookSubscriptionTestEnvelope: {
            /** @description What happened when a test event was sent to the endpoint. */
            data: {
                /** @description Id of the test event that was sent (starts with `wev_`). */
                event_id?: string;
                /** @description The HTTP status the endpoint answered the test with. */
                verification_status_code?: string | null;
                /** @description Why the test delivery failed, when it did. */
                verification_error?: string | null;
            };
            status: components["schemas"]["WebhookResponseStatus"];
        };
        /** @description An event dbt Cloud recorded for a subscription, with the payload it sends. */
        WebhookEventRecord: {
            /** @description Id of the event (starts with `wev_`); the same as `eventId` in the payload. */
            id: string;
            /** @description Id of the subscription the event belongs to. */
            subscription_id: string;
            /** @description Numeric id of the account, as a string of digits. */
            account_id?: string;
            /** @description The account's id that is unique across all dbt Cloud cells. */
            account_identifier?: string | null;
            /** @description Id of the job whose run caused the event, as a string of digits. */
            job_id?: string | null;
            trigger_event_type: components["schemas"]["WebhookEventType"];
            /** @description The JSON body that is sent to the endpoint, as text. */
            payload: string;
            /** @description The HTTP status the endpoint answered with; `0` while nothing was sent. */
            http_status_code?: string | null;
        };
        /** @description One page of recorded events, wrapped with the webhooks service's own status object. */
        WebhookEventRecordListEnvelope: {
            data: components["schemas"]["WebhookEventRecord"][];
            status: components["schemas"]["WebhookResponseStatus"];
            extra: components["schemas"]["WebhookListExtra"];
        };
        /** @description The record of one delivery attempt of an event to an endpoint. */
        WebhookReceipt: {
            /** @description Id of the receipt. */
            id: string;
            /** @description Id of the event that was delivered. */
            event_id: string;
            /** @description Id of the subscription the delivery was made for. */
            subscription_id: string;
            /** @description When the attempt was sent. */
            dispatched_at?: components["schemas"]["WebhookMicrosTimestamp"] | null;
            /** @description The HTTP status the endpoint answered with. */
            http_status_code?: string | null;
            /** @description Why the attempt failed, such as a timeout; empty when it succeeded. */
            error_info?: string | null;
            /** @description The body that was sent, as text. */
            request_body?: string | null;
            /** @description The headers that were sent, as text. */
            request_headers?: string | null;
            /** @description What the endpoint answered, as text. */
            response_body?: string | null;
        };
        /** @description Delivery receipts, wrapped with the webhooks service's own status object. */
        WebhookReceiptListEnvelope: {
            data: components["schemas"]["WebhookReceipt"][];
            status: components["schemas"]["WebhookResponseStatus"];
        };
        /** @description One recorded event, wrapped with the webhooks service's own status object. */
        WebhookEventRecordEnvelope: {
            data: components["schemas"]["WebhookEventRecord"];
            status: components["schemas"]["WebhookResponseStatus"];
        };
        /** @description One delivery receipt, wrapped with the webhooks service's own status object. */
        WebhookReceiptEnvelope: {
            data: components["schemas"]["WebhookReceipt"];
            status: components["schemas"]["WebhookResponseStatus"];
        };
        /**
         * @description The warehouse adapter (and its version) the credentials are for; it matches the project's adapter.
         * @enum {string}
         */
        SemanticLayerAdapterVersion: "apache_spark_v0" | "athena_v0" | "bigquery_v0" | "bigquery_v1" | "databricks_spark_v0" | "databricks_v0" | "fabric_v0" | "postgres_v0" | "redshift_v0" | "salesforce_v0" | "snowflake_v0" | "synapse_v0" | "teradata_v0" | "trino_v0";
        /** @description A service token that is allowed to query the Semantic Layer with these credentials. */
        SemanticLayerServiceToken: {
            /** @description Numeric id of the service token. */
            id: number;
            /** @description Numeric id of the account the token belongs to. */
            account_id: number;
            /** @description The token's public identifier (not the secret). */
            uid: string;
            /** @description Display name of the service token. */
            name: string;
        };
        /**
         * @description Warehouse credentials the Semantic Layer uses to run queries for a project. Secret values
         *     (passwords, private keys) are never returned.
         */
        SemanticLayerCredentials: {
            /** @description Numeric id of the credentials. */
            readonly id: number;
            /** @description Numeric id of the account. */
            account_id: number;
            /** @description Numeric id of the project the credentials serve. */
            project_id: number;
            adapter_version: components["schemas"]["SemanticLayerAdapterVersion"];
            /**
             * @description The kind of adapter schema the values follow; always `semantic_layer_credentials`.
             * @enum {string}
             */
            schema_type?: "semantic_layer_credentials";
            /** @description Display name of the credentials. */
            name: string;
            /**
             * @description The credential fields of the adapter (such as user, role and warehouse for Snowflake),
             *     by name. Encrypted fields are left out.
             */
            values?: {
                [key: string]: unknown;
            };
            state: components["schemas"]["EntityState"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The service tokens linked to these credentials. */
            readonly service_tokens: components["schemas"]["SemanticLayerServiceToken"][];
        };
        SemanticLayerCredentialsListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["SemanticLayerCredentials"][];
        };
        /** @description An asset (a dbt model, source or warehouse table, for example) a user marked as a favorite. */
        FavoriteAsset: {
            /** @description Numeric id of the favorite. */
            readonly id: number;
            /** @description Id of the asset that was marked, such as a dbt unique id. */
            asset_id: string;
            /** @description Display name of the asset. */
            name: string;
            /** @description The platform the asset lives on, such as `dbt` or the warehouse. */
            platform: string;
            /** @description The kind of resource the asset is, such as `model` or `table`. */
            asset_type?: string | null;
            /** @description Numeric id of the project of the asset; null for warehouse assets. */
            project_id?: number | null;
            /** @description Numeric id of the environment of the asset; null for warehouse assets. */
            environment_id?: number | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        FavoriteAssetListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["FavoriteAsset"][];
            /** @description A machine-readable error code; null on success. */
            error_code?: number | null;
        };
        /**
         * @description A date (`YYYY-MM-DD`) or a date and time with a space or `T` between them.
         * @example 2026-10-01
         * @example 2026-10-01 08:00:00
         */
        AuditLogDateBound: string;
        /**
         * @description Who carried out the action: a person signed in to dbt Cloud, or a service token or other
         *     credential calling the API. The keys sent depend on the kind of actor; the usual ones are
         *     listed here.
         */
        AuditLogActor: {
            /** @description Id of the user or service token that acted. */
            id?: number | null;
            /** @description A readable name for the actor, such as a user's email address or a token's name. */
            name?: string | null;
            /** @description The kind of actor, such as a user or a service token. */
            type?: string | null;
            /** @description The IP address the request came from. */
            ip?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description One recorded action in an account, with who did it and what changed. Events recorded before the current
         *     format (2022 and earlier) carry a numeric `id`, a `routing_key` instead of `event_type`, and the actor as flat
         *     `actor_*` fields.
         */
        AuditLogEvent: {
            /** @description Unique id of the event (a number in events of the older format). */
            readonly id: string | number;
            /** @description Numeric id of the account the event happened in. */
            account_id: number;
            /** @description Where the action came from, the dbt Cloud web app or the API. */
            source?: string | null;
            /** @description The dbt Cloud service that carried out the action. */
            service?: string | null;
            /** @description Who carried out the action; null for actions dbt Cloud takes by itself. */
            actor?: components["schemas"]["AuditLogActor"] | null;
            /**
             * @description Dotted key naming the kind of event, such as `job_definition.changed`, `login.sso.succeeded`
             *     or `ip_restrictions.rule.added`. dbt Labs adds new kinds over time, so this is not a closed
             *     list.
             */
            event_type?: string;
            /** @description A readable name for the kind of event, such as `Job Changed`. */
            event_label?: string | null;
            /**
             * @description Details of the objects the event touched. The keys depend on `event_type`; for changes they
             *     usually hold the object before and after.
             */
            event_context?: {
                [key: string]: unknown;
            } | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
            /** @description Older format. Dotted key naming the kind of event, such as `v1.events.auth.credentialsloginsucceeded`. */
            routing_key?: string;
            /** @description Older format. Kind of actor, such as `ACTOR_USER`. */
            actor_type?: string | null;
            /** @description Older format. Name of the actor. */
            actor_name?: string | null;
            /** @description Older format. Numeric id of the actor. */
            actor_id?: number | null;
            /** @description Older format. Address the action came from. */
            actor_ip?: string | null;
            /** @description Older format. When the action happened (the event row itself is written a little later). */
            logged_at?: string | null;
            /** @description Older format. Unique id of the event as a UUID. */
            uuid?: string | null;
            /** @description Older format. Details of the objects the event touched. */
            metadata?: {
                [key: string]: unknown;
            } | null;
            /** @description Older format. Whether dbt Cloud itself caused the event. */
            internal?: boolean | null;
            /** @description Older format. `1` for an event that is kept. */
            state?: number;
        };
        AuditLogEventListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["AuditLogEvent"][];
        };
        /** @description Whether a bulk export is still being prepared. */
        AuditLogExportStatus: {
            /** @description True while an export of the account's audit log is still being built. */
            is_running: boolean;
        };
        AuditLogExportStatusEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["AuditLogExportStatus"];
        };
        /** @description The bulk export that was started. */
        AuditLogExportJob: {
            /** @description Id of the export; pass it to the download operation once the export has finished. */
            job_id: string;
        };
        AuditLogExportJobEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["AuditLogExportJob"];
        };
        /** @description Where to fetch a finished bulk export. */
        AuditLogExportDownload: {
            /**
             * Format: uri
             * @description A short-lived link to the CSV file of the export. Fetch it without the dbt Cloud API key.
             */
            download_url: string;
        };
        AuditLogExportDownloadEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["AuditLogExportDownload"];
        };
        /**
         * @description What a rule does with the addresses it matches: 1 Allow, 2 Deny. Deny rules carve exceptions
         *     out of the ranges that allow rules open.
         * @enum {integer}
         */
        IpRestrictionRuleType: 1 | 2;
        /**
         * @description A range of addresses in CIDR notation, IPv4 (`203.0.113.0/24`) or IPv6 (`2001:db8::/32`).
         *     A single address is written with a full-length prefix, such as `/32`.
         * @example 203.0.113.0/24
         */
        IpRestrictionCidrRange: string;
        /** @description One address range of a rule. */
        IpRestrictionCidr: {
            /** @description Numeric id of the range; send it back when updating a rule to keep this range. */
            readonly id?: number;
            /** @description Numeric id of the rule the range belongs to. */
            readonly ip_restriction_rule_id: number;
            cidr: components["schemas"]["IpRestrictionCidrRange"];
            /** @description The range in IPv6 notation, where dbt Cloud keeps one. */
            cidr_ipv6?: string | null;
            /** @description True when the range takes part in checks. */
            enabled: boolean;
            state: components["schemas"]["EntityState"];
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        /** @description A named rule that allows or denies a set of address ranges. */
        IpRestrictionRule: {
            /** @description Numeric id of the rule. */
            readonly id: number;
            /** @description Numeric id of the account. */
            account_id: number;
            /** @description Numeric id of the account's rule set, which the rule belongs to. */
            readonly ip_restriction_rule_set_id: number;
            /** @description Display name of the rule. */
            name: string;
            /** @description Free text explaining what the rule is for. */
            description?: string | null;
            type: components["schemas"]["IpRestrictionRuleType"];
            state: components["schemas"]["EntityState"];
            /** @description True when IP restrictions are switched on for the account. */
            rule_set_enabled: boolean;
            /** @description True when the rules are also enforced for requests made with service tokens. */
            readonly enabled_for_service_tokens: boolean;
            /** @description The address ranges the rule covers. */
            cidrs: components["schemas"]["IpRestrictionCidr"][];
            /** @description Numeric id of the user who created the rule, when a user did. */
            readonly created_by_id?: number | null;
            /** @description Numeric id of the service token that created the rule, when a token did. */
            readonly created_by_service_token_id?: number | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        IpRestrictionRuleListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["IpRestrictionRule"][];
        };
        /** @description One address range to save with a rule. */
        IpRestrictionCidrInput: {
            /** @description Id of an existing range of the rule, to change or keep it rather than add a new one. */
            id?: number;
            cidr: components["schemas"]["IpRestrictionCidrRange"];
            state?: components["schemas"]["EntityState"];
        };
        /** @description A new IP restriction rule. */
        IpRestrictionRuleCreate: {
            /** @description Numeric id of the account; must match the one in the path. */
            account_id: number;
            /** @description Display name of the rule. */
            name: string;
            /** @description Free text explaining what the rule is for. */
            description?: string;
            type: components["schemas"]["IpRestrictionRuleType"];
            /** @description Whether IP restrictions are switched on for the account. */
            rule_set_enabled: boolean;
            /** @description The address ranges the rule covers. */
            cidrs: components["schemas"]["IpRestrictionCidrInput"][];
        };
        IpRestrictionRuleEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["IpRestrictionRule"];
            /**
             * @description After a save, lists the ranges that could not be saved. The rule is saved, and the
             *     answer is successful, as long as at least one range was.
             */
            extra?: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * @description The full new content of an IP restriction rule. Ranges sent with their `id` are kept or
         *     changed; ranges sent without one are added.
         */
        IpRestrictionRuleUpdate: {
            /** @description Numeric id of the rule; must match the one in the path. */
            id: number;
            /** @description Numeric id of the account; must match the one in the path. */
            account_id: number;
            /** @description Display name of the rule. */
            name: string;
            /** @description Free text explaining what the rule is for. */
            description?: string;
            type: components["schemas"]["IpRestrictionRuleType"];
            /** @description Whether IP restrictions are switched on for the account. */
            rule_set_enabled: boolean;
            /** @description The address ranges the rule covers. */
            cidrs: components["schemas"]["IpRestrictionCidrInput"][];
        };
        /** @description Switches IP restrictions on or off for the account. */
        IpRestrictionRuleSetUpdate: {
            /** @description True to enforce the account's rules, false to stop enforcing them. */
            enabled: boolean;
        };
        /** @description The account's set of IP restriction rules, and whether it is enforced. */
        IpRestrictionRuleSet: {
            /** @description Numeric id of the rule set. */
            readonly id: number;
            /** @description Numeric id of the account. */
            account_id: number;
            state: components["schemas"]["EntityState"];
            /** @description True when IP restrictions are enforced for the account. */
            enabled: boolean;
            /** @description True when the rules are also enforced for requests made with service tokens. */
            readonly enabled_for_service_tokens: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        IpRestrictionRuleSetEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["IpRestrictionRuleSet"];
        };
        /** @description The outcome of checking the caller's address against the rules. */
        IpRestrictionValidation: {
            /**
             * @description True when the address the request came from would still be let in with the rules enforced,
             *     so enabling or changing them would not lock the caller out.
             */
            is_valid_for_admin: boolean;
        };
        IpRestrictionValidationEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["IpRestrictionValidation"];
        };
        /**
         * @description The identity provider that issues warehouse tokens: `entra` (Microsoft Entra ID, formerly Azure AD)
         *     or `okta`.
         * @enum {string}
         */
        OAuthConfigurationType: "entra" | "okta";
        /** @description Settings only some providers need. Entra ID needs the application id URI. */
        OAuthConfigurationExtraData: {
            /** @description The application id URI of the Entra ID app that represents the warehouse, such as `api://...`. */
            application_id_uri: string;
        };
        /**
         * @description An external OAuth setup for a data warehouse: an identity provider app that dbt Cloud signs
         *     developers in with, so their warehouse credentials use OAuth tokens. The client secret is never
         *     returned.
         */
        OAuthConfiguration: {
            /** @description Numeric id of the OAuth configuration. */
            readonly id: number;
            /** @description The account the configuration belongs to. */
            account_id: number;
            type: components["schemas"]["OAuthConfigurationType"];
            /** @description Display name of the configuration. */
            name: string;
            /** @description Provider-specific settings; null when the provider needs none. */
            extra_data?: components["schemas"]["OAuthConfigurationExtraData"] | null;
            /** @description The client id of the app registered with the identity provider. */
            client_id: string;
            /** @description The identity provider's authorization endpoint. */
            authorize_url: string;
            /** @description The identity provider's token endpoint. */
            token_url: string;
            /** @description Where the identity provider sends the user back to dbt Cloud after signing in. */
            redirect_uri: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        OAuthConfigurationListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["OAuthConfiguration"][];
        };
        /** @description A new OAuth configuration. The API itself insists only on the account id and the type. */
        OAuthConfigurationCreate: {
            /** @description The account to create the configuration in; the same id as in the path. */
            account_id: number;
            type: components["schemas"]["OAuthConfigurationType"];
            /** @description Display name of the configuration. */
            name?: string;
            extra_data?: components["schemas"]["OAuthConfigurationExtraData"];
            /** @description The client id of the app registered with the identity provider. */
            client_id?: string;
            /** @description The client secret of that app. It is stored but never sent back. */
            client_secret?: string;
            /** @description The identity provider's authorization endpoint. */
            authorize_url?: string;
            /** @description The identity provider's token endpoint. */
            token_url?: string;
            /** @description Where the identity provider sends the user back to dbt Cloud after signing in. */
            redirect_uri?: string;
        };
        OAuthConfigurationEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["OAuthConfiguration"];
        };
        /**
         * @description The new values of an OAuth configuration. The call replaces the configuration; like creation, it
         *     insists only on the account id and the type.
         */
        OAuthConfigurationUpdate: {
            /** @description The account the configuration belongs to; the same id as in the path. */
            account_id: number;
            type: components["schemas"]["OAuthConfigurationType"];
            /** @description Display name of the configuration. */
            name?: string;
            extra_data?: components["schemas"]["OAuthConfigurationExtraData"];
            /** @description The client id of the app registered with the identity provider. */
            client_id?: string;
            /** @description A new client secret. It is stored but never sent back. */
            client_secret?: string;
            /** @description The identity provider's authorization endpoint. */
            authorize_url?: string;
            /** @description The identity provider's token endpoint. */
            token_url?: string;
            /** @description Where the identity provider sends the user back to dbt Cloud after signing in. */
            redirect_uri?: string;
        };
        /**
         * @description The BI tool an integration connects to: `tableau` or `powerbi` (Microsoft Power BI).
         * @enum {string}
         */
        LineageIntegrationType: "tableau" | "powerbi";
        /**
         * @description How dbt Cloud reaches the BI tool. The keys shown are those of Tableau; dbt Labs does not document
         *     the keys other tools take. The access token is write-only and never sent back.
         */
        LineageIntegrationConfig: {
            /** @description Address of the Tableau server or Tableau Cloud pod, such as `https://eu-west-1a.online.tableau.com`. */
            host?: string;
            /** @description The Tableau site that holds the dashboards (its content URL). */
            site_id?: string;
            /** @description Name of the Tableau personal access token dbt Cloud signs in with. */
            token_name?: string;
            /** @description Secret of that personal access token. Stored but never returned. */
            token?: string;
        };
        /**
         * @description A connection from a project to a BI tool, through which dbt Cloud fetches dashboards and shows
         *     them downstream of the models they read in dbt Explorer.
         */
        LineageIntegration: {
            /** @description Numeric id of the lineage integration. */
            readonly id: number;
            /** @description The account the integration belongs to. */
            account_id: number;
            /** @description The project the integration belongs to. */
            project_id: number;
            name: components["schemas"]["LineageIntegrationType"];
            config?: components["schemas"]["LineageIntegrationConfig"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        LineageIntegrationListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["LineageIntegration"][];
        };
        /** @description A new lineage integration. The field `name` holds the BI tool type. */
        LineageIntegrationCreate: {
            name: components["schemas"]["LineageIntegrationType"];
            /** @description The account to create the integration in; the same id as in the path. */
            account_id: number;
            /** @description The project to create the integration in; the same id as in the path. */
            project_id?: number;
            config?: components["schemas"]["LineageIntegrationConfig"];
        };
        LineageIntegrationEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["LineageIntegration"];
        };
        /** @description Changes to a lineage integration; only the fields sent are changed. */
        LineageIntegrationPatch: {
            name?: components["schemas"]["LineageIntegrationType"];
            /** @description The account the integration belongs to. */
            account_id?: number;
            /** @description The project the integration belongs to. */
            project_id?: number;
            config?: components["schemas"]["LineageIntegrationConfig"];
        };
        /**
         * @description What a BI tool item is: a `folder` (a Tableau project, for example) or a `dashboard`.
         * @enum {string}
         */
        LineageCollectionItemType: "folder" | "dashboard";
        /** @description A folder or dashboard in the BI tool that dbt Cloud can watch for lineage. */
        LineageCollectionItem: {
            /** @description The BI tool's own id for the item. */
            identifier: string;
            /** @description Display name of the item in the BI tool. */
            name: string;
            type: components["schemas"]["LineageCollectionItemType"];
            /** @description True when dbt Cloud fetches lineage for this item. */
            watching?: boolean;
        };
        /** @description A set of folders and dashboards found at one level of the BI tool. */
        LineageCollectionSet: {
            /** @description The folders and dashboards. */
            collections: components["schemas"]["LineageCollectionItem"][];
        };
        LineageCollectionListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["LineageCollectionSet"][];
        };
        /** @description Which folders and dashboards to start and stop watching. */
        LineageSelectionUpdate: {
            /** @description Items to start watching. */
            to_add?: components["schemas"]["LineageCollectionItem"][];
            /** @description Identifiers of items to stop watching. */
            to_remove?: string[];
        };
        /** @description How many items the change started and stopped watching. This body has no envelope. */
        LineageSelectionResult: {
            /** @description How many items are now watched that were not before. */
            added: number;
            /** @description How many items are no longer watched. */
            removed: number;
        };
        /** @description How SCIM provisioning behaves for an account. */
        ScimConfig: {
            /** @description True when identity providers may provision users and groups through SCIM. */
            enabled: boolean;
            /**
             * @description True when people may still edit SCIM-managed users and groups in dbt Cloud (invites, group
             *     membership). Off by default, so the identity provider stays the source of truth.
             */
            manual_updates_allowed: boolean;
            /** @description True when the license type of a user is set by SCIM instead of by license mappings. */
            scim_controlled_license_type: boolean;
        };
        ScimConfigEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["ScimConfig"];
        };
        /** @description The SCIM settings to store for an account. */
        ScimConfigCreate: {
            /** @description Turns SCIM provisioning on or off. */
            enabled: boolean;
            /** @description Lets people edit SCIM-managed users and groups in dbt Cloud. */
            manual_updates_allowed: boolean;
            /** @description Lets SCIM set the license type of users, overriding license mappings. */
            scim_controlled_license_type?: boolean;
        };
        /** @description A bearer token an identity provider uses to call the SCIM endpoints. Its secret is never shown again after creation. */
        ScimToken: {
            /** @description Numeric id of the token. */
            readonly id: number;
            /** @description A label that tells tokens apart, such as the identity provider using it. */
            name: string;
            created_at: components["schemas"]["Timestamp"];
            /** @description When the token last authenticated a request; null if it never has. */
            readonly last_used?: components["schemas"]["Timestamp"] | null;
        };
        ScimTokenListEnvelope: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["ScimToken"][];
        };
        /** @description The token to create. */
        ScimTokenCreate: {
            /** @description A label for the token. */
            name: string;
        };
        /** @description A token just created, with its secret. */
        ScimTokenCreated: components["schemas"]["ScimToken"] & {
            /**
             * @description The secret to send as `Authorization: Bearer <token>` on SCIM requests. Returned only in the
             *     response that creates the token; it cannot be read again, so store it at once.
             */
            readonly token_string: string;
        };
        ScimTokenCreatedEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["ScimTokenCreated"];
        };
        ScimTokenEnvelope: components["schemas"]["Envelope"] & {
            data: components["schemas"]["ScimToken"];
        };
        /** @description A SCIM ListResponse holding one page of resources. */
        ScimListResponse: {
            /** @description Always `urn:ietf:params:scim:api:messages:2.0:ListResponse`. */
            schemas: string[];
            /** @description How many resources match across all pages. */
            totalResults: number;
            /** @description 1-based position of the first resource of this page. */
            startIndex: number;
            /** @description How many resources this page holds. */
            itemsPerPage: number;
            /** @description The resources of this page. */
            Resources: unknown[];
        };
        /** @description A user in a group. */
        ScimGroupMember: {
            /** @description SCIM id of the user. */
            value: string;
            /** @description How the member is shown, usually the user's email address. */
            display: string;
        };
        /** @description Resource metadata as SCIM defines it. */
        ScimMeta: {
            /** @description The kind of resource, such as `User` or `Group`. */
            resourceType: string;
            /** @description The URL of the resource. */
            location: string;
            /** @description When the resource was created, in ISO 8601 with a `T` between date and time. */
            created?: string | null;
            /** @description When the resource last changed, in ISO 8601 with a `T` between date and time. */
            lastModified?: string | null;
        };
        /** @description A dbt Cloud group as a SCIM Group resource. */
        ScimGroup: {
            /** @description The schema URNs the resource follows (`urn:ietf:params:scim:schemas:core:2.0:Group`). */
            schemas: string[];
            /** @description SCIM id of the group (the dbt Cloud group id as a string). */
            readonly id: string;
            /** @description The identity provider's id for the group. */
            externalId?: string | null;
            /** @description Name of the group. */
            displayName: string;
            /** @description The users in the group. */
            members?: components["schemas"]["ScimGroupMember"][];
            meta: components["schemas"]["ScimMeta"];
        };
        ScimGroupListResponse: components["schemas"]["ScimListResponse"] & {
            Resources: components["schemas"]["ScimGroup"][];
        };
        /** @description A full SCIM Group, sent to create a group or to replace one. */
        ScimGroupInput: {
            /** @description The schema URNs the body follows, such as `urn:ietf:params:scim:schemas:core:2.0:Group`. */
            schemas: string[];
            /** @description The identity provider's id for the group. */
            externalId?: string;
            /** @description Name of the group. */
            displayName: string;
            /** @description The users in the group; on replace, the whole membership. */
            members?: components["schemas"]["ScimGroupMember"][];
        };
        /**
         * @description What a SCIM PATCH operation does.
         * @enum {string}
         */
        ScimPatchOpType: "add" | "remove" | "replace";
        /** @description One change to a group. */
        ScimGroupPatchOperation: {
            op: components["schemas"]["ScimPatchOpType"];
            /** @description The attribute to change, such as `members`, `displayName` or `members[value eq "96171"]`. */
            path?: string;
            /** @description The value the operation uses, such as a list of `{value}` member objects or a new name; left out for most removals. */
            value?: unknown;
        };
        /** @description A SCIM PatchOp message that changes a group's name or membership. */
        ScimGroupPatch: {
            /**
             * @description Always `urn:ietf:params:scim:api:messages:2.0:PatchOp`.
             * @default [
             *       "urn:ietf:params:scim:api:messages:2.0:PatchOp"
             *     ]
             */
            schemas?: string[];
            /** @description The changes, applied in order. */
            Operations: components["schemas"]["ScimGroupPatchOperation"][];
        };
        /** @description An extension schema a resource type accepts. */
        ScimSchemaExtension: {
            /** @description URN of the extension schema. */
            schema: string;
            /** @description True when every resource of the type must carry the extension. */
            required: boolean;
        };
        /** @description A kind of resource the SCIM service offers, and where to reach it. */
        ScimResourceType: {
            /** @description Always `urn:ietf:params:scim:schemas:core:2.0:ResourceType`. */
            schemas?: string[];
            /** @description Id of the resource type, such as `User`. */
            id: string;
            /** @description Name of the resource type. */
            name: string;
            /** @description Path of the resource type's endpoint, relative to the SCIM base URL. */
            endpoint: string;
            /** @description What the resource type is. */
            description: string;
            /** @description URN of the main schema of the resource type. */
            schema: string;
            /** @description Extension schemas the resource type accepts. */
            schemaExtensions?: components["schemas"]["ScimSchemaExtension"][];
            meta: components["schemas"]["ScimMeta"];
        };
        ScimResourceTypeListResponse: components["schemas"]["ScimListResponse"] & {
            Resources: components["schemas"]["ScimResourceType"][];
        };
        /** @description The definition of one attribute of a SCIM schema. */
        ScimSchemaAttribute: {
            /** @description Name of the attribute. */
            name: string;
            /**
             * @description Data type of the attribute.
             * @enum {string}
             */
            type: "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "complex" | "binary";
            /** @description True when the attribute holds a list. */
            multiValued?: boolean;
            /** @description What the attribute holds. */
            description?: string;
            /** @description True when the attribute must be present. */
            required?: boolean;
            /** @description True when string values compare case-sensitively. */
            caseExact?: boolean;
            /** @description Suggested values, such as `work` for an email type. */
            canonicalValues?: string[];
            /**
             * @description When the attribute can be changed.
             * @enum {string}
             */
            mutability?: "readOnly" | "readWrite" | "immutable" | "writeOnly";
            /**
             * @description When the attribute is sent back.
             * @enum {string}
             */
            returned?: "always" | "never" | "default" | "request";
            /**
             * @description How unique values must be.
             * @enum {string}
             */
            uniqueness?: "none" | "server" | "global";
            /** @description The resource types a reference attribute may point to. */
            referenceTypes?: string[];
            /** @description The attributes of a complex attribute. */
            subAttributes?: components["schemas"]["ScimSchemaAttribute"][];
        };
        /** @description A SCIM schema definition, listing the attributes of a resource or extension. */
        ScimSchema: {
            /** @description Always `urn:ietf:params:scim:schemas:core:2.0:Schema`. */
            schemas?: string[];
            /** @description URN of the schema. */
            id: string;
            /** @description Short name of the schema. */
            name?: string;
            /** @description What the schema describes. */
            description?: string;
            /** @description The attributes the schema defines. */
            attributes?: components["schemas"]["ScimSchemaAttribute"][];
            meta?: components["schemas"]["ScimMeta"];
        };
        ScimSchemaListResponse: components["schemas"]["ScimListResponse"] & {
            Resources: components["schemas"]["ScimSchema"][];
        };
        /** @description Whether an optional SCIM feature is offered. */
        ScimSupported: {
            /** @description True when the feature is offered. */
            supported: boolean;
        };
        /** @description A way to authenticate to the SCIM service. */
        ScimAuthenticationScheme: {
            /** @description The kind of scheme, such as `oauthbearertoken`. */
            type: string;
            /** @description Name of the scheme. */
            name: string;
            /** @description How the scheme works. */
            description: string;
            /** @description Where the scheme's specification lives. */
            specUri?: string;
            /** @description Where the scheme's documentation lives. */
            documentationUri?: string;
            /** @description True for the preferred scheme. */
            primary?: boolean;
        };
        /** @description The SCIM features the service offers. */
        ScimServiceProviderConfig: {
            /** @description Always `urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig`. */
            schemas: string[];
            /** @description Where the service's documentation lives. */
            documentationUri?: string;
            patch: components["schemas"]["ScimSupported"];
            /** @description Whether bulk requests are offered, and their limits. */
            bulk: {
                /** @description True when bulk requests are offered. */
                supported: boolean;
                /** @description Most operations in one bulk request. */
                maxOperations?: number;
                /** @description Largest bulk request body, in bytes. */
                maxPayloadSize?: number;
            };
            /** @description Whether filtering is offered, and how many results a filtered list returns at most. */
            filter: {
                /** @description True when the `filter` parameter is honoured. */
                supported: boolean;
                /** @description Most resources a list returns. */
                maxResults?: number;
            };
            changePassword: components["schemas"]["ScimSupported"];
            sort: components["schemas"]["ScimSupported"];
            etag: components["schemas"]["ScimSupported"];
            /** @description The ways to authenticate. */
            authenticationSchemes: components["schemas"]["ScimAuthenticationScheme"][];
            meta?: components["schemas"]["ScimMeta"];
        };
        /** @description The parts of a user's name. */
        ScimUserName: {
            /**
             * @description First name.
             * @default
             */
            givenName?: string;
            /**
             * @description Last name.
             * @default
             */
            familyName?: string;
        };
        /** @description One email address of a user. */
        ScimUserEmail: {
            /**
             * @description The email address.
             * @default
             */
            value?: string;
            /**
             * @description True for the address the user is reached at.
             * @default false
             */
            primary?: boolean;
            /**
             * @description What the address is used for, such as `work`.
             * @default work
             */
            type?: string;
        };
        /** @description A group the user belongs to. */
        ScimUserGroup: {
            /** @description SCIM id of the group. */
            value: string;
            /** @description Display name of the group. */
            display: string;
            /** @description SCIM id of the group, repeated. */
            id?: string;
            /** @description The identity provider's id for the group. */
            externalId?: string | null;
            /** @description Display name of the group, repeated. */
            displayName?: string;
            meta?: components["schemas"]["ScimMeta"];
        };
        /**
         * @description The license a SCIM-provisioned user gets.
         * @enum {string}
         */
        ScimLicenseType: "developer" | "read_only" | "analyst" | "it";
        /** @description The dbt Labs extension of the SCIM user, which carries the license type. */
        ScimUserExtension: {
            licenseType: components["schemas"]["ScimLicenseType"];
        };
        /** @description A dbt Cloud user as a SCIM User resource. */
        ScimUser: {
            /** @description The schema URNs the resource follows (the core User schema and the dbt Labs extension). */
            schemas: string[];
            /** @description SCIM id of the user (the dbt Cloud user id as a string). */
            readonly id: string;
            /** @description The identity provider's id for the user. */
            externalId?: string | null;
            /**
             * Format: email
             * @description The user's login, which is their email address.
             */
            userName: string;
            /** @description False once the identity provider has deactivated the user. */
            active: boolean;
            name: components["schemas"]["ScimUserName"];
            /** @description The user's email addresses. */
            emails: components["schemas"]["ScimUserEmail"][];
            /** @description The groups the user belongs to. */
            groups?: components["schemas"]["ScimUserGroup"][];
            "urn:ietf:params:scim:schemas:extension:dbtLabs:2.0:User"?: components["schemas"]["ScimUserExtension"];
            meta: components["schemas"]["ScimMeta"];
        };
        ScimUserListResponse: components["schemas"]["ScimListResponse"] & {
            Resources: components["schemas"]["ScimUser"][];
        };
        /** @description A full SCIM User, sent to create a user or to replace one. */
        ScimUserInput: {
            /** @description The schema URNs the body follows, such as `urn:ietf:params:scim:schemas:core:2.0:User`. */
            schemas: string[];
            /** @description The identity provider's id for the user. */
            externalId?: string;
            /**
             * Format: email
             * @description The user's login; it must be an email address.
             */
            userName: string;
            /** @description Whether the user may sign in. */
            active: boolean;
            name: components["schemas"]["ScimUserName"];
            /** @description The user's email addresses. */
            emails: components["schemas"]["ScimUserEmail"][];
            "urn:ietf:params:scim:schemas:extension:dbtLabs:2.0:User"?: components["schemas"]["ScimUserExtension"];
        };
        /** @description Attributes changed by a user PATCH operation without a path. */
        ScimUserPatchValue: {
            /** @description Whether the user may sign in. */
            active: boolean;
        };
        /** @description One change to a user. */
        ScimUserPatchOperation: {
            op: components["schemas"]["ScimPatchOpType"];
            /** @description The attribute to change, such as `active` or `name.givenName`; left out when `value` is an object. */
            path?: string;
            /** @description The new value, as an object of attributes or as a string. */
            value: components["schemas"]["ScimUserPatchValue"] | string;
        };
        /** @description A SCIM PatchOp message that changes some attributes of a user. */
        ScimUserPatch: {
            /** @description Always `urn:ietf:params:scim:api:messages:2.0:PatchOp`. */
            schemas: string[];
            /** @description The changes, applied in order. */
            Operations: components["schemas"]["ScimUserPatchOperation"][];
        };
        /**
         * @description The body dbt Cloud POSTs to a subscriber's endpoint, common to every event type. Ids inside
         *     `data` are strings of digits; times are RFC 3339 in UTC with a `Z`. Required are only the fields every
         *     payload in dbt Labs' webhook documentation shows, in all its versions: `webhookId` is missing from the
         *     earlier examples (and spelled `webhooksID` in later ones), so it is optional.
         */
        WebhookEvent: {
            /**
             * Format: date-time
             * @description When the event was sent, RFC 3339 in UTC with up to nine fractional digits.
             */
            timestamp: string;
            /** @description Id of the event (starts with `wev_`); the same on every retry of a delivery. */
            eventId: string;
            eventType: components["schemas"]["WebhookEventType"];
            /** @description Name of the subscription the event is sent for. */
            webhookName: string;
            /** @description Id of the subscription the event is sent for (starts with `wsu_`). */
            webhookId?: string;
            /** @description Numeric id of the account. */
            accountId: number;
            /** @description Details of the run; the shape depends on `eventType`. */
            data: {
                [key: string]: unknown;
            };
        };
        /**
         * @description The state of the run in words.
         * @enum {string}
         */
        WebhookRunStatus: "Running" | "Success" | "Errored" | "Cancelled";
        /**
         * @description The state of the run as a number: 3 Running, 10 Success, 20 Error, 30 Cancelled.
         * @enum {integer}
         */
        WebhookRunStatusCode: 3 | 10 | 20 | 30;
        /**
         * @description Details of a job run, common to all job run events. `projectId` and `runStatusCode` came later than the
         *     other fields (the first documented payloads lack them), so they are optional.
         */
        WebhookJobRunData: {
            /** @description Id of the job, as a string of digits. */
            jobId: string;
            /** @description Name of the job. */
            jobName: string;
            /** @description Id of the run, as a string of digits. */
            runId: string;
            /** @description Id of the environment the job runs in, as a string of digits. */
            environmentId: string;
            /** @description Name of the environment. */
            environmentName: string;
            /** @description The dbt version the run uses; can be empty. */
            dbtVersion: string;
            /** @description Name of the project. */
            projectName: string;
            /** @description Id of the project, as a string of digits. */
            projectId?: string;
            runStatus: components["schemas"]["WebhookRunStatus"];
            runStatusCode?: components["schemas"]["WebhookRunStatusCode"];
            /** @description The run's status message; the text `None` when there is none. */
            runStatusMessage: string;
            /** @description Why the run was started, such as `Kicked off from schedule`. */
            runReason: string;
            /**
             * Format: date-time
             * @description When the run started, RFC 3339 in UTC.
             */
            runStartedAt: string;
        };
        /** @description Details of a run that has just started. */
        WebhookJobRunStartedData: components["schemas"]["WebhookJobRunData"] & {
            /**
             * @description Always `Running`.
             * @enum {string}
             */
            runStatus?: "Running";
            /**
             * @description Always 3 (Running).
             * @enum {integer}
             */
            runStatusCode?: 3;
        };
        /** @description Sent when a job run starts. */
        WebhookJobRunStartedEvent: components["schemas"]["WebhookEvent"] & {
            /**
             * @description Always `job.run.started`.
             * @enum {string}
             */
            eventType?: "job.run.started";
            data?: components["schemas"]["WebhookJobRunStartedData"];
        };
        /** @description Details of a run that has finished, whether it succeeded, failed or was cancelled. */
        WebhookJobRunCompletedData: components["schemas"]["WebhookJobRunData"] & {
            /**
             * @description How the run ended.
             * @enum {string}
             */
            runStatus?: "Success" | "Errored" | "Cancelled";
            /**
             * @description How the run ended: 10 Success, 20 Error, 30 Cancelled.
             * @enum {integer}
             */
            runStatusCode?: 10 | 20 | 30;
            /**
             * Format: date-time
             * @description When the run finished, RFC 3339 in UTC.
             */
            runFinishedAt: string;
        };
        /**
         * @description Sent when a job run finishes in any state, once its metadata and artifacts can be read through
         *     the API.
         */
        WebhookJobRunCompletedEvent: components["schemas"]["WebhookEvent"] & {
            /**
             * @description Always `job.run.completed`.
             * @enum {string}
             */
            eventType?: "job.run.completed";
            data?: components["schemas"]["WebhookJobRunCompletedData"];
        };
        /** @description Details of a run that has failed. */
        WebhookJobRunErroredData: components["schemas"]["WebhookJobRunData"] & {
            /**
             * @description Always `Errored`.
             * @enum {string}
             */
            runStatus?: "Errored";
            /**
             * @description Always 20 (Error).
             * @enum {integer}
             */
            runStatusCode?: 20;
            /**
             * Format: date-time
             * @description When the run failed, RFC 3339 in UTC.
             */
            runErroredAt: string;
        };
        /**
         * @description Sent as soon as a job run fails, possibly before its metadata and artifacts can be read through
         *     the API. A failed run also produces a `job.run.completed` event later.
         */
        WebhookJobRunErroredEvent: components["schemas"]["WebhookEvent"] & {
            /**
             * @description Always `job.run.errored`.
             * @enum {string}
             */
            eventType?: "job.run.errored";
            data?: components["schemas"]["WebhookJobRunErroredData"];
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
        /**
         * @description Any answer outside 2xx (a rejected signature, an unknown event, throttling, a crash) counts as a
         *     failed delivery; dbt Cloud ignores the body and sends the event again, up to five times.
         */
        WebhookDeliveryFailed: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
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
        /**
         * @description Numeric id of the user.
         * @example 96170
         */
        AccountUserId: number;
        /**
         * @description Numeric id of the user who owns the tokens.
         * @example 96170
         */
        AccountScopedTokenUserId: number;
        /**
         * @description Numeric id of the account-scoped personal access token.
         * @example 40211
         */
        AccountScopedTokenId: number;
        /**
         * @description Numeric id of the user; it must be the user the API key belongs to.
         * @example 96170
         */
        UserCredentialsUserId: number;
        /**
         * @description Related objects to embed, comma separated: `credentials` (the development credentials) and
         *     `project` (the project they are for).
         * @example credentials,project
         */
        UserCredentialsIncludeRelated: string;
        /**
         * @description Numeric id of the link between the user and a set of development credentials.
         * @example 88214
         */
        UserCredentialsId: number;
        /**
         * @description Numeric id of the group.
         * @example 512304
         */
        GroupId: number;
        /**
         * @description Numeric id of the group whose permissions are set.
         * @example 512304
         */
        GroupPermissionsGroupId: number;
        /**
         * @description Numeric id of the license map.
         * @example 3307
         */
        LicenseMapId: number;
        /**
         * @description Numeric id of the service token (not its secret).
         * @example 88215
         */
        ServiceTokenId: number;
        /**
         * @description Numeric id of the service token whose permissions are listed.
         * @example 88215
         */
        ServiceTokenPermissionsTokenId: number;
        /**
         * @description Id of the webhook subscription (a string starting with `wsu_`).
         * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
         */
        WebhookSubscriptionId: string;
        /**
         * @description Id of the webhook event (a string starting with `wev_`).
         * @example wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP
         */
        WebhookEventId: string;
        /**
         * @description Id of the delivery receipt (a string).
         * @example wre_2Xq9cV7wX1yZ3aB5cD7eF9gH2iJ
         */
        WebhookReceiptId: string;
        /**
         * @description Only events logged at or after this moment: a date (`2026-10-01`) or a date and time
         *     (`2026-10-01 08:00:00`, optionally with fractions of a second and an offset), read as UTC when
         *     no offset is given. Without either bound the last 90 days are returned.
         * @example 2026-10-01
         */
        AuditLogLoggedAtStart: components["schemas"]["AuditLogDateBound"];
        /**
         * @description Only events logged before this moment, written like `logged_at_start`. Without either bound
         *     the last 90 days are returned.
         * @example 2026-10-31
         */
        AuditLogLoggedAtEnd: components["schemas"]["AuditLogDateBound"];
        /**
         * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for audit
         *     log events, so it has no effect.
         */
        AuditLogIncludeRelated: string;
        /**
         * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for IP
         *     restrictions, so it has no effect.
         */
        IpRestrictionIncludeRelated: string;
        /**
         * @description Numeric id of the IP restriction rule.
         * @example 7021
         */
        IpRestrictionRuleId: number;
        /**
         * @description Numeric id of the account's IP restriction rule set.
         * @example 1204
         */
        IpRestrictionRuleSetId: number;
        /**
         * @description Numeric id of the SCIM token.
         * @example 5102
         */
        ScimTokenId: number;
        /**
         * @description A SCIM filter expression that narrows the groups returned, as in
         *     `displayName eq "Analytics Engineers"`.
         * @example displayName eq "Analytics Engineers"
         */
        ScimGroupFilter: string;
        /**
         * @description 1-based position of the first result to return.
         * @example 1
         */
        ScimStartIndex: number;
        /**
         * @description The largest number of resources to return in one page. The server picks a page size when it is left out.
         * @example 100
         */
        ScimCount: number;
        /**
         * @description SCIM id of the group, which is the dbt Cloud group id written as a string.
         * @example 30412
         */
        ScimGroupId: string;
        /**
         * @description Name of a resource type the service provider supports.
         * @example User
         */
        ScimResourceTypeName: "User" | "Group";
        /**
         * @description The URN that identifies a SCIM schema.
         * @example urn:ietf:params:scim:schemas:core:2.0:User
         */
        ScimSchemaUri: string;
        /**
         * @description A SCIM filter expression that narrows the users returned. Identity providers use it to look a
         *     user up before creating one, as in `userName eq "priya@jaffle.example"`.
         * @example userName eq "priya@jaffle.example"
         */
        ScimUserFilter: string;
        /**
         * @description SCIM id of the user, which is the dbt Cloud user id written as a string.
         * @example 96170
         */
        ScimUserId: string;
        /**
         * @description The signature of the delivery: the lowercase hex HMAC-SHA256 of the raw request body, keyed
         *     with the subscription's `hmac_secret`. Compare it with your own computation in constant time.
         * @example 3b8f0d6c1a9e42f7b5d0c8e1f2a3b4c5d6e7f80912a3b4c5d6e7f8091a2b3c4d
         */
        WebhookSignature: string;
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
                 * @description Only projects with any of these ids. Send one value: the project ids in square brackets, separated by commas, such as `[270542,270543]`.
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
                 * @description Only environments of any of these projects. Send one value: the project ids in square brackets, separated by commas, such as `[270542,270543]`.
                 * @example [270542,270543]
                 */
                project_id__in?: string;
                /**
                 * @description Only environments set to this dbt version, such as `1.9.0-latest`.
                 * @example 1.9.0-latest
                 */
                dbt_version?: string;
                /**
                 * @description Only environments set to any of these dbt versions. Send one value: a JSON list of quoted version strings, such as `["1.9.0-latest","latest"]`.
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
                 * @description Only repositories of any of these projects. Send one value: the project ids in square brackets, separated by commas, such as `[270542,270543]`.
                 * @example [270542,270543]
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
                 * @description Only jobs of any of these projects. Send one value: the project ids in square brackets, separated by commas, such as `[270542,270543]`.
                 * @example [270542,270543]
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
                 * @description Only jobs whose own dbt version is any of these. Send one value: a JSON list of quoted version strings, such as `["1.9.0-latest","latest"]`.
                 * @example ["1.9.0-latest","latest"]
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
            /**
             * @description The new job. The API answers a create with `201` (its body's `status.code` says so too); the `200`
             *     above is what dbt Labs' published spec declares.
             */
            201: {
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
            /**
             * @description The deleted job, its `state` now `2`. Recorded responses show the API answering a delete this way; the
             *     `204` below is what dbt Labs' published spec declares.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobEnvelope"];
                };
            };
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
                 * @description Only runs in any of these projects. Send one value: the project ids in square brackets, separated by commas, such as `[270542,270543]`.
                 * @example [270542,270543]
                 */
                project_id__in?: string;
                /**
                 * @description Only runs in this environment.
                 * @example 218762
                 */
                environment_id?: number;
                /** @description Only the run started by this trigger (each run has its own trigger). Sent by the Terraform provider. */
                trigger_id?: number;
                /** @description Only runs started for this pull request (CI runs). Sent by the Terraform provider. */
                pull_request_id?: number;
                /**
                 * @description Only runs with this status (1 Queued, 2 Starting, 3 Running, 10 Success, 20 Error, 30 Cancelled).
                 * @example 20
                 */
                status?: components["schemas"]["RunStatus"];
                /**
                 * @description Only runs in any of these statuses. Send one value: run status codes in square brackets, separated by
                 *     commas, such as `[1,2,3]` for runs that have not finished. The codes are 1 Queued, 2 Starting,
                 *     3 Running, 10 Success, 20 Error, 30 Cancelled. Repeating the parameter once per code is rejected with 400.
                 * @example [1,2,3]
                 */
                status__in?: string;
                /**
                 * @description Only the run with this id.
                 * @example 70403103
                 */
                pk?: number;
                /**
                 * @description Only the runs with these ids. Send one value: the run ids in square brackets, separated by commas, such as `[70403103,70403104]`.
                 * @example [70403103,70403104]
                 */
                pk__in?: string;
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
                 * @description Only runs that used any of these dbt versions. Send one value: a JSON list of quoted version strings, such as `["1.9.0-latest","latest"]`.
                 * @example ["1.9.0-latest","latest"]
                 */
                dbt_version__in?: string;
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
                 * @description Only runs that were created between two moments, start first. Send one value: a JSON list of two quoted
                 *     ISO 8601 timestamps, such as `["2026-11-01T00:00:00Z","2026-11-06T00:00:00Z"]`. This form follows the
                 *     bracketed `__in` filters and is our best reading of the API; it has not been confirmed against the live service.
                 * @example ["2026-11-01T00:00:00Z","2026-11-06T00:00:00Z"]
                 */
                created_at__range?: string;
                /**
                 * @description Only runs that ended between two moments, start first. Send one value: a JSON list of two quoted
                 *     ISO 8601 timestamps, such as `["2026-11-01T00:00:00Z","2026-11-06T00:00:00Z"]`. This form follows the
                 *     bracketed `__in` filters and is our best reading of the API; it has not been confirmed against the live service.
                 * @example ["2026-11-01T00:00:00Z","2026-11-06T00:00:00Z"]
                 */
                finished_at__range?: string;
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
    listAccountsV3: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the response, comma separated (for example `groups`). Which names an
                 *     operation accepts is given in its description; unknown names are ignored.
                 * @example groups
                 */
                include_related?: components["parameters"]["IncludeRelated"];
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
                     *           "identifier": "act_2Zb3pQ8mX1kL",
                     *           "run_slots": 5,
                     *           "developer_seats": 8,
                     *           "read_only_seats": 20,
                     *           "it_seats": 1,
                     *           "explorer_seats": 0,
                     *           "analyst_seats": 0,
                     *           "locked": false,
                     *           "lock_reason": null,
                     *           "lock_cause": null,
                     *           "unlocked_at": null,
                     *           "pending_cancel": false,
                     *           "billing_email_address": "finance@jaffle.example",
                     *           "run_duration_limit_seconds": 86400,
                     *           "queue_limit": 50,
                     *           "enterprise_login_slug": null,
                     *           "business_critical": false,
                     *           "trial_end_date": null,
                     *           "run_locked_until": null,
                     *           "copilot_locked_until": null,
                     *           "agent_credit_locked": false,
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
    sendInvites: {
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
                 *       "email_addresses": [
                 *         "amara@jaffle.example",
                 *         "jonas@jaffle.example"
                 *       ],
                 *       "license_type": "developer",
                 *       "group_ids": [
                 *         512302
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["InviteSendRequest"];
            };
        };
        responses: {
            /** @description The addresses the invitations went to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "sent": [
                     *           "amara@jaffle.example",
                     *           "jonas@jaffle.example"
                     *         ]
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["InviteSendResultEnvelope"];
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
    listAccountUsers: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the response, comma separated (for example `groups`). Which names an
                 *     operation accepts is given in its description; unknown names are ignored.
                 * @example groups
                 */
                include_related?: components["parameters"]["IncludeRelated"];
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
                /**
                 * @description Field to sort by, such as `email` (dbtc's default); prefix it with `-` for descending order.
                 * @example email
                 */
                order_by?: string;
                /** @description `1` for active users only, `2` for removed ones. Sent by dbtc. */
                state?: 1 | 2;
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
    getAccountUser: {
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
                /**
                 * @description Numeric id of the user.
                 * @example 96170
                 */
                id: components["parameters"]["AccountUserId"];
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
                    "application/json": components["schemas"]["AccountUserEnvelope"];
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
    listAccountScopedTokens: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the response, comma separated (for example `groups`). Which names an
                 *     operation accepts is given in its description; unknown names are ignored.
                 * @example groups
                 */
                include_related?: components["parameters"]["IncludeRelated"];
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
                /**
                 * @description Numeric id of the user who owns the tokens.
                 * @example 96170
                 */
                user_id: components["parameters"]["AccountScopedTokenUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's tokens in the account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountScopedTokenListEnvelope"];
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
    createAccountScopedToken: {
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
                 * @description Numeric id of the user who owns the tokens.
                 * @example 96170
                 */
                user_id: components["parameters"]["AccountScopedTokenUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Airflow deploys"
                 *     }
                 */
                "application/json": components["schemas"]["AccountScopedTokenCreate"];
            };
        };
        responses: {
            /** @description The new token, with its secret (shown only in this response). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountScopedTokenCreatedEnvelope"];
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
    getAccountScopedToken: {
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
                /**
                 * @description Numeric id of the user who owns the tokens.
                 * @example 96170
                 */
                user_id: components["parameters"]["AccountScopedTokenUserId"];
                /**
                 * @description Numeric id of the account-scoped personal access token.
                 * @example 40211
                 */
                id: components["parameters"]["AccountScopedTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token, without its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountScopedTokenEnvelope"];
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
    rotateAccountScopedToken: {
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
                 * @description Numeric id of the user who owns the tokens.
                 * @example 96170
                 */
                user_id: components["parameters"]["AccountScopedTokenUserId"];
                /**
                 * @description Numeric id of the account-scoped personal access token.
                 * @example 40211
                 */
                id: components["parameters"]["AccountScopedTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token with its new secret (shown only in this response). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountScopedTokenCreatedEnvelope"];
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
    deleteAccountScopedToken: {
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
                 * @description Numeric id of the user who owns the tokens.
                 * @example 96170
                 */
                user_id: components["parameters"]["AccountScopedTokenUserId"];
                /**
                 * @description Numeric id of the account-scoped personal access token.
                 * @example 40211
                 */
                id: components["parameters"]["AccountScopedTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token was revoked. */
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
    listUserCredentials: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed, comma separated: `credentials` (the development credentials) and
                 *     `project` (the project they are for).
                 * @example credentials,project
                 */
                include_related?: components["parameters"]["UserCredentialsIncludeRelated"];
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
                 * @description Numeric id of the user; it must be the user the API key belongs to.
                 * @example 96170
                 */
                user_id: components["parameters"]["UserCredentialsUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's credential links. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCredentialsListEnvelope"];
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
    createUserCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user; it must be the user the API key belongs to.
                 * @example 96170
                 */
                user_id: components["parameters"]["UserCredentialsUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "user_id": 96170,
                 *       "project_id": 270542,
                 *       "credentials_id": 301556,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["UserCredentialsWrite"];
            };
        };
        responses: {
            /** @description The new link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCredentialsEnvelope"];
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
    getUserCredentials: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed, comma separated: `credentials` (the development credentials) and
                 *     `project` (the project they are for).
                 * @example credentials,project
                 */
                include_related?: components["parameters"]["UserCredentialsIncludeRelated"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user; it must be the user the API key belongs to.
                 * @example 96170
                 */
                user_id: components["parameters"]["UserCredentialsUserId"];
                /**
                 * @description Numeric id of the link between the user and a set of development credentials.
                 * @example 88214
                 */
                id: components["parameters"]["UserCredentialsId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCredentialsEnvelope"];
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
    updateUserCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user; it must be the user the API key belongs to.
                 * @example 96170
                 */
                user_id: components["parameters"]["UserCredentialsUserId"];
                /**
                 * @description Numeric id of the link between the user and a set of development credentials.
                 * @example 88214
                 */
                id: components["parameters"]["UserCredentialsId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "user_id": 96170,
                 *       "project_id": 270542,
                 *       "credentials_id": 301556,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["UserCredentialsWrite"];
            };
        };
        responses: {
            /** @description The link after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCredentialsEnvelope"];
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
    deleteUserCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id of the user; it must be the user the API key belongs to.
                 * @example 96170
                 */
                user_id: components["parameters"]["UserCredentialsUserId"];
                /**
                 * @description Numeric id of the link between the user and a set of development credentials.
                 * @example 88214
                 */
                id: components["parameters"]["UserCredentialsId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link was deleted. */
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
    listGroups: {
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
                /**
                 * @description Set to `group_permissions` to embed the permissions each group grants.
                 * @example group_permissions
                 */
                include_related?: "group_permissions";
                /**
                 * @description Only the group with exactly this name.
                 * @example Analytics Engineers
                 */
                name?: string;
                /**
                 * @description Only groups whose name contains this text, ignoring case.
                 * @example analytics
                 */
                name__icontains?: string;
                /**
                 * @description Only the group with this id.
                 * @example 512304
                 */
                pk?: number;
                /**
                 * @description Only the groups with these ids. Send one value: the group ids in square brackets, separated by commas, such as `[512301,512304]`.
                 * @example [512301,512304]
                 */
                pk__in?: string;
                /**
                 * @description Which groups to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`,
                 *     or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example name
                 */
                order_by?: "id" | "-id" | "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
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
            /** @description One page of groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupListEnvelope"];
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
    createGroup: {
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
                 *       "name": "Analytics Engineers",
                 *       "state": 1,
                 *       "assign_by_default": false,
                 *       "sso_mapping_groups": [
                 *         "okta-analytics-engineering"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["GroupCreate"];
            };
        };
        responses: {
            /** @description The new group. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupEnvelope"];
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
    getGroup: {
        parameters: {
            query?: {
                /**
                 * @description Set to `group_permissions` to embed the permissions the group grants.
                 * @example group_permissions
                 */
                include_related?: "group_permissions";
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the group.
                 * @example 512304
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupEnvelope"];
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
    updateGroup: {
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
                 * @description Numeric id of the group.
                 * @example 512304
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "name": "Analytics Engineers",
                 *       "state": 1,
                 *       "assign_by_default": false,
                 *       "sso_mapping_groups": [
                 *         "okta-analytics-engineering"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["GroupUpdate"];
            };
        };
        responses: {
            /** @description The group after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupEnvelope"];
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
    assignUserToGroups: {
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
                 *       "user_id": 96171,
                 *       "desired_group_ids": [
                 *         512302,
                 *         512304
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["GroupAssignUser"];
            };
        };
        responses: {
            /** @description The groups the user belongs to after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupListEnvelope"];
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
    assignGroupPermissions: {
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
                 * @description Numeric id of the group whose permissions are set.
                 * @example 512304
                 */
                group_id: components["parameters"]["GroupPermissionsGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "account_id": 43786,
                 *         "group_id": 512304,
                 *         "project_id": 270542,
                 *         "all_projects": false,
                 *         "permission_set": "developer",
                 *         "writable_environment_categories": [
                 *           "development",
                 *           "staging"
                 *         ]
                 *       },
                 *       {
                 *         "account_id": 43786,
                 *         "group_id": 512304,
                 *         "all_projects": true,
                 *         "permission_set": "job_viewer"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["GroupPermissionsAssign"];
            };
        };
        responses: {
            /** @description The permissions the group grants after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPermissionListEnvelope"];
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
    listLicenseMaps: {
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
                /**
                 * @description Related objects to embed, comma separated. The API accepts the parameter here, but no
                 *     related objects are documented for license maps.
                 */
                include_related?: string;
                /**
                 * @description Only the license map with this id.
                 * @example 3307
                 */
                pk?: number;
                /**
                 * @description Which license maps to list by lifecycle state: `active` or `1` (the default), `deleted`
                 *     or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example id
                 */
                order_by?: "id" | "-id" | "license_type" | "-license_type" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
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
            /** @description One page of license maps. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseMapListEnvelope"];
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
    createLicenseMap: {
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
                 *       "license_type": "developer",
                 *       "state": 1,
                 *       "sso_license_mapping_groups": [
                 *         "okta-analytics-engineering"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["LicenseMapCreate"];
            };
        };
        responses: {
            /** @description The new license map. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseMapEnvelope"];
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
    getLicenseMap: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed, comma separated. The API accepts the parameter here, but no
                 *     related objects are documented for license maps.
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
                 * @description Numeric id of the license map.
                 * @example 3307
                 */
                id: components["parameters"]["LicenseMapId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The license map. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseMapEnvelope"];
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
    updateLicenseMap: {
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
                 * @description Numeric id of the license map.
                 * @example 3307
                 */
                id: components["parameters"]["LicenseMapId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "license_type": "developer",
                 *       "state": 1,
                 *       "sso_license_mapping_groups": [
                 *         "okta-analytics-engineering",
                 *         "okta-data-platform"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["LicenseMapUpdate"];
            };
        };
        responses: {
            /** @description The license map after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseMapEnvelope"];
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
    deleteLicenseMap: {
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
                 * @description Numeric id of the license map.
                 * @example 3307
                 */
                id: components["parameters"]["LicenseMapId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The license map was deleted; the response has no body. */
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
    listServiceTokens: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed, comma separated. The API accepts the parameter here, but no
                 *     related objects are documented for service tokens.
                 */
                include_related?: string;
                /** @description `1` for active tokens only, `2` for deactivated ones. The Terraform provider sends `state=1`. */
                state?: 1 | 2;
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
            /** @description The service tokens of the account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTokenListEnvelope"];
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
    createServiceToken: {
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
                 *       "name": "Airflow orchestration",
                 *       "permission_grants": [
                 *         {
                 *           "permission_set": "job_admin",
                 *           "project_id": 270542
                 *         },
                 *         {
                 *           "permission_set": "metadata_only"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ServiceTokenCreate"];
            };
        };
        responses: {
            /** @description The new token, including its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTokenCreatedEnvelope"];
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
    getServiceToken: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed, comma separated. The API accepts the parameter here, but no
                 *     related objects are documented for service tokens.
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
                 * @description Numeric id of the service token (not its secret).
                 * @example 88215
                 */
                id: components["parameters"]["ServiceTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTokenEnvelope"];
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
    updateServiceToken: {
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
                 * @description Numeric id of the service token (not its secret).
                 * @example 88215
                 */
                id: components["parameters"]["ServiceTokenId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Airflow orchestration (prod)"
                 *     }
                 */
                "application/json": components["schemas"]["ServiceTokenUpdate"];
            };
        };
        responses: {
            /** @description The service token after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTokenEnvelope"];
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
    deleteServiceToken: {
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
                 * @description Numeric id of the service token (not its secret).
                 * @example 88215
                 */
                id: components["parameters"]["ServiceTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token was deactivated; the response has no body. */
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
    listServiceTokenPermissions: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed, comma separated. The API accepts the parameter here, but no
                 *     related objects are documented for service token permissions.
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
                 * @description Numeric id of the service token whose permissions are listed.
                 * @example 88215
                 */
                service_token_id: components["parameters"]["ServiceTokenPermissionsTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The permissions of the token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTokenPermissionListEnvelope"];
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
    listProjectsV3: {
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
                 * @description Only projects with any of these ids. Send one value: the project ids in square brackets, separated by commas, such as `[270542,270543]`.
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
    createProjectV3: {
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
                 *       "description": "Orders, customers and payments models of the Jaffle Shop.",
                 *       "type": 0
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
            /**
             * @description The new project. The API answers a create with `201` (its body's `status.code` says so too); the `200`
             *     above is what dbt Labs' published spec declares.
             */
            201: {
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
    getProjectV3: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the project, comma separated: `repository`, `connection`,
                 *     `group_permissions`, `docs_job`, `freshness_job`.
                 * @example repository,connection
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
    updateProjectV3: {
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
                 *       "semantic_layer_config_id": null,
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
    deleteProjectV3: {
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
            /**
             * @description The deleted project, its `state` now `2`. Recorded responses show the API answering a delete this way; the
             *     `204` below is what dbt Labs' published spec declares.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
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
    listProjectRepositories: {
        parameters: {
            query?: {
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
                order_by?: "id" | "-id" | "remote_url" | "-remote_url" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
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
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
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
                    "application/json": components["schemas"]["RepositoryV3ListEnvelope"];
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
    createProjectRepository: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "remote_url": "git@github.com:jaffle-labs/jaffle_shop.git",
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "full_name": "jaffle-labs/jaffle_shop",
                 *       "remote_backend": "github",
                 *       "git_clone_strategy": "github_app",
                 *       "github_installation_id": 40217735,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["RepositoryV3Create"];
            };
        };
        responses: {
            /** @description The new repository. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepositoryV3Envelope"];
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
    getProjectRepository: {
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
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
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
                    "application/json": components["schemas"]["RepositoryV3Envelope"];
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
    updateProjectRepository: {
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
                project_id: number;
                /**
                 * @description Numeric id of the repository.
                 * @example 184511
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": 184511,
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "remote_url": "git@github.com:jaffle-labs/jaffle_shop.git",
                 *       "full_name": "jaffle-labs/jaffle_shop",
                 *       "remote_backend": "github",
                 *       "git_clone_strategy": "github_app",
                 *       "deploy_key_id": 160297,
                 *       "github_installation_id": 40217735,
                 *       "github_webhook_id": 421889310,
                 *       "pull_request_url_template": "https://github.com/jaffle-labs/jaffle_shop/compare/{{destination}}...{{source}}",
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["RepositoryV3Update"];
            };
        };
        responses: {
            /** @description The repository after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepositoryV3Envelope"];
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
    deleteProjectRepository: {
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
                project_id: number;
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
    createManagedRepository: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "jaffle_shop_sandbox"
                 *     }
                 */
                "application/json": components["schemas"]["ManagedRepositoryCreate"];
            };
        };
        responses: {
            /** @description The new managed repository. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepositoryV3Envelope"];
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
    downloadManagedRepository: {
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
                project_id: number;
                /**
                 * @description Numeric id of the managed repository.
                 * @example 184512
                 */
                repository_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The repository as a ZIP archive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example (binary ZIP archive) */
                    "application/zip": string;
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
    createAdapter: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "adapter_version": "snowflake_v0",
                 *       "metadata_json": {
                 *         "title": "Snowflake",
                 *         "docs_link": "https://docs.getdbt.com/docs/core/connect-data-platform/snowflake-setup",
                 *         "image_link": "https://static.cloud.getdbt.com/images/adapters/snowflake.svg"
                 *       },
                 *       "created_by_id": 96170,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["AdapterCreate"];
            };
        };
        responses: {
            /** @description The new adapter. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdapterEnvelope"];
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
    getAdapter: {
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
                project_id: number;
                /**
                 * @description Numeric id of the adapter.
                 * @example 48213
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The adapter. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdapterEnvelope"];
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
    updateAdapter: {
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
                project_id: number;
                /**
                 * @description Numeric id of the adapter.
                 * @example 48213
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
                 *       "project_id": 270542,
                 *       "adapter_version": "snowflake_v0",
                 *       "metadata_json": {
                 *         "title": "Snowflake",
                 *         "docs_link": "https://docs.getdbt.com/docs/core/connect-data-platform/snowflake-setup",
                 *         "image_link": "https://static.cloud.getdbt.com/images/adapters/snowflake.svg"
                 *       },
                 *       "created_by_id": 96170,
                 *       "created_by_service_token_id": null,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["AdapterUpdate"];
            };
        };
        responses: {
            /** @description The adapter after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdapterEnvelope"];
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
    deleteAdapter: {
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
                project_id: number;
                /**
                 * @description Numeric id of the adapter.
                 * @example 48213
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The adapter was deleted; there is no body. */
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
    getAdapterSchema: {
        parameters: {
            query: {
                /**
                 * @description The adapter to describe. `salesforce_v0` is in beta and not open to every account.
                 * @example snowflake_v0
                 */
                adapter_version: components["schemas"]["AdapterVersion"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings the adapter takes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdapterSchemaEnvelope"];
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
    listProjectEnvironments: {
        parameters: {
            query?: {
                /**
                 * @description Only environments of this type.
                 * @example deployment
                 */
                type?: components["schemas"]["EnvironmentType"];
                /**
                 * @description Only deployment environments with this role.
                 * @example production
                 */
                deployment_type?: "production" | "staging";
                /**
                 * @description Only deployment environments with any of these roles (`production`, `staging`). Send one value: a JSON list of quoted roles, such as `["production","staging"]`.
                 * @example ["production","staging"]
                 */
                deployment_type__in?: string;
                /**
                 * @description Only environments that use these warehouse credentials.
                 * @example 301556
                 */
                credentials_id?: number;
                /**
                 * @description Only environments set to this dbt version, such as `1.9.0-latest`.
                 * @example 1.9.0-latest
                 */
                dbt_version?: string;
                /**
                 * @description Only environments set to any of these dbt versions. Send one value: a JSON list of quoted version strings, such as `["1.9.0-latest","latest"]`.
                 * @example ["1.9.0-latest","latest"]
                 */
                dbt_version__in?: string;
                /**
                 * @description Only the environment with exactly this name.
                 * @example Production
                 */
                name?: string;
                /**
                 * @description Only environments whose name contains this text, ignoring case.
                 * @example prod
                 */
                name__icontains?: string;
                /**
                 * @description Only the environment with this id.
                 * @example 218762
                 */
                pk?: number;
                /**
                 * @description Only the environments with these ids. Send one value: the environment ids in square brackets, separated by commas, such as `[218762,218764]`.
                 * @example [218762,218764]
                 */
                pk__in?: string;
                /**
                 * @description Only environments with an id greater than this one.
                 * @example 218762
                 */
                id__gt?: number;
                /**
                 * @description Only environments of any of these projects; the project in the path still applies. Send one value: the project ids in square brackets, separated by commas, such as `[270542,270543]`.
                 * @example [270542]
                 */
                project_id__in?: string;
                /**
                 * @description Which environments to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description Related objects to embed in each environment, comma separated: `project`, `connection`, `credentials`, `repository`.
                 * @example credentials
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
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
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
                    "application/json": components["schemas"]["EnvironmentV3ListEnvelope"];
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
    createProjectEnvironment: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "name": "Staging",
                 *       "type": "deployment",
                 *       "deployment_type": "staging",
                 *       "connection_id": 117401,
                 *       "credentials_id": 301556,
                 *       "dbt_version": "1.9.0-latest",
                 *       "use_custom_branch": true,
                 *       "custom_branch": "develop",
                 *       "supports_docs": false
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentV3Create"];
            };
        };
        responses: {
            /** @description The new environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentV3Envelope"];
                };
            };
            /**
             * @description The new environment. The API answers a create with `201` (its body's `status.code` says so too); the `200`
             *     above is what dbt Labs' published spec declares.
             */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentV3Envelope"];
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
    getProjectEnvironment: {
        parameters: {
            query?: {
                /**
                 * @description Related objects to embed in the environment, comma separated: `project`, `connection`, `credentials`, `repository`.
                 * @example credentials
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
                project_id: number;
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
                    "application/json": components["schemas"]["EnvironmentV3Envelope"];
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
    updateProjectEnvironment: {
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
                project_id: number;
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
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "name": "Production",
                 *       "type": "deployment",
                 *       "deployment_type": "production",
                 *       "connection_id": 117401,
                 *       "credentials_id": 301556,
                 *       "extended_attributes_id": null,
                 *       "primary_profile_id": null,
                 *       "dbt_version": "1.9.0-latest",
                 *       "use_custom_branch": false,
                 *       "custom_branch": null,
                 *       "supports_docs": true,
                 *       "enable_model_query_history": true,
                 *       "enable_dbt_state": true,
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentV3Update"];
            };
        };
        responses: {
            /** @description The environment after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentV3Envelope"];
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
    deleteProjectEnvironment: {
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
                project_id: number;
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
            /**
             * @description The deleted environment, its `state` now `2`. Recorded responses show the API answering a delete this way; the
             *     `204` below is what dbt Labs' published spec declares.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentV3Envelope"];
                };
            };
            /** @description The environment was deleted. */
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
    clearEnvironmentSaoCache: {
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
                environment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cache was cleared. */
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
    createEnvironmentVariable: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "name": "DBT_TARGET_SCHEMA",
                 *       "type": "environment",
                 *       "environment_id": 218764,
                 *       "raw_value": "staging"
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentVariableCreate"];
            };
        };
        responses: {
            /** @description The new value. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentVariableEnvelope"];
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
    updateEnvironmentVariable: {
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
                project_id: number;
                /**
                 * @description Numeric id of the environment variable value.
                 * @example 412006
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
                 *       "project_id": 270542,
                 *       "name": "DBT_ENV_SECRET_GIT_TOKEN",
                 *       "type": "project",
                 *       "raw_value": "ghp_ExampleTokenNotReal0000000000000000"
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentVariableUpdate"];
            };
        };
        responses: {
            /** @description The value after the change, masked for secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentVariableEnvelope"];
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
    deleteEnvironmentVariable: {
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
                project_id: number;
                /**
                 * @description Numeric id of the environment variable value.
                 * @example 412006
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The value was deleted. */
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
    updateEnvironmentVariablesBulk: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "env_vars": {
                 *         "412004": "TRANSFORMING_S",
                 *         "412005": null,
                 *         "name": "DBT_SNOWFLAKE_WAREHOUSE",
                 *         "Staging": "TRANSFORMING_M"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentVariableBulkUpdate"];
            };
        };
        responses: {
            /** @description What was changed, added and removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Environment variable updated.",
                     *         "new_var_ids": [
                     *           412010
                     *         ],
                     *         "deleted_var_ids": [
                     *           412005
                     *         ],
                     *         "failures": {}
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EnvironmentVariableBulkUpdateEnvelope"];
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
    createEnvironmentVariablesBulk: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnvironmentVariableBulkCreate"];
            };
        };
        responses: {
            /** @description What was stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentVariableBulkCreateEnvelope"];
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
    deleteEnvironmentVariablesBulk: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "DBT_SNOWFLAKE_WAREHOUSE"
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentVariableBulkDelete"];
            };
        };
        responses: {
            /** @description The variable was deleted. */
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
    listEnvironmentVariablesByEnvironment: {
        parameters: {
            query?: {
                /** @description Related objects to embed, comma separated; no names are documented for this listing. */
                include_related?: string;
                /** @description Only values of this environment. Sent by dbtc. */
                environment_id?: number;
                /** @description Only the variable with this name. Sent by dbtc (`list_environment_variables`). */
                name?: components["schemas"]["EnvironmentVariableName"];
                /** @description Only values of this level (such as `project`, `environment`, `job` or `user`). Sent by dbtc. */
                type?: string;
                /** @description `1` for active values (the default), `2` for deleted ones. Sent by dbtc. */
                state?: 1 | 2;
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
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variables keyed by name, then by `project` or environment name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentVariablesByEnvironmentEnvelope"];
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
    listJobEnvironmentVariableOverrides: {
        parameters: {
            query: {
                /**
                 * @description The job whose variables to list.
                 * @example 567183
                 */
                job_definition_id: number;
                /** @description Related objects to embed, comma separated; no names are documented for this listing. */
                include_related?: string;
                /** @description Only values of this environment. Sent by dbtc. */
                environment_id?: number;
                /** @description Only the variable with this name. Sent by dbtc (`list_environment_variables`). */
                name?: components["schemas"]["EnvironmentVariableName"];
                /** @description Only values of this level (such as `project`, `environment`, `job` or `user`). Sent by dbtc. */
                type?: string;
                /** @description `1` for active values (the default), `2` for deleted ones. Sent by dbtc. */
                state?: 1 | 2;
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
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variables keyed by name, then by level. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentVariableJobOverridesEnvelope"];
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
    listUserEnvironmentVariableOverrides: {
        parameters: {
            query: {
                /**
                 * @description The user whose variables to list.
                 * @example 96170
                 */
                user_id: number;
                /** @description Related objects to embed, comma separated; no names are documented for this listing. */
                include_related?: string;
                /** @description Only values of this environment. Sent by dbtc. */
                environment_id?: number;
                /** @description Only the variable with this name. Sent by dbtc (`list_environment_variables`). */
                name?: components["schemas"]["EnvironmentVariableName"];
                /** @description Only values of this level (such as `project`, `environment`, `job` or `user`). Sent by dbtc. */
                type?: string;
                /** @description `1` for active values (the default), `2` for deleted ones. Sent by dbtc. */
                state?: 1 | 2;
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
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variables keyed by name, then by level. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentVariableUserOverridesEnvelope"];
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
    listAccountConnections: {
        parameters: {
            query?: {
                /**
                 * @description Only connections that use this adapter.
                 * @example snowflake_v0
                 */
                adapter_version?: components["schemas"]["ConnectionAdapterVersion"];
                /**
                 * @description Only connections whose name contains this text, ignoring case.
                 * @example snowflake
                 */
                name__icontains?: string;
                /**
                 * @description Only connections that go through this private endpoint.
                 * @example 2Ky9Pf34qY6Nb3wWD25RQ4F5ZR3
                 */
                private_endpoint_id?: string;
                /**
                 * @description Only connections with (true) or without (false) analytics credentials.
                 * @example false
                 */
                has_analytics_credentials?: boolean;
                /**
                 * @description Only connections with catalog ingestion turned on (true) or off (false).
                 * @example true
                 */
                has_catalog_ingestion_enabled?: boolean;
                /**
                 * @description Only connections with cost insights turned on (true) or off (false).
                 * @example true
                 */
                has_cost_insights_enabled?: boolean;
                /**
                 * @description Only connections with cost management turned on (true) or off (false).
                 * @example true
                 */
                has_cost_management_enabled?: boolean;
                /**
                 * @description Only connections with (true) or without (false) platform metadata credentials.
                 * @example true
                 */
                has_platform_metadata_credentials?: boolean;
                /**
                 * @description Returns one connection per warehouse account (the one most environments use). With true,
                 *     the connections that still need platform metadata credentials; with false, those that
                 *     have their own.
                 * @example true
                 */
                requires_platform_metadata_credentials?: boolean;
                /** @description Comma separated names of related objects to embed in each connection; dbt Labs does not list the accepted names. */
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
            /** @description One page of connections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountConnectionListEnvelope"];
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
    createAccountConnection: {
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
                 *       "name": "Snowflake production",
                 *       "adapter_version": "snowflake_v0",
                 *       "is_ssh_tunnel_enabled": false,
                 *       "config": {
                 *         "account": "jf12345.eu-central-1",
                 *         "database": "ANALYTICS",
                 *         "warehouse": "TRANSFORMING",
                 *         "role": "TRANSFORMER",
                 *         "client_session_keep_alive": false,
                 *         "allow_sso": false
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AccountConnectionCreate"];
            };
        };
        responses: {
            /** @description The new connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountConnectionEnvelope"];
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
    getAccountConnection: {
        parameters: {
            query?: {
                /** @description Comma separated names of related objects to embed in the connection; dbt Labs does not list the accepted names. */
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
                 * @description Numeric id of the connection.
                 * @example 117401
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountConnectionEnvelope"];
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
    deleteAccountConnection: {
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
                 * @description Numeric id of the connection.
                 * @example 117401
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection was deleted. */
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
    updateAccountConnection: {
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
                 * @description Numeric id of the connection.
                 * @example 117401
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "config": {
                 *         "client_session_keep_alive": true
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AccountConnectionUpdate"];
            };
        };
        responses: {
            /** @description The connection after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountConnectionEnvelope"];
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
    listProjectConnections: {
        parameters: {
            query?: {
                /**
                 * @description Only connections that use this adapter.
                 * @example snowflake_v0
                 */
                adapter_version?: components["schemas"]["ConnectionAdapterVersion"];
                /**
                 * @description Only the connection with this id.
                 * @example 117401
                 */
                pk?: number;
                /**
                 * @description Which connections to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description Only connections with catalog ingestion turned on (true) or off (false).
                 * @example true
                 */
                has_catalog_ingestion_enabled?: boolean;
                /**
                 * @description Only connections with cost insights turned on (true) or off (false).
                 * @example true
                 */
                has_cost_insights_enabled?: boolean;
                /**
                 * @description Only connections with cost management turned on (true) or off (false).
                 * @example true
                 */
                has_cost_management_enabled?: boolean;
                /**
                 * @description Only connections with (true) or without (false) platform metadata credentials.
                 * @example true
                 */
                has_platform_metadata_credentials?: boolean;
                /** @description Comma separated names of related objects to embed in each connection; dbt Labs does not list the accepted names. */
                include_related?: string;
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example id
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
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of connections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectionV3ListEnvelope"];
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
    createProjectConnection: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "name": "Snowflake production",
                 *       "type": "snowflake",
                 *       "adapter_version": "snowflake_v0",
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["ProjectConnectionV3Write"];
            };
        };
        responses: {
            /** @description The new connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectionV3Envelope"];
                };
            };
            /**
             * @description The new connection. The API answers a create with `201` (its body's `status.code` says so too); the `200`
             *     above is what dbt Labs' published spec declares.
             */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectionV3Envelope"];
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
    getProjectConnection: {
        parameters: {
            query?: {
                /** @description Comma separated names of related objects to embed in the connection; dbt Labs does not list the accepted names. */
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
                project_id: number;
                /**
                 * @description Numeric id of the connection.
                 * @example 117401
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectionV3Envelope"];
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
    updateProjectConnection: {
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
                project_id: number;
                /**
                 * @description Numeric id of the connection.
                 * @example 117401
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
                 *       "project_id": 270542,
                 *       "name": "Snowflake production",
                 *       "type": "snowflake",
                 *       "adapter_version": "snowflake_v0",
                 *       "state": 1
                 *     }
                 */
                "application/json": components["schemas"]["ProjectConnectionV3Write"];
            };
        };
        responses: {
            /** @description The connection after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectionV3Envelope"];
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
    deleteProjectConnection: {
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
                project_id: number;
                /**
                 * @description Numeric id of the connection.
                 * @example 117401
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The deleted connection, its `state` now `2`. Recorded responses show the API answering a delete this way; the
             *     `204` below is what dbt Labs' published spec declares.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectionV3Envelope"];
                };
            };
            /** @description The connection was deleted. */
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
    listPrivateEndpoints: {
        parameters: {
            query?: {
                /**
                 * @description Only endpoints whose name or host name contains this text.
                 * @example snowflake
                 */
                search?: string;
                /**
                 * @description Only endpoints of this type, such as `snowflake`.
                 * @example snowflake
                 */
                type?: string;
                /** @description Comma separated names of related objects to embed in each endpoint; dbt Labs does not list the accepted names. */
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
            /** @description One page of private endpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivateEndpointListEnvelope"];
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
    createPrivateEndpoint: {
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
                 *       "name": "Snowflake eu-central-1",
                 *       "type": "snowflake",
                 *       "private_link_endpoint": "jf12345.eu-central-1.privatelink.snowflakecomputing.com",
                 *       "cidr_range": "10.48.0.0/16"
                 *     }
                 */
                "application/json": components["schemas"]["PrivateEndpointCreate"];
            };
        };
        responses: {
            /** @description The endpoint was recorded. The API documents no response body. */
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
    getPrivateEndpoint: {
        parameters: {
            query?: {
                /** @description Comma separated names of related objects to embed in the endpoint; dbt Labs does not list the accepted names. */
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
                 * @description Id of the private endpoint, a KSUID.
                 * @example 2Ky9Pf34qY6Nb3wWD25RQ4F5ZR3
                 */
                pl_endpoint_ksuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The private endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivateEndpointEnvelope"];
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
    deletePrivateEndpoint: {
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
                 * @description Id of the private endpoint, a KSUID.
                 * @example 2Ky9Pf34qY6Nb3wWD25RQ4F5ZR3
                 */
                pl_endpoint_ksuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint was deleted. */
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
    updatePrivateEndpoint: {
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
                 * @description Id of the private endpoint, a KSUID.
                 * @example 2Ky9Pf34qY6Nb3wWD25RQ4F5ZR3
                 */
                pl_endpoint_ksuid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Snowflake eu-central-1 (production)"
                 *     }
                 */
                "application/json": components["schemas"]["PrivateEndpointPatch"];
            };
        };
        responses: {
            /** @description The endpoint was changed. The API documents no response body. */
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
    listCredentials: {
        parameters: {
            query?: {
                /** @description Related objects to embed, comma separated. dbt Labs documents none for credentials. */
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials of the project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsListEnvelope"];
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
    createCredentials: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CredentialsWrite"];
            };
        };
        responses: {
            /** @description The stored credentials, without their secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsEnvelope"];
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
    getCredentials: {
        parameters: {
            query?: {
                /** @description Related objects to embed, comma separated. dbt Labs documents none for credentials. */
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
                project_id: number;
                /**
                 * @description Numeric id of the credentials.
                 * @example 301556
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsEnvelope"];
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
    updateCredentials: {
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
                project_id: number;
                /**
                 * @description Numeric id of the credentials.
                 * @example 301556
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
                 *       "project_id": 270542,
                 *       "type": "snowflake",
                 *       "state": 1,
                 *       "threads": 8,
                 *       "target_name": "prod",
                 *       "adapter_version": "snowflake_v0",
                 *       "auth_type": "password",
                 *       "user": "DBT_CLOUD_PROD",
                 *       "password": "a-new-rotated-password",
                 *       "schema": "analytics",
                 *       "role": "TRANSFORMER",
                 *       "database": "ANALYTICS",
                 *       "warehouse": "TRANSFORMING"
                 *     }
                 */
                "application/json": components["schemas"]["CredentialsWrite"];
            };
        };
        responses: {
            /** @description The credentials after the change, without their secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsEnvelope"];
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
    deleteCredentials: {
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
                project_id: number;
                /**
                 * @description Numeric id of the credentials.
                 * @example 301556
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials were deleted. */
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
    patchCredentials: {
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
                project_id: number;
                /**
                 * @description Numeric id of the credentials.
                 * @example 301556
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "snowflake",
                 *       "auth_type": "keypair",
                 *       "private_key": "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI...\n-----END ENCRYPTED PRIVATE KEY-----",
                 *       "private_key_passphrase": "s3cret-passphrase"
                 *     }
                 */
                "application/json": components["schemas"]["CredentialsPatch"];
            };
        };
        responses: {
            /** @description The credentials after the change, without their secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsEnvelope"];
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
    createExtendedAttributes: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "extended_attributes": {
                 *         "query_tag": "dbt_cloud_prod",
                 *         "warehouse": "TRANSFORMING_XL"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ExtendedAttributesCreate"];
            };
        };
        responses: {
            /** @description The stored extended attributes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtendedAttributesEnvelope"];
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
    getExtendedAttributes: {
        parameters: {
            query?: {
                /** @description Related objects to embed, comma separated. dbt Labs documents none for extended attributes. */
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
                project_id: number;
                /**
                 * @description Numeric id of the extended attributes.
                 * @example 4410
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The extended attributes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtendedAttributesEnvelope"];
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
    deleteExtendedAttributes: {
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
                project_id: number;
                /**
                 * @description Numeric id of the extended attributes.
                 * @example 4410
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The extended attributes were deleted. */
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
    updateExtendedAttributes: {
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
                project_id: number;
                /**
                 * @description Numeric id of the extended attributes.
                 * @example 4410
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "extended_attributes": {
                 *         "query_tag": "dbt_cloud_prod",
                 *         "warehouse": "TRANSFORMING_XL",
                 *         "client_session_keep_alive": true
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ExtendedAttributesUpdate"];
            };
        };
        responses: {
            /** @description The extended attributes after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtendedAttributesEnvelope"];
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
    listProfiles: {
        parameters: {
            query?: {
                /**
                 * @description Only profiles that use this connection.
                 * @example 117401
                 */
                connection_id?: number;
                /**
                 * @description Only profiles whose key contains this text, ignoring case.
                 * @example prod
                 */
                key?: string;
                /**
                 * @description Only the profiles with these ids; repeat the parameter for each id.
                 * @example [
                 *       7702,
                 *       7703
                 *     ]
                 */
                profile_ids?: number[];
                /** @description Related objects to embed, comma separated. dbt Labs documents none for profiles. */
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
                /**
                 * @description Numeric id of the project.
                 * @example 270542
                 */
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the project's profiles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileListEnvelope"];
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
    createProfile: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "key": "snowflake_prod",
                 *       "connection_id": 117401,
                 *       "credentials_id": 301556,
                 *       "extended_attributes_id": 4410
                 *     }
                 */
                "application/json": components["schemas"]["ProfileCreate"];
            };
        };
        responses: {
            /** @description The new profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileEnvelope"];
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
    getProfile: {
        parameters: {
            query?: {
                /** @description Related objects to embed, comma separated. dbt Labs documents none for profiles. */
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
                project_id: number;
                /**
                 * @description Numeric id of the profile.
                 * @example 7702
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileEnvelope"];
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
    deleteProfile: {
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
                project_id: number;
                /**
                 * @description Numeric id of the profile.
                 * @example 7702
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile was deleted. */
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
    updateProfile: {
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
                project_id: number;
                /**
                 * @description Numeric id of the profile.
                 * @example 7702
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "pk": 7702,
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "credentials_id": 301556,
                 *       "extended_attributes_id": 4410
                 *     }
                 */
                "application/json": components["schemas"]["ProfileUpdate"];
            };
        };
        responses: {
            /** @description The profile after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileEnvelope"];
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
    listWebhookSubscriptions: {
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
            /** @description One page of subscriptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionListEnvelope"];
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
    createWebhookSubscription: {
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
                 *       "name": "Slack alerts for nightly runs",
                 *       "description": "Posts run outcomes of the nightly and docs jobs to the data-team channel.",
                 *       "event_types": [
                 *         "job.run.completed",
                 *         "job.run.errored"
                 *       ],
                 *       "job_ids": [
                 *         567183,
                 *         567185
                 *       ],
                 *       "client_url": "https://hooks.jaffle.example/dbt-cloud",
                 *       "active": true
                 *     }
                 */
                "application/json": components["schemas"]["WebhookSubscriptionCreate"];
            };
        };
        responses: {
            /** @description The new subscription, with its signing secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionEnvelope"];
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
    getWebhookSubscription: {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionEnvelope"];
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
    updateWebhookSubscription: {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Slack alerts for nightly runs",
                 *       "description": "Posts run outcomes of the nightly and docs jobs to the data-team channel.",
                 *       "event_types": [
                 *         "job.run.started",
                 *         "job.run.completed",
                 *         "job.run.errored"
                 *       ],
                 *       "job_ids": [
                 *         567183,
                 *         567185
                 *       ],
                 *       "client_url": "https://hooks.jaffle.example/dbt-cloud",
                 *       "active": true
                 *     }
                 */
                "application/json": components["schemas"]["WebhookSubscriptionUpdate"];
            };
        };
        responses: {
            /** @description The subscription after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionEnvelope"];
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
    deleteWebhookSubscription: {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The id of the deleted subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": "wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD"
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookSubscriptionDeleteEnvelope"];
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
    testWebhookSubscription: {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The outcome of the test delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "verification_error": null,
                     *         "verification_status_code": "200"
                     *       },
                     *       "status": {
                     *         "code": 200
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookSubscriptionTestEnvelope"];
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
    listWebhookEvents: {
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
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of recorded events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEventRecordListEnvelope"];
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
    listWebhookSubscriptionEventReceipts: {
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
                 * @description Id of the webhook subscription (a string starting with `wsu_`).
                 * @example wsu_2Xk7pQ3mN9bV1cR8tY4wE6zA0sD
                 */
                subscription_id: components["parameters"]["WebhookSubscriptionId"];
                /**
                 * @description Id of the webhook event (a string starting with `wev_`).
                 * @example wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP
                 */
                event_id: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery receipts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceiptListEnvelope"];
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
    getWebhookEvent: {
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
                 * @description Id of the webhook event (a string starting with `wev_`).
                 * @example wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP
                 */
                event_id: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recorded event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEventRecordEnvelope"];
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
    listWebhookEventReceipts: {
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
                 * @description Id of the webhook event (a string starting with `wev_`).
                 * @example wev_2Xq9cT4vB8nM1kL3jH5gF7dS0aP
                 */
                event_id: components["parameters"]["WebhookEventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery receipts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceiptListEnvelope"];
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
    getWebhookReceipt: {
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
                 * @description Id of the delivery receipt (a string).
                 * @example wre_2Xq9cV7wX1yZ3aB5cD7eF9gH2iJ
                 */
                receipt_id: components["parameters"]["WebhookReceiptId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery receipt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceiptEnvelope"];
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
    listSemanticLayerCredentials: {
        parameters: {
            query?: {
                /**
                 * @description Only credentials of this project.
                 * @example 270542
                 */
                project_id?: number;
                /**
                 * @description Only the credentials with this id.
                 * @example 6120
                 */
                pk?: number;
                /**
                 * @description Which credentials to list by lifecycle state: `active` or `1` (the default), `deleted` or
                 *     `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /**
                 * @description The field to sort by; a leading `-` sorts in descending order.
                 * @example id
                 */
                order_by?: "id" | "-id" | "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /**
                 * @description Comma-separated names of related objects to embed in each item. dbt Labs does not list
                 *     the accepted names for this endpoint; the linked service tokens are always included.
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
            /** @description The matching credentials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SemanticLayerCredentialsListEnvelope"];
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
    listFavoriteAssets: {
        parameters: {
            query?: {
                /**
                 * @description Only favorites of this user.
                 * @example 96170
                 */
                user_id?: number;
                /**
                 * @description Only favorites of assets in this project.
                 * @example 270542
                 */
                project_id?: number;
                /**
                 * @description Only favorites of assets in this environment.
                 * @example 218762
                 */
                environment_id?: number;
                /**
                 * @description Comma-separated names of related objects to embed in each item. dbt Labs does not list
                 *     the accepted names for this endpoint.
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
            /** @description One page of favorite assets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FavoriteAssetListEnvelope"];
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
    listAuditLogEvents: {
        parameters: {
            query?: {
                /**
                 * @description Only events logged at or after this moment: a date (`2026-10-01`) or a date and time
                 *     (`2026-10-01 08:00:00`, optionally with fractions of a second and an offset), read as UTC when
                 *     no offset is given. Without either bound the last 90 days are returned.
                 * @example 2026-10-01
                 */
                logged_at_start?: components["parameters"]["AuditLogLoggedAtStart"];
                /**
                 * @description Only events logged before this moment, written like `logged_at_start`. Without either bound
                 *     the last 90 days are returned.
                 * @example 2026-10-31
                 */
                logged_at_end?: components["parameters"]["AuditLogLoggedAtEnd"];
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
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for audit
                 *     log events, so it has no effect.
                 */
                include_related?: components["parameters"]["AuditLogIncludeRelated"];
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
            /** @description One page of audit log events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogEventListEnvelope"];
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
    downloadAuditLogEventsCsv: {
        parameters: {
            query?: {
                /**
                 * @description Only events logged at or after this moment: a date (`2026-10-01`) or a date and time
                 *     (`2026-10-01 08:00:00`, optionally with fractions of a second and an offset), read as UTC when
                 *     no offset is given. Without either bound the last 90 days are returned.
                 * @example 2026-10-01
                 */
                logged_at_start?: components["parameters"]["AuditLogLoggedAtStart"];
                /**
                 * @description Only events logged before this moment, written like `logged_at_start`. Without either bound
                 *     the last 90 days are returned.
                 * @example 2026-10-31
                 */
                logged_at_end?: components["parameters"]["AuditLogLoggedAtEnd"];
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for audit
                 *     log events, so it has no effect.
                 */
                include_related?: components["parameters"]["AuditLogIncludeRelated"];
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
            /** @description The events as CSV text, with a header row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example id,created_at,event_type,event_label,actor_type,actor_id,actor_name,actor_ip,source,service,account_id
                     *     2nTq8vKc3LxP0aR7mW5bY1zD9eF,2026-10-02 08:14:51.204518+00:00,job_definition.changed,Job Changed,user,96170,priya@jaffle.example,203.0.113.24,ui,dbt-cloud,43786
                     *     2nTqB1sHe6YuM4oC2gJ8kV0wX3r,2026-10-02 07:58:03.611902+00:00,login.sso.succeeded,SSO Login Succeeded,user,96171,tomas@jaffle.example,198.51.100.7,ui,dbt-cloud,43786
                     */
                    "text/csv": string;
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
    getAuditLogExportStatus: {
        parameters: {
            query?: {
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for audit
                 *     log events, so it has no effect.
                 */
                include_related?: components["parameters"]["AuditLogIncludeRelated"];
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
            /** @description Whether the export is still running. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "is_running": false
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuditLogExportStatusEnvelope"];
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
    requestAuditLogExport: {
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
        requestBody?: never;
        responses: {
            /** @description The export was started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "job_id": "7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e0c1f47"
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuditLogExportJobEnvelope"];
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
    downloadAuditLogExport: {
        parameters: {
            query?: {
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for audit
                 *     log events, so it has no effect.
                 */
                include_related?: components["parameters"]["AuditLogIncludeRelated"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The `job_id` returned when the export was requested.
                 * @example 7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e0c1f47
                 */
                job_identifier: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to download the export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "download_url": "https://dbt-cloud-audit-log-exports.s3.amazonaws.com/43786/7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e0c1f47.csv?X-Amz-Expires=3600&X-Amz-Signature=5d1c0e9a7b3f"
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuditLogExportDownloadEnvelope"];
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
    listIpRestrictions: {
        parameters: {
            query?: {
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for IP
                 *     restrictions, so it has no effect.
                 */
                include_related?: components["parameters"]["IpRestrictionIncludeRelated"];
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
            /** @description The account's IP restriction rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpRestrictionRuleListEnvelope"];
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
    createIpRestriction: {
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
                 *       "name": "Office and VPN",
                 *       "description": "Berlin office and the company VPN egress.",
                 *       "type": 1,
                 *       "rule_set_enabled": true,
                 *       "cidrs": [
                 *         {
                 *           "cidr": "203.0.113.0/24"
                 *         },
                 *         {
                 *           "cidr": "198.51.100.7/32"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["IpRestrictionRuleCreate"];
            };
        };
        responses: {
            /** @description The rule that was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpRestrictionRuleEnvelope"];
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
    getIpRestriction: {
        parameters: {
            query?: {
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for IP
                 *     restrictions, so it has no effect.
                 */
                include_related?: components["parameters"]["IpRestrictionIncludeRelated"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the IP restriction rule.
                 * @example 7021
                 */
                id: components["parameters"]["IpRestrictionRuleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpRestrictionRuleEnvelope"];
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
    updateIpRestriction: {
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
                 * @description Numeric id of the IP restriction rule.
                 * @example 7021
                 */
                id: components["parameters"]["IpRestrictionRuleId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": 7021,
                 *       "account_id": 43786,
                 *       "name": "Office and VPN",
                 *       "description": "Berlin office, the company VPN egress and the Lisbon office.",
                 *       "type": 1,
                 *       "rule_set_enabled": true,
                 *       "cidrs": [
                 *         {
                 *           "id": 33101,
                 *           "cidr": "203.0.113.0/24"
                 *         },
                 *         {
                 *           "id": 33102,
                 *           "cidr": "198.51.100.7/32"
                 *         },
                 *         {
                 *           "cidr": "192.0.2.0/28"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["IpRestrictionRuleUpdate"];
            };
        };
        responses: {
            /** @description The rule after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpRestrictionRuleEnvelope"];
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
    deleteIpRestriction: {
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
                 * @description Numeric id of the IP restriction rule.
                 * @example 7021
                 */
                id: components["parameters"]["IpRestrictionRuleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule was deleted. */
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
    enableIpRestrictions: {
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
                 *       "enabled": true
                 *     }
                 */
                "application/json": components["schemas"]["IpRestrictionRuleSetUpdate"];
            };
        };
        responses: {
            /** @description The account's rule set after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": 1204,
                     *         "account_id": 43786,
                     *         "state": 1,
                     *         "enabled": true,
                     *         "enabled_for_service_tokens": false,
                     *         "created_at": "2026-09-14 09:20:58.917640+00:00",
                     *         "updated_at": "2026-10-02 10:12:16.305981+00:00"
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["IpRestrictionRuleSetEnvelope"];
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
    validateClientIp: {
        parameters: {
            query?: {
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for IP
                 *     restrictions, so it has no effect.
                 */
                include_related?: components["parameters"]["IpRestrictionIncludeRelated"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the account's IP restriction rule set.
                 * @example 1204
                 */
                id: components["parameters"]["IpRestrictionRuleSetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the caller's address is let in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "is_valid_for_admin": true
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["IpRestrictionValidationEnvelope"];
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
    validateClientIpExcludingRule: {
        parameters: {
            query?: {
                /**
                 * @description Accepted for consistency with other v3 endpoints. dbt Labs lists no related objects for IP
                 *     restrictions, so it has no effect.
                 */
                include_related?: components["parameters"]["IpRestrictionIncludeRelated"];
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id of the dbt Cloud account.
                 * @example 43786
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description Numeric id of the account's IP restriction rule set.
                 * @example 1204
                 */
                id: components["parameters"]["IpRestrictionRuleSetId"];
                /**
                 * @description Numeric id of the rule to leave out of the check.
                 * @example 7021
                 */
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the caller's address is let in without that rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "is_valid_for_admin": false
                     *       },
                     *       "status": {
                     *         "code": 200,
                     *         "is_success": true,
                     *         "user_message": "Success!",
                     *         "developer_message": ""
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["IpRestrictionValidationEnvelope"];
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
    listOAuthConfigurations: {
        parameters: {
            query?: {
                /**
                 * @description Only configurations for this identity provider.
                 * @example entra
                 */
                type?: components["schemas"]["OAuthConfigurationType"];
                /**
                 * @description Only configurations with exactly this client id.
                 * @example 8a6e0f42-1c3d-4f7b-b2e9-6d5a4c3b2a10
                 */
                client_id?: string;
                /**
                 * @description Only the configuration with this id.
                 * @example 7214
                 */
                pk?: number;
                /**
                 * @description Which configurations to list by lifecycle state: `active` or `1` (the default), `deleted` or `2`, or `all`.
                 * @example active
                 */
                state?: components["schemas"]["EntityState"] | ("active" | "deleted" | "all");
                /** @description Comma separated names of related objects to embed in each configuration; dbt Labs does not list the accepted names. */
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
            /** @description One page of OAuth configurations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthConfigurationListEnvelope"];
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
    createOAuthConfiguration: {
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
                 *       "type": "entra",
                 *       "name": "Snowflake via Entra ID",
                 *       "extra_data": {
                 *         "application_id_uri": "api://5d2f8c1e-4b7a-4e39-9c06-2a8e1f3b7d45"
                 *       },
                 *       "client_id": "8a6e0f42-1c3d-4f7b-b2e9-6d5a4c3b2a10",
                 *       "client_secret": "Qx58Q~example-secret-value-3kP",
                 *       "authorize_url": "https://login.microsoftonline.com/3f9a1c7e-2b4d-4e8f-a6c1-0d2e3f4a5b6c/oauth2/v2.0/authorize",
                 *       "token_url": "https://login.microsoftonline.com/3f9a1c7e-2b4d-4e8f-a6c1-0d2e3f4a5b6c/oauth2/v2.0/token",
                 *       "redirect_uri": "https://cloud.getdbt.com/complete/external-oauth"
                 *     }
                 */
                "application/json": components["schemas"]["OAuthConfigurationCreate"];
            };
        };
        responses: {
            /** @description The new configuration, without its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthConfigurationEnvelope"];
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
    getOAuthConfiguration: {
        parameters: {
            query?: {
                /** @description Comma separated names of related objects to embed in the configuration; dbt Labs does not list the accepted names. */
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
                 * @description Numeric id of the OAuth configuration.
                 * @example 7214
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OAuth configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthConfigurationEnvelope"];
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
    updateOAuthConfiguration: {
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
                 * @description Numeric id of the OAuth configuration.
                 * @example 7214
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
                 *       "type": "entra",
                 *       "name": "Snowflake via Entra ID",
                 *       "extra_data": {
                 *         "application_id_uri": "api://5d2f8c1e-4b7a-4e39-9c06-2a8e1f3b7d45"
                 *       },
                 *       "client_id": "8a6e0f42-1c3d-4f7b-b2e9-6d5a4c3b2a10",
                 *       "client_secret": "Rz71W~rotated-secret-value-9mT",
                 *       "authorize_url": "https://login.microsoftonline.com/3f9a1c7e-2b4d-4e8f-a6c1-0d2e3f4a5b6c/oauth2/v2.0/authorize",
                 *       "token_url": "https://login.microsoftonline.com/3f9a1c7e-2b4d-4e8f-a6c1-0d2e3f4a5b6c/oauth2/v2.0/token",
                 *       "redirect_uri": "https://cloud.getdbt.com/complete/external-oauth"
                 *     }
                 */
                "application/json": components["schemas"]["OAuthConfigurationUpdate"];
            };
        };
        responses: {
            /** @description The configuration after the change, without its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthConfigurationEnvelope"];
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
    deleteOAuthConfiguration: {
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
                 * @description Numeric id of the OAuth configuration.
                 * @example 7214
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration was deleted. */
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
    listLineageIntegrations: {
        parameters: {
            query?: {
                /** @description Comma separated names of related objects to embed in each integration; dbt Labs does not list the accepted names. */
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project's lineage integrations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageIntegrationListEnvelope"];
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
    createLineageIntegration: {
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
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "tableau",
                 *       "account_id": 43786,
                 *       "project_id": 270542,
                 *       "config": {
                 *         "host": "https://eu-west-1a.online.tableau.com",
                 *         "site_id": "jaffleshop",
                 *         "token_name": "dbt-cloud-lineage",
                 *         "token": "q7XbR2mK9vT4pL1s:Zp8dW3nF6yH0cJ5gA2eU7kQ9rB4tM1xV"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["LineageIntegrationCreate"];
            };
        };
        responses: {
            /** @description The new integration, without its access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageIntegrationEnvelope"];
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
    getLineageIntegration: {
        parameters: {
            query?: {
                /** @description Comma separated names of related objects to embed in the integration; dbt Labs does not list the accepted names. */
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lineage integration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageIntegrationEnvelope"];
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
    deleteLineageIntegration: {
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The integration was deleted. */
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
    updateLineageIntegration: {
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "config": {
                 *         "token_name": "dbt-cloud-lineage",
                 *         "token": "Hn3kW8pQ1sV6yB9c:Tr5mX2dL7fJ0gZ4aE8uK3qN6wC1vR9bY"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["LineageIntegrationPatch"];
            };
        };
        responses: {
            /** @description The integration after the change, without its access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageIntegrationEnvelope"];
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
    listLineageCollections: {
        parameters: {
            query?: {
                /**
                 * @description The identifier of a folder whose contents to list instead of the top level.
                 * @example 6b1f0c2e-8d4a-4f37-9e15-3a7c2b9d0e41
                 */
                collection_id?: string;
                /** @description Comma separated names of related objects to embed; dbt Labs does not list the accepted names. */
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The folders and dashboards at the level asked for. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageCollectionListEnvelope"];
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
    listLineageCollectionContents: {
        parameters: {
            query?: {
                /** @description Comma separated names of related objects to embed; dbt Labs does not list the accepted names. */
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
                /**
                 * @description The BI tool's identifier of the folder to look inside.
                 * @example 6b1f0c2e-8d4a-4f37-9e15-3a7c2b9d0e41
                 */
                collection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The folders and dashboards inside the collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageCollectionListEnvelope"];
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
    updateLineageSelections: {
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
                project_id: number;
                /**
                 * @description Numeric id of the lineage integration.
                 * @example 1872
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to_add": [
                 *         {
                 *           "identifier": "c4e9a7d1-2f6b-4a83-b05e-7d1c3e8f2a96",
                 *           "name": "Marketing",
                 *           "type": "folder"
                 *         }
                 *       ],
                 *       "to_remove": [
                 *         "9a2c4e6f-1b3d-4f58-a7c9-e0b2d4f6a8c1"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["LineageSelectionUpdate"];
            };
        };
        responses: {
            /** @description How many items were added to and removed from the watch list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "added": 1,
                     *       "removed": 1
                     *     }
                     */
                    "application/json": components["schemas"]["LineageSelectionResult"];
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
    getScimConfig: {
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
        requestBody?: never;
        responses: {
            /** @description The SCIM settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimConfigEnvelope"];
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
    createScimConfig: {
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
                 *       "enabled": true,
                 *       "manual_updates_allowed": false,
                 *       "scim_controlled_license_type": true
                 *     }
                 */
                "application/json": components["schemas"]["ScimConfigCreate"];
            };
        };
        responses: {
            /** @description The SCIM settings after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimConfigEnvelope"];
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
    listScimTokens: {
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
        requestBody?: never;
        responses: {
            /** @description The SCIM tokens of the account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimTokenListEnvelope"];
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
    createScimToken: {
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
                 *       "name": "okta-provisioning-2026"
                 *     }
                 */
                "application/json": components["schemas"]["ScimTokenCreate"];
            };
        };
        responses: {
            /** @description The new token, with its secret (shown only in this response). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimTokenCreatedEnvelope"];
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
    getScimToken: {
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
                 * @description Numeric id of the SCIM token.
                 * @example 5102
                 */
                id: components["parameters"]["ScimTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The SCIM token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimTokenEnvelope"];
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
    deleteScimToken: {
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
                 * @description Numeric id of the SCIM token.
                 * @example 5102
                 */
                id: components["parameters"]["ScimTokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token was deleted. */
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
    listScimGroups: {
        parameters: {
            query?: {
                /**
                 * @description A SCIM filter expression that narrows the groups returned, as in
                 *     `displayName eq "Analytics Engineers"`.
                 * @example displayName eq "Analytics Engineers"
                 */
                filter?: components["parameters"]["ScimGroupFilter"];
                /**
                 * @description 1-based position of the first result to return.
                 * @example 1
                 */
                startIndex?: components["parameters"]["ScimStartIndex"];
                /**
                 * @description The largest number of resources to return in one page. The server picks a page size when it is left out.
                 * @example 100
                 */
                count?: components["parameters"]["ScimCount"];
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
            /** @description One page of groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimGroupListResponse"];
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
    createScimGroup: {
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
                "application/scim+json": components["schemas"]["ScimGroupInput"];
                "application/json": components["schemas"]["ScimGroupInput"];
            };
        };
        responses: {
            /** @description The group as created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimGroup"];
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
    getScimGroup: {
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
                 * @description SCIM id of the group, which is the dbt Cloud group id written as a string.
                 * @example 30412
                 */
                group_id: components["parameters"]["ScimGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimGroup"];
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
    replaceScimGroup: {
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
                 * @description SCIM id of the group, which is the dbt Cloud group id written as a string.
                 * @example 30412
                 */
                group_id: components["parameters"]["ScimGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/scim+json": components["schemas"]["ScimGroupInput"];
                "application/json": components["schemas"]["ScimGroupInput"];
            };
        };
        responses: {
            /** @description The group after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimGroup"];
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
    deleteScimGroup: {
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
                 * @description SCIM id of the group, which is the dbt Cloud group id written as a string.
                 * @example 30412
                 */
                group_id: components["parameters"]["ScimGroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group was deleted. */
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
    patchScimGroup: {
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
                 * @description SCIM id of the group, which is the dbt Cloud group id written as a string.
                 * @example 30412
                 */
                group_id: components["parameters"]["ScimGroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/scim+json": components["schemas"]["ScimGroupPatch"];
                "application/json": components["schemas"]["ScimGroupPatch"];
            };
        };
        responses: {
            /** @description The group after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimGroup"];
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
    listScimResourceTypes: {
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
        requestBody?: never;
        responses: {
            /** @description The resource types. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimResourceTypeListResponse"];
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
    getScimResourceType: {
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
                 * @description Name of a resource type the service provider supports.
                 * @example User
                 */
                resource_type: components["parameters"]["ScimResourceTypeName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimResourceType"];
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
    listScimSchemas: {
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
        requestBody?: never;
        responses: {
            /** @description The schemas. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimSchemaListResponse"];
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
    getScimSchema: {
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
                 * @description The URN that identifies a SCIM schema.
                 * @example urn:ietf:params:scim:schemas:core:2.0:User
                 */
                schema_uri: components["parameters"]["ScimSchemaUri"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schema. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimSchema"];
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
    getScimServiceProviderConfig: {
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
        requestBody?: never;
        responses: {
            /** @description The service provider configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimServiceProviderConfig"];
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
    listScimUsers: {
        parameters: {
            query?: {
                /**
                 * @description A SCIM filter expression that narrows the users returned. Identity providers use it to look a
                 *     user up before creating one, as in `userName eq "priya@jaffle.example"`.
                 * @example userName eq "priya@jaffle.example"
                 */
                filter?: components["parameters"]["ScimUserFilter"];
                /**
                 * @description 1-based position of the first result to return.
                 * @example 1
                 */
                startIndex?: components["parameters"]["ScimStartIndex"];
                /**
                 * @description The largest number of resources to return in one page. The server picks a page size when it is left out.
                 * @example 100
                 */
                count?: components["parameters"]["ScimCount"];
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
            /** @description One page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimUserListResponse"];
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
    createScimUser: {
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
                "application/scim+json": components["schemas"]["ScimUserInput"];
                "application/json": components["schemas"]["ScimUserInput"];
            };
        };
        responses: {
            /** @description The user as created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimUser"];
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
    getScimUser: {
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
                 * @description SCIM id of the user, which is the dbt Cloud user id written as a string.
                 * @example 96170
                 */
                user_id: components["parameters"]["ScimUserId"];
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
                    "application/scim+json": components["schemas"]["ScimUser"];
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
    replaceScimUser: {
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
                 * @description SCIM id of the user, which is the dbt Cloud user id written as a string.
                 * @example 96170
                 */
                user_id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/scim+json": components["schemas"]["ScimUserInput"];
                "application/json": components["schemas"]["ScimUserInput"];
            };
        };
        responses: {
            /** @description The user after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimUser"];
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
    deleteScimUser: {
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
                 * @description SCIM id of the user, which is the dbt Cloud user id written as a string.
                 * @example 96170
                 */
                user_id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user was removed from the account. */
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
    patchScimUser: {
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
                 * @description SCIM id of the user, which is the dbt Cloud user id written as a string.
                 * @example 96170
                 */
                user_id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/scim+json": components["schemas"]["ScimUserPatch"];
                "application/json": components["schemas"]["ScimUserPatch"];
            };
        };
        responses: {
            /** @description The user after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimUser"];
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
    onJobRunStarted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The signature of the delivery: the lowercase hex HMAC-SHA256 of the raw request body, keyed
                 *     with the subscription's `hmac_secret`. Compare it with your own computation in constant time.
                 * @example 3b8f0d6c1a9e42f7b5d0c8e1f2a3b4c5d6e7f80912a3b4c5d6e7f8091a2b3c4d
                 */
                Authorization: components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookJobRunStartedEvent"];
            };
        };
        responses: {
            /** @description Return any 2xx to acknowledge; anything else, or no answer within 10 seconds, counts as a failed delivery and is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["WebhookDeliveryFailed"];
            401: components["responses"]["WebhookDeliveryFailed"];
            403: components["responses"]["WebhookDeliveryFailed"];
            404: components["responses"]["WebhookDeliveryFailed"];
            429: components["responses"]["WebhookDeliveryFailed"];
            500: components["responses"]["WebhookDeliveryFailed"];
        };
    };
    onJobRunCompleted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The signature of the delivery: the lowercase hex HMAC-SHA256 of the raw request body, keyed
                 *     with the subscription's `hmac_secret`. Compare it with your own computation in constant time.
                 * @example 3b8f0d6c1a9e42f7b5d0c8e1f2a3b4c5d6e7f80912a3b4c5d6e7f8091a2b3c4d
                 */
                Authorization: components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookJobRunCompletedEvent"];
            };
        };
        responses: {
            /** @description Return any 2xx to acknowledge; anything else, or no answer within 10 seconds, counts as a failed delivery and is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["WebhookDeliveryFailed"];
            401: components["responses"]["WebhookDeliveryFailed"];
            403: components["responses"]["WebhookDeliveryFailed"];
            404: components["responses"]["WebhookDeliveryFailed"];
            429: components["responses"]["WebhookDeliveryFailed"];
            500: components["responses"]["WebhookDeliveryFailed"];
        };
    };
    onJobRunErrored: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The signature of the delivery: the lowercase hex HMAC-SHA256 of the raw request body, keyed
                 *     with the subscription's `hmac_secret`. Compare it with your own computation in constant time.
                 * @example 3b8f0d6c1a9e42f7b5d0c8e1f2a3b4c5d6e7f80912a3b4c5d6e7f8091a2b3c4d
                 */
                Authorization: components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookJobRunErroredEvent"];
            };
        };
        responses: {
            /** @description Return any 2xx to acknowledge; anything else, or no answer within 10 seconds, counts as a failed delivery and is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["WebhookDeliveryFailed"];
            401: components["responses"]["WebhookDeliveryFailed"];
            403: components["responses"]["WebhookDeliveryFailed"];
            404: components["responses"]["WebhookDeliveryFailed"];
            429: components["responses"]["WebhookDeliveryFailed"];
            500: components["responses"]["WebhookDeliveryFailed"];
        };
    };
}
