// Node only: reads jobs files (paths, directories or globs), renders templated ones with a vars file (render.ts, an
// interpreter of the Jinja that dbt-jobs-as-code's files use), parses the YAML with anchors and merge keys, and checks
// the result, naming file, line and field for every problem.
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { type Document, LineCounter, isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import {
  type ConfigIssue,
  JobsConfigError,
  type JobsConfig,
  type Locate,
  readJobsConfig,
  refusedKey,
  reservedKeyMessage,
} from './config.js';
import {
  escapeTemplateText,
  hasTemplateSyntax,
  renderTemplate,
  TemplateError,
  templateVariables,
  toTemplateValue,
} from './render.js';
import { packageFile } from '../package-files.js';

export interface LoadJobsOptions {
  /** Vars files (paths or globs) for templated files, or the variables themselves. */
  vars?: string[] | Record<string, unknown>;
  /** Where relative paths start; default: the current directory. */
  cwd?: string;
}

export interface LoadedJobs {
  config: JobsConfig;
  /** The files read, relative to cwd, in the order read. */
  files: string[];
  /** Where a value of the merged config comes from (file, line, column). */
  locate: Locate;
  /** What was read but not used as written: keys outside the format, replaced schedule parts, repeated jobs. */
  warnings: ConfigIssue[];
}

interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  data: Record<string, unknown> | null;
}

/** A path as a person reads it: relative when inside cwd, absolute otherwise. */
const shown = (cwd: string, path: string) => {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};

const fail = (issues: ConfigIssue[]): never => {
  throw new JobsConfigError(issues);
};

/** The files a list of paths, directories (their *.yml and *.yaml) and glob patterns names, each once, sorted. */
export async function resolveJobsFiles(patterns: string[], cwd = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of patterns) {
    const full = isAbsolute(pattern) ? pattern : join(cwd, pattern);
    const info = await stat(full).catch(() => undefined);
    let matches: string[];
    if (info?.isDirectory()) matches = await glob(['*.yml', '*.yaml'], { cwd: full, absolute: true });
    else if (info?.isFile()) matches = [full];
    else if (isDynamicPattern(pattern)) matches = await glob(pattern, { cwd, absolute: true });
    else matches = [];
    if (matches.length === 0)
      fail([{ file: pattern, field: '(files)', message: 'no file matches this path or pattern' }]);
    found.push(...matches.sort());
  }
  return [...new Set(found.map((file) => resolve(file)))];
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function parseYaml(file: string, text: string): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, merge: true, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((error) => ({
        file,
        line: error.linePos?.[0].line ?? lineOf(text, error.pos[0]),
        column: error.linePos?.[0].col,
        field: '(yaml)',
        message: error.message.split('\n')[0]!,
      })),
    );
  }
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    fail([{ file, line: 1, field: '(root)', message: 'must be a mapping with a `jobs:` key' }]);
  }
  return { file, doc, lines, data: data as Record<string, unknown> | null };
}

/** As dbt-jobs-as-code does: an empty variable renders as YAML null (`null`), not as Python's `None`. */
function nullAsText(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(nullAsText);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, nullAsText(item)]));
  return value;
}

async function loadVars(vars: LoadJobsOptions['vars'], cwd: string): Promise<Record<string, unknown> | undefined> {
  if (vars === undefined) return undefined;
  if (!Array.isArray(vars)) return vars;
  const merged: Record<string, unknown> = {};
  const origin = new Map<string, string>();
  for (const path of await resolveJobsFiles(vars, cwd)) {
    const file = shown(cwd, path);
    const { data } = parseYaml(file, await readFile(path, 'utf8'));
    for (const [name, value] of Object.entries(data ?? {})) {
      if (origin.has(name)) {
        fail([{ file, field: name, message: `is also set in ${origin.get(name)}; set each variable once` }]);
      }
      origin.set(name, file);
      merged[name] = nullAsText(value);
    }
  }
  return merged;
}

