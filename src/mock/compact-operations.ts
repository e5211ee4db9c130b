// Prism dereferences the spec, so every operation carries its schemas written out in full: a component used in ten
// places is ten copies, and the largest operations hold 1.8 MB of schema. Prism's validator compiles an operation's
// schemas with ajv on the operation's first request, which for those takes seconds. Compacting an operation writes
// each subschema that occurs more than once in it a single time, in the operation's `__bundled__` (where Prism already
// keeps the parts of cyclic schemas and hands them to ajv and the generators), and puts a `$ref` to it in its places.
//
// Before validating a body, Prism merges the body schema's `allOf`s and strips readOnly properties from a request
// body's schema (writeOnly from a response's), walking the schema but never following a `$ref`. So each body schema is
// first put in that form here, with the same functions, and only then compacted: Prism's own pass then changes
// nothing, and ajv validates against what it did before. A body schema that cannot be put in that form (the merge
// fails) is left as it is. Responses generated from a schema (no example) leave out writeOnly properties, as they
// should.
import { createHash } from 'node:crypto';

type Maybe<T> = { _tag: 'Some'; value: T } | { _tag: 'None' };

/** Prism's normalisation of a body schema before validation (prism-http's validator/validators/body.js). */
export interface BodyNormalizers {
  mergeAllOf(schema: object, options: { deep: boolean; ignoreAdditionalProperties: boolean }): object;
  stripReadOnlyProperties(schema: object): Maybe<object>;
  stripWriteOnlyProperties(schema: object): Maybe<object>;
}

/** Part of the operations cache's key: bumped whenever what compacting writes changes, so no old entry is read. */
export const compactionFormat = 4;

/** Subschemas shorter than this (as JSON text) stay where they are: a `$ref` would save little. */
const smallestShared = 400;
const sharedPrefix = 'shared_';

