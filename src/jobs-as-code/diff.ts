// Field-by-field comparison of what a file asks for with what dbt Cloud has. Only the fields the file gives are
// compared (a field left out keeps dbt Cloud's value), nested objects key by key, lists as a whole.

export interface FieldChange {
  /** Dotted path of the field: `settings.threads`, `triggers.schedule`. */
  field: string;
  old: unknown;
  new: unknown;
}

export interface EnvVarChange {
  action: 'create' | 'update' | 'delete';
  name: string;
  old: string | null;
  new: string | null;
  /** The id of the existing override (update and delete). */
  id?: number;
}

/** The job-level override of one variable as dbt Cloud lists it. */
export interface RemoteEnvVar {
  id: number;
  value: string | null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

/** The fields of `desired` whose value differs in `remote`, deepest first-level path for objects. */
export function diffFields(
  desired: Record<string, unknown>,
  remote: Record<string, unknown>,
  prefix = '',
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, wanted] of Object.entries(desired)) {
    if (wanted === undefined) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    const current = remote[key];
    if (isPlainObject(wanted) && isPlainObject(current)) {
      changes.push(...diffFields(wanted, current, field));
    } else if (!sameValue(wanted, current)) {
      changes.push({ field, old: current ?? null, new: wanted });
    }
  }
  return changes;
}

/**
 * Secret variables (`DBT_ENV_SECRET...`, as dbt Cloud names them) come back masked, so their values cannot be
 * compared, only their presence; and no plan, output or file of ours ever holds their value.
 */
export const isSecretName = (name: string) => name.startsWith('DBT_ENV_SECRET');
/** What a plan shows in place of a secret value. */
export const maskedValue = '*****';

/** What to do to a job's overrides so dbt Cloud holds exactly `desired` (a null value: no override). */
export function diffEnvVars(
  desired: Record<string, string | null>,
  remote: Record<string, RemoteEnvVar>,
): EnvVarChange[] {
  const changes: EnvVarChange[] = [];
  for (const [name, value] of Object.entries(desired)) {
    const current = Object.hasOwn(remote, name) ? remote[name] : undefined;
    if (value === null) continue;
    if (!current) changes.push({ action: 'create', name, old: null, new: value });
    else if (!isSecretName(name) && current.value !== value) {
      changes.push({ action: 'update', name, old: current.value, new: value, id: current.id });
    }
  }
  for (const [name, current] of Object.entries(remote)) {
    if (!Object.hasOwn(desired, name) || desired[name] === null)
      changes.push({ action: 'delete', name, old: current.value, new: null, id: current.id });
  }
  return changes.sort((a, b) => a.name.localeCompare(b.name));
}
