// The JSON Schema of a jobs-as-code YAML file, derived from the bundled spec's `JobCreate`: one job per key under
// `jobs:`, each with the fields a create request takes plus the file-only ones (`linked_id`,
// `custom_environment_variables`). Two flavours come out of one function: the strict one the library checks files
// with (after templating), and the editor one (`schemas/jobs.schema.json`), which also accepts strings where numbers
// and booleans go, because a templated file holds `"{{ project_id }}"` there until it is rendered.

// The keywords the library's small checker understands (src/jobs-as-code/schema-check.ts); anything else in the
// derived schema fails the generation instead of being silently ignored at check time.
export const supportedKeywords = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'default',
  'examples',
  'type',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'minLength',
  'pattern',
  'anyOf',
]);

// Spec-only keywords that say nothing to a file's author or checker.
const dropped = new Set(['readOnly', 'writeOnly', 'deprecated', 'x-enum-varnames', 'x-enum-descriptions']);

function inline(doc, schema, seen = []) {
  if (Array.isArray(schema)) return schema.map((item) => inline(doc, item, seen));
  if (!schema || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new Error(`jobs schema: ${name} refers to itself`);
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`jobs schema: no component ${name}`);
    const { $ref: _ref, ...siblings } = schema;
    return { ...inline(doc, target, [...seen, name]), ...inline(doc, siblings, seen) };
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (dropped.has(key)) continue;
    // A nullable object in the spec is `oneOf: [X, {type: null}]`; anyOf says the same and is all the checker knows.
    if (key === 'oneOf') out.anyOf = inline(doc, value, seen);
    else if (key === 'properties') {
      out.properties = {};
      for (const [name, property] of Object.entries(value)) {
        if (property?.readOnly) continue;
        out.properties[name] = inline(doc, property, seen);
      }
    } else out[key] = inline(doc, value, seen);
  }
  return out;
}

/** Widens integer and boolean types to also take a string (templated files hold `"{{ var }}"` there). */
function widenForTemplates(schema) {
  if (Array.isArray(schema)) return schema.map(widenForTemplates);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'patternProperties' || key === '$defs') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, widenForTemplates(sub)]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'anyOf') {
      out[key] = widenForTemplates(value);
    } else out[key] = value;
  }
  const types = Array.isArray(out.type) ? out.type : out.type === undefined ? [] : [out.type];
  if ((types.includes('integer') || types.includes('boolean')) && !types.includes('string')) {
    out.type = [...types, 'string'];
    // Bounds and enums speak of the rendered value; the checker applies them after templating.
    delete out.minimum;
    delete out.maximum;
    delete out.enum;
  }
  return out;
}

function assertSupported(schema, where = '#') {
  if (Array.isArray(schema)) return schema.forEach((item, i) => assertSupported(item, `${where}/${i}`));
  if (!schema || typeof schema !== 'object') return;
  for (const [key, value] of Object.entries(schema)) {
    if (!supportedKeywords.has(key)) throw new Error(`jobs schema: keyword ${key} at ${where} is not supported`);
    if (key === 'properties' || key === 'patternProperties' || key === '$defs') {
      for (const [name, sub] of Object.entries(value)) assertSupported(sub, `${where}/${key}/${name}`);
    } else if (['items', 'additionalProperties', 'anyOf', 'propertyNames'].includes(key)) {
      assertSupported(value, `${where}/${key}`);
    }
  }
}

