// The jobs-file template renderer: it renders what Jinja2 renders for the templates dbt-jobs-as-code users write, and
// a template written to escape (to reach JavaScript, the environment, or the machine) gets an error, never a result.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobsConfigError } from '../../src/jobs.js';
import { escapeTemplateText, renderTemplate, TemplateError, templateVariables } from '../../src/jobs-as-code/render.js';
import { loadJobsConfig, toJobsYaml } from '../../src/node.js';

interface Case {
  template: string;
  vars: Record<string, unknown>;
  jinja2: { output: string } | { error: string };
  ours?: { output: string } | { error: string };
  why?: string;
}
const fixture = JSON.parse(await readFile(new URL('../fixtures/jinja/cases.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

const attempt = (template: string, vars: Record<string, unknown> = {}) => {
  try {
    return { output: renderTemplate(template, vars) };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { error: error.message };
  }
};

describe('renders as Jinja2 does', () => {
  it.each(fixture.cases.map((c) => [c.template, c] as const))('%j', (_name, c) => {
    const expected = c.ours ?? c.jinja2;
    const got = attempt(c.template, c.vars);
    if ('output' in expected) expect(got).toEqual({ output: expected.output });
    else expect(got).toHaveProperty('error');
  });

  it('lists the variables a template reads but does not set', () => {
    expect(
      templateVariables('{% set a = 1 %}{{ a }}{{ b.c }}{% for i in xs %}{{ i }}{{ j | default(k) }}{% endfor %}'),
    ).toEqual(['b', 'xs', 'j', 'k']);
  });

  it('names the line and column of a variable the vars do not set', () => {
    expect(() => renderTemplate('a: 1\nb: "{{ env }}"\n', {})).toThrow(
      expect.objectContaining({ line: 2, column: 8, undefinedName: 'env' }),
    );
  });
});

// Each of these runs code (or reads the process) under an unsandboxed Jinja engine such as nunjucks.
const hostile = [
  '{{ range.constructor("globalThis.__escaped = process.env.DBT_CLOUD_API_TOKEN")() }}',
  '{{ cycler.constructor("globalThis.__escaped = 1")() }}',
  '{{ joiner.constructor("globalThis.__escaped = 1")() }}',
  '{{ "".constructor.constructor("globalThis.__escaped = 1")() }}',
  '{{ [].constructor.constructor("globalThis.__escaped = 1")() }}',
  '{{ {}.constructor.constructor("globalThis.__escaped = 1")() }}',
  '{{ (1).constructor.constructor("globalThis.__escaped = 1")() }}',
  '{{ vars.__proto__.constructor.constructor("globalThis.__escaped = 1")() }}',
  '{{ vars["constructor"]["constructor"]("globalThis.__escaped = 1")() }}',
  '{{ "".toString.call.constructor("globalThis.__escaped = 1")() }}',
  '{{ lipsum.__globals__.os.popen("id").read() }}',
  '{{ self.__init__.__globals__ }}',
  '{{ namespace.__init__ }}',
  '{{ loop.constructor }}',
  '{% for x in range.constructor("return [1]")() %}{% endfor %}',
  '{% set f = range.constructor %}{{ f("globalThis.__escaped = 1")() }}',
  '{{ "x" | attr("constructor") }}',
  '{% include "/etc/passwd" %}',
  '{% import "os" as os %}',
  '{% extends "/etc/passwd" %}',
  '{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}',
];

describe('templates cannot reach JavaScript or the machine', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__escaped;
  });

  it.each(hostile)('%s is an error, and runs nothing', (template) => {
    const secret = 'dbtc_secret_token_value';
    process.env.DBT_CLOUD_API_TOKEN = secret;
    try {
      const got = attempt(template, { vars: { a: 1 } });
      expect(got).toHaveProperty('error');
      expect(JSON.stringify(got)).not.toContain(secret);
      expect((globalThis as Record<string, unknown>).__escaped).toBeUndefined();
    } finally {
      delete process.env.DBT_CLOUD_API_TOKEN;
    }
  });

  it('refuses vars that are not plain data (a function handed in by a program)', () => {
    expect(() => renderTemplate('{{ f }}', { f: () => 1 })).toThrow(TypeError);
    expect(() => renderTemplate('{{ d }}', { d: new Date() })).toThrow(TypeError);
  });

  it('bounds the work and the output of a template', () => {
    const cases = [
      '{% for i in range(1000000000) %}{% endfor %}',
      '{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}',
      '{{ "x" * 1000000000 }}',
      '{% set s = "x" * 1000000 %}{{ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s }}',
      `{{ ${'('.repeat(500)}1${')'.repeat(500)} }}`,
      `${'{% if true %}'.repeat(500)}x${'{% endif %}'.repeat(500)}`,
    ];
    for (const template of cases) expect(attempt(template), template).toHaveProperty('error');
  });

  it('renders a file with many expressions in time linear in its size', () => {
    const line = 'name: "{{ a ~ b }}"  # {{ a }}\n';
    const text = line.repeat(20_000);
    const output = renderTemplate(text, { a: 'x', b: 'y' });
    expect(output.length).toBe('name: "xy"  # x\n'.length * 20_000 - 1);
  });
});

