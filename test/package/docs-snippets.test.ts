// The TypeScript a reader copies from README.md and docs/installing.md compiles under the project's strict settings
// against the package's own entries.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const entries: Record<string, string> = {
  'dbt-cloud-ts': 'src/index.js',
  'dbt-cloud-ts/jobs': 'src/jobs.js',
  'dbt-cloud-ts/node': 'src/node.js',
  'dbt-cloud-ts/validate': 'src/validate-responses/index.js',
};
// Names the snippets use as given: what a web handler or a jobs file would hand them.
const given = [
  'declare const rawBody: string;',
  'declare const request: Request;',
  'declare const secret: string;',
  "declare const config: import('dbt-cloud-ts').JobsConfig;",
].join('\n');

/** The ```ts blocks of a page as one module: imports first, the rest in an async function. */
function moduleOf(markdown: string): string {
  const lines = [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].flatMap((block) => block[1]!.split('\n'));
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import '));
  const local = (text: string) =>
    text.replace(/'(dbt-cloud-ts(?:\/\w+)?)'/g, (whole, name: string) =>
      entries[name] ? `'${join(root, entries[name])}'` : whole,
    );
  return `${local(imports.join('\n'))}\n${local(given)}\nexport async function snippets() {\n${body.join('\n')}\n}\n`;
}

const pages = ['README.md', 'docs/installing.md'];

describe('TypeScript in the docs', () => {
  let scratch: string;
  const files = new Map<string, string>();
  let problems: Array<{ file: string | undefined; text: string }>;
  // One type check for every page (a check loads the package's source: seconds, more on a loaded machine).
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'docs-snippets-'));
    for (const page of pages) {
      const source = moduleOf(await readFile(join(root, page), 'utf8'));
      expect(source, page).toContain('createDbtCloud');
      const file = join(scratch, `${page.replace(/\W/g, '-')}.mts`); // .mts: an ES module wherever it is
      await writeFile(file, source);
      files.set(page, file);
    }
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      },
    )!;
    const program = ts.createProgram([...files.values()], { ...parsed.options, noUnusedLocals: false, noEmit: true });
    problems = ts.getPreEmitDiagnostics(program).map((d) => ({
      file: d.file?.fileName,
      text: `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    }));
  }, 120_000);
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it.each(pages)('%s compiles', (page) => {
    // A page owns the problems in its own snippets and any outside every page's (in the package's source).
    const others = new Set([...files].filter(([other]) => other !== page).map(([, file]) => file));
    expect(problems.filter((problem) => !problem.file || !others.has(problem.file)).map((p) => p.text)).toEqual([]);
  });
});