// A jobs file holds dbt-jobs-as-code's job model, so that both tools read the same files as the same jobs: these
// fields, in the order its requests send them, and no others (a file's other keys are reported and ignored). A field
// the file leaves out means the default given here, which is what that tool sends for it. Types and descriptions come
// from the spec's JobCreate; where dbt Cloud refuses a value the model would take (0 threads, a command that is not
// dbt, an unknown job type), the spec's stricter rule stays.
const modelFields = [
  'id',
  'account_id',
  'project_id',
  'environment_id',
  'dbt_version',
  'name',
  'settings',
  'execution',
  'deferring_job_definition_id',
  'deferring_environment_id',
  'run_generate_sources',
  'run_lint',
  'errors_on_lint_failure',
  'execute_steps',
  'generate_docs',
  'schedule',
  'triggers',
  'description',
  'state',
  'run_compare_changes',
  'compare_changes_flags',
  'job_type',
  'cost_optimization_features',
  'triggers_on_draft_pr',
  'job_completion_trigger_condition',
];
const requiredFields = [
  'project_id',
  'environment_id',
  'name',
  'settings',
  'triggers',
  'run_generate_sources',
  'execute_steps',
  'generate_docs',
];
const defaults = {
  dbt_version: null,
  execution: { timeout_seconds: 0 },
  deferring_job_definition_id: null,
  deferring_environment_id: null,
  run_lint: false,
  errors_on_lint_failure: true,
  description: '',
  state: 1,
  run_compare_changes: false,
  compare_changes_flags: '--select state:modified',
  job_type: 'scheduled',
  cost_optimization_features: [],
  triggers_on_draft_pr: false,
  job_completion_trigger_condition: null,
};
const withoutNull = (schema) => {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null');
    return { ...schema, type: types.length === 1 ? types[0] : types };
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter((branch) => branch.type !== 'null');
    return branches.length === 1 ? { ...branches[0], description: schema.description } : { ...schema, anyOf: branches };
  }
  return schema;
};
const nullable = (schema) => (Array.isArray(schema.type) ? schema : { ...schema, type: [schema.type, 'null'] });

