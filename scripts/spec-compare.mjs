// npm run spec:compare -- <other.yaml> [<ours.yaml>]
// Lists the operations (method + path) one spec has and the other lacks, and for shared operations the
// parameters and response fields that differ. Exits 1 when the other spec has an operation ours lacks.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const maxFieldDepth = 4;

function follow(doc, node, seen = new Set()) {
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (!current.$ref.startsWith('#/') || seen.has(current.$ref)) return {};
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((parent, key) => parent?.[key], doc);
  }
  return current ?? {};
}

/** Dotted names of the fields a schema describes (`data.id`, `data[].job.name`), to a fixed depth. */
export function schemaFields(doc, schema, prefix = '', depth = 0, refsOnPath = new Set()) {
  const fields = new Set();
  if (!schema || depth > maxFieldDepth) return fields;
  if (schema.$ref) {
    if (refsOnPath.has(schema.$ref)) return fields; // recursive schema
    const onPath = new Set(refsOnPath).add(schema.$ref);
    return schemaFields(doc, follow(doc, schema), prefix, depth, onPath);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of schema[key] ?? []) {
      for (const field of schemaFields(doc, part, prefix, depth, refsOnPath)) fields.add(field);
    }
  }
  if (schema.items) {
    for (const field of schemaFields(doc, schema.items, `${prefix}[]`, depth, refsOnPath)) fields.add(field);
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    fields.add(path);
    for (const field of schemaFields(doc, child, path, depth + 1, refsOnPath)) fields.add(field);
  }
  return fields;
}

function operationsOf(doc) {
  const operations = new Map();
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = follow(doc, rawItem);
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = new Set(
        [...(item.parameters ?? []), ...(operation.parameters ?? [])]
          .map((p) => follow(doc, p))
          .map((p) => `${p.in}:${p.name}`),
      );
      const success = Object.entries(operation.responses ?? {}).find(([code]) => /^2/.test(code));
      const response = success ? follow(doc, success[1]) : {};
      const json = Object.entries(response.content ?? {}).find(([type]) => type.includes('json'));
      const fields = json ? schemaFields(doc, json[1].schema) : new Set();
      operations.set(`${method.toUpperCase()} ${path}`, { parameters, fields });
    }
  }
  return operations;
}

const minus = (a, b) => [...a].filter((x) => !b.has(x)).sort();

// A field one side lacks hides its children: `data.job` only in ours need not list `data.job.name` too.
function topmost(fields) {
  const kept = [];
  for (const field of fields) {
    if (!kept.some((parent) => field.startsWith(`${parent}.`) || field.startsWith(`${parent}[]`))) kept.push(field);
  }
  return kept;
}

/** Compares two parsed OpenAPI documents. */
export function compareSpecs(ours, theirs) {
  const a = operationsOf(ours);
  const b = operationsOf(theirs);
  const missing = minus(b.keys(), new Set(a.keys()));
  const extra = minus(a.keys(), new Set(b.keys()));
  const changed = [];
  for (const [key, mine] of a) {
    const other = b.get(key);
    if (!other) continue;
    const diff = {
      operation: key,
      parametersOnlyInOurs: minus(mine.parameters, other.parameters),
      parametersOnlyInTheirs: minus(other.parameters, mine.parameters),
      fieldsOnlyInOurs: topmost(minus(mine.fields, other.fields)),
      fieldsOnlyInTheirs: topmost(minus(other.fields, mine.fields)),
    };
    if (Object.values(diff).some((v) => Array.isArray(v) && v.length > 0)) changed.push(diff);
  }
  return { ourCount: a.size, theirCount: b.size, missing, extra, changed };
}

export function formatReport(report, theirsName) {
  const lines = [
    `ours: ${report.ourCount} operations; ${theirsName}: ${report.theirCount} operations`,
    `missing from ours: ${report.missing.length}`,
    ...report.missing.map((op) => `  - ${op}`),
    `only in ours: ${report.extra.length}`,
    ...report.extra.map((op) => `  + ${op}`),
    `shared operations that differ: ${report.changed.length}`,
  ];
  for (const diff of report.changed) {
    lines.push(`  ${diff.operation}`);
    const show = (label, list) => list.length && lines.push(`    ${label}: ${list.join(', ')}`);
    show('parameters only in ours', diff.parametersOnlyInOurs);
    show('parameters only in theirs', diff.parametersOnlyInTheirs);
    show('response fields only in ours', diff.fieldsOnlyInOurs);
    show('response fields only in theirs', diff.fieldsOnlyInTheirs);
  }
  return lines.join('\n');
}

async function main(argv) {
  const [theirsFile, oursFile = fileURLToPath(new URL('../generated/openapi.yaml', import.meta.url))] = argv;
  if (!theirsFile || theirsFile === '--help' || theirsFile === '-h') {
    console.error('usage: npm run spec:compare -- <other.yaml> [<ours.yaml, default generated/openapi.yaml>]');
    return 2;
  }
  const [ours, theirs] = await Promise.all([oursFile, theirsFile].map(async (f) => parse(await readFile(f, 'utf8'))));
  const report = compareSpecs(ours, theirs);
  console.log(formatReport(report, theirsFile));
  return report.missing.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
