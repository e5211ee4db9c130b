// A job is managed by jobs files when its name ends in `[[identifier]]` (optionally `[[filter:identifier]]`, where the
// filter names the environments an import keeps it for), as dbt-jobs-as-code marks them.

const marker = /\s*\[\[([*:A-Za-z0-9_-]+)\]\]/;

export interface ParsedName {
  /** The name without its marker. */
  name: string;
  /** The identifier, or undefined for a job no file manages. */
  identifier: string | undefined;
  /** The part before `:` in `[[filter:identifier]]`, else ''. */
  importFilter: string;
}

export function parseJobName(fullName: string): ParsedName {
  const match = marker.exec(fullName);
  if (!match) return { name: fullName, identifier: undefined, importFilter: '' };
  const raw = match[1]!;
  const parts = raw.split(':');
  if (parts.length > 2) return { name: fullName, identifier: undefined, importFilter: '' };
  const name = (fullName.slice(0, match.index) + fullName.slice(match.index + match[0].length)).trim();
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