/** The schema of a jobs file, from the bundled spec document (parsed). */
export function buildJobsFileSchema(doc, { forEditors = false } = {}) {
  const create = inline(doc, doc.components.schemas.JobCreate).properties;
  const given = (name) => {
    if (!create[name]) throw new Error(`jobs schema: JobCreate has no ${name}`);
    return create[name];
  };
  const { required: _settingsRequired, ...settings } = given('settings');
  const { required: _triggersRequired, ...triggers } = given('triggers');
  const trigger = (name, type) => ({ ...triggers.properties[name], type, default: false });
  const condition = withoutNull(given('job_completion_trigger_condition'));
  const statuses = condition.properties.condition.properties.statuses;
  const properties = {
    id: {
      type: ['integer', 'null'],
      description: 'Read for files written by dbt-jobs-as-code and ignored: dbt Cloud gives a new job its id.',
    },
    account_id: {
      ...nullable(given('account_id')),
      description: 'The account the job belongs to; when left out or null, the top-level `account_id` of the file.',
    },
    project_id: given('project_id'),
    environment_id: given('environment_id'),
    dbt_version: { ...given('dbt_version'), default: null },
    name: { ...given('name'), minLength: undefined },
    settings: {
      ...settings,
      properties: {
        threads: { ...settings.properties.threads, default: 4 },
        target_name: { ...settings.properties.target_name, default: 'default' },
      },
      additionalProperties: false,
    },
    execution: {
      ...given('execution'),
      required: [],
      properties: { timeout_seconds: { ...given('execution').properties.timeout_seconds, default: 0 } },
      additionalProperties: false,
      default: defaults.execution,
    },
    deferring_job_definition_id: { ...given('deferring_job_definition_id'), default: null },
    deferring_environment_id: { ...given('deferring_environment_id'), default: null },
    run_generate_sources: withDefault(given('run_generate_sources'), undefined),
    run_lint: { ...nullable(given('run_lint')), default: false },
    errors_on_lint_failure: { ...nullable(given('errors_on_lint_failure')), default: true },
    execute_steps: given('execute_steps'),
    generate_docs: withDefault(given('generate_docs'), undefined),
    schedule: {
      type: 'object',
      description:
        "When the job runs, as one cron expression (UTC). A job of type ci or merge may leave it out (it then gets `0 0 1 1 *`, as dbt-jobs-as-code gives it). `date` and `time` are derived from `cron` and sent with it; a file's own `date` and `time` are reported and replaced.",
      required: ['cron'],
      properties: {
        cron: {
          type: 'string',
          minLength: 1,
          description:
            'Five fields (minute hour day-of-month month day-of-week), six with seconds, or an alias such as @daily.',
        },
        date: { description: 'Derived from `cron`; a value given here is replaced.' },
        time: { description: 'Derived from `cron`; a value given here is replaced.' },
      },
      additionalProperties: false,
    },
    triggers: {
      ...triggers,
      properties: {
        github_webhook: trigger('github_webhook', 'boolean'),
        git_provider_webhook: trigger('git_provider_webhook', ['boolean', 'null']),
        schedule: trigger('schedule', ['boolean', 'null']),
        on_merge: trigger('on_merge', ['boolean', 'null']),
      },
      additionalProperties: false,
    },
    description: { ...withoutNull(given('description')), default: '' },
    state: { ...given('state'), default: 1 },
    run_compare_changes: { ...given('run_compare_changes'), default: false },
    compare_changes_flags: { ...given('compare_changes_flags'), default: defaults.compare_changes_flags },
    job_type: { ...withoutNull(given('job_type')), default: 'scheduled' },
    cost_optimization_features: {
      ...withoutNull(given('cost_optimization_features')),
      uniqueItems: undefined,
      default: [],
    },
    triggers_on_draft_pr: { ...given('triggers_on_draft_pr'), default: false },
    job_completion_trigger_condition: {
      description: given('job_completion_trigger_condition').description,
      anyOf: [
        {
          ...condition,
          properties: {
            condition: {
              ...condition.properties.condition,
              required: ['job_id', 'project_id'],
              properties: {
                ...condition.properties.condition.properties,
                statuses: { ...statuses, minItems: undefined, uniqueItems: undefined, default: [10, 20, 30] },
              },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
        { type: 'null' },
      ],
      default: null,
    },
    linked_id: {
      type: 'integer',
      minimum: 1,
      description:
        'The id of an existing dbt Cloud job that `jobs link` marks as this one (adds `[[identifier]]` to its name).',
    },
    custom_environment_variables: {
      type: 'array',
      description:
        'Job-level overrides of environment variables, one `DBT_NAME: value` pair per item (names start with DBT_ and hold no lower-case letter; a null value removes the override). Overrides that dbt Cloud has and the file does not are removed.',
      items: {
        type: 'object',
        propertyNames: { pattern: '^DBT_\\P{Ll}*$' },
        additionalProperties: { type: ['string', 'null'] },
      },
    },
    deactivated: {
      type: 'boolean',
      description: 'Read for files written for dbt-jobs-as-code; not sent to dbt Cloud.',
    },
  };
  for (const name of modelFields) if (!properties[name]) throw new Error(`jobs schema: no property for ${name}`);
  const job = {
    type: 'object',
    description:
      "A job as the file defines it: every field below, a field left out meaning its default. The job's key under `jobs:` is its identifier: dbt Cloud shows it at the end of the name as `[[identifier]]`, which marks the job as managed by these files.",
    required: requiredFields,
    properties: dropUndefined(properties),
    additionalProperties: false,
  };
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:dbt-cloud-ts:jobs.schema.json',
    title: 'dbt Cloud jobs as code',
    description:
      'dbt Cloud jobs kept in YAML (the dbt-jobs-as-code format), read by `dbt-cloud jobs plan` and `jobs apply`. Generated from the dbt-cloud-ts OpenAPI spec; do not edit.',
    type: 'object',
    properties: {
      account_id: { type: 'integer', minimum: 1, description: 'The account of every job that does not name one.' },
      jobs: {
        type: ['object', 'null', 'array'],
        description: 'The jobs, keyed by identifier (letters, digits, `_` and `-`). Empty or null: no jobs.',
        propertyNames: { pattern: '^[A-Za-z0-9_-]+$' },
        additionalProperties: { $ref: '#/$defs/job' },
        maxItems: 0,
      },
    },
    // Other top-level keys hold YAML anchors to reuse (`anchors:` by convention).
    additionalProperties: true,
    $defs: { job },
  };
  const result = forEditors ? widenForTemplates(schema) : schema;
  assertSupported(result);
  return result;
}

function withDefault(schema, value) {
  const { default: _default, ...rest } = schema;
  return value === undefined ? rest : { ...rest, default: value };
}

function dropUndefined(value) {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, dropUndefined(item)]),
  );
}

export const jobsSchemaTsHeader =
  '// GENERATED FILE: do not edit. Built by `npm run generate:types` from generated/openapi.yaml (scripts/lib/jobs-schema.mjs).\n' +
  '// Edit the YAML under openapi/ and run `npm run generate`.\n';

/** The TypeScript module the library checks files with. */
export function renderJobsSchemaModule(doc) {
  return (
    jobsSchemaTsHeader +
    '/** JSON Schema of a jobs-as-code file after templating (the strict flavour of schemas/jobs.schema.json). */\n' +
    `export const jobsFileSchema: Record<string, unknown> = ${JSON.stringify(buildJobsFileSchema(doc), null, 2)};\n`
  );
}

export function renderJobsSchemaJson(doc) {
  return `${JSON.stringify(buildJobsFileSchema(doc, { forEditors: true }), null, 2)}\n`;
}
