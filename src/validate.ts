// Checks of helper arguments. Each failure is a ValidationError naming the argument, raised before any request.
import { ValidationError } from './errors.js';

/** The longest delay a JavaScript timer can hold (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
export const maxTimerMs = 2_147_483_647;

function describe(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only primitives and functions reach String()
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? typeof value : String(value);
}

/** A positive whole number below 2^53. */
export function checkId(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(field, `must be a positive whole number, got ${describe(value)}`);
  }
  return value;
}

export function checkOptionalId(field: string, value: unknown): number | undefined {
  return value === undefined ? undefined : checkId(field, value);
}

export function checkInteger(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a whole number from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

/** A duration in ms that a timer can hold: a whole number from `min` to 2^31 − 1. */
export function checkDuration(field: string, value: unknown, min: number): number {
  return checkInteger(field, value, min, maxTimerMs);
}

/** A finite number above 0 (not necessarily whole). */
export function checkPositiveNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError(field, `must be a number above 0, got ${describe(value)}`);
  }
  return value;
}

export function checkString(field: string, value: unknown, min = 1, max = Infinity): string {
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    const limit = max === Infinity ? `at least ${min} character${min === 1 ? '' : 's'}` : `${min} to ${max} characters`;
    throw new ValidationError(field, `must be a string of ${limit}, got ${describe(value)}`);
  }
  return value;
}

export function checkBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, `must be true or false, got ${describe(value)}`);
  return value;
}

export function checkOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

export function checkObject(field: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(field, `must be an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * An artifact path as dbt writes it: relative, `/`-separated, no `..` segment, no backslash, query, fragment or
 * control character. It is sent with raw slashes, so anything that could change the URL is refused here.
 */
export function checkArtifactPath(field: string, value: unknown): string {
  const path = checkString(field, value, 1, 1024);
  const problem = path.startsWith('/')
    ? 'must be relative (no leading /)'
    : /[\\?#]/.test(path)
      ? 'must not contain \\, ? or #'
      : /[\u0000-\u001f\u007f]/.test(path)
        ? 'must not contain control characters'
        : path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')
          ? 'must not contain empty, . or .. segments'
          : undefined;
  if (problem) throw new ValidationError(field, `${problem}, got ${JSON.stringify(path)}`);
  return path;
}

/** Drops keys whose value is undefined, so they are not sent. */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** What every copy (of a job, of an environment) may change: its name, other fields, and whether to only return it. */
export function checkCopyOptions(options: { name?: unknown; changes?: unknown; dryRun?: unknown }) {
  return {
    name: options.name === undefined ? undefined : checkString('name', options.name, 1, 255),
    changes: options.changes === undefined ? undefined : checkObject('changes', options.changes),
    dryRun: options.dryRun !== undefined && checkBoolean('dryRun', options.dryRun),
  };
}
