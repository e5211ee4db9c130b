// Reads the bundled spec and turns its examples into ready-to-send requests, for the contract tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const bundledSpecFile = fileURLToPath(new URL('../../generated/openapi.yaml', import.meta.url));

type Json = Record<string, any>;
export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  pathParams: Record<string, unknown>;
  queryParams: Record<string, unknown>;
  body: unknown;
  expectedStatus: number;
  expectedMediaType: string | undefined;
  expectedBody: unknown;
}

export function loadSpec(file = bundledSpecFile): Json {
  return parse(readFileSync(file, 'utf8')) as Json;
}

/** Follows local `$ref`s (`#/components/...`) until it reaches an object that is not a reference. */
export function deref<T = Json>(doc: Json, node: any): T {
  let current = node;
  for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`Cannot follow $ref ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((parent: any, key: string) => parent?.[key], doc);
  }
  return current as T;
}

/** The value of a media type's `example`, or of the first entry of its `examples`. */
export function firstExample(doc: Json, mediaType: Json | undefined): unknown {
  if (!mediaType) return undefined;
  if ('example' in mediaType) return mediaType.example;
  const first = Object.values(mediaType.examples ?? {})[0];
  return first === undefined ? undefined : deref(doc, first).value;
}

export function namedExample(doc: Json, mediaType: Json, name: string): unknown {
  const example = mediaType.examples?.[name];
  if (!example) throw new Error(`No example named ${name}`);
  return deref(doc, example).value;
}

function parameterValue(doc: Json, parameter: Json): unknown {
  if ('example' in parameter) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0];
  if (first !== undefined) return deref(doc, first).value;
  const schema = deref(doc, parameter.schema ?? {});
  if (schema.examples?.length) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  throw new Error(`Parameter ${parameter.in}.${parameter.name} has no example to call it with`);
}

/** Every operation of the spec, with the request its examples describe and the response they promise. */
export function listOperations(doc: Json): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of httpMethods) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const pathParams: Record<string, unknown> = {};
      const queryParams: Record<string, unknown> = {};
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref(doc, raw);
        if (parameter.in === 'path') pathParams[parameter.name] = parameterValue(doc, parameter);
        else if (parameter.in === 'query' && parameter.required)
          queryParams[parameter.name] = parameterValue(doc, parameter);
      }
      const requestBody = operation.requestBody ? deref(doc, operation.requestBody) : undefined;
      const requestMedia = requestBody?.content?.['application/json'];
      const [status, rawResponse] = Object.entries<Json>(operation.responses ?? {})
        .filter(([code]) => /^2\d\d$/.test(code))
        .sort(([a], [b]) => Number(a) - Number(b))[0] ?? ['', undefined];
      const response = rawResponse ? deref(doc, rawResponse) : undefined;
      const mediaTypes = Object.keys(response?.content ?? {});
      const expectedMediaType = mediaTypes[0];
      operations.push({
        operationId: operation.operationId,
        method,
        path,
        pathParams,
        queryParams,
        body: requestBody?.required || requestMedia ? firstExample(doc, requestMedia) : undefined,
        expectedStatus: Number(status),
        expectedMediaType,
        expectedBody: expectedMediaType ? firstExample(doc, response!.content[expectedMediaType]) : undefined,
      });
    }
  }
  return operations;
}