// Where JSON Schema keeps subschemas: a schema, an array of schemas, or a map of names to schemas. Anything else in a
// schema (enum, examples, default, required, x-...) is data and is copied as it is.
const schemaKeywords = new Set([
  'additionalItems',
  'additionalProperties',
  'contains',
  'else',
  'if',
  'items',
  'not',
  'propertyNames',
  'then',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const schemaListKeywords = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
const schemaMapKeywords = new Set(['$defs', 'definitions', 'dependentSchemas', 'patternProperties', 'properties']);

interface Content {
  schema?: unknown;
}
interface Operation {
  request?: { body?: { contents?: Content[] } };
  responses?: Array<{ contents?: Content[] }>;
  __bundled__?: Record<string, unknown>;
}

/** Compacts every operation in place (see above) and returns the same array. */
export function compactOperations(operations: unknown[], normalizers: BodyNormalizers): unknown[] {
  for (const operation of operations as Operation[]) compactOperation(operation, normalizers);
  return operations;
}

/** A body schema as Prism validates it: `allOf`s merged, then stripped; undefined when that fails. */
function normalized(schema: object, normalizers: BodyNormalizers, strip: 'read' | 'write'): object | undefined {
  let merged: object;
  try {
    merged = normalizers.mergeAllOf(schema, { deep: true, ignoreAdditionalProperties: true });
  } catch {
    return undefined;
  }
  const stripped =
    strip === 'read' ? normalizers.stripReadOnlyProperties(merged) : normalizers.stripWriteOnlyProperties(merged);
  return stripped._tag === 'Some' ? stripped.value : undefined;
}

function compactOperation(operation: Operation, normalizers: BodyNormalizers): void {
  const bodies: Content[] = [];
  const take = (content: Content, strip: 'read' | 'write') => {
    if (!isObject(content.schema)) return;
    const schema = normalized(content.schema, normalizers, strip);
    if (schema) {
      content.schema = schema;
      bodies.push(content);
    }
  };
  for (const content of operation.request?.body?.contents ?? []) take(content, 'read');
  for (const response of operation.responses ?? [])
    for (const content of response.contents ?? []) take(content, 'write');
  const bundle = operation.__bundled__ ?? {};
  const roots = [...bodies.map((content) => content.schema), ...Object.values(bundle)];

  const fingerprints = new Fingerprints();
  const occurrences = new Map<string, number>();
  const count = (schema: unknown) => {
    if (!isObject(schema) || Array.isArray(schema)) return;
    const { key, size } = fingerprints.of(schema);
    if (size >= smallestShared) occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
    forEachSubschema(schema, count);
  };
  for (const root of roots) count(root);

  const place = (schema: unknown): unknown => {
    if (!isObject(schema) || Array.isArray(schema) || isReference(schema)) return schema;
    const { key, size } = fingerprints.of(schema);
    if (size < smallestShared || (occurrences.get(key) ?? 0) < 2) return rewrite(schema);
    const name = sharedPrefix + sha256(key);
    bundle[name] ??= rewrite(schema);
    return { $ref: `#/__bundled__/${name}` };
  };
  const rewrite = (schema: object): object => mapSubschemas(schema, place);
  for (const content of bodies) content.schema = rewrite(content.schema as object);
  for (const [name, entry] of Object.entries(bundle)) {
    if (!name.startsWith(sharedPrefix) && isObject(entry) && !Array.isArray(entry)) bundle[name] = rewrite(entry);
  }
  if (Object.keys(bundle).length > 0) operation.__bundled__ = bundle;
}

/** Whether a schema keyword holds one subschema, a list of them, a map of names to them, or data. */
function holds(keyword: string, value: unknown): 'one' | 'list' | 'map' | undefined {
  if (Array.isArray(value)) return schemaListKeywords.has(keyword) ? 'list' : undefined;
  if (!isObject(value)) return undefined;
  if (schemaMapKeywords.has(keyword)) return 'map';
  return schemaKeywords.has(keyword) ? 'one' : undefined;
}

function forEachSubschema(schema: object, visit: (subschema: unknown) => void): void {
  for (const [keyword, value] of Object.entries(schema)) {
    const kind = holds(keyword, value);
    if (kind === 'one') visit(value);
    else if (kind === 'list') (value as unknown[]).forEach(visit);
    else if (kind === 'map') Object.values(value as object).forEach(visit);
  }
}

/** A copy of `schema` with each direct subschema replaced by `map(subschema)`. */
function mapSubschemas(schema: object, map: (subschema: unknown) => unknown): object {
  const copy: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    const kind = holds(keyword, value);
    if (kind === 'one') copy[keyword] = map(value);
    else if (kind === 'list') copy[keyword] = (value as unknown[]).map(map);
    else if (kind === 'map') {
      copy[keyword] = Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, map(sub)]));
    } else copy[keyword] = value;
  }
  return copy;
}

/** A key equal for equal content, and the JSON size, of any value; each object's worked out once, from the leaves up. */
class Fingerprints {
  private readonly known = new WeakMap<object, { key: string; size: number }>();
  /** Texts of larger subtrees, each with the short key it stands for (`#` and a number). */
  private readonly numbered = new Map<string, string>();

  of(value: unknown): { key: string; size: number } {
    if (!isObject(value)) {
      const text = JSON.stringify(value) ?? 'null';
      return { key: text, size: text.length };
    }
    const known = this.known.get(value);
    if (known) return known;
    let text = Array.isArray(value) ? '[' : '{';
    let size = 2;
    for (const [name, child] of Object.entries(value)) {
      const inner = this.of(child);
      text += `${JSON.stringify(name)}:${inner.key},`;
      size += name.length + 3 + inner.size;
    }
    // Most subtrees are small ({ "type": "string" }): their text is their key. A larger one gets a number, the same for
    // the same text (a lookup, far cheaper than hashing each one), so a parent's text stays short. A text starts with
    // `{` or `[` and a leaf's with neither, a number with `#`, so no two can be confused; a shared entry is named by a
    // hash of its key.
    let key = text;
    if (text.length > 64) {
      key = this.numbered.get(text) ?? `#${this.numbered.size}`;
      this.numbered.set(text, key);
    }
    const measured = { key, size };
    this.known.set(value, measured);
    return measured;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** A `$ref` node is already a pointer: it stays as it is. */
function isReference(node: object): boolean {
  return typeof (node as { $ref?: unknown }).$ref === 'string';
}
