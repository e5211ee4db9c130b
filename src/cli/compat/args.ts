// The command-line grammar of dbt-cloud-cli's commands, as its users type them: long options only (plus `-f` and
// `-y`), `--name value` or `--name=value`, the last of a repeated option wins unless it may repeat, no positional
// arguments, booleans that take a value (`--generate-docs-override true`) beside plain flags (`--wait`). A mistake is
// a usage error (exit 2) that names the option, in the words that tool uses.
import { parsePythonList } from './literal.js';

export type OptionKind = 'text' | 'int' | 'bool' | 'choice' | 'list' | 'flag' | 'file';

export interface OptionSpec {
  /** The long name without dashes: `job-id`. */
  name: string;
  kind: OptionKind;
  help: string;
  /** A one-letter alias: `f` for `-f`. */
  short?: string;
  /** For a flag: the name that turns it off (`no-wait`). */
  negation?: string;
  /** For `choice`: the accepted values, matched exactly. */
  choices?: readonly string[];
  /** For `int`: the smallest and largest accepted values. */
  min?: number;
  max?: number;
  /** May be given several times; the values are kept in order. */
  repeatable?: boolean;
  required?: boolean;
  /** What the option defaults to, for the help. */
  shows?: string;
}

/** Bad command-line input: exit 2, with the command's usage line above the message. */
export class CompatUsageError extends Error {
  override name = 'CompatUsageError';
}

/** The values given on the command line, converted; absent options are absent. */
export class Parsed {
  constructor(
    private readonly values: Map<string, unknown>,
    readonly help: boolean,
  ) {}
  has(name: string): boolean {
    return this.values.has(name);
  }
  text(name: string): string | undefined {
    return this.values.get(name) as string | undefined;
  }
  int(name: string): number | undefined {
    return this.values.get(name) as number | undefined;
  }
  bool(name: string): boolean | undefined {
    return this.values.get(name) as boolean | undefined;
  }
  flag(name: string): boolean {
    return this.values.get(name) === true;
  }
  list(name: string): string[] | undefined {
    return this.values.get(name) as string[] | undefined;
  }
  all(name: string): string[] {
    return (this.values.get(name) as string[] | undefined) ?? [];
  }
}

const metavars: Record<OptionKind, string> = {
  text: 'TEXT',
  int: 'INTEGER',
  bool: 'BOOLEAN',
  choice: '',
  list: 'TEXT',
  flag: '',
  file: 'FILENAME',
};

const booleans = new Map<string, boolean>([
  ['1', true],
  ['true', true],
  ['t', true],
  ['yes', true],
  ['y', true],
  ['on', true],
  ['0', false],
  ['false', false],
  ['f', false],
  ['no', false],
  ['n', false],
  ['off', false],
  ['', false],
]);

const quote = (text: string) => `'${text}'`;

function convert(spec: OptionSpec, raw: string): unknown {
  const invalid = (why: string) => new CompatUsageError(`Invalid value for '--${spec.name}': ${why}`);
  switch (spec.kind) {
    case 'int': {
      if (!/^\s*[+-]?\d{1,15}\s*$/.test(raw)) throw invalid(`${quote(raw)} is not a valid integer.`);
      const value = Number(raw.trim());
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        const range =
          spec.max === undefined
            ? `x>=${spec.min}`
            : spec.min === undefined
              ? `x<=${spec.max}`
              : `${spec.min}<=x<=${spec.max}`;
        throw invalid(`${value} is not in the range ${range}.`);
      }
      return value;
    }
    case 'bool': {
      const value = booleans.get(raw.trim().toLowerCase());
      if (value === undefined)
        throw invalid(
          `${quote(raw)} is not a valid boolean. Recognized values: 0, 1, f, false, n, no, off, on, t, true, y, yes`,
        );
      return value;
    }
    case 'choice':
      if (!spec.choices!.includes(raw))
        throw invalid(`${quote(raw)} is not one of ${spec.choices!.map(quote).join(', ')}.`);
      return raw;
    case 'list': {
      const list = parsePythonList(raw);
      if (list === undefined) throw invalid(`${raw} (give a list, e.g. '["dbt seed", "dbt run"]' or "['dbt build']")`);
      return list;
    }
    default:
      return raw;
  }
}

