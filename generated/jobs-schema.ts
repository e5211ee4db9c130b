// GENERATED FILE: do not edit. Built by `npm run generate:types` from generated/openapi.yaml (scripts/lib/jobs-schema.mjs).
// Edit the YAML under openapi/ and run `npm run generate`.
/** JSON Schema of a jobs-as-code file after templating (the strict flavour of schemas/jobs.schema.json). */
export const jobsFileSchema: Record<string, unknown> = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:dbt-cloud-ts:jobs.schema.json",
  "title": "dbt Cloud jobs as code",
  "description": "dbt Cloud jobs kept in YAML (the dbt-jobs-as-code format), read by `dbt-cloud jobs plan` and `jobs apply`. Generated from the dbt-cloud-ts OpenAPI spec; do not edit.",
  "type": "object",
  "properties": {
    "account_id": {
      "type": "integer",
      "minimum": 1,
      "description": "The account of every job that does not name one."
    },
    "jobs": {
      "type": [
        "object",
        "null",
        "array"
      ],
      "description": "The jobs, keyed by identifier (letters, digits, `_` and `-`). Empty or null: no jobs.",
      "propertyNames": {
        "pattern": "^[A-Za-z0-9_-]+$"
      },
      "additionalProperties": {
        "$ref": "#/$defs/job"
      },
      "maxItems": 0
    }
  },
  "additionalProperties": true,
  "$defs": {
    "job": {
      "type": "object",
      "description": "A job as the file defines it: every field below, a field left out meaning its default. The job's key under `jobs:` is its identifier: dbt Cloud shows it at the end of the name as `[[identifier]]`, which marks the job as managed by these files.",
      "required": [
        "project_id",
        "environment_id",
        "name",
        "settings",
        "triggers",
        "run_generate_sources",
        "execute_steps",
        "generate_docs"
      ],
      "properties": {
        "id": {
          "type": [
            "integer",
            "null"
          ],
          "description": "Read for files written by dbt-jobs-as-code and ignored: dbt Cloud gives a new job its id."
        },
        "account_id": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 1,
          "description": "The account the job belongs to; when left out or null, the top-level `account_id` of the file."
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
        "dbt_version": {
          "type": [
            "string",
            "null"
          ],
          "minLength": 1,
          "description": "A dbt version for this job only; leave out or null to use the environment's.",
          "default": null
        },
        "name": {
          "type": "string",
          "description": "Display name of the job."
        },
        "settings": {
          "type": "object",
          "description": "Settings passed to dbt for every run of the job.",
          "properties": {
            "threads": {
              "type": "integer",
              "minimum": 1,
              "description": "How many models dbt builds at the same time.",
              "default": 4
            },
            "target_name": {
              "type": "string",
              "minLength": 1,
              "description": "The value of `target.name` inside the project's code.",
              "default": "default"
            }
          },
          "additionalProperties": false
        },
        "execution": {
          "type": "object",
          "description": "Limits applied to each run of the job.",
          "required": [],
          "properties": {
            "timeout_seconds": {
              "type": "integer",
              "minimum": 0,
              "description": "A run still going after this many seconds is cancelled; `0` means no limit.",
              "default": 0
            }
          },
          "additionalProperties": false,
          "default": {
            "timeout_seconds": 0
          }
        },
        "deferring_job_definition_id": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 1,
          "description": "Job to defer to. Older way of setting deferral.",
          "default": null
        },
        "deferring_environment_id": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 1,
          "description": "Environment to defer to.",
          "default": null
        },
        "run_generate_sources": {
          "type": "boolean",
          "description": "True to run `dbt source freshness` as part of each run."
        },
        "run_lint": {
          "type": [
            "boolean",
            "null"
          ],
          "default": false,
          "description": "True to lint SQL in CI runs."
        },
        "errors_on_lint_failure": {
          "type": [
            "boolean",
            "null"
          ],
          "default": true,
          "description": "True to fail a CI run when linting finds problems."
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
        "generate_docs": {
          "type": "boolean",
          "description": "True to run `dbt docs generate` at the end of each run."
        },
        "schedule": {
          "type": "object",
          "description": "When the job runs, as one cron expression (UTC). A job of type ci or merge may leave it out (it then gets `0 0 1 1 *`, as dbt-jobs-as-code gives it). `date` and `time` are derived from `cron` and sent with it; a file's own `date` and `time` are reported and replaced.",
          "required": [
            "cron"
          ],
          "properties": {
            "cron": {
              "type": "string",
              "minLength": 1,
              "description": "Five fields (minute hour day-of-month month day-of-week), six with seconds, or an alias such as @daily."
            },
            "date": {
              "description": "Derived from `cron`; a value given here is replaced."
            },
            "time": {
              "description": "Derived from `cron`; a value given here is replaced."
            }
          },
          "additionalProperties": false
        },
        "triggers": {
          "type": "object",
          "description": "The events that start a run of the job, besides starting it through the API.",
          "properties": {
            "github_webhook": {
              "type": "boolean",
              "description": "True to run when a pull request is opened or updated on GitHub (CI jobs).",
              "default": false
            },
            "git_provider_webhook": {
              "type": [
                "boolean",
                "null"
              ],
              "description": "True to run on pull requests from GitLab or Azure DevOps (CI jobs).",
              "default": false
            },
            "schedule": {
              "type": [
                "boolean",
                "null"
              ],
              "description": "True to run on the job's schedule.",
              "default": false
            },
            "on_merge": {
              "type": [
                "boolean",
                "null"
              ],
              "description": "True to run when a pull request is merged into the environment's branch.",
              "default": false
            }
          },
          "additionalProperties": false
        },
        "description": {
          "type": "string",
          "description": "Free text about the job.",
          "default": ""
        },
        "state": {
          "type": "integer",
          "description": "Lifecycle state of an object: `1` active, `2` deleted. Deleted objects are only listed when\nasked for with `state=2` or `state=all`.\n",
          "enum": [
            1,
            2
          ],
          "default": 1
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
        "job_type": {
          "type": "string",
          "description": "What the job is for; left out or `null` (dbt-cloud-cli sends `null` when no type is given), the API picks one\nfrom the triggers.\n",
          "enum": [
            "ci",
            "scheduled",
            "other",
            "merge",
            "exposure_sync",
            "adaptive",
            "hybrid"
          ],
          "default": "scheduled"
        },
        "cost_optimization_features": {
          "type": "array",
          "description": "The cost optimization features to turn on; the Terraform provider sends `null` for CI and merge jobs.",
          "items": {
            "type": "string",
            "description": "An optional feature that makes runs cheaper: `state_aware_orchestration` (reuses unchanged\nmodels; needs the Fusion engine), `efficient_testing` (groups generic tests into fewer queries;\nneeds Fusion) and `dbt_state` (state-aware orchestration without Fusion).\n",
            "enum": [
              "state_aware_orchestration",
              "efficient_testing",
              "dbt_state"
            ]
          },
          "default": []
        },
        "triggers_on_draft_pr": {
          "type": "boolean",
          "default": false,
          "description": "True to also run CI on draft pull requests."
        },
        "job_completion_trigger_condition": {
          "description": "An upstream job whose completion starts this one; null for none.",
          "anyOf": [
            {
              "type": "object",
              "description": "An upstream job whose completion starts this one; null for none.",
              "required": [
                "condition"
              ],
              "properties": {
                "condition": {
                  "type": "object",
                  "required": [
                    "job_id",
                    "project_id"
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
                      "description": "The final statuses of the upstream run that start this job.",
                      "items": {
                        "type": "integer",
                        "description": "A final run status that can start a dependent job: 10 Success, 20 Error, 30 Cancelled.",
                        "enum": [
                          10,
                          20,
                          30
                        ]
                      },
                      "default": [
                        10,
                        20,
                        30
                      ]
                    }
                  },
                  "additionalProperties": false
                }
              },
              "additionalProperties": false
            },
            {
              "type": "null"
            }
          ],
          "default": null
        },
        "linked_id": {
          "type": "integer",
          "minimum": 1,
          "description": "The id of an existing dbt Cloud job that `jobs link` marks as this one (adds `[[identifier]]` to its name)."
        },
        "custom_environment_variables": {
          "type": "array",
          "description": "Job-level overrides of environment variables, one `DBT_NAME: value` pair per item (names start with DBT_ and hold no lower-case letter; a null value removes the override). Overrides that dbt Cloud has and the file does not are removed.",
          "items": {
            "type": "object",
            "propertyNames": {
              "pattern": "^DBT_\\P{Ll}*$"
            },
            "additionalProperties": {
              "type": [
                "string",
                "null"
              ]
            }
          }
        },
        "deactivated": {
          "type": "boolean",
          "description": "Read for files written for dbt-jobs-as-code; not sent to dbt Cloud."
        }
      },
      "additionalProperties": false
    }
  }
};
