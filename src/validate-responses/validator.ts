// Checks one response body against the bundled spec's schema for its operation and status, and describes each
// mismatch by where it is and which JSON types were expected and seen. A violation never carries a value from the
// body: bodies hold tokens, connection secrets and personal data.
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import {
  responseOperations,
  responseSchemaDefs,
  responseSchemasId,
  type ResponseOperation,
} from '../../generated/response-schemas.js';

export interface ResponseViolation {
  /** Method and path template, e.g. `GET /api/v2/accounts/{account_id}/runs/{id}/`. */
  operation: string;
  /** The spec's operationId, e.g. `getRun`. */
  operationId: string;
  /** HTTP status of the answer. */
  status: number;
  /** Where in the body, as a JSON path with array indexes folded: `$.data[*].finished_at`. */
  path: string;
  /** JSON Pointer of the first place it was seen, e.g. `/data/3/finished_at`. */
  instancePath: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`, ...), or `status` / `contentType`. */
  keyword: string;
  /** What the spec allows there: a JSON type, a union of them, or the allowed enum values. */
  expected: string;
  /** What the answer had there: a JSON type, `missing`, or a content type. Never a value. */
  seen: string;
  /** How many places in this answer share this path and mismatch (items of a list). */
  occurrences: number;
  /** One line: operation, status, path, expected and seen. */
  message: string;
}

export interface ResponseToCheck {
  method: string;
  /** The path template as the spec writes it. */
  template: string;
  status: number;
  /** The Content-Type header, or null when there was none. */
  contentType: string | null;
  /** The parsed JSON body; undefined when the body was empty. */
  body: unknown;
}

/** What a response to this operation and status should hold, as far as validation is concerned. */
export type Expectation =
  | { kind: 'unknown' } // not an operation of the spec, or not a 2xx status: nothing to check
  | { kind: 'status'; declared: string[] } // a 2xx status the spec does not declare for it
  | { kind: 'content'; operation: ResponseOperation; content: Readonly<Record<string, string | null>> };

// ajv is CommonJS: a default import is `module.exports`, the class itself, which also carries the class as `.default`
// (TypeScript types the import as that namespace). Either way `.default` is the class.
const Ajv2020 = Ajv2020Module.default;

let ajv: Ajv2020Module.default | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(definition: string): ValidateFunction {
  let validate = compiled.get(definition);
  if (validate) return validate;
  if (!ajv) {
    // strict off: the schemas are OpenAPI's dialect of 2020-12. Formats are not asserted (the API writes timestamps
    // its own way). verbose gives each error its schema and data, read below for types only.
    ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, validateSchema: false, validateFormats: false });
    ajv.addSchema({ $id: responseSchemasId, $defs: responseSchemaDefs });
  }
  validate = ajv.getSchema(`${responseSchemasId}#/$defs/${definition}`);
  if (!validate) throw new Error(`dbt-cloud-ts/validate: no schema ${definition} in the bundled spec`);
  compiled.set(definition, validate);
  return validate;
}

const mediaTypeOf = (contentType: string | null) => contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
/** application/json, or a JSON-based type such as application/scim+json (parameters allowed). */
export const isJsonMedia = (contentType: string | null) =>
  /^application\/(?:[\w.-]+\+)?json$/.test(mediaTypeOf(contentType));

/** The finding for a JSON-typed answer whose body does not parse as JSON. */
export function notJson(where: { operation: string; operationId: string; status: number }): ResponseViolation {
  return violation(where, '', 'type', 'JSON', 'a body that is not JSON');
}

/** What the spec declares for a response to `METHOD template` with `status`. */
export function expectationFor(method: string, template: string, status: number): Expectation {
  const operation = responseOperations[`${method.toUpperCase()} ${template}`];
  if (!operation || status < 200 || status > 299) return { kind: 'unknown' };
  const content = operation.responses[String(status)] ?? operation.responses['2XX'];
  if (!content) return { kind: 'status', declared: Object.keys(operation.responses) };
  return { kind: 'content', operation, content };
}