/**
 * Reads `args` (the words after the command's name) against `specs`. Unknown options, missing values and stray
 * arguments fail before `--help` is looked at, as in the tool these forms come from; values are converted after it.
 */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): Parsed {
  const byName = new Map<string, { spec: OptionSpec; negated: boolean }>();
  for (const spec of specs) {
    byName.set(`--${spec.name}`, { spec, negated: false });
    if (spec.short) byName.set(`-${spec.short}`, { spec, negated: false });
    if (spec.negation) byName.set(`--${spec.negation}`, { spec, negated: true });
  }
  const raw: Array<{ spec: OptionSpec; value: string | boolean }> = [];
  const extra: string[] = [];
  let help = false;
  for (let at = 0; at < args.length; at++) {
    const word = args[at]!;
    if (word === '--') {
      extra.push(...args.slice(at + 1));
      break;
    }
    if (word === '--help') {
      help = true;
      continue;
    }
    if (!word.startsWith('-') || word === '-') {
      extra.push(word);
      continue;
    }
    // `--name=value`, `-fvalue`, or the option alone with its value in the next word.
    const long = word.startsWith('--');
    const equals = long ? word.indexOf('=') : -1;
    const name = long ? (equals === -1 ? word : word.slice(0, equals)) : word.slice(0, 2);
    const attached = long
      ? equals === -1
        ? undefined
        : word.slice(equals + 1)
      : word.length > 2
        ? word.slice(2)
        : undefined;
    const found = byName.get(name);
    if (!found) {
      const close = specs
        .flatMap((spec) => [`--${spec.name}`, ...(spec.negation ? [`--${spec.negation}`] : [])])
        .filter((option) => long && name.length > 2 && option.startsWith(name));
      throw new CompatUsageError(
        `No such option '${name}'.${close.length ? ` Did you mean ${close.map(quote).join(', ')}?` : ''}`,
      );
    }
    const { spec, negated } = found;
    if (spec.kind === 'flag') {
      if (attached !== undefined) throw new CompatUsageError(`Option '${name}' does not take a value.`);
      raw.push({ spec, value: !negated });
      continue;
    }
    let value = attached;
    if (value === undefined) {
      if (at + 1 >= args.length) throw new CompatUsageError(`Option '${name}' requires an argument.`);
      value = args[++at]!;
    }
    raw.push({ spec, value });
  }
  if (extra.length > 0) {
    throw new CompatUsageError(`Got unexpected extra argument${extra.length > 1 ? 's' : ''} (${extra.join(' ')})`);
  }
  const values = new Map<string, unknown>();
  if (help) return new Parsed(values, true);
  for (const { spec, value } of raw) {
    const converted = typeof value === 'boolean' ? value : convert(spec, value);
    if (spec.repeatable) values.set(spec.name, [...((values.get(spec.name) as unknown[]) ?? []), converted]);
    else values.set(spec.name, converted);
  }
  for (const spec of specs) {
    if (spec.required && !values.has(spec.name)) throw new CompatUsageError(`Missing option '--${spec.name}'.`);
  }
  return new Parsed(values, false);
}

/** The option list of a command's help, one option a line, the descriptions aligned. */
export function optionsHelp(specs: readonly OptionSpec[]): string {
  const rows = specs.map((spec) => {
    const names = [
      spec.short ? `-${spec.short}, ` : '',
      `--${spec.name}`,
      spec.negation ? ` / --${spec.negation}` : '',
    ];
    const metavar = spec.kind === 'choice' ? `[${spec.choices!.join('|')}]` : metavars[spec.kind];
    const notes = [
      spec.shows ? `default: ${spec.shows}` : '',
      spec.required ? 'required' : '',
      spec.repeatable ? 'repeatable' : '',
    ]
      .filter(Boolean)
      .join('; ');
    return [`${names.join('')}${metavar ? ` ${metavar}` : ''}`, `${spec.help}${notes ? ` [${notes}]` : ''}`] as const;
  });
  rows.push(['--help', 'Show this message and exit.']);
  const width = Math.min(Math.max(...rows.map(([left]) => left.length)), 40);
  return rows
    .map(([left, right]) =>
      left.length > width ? `  ${left}\n  ${' '.repeat(width)}  ${right}` : `  ${left.padEnd(width)}  ${right}`,
    )
    .join('\n');
}
