// How path parameters go into URLs.
import { defaultPathSerializer, type PathSerializer } from 'openapi-fetch';
import { ValidationError } from './errors.js';

const isDotSegment = (segment: string) => segment === '.' || segment === '..';

/**
 * Refuses a `.` or `..` path segment before anything is sent: the URL would be normalised to another endpoint (an
 * artifact path of `../../../jobs/5/` reaches the job itself). Typed callers cannot write one; untyped JS and
 * `dbt.api` callers can.
 */
function checkSegments(params: Record<string, unknown>): void {
  for (const name in params) {
    const value = params[name];
    if (typeof value !== 'string') continue;
    const dotted = name === 'remainder' ? value.split('/').some(isDotSegment) : isDotSegment(value);
    if (dotted) {
      throw new ValidationError(name, `must not hold a "." or ".." path segment, got ${JSON.stringify(value)}`);
    }
  }
}

/**
 * Artifact paths such as `compiled/pkg/models/x.sql` go to the API with their slashes (the API reads the rest of the
 * URL as the path); each segment is still percent-encoded. Every other parameter is encoded whole.
 */
export const artifactPathSerializer: PathSerializer = (pathname, params) => {
  checkSegments(params);
  const remainder = params.remainder;
  if (typeof remainder !== 'string') return defaultPathSerializer(pathname, params);
  const { remainder: _raw, ...rest } = params;
  const encoded = remainder.split('/').map(encodeURIComponent).join('/');
  return defaultPathSerializer(pathname, rest).replace('{remainder}', encoded);
};
