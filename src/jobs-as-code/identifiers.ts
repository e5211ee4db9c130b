// A job is managed by jobs files when its name ends in `[[identifier]]` (optionally `[[filter:identifier]]`, where the
// filter names the environments an import keeps it for), as dbt-jobs-as-code marks them. Names come from dbt Cloud,
// where anyone with access can set them, so the marker is read in one pass from the end, never by backtracking.

const markerText = /^[*:A-Za-z0-9_-]+$/;
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

export interface ParsedName {
  /** The name without its marker. */
  name: string;
  /** The identifier, or undefined for a job no file manages. */
  identifier: string | undefined;
  /** The part before `:` in `[[filter:identifier]]`, else ''. */
  importFilter: string;
}

export function parseJobName(fullName: string): ParsedName {
  const unmanaged = { name: fullName, identifier: undefined, importFilter: '' };
  let end = fullName.length;
  while (end > 0 && isSpace(fullName[end - 1])) end--;
  if (end < 5 || fullName.slice(end - 2, end) !== ']]') return unmanaged;
  const open = fullName.lastIndexOf('[[', end - 3);
  if (open === -1) return unmanaged;
  const raw = fullName.slice(open + 2, end - 2);
  if (!markerText.test(raw)) return unmanaged;
  const parts = raw.split(':');
  if (parts.length > 2 || parts.at(-1) === '') return unmanaged;
  const name = fullName.slice(0, open).trimEnd();
  return parts.length === 2
    ? { name, identifier: parts[1]!, importFilter: parts[0]! }
    : { name, identifier: raw, importFilter: '' };
}

/** The name dbt Cloud stores for a managed job. */
export function managedName(name: string, identifier: string): string {
  return `${parseJobName(name).name} [[${identifier}]]`;
}

/** Import filter rule: no filter keeps all; else keep jobs with no filter, `*`, or a filter containing the value. */
export function keptByImportFilter(importFilter: string, wanted: string | undefined): boolean {
  return !wanted || importFilter === '' || importFilter === '*' || importFilter.includes(wanted);
}
