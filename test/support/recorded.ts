// Turns the bundled spec into JSON Schema validators (Ajv, draft 2020-12) for the recorded-response contract test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSpec } from './spec.js';

type Json = Record<string, any>;

export const recordedDir = fileURLToPath(new URL('../fixtures/recorded/', import.meta.url));

export type RecordedTarget =
  | { operation: { method: string; path: string; status: number } }
  | { webhook: string }
  | { artifact: 'run_results' | 'manifest' | 'catalog' | 'sources' }
  | { schema: string; array?: boolean };

export type RecordedEntry = RecordedTarget & { placeholder?: boolean };

export function loadIndex(): Record<string, RecordedEntry> {
  return JSON.parse(readFileSync(new URL('index.json', `file://${recordedDir}`), 'utf8')).files;
}

const artifactSchemas = {
  run_results: 'RunResultsArtifact',
  manifest: 'ManifestArtifact',
  catalog: 'CatalogArtifact',
  sources: 'SourcesArtifact',
} as const;

const SPEC_ID = 'openapi.json';
// ajv-formats is published as CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Walks `segments` from the spec root, following `$ref`s met on the way; returns the JSON pointer reached. */
function pointerTo(doc: Json, segments: string[]): string {
  let pointer = '';
  let node: any = doc;
  for (const segment of segments) {
    while (node && typeof node.$ref === 'string') {
      pointer = node.$ref.slice(1);
      node = pointer
        .split('/')
        .slice(1)
        .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((parent: any, key: string) => parent?.[key], doc);
    }
    node = node?.[segment];
    if (node === undefined) throw new Error(`The spec has nothing at ${pointer}/${escapePointer(segment)}`);
    pointer += `/${escapePointer(segment)}`;
  }
  return pointer;
}

/** Where the schema a recorded file must match lives in the spec, as a JSON pointer. */
export function schemaPointer(doc: Json, target: RecordedTarget): string {
  if ('operation' in target) {
    const { method, path, status } = target.operation;
    return pointerTo(doc, [
      'paths',
      path,
      method,
      'responses',
      String(status),
      'content',
      'application/json',
      'schema',
    ]);
  }
  if ('webhook' in target)
    return pointerTo(doc, ['webhooks', target.webhook, 'post', 'requestBody', 'content', 'application/json', 'schema']);
  const name = 'artifact' in target ? artifactSchemas[target.artifact] : target.schema;
  return pointerTo(doc, ['components', 'schemas', name]);
}

/**
 * Placeholder data ("string", 0) is checked for shape and JSON types only: a copy of the spec without the keywords
 * that constrain values or presence. Only keyword positions are touched (a property *named* `required` holds an
 * object, never an array, so it is left alone).
 */
function typesOnly(node: any): any {
  if (Array.isArray(node)) return node.map(typesOnly);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'required' || key === 'enum') && Array.isArray(value)) continue;
    if ((key === 'format' || key === 'pattern') && typeof value === 'string') continue;
    if (key === 'const' && (value === null || typeof value !== 'object')) continue;
    if (/^(minimum|maximum|exclusiveMinimum|exclusiveMaximum|minLength|maxLength|minItems|maxItems)$/.test(key))
      if (typeof value === 'number') continue;
    out[key] = typesOnly(value);
  }
  return out;
}

export interface RecordedValidator {
  validate(target: RecordedTarget, data: unknown, options?: { placeholder?: boolean }): ErrorObject[];
}

export function createRecordedValidator(doc: Json = loadSpec()): RecordedValidator {
  const build = (spec: Json) => {
    // strict: false, because the spec document carries OpenAPI keywords (paths, example, discriminator...) that are not
    // JSON Schema; every $ref must still resolve, or compiling throws.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...spec, $id: SPEC_ID });
    return ajv;
  };
  const full = build(doc);
  const loose = build(typesOnly(doc));
  const cache = new Map<string, ValidateFunction>();
  return {
    validate(target, data, { placeholder = false } = {}) {
      const pointer = schemaPointer(doc, target);
      const array = 'schema' in target && target.array === true;
      const key = `${placeholder}|${array}|${pointer}`;
      let check = cache.get(key);
      if (!check) {
        const ref = { $ref: `${SPEC_ID}#${pointer}` };
        check = (placeholder ? loose : full).compile(array ? { type: 'array', items: ref } : ref);
        cache.set(key, check);
      }
      return check(data) ? [] : [...(check.errors ?? [])];
    },
  };
}

/** One line per violation: where in the file, and what the spec expected. */
export function describeErrors(errors: ErrorObject[], limit = 15): string {
  const lines = errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  return lines.slice(0, limit).join('\n') + (lines.length > limit ? `\n… ${lines.length - limit} more` : '');
}
