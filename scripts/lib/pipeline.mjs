// The spec pipeline in one place: bundle openapi/ into one file, then compile it to TypeScript types.
// The npm scripts and the drift check call these with different output folders.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { renderJobsSchemaJson, renderJobsSchemaModule } from './jobs-schema.mjs';

const run = promisify(execFile);

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const specRoot = join(projectRoot, 'openapi', 'openapi.yaml');
export const generatedDir = join(projectRoot, 'generated');
export const schemasDir = join(projectRoot, 'schemas');
const redocly = join(projectRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

const yamlHeader =
  '# GENERATED FILE: do not edit. Built by `npm run bundle` from openapi/ (redocly bundle).\n' +
  '# Edit the YAML under openapi/ and run `npm run generate`.\n';
const tsHeader = (what) =>
  `// GENERATED FILE: do not edit. Built by \`npm run generate:types\` from generated/openapi.yaml (${what}).\n` +
  '// Edit the YAML under openapi/ and run `npm run generate`.\n';

/** Bundles openapi/ into `<outDir>/openapi.yaml` and returns the bundled text. */
export async function bundleSpec(outDir) {
  const scratch = await mkdtemp(join(tmpdir(), 'dbt-cloud-bundle-'));
  try {
    const raw = join(scratch, 'openapi.yaml');
    await run(process.execPath, [redocly, 'bundle', specRoot, '-o', raw], {
      cwd: projectRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const text = yamlHeader + (await readFile(raw, 'utf8'));
    assertUniqueComponentNames(parse(text));
    await writeFile(join(outDir, 'openapi.yaml'), text);
    return text;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// redocly names a bundled component after its YAML key and appends `-2` on a clash; a clash means two
// files used the same key, which would give the types a name nobody chose.
function assertUniqueComponentNames(doc) {
  const clashes = [];
  for (const [section, entries] of Object.entries(doc.components ?? {})) {
    for (const name of Object.keys(entries ?? {})) {
      if (/-\d+$/.test(name)) clashes.push(`components.${section}.${name}`);
    }
  }
  if (clashes.length > 0) {
    throw new Error(`Two component files use the same key; rename one of them: ${clashes.join(', ')}`);
  }
}

/**
 * Compiles `<outDir>/openapi.yaml` into `schema.d.ts` (types), `enums.ts` (named enum values), `fields.ts` and
 * `response-schemas.ts` (the success-response schemas that `dbt-cloud-ts/validate` checks answers against),
 * `jobs-schema.ts`, and the jobs file's JSON Schema into `<schemaOutDir>/jobs.schema.json`.
 */
export async function generateTypes(outDir, schemaOutDir = schemasDir) {
  const specText = await readFile(join(outDir, 'openapi.yaml'), 'utf8');
  const doc = parse(specText);
  // defaultNonNullable off: a field with a default is still optional to send (the API fills it in).
  const ast = await openapiTS(specText, { alphabetize: false, exportType: false, defaultNonNullable: false });
  await writeFile(join(outDir, 'schema.d.ts'), tsHeader('openapi-typescript') + astToString(ast));
  await writeFile(join(outDir, 'enums.ts'), tsHeader('x-enum-varnames') + renderNamedEnums(doc));
  await writeFile(join(outDir, 'fields.ts'), tsHeader('request body fields') + renderRequestFields(doc));
  await writeFile(join(outDir, 'response-schemas.ts'), tsHeader('response schemas') + renderResponseSchemas(doc));
  await writeFile(join(outDir, 'jobs-schema.ts'), renderJobsSchemaModule(doc));
  await mkdir(schemaOutDir, { recursive: true });
  await writeFile(join(schemaOutDir, 'jobs.schema.json'), renderJobsSchemaJson(doc));
}

function propertyNames(doc, schema, seen = new Set()) {
  if (!schema || typeof schema !== 'object') return [];
  if (typeof schema.$ref === 'string') {
    if (seen.has(schema.$ref)) return [];
    seen.add(schema.$ref);
    const name = schema.$ref.replace('#/components/schemas/', '');
    return propertyNames(doc, doc.components?.schemas?.[name], seen);
  }
  const names = Object.keys(schema.properties ?? {});
  for (const part of schema.allOf ?? []) names.push(...propertyNames(doc, part, seen));
  return [...new Set(names)];
}

// The fields a create request accepts, per schema: what a copy of an object keeps (everything else is set by the API).
function renderRequestFields(doc) {
  const out = [];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    if (!/Create$/.test(name)) continue;
    const names = propertyNames(doc, schema);
    if (names.length === 0) continue;
    out.push(`/** Properties of \`components["schemas"]["${name}"]\`. */`);
    out.push(`export const ${name}Fields = ${JSON.stringify(names)} as const;`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : 'export {};\n';
}

// Integer enums (run status, ...) carry names in `x-enum-varnames`; a union like `1 | 2 | 3` cannot, so each
// such schema also becomes a frozen object of name → value plus a type of its values.
function renderNamedEnums(doc) {
  const out = [];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const names = schema['x-enum-varnames'];
    if (!Array.isArray(names) || !Array.isArray(schema.enum)) continue;
    if (names.length !== schema.enum.length) {
      throw new Error(
        `components.schemas.${name}: x-enum-varnames has ${names.length} names for ${schema.enum.length} values`,
      );
    }
    const notes = schema['x-enum-descriptions'] ?? [];
    out.push(`/** Named values of \`components["schemas"]["${name}"]\`. */`);
    out.push(`export const ${name} = {`);
    names.forEach((member, i) => {
      if (notes[i]) out.push(`  /** ${String(notes[i]).replace(/\*\//g, '* /')} */`);
      out.push(`  ${member}: ${JSON.stringify(schema.enum[i])},`);
    });
    out.push('} as const;');
    out.push(`export type ${name} = (typeof ${name})[keyof typeof ${name}];`);
    out.push('');
  }
  return out.length > 0 ? out.join('\n') : 'export {};\n';
}

export const generatedFiles = [
  'openapi.yaml',
  'schema.d.ts',
  'enums.ts',
  'fields.ts',
  'response-schemas.ts',
  'jobs-schema.ts',
];

// ---- response-schemas.ts: what the opt-in response validation (src/validate-responses/) needs, and nothing more:
// the 2xx response schemas per operation and the component schemas they reach, as JSON Schema 2020-12 without
// annotations (descriptions and examples are most of the spec's size and validate nothing).

const componentRef = '#/components/schemas/';
// Keywords whose value is a map of name → schema, a list of schemas, or one schema. Everything else is copied.
const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const schemaSingles = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
]);
// Annotations (and `format`, which the validator does not assert): dropped to keep the module small.
const annotations = new Set([
  'description',
  'title',
  'summary',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'externalDocs',
  'xml',
  'format',
  'contentMediaType',
  'contentEncoding',
  '$comment',
]);

/**
 * OpenAPI's discriminator (oneOf + a tag property + a mapping) as plain JSON Schema: the tag must be one of the
 * mapped values, and the value's tag picks the one schema it is checked against. A validator then reports what
 * is wrong inside the chosen shape, rather than "matches none of the N shapes".
 */
function expandDiscriminator(schema) {
  const { oneOf, discriminator, ...rest } = schema;
  const mapping = discriminator?.mapping;
  if (!Array.isArray(oneOf) || !mapping || Object.keys(mapping).length === 0) {
    const { discriminator: _dropped, ...withoutTag } = schema;
    return withoutTag;
  }
  const tag = discriminator.propertyName;
  const tagged = { required: [tag], properties: { [tag]: { enum: Object.keys(mapping) } } };
  const branches = Object.entries(mapping).map(([value, $ref]) => ({
    if: { properties: { [tag]: { const: value } } },
    then: { $ref },
  }));
  return { ...rest, allOf: [...(rest.allOf ?? []), tagged, ...branches] };
}

function slimSchema(schema) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const source = schema.discriminator ? expandDiscriminator(schema) : schema;
  const out = {};
  for (const [key, value] of Object.entries(source)) {
    if (annotations.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref') {
      if (typeof value !== 'string' || !value.startsWith(componentRef))
        throw new Error(`response-schemas: unsupported $ref ${JSON.stringify(value)}`);
      out.$ref = `#/$defs/${value.slice(componentRef.length)}`;
    } else if (schemaMaps.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, slimSchema(sub)]));
    } else if (schemaLists.has(key)) {
      out[key] = value.map(slimSchema);
    } else if (schemaSingles.has(key)) {
      out[key] = slimSchema(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function referencedComponents(schema, found = new Set()) {
  if (Array.isArray(schema)) for (const item of schema) referencedComponents(item, found);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) found.add(value.slice(8));
      else referencedComponents(value, found);
    }
  }
  return found;
}

