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

/** The schema of a jobs file, from the bundled spec document (parsed). */
export function buildJobsFileSchema(doc, { forEditors = false } = {}) {
  const create = inline(doc, doc.components.schemas.JobCreate);
  const properties = { ...create.properties };
  // The file's account_id may come from the top level or the client; the file does not need it per job. A job in a
  // file names its steps, although the API takes a job without them.
  const required = [...new Set([...create.required.filter((name) => name !== 'account_id'), 'execute_steps'])];
  // A request may send `job_type: null` (the API then picks the type); a file leaves the field out instead.
  const jobType = properties.job_type?.anyOf?.filter((branch) => branch.type !== 'null');
  if (jobType?.length === 1) properties.job_type = jobType[0];
  // In a file a schedule is its cron expression; dbt Cloud derives `date` and `time` from it.
  properties.schedule = {
    ...properties.schedule,
    required: ['cron'],
    properties: { ...properties.schedule.properties, cron: { ...properties.schedule.properties.cron, type: 'string' } },
  };
  properties.linked_id = {
    type: 'integer',
    minimum: 1,
    description:
      'The id of an existing dbt Cloud job that `jobs link` marks as this one (adds `[[identifier]]` to its name).',
  };
  properties.custom_environment_variables = {
    type: 'array',
    description:
      'Job-level overrides of environment variables, one `DBT_NAME: value` pair per item. Overrides that dbt Cloud has and the file does not are removed.',
    items: {
      type: 'object',
      patternProperties: { '^DBT_[A-Z0-9_]+$': { type: ['string', 'number', 'boolean'] } },
      additionalProperties: false,
    },
  };
  properties.deactivated = {
    type: 'boolean',
    description: 'Accepted for files written for dbt-jobs-as-code; not sent to dbt Cloud.',
  };
  const job = {
    type: 'object',
    description: `${create.description} The job's key under \`jobs:\` is its identifier: dbt Cloud shows it at the end of the name as \`[[identifier]]\`, which marks the job as managed by these files.`,
    required,
    properties,
    additionalProperties: false,
  };
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/dbt-cloud-ts/schemas/jobs.schema.json',
    title: 'dbt Cloud jobs as code',
    description:
      'dbt Cloud jobs kept in YAML (the dbt-jobs-as-code format), read by `dbt-cloud jobs plan` and `jobs apply`. Generated from the dbt-cloud-ts OpenAPI spec; do not edit.',
    type: 'object',
    required: ['jobs'],
    properties: {
      account_id: { type: 'integer', minimum: 1, description: 'The account of every job that does not name one.' },
      jobs: {
        type: ['object', 'null'],
        description: 'The jobs, keyed by identifier (letters, digits, `_` and `-`).',
        propertyNames: { pattern: '^[A-Za-z0-9_-]+$' },
        additionalProperties: { $ref: '#/$defs/job' },
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