/** Whether a response needs its body read to be checked (a cheap test before cloning a body). */
export function needsBody(method: string, template: string, status: number): boolean {
  const expectation = expectationFor(method, template, status);
  return expectation.kind === 'content' && Object.values(expectation.content).some((name) => name !== null);
}

/** Checks one response; an empty list means it matches the spec (or the spec says nothing to check). */
export function checkResponse(response: ResponseToCheck): ResponseViolation[] {
  const method = response.method.toUpperCase();
  const expectation = expectationFor(method, response.template, response.status);
  const base = { operation: `${method} ${response.template}`, status: response.status };
  if (expectation.kind === 'unknown') return [];
  if (expectation.kind === 'status') {
    const operationId = responseOperations[base.operation]?.operationId ?? '';
    return [
      violation(
        { ...base, operationId },
        '',
        'status',
        expectation.declared.join(' | ') || 'no 2xx',
        String(response.status),
      ),
    ];
  }
  const { content, operation } = expectation;
  const where = { ...base, operationId: operation.operationId };
  const declared = Object.keys(content);
  if (declared.length === 0 || response.status === 204) return [];
  const media = mediaTypeOf(response.contentType);
  const jsonDeclared = declared.filter((type) => content[type] !== null);
  // A JSON answer under a sibling JSON media type (application/json for application/scim+json) is still checked.
  const definition =
    media in content ? content[media] : isJsonMedia(media) ? content[jsonDeclared[0] ?? ''] : undefined;
  if (definition === undefined) {
    return [violation(where, '', 'contentType', declared.join(' | '), media || 'no content type')];
  }
  if (definition === null) return [];
  const validate = validatorFor(definition);
  if (response.body === undefined) {
    return [violation(where, '', 'type', describe(responseSchemaDefs[definition]), 'empty body')];
  }
  if (validate(response.body)) return [];
  return fold(
    where,
    relevantErrors(validate.errors ?? []).map((error) => fromAjvError(error)),
  );
}

// ---- turning Ajv's errors into violations ----

type Found = { instancePath: string; keyword: string; expected: string; seen: string };

/** The JSON type of a value, with integers told apart from other numbers. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A short description of what a schema allows: its JSON types, enum values or the shapes it unites. */
export function describe(schema: unknown, depth = 0): string {
  if (schema === true || schema === undefined) return 'any';
  if (schema === false) return 'nothing';
  if (!schema || typeof schema !== 'object') return 'any';
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum)) return describeEnum(s.enum);
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (typeof s.type === 'string') return s.type;
  if (typeof s.$ref === 'string') {
    const target = responseSchemaDefs[refName(s.$ref)];
    return depth < 4 ? describe(target, depth + 1) : 'any';
  }
  const union = (Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined) as unknown[];
  if (union) return [...new Set(union.map((part) => describe(part, depth + 1)))].join(' | ');
  if (Array.isArray(s.allOf)) {
    const typed = s.allOf.map((part) => describe(part, depth + 1)).find((text) => text !== 'any');
    return typed ?? 'any';
  }
  return 'any';
}

function describeEnum(values: unknown[]): string {
  const shown = values.slice(0, 8).map((value) => JSON.stringify(value));
  return `one of ${shown.join(' | ')}${values.length > 8 ? ` (+${values.length - 8} more)` : ''}`;
}