const resolveLocal = (doc, node) => {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((at, part) => at?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return current;
};
const isJsonMedia = (type) => /^application\/(?:[\w.-]+\+)?json$/i.test(type);
const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function renderResponseSchemas(doc) {
  const defs = {};
  const operations = {};
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    for (const method of httpMethods) {
      const operation = item?.[method];
      if (!operation) continue;
      const responses = {};
      for (const [status, declared] of Object.entries(operation.responses ?? {})) {
        if (!/^2(?:\d\d|XX)$/.test(status)) continue;
        const content = {};
        for (const [media, entry] of Object.entries(resolveLocal(doc, declared)?.content ?? {})) {
          if (!isJsonMedia(media) || !entry?.schema) {
            content[media] = null;
            continue;
          }
          const schema = slimSchema(entry.schema);
          const keys = Object.keys(schema);
          // A bare component reference is named as is; an inline schema becomes a definition of its own.
          const name =
            keys.length === 1 && keys[0] === '$ref' ? schema.$ref.slice(8) : `${operation.operationId}.${status}`;
          if (!(keys.length === 1 && keys[0] === '$ref')) {
            if (name in defs) throw new Error(`response-schemas: two inline schemas named ${name}`);
            defs[name] = schema;
          }
          content[media] = name;
        }
        responses[status] = content;
      }
      const info = { operationId: operation.operationId, responses };
      if (method === 'get') {
        const query = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
          .map((parameter) => resolveLocal(doc, parameter))
          .filter((parameter) => parameter?.in === 'query');
        const required = query.filter((parameter) => parameter.required).map((parameter) => parameter.name);
        if (required.length > 0) info.requiredQuery = required;
        if (query.some((parameter) => parameter.name === 'limit')) info.limit = true;
      }
      operations[`${method.toUpperCase()} ${template}`] = info;
    }
  }
  // The component schemas reachable from those responses, each slimmed once.
  const pending = [...referencedComponents(defs), ...Object.values(operations).flatMap(namesOf)];
  while (pending.length > 0) {
    const name = pending.pop();
    if (name in defs) continue;
    const schema = doc.components?.schemas?.[name];
    if (!schema) throw new Error(`response-schemas: components.schemas.${name} is referenced but missing`);
    defs[name] = slimSchema(schema);
    pending.push(...referencedComponents(defs[name]));
  }
  const sortedDefs = Object.keys(defs).sort();
  const lines = [
    '/** The `$id` the definitions are registered under; `$ref`s inside them are relative to it. */',
    "export const responseSchemasId = 'urn:dbt-cloud-ts:response-schemas';",
    '',
    '/** Per operation (`METHOD /path/template`): for each 2xx status, media type → definition name (null: not JSON). */',
    'export interface ResponseOperation {',
    '  readonly operationId: string;',
    '  readonly responses: Readonly<Record<string, Readonly<Record<string, string | null>>>>;',
    '  /** GET only: query parameters the operation cannot be called without. */',
    '  readonly requiredQuery?: readonly string[];',
    '  /** GET only: the operation takes `limit`. */',
    '  readonly limit?: boolean;',
    '}',
    '',
    'export const responseOperations: Readonly<Record<string, ResponseOperation>> = {',
    ...Object.entries(operations).map(([key, info]) => `  ${JSON.stringify(key)}: ${JSON.stringify(info)},`),
    '};',
    '',
    '/** JSON Schema 2020-12 definitions (`$defs`), without annotations. */',
    'export const responseSchemaDefs: Readonly<Record<string, unknown>> = {',
    ...sortedDefs.map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(defs[name])},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

function namesOf(info) {
  return Object.values(info.responses).flatMap((content) => Object.values(content).filter((name) => name !== null));
}

/** Runs the whole pipeline into a scratch folder and returns the names of generated files that differ. */
export async function findDrift() {
  const scratch = await mkdtemp(join(tmpdir(), 'dbt-cloud-drift-'));
  try {
    await bundleSpec(scratch);
    await generateTypes(scratch, scratch);
    const drifted = [];
    for (const file of generatedFiles) {
      const expected = await readFile(join(scratch, file), 'utf8');
      const actual = await readFile(join(generatedDir, file), 'utf8').catch(() => null);
      if (actual !== expected) drifted.push(file);
    }
    const jobsSchema = await readFile(join(scratch, 'jobs.schema.json'), 'utf8');
    if ((await readFile(join(schemasDir, 'jobs.schema.json'), 'utf8').catch(() => null)) !== jobsSchema) {
      drifted.push('../schemas/jobs.schema.json');
    }
    return drifted;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