describe('hostile templates in jobs files', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'jobs-template-'));
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
    delete (globalThis as Record<string, unknown>).__escaped;
  });

  const job = (name: string) =>
    `jobs:\n  nightly:\n    project_id: 1\n    environment_id: 2\n    name: "${name}"\n    execute_steps: [dbt build]\n`;

  it('reports an escape attempt in a YAML comment as a template error of that file and line', async () => {
    await writeFile(join(scratch, 'vars.yml'), 'env: prod\n');
    await writeFile(
      join(scratch, 'jobs.yml'),
      `# {{ range.constructor("globalThis.__escaped = 1")() }}\n${job('n {{ env }}')}`,
    );
    const error = await loadJobsConfig(['jobs.yml'], { cwd: scratch, vars: ['vars.yml'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobsConfigError);
    expect((error as JobsConfigError).issues).toEqual([
      { file: 'jobs.yml', line: 1, column: 11, field: '(template)', message: 'range has no attribute "constructor"' },
    ]);
    expect((globalThis as Record<string, unknown>).__escaped).toBeUndefined();
  });

  it('writes imported names and commands so that rendering gives back the same text', async () => {
    const names = ['X {{ range.constructor("globalThis.__escaped = 1")() }}', '{% raw %}', '{# c #} {{{', 'a } } b'];
    for (const name of names) {
      const config = {
        jobs: {
          nightly: {
            account_id: 43786,
            project_id: 1,
            environment_id: 2,
            name,
            execute_steps: [`dbt run --vars '${name}'`],
            generate_docs: false,
            run_generate_sources: false,
            settings: {},
            triggers: {},
            schedule: { cron: '0 4 * * *' },
          },
        },
      };
      await writeFile(join(scratch, 'jobs.yml'), toJobsYaml(config, { schemaUrl: false }));
      await writeFile(join(scratch, 'vars.yml'), 'unused: 1\n');
      for (const vars of [['vars.yml'], undefined]) {
        const loaded = await loadJobsConfig(['jobs.yml'], { cwd: scratch, ...(vars ? { vars } : {}) });
        expect(loaded.config.jobs!.nightly!.name).toBe(name);
        expect(loaded.config.jobs!.nightly!.execute_steps).toEqual([`dbt run --vars '${name}'`]);
      }
    }
    expect((globalThis as Record<string, unknown>).__escaped).toBeUndefined();
  });

  it('escapes any text so that it renders back to itself', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('{', '}', '%', '#', '-', ' ', 'a', '\n', "'", '"', '\\') }),
        (text) => {
          expect(renderTemplate(`${escapeTemplateText(text)}|`, {})).toBe(`${text}|`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
