// Parsers for arguments and option values. Commander runs them while it reads the command line, so a bad value
// stops the command before anything is sent (exit 4).
import { InvalidArgumentError } from 'commander';
import { checkArtifactPath, ValidationError } from '../index.js';

/** Timers in Node hold at most 2³¹−1 ms (about 24.8 days); a longer timeout would fire at once. */
const maxTimeoutMs = 2 ** 31 - 1;

export const integer = (value: string) => {
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError(`must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
};

/** A whole number of seconds, 0 included. */
export const seconds = (value: string) => {
  if (!/^\d{1,10}$/.test(value))
    throw new InvalidArgumentError(`must be a whole number of seconds, got ${JSON.stringify(value)}`);
  return Number(value);
};

/** `true` or `false` (also yes/no, 1/0), for a flag whose value matters either way. */
export const boolean = (value: string) => {
  const text = value.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(text)) return true;
  if (['false', 'no', '0'].includes(text)) return false;
  throw new InvalidArgumentError(`must be true or false, got ${JSON.stringify(value)}`);
};

export const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Parses `90`, `90s`, `30m`, `2h`, `1500ms` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`not a duration: ${JSON.stringify(text)} (use e.g. 90s, 30m, 2h)`);
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(match[1]) * factor);
}

/** A wait timeout: at least 1 ms (0 would read as "no limit") and at most what a timer can hold. */
export function timeout(text: string): number {
  const ms = parseDuration(text);
  if (ms < 1)
    throw new InvalidArgumentError(
      `must be more than 0, got ${JSON.stringify(text)}; leave it out to wait without a limit`,
    );
  if (ms > maxTimeoutMs) throw new InvalidArgumentError(`must be at most 24 days, got ${JSON.stringify(text)}`);
  return ms;
}

/** Artifact paths for --download, checked by the library's own rule before anything is sent. */
export function artifactPaths(value: string): string[] {
  const paths = list(value);
  if (paths.length === 0) throw new InvalidArgumentError('give at least one artifact path, e.g. run_results.json');
  for (const path of paths) {
    try {
      checkArtifactPath('--download', path);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof ValidationError ? error.message : String(error));
    }
  }
  return paths;
}

/** The options that were given: commander leaves the others undefined, and a flag that is off is dropped too. */
export const given = <T extends Record<string, unknown>>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as Partial<T>;
