// How path parameters go into URLs.
import { defaultPathSerializer, type PathSerializer } from 'openapi-fetch';

/**
 * Artifact paths such as `compiled/pkg/models/x.sql` go to the API with their slashes (the API reads the rest of the
 * URL as the path); each segment is still percent-encoded. Every other parameter is encoded whole.
 */
export const artifactPathSerializer: PathSerializer = (pathname, params) => {
  const remainder = params.remainder;
  if (typeof remainder !== 'string') return defaultPathSerializer(pathname, params);
  const { remainder: _raw, ...rest } = params;
  const encoded = remainder.split('/').map(encodeURIComponent).join('/');
  return defaultPathSerializer(pathname, rest).replace('{remainder}', encoded);
};
