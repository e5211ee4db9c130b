// GENERATED FILE: do not edit. Built by `npm run generate:types` from generated/openapi.yaml (scripts/lib/jobs-schema.mjs).
// Edit the YAML under openapi/ and run `npm run generate`.
/** JSON Schema of a jobs-as-code file after templating (the strict flavour of schemas/jobs.schema.json). */
export const jobsFileSchema: Record<string, unknown> = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://unpkg.com/dbt-cloud-ts/schemas/jobs.schema.json",
  "title": "dbt Cloud jobs as code",
  "description": "dbt Cloud jobs kept in YAML (the dbt-jobs-as-code format), read by `dbt-cloud jobs plan` and `jobs apply`. Generated from the dbt-cloud-ts OpenAPI spec; do not edit.",
  "type": "object",
  "required": [
    "jobs"
  ],
  "properties": {
    "account_id": {
      "type": "integer",
      "minimum": 1,
      "description": "The account of every job that does not name one."
    },
    "jobs": {
      "type": [
        "object",
        "null"
      ],
      "description": "The jobs, keyed by identifier (letters, digits, `_` and `-`).",
      "propertyNames": {
        "pattern": "^[A-Za-z0-9_-]+$"
      },
      "additionalProperties": {
        "$ref": "#/$defs/job"
      }
    }
  },
  "additionalProperties": true,
  "$defs": {
    "job": {
      "type": "object",
      "description": "A new job. Fields left out take the API's defaults, and so do optional fields sent as `null`. The job's key under `jobs:` is its identifier: dbt Cloud shows it at the end of the name as `[[identifier]]`, which marks the job as managed by these files.",
      "required": [
        "project_id",
        "environment_id",
        "name",
        "execute_steps"
      ],
      "properties": {
        "account_id": {
          "type": "integer",
          "minimum": 1,
          "description": "The account to create the job in; must match the path."
        },
        "project_id": {
          "type": "integer",
          "minimum": 1,
          "description": "The project the job belongs to."
        },
        "environment_id": {
          "type": "integer",
          "minimum": 1,
          "description": "The deployment environment the job runs in."
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "description": "Display name of the job."
        },
        "description": {
          "type": [
            "string",
            "null"
          ],
          "description": "Free text about the job."
        },
        "dbt_version": {
          "type": [
            "string",
            "null"
          ],
          "minLength": 1,
          "description": "A dbt version for this job only; leave out or null to use the environment's."
        },
        "deferring_environment_id": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 1,
          "description": "Environment to defer to."
        },
        "deferring_job_definition_id": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 1,
          "description": "Job to defer to. Older way of setting deferral."
        },
        "execute_steps": {
          "type": "array",
          "description": "The dbt commands a run executes, in order. Each one starts with `dbt `.",
          "items": {
            "type": "string",
            "minLength": 5,
            "pattern": "^dbt "
          },
          "examples": [
            [
              "dbt source freshness",
              "dbt build"
            ]
          ]
        },
        "execution": {
          "type": "object",
          "description": "Limits applied to each run of the job.",
          "required": [
            "timeout_seconds"
          ],
          "properties": {
            "timeout_seconds": {
              "type": "integer",
              "minimum": 0,
              "description": "A run still going after this many seconds is cancelled; `0` means no limit."
            }
          }
        },
        "generate_docs": {
          "type": "boolean",
          "default": false,
          "description": "True to run `dbt docs generate` at the end of each run."
        },
        "generate_sources": {
          "type": "boolean",
          "default": false,
          "description": "A second source freshness flag; prefer `run_generate_sources`."
        },
        "run_generate_sources": {
          "type": "boolean",
          "default": false,
          "description": "True to run `dbt source freshness` as part of each run."
        },
        "job_type": {
          "type": "string",
          "description": "What a job is for: `scheduled` (deploy job on a schedule or started by hand), `ci` (runs on\npull requests), `merge` (runs when a pull request is merged), `other`, `exposure_sync`,\n`adaptive` and `hybrid`. New kinds appear over time.\n",
          "enum": [
            "ci",
            "scheduled",
            "other",
            "merge",
            "exposure_sync",
            "adaptive",
            "hybrid"
          ]
        },
        "lifecycle_webhooks": {
          "type": "boolean",
          "default": false,
          "description": "True to send run lifecycle events to the account's webhooks."
        },
        "run_compare_changes": {
          "type": "boolean",
          "default": false,
          "description": "True for CI jobs that compare changed models with production."
        },
        "compare_changes_flags": {
          "type": "string",
          "minLength": 1,
          "default": "--select state:modified",
          "description": "The selection flags used when comparing changes."
        },
        "run_lint": {
          "type": "boolean",
          "default": false,
          "description": "True to lint SQL in CI runs."
        },
        "errors_on_lint_failure": {
          "type": "boolean",
          "default": true,
          "description": "True to fail a CI run when linting finds problems."
        },
        "cost_optimization_features": {
          "type": [
            "array",
            "null"
          ],
          "uniqueItems": true,
          "description": "The cost optimization features to turn on; the Terraform provider sends `null` for CI and merge jobs.",
          "items": {
            "type": "string",
            "description": "An optional feature that makes runs cheaper: `state_aware_orchestration` (reuses unchanged\nmodels; needs the Fusion engine), `efficient_testing` (groups generic tests into fewer queries;\nneeds Fusion) and `dbt_state` (state-aware orchestration without Fusion).\n",
            "enum": [
              "state_aware_orchestration",
              "efficient_testing",
              "dbt_state"
            ]
          }
        },
        "force_node_selection": {
          "type": "boolean",
          "description": "The older switch for state-aware orchestration (false lets dbt Cloud skip unchanged nodes). Sent by the\nTerraform provider and dbt-jobs-as-code; `cost_optimization_features` takes precedence when both are sent.\n"
        },
        "settings": {
          "type": "object",
          "description": "Settings passed to dbt for every run of the job.",
          "required": [
            "threads",
            "target_name"
          ],
          "properties": {
            "threads": {
              "type": "integer",
              "minimum": 1,
              "description": "How many models dbt builds at the same time."
            },
            "target_name": {
              "type": "string",
              "minLength": 1,
              "description": "The value of `target.name` inside the project's code."
            }
          }
        },
        "state": {
          "type": "integer",
          "description": "Lifecycle state of an object: `1` active, `2` deleted. Deleted objects are only listed when\nasked for with `state=2` or `state=all`.\n",
          "enum": [
            1,
            2
          ]
        },
        "triggers_on_draft_pr": {
          "type": "boolean",
          "default": false,
          "description": "True to also run CI on draft pull requests."
        },
        "triggers": {
          "type": "object",
          "description": "The events that start a run of the job, besides starting it through the API.",
          "required": [
            "github_webhook",
            "schedule"
          ],
          "properties": {
            "github_webhook": {
              "type": "boolean",
              "description": "True to run when a pull request is opened or updated on GitHub (CI jobs)."
            },
            "schedule": {
              "type": "boolean",
              "description": "True to run on the job's schedule."
            },
            "git_provider_webhook": {
              "type": [
                "boolean",
                "null"
              ],
              "description": "True to run on pull requests from GitLab or Azure DevOps (CI jobs)."
            },
            "on_merge": {
              "type": [
                "boolean",
                "null"
              ],
              "description": "True to run when a pull request is merged into the environment's branch."
            },
            "custom_branch_only": {
              "type": [
                "boolean",
                "null"
              ],
              "description": "No longer used."
            }
          }
        },
        "schedule": {
          "type": "object",
          "description": "When a job runs on its own. It only takes effect while `triggers.schedule` is true. `cron`\nholds the whole schedule as one cron expression (UTC).\n",
          "required": [
            "cron"
          ],
          "properties": {
            "cron": {
              "type": "string",
              "description": "The schedule as a cron expression, in UTC."
            },
            "date": {
              "description": "Which days the job runs. A job embedded in a run (`include_related=job`) may show only the kind of\nschedule, as a string, as dbt Labs' published spec describes it.\n",
              "anyOf": [
                {
                  "type": "object",
                  "description": "The day part of a job's schedule.",
                  "required": [
                    "type"
                  ],
                  "properties": {
                    "type": {
                      "type": "string",
                      "description": "On which days a scheduled job runs: `every_day`, `days_of_week` (the days listed in `days`),\n`custom_cron` (the expression in `cron`) or `interval_cron`.\n",
                      "enum": [
                        "every_day",
                        "days_of_week",
                        "custom_cron",
                        "interval_cron"
                      ]
                    },
                    "days": {
                      "type": [
                        "array",
                        "null"
                      ],
                      "description": "Days of the week to run on, as in cron (0 is Sunday); used with `days_of_week`.",
                      "items": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 6
                      }
                    },
                    "cron": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "description": "A cron expression; used with `custom_cron` and `interval_cron`."
                    }
                  }
                },
                {
                  "type": "string",
                  "description": "On which days a scheduled job runs: `every_day`, `days_of_week` (the days listed in `days`),\n`custom_cron` (the expression in `cron`) or `interval_cron`.\n",
                  "enum": [
                    "every_day",
                    "days_of_week",
                    "custom_cron",
                    "interval_cron"
                  ]
                }
              ]
            },
            "time": {
              "description": "When on those days the job runs; as `date`, only the kind of schedule in a job embedded in a run.",
              "anyOf": [
                {
                  "type": "object",
                  "description": "The time part of a job's schedule.",
                  "required": [
                    "type"
                  ],
                  "properties": {
                    "type": {
                      "type": "string",
                      "description": "At what times of a run day a scheduled job runs: `every_hour` (every `interval` hours) or\n`at_exact_hours` (the UTC hours listed in `hours`).\n",
                      "enum": [
                        "every_hour",
                        "at_exact_hours"
                      ]
                    },
                    "interval": {
                      "type": [
                        "integer",
                        "null"
                      ],
                      "minimum": 1,
                      "description": "Hours between runs; used with `every_hour`."
                    },
                    "hours": {
                      "type": [
                        "array",
                        "null"
                      ],
                      "description": "The hours (UTC) to run at; used with `at_exact_hours`.",
                      "items": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 23
                      }
                    }
                  }
                },
                {
                  "type": "string",
                  "description": "At what times of a run day a scheduled job runs: `every_hour` (every `interval` hours) or\n`at_exact_hours` (the UTC hours listed in `hours`).\n",
                  "enum": [
                    "every_hour",
                    "at_exact_hours"
                  ]
                }
              ]
            }
          }
        },
        "job_completion_trigger_condition": {
          "anyOf": [
            {
              "type": "object",
              "description": "Starts this job whenever a run of another job ends in one of the listed statuses.",
              "required": [
                "condition"
              ],
              "properties": {
                "condition": {
                  "type": "object",
                  "required": [
                    "job_id",
                    "project_id",
                    "statuses"
                  ],
                  "properties": {
                    "job_id": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "The upstream job whose runs are watched."
                    },
                    "project_id": {
                      "type": "integer",
                      "minimum": 1,
                      "description": "The project of the upstream job."
                    },
                    "statuses": {
                      "type": "array",
                      "minItems": 1,
                      "uniqueItems": true,
                      "description": "The final statuses of the upstream run that start this job.",
                      "items": {
                        "type": "integer",
                        "description": "A final run status that can start a dependent job: 10 Success, 20 Error, 30 Cancelled.",
                        "enum": [
                          10,
                          20,
                          30
                        ]
                      }
                    }
                  }
                }
              }
            },
            {
              "type": "null"
            }
          ],
          "description": "An upstream job whose completion starts this one; null for none."
        },
        "linked_id": {
          "type": "integer",
          "minimum": 1,
          "description": "The id of an existing dbt Cloud job that `jobs link` marks as this one (adds `[[identifier]]` to its name)."
        },
        "custom_environment_variables": {
          "type": "array",
          "description": "Job-level overrides of environment variables, one `DBT_NAME: value` pair per item. Overrides that dbt Cloud has and the file does not are removed.",
          "items": {
            "type": "object",
            "patternProperties": {
              "^DBT_[A-Z0-9_]+$": {
                "type": [
                  "string",
                  "number",
                  "boolean"
                ]
              }
            },
            "additionalProperties": false
          }
        },
        "deactivated": {
          "type": "boolean",
          "description": "Accepted for files written for dbt-jobs-as-code; not sent to dbt Cloud."
        }
      },
      "additionalProperties": false
    }
  }
};
