// npm run spec:breaking -- <old.yaml> <new.yaml>
// Classifies the differences between two versions of our spec as breaking, non-breaking or annotation
// changes, for a client built on it. The diff itself is api-smart-diff's (it resolves $refs and knows which
// changes break a request or a response); we only adjust a few of its classes, each with the reason, and report
// a change to a shared schema once, under the schema, rather than once per operation that uses it.
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

/**
 * Whether the path enters an `example` or `examples` (of a media type, parameter or schema): examples illustrate
 * and are not part of any contract, however their content changes. A property named `example` is not one.
 */
function inExample(path) {
  return path.some((key, i) => (key === 'example' || key === 'examples') && !subschemaKeywords.has(path[i - 1]));
}

/** Our class for one api-smart-diff entry. */
function classify(diff) {
  if (inExample(diff.path)) return 'annotation';
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

const maxLineLength = 120;
const singular = { schemas: 'schema', responses: 'response', parameters: 'parameter', requestBodies: 'request body' };

/** Shortens the JSON media type part of a place inside an operation: `responses.200.content.application/json.schema`. */
function shortPlace(keys) {
  const json = (at) => keys[at] === 'content' && keys[at + 1] === 'application/json';
  const rest = (from) => keys.slice(keys[from] === 'schema' ? from + 1 : from);
  const [head, tail] =
    keys[0] === 'responses' && json(2)
      ? [`response ${keys[1]}`, rest(4)]
      : keys[0] === 'requestBody' && json(1)
        ? ['request body', rest(3)]
        : [undefined, keys];
  return [head, tail.join('.')].filter(Boolean).join(' ');
}

/** `GET /runs/{id}/ response 200 properties.id` for changes inside an operation, the dotted path otherwise. */
function locate(path) {
  if (path[0] === 'paths' && path.length >= 3) {
    const rest = shortPlace(path.slice(3));
    return `${String(path[2]).toUpperCase()} ${path[1]}${rest ? ` ${rest}` : ''}`;
  }
  return path.join('.');
}

function pointer(doc, ref) {
  let node = doc;
  for (const key of ref.slice(2).split('/')) node = node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')];
  return node;
}

/**
 * Where a change inside an operation really lives: walks the unresolved document along the path, following each
 * `$ref`, and returns the last named component passed (`schema Run`) with the rest of the path inside it.
 * Changes in an operation's own inline parts have no origin.
 */
function originOf(doc, path) {
  let node = doc;
  let origin;
  for (let i = 0; ; i++) {
    let followed = false;
    let named;
    for (let hops = 0; node && typeof node === 'object' && typeof node.$ref === 'string' && hops < 64; hops++) {
      named = /^#\/components\/(\w+)\/([^/]+)$/.exec(node.$ref) ?? named;
      if (named) origin = { kind: singular[named[1]] ?? named[1], name: named[2], start: i };
      node = node.$ref.startsWith('#/') ? pointer(doc, node.$ref) : undefined;
      followed = true;
    }
    // api-smart-diff writes a resolved `$ref` as `allOf: [<the schema>]`: step over that `allOf.0`.
    if (followed && path[i] === 'allOf' && Number(path[i + 1]) === 0 && node && !('allOf' in node)) {
      i += 2;
      if (named) origin.start = i;
    }
    if (i >= path.length) break;
    if (node === null || typeof node !== 'object') {
      // A removed or added leaf is missing on one side; anything deeper means the walk lost its way.
      if (i < path.length - 1) return undefined;
      break;
    }
    node = node[path[i]];
  }
  return origin && { label: `${origin.kind} ${origin.name}`, inside: path.slice(origin.start) };
}

function describe(diff) {
  if (inExample(diff.path)) return 'example (not part of the contract)';
  const description = diff.description || `${diff.action} ${diff.path.slice(-2).join('.')}`;
  const schema = schemaOf(diff.path);
  const step = schema ? lastStep(diff.path, schema.start) : {};
  // Where a shared $ref is used again, api-smart-diff words a property change as `annotation (<name>)`;
  // the path it gives is right.
  if (step.keyword !== 'properties' || step.name === undefined) return description;
  return description.replace(`annotation (${step.name})`, `property \`${step.name}\``);
}

/** api-smart-diff's description without the operation-specific tail (`in Response 200 content (...)`). */
const withoutContext = (description) =>
  description
    .replace(/ of `[^`]*`/, '')
    .replace(/\s*in (?:Response \w+|Request body|Request) content(?: \([^)]*\))?\s*$/i, '')
    .trim();

/** What a change does, apart from where: the same edit seen at a component and at every operation that uses it. */
const signature = (diff) => JSON.stringify([diff.action, diff.path.at(-1), diff.before ?? null, diff.after ?? null]);

/**
 * `schema Run description`: a component and the path inside it. Any change inside an example is one change of that
 * example (a list of examples edited is one line, not one per item), and a named example is one whole.
 */
function placeOf(label, inside) {
  const example = inside.findIndex(
    (key, i) => (key === 'example' || key === 'examples') && !subschemaKeywords.has(inside[i - 1]),
  );
  const kept = label.startsWith('example ') ? [] : example >= 0 ? inside.slice(0, example + 1) : inside;
  return `${label}${kept.length ? ` ${kept.join('.')}` : ''}`;
}

/** `schema Run` and the path inside it, for a diff under `components`. */
function componentOf(path) {
  const kind = singular[path[1]] ?? (path[1] === 'examples' ? 'example' : path[1]);
  return { label: `${kind} ${path[2]}`, inside: path.slice(3) };
}

/**
 * Classifies the changes from one parsed OpenAPI document to the next. A change inside a shared component is one
 * entry (with `origin`, e.g. `schema Run`, and the operations it reaches), not one per operation.
 */
export function classifyChanges(oldDoc, newDoc) {
  // apiDiff rewrites parts of the documents it is given, so it gets copies.
  const diffs = apiDiff(structuredClone(oldDoc), structuredClone(newDoc));
  // The same change under `components`, by what it does: where api-smart-diff merged a `$ref` into an `allOf` or a
  // `oneOf` (a `$ref` beside other keywords), the operation's path no longer follows the document, and an edit
  // that does the same thing as a component's is that component's.
  const inComponents = new Map();
  for (const diff of diffs.filter((d) => d.path[0] === 'components' && d.path.length >= 3)) {
    // api-smart-diff resolves the `$ref`s between components too, so a change shows again in every component that
    // uses the one it is in: the component it is in is where the path inside is shortest.
    const key = signature(diff);
    const found = { diff, ...componentOf(diff.path) };
    const known = inComponents.get(key);
    if (!known || found.inside.length < known.inside.length) inComponents.set(key, found);
  }
  const changes = new Map();
  const reached = new Set();
  // A change to a shared component is reported again, with its request or response side, at every operation
  // that uses it; the copy under components has neither that side nor a description, so it is left out.
  for (const diff of diffs.filter((d) => d.path[0] !== 'components' || d.path[1] === 'securitySchemes')) {
    const cls = classify(diff);
    const operation = diff.path[0] === 'paths' && diff.path.length >= 3 ? locate(diff.path.slice(0, 3)) : undefined;
    const same = operation ? inComponents.get(signature(diff)) : undefined;
    const origin =
      originOf(diff.action === 'remove' ? oldDoc : newDoc, diff.path) ??
      originOf(diff.action === 'remove' ? newDoc : oldDoc, diff.path) ??
      (same ? { label: same.label, inside: same.inside } : undefined);
    if (same) reached.add(same.diff);
    const where = origin ? placeOf(origin.label, origin.inside) : locate(diff.path);
    const action = origin && inExample(diff.path) ? 'change' : diff.action;
    const key = `${cls} ${action} ${where}`;
    const known = changes.get(key);
    if (known) {
      if (operation && !known.operations.includes(operation)) known.operations.push(operation);
      continue;
    }
    const description = describe(diff);
    changes.set(key, {
      class: cls,
      action,
      path: diff.path,
      where,
      origin: origin?.label,
      operations: operation ? [operation] : [],
      description: origin ? withoutContext(description) : description,
    });
  }
  // A component's annotation that no operation shows (a named example, or a description every use replaces with
  // its own) is still one line, so that no edit goes unreported.
  for (const { diff, label, inside } of inComponents.values()) {
    if (reached.has(diff) || classify(diff) !== 'annotation') continue;
    const where = placeOf(label, inside);
    const example = diff.path[1] === 'examples' || inExample(diff.path);
    const action = example ? 'change' : diff.action;
    if ([...changes.values()].some((c) => c.where === where)) continue;
    changes.set(`annotation ${action} ${where}`, {
      class: 'annotation',
      action,
      path: diff.path,
      where,
      origin: label,
      operations: [],
      description: example ? 'example (not part of the contract)' : describe(diff),
    });
  }
  return [...changes.values()];
}

export function summarize(changes) {
  const counts = classes.map((name) => `${changes.filter((c) => c.class === name).length} ${name}`);
  return `spec:breaking: ${counts.join(', ')}`;
}

/** One line, cut to `maxLineLength` characters. */
const fit = (line) => (line.length > maxLineLength ? `${line.slice(0, maxLineLength - 1)}…` : line);

export function formatReport(changes) {
  const lines = [];
  for (const name of classes) {
    const group = changes.filter((c) => c.class === name);
    if (group.length === 0) continue;
    lines.push(`${name} (${group.length}):`);
    for (const c of group) {
      const reach =
        c.operations.length && c.origin
          ? ` (${c.operations.length} operation${c.operations.length === 1 ? '' : 's'})`
          : '';
      lines.push(fit(`  ${c.class}  ${c.action}  ${c.where}${reach}  ${c.description}`));
    }
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
