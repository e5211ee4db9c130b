// Taking the token out of foreign text: an error a fetch wrapper raised, a body a server echoed. The token never
// reaches a message, a log line or a thrown object's serialisation.

/** Replaces every occurrence of the token in foreign text (short test tokens are left alone: they are no secret). */
export function redactToken(text: string, token: string | undefined): string {
  if (!token || token.length < 8 || !text.includes(token)) return text;
  return text.split(token).join('[redacted]');
}

/**
 * A copy of a foreign error holding only its name, code and message (token redacted), with its causes copied the same
 * way. A fetch wrapper's error may keep the Request (and with it the Authorization header) or quote it; the copy
 * keeps nothing but text.
 */
export function detachedCause(error: unknown, token: string | undefined, depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 4) return undefined;
  const source = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a thrown value with no message is its own text
  const message = redactToken(typeof source.message === 'string' ? source.message : String(error), token);
  const copy = new Error(message, { cause: detachedCause(source.cause, token, depth + 1) });
  if (copy.cause === undefined) delete copy.cause;
  if (typeof source.name === 'string') copy.name = redactToken(source.name, token);
  if (typeof source.code === 'string') Object.assign(copy, { code: source.code });
  copy.stack = `${copy.name}: ${message}`;
  return copy;
}
