// npm run spec:breaking -- <old.yaml> <new.yaml>
// Classifies the differences between two versions of our spec as breaking, non-breaking or annotation
// changes, for a client built on it. The diff itself is api-smart-diff's (it resolves $refs and knows which
// changes break a request or a response); we only adjust a few of its classes, each with the reason.
// Exits 1 when any change is breaking, 2 on usage errors.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { apiDiff } from 'api-smart-diff';
import { parse } from 'yaml';

export const classes = ['breaking', 'non-breaking', 'annotation'];

// Schema keywords whose children are named or numbered subschemas: the key after them is not a keyword.
const subschemaKeywords = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
]);

/** Where a diff's path enters an operation's schema, and whether that schema describes a response. */
function schemaOf(path) {
  if (path[0] !== 'paths') return undefined;
  if (path[3] === 'responses' && path[7] === 'schema') return { start: 8, response: true };
  if (path[3] === 'requestBody' && path[6] === 'schema') return { start: 7, response: false };
  if (path[3] === 'parameters' && path[5] === 'schema') return { start: 6, response: false };
  return undefined;
}

/** The keyword the path ends in, and the property name when it ends in `properties/<name>`. */
function lastStep(path, start) {
  let step = {};
  for (let i = start; i < path.length; i++) {
    const key = path[i];
    step = subschemaKeywords.has(key) && i + 1 < path.length ? { keyword: key, name: path[++i] } : { keyword: key };
  }
  return step;
}

const types = (value) => new Set([value ?? []].flat());
const isSubset = (a, b) => [...a].every((x) => b.has(x));

/** Our class for one api-smart-diff entry. */
function classify(diff) {
  const schema = schemaOf(diff.path);
  const step = schema ? lastStep(diff.path, schema.start) : {};
  // The generated types drop a removed property, so code that reads it (response) or sets it (request) stops
  // compiling. api-smart-diff calls a removed request property, or an optional response one, non-breaking.
  if (diff.action === 'remove' && step.keyword === 'properties' && step.name !== undefined) return 'breaking';
  // api-smart-diff judges a replaced `type` by request rules and flips the result for responses, so
  // `integer` → `string` in a response comes out non-breaking. A type change only keeps clients working when
  // a request accepts more types than before, or a response sends fewer.
  if (diff.action === 'replace' && step.keyword === 'type' && step.name === undefined) {
    const [before, after] = [types(diff.before), types(diff.after)];
    return (schema.response ? isSubset(after, before) : isSubset(before, after)) ? 'non-breaking' : 'breaking';
  }
  if (diff.type === 'deprecated') return 'non-breaking'; // a deprecation warns; the call still works
  if (diff.type === 'unclassified') {
    // Our own extensions: x-enum-varnames become the constants of generated/enums.ts, so an added name is
    // a new constant, while a removed or renamed one breaks code that uses it.
    if (diff.path.includes('x-enum-descriptions')) return 'annotation';
    if (diff.path.includes('x-enum-varnames') && diff.action === 'add') return 'non-breaking';
    return 'breaking'; // anything the library could not judge needs a look before a release
  }
  return diff.type;
}

/** `GET /runs/{id}/ responses.200...` for changes inside an operation, the dotted JSON path otherwise. */
function locate(path) {
  if (path[0] === 'paths' && path.length >= 3) {
    const rest = path.slice(3).join('.');
    return `${String(path[2]).toUpperCase()} ${path[1]}${rest ? ` ${rest}` : ''}`;
  }
  return path.join('.');
}

function describe(diff) {
  const description = diff.description || `${diff.action} ${diff.path.join('.')}`;
  const schema = schemaOf(diff.path);
  const step = schema ? lastStep(diff.path, schema.start) : {};
  // Where a shared $ref is used again, api-smart-diff words a property change as `annotation (<name>)`;
  // the path it gives is right.
  if (step.keyword !== 'properties' || step.name === undefined) return description;
  return description.replace(`annotation (${step.name})`, `property \`${step.name}\``);
}

/** Classifies the changes from one parsed OpenAPI document to the next. */
export function classifyChanges(oldDoc, newDoc) {
  // apiDiff rewrites parts of the documents it is given, so it gets copies.
  const diffs = apiDiff(structuredClone(oldDoc), structuredClone(newDoc));
  return (
    diffs
      // A change to a shared component is reported again, with its request or response side, at every
      // operation that uses it; the copy under components has neither that side nor a description.
      .filter((diff) => diff.path[0] !== 'components' || diff.path[1] === 'securitySchemes')
      .map((diff) => ({
        class: classify(diff),
        action: diff.action,
        path: diff.path,
        where: locate(diff.path),
        description: describe(diff),
      }))
  );
}

export function summarize(changes) {
  const counts = classes.map((name) => `${changes.filter((c) => c.class === name).length} ${name}`);
  return `spec:breaking: ${counts.join(', ')}`;
}

export function formatReport(changes) {
  const lines = [];
  for (const name of classes) {
    const group = changes.filter((c) => c.class === name);
    if (group.length === 0) continue;
    lines.push(`${name} (${group.length}):`);
    for (const c of group) lines.push(`  ${c.class}  ${c.action}  ${c.where}  ${c.description}`);
  }
  lines.push(summarize(changes));
  return lines.join('\n');
}

async function readSpec(file) {
  const doc = parse(await readFile(file, 'utf8'));
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string') throw new Error('not an OpenAPI document');
  return doc;
}

async function main(argv) {
  const [oldFile, newFile] = argv;
  if (!oldFile || !newFile || argv.includes('--help') || argv.includes('-h')) {
    console.error('usage: npm run spec:breaking -- <old.yaml> <new.yaml>');
    return 2;
  }
  const docs = [];
  for (const file of [oldFile, newFile]) {
    try {
      docs.push(await readSpec(file));
    } catch (error) {
      console.error(`spec:breaking: cannot read ${file}: ${error.message}`);
      return 2;
    }
  }
  const changes = classifyChanges(docs[0], docs[1]);
  console.log(formatReport(changes));
  return changes.some((c) => c.class === 'breaking') ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
