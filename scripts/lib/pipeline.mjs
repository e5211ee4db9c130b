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

/** Runs the whole pipeline into a scratch folder and returns the names of generated files that differ. */
export async function findDrift() {
  const scratch = await mkdtemp(join(tmpdir(), 'dbt-cloud-drift-'));
  try {
    await bundleSpec(scratch);
    await generateTypes(scratch, scratch);
    const drifted = [];
    for (const file of ['openapi.yaml', 'schema.d.ts', 'enums.ts', 'fields.ts', 'jobs-schema.ts']) {
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
