// A small JSON Schema checker for the jobs file schema (generated/jobs-schema.ts). It knows exactly the keywords the
// generator allows (scripts/lib/jobs-schema.mjs fails on any other), and no more: a general validator such as Ajv
// compiles schemas with `new Function`, which Cloudflare Workers and strict CSPs forbid, and the main entry runs there.

type Schema = Record<string, unknown>;

export interface SchemaIssue {
  /** Where in the document, as keys: ['jobs', 'nightly', 'settings', 'threads']. */
  path: Array<string | number>;
  message: string;
  /** A key the schema does not know (with `additionalProperties: false`): a reader may report and drop it instead. */
  unknownKey?: true;
}

const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value)));

function resolve(root: Schema, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/$defs/', '');
  const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
  if (!target) throw new Error(`jobs schema: unknown reference ${ref}`);
  return target;
}

/** Every issue of `value` against `schema` (empty when it conforms). */
export function checkAgainstSchema(root: Schema, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  walk(root, root, value, [], issues);
  return issues;
}

function walk(root: Schema, raw: Schema, value: unknown, path: SchemaIssue['path'], issues: SchemaIssue[]): void {
  const schema = resolve(root, raw);
  const add = (message: string, at = path, unknownKey = false): void => {
    issues.push({ path: at, message, ...(unknownKey ? { unknownKey } : {}) });
  };

  if (Array.isArray(schema.anyOf)) {
    const attempts = (schema.anyOf as Schema[]).map((option) => {
      const found: SchemaIssue[] = [];
      walk(root, option, value, path, found);
      return found;
    });
    if (attempts.some((found) => found.length === 0)) return;
    // Report the option that got furthest (deepest issue), which is the one the author most likely meant.
    const best = attempts.sort(
      (a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)),
    )[0]!;
    issues.push(...best);
    return;
  }

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => matchesType(value, type))) {
      add(`must be ${types.join(' or ')}, got ${typeOf(value)} ${show(value)}`);
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) {
    add(`must be one of ${schema.enum.map(show).join(', ')}, got ${show(value)}`);
    return;
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      add(`must have at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      add(`must match ${schema.pattern}, got ${show(value)}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) add(`must be at least ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) add(`must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      add(`must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      add(schema.maxItems === 0 ? 'must be empty when it is a list' : `must have at most ${schema.maxItems} items`);
    if (schema.uniqueItems === true) {
      const seen = new Set(value.map((item) => JSON.stringify(item)));
      if (seen.size !== value.length) add('must not repeat an item');
    }
    if (schema.items && typeof schema.items === 'object') {
      value.forEach((item, index) => walk(root, schema.items as Schema, item, [...path, index], issues));
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>).map(
      ([pattern, sub]) => [new RegExp(pattern, 'u'), sub] as const,
    );
    for (const name of (schema.required ?? []) as string[]) {
      if (!Object.hasOwn(object, name) || object[name] === undefined) add(`is required`, [...path, name]);
    }
    const names = (schema.propertyNames as Schema | undefined)?.pattern;
    for (const [key, item] of Object.entries(object)) {
      if (item === undefined) continue;
      if (typeof names === 'string' && !new RegExp(names, 'u').test(key)) {
        add(`is not a valid key (must match ${names})`, [...path, key]);
        continue;
      }
      if (Object.hasOwn(properties, key)) {
        walk(root, properties[key]!, item, [...path, key], issues);
        continue;
      }
      const pattern = patterns.find(([regex]) => regex.test(key));
      if (pattern) walk(root, pattern[1], item, [...path, key], issues);
      else if (schema.additionalProperties === false) {
        const known = Object.keys(properties);
        const near = known.find((name) => closeTo(name, key));
        if (patterns.length > 0 && known.length === 0)
          add(`must match ${patterns.map(([regex]) => regex.source).join(' or ')}`, [...path, key]);
        else add(near ? `is not a known field (did you mean ${near}?)` : 'is not a known field', [...path, key], true);
      } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        walk(root, schema.additionalProperties as Schema, item, [...path, key], issues);
      }
    }
  }
}

/** One edit apart (a typo such as `thread` for `threads` or `excute_steps`). */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

// The words dbt-jobs-as-code (pydantic, in lax mode) reads as booleans, in any case; and 0 and 1.
const trueWords = new Set(['true', 'yes', 'on', 'y', 't', '1']);
const falseWords = new Set(['false', 'no', 'off', 'n', 'f', '0']);

/**
 * Turns the strings a rendered template leaves where the schema wants a number or a boolean (`"123"`, `"False"`,
 * `"yes"`) into those values, as dbt-jobs-as-code accepts them. Returns a new value; anything else is left for the
 * check.
 */
export function coerceToSchema(root: Schema, raw: Schema, value: unknown): unknown {
  const schema = resolve(root, raw);
  if (Array.isArray(schema.anyOf)) {
    for (const option of schema.anyOf as Schema[]) {
      const coerced = coerceToSchema(root, option, value);
      if (coerced !== value) return coerced;
    }
    return value;
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (typeof value === 'string' && !types.includes('string')) {
    const text = value.trim();
    if ((types.includes('integer') || types.includes('number')) && /^[-+]?\d+$/.test(text)) return Number(text);
    if (types.includes('boolean') && trueWords.has(text.toLowerCase())) return true;
    if (types.includes('boolean') && falseWords.has(text.toLowerCase())) return false;
    return value;
  }
  if (
    typeof value === 'number' &&
    types.includes('boolean') &&
    !types.includes('integer') &&
    (value === 0 || value === 1)
  )
    return value === 1;
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') {
    return value.map((item) => coerceToSchema(root, schema.items as Schema, item));
  }
  if (typeOf(value) === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const extra = schema.additionalProperties;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
      const sub = own ?? (extra && typeof extra === 'object' ? (extra as Schema) : undefined);
      out[key] = sub ? coerceToSchema(root, sub, item) : item;
    }
    return out;
  }
  return value;
}