function render(file: string, text: string, vars: Record<string, unknown> | undefined): string {
  if (!hasTemplateSyntax(text)) return text;
  try {
    if (vars === undefined) {
      // Without vars, a file may still hold template syntax that needs none (text escaped by import-jobs).
      const names = templateVariables(text);
      if (names.length > 0) {
        return fail([
          {
            file,
            line: lineOf(text, text.search(/\{\{|\{%/)),
            field: '(template)',
            message: `the file is templated (${names.join(', ')}); give a vars file (--vars-yml)`,
          },
        ]);
      }
    }
    return renderTemplate(text, vars ?? {});
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return fail([{ file, line: error.line, column: error.column, field: '(template)', message: error.reason }]);
  }
}

/** Reads, renders, parses and checks jobs files; throws JobsConfigError naming file, line and field. */
export async function loadJobsConfig(patterns: string[], options: LoadJobsOptions = {}): Promise<LoadedJobs> {
  const cwd = options.cwd ?? process.cwd();
  const vars = await loadVars(options.vars, cwd);
  if (vars !== undefined) {
    try {
      toTemplateValue(vars);
    } catch (error) {
      fail([{ field: '(vars)', message: (error as Error).message }]);
    }
  }
  const paths = await resolveJobsFiles(patterns, cwd);
  const parsed: ParsedFile[] = [];
  for (const path of paths) {
    const file = shown(cwd, path);
    parsed.push(parseYaml(file, render(file, await readFile(path, 'utf8'), vars)));
  }

  const config: JobsConfig = { jobs: {} };
  const jobFile = new Map<string, ParsedFile>();
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  for (const part of parsed) {
    for (const [key, value] of Object.entries(part.data ?? {})) {
      if (refusedKey(key)) {
        issues.push({ ...position(part, [key]), field: key, message: reservedKeyMessage });
        continue;
      }
      if (key !== 'jobs') {
        config[key] = value;
        continue;
      }
      if (value === null) continue;
      if (typeof value !== 'object' || Array.isArray(value)) {
        issues.push({ ...position(part, ['jobs']), field: 'jobs', message: 'must be a mapping of identifier → job' });
        continue;
      }
      for (const [identifier, job] of Object.entries(value as Record<string, unknown>)) {
        if (refusedKey(identifier)) {
          issues.push({
            ...position(part, ['jobs', identifier]),
            field: `jobs.${identifier}`,
            message: reservedKeyMessage,
          });
          continue;
        }
        const earlier = jobFile.get(identifier);
        if (earlier) {
          // As dbt-jobs-as-code merges files: the later definition wins.
          warnings.push({
            ...position(part, ['jobs', identifier]),
            field: `jobs.${identifier}`,
            message: `is also defined in ${earlier.file}; this later definition is used`,
          });
        }
        jobFile.set(identifier, part);
        config.jobs![identifier] = job as never;
      }
    }
  }
  if (issues.length > 0) fail(issues);

  const locate: Locate = (path) => {
    const identifier = path[0] === 'jobs' && typeof path[1] === 'string' ? path[1] : undefined;
    const part = identifier ? jobFile.get(identifier) : parsed[0];
    return part ? position(part, path) : undefined;
  };
  const read = readJobsConfig(config, { locate });
  return { config, files: parsed.map((part) => part.file), locate, warnings: [...warnings, ...read.warnings] };
}

/** The line of the deepest node of `path` the document holds (a value from a merge key points at its job). */
function position(part: ParsedFile, path: Array<string | number>): { file: string; line?: number; column?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? part.doc.contents : part.doc.getIn(path.slice(0, depth), true);
    // For a mapping key, point at the key itself rather than its value.
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (node && range && (isMap(node) || isSeq(node) || isScalar(node))) {
      const keyRange = keyRangeOf(part.doc, path.slice(0, depth));
      const { line, col } = part.lines.linePos(keyRange ?? range[0]);
      return { file: part.file, line, column: col };
    }
  }
  return { file: part.file };
}

function keyRangeOf(doc: Document, path: Array<string | number>): number | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path.at(-1);
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

export interface JobsYamlOptions {
  /**
   * The schema editors check the file with (a `yaml-language-server` comment); false for none. Default: this
   * package's `schemas/jobs.schema.json` on this machine, relative to where the file is written (`writtenTo`).
   */
  schemaUrl?: string | false;
  /** The path the YAML will be written to, so that the default schema reference is relative to it; default: a file in the current directory. */
  writtenTo?: string;
  /**
   * Escape template syntax in every string (default true), so that rendering the file with vars gives back exactly
   * the text dbt Cloud holds: a job named `X {{ y }}` stays that name, never an expression.
   */
  escapeTemplates?: boolean;
  /**
   * Template text written into every job, by dotted field path (`environment_id`, `triggers.schedule`), after the
   * escaping: dbt-jobs-as-code's `--templated-fields`, so that one imported file serves every environment.
   */
  templatedFields?: Record<string, string>;
}

/** The JSON Schema of jobs files that ships with this package, where it is on this machine. */
export function jobsSchemaPath(): string {
  return packageFile('schemas', 'jobs.schema.json');
}

/**
 * The shipped schema as a file written at `writtenTo` reaches it (`../node_modules/dbt-cloud-ts/schemas/...`):
 * editors resolve a relative `$schema` from the file, and the file works for everyone who installs the package.
 */
function schemaReference(writtenTo: string | undefined): string {
  const from = writtenTo ? dirname(resolve(writtenTo)) : process.cwd();
  const path = relative(from, jobsSchemaPath()).split(sep).join('/');
  return path.startsWith('../') ? path : `./${path}`;
}

function escapeStrings(value: unknown): unknown {
  if (typeof value === 'string') return escapeTemplateText(value);
  if (Array.isArray(value)) return value.map(escapeStrings);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [escapeTemplateText(key), escapeStrings(item)]),
    );
  return value;
}

/** A config as YAML, e.g. from `createJobsAsCode(dbt).importConfig()`. */
export function toJobsYaml(config: JobsConfig, options: JobsYamlOptions = {}): string {
  const schemaUrl = options.schemaUrl ?? schemaReference(options.writtenTo);
  const header = schemaUrl ? `# yaml-language-server: $schema=${schemaUrl}\n\n` : '';
  const data = (options.escapeTemplates === false ? config : escapeStrings(config)) as JobsConfig;
  for (const [field, template] of Object.entries(options.templatedFields ?? {})) {
    const path = field.split('.');
    if (path.some((key) => key === '' || refusedKey(key)))
      fail([{ field: `(templated fields).${field}`, message: 'is not a field path' }]);
    for (const job of Object.values(data.jobs ?? {})) setPath(job, path, template);
  }
  return header + stringify(data, { lineWidth: 0, aliasDuplicateObjects: false, nullStr: 'null' });
}

function setPath(object: Record<string, unknown>, path: string[], value: unknown): void {
  let node = object;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (next && typeof next === 'object' && !Array.isArray(next) ? next : (node[key] = {})) as Record<
      string,
      unknown
    >;
  }
  node[path.at(-1)!] = value;
}
