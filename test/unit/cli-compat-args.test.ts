// The grammar of dbt-cloud-cli's command lines as the compatible tree reads them: which lines go to it, the Python
// list literals its list options take, and how options and their values are read.
import { describe, expect, it } from 'vitest';
import { CompatUsageError, parseArgs, type OptionSpec } from '../../src/cli/compat/args.js';
import { isDbtCloudCliForm } from '../../src/cli/compat/dispatch.js';
import { parsePythonList } from '../../src/cli/compat/literal.js';

describe('which command lines are dbt-cloud-cli forms', () => {
  it.each([
    [['job', 'run', '--job-id', '1'], true],
    [['project', 'list'], true],
    [['environment'], true],
    [['account', 'get'], true],
    [['audit-log', 'get'], true],
    [['run', 'get', '--run-id', '1'], true],
    [['run', 'cancel-all', '-y'], true],
    [['run', 'get-artifact'], true],
    [['run', '567183', '--wait'], false],
    [['run', '--wait', '567183'], false],
    [['run', '--help'], false],
    [['run'], false],
    [['run', 'retry'], false],
    [['runs', 'list'], false],
    [['jobs', 'list'], false],
    [['--json', 'run', 'list'], false],
    [['connection', 'list'], false],
    [[], false],
  ])('%j → %s', (argv, expected) => {
    expect(isDbtCloudCliForm(argv)).toBe(expected);
  });
});

describe('Python list literals', () => {
  it.each([
    ['["dbt seed", "dbt run"]', ['dbt seed', 'dbt run']],
    ["['dbt build']", ['dbt build']],
    ['  [\'a\', "b",]  ', ['a', 'b']],
    ["('a', 'b')", ['a', 'b']],
    ["('a',)", ['a']],
    ['[]', []],
    ['()', []],
    ["[\"caf\\u00e9 \\x41\\n\", 'it\\'s']", ['café A\n', "it's"]],
    ['["unknown \\d escape"]', ['unknown \\d escape']],
  ])('%s', (text, expected) => {
    expect(parsePythonList(text)).toEqual(expected);
  });

  it.each(['dbt run', '"dbt run"', "('a')", '[1, 2]', "['a' 'b']", "['a'", "['a'] x", "[['a']]", "['a\\x4']", '{"a"}'])(
    'not a list of strings: %s',
    (text) => {
      expect(parsePythonList(text)).toBeUndefined();
    },
  );
});

describe('options', () => {
  const specs: OptionSpec[] = [
    { name: 'job-id', kind: 'int', min: 1, help: '' },
    { name: 'wait', negation: 'no-wait', kind: 'flag', help: '' },
    { name: 'docs', kind: 'bool', help: '' },
    { name: 'include', kind: 'text', repeatable: true, help: '' },
    { name: 'file', short: 'f', kind: 'file', help: '' },
    { name: 'status', kind: 'choice', choices: ['Queued', 'Failed'], help: '' },
    { name: 'path', kind: 'text', required: true, help: '' },
  ];
  const usage = (args: string[]) => {
    try {
      parseArgs(args, specs);
    } catch (error) {
      expect(error).toBeInstanceOf(CompatUsageError);
      return (error as Error).message;
    }
    throw new Error('expected a usage error');
  };

  it('reads --name value, --name=value, -f value, -fvalue; the last of a repeated option wins unless it repeats', () => {
    const parsed = parseArgs(
      [
        '--path',
        'p',
        '--job-id',
        '5',
        '--job-id=6',
        '--wait',
        '--no-wait',
        '--docs',
        'ON',
        '--include',
        'a',
        '--include=b',
        '-fout.json',
      ],
      specs,
    );
    expect(parsed.int('job-id')).toBe(6);
    expect(parsed.flag('wait')).toBe(false);
    expect(parsed.bool('docs')).toBe(true);
    expect(parsed.all('include')).toEqual(['a', 'b']);
    expect(parsed.text('file')).toBe('out.json');
    expect(parseArgs(['--path', 'p', '-f', '-'], specs).text('file')).toBe('-');
    // A value may start with dashes, as click takes the next word whatever it is.
    expect(parseArgs(['--path', '--wait'], specs).text('path')).toBe('--wait');
  });

  it('refuses what click refuses, naming the option', () => {
    expect(usage(['--path', 'p', '--job-id', '0'])).toBe("Invalid value for '--job-id': 0 is not in the range x>=1.");
    expect(usage(['--path', 'p', '--job-id', '1.5'])).toBe(
      "Invalid value for '--job-id': '1.5' is not a valid integer.",
    );
    expect(usage(['--path', 'p', '--status', 'queued'])).toMatch(
      /^Invalid value for '--status': 'queued' is not one of/,
    );
    expect(usage(['--path', 'p', '--wait=1'])).toBe("Option '--wait' does not take a value.");
    expect(usage(['--path'])).toBe("Option '--path' requires an argument.");
    expect(usage(['--job-id', '1'])).toBe("Missing option '--path'.");
    expect(usage(['--wai'])).toBe("No such option '--wai'. Did you mean '--wait'?");
    expect(usage(['x', 'y'])).toBe('Got unexpected extra arguments (x y)');
  });

  it('--help wins over values and required options, not over unknown options', () => {
    expect(parseArgs(['--job-id', 'abc', '--help'], specs).help).toBe(true);
    expect(usage(['--help', '--bogus'])).toBe("No such option '--bogus'.");
  });
});