const childPointer = (pointer: string, key: string) => `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function fromAjvError(error: ErrorObject): Found {
  const params = error.params as Record<string, unknown>;
  const at = error.instancePath;
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
      const expected = describe(properties?.[name]);
      return {
        instancePath: childPointer(at, name),
        keyword: 'required',
        expected: expected === 'any' ? 'present' : expected,
        seen: 'missing',
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      const value = (error.data as Record<string, unknown> | undefined)?.[name];
      return {
        instancePath: childPointer(at, name),
        keyword: error.keyword,
        expected: 'no such property',
        seen: jsonType(value),
      };
    }
    case 'enum':
    case 'const':
      return {
        instancePath: at,
        keyword: error.keyword,
        expected: describe(error.parentSchema),
        seen: `${jsonType(error.data)} outside the allowed values`,
      };
    case 'oneOf':
      if (Array.isArray(params.passingSchemas)) {
        return {
          instancePath: at,
          keyword: 'oneOf',
          expected: `exactly one of ${describe(error.parentSchema)}`,
          seen: `${jsonType(error.data)} matching several`,
        };
      }
      return { instancePath: at, keyword: 'oneOf', expected: describe(error.parentSchema), seen: jsonType(error.data) };
    case 'type':
    case 'anyOf':
      return {
        instancePath: at,
        keyword: error.keyword,
        expected: describe(error.parentSchema),
        seen: jsonType(error.data),
      };
    default:
      // minimum, maxLength, pattern, minItems, ...: the spec's limit is safe to show; the value is not.
      return {
        instancePath: at,
        keyword: error.keyword,
        expected: `${error.keyword} ${JSON.stringify(error.schema)}`,
        seen: jsonType(error.data),
      };
  }
}

const within = (pointer: string, parent: string) => pointer === parent || pointer.startsWith(`${parent}/`);

const isUnion = (error: ErrorObject) => error.keyword === 'oneOf' || error.keyword === 'anyOf';

/**
 * Keeps the errors that say where a body is wrong, and drops what only explains another: a failed `if` (its `then`
 * errors say what is wrong), the checks of a value whose type is already wrong, and the attempts at each shape of a
 * failed oneOf/anyOf (Ajv reports them just before it, at or under its path). Of a failed union, what remains is
 * either the errors inside the one shape whose type the value had (`condition.job_id` of an object that may also be
 * null), or, when the value had none of the shapes' types (`12345` for `string | null`), the union error itself.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const keep = errors.map((error) => error.keyword !== 'if');
  errors.forEach((error, index) => {
    if (!isUnion(error)) return;
    let first = index;
    while (first > 0 && within(errors[first - 1]!.instancePath, error.instancePath)) first--;
    const attempts = errors.slice(first, index).map((_, offset) => first + offset);
    const inside = attempts.filter((at) => keep[at] && errors[at]!.instancePath !== error.instancePath);
    for (const at of attempts)
      if (inside.length === 0 || errors[at]!.instancePath === error.instancePath) keep[at] = false;
    if (inside.length > 0) keep[index] = false;
  });
  const kept = errors.filter((_, index) => keep[index]);
  // A value of the wrong type also fails its enum, pattern, minimum...: the type (or union) error says it all.
  const typed = (error: ErrorObject) => error.keyword === 'type' || isUnion(error);
  const wrongType = new Set(kept.filter(typed).map((error) => error.instancePath));
  return kept.filter((error) => typed(error) || !wrongType.has(error.instancePath));
}

/** `/data/3/finished_at` → `$.data[*].finished_at`. */
export function foldedPath(pointer: string): string {
  if (pointer === '') return '$';
  return (
    '$' +
    pointer
      .slice(1)
      .split('/')
      .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((key) =>
        /^\d+$/.test(key) ? '[*]' : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`,
      )
      .join('')
  );
}

function violation(
  where: { operation: string; operationId: string; status: number },
  instancePath: string,
  keyword: string,
  expected: string,
  seen: string,
  occurrences = 1,
): ResponseViolation {
  const path = foldedPath(instancePath);
  const times = occurrences > 1 ? ` (${occurrences} times)` : '';
  return {
    ...where,
    path,
    instancePath,
    keyword,
    expected,
    seen,
    occurrences,
    message: `${where.operation} ${where.status}: ${path}: expected ${expected}, seen ${seen}${times}`,
  };
}

/** One violation per path, keyword, expected and seen: a field missing from 100 list items is one finding. */
function fold(where: { operation: string; operationId: string; status: number }, found: Found[]): ResponseViolation[] {
  const groups = new Map<string, { first: Found; count: number }>();
  for (const item of found) {
    const key = JSON.stringify([foldedPath(item.instancePath), item.keyword, item.expected, item.seen]);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: item, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) =>
    violation(where, first.instancePath, first.keyword, first.expected, first.seen, count),
  );
}
